import type { Claim } from '../claims.js';
import type { ParaClaims } from './across.js';
import { type ParaText, sentenceAt } from './para.js';
import { INSTITUTION_CHARS } from './unit-name-cut.js';
import { isSubsequence, timesWritten, unitNameClaim } from './unit-name.js';
import { TITLE_LINES } from './year.js';
import { allMatches } from '../../util/matches.js';

/**
 * n.unit-name-mixed, the own place: a report is the report of one area (某市, 某区, 某县, 某镇) and of one unit there.
 * Where the text can only mean that area — "受某区人民政府委托" (the speaker's own government), "某市级“三公”经费预算总计…"
 * and "某区本级…" (its own level's totals), "经某县财政局汇总" (its own finance bureau), "现将某区本级 2020 年…公布如下"
 * (the report presenting itself), and the unit's own name as the subject of what it is, does or spends ("某区救助站是…",
 * "编报范围包括某区救助站") — a place of the same level with another name than the title's is one of the two written
 * wrong. Places of another level (the city above a district, the towns under a county) are no own place, nor any
 * place written elsewhere (对口支援某县, 与某区文化馆交流, a news report on several cities).
 */

/** A place's level, the longer ones first: 自治县 is no 县, 新区 no 区 (they are compared only as written). */
const LEVEL = '(?:自治区|自治县|自治州|自治旗|新区|省|市|区|县|旗|州|镇|乡)';
/** A place's own name: two to four characters, none of them a level, a quantity or a word of reference. */
const NAME =
  '(?!现将|兹将|特将|经|包括|纳入|受|由|对|将|上级|上述|下辖|下属|所属|自治|加上|加强|加大|从而)(?:(?![省市区县旗级全本该各每我其辖某是为的与及或对向在以强解负责指度年局委办院所站处队馆室厅校署])[\\u4e00-\\u9fff]){2,4}?';
const NAME_ONLY = new RegExp(`^${NAME}$`, 'u');
/** An outer place written before the own one ("上海市杨浦区", "某省某市"): read past, not compared. */
const OUTER = `(?:${NAME}[省市州])?`;

interface Area {
  name: string;
  level: string;
  /** The title's unit name after this place, when the title names a unit ("生活无着人员救助管理站"). */
  rest: string;
}

/**
 * "关于上海市杨浦区2019年预算执行情况…的报告", "关于乐山市级2020年“三公”经费预算情况的说明", "某市某区市场监督管理局
 * 2023年度部门决算": a title that opens with places, then its own level (级, 本级) or a unit's name (ending as an
 * institution's does) or nothing, then its year — the report of that area. Not a news title ("某市公布 2022 年…").
 */
const TITLE = new RegExp(
  `^(?:20[0-9]{2}年度?)?(?:关于)?(?:中共|中国共产党)?(?<places>(?:${NAME}${LEVEL})+)(?<rest>(?:[市区县]?本?级)|[\\u4e00-\\u9fff（）]{0,30}?[${INSTITUTION_CHARS}])?(?:（本级）)?(?:关于)?20[0-9]{2}`,
  'u',
);
const PLACE_AT = new RegExp(`^(${NAME})(${LEVEL})`, 'u');

function ownAreas(paras: ParaClaims[]): { areas: Area[]; titleAt: number; titleEnd: number } {
  const none = { areas: [], titleAt: -1, titleEnd: 0 };
  for (const [i, { p }] of paras.slice(0, TITLE_LINES).entries()) {
    const m = TITLE.exec(p.n.text);
    if (!m?.groups) continue;
    const { places, rest = '' } = m.groups as { places: string; rest?: string };
    const out: Area[] = [];
    let left = places;
    while (left) {
      const x = PLACE_AT.exec(left);
      if (!x) return none;
      left = left.slice(x[0].length);
      const unit = /级$/u.test(rest) ? '' : rest.replace(/[（）]/gu, '');
      out.push({ name: x[1] as string, level: x[2] as string, rest: `${left}${unit}` });
    }
    return { areas: out, titleAt: i, titleEnd: m[0].length };
  }
  return none;
}

/** Where a subject starts: a sentence's, a clause's, a heading's start, a year before it, the report presenting itself. */
const START =
  '(?:^|[。；：，]|包括|为|现将|兹将|特将|经|20[0-9]{2}年度?|（[一二三四五六七八九十0-9]{1,2}）|[一二三四五六七八九十]、|[0-9]{1,2}[.、]|第[一二三四五六七八九十]+部分：?)';

