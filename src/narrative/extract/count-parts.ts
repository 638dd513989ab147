import type { Claim } from '../claims.js';
import { groupsCount, groupsCountAt } from './count-claim.js';
import { sentenceAt } from './para.js';
import { countOf } from './list-complete.js';
import type { ParaState } from './state.js';
import { allMatches } from '../../util/matches.js';

/** The counters parts and their whole may be counted in (人 and 名 one counter). */
const PART_COUNTER = '个|所|家|人|名|辆|张|项|套|台';

/**
 * "设有临床科室 21 个、医技科室 7 个、职能科室 18 个，共计 46 个科室", "新建项目 3 个，续建项目 5 个，共 8 个": parts, each
 * a name and its number in one counter, then 共计/合计/总计/共 and the whole right after them.
 */
const PARTS_THEN_WHOLE = new RegExp(
  `(?<=^|[，。；：])(?<parts>(?:[^，。；：、0-9]{1,12}?[0-9]{1,5}(?:${PART_COUNTER})(?!次)[、，]){2,12}?)(?:共计|合计|总计|共)(?:有|为)?(?<n>[0-9]{1,5})(?<c>${PART_COUNTER})(?!次)`,
  'gu',
);

/** One part: its name and its number. */
const PART = new RegExp(`([^，、0-9]{1,12}?)([0-9]{1,5})(${PART_COUNTER})[、，]`, 'gu');

/** Names that are no parts of one whole: a change, a breakdown, people by sex, party, age or schooling. */
const NOT_A_PART =
  /其中|包括|含|比|较|共|计|每|各|平均|累计|人均|增加|减少|增长|下降|同比|持平|女|男|党员|团员|少数民族|青年|博士|硕士|研究生|本科|大专|职称|以上|以下|余|约|近|超/u;

/**
 * The parts add up to the whole written right after them with 共计/合计/共: read only when every part is counted in
 * the whole's counter, names another thing, and none is a change, a breakdown or a cross-cutting class.
 */
export function partsThenWholeClaims(s: ParaState): Claim[] {
  const { p } = s;
  const text = p.n.text;
  const out: Claim[] = [];
  for (const m of allMatches(text, PARTS_THEN_WHOLE)) {
    const g = m.groups as { parts: string; n: string; c: string };
    const people = (c: string) => (c === '名' ? '人' : c);
    const parts = [...allMatches(g.parts, PART)];
    if (parts.length < 2 || parts.some((x) => people(x[3] as string) !== people(g.c))) continue;
    const labels = parts.map((x) => (x[1] as string).trim());
    if (labels.some((l) => l === '' || NOT_A_PART.test(l)) || new Set(labels).size !== labels.length) continue;
    const sum = parts.reduce((a, x) => a + Number(x[2]), 0);
    const n = Number(g.n);
    if (sum === n) continue;
    out.push(groupsCountAt(p, m, g.n, { n, counter: g.c, sum, what: '“共计”前所列各项之和' }));
  }
  return out;
}

/** A count in digits or in Chinese numerals. */
const NUM = '[0-9]{1,3}|[一二两三四五六七八九十]{1,3}';

/** The units a department's own body stands beside: its second-level units, its subordinate ones. */
const UNITS_NOUN = '(?:[^，。；：、（）0-9和及与]{0,8}?(?:单位|机构|中心|学校|医院|站|所))';

/**
 * "决算编制单位共 4 个，包括局本级和 3 个二级单位", "共 4 个预算单位，即本级及所属 3 个事业单位": the whole first, then the
 * department's own body (本级) and its units; "由部门本级及所属 4 个事业单位组成，共 5 个预算单位", "本级和下属 3 个单位共 4
 * 个": the body and its units first, then the whole. The list ends right after the units' noun. A place's 本级 ("市本级
 * 和 5 个区") is a level of government, many units: not read.
 */
const OWN_PLUS_AFTER = new RegExp(
  `(?<m>${NUM})个[^，。；：0-9]{0,10}?[，：]?(?:包括|包含|含|即|为|由)：?[^，。；：、0-9（）]{0,10}?(?<![市县区省州镇乡旗])本级(?:单位)?(?:和|及|与|、|以及|加)(?:所属|下属|直属)?(?<k>${NUM})个${UNITS_NOUN}(?=[。；，]|组成|构成|$)`,
  'gu',
);
const OWN_PLUS_BEFORE = new RegExp(
  `(?<![市县区省州镇乡旗])本级(?:单位)?(?:和|及|与|、|以及|加)(?:所属|下属|直属)?(?<k>${NUM})个${UNITS_NOUN}(?:组成|构成)?，?(?:共|合计|共计|总计)(?:有|计)?(?<m>${NUM})个`,
  'gu',
);

/**
 * n.count: the department's own body and its N units are N + 1 units — the whole the text writes beside them must be
 * so many.
 */
export function ownPlusUnitsClaims(s: ParaState): Claim[] {
  const { p } = s;
  const out: Claim[] = [];
  const read = (m: RegExpMatchArray & { index: number }, first: boolean) => {
    const g = m.groups as { m: string; k: string };
    const n = countOf(g.m);
    const sum = countOf(g.k) + 1;
    if (!(n > 0) || n === sum) return;
    const c = { n, counter: '个', sum, what: '本级与所列单位之和' };
    // (the whole opens the match when written first: its figure may be the units' too, "共 4 个，包括本级和 4 个…")
    const at = { start: m.index, end: m.index + g.m.length + 1 };
    out.push(first ? groupsCount(p, sentenceAt(p, m.index), at, c) : groupsCountAt(p, m, g.m, c));
  };
  for (const m of allMatches(p.n.text, OWN_PLUS_AFTER)) read(m, true);
  for (const m of allMatches(p.n.text, OWN_PLUS_BEFORE)) read(m, false);
  return out;
}
