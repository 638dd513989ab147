import type { Claim } from '../claims.js';
import { groupsCountAt } from './count-claim.js';
import type { ParaState } from './state.js';

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
  for (const m of text.matchAll(PARTS_THEN_WHOLE)) {
    const g = m.groups as { parts: string; n: string; c: string };
    const people = (c: string) => (c === '名' ? '人' : c);
    const parts = [...g.parts.matchAll(PART)];
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