/**
 * The own-level positions: the place captured as (name)(level). "受某区人民政府委托", "某市级“三公”…", "某区本级…",
 * "经某县财政局汇总", "现将某区…".
 */
const OWN_POSITIONS: { re: RegExp; what: string; swap?: boolean; city?: boolean }[] = [
  {
    re: new RegExp(`受${OUTER}(${NAME})(${LEVEL})(?:人民)?政府委托`, 'gu'),
    what: '受本级人民政府委托',
    swap: true,
    city: true,
  },
  {
    re: new RegExp(
      `(?<=${START})${OUTER}(${NAME})(${LEVEL})(?=[市区县]?本?级(?:三公|行政|部门|单位|一般公共预算|财政拨款|20[0-9]{2}年))`,
      'gu',
    ),
    what: '本级的汇总数',
  },
  { re: new RegExp(`经${OUTER}(${NAME})(${LEVEL})财政局`, 'gu'), what: '经本级财政局汇总', swap: true },
  // the speaker's line over a budget report: "某区财政局局长 某某"
  {
    re: new RegExp(`^${OUTER}(${NAME})(${LEVEL})财政局(?:[^，。；：]{0,10}?、)?(?:党组书记、)?局长`, 'gu'),
    what: '报告人所在的财政局',
    swap: true,
    city: true,
  },
  // "向会议报告 2020 年某新区决算草案": the report's own subject
  {
    re: new RegExp(
      `报告(?:本[市区县])?20[0-9]{2}年度?${OUTER}(${NAME})(${LEVEL})(?=决算|预算|财政|一般公共预算)`,
      'gu',
    ),
    what: '报告介绍自己',
  },
  { re: new RegExp(`(?:现将|兹将|特将)(?:20[0-9]{2}年度?)?${OUTER}(${NAME})(${LEVEL})`, 'gu'), what: '报告介绍自己' },
];

/** The message of another place where only the own one can stand. */
const OWN_PLACE = 'unit-name-own-place';

/** A sentence telling of the past (a name borne before) or of another body beside this one. */
const ASIDE =
  /成立|始建|组建|前身|撤[县区市乡镇]|更名|改名|改称|原名|原为|对口|支援|帮扶|协作|结对|交流|联合|合作|考察|学习|兄弟|相邻|毗邻|指导|委托|托管|共建|联盟|牵头|(?:为|向|给|对|帮助)[我本](?:局|单位|部门|中心|院|委|部|办|站|所|馆|校|园|队)/u;
/** Words before a name that make it another body beside the subject: 与, 同, 和, 对, 向, 赴, 比. */
const BESIDE = /[与同和及对向赴到比较]|以及/u;
/** What the unit's name as the subject goes on with: what it is, does, has or spends, or the mark closing an entry. */
const GOES_ON =
  /^(?:因公出国|国内公务接待|公务接待|公务用车|于[0-9]{4}年|是|为|系|负责|主要|承担|位于|现有|共有|共设|内设|下设|设有|设置|核定|实有|属于|作为|贯彻|认真|按照|根据|坚持|概况|部门概况|单位概况|财政拨款|一般公共预算|三公|收入|支出|决算|预算|本级|（本级）|20[0-9]{2}年|的(?:主要)?(?:职能|职责|任务)|[，。；、]|$)/u;

/** The title's area of `level` whose name the written one is not, when the title has exactly one of that level. */
function otherThanOwn(areas: Area[], name: string, level: string): Area | undefined {
  const same = areas.filter((a) => a.level === level);
  if (same.length !== 1) return undefined;
  const own = same[0] as Area;
  if (own.name === name || !NAME_ONLY.test(name)) return undefined;
  // no area of the title written with the name (某市某县 written 某县县 …)
  if (areas.some((a) => a.name === name)) return undefined;
  // an outer place before the own one with its level left out ("南州青湾新区…" for 南州市青湾新区…) is the own place
  if (areas.some((a) => name.includes(a.name))) return undefined;
  // the own place read with an outer place run into its name ("重庆两江新区" read as 重庆两江 + 新区): 两江新区 is it
  if (own.name.endsWith(name)) return undefined;
  return own;
}

/** The levels an area's name may be written with, a zone's too ("某江新区", "某江开发区"). */
const AREA_LEVEL = '(?:新区|开发区|经开区|高新区|自治县|市|区|县|旗)';
/** "现将某新区2020年决算…报告如下": the report presenting its area's year. */
const PRESENTED = new RegExp(`(?:现将|兹将|特将)(${NAME})(${AREA_LEVEL})(?=(20[0-9]{2})年)`, 'gu');

/**
 * A text without a title of its area ("市人大常委会：…"): "现将某江开发区2020年决算备案审查情况报告如下" where the text
 * speaks of 某江新区's 2020 accounts ("对某江新区2020年决算进行了预先审查") and writes 某江新区 at least twice, 某江开发区
 * nowhere else — the area presented is the one whose year's accounts the text reviews, its level written two ways.
 */
function presentedUntitled(paras: ParaClaims[]): Claim[] {
  const texts = paras.map(({ p }) => p.n.text);
  const count = (s: string) => timesWritten(paras, s);
  const out: Claim[] = [];
  for (const { p } of paras)
    for (const m of allMatches(p.n.text, PRESENTED)) {
      const [name, level, year] = [m[1] as string, m[2] as string, m[3] as string];
      if (count(name + level) !== 1) continue;
      const other = new RegExp(`${name}(${AREA_LEVEL})(?=${year}年)`, 'gu');
      const levels = new Set(texts.flatMap((t) => [...allMatches(t, other)].map((x) => x[1] as string)));
      levels.delete(level);
      if (levels.size !== 1) continue;
      const [own] = [...levels] as [string];
      if (count(name + own) < 2) continue;
      const start = m.index + m[0].length - name.length - level.length;
      const span = { start, end: start + name.length + level.length };
      out.push(unitNameClaim(p, span, 'unit-name-presented-untitled', '报告介绍自己', name + own));
    }
  return out;
}

/** A county's, district's, city's or banner's level: one place holds one at a time (撤县设区, 撤县设市). */
const COUNTY_LEVEL = /^[市区县旗]$/u;

/**
 * "受某岭县人民政府委托" in the report titled "关于某岭区 2023 年…": the title's own place (its name alike) at another of
 * the levels one place holds in turn — a county made a district keeps its name, and the old level left where only the
 * own government, finance bureau or congress can stand is written wrong. Not when the title names that place at the
 * written level too (某顺市某顺县…), nor a province's or a prefecture's level (某林省, 某林市 may both be).
 */
function levelSwapped(areas: Area[], name: string, level: string, city = false): Area | undefined {
  if (!COUNTY_LEVEL.test(level)) return undefined;
  const same = areas.filter((a) => a.name === name);
  if (same.length !== 1 || same.some((a) => a.level === level)) return undefined;
  const own = same[0] as Area;
  // a city's own level beside a county-level place of its name is the prefecture, not a slip (某林市 over 某林县) —
  // except where only the speaker's own level stands (受…政府委托, the speaker's bureau, the congress it reports to):
  // a county's report is made on its own government's behalf, never its city's
  if (!COUNTY_LEVEL.test(own.level) || (!city && (own.level === '市' || level === '市'))) return undefined;
  return own;
}

export function ownPlaceClaims(paras: ParaClaims[]): Claim[] {
  const { areas, titleAt, titleEnd } = ownAreas(paras);
  if (areas.length === 0) return presentedUntitled(paras);
  const out: Claim[] = [];
  for (const [i, { p }] of paras.entries()) {
    const text = p.n.text;
    const said = new Set<number>();
    // the title's own line is read after its places and year only ("——在某市某区第十六届人民代表大会…会议上")
    for (const { re, what, swap, city } of i === titleAt ? [CONGRESS] : [...OWN_POSITIONS, CONGRESS])
      for (const m of allMatches(text, re)) {
        if (i === titleAt && m.index < titleEnd) continue;
        const [name, level] = [m[1] as string, m[2] as string];
        const other = otherThanOwn(areas, name, level);
        const own = other ?? (swap ? levelSwapped(areas, name, level, city) : undefined);
        if (!own) continue;
        const start = m.index + m[0].lastIndexOf(name + level);
        const sentence = sentenceAt(p, start);
        if (
          /成立|前身|撤[县区市乡镇]|更名|改名|原名|原为|对口|支援|帮扶/u.test(text.slice(sentence.start, sentence.end))
        )
          continue;
        if (said.has(start)) continue;
        said.add(start);
        const span = { start, end: start + name.length + level.length };
        out.push(unitNameClaim(p, span, other ? OWN_PLACE : 'unit-name-own-level-swapped', what, own.name + own.level));
      }
    if (i === titleAt) continue;
    out.push(...unitAtOtherPlace(p, areas, said));
    if (areas.some((a) => a.rest === '' || AREA_REPORTER.test(a.rest))) out.push(...areaTotals(p, areas, said));
  }
  return out;
}

/** "（在某市某区第十六届人民代表大会第五次会议上）", "提请某区第十七届人大常委会…": the congress the report is made at. */
const CONGRESS = {
  re: new RegExp(`(?<=在|提请|向|^|（)${OUTER}(${NAME})(${LEVEL})(?=第[一二三四五六七八九十]+届人(?:民代表)?大)`, 'gu'),
  what: '报告所在的本级人民代表大会',
  swap: true,
  city: true,
};

/** "2023 年，某区一般公共预算收入完成…": an area's report with its own totals as the subject. */
const AREA_TOTALS = new RegExp(
  `(?<=${START}，?)(${NAME})(${LEVEL})(?=(?:本级)?(?:(?:一般公共预算|政府性基金预算|国有资本经营预算|社会保险基金预算)(?:收入|支出)|财政总收入|地方财政收入))`,
  'gu',
);
/** A title's unit that reports on its area's own finances: its finance or audit bureau, its government. */
const AREA_REPORTER = /^(?:财政局|审计局|人民政府|政府)$/u;

/**
 * "2023 年，某溪区一般公共预算收入完成 18.6 亿元" in the report titled "关于某岭区 2023 年预算执行情况…": the area's own
 * totals under another place of its level. Not where the text writes two or more other places of that level so (a
 * report going through the areas under it, or comparing them).
 */
function areaTotals(p: ParaText, areas: Area[], said: Set<number>): Claim[] {
  const found = [...allMatches(p.n.text, AREA_TOTALS)]
    .map((m) => ({ m, own: otherThanOwn(areas, m[1] as string, m[2] as string) }))
    .filter((f) => f.own !== undefined && (f.own.rest === '' || AREA_REPORTER.test(f.own.rest)));
  if (new Set(found.map((f) => f.m[1])).size !== 1) return [];
  return found
    .filter(({ m }) => !said.has(m.index))
    .map(({ m, own }) => {
      const span = { start: m.index, end: m.index + (m[1] as string).length + (m[2] as string).length };
      return unitNameClaim(p, span, OWN_PLACE, '本地方的收支总数', `${own?.name}${own?.level}`);
    });
}

/** A place then a unit's name right after a subject's start: "某区救助站，", "某区文化馆 2021 年度…". */
const SUBJECT_PLACE = new RegExp(`(?<=${START})(${NAME})(${LEVEL})`, 'gu');

/**
 * "编报范围包括某河区救助站" in the report of 某心区生活无着人员救助管理站, "某溪区市场监督管理局是区政府工作部门" in the
 * report of 某市某岭区市场监督管理局: the unit's own name — the title's after its place, or a short form of it keeping its
 * characters in order and its last — as the subject of what it is or spends, under another place of the title's level.
 */
function unitAtOtherPlace(p: ParaText, areas: Area[], said: Set<number>): Claim[] {
  const text = p.n.text;
  const out: Claim[] = [];
  for (const m of allMatches(text, SUBJECT_PLACE)) {
    const [name, level] = [m[1] as string, m[2] as string];
    const own = otherThanOwn(areas, name, level);
    if (!own || own.rest.length < 2) continue;
    const start = m.index + m[0].lastIndexOf(name + level);
    if (said.has(start)) continue;
    const after = start + name.length + level.length;
    // the longest run after the place that is the own unit's name or its short form, ending as it ends
    const last = own.rest.at(-1) as string;
    let unitEnd = -1;
    for (let k = after + 2; k <= Math.min(text.length, after + own.rest.length); k += 1) {
      const run = text.slice(after, k);
      if (!/^[\u4e00-\u9fff]+$/u.test(run)) break;
      if (run.at(-1) === last && isSubsequence(run, own.rest) && (run.length >= 3 || run === own.rest)) unitEnd = k;
    }
    if (unitEnd < 0 || !GOES_ON.test(text.slice(unitEnd))) continue;
    const sentence = sentenceAt(p, start);
    // another body beside this one ("与某区文化馆开展…", "全年赴某区救助站学习"), or the past ("原某县农业局")
    if (BESIDE.test(text.slice(sentence.start, start)) || ASIDE.test(text.slice(sentence.start, sentence.end)))
      continue;
    said.add(start);
    out.push(unitNameClaim(p, { start, end: unitEnd }, OWN_PLACE, '本单位名称', own.name + own.level + own.rest));
  }
  return out;
}
