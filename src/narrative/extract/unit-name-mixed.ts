import type { Claim } from '../claims.js';
import { sourceSlice } from '../text/normalise.js';
import type { ParaClaims } from './across.js';
import { ownPlaceClaims } from './own-place.js';
import { type ParaText, sentenceAt } from './para.js';
import {
  otherPlace,
  overviewLeftClaims,
  slotApartClaims,
  slotOtherPlaceClaims,
  slotSwappedClaims,
} from './slot-other-place.js';
import { soleUnitClaims } from './sole-unit.js';
import { underParentClaims } from './under-parent.js';
import {
  commonStartLength,
  COVER_YEAR,
  coreOf,
  isSubsequence,
  otherOfKind,
  slotNameClaim,
  swapped,
  timesWritten,
  titleName,
  unitNameClaim,
} from './unit-name.js';
import { INSTITUTION_CHARS, NAME_END, type NameSlot, nameSlots, OVERVIEW } from './unit-name-cut.js';
import { TITLE_LINES } from './year.js';
import { allMatches } from '../../util/matches.js';

/**
 * n.unit-name-mixed (warn): the unit's name written in a way no short form takes — only where the text itself
 * shows the name it should be. A unit writes its name long and short (中共某市委宣传部 / 中国共产党某市委员会宣传部,
 * 某县委会 / 某县委员会) and a short form keeps its characters in order; these do not:
 * - a district's or county's 区/县 lost inside a formal name the text also writes whole ("某市石坪人民法院" beside
 *   "某市石坪区人民法院": the city is kept, the 区 alone dropped);
 * - a short form's beginning left before the full name ("中共某市中国共产党某市委员会宣传部": one replaced by the
 *   other and the old one's start left);
 * - the unit describing itself under the title's name with another kind of unit ("某区就业服务局为…事业单位" in the
 *   report of 某区就业中心): the same place and field, a 局 for a 中心;
 * - the unit's own name with two of its pieces swapped ("某苗族瑶族自治县…" for "某瑶族苗族自治县…"): the same characters,
 *   another order;
 * - where only the unit's own name stands (before "2023年部门预算", in "第一部分 X概况"), a name one character off the
 *   name every other such place and the title write ("某市第二幼儿园" among "某市第三幼儿园");
 * - the title's name one character off where the unit speaks of itself, its name the subject of what it is, does or
 *   spends ("某市白露湖小学校是…事业单位" under the title 某市白鹭湖小学校);
 * - the table of contents and the body naming another unit in the same part's overview heading.
 */
export function mixedNameClaims(paras: ParaClaims[]): Claim[] {
  // a name read as a slip both where only the unit's name stands and as the subject of what it spends is one finding
  const said = new Set<string>();
  return [
    ...lostLevelClaims(paras),
    ...splicedClaims(paras),
    ...otherKindClaims(paras),
    ...swappedClaims(paras),
    ...slotSlipClaims(paras),
    ...slotOtherUnitClaims(paras),
    ...slotOtherPlaceClaims(paras),
    ...slotApartClaims(paras),
    ...slotSwappedClaims(paras),
    ...overviewLeftClaims(paras),
    ...underParentClaims(paras),
    ...soleUnitClaims(paras),
    ...selfSlipClaims(paras),
    ...doubledEndClaims(paras),
    ...framingConflictClaims(paras),
    ...presentedLevelClaims(paras),
    ...overviewConflictClaims(paras),
    ...placeSubjectSlipClaims(paras),
    ...ownPlaceClaims(paras),
    ...twinNameClaims(paras),
    ...deepVariantClaims(paras),
    ...townLevelClaims(paras),
    ...titleTownClaims(paras),
  ].filter((c) => {
    const key = `${c.para.n}:${c.sentence.start}:${c.kind === 'residue' ? c.written : ''}`;
    if (said.has(key)) return false;
    said.add(key);
    return true;
  });
}

/** The characters a unit's name ends with: an institution (局, 中心, 法院, 委员会, 办公室, 镇政府…). */
const INSTITUTION_END = new RegExp(`[${INSTITUTION_CHARS}]$`, 'u');

/**
 * "石坪区": a city's (市, 州) district or county, its name of two or three characters, written whole. The name
 * holds no level itself: in "浙江杭州市西湖区" the city is 杭州市, not 杭州 with a district 市西湖.
 */
const DISTRICT = /(?<=[\u4e00-\u9fff]{2}[市州])((?:(?![省市州区县])[\u4e00-\u9fff]){2,3}?)[区县]/gu;
/** How far a name is read past the district. */
const NAME_REACH = 12;

/** The longest start of `a` and `b` alike that ends a unit's name ("人民法院是…", "人民法院" → 人民法院). */
function sharedName(a: string, b: string): string {
  let shared = a.slice(0, commonStartLength(a, b));
  while (shared && !INSTITUTION_END.test(shared)) shared = shared.slice(0, -1);
  return shared;
}

const hanAfter = (text: string, at: number): string =>
  /^[\u4e00-\u9fff]*/u.exec(text.slice(at, at + NAME_REACH))?.[0] ?? '';

/**
 * "某市石坪人民法院" where the text writes "某市石坪区人民法院" too: the city before and the institution after are the
 * same, only the 区 (县) between is gone — a formal name keeps its city and drops no level inside it.
 */
function lostLevelClaims(paras: ParaClaims[]): Claim[] {
  // "某市石坪" → the level character and the names written after "某市石坪区"
  const whole = new Map<string, { level: string; after: string[] }>();
  for (const { p } of paras)
    for (const m of allMatches(p.n.text, DISTRICT)) {
      const key = p.n.text.slice(m.index - 3, m.index) + (m[1] as string);
      const level = m[0].slice(-1);
      const after = hanAfter(p.n.text, m.index + m[0].length);
      const entry = whole.get(key) ?? { level, after: [] };
      if (entry.level !== level) continue;
      entry.after.push(after);
      whole.set(key, entry);
    }
  const out: Claim[] = [];
  for (const [key, { level, after }] of whole) {
    for (const { p } of paras) {
      for (let at = p.n.text.indexOf(key); at >= 0; at = p.n.text.indexOf(key, at + 1)) {
        const rest = hanAfter(p.n.text, at + key.length);
        if (!rest || rest[0] === '区' || rest[0] === '县') continue;
        const name = after.map((a) => sharedName(rest, a)).find((s) => s.length >= 2);
        if (!name) continue;
        const span = { start: at, end: at + key.length + name.length };
        const should = `${key}${level}${name}`;
        out.push(unitNameClaim(p, span, 'unit-name-level', sourceSlice(p.n, span.start, span.end), should));
      }
    }
  }
  return out;
}

/** The unit's own names: the title's ("某局 2024 年度部门决算"), the overview heading's ("第一部分 某局概况"). */
function ownNames(paras: ParaClaims[]): string[] {
  const names = new Set<string>();
  const title = titleName(paras);
  if (title) names.add(title.name);
  for (const { p } of paras) {
    const name = OVERVIEW.exec(p.n.text)?.groups?.name;
    if (name) names.add(name.replace(/[（）]/gu, ''));
  }
  return [...names];
}

/** How many characters before the full name are read for a short form's beginning. */
const SPLICE_REACH = 8;

/**
 * "中共某市中国共产党某市委员会宣传部": right before the unit's full name, the beginning of another writing of it —
 * characters that start as the name starts and stand in it in order (中共某市 in 中国共产党某市…) — with no mark
 * between: one writing was put in over the other and the old one's start left.
 */
function splicedClaims(paras: ParaClaims[]): Claim[] {
  const names = ownNames(paras).filter((n) => n.length >= 6);
  const out: Claim[] = [];
  for (const { p } of paras) {
    const text = p.n.text;
    out.push(...placeDoubledClaims(p));
    for (const name of names) {
      for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
        const run = /[\u4e00-\u9fff]*$/u.exec(text.slice(Math.max(0, at - SPLICE_REACH), at))?.[0] ?? '';
        let left = '';
        for (let k = run.length; k >= 3 && !left; k -= 1) {
          const piece = run.slice(-k);
          if (piece[0] === name[0] && isSubsequence(piece, name)) left = piece;
        }
        if (!left) continue;
        const span = { start: at - left.length, end: at + name.length };
        out.push(
          unitNameClaim(p, span, 'unit-name-spliced', sourceSlice(p.n, span.start, span.start + left.length), name),
        );
      }
    }
  }
  return out;
}

/** A unit's kind, the words its name ends with: 局, 中心, 服务局, 服务中心, 办公室, 委员会… */
const KIND = /^(?:服务|管理|事务)?(?:局|中心|站|所|处|队|馆|院|办公室|办公厅|委员会|办|厅)$/u;
/** The place part of a name: up to its last 省, 市, 区, 县, 州 or 旗. */
const PLACE_END = /[省市区县州旗]/u;
/** A sentence that tells of a unit under this one, or names this one ("为我局所属", "本单位下设"). */
const OTHER_UNIT = /下属|下设|[我本](?:局|单位|部门|中心|院|委|部|办|站|所)/u;
/** "某区就业服务局为…事业单位", "…是…机构": a unit described, at a sentence's start. */
const SELF =
  /(?<=^|[。；])(?:[（(]?[一二三四五六七八九十0-9]{1,2}[)）、.])?([\u4e00-\u9fff]{4,30}?)(?:为|是)(?=[^。；]*(?:单位|机构|机关|部门))/gu;

/**
 * "某区就业和人才服务局为某区人社局所属…事业单位" in the report titled 某区就业和人才中心: the same place and the same
 * field, another kind of unit, where a unit describes itself. Not a unit under or beside this one: the sentence
 * names neither the title's unit nor 本单位/我局, and the one kind is no shortening of the other (委会 / 委员会).
 */
function otherKindClaims(paras: ParaClaims[]): Claim[] {
  const found = titleName(paras);
  if (!found) return [];
  const { title, name } = found;
  const out: Claim[] = [];
  for (const { p } of paras) {
    for (const m of allMatches(p.n.text, SELF)) {
      const written = m[1] as string;
      if (!written.startsWith(name.slice(0, 2)) || written === name) continue;
      const sentence = sentenceAt(p, m.index);
      if (OTHER_UNIT.test(p.n.text.slice(sentence.start, sentence.end))) continue;
      if (p.n.text.slice(sentence.start, sentence.end).includes(name)) continue;
      const kinds = differingKinds(written, name);
      if (!kinds) continue;
      const start = m.index + m[0].length - 1 - written.length;
      const span = { start, end: start + written.length };
      out.push(unitNameClaim(p, span, 'unit-name-kind', sourceSlice(p.n, span.start, span.end), title));
    }
  }
  return out;
}

/**
 * The kinds two names of one place and field end with, when that is all they differ in ("某区就业和人才服务局",
 * "某区就业和人才中心" → 服务局, 中心): the place alike up to its last level, then at least two characters of the
 * field alike, then each a kind of unit, neither a shortening of the other.
 */
function differingKinds(a: string, b: string): [string, string] | undefined {
  const n = commonStartLength(a, b);
  let placeEnd = n;
  while (placeEnd > 0 && !PLACE_END.test(a[placeEnd - 1] as string)) placeEnd -= 1;
  if (placeEnd < 3 || n - placeEnd < 2) return undefined;
  // the kinds may share their start ("办公厅", "办公室"): read them whole, the field before them alike
  for (let k = n; k >= Math.max(placeEnd + 2, n - 2); k -= 1) {
    const [kindA, kindB] = [a.slice(k), b.slice(k)];
    if (!KIND.test(kindA) || !KIND.test(kindB)) continue;
    if (isSubsequence(kindA, kindB) || isSubsequence(kindB, kindA)) return undefined;
    return [kindA, kindB];
  }
  return undefined;
}

/** The shortest name read for a swap or a slip: shorter ones may be another unit's by chance. */
const SLIP_NAME_LENGTH = 6;

/**
 * "中国共产党某瑶族苗族自治县委员会…" in the report of 中国共产党某苗族瑶族自治县委员会…: the unit's own name (the title's,
 * the overview heading's) written with two of its pieces swapped. A name is written one way; the same characters in
 * another order name no other unit.
 */
function swappedClaims(paras: ParaClaims[]): Claim[] {
  const names = ownNames(paras).filter((n) => n.length >= SLIP_NAME_LENGTH);
  const out: Claim[] = [];
  for (const { p } of paras) {
    const text = p.n.text;
    for (const name of names)
      for (let at = text.indexOf(name.slice(0, 2)); at >= 0; at = text.indexOf(name.slice(0, 2), at + 1)) {
        const written = text.slice(at, at + name.length);
        if (!swapped(written, name)) continue;
        const span = { start: at, end: at + name.length };
        out.push(unitNameClaim(p, span, 'unit-name-swapped', sourceSlice(p.n, span.start, span.end), name));
      }
  }
  return out;
}

/** How many characters at a name's end (its kind: 局, 中心, 幼儿园) a slip is not read in: another kind is another unit. */
const KIND_REACH = 2;

/** Whether `a` and `b` differ in one character only, and not in the last KIND_REACH. */
function oneCharOff(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const at = commonStartLength(a, b);
  return a.slice(at + 1) === b.slice(at + 1) && at < a.length - KIND_REACH;
}

/** The name the most of `slots` write, when at least two write it and no other name is written as often. */
function mostWritten(slots: readonly NameSlot[]): string | undefined {
  const times = new Map<string, number>();
  for (const s of slots) times.set(s.name, (times.get(s.name) ?? 0) + 1);
  const [top, next] = [...times].sort((a, b) => b[1] - a[1]);
  return top && top[1] >= 2 && (!next || next[1] < top[1]) ? top[0] : undefined;
}

/**
 * Whether `short` is `name` with one character dropped before its kind ("中共某市党校" for 中共某市委党校), not one a
 * short form drops on its own (员, 和 …), a bracket, nor a number.
 */
function oneCharDropped(short: string, name: string): boolean {
  if (short.length !== name.length - 1) return false;
  const at = commonStartLength(short, name);
  const dropped = name[at] as string;
  return (
    short.slice(at) === name.slice(at + 1) &&
    (at < name.length - KIND_REACH || (at < name.length - 1 && kindStillWhole(short, dropped))) &&
    !/[（）]/u.test(dropped) &&
    !DROPPED_IN_SHORT_FORMS.test(dropped) &&
    // an ordinal's number left out ("某县第中学") is a placeholder's (n.placeholder); 中心 losing its 中 tells nothing apart
    (!TELLS_APART.test(dropped) || `${dropped}${name[at + 1]}` === '中心') &&
    // one of a doubled character is what a short form merges ("中医医院" → "中医院")
    dropped !== name[at - 1] &&
    !outerLevelDropped(name, at)
  );
}

/** A province's or city's level: what a name's opening place drops in a short form. */
const OUTER_LEVEL = /^[省市]$/u;

/**
 * Whether the character dropped at `at` is the level of the place a name opens with ("南州市青湾新区…" → "南州青湾新区…",
 * "南州省青湾县…" → "南州青湾县…"): the common short form — a level inside the name, after its first place
 * ("某市石坪区人民法院" → "某市石坪人民法院"), is not.
 */
function outerLevelDropped(name: string, at: number): boolean {
  // (州 ends many a place's own name — 某州市 — so it does not mark a level before)
  return OUTER_LEVEL.test(name[at] as string) && at >= PLACE_NAME_LEFT && !/[省市县区旗]/u.test(name.slice(0, at));
}

/** Characters that rank a unit against one of its kind: 分局 and 局, 支队 and 队, 总站 and 站. */
const KIND_RANK = /^[分总支副]$/u;

/**
 * Whether a character dropped inside the kind at a name's end leaves no other kind ("某市广播电视台" → "某市广播电台"
 * is a slip; the last character lost is a cut, n.unit-name-cut's): not a rank (分局 → 局 names the bureau above), nor a drop that leaves a kind of two characters
 * ("某县中医医院" → "某县中医院").
 */
function kindStillWhole(short: string, dropped: string): boolean {
  return !KIND_RANK.test(dropped) && !KINDS_OF_TWO.test(short.slice(-2));
}

/**
 * "第三部分：某市第二幼儿园2023年部门预算报表" under the title "某市第三幼儿园2023年部门预算公开说明": the places that
 * can only hold the unit's own name hold one name; one of them a character off the title's, which another place
 * writes too, is a slip, not another unit's report.
 */
function slotSlipClaims(paras: ParaClaims[]): Claim[] {
  const slots = nameSlots(paras);
  const first = slots.find((s) => s.part === undefined && paras.indexOf(s.pc) < TITLE_LINES);
  // no title among the first lines (a text opening with its overview): the name most such places write, twice or more
  const own = first?.name ?? mostWritten(slots);
  if (!own || own.length < SLIP_NAME_LENGTH) return [];
  // the title's name written again, in such a place or any other ("某镇人民政府负责…"): the slip is the other writing
  const times = timesWritten(paras, own);
  if (times < 2) return [];
  return slots
    .filter((s) => oneCharOff(s.name, own) || oneCharDropped(s.name, own))
    .map((s) => slotNameClaim(s.pc.p, s.at, s.name, 'unit-name-slip', own));
}

/** A part's heading, no sentence in it: "第三部分 某单位2024年度部门决算情况说明". */
const PART_HEADING = /^第[一二三四五六七八九十]+部分[^，。；：]*$/u;

/**
 * "第三部分 某市甲镇中心幼儿园2021年度部门决算情况说明" in a report whose title and other parts all write 某市第五幼儿园:
 * a place that can only hold the unit's own name holds another unit of the same kind (ending alike in 幼儿园) — a
 * part copied from that unit's report. Read only in a part's heading, and when the own name stands in more such
 * places than the other.
 */
function slotOtherUnitClaims(paras: ParaClaims[]): Claim[] {
  const slots = nameSlots(paras);
  const times = (name: string) => slots.filter((s) => s.name === name).length;
  const [own] = [...new Set(slots.map((s) => s.name))].sort((a, b) => times(b) - times(a));
  if (!own || own.length < SLIP_NAME_LENGTH || times(own) < 2) return [];
  const core = coreOf(own);
  return slots
    .filter(
      (s) =>
        times(s.name) < times(own) &&
        // a part's heading, not a sentence that opens with a name ("纳入某中心2024年度部门决算编制范围的…")
        PART_HEADING.test(s.pc.p.n.text) &&
        !isSubsequence(own, s.name) &&
        !isSubsequence(s.name, own) &&
        // one character off is a slip (slotSlipClaims), not another unit
        !oneCharOff(s.name, own) &&
        otherOfKind(s.name, own, core),
    )
    .map((s) => slotNameClaim(s.pc.p, s.at, s.name, 'unit-name-other-unit', own));
}

/**
 * Characters that tell units of one kind apart, not a slip of one of them: an order or number (第一/第二), a direction or
 * size (城东/城西, 小学/中学).
 */
const TELLS_APART = /^[一二三四五六七八九十百零〇两0-9东西南北中上下前后左右内外新老大小甲乙丙丁初高正副]$/u;
/** A place's level (某市某区/某市某县): it tells units apart only against another level (州 beside 洲 is a slip). */
const PLACE_LEVEL = /^[省市区县州镇乡村旗街]$/u;
/**
 * What a unit's name, as the subject, goes on with: what it is, does or has ("设 4 个内设机构", "设置办公室…"), or the
 * figures it spends.
 */
const SUBJECT_GOES_ON =
  /^(?:是|为|系|贯彻|负责|主要|承担|坚持|位于|现有|共有|共设(?:有|置)?|内设|下设|下辖|设有|设置|设立|设[0-9一二三四五六七八九十两]+个|核定|实有|始建|成立|隶属|属于|作为|认真|全面|严格|积极|按照|根据|围绕|财政拨款|一般公共预算|政府性基金|本级|收入|支出|三公|决算|预算|年末|年度末实有|机关运行|(?:国内)?公务接待|因公出国|公务用车|20[0-9]{2}年|的(?:主要)?(?:职能|职责|任务))/u;
/**
 * "X（本级）", "X本级": the name marked as the report's own level, wherever it stands (a 单位构成 list, "行政机构为X（本级）",
 * "纳入…范围的单位为X本级").
 */
const MARKED_OWN = /^（?本级/u;
/**
 * Where a subject starts: a sentence's or clause's start, the report presenting itself ("现将某局 2023 年度部门决算公开
 * 如下"), a heading's number, a year framing it ("2018 年某局财政拨款…",
 * "2024 年，某局认真贯彻…"), a clause saying from what side it is told ("从预算单位构成看，某局属于…") or on what ground
 * ("按照某编〔2012〕8 号文件，某会的主要职责有…").
 */
const SUBJECT_START =
  /(?:^|[。；：]|(?:看|来看|而言|来说|文件|规定|批复|通知|精神|职责|职能|要求|方案|决定)，|(?:^|[。；：，])(?:现将|兹将|特将))(?:[（]?[一二三四五六七八九十0-9]{1,2}[）、.])?(?:20[0-9]{2}年度?，?)?$/u;
/** How far before a name its subject's start is looked for. */
const START_REACH = 12;

/**
 * Whether `written` is `name` with one character changed that no other unit of the kind would differ in: not in the
 * kind at the end (局, 中心, 学校) unless the change leaves no name's ending there ("某县殡仪管" for 某县殡仪馆), and not
 * in a character that tells units apart (第一/第二, 城东/城西, 小学/中学).
 */
function slipOf(written: string, name: string): boolean {
  if (written.length !== name.length || written === name) return false;
  const at = commonStartLength(written, name);
  if (written.slice(at + 1) !== name.slice(at + 1)) return false;
  // an order or a direction on either side tells units apart (城关 beside 城南 is another school); a place's level
  // only against another level (某县 beside 某区)
  const [w, n] = [written[at] as string, name[at] as string];
  // a bracket written or left out is the name's own writing, no character changed
  if (/[（）]/u.test(w + n)) return false;
  // a mark or a figure where the name has a character is the name's edge, not a character changed ("，某市…" after "某省")
  if (!/^[\u4e00-\u9fff]$/u.test(w)) return false;
  if (TELLS_APART.test(w) || TELLS_APART.test(n) || (PLACE_LEVEL.test(w) && PLACE_LEVEL.test(n))) return false;
  // "（本级）" after the name is no part of it: the kind ends before it, and a change inside it is no other unit
  const end = name.length - (OWN_LEVEL.exec(name)?.[0].length ?? 0);
  if (at >= end) return false;
  if (at < end - kindLength(name.slice(0, end))) return true;
  // "人民检查院" for 人民检察院: the kind's middle changed into no kind of two characters (医院, 法院 are)
  if (at === end - 2 && KINDS_OF_THREE.test(name.slice(0, end)))
    return !KINDS_OF_TWO.test(written.slice(0, end).slice(-2));
  return at === end - 1 && !NAME_END.test(written.slice(0, end));
}

/** Kinds of unit written in three characters: a change in their middle leaves no kind. */
const KINDS_OF_THREE =
  /(?:检察院|卫生院|研究院|设计院|福利院|敬老院|养老院|图书馆|博物馆|文化馆|纪念馆|档案馆|科技馆|委员会|联合会|办公室|事务所|派出所|管理所|服务所|服务站|工作站|管理站|幼儿园|办事处|管理处|指挥部|合作社|供销社)$/u;
/** Kinds of unit written in two characters ("某县人民医院" beside "某县人民法院" is another unit). */
const KINDS_OF_TWO =
  /^(?:法院|医院|学院|书院|剧院|分院|党校|学校|中学|小学|大学|分局|总局|支局|中心|分会|总会|商会|协会|学会|公司|分所|支队|大队|中队|分队|总队|馆所|分站|总站|会所|公所|诊所|厂所|处所|社区|分社|总社|报社|旅社|部门|总部|分部|支部|本部|党委|工委|县委|市委|区委|科室|处室|馆室|园区|校区|院区)$/u;

/** How few characters a place's name keeps when one is dropped from it: "某路" of 某某路 (街道), never one. */
const PLACE_NAME_LEFT = 2;
/** A place's level right after its name: 街道, 镇, 乡, 县, 市, 区. */
const PLACE_AFTER = /^[\u4e00-\u9fff]?(?:街道|镇|乡|县|市|区)/u;
/** Characters a name's short form drops on its own: 委员会 → 委会, 文化和旅游 → 文化旅游, 开发区/新区/园区 → 区. */
const DROPPED_IN_SHORT_FORMS = /^[员和与及的暨新园发业、]$/u;

/**
 * Whether `written` is `name` with one character dropped from a place's name right before its level ("松岗路街道" →
 * "松岗街道", "青山区" → "青区" is not read: a place's name keeps two characters) — a short form keeps a place's name
 * whole and drops words (人民政府 → 政府, 委员会 → 委会, 文化和旅游 → 文化旅游).
 */
function dropOf(written: string, name: string): boolean {
  if (written.length !== name.length - 1) return false;
  const at = commonStartLength(written, name);
  if (written.slice(at) !== name.slice(at + 1)) return false;
  const dropped = name[at] as string;
  if (/[（）]/u.test(dropped) || DROPPED_IN_SHORT_FORMS.test(dropped) || TELLS_APART.test(dropped)) return false;
  if (!PLACE_AFTER.test(name.slice(at + 1))) return false;
  // the place's name as written keeps at least PLACE_NAME_LEFT characters before the one dropped, since the level
  // or the 政府 before it
  return (/[^省市区县州旗镇乡府]*$/u.exec(name.slice(0, at))?.[0].length ?? 0) >= PLACE_NAME_LEFT;
}

/** The level a village's or township's name may be given: 乡, 镇, 村. */
const INSERTED_LEVEL = /^[乡镇村]$/u;

/**
 * Whether `written` is `name` with a place's level put in after a place's name inside it ("柳湾乡小学校" for the
 * short form 柳湾小学校 of 青石镇柳湾小学校): the name as titled has no such level there, and a short form drops
 * words, never adds one — the place is written as another level than the title gives it.
 */
function levelInserted(written: string, name: string): boolean {
  if (written.length !== name.length + 1) return false;
  const at = commonStartLength(written, name);
  if (!INSERTED_LEVEL.test(written[at] as string) || written.slice(at + 1) !== name.slice(at)) return false;
  // after a place's name of two characters or more (since the name's start or the level before it), and not right
  // before a level or a kind that opens with one of these characters (镇政府, 村委会 are the name's own words)
  const place = /[^省市区县州旗镇乡村]*$/u.exec(name.slice(0, at))?.[0] ?? '';
  return place.length >= PLACE_NAME_LEFT && !/^(?:[省市区县州旗镇乡村街]|人民|政府|委)/u.test(name.slice(at));
}

/** "（本级）", "本级" closing a name: the unit itself, not its subordinate units ("某局（本级）"). */
const OWN_LEVEL = /（?本级）?$/u;

/**
 * How many characters at a name's end are its kind: one for a government organ named by its field ("…监督局",
 * "…事务局", "…司法厅": the character before is the field's, 督 in 监督), else KIND_REACH ("中心", "医院" beside "法院",
 * "分局").
 */
function kindLength(name: string): number {
  return /(?<![分总支])[局厅署]$/u.test(name) ? 1 : KIND_REACH;
}

/**
 * "2018 年某局“三公”经费预算情况说明", "某局 2024 年部门预算", "某会（本级）2022 年部门预算情况说明": a title the 决算
 * title reader (titleName) does not read — a budget's, or its year first — gives the unit's name where it ends in an
 * institution's character right before the report's kind (部门, 单位, 三公, 财政拨款), its year or its own level.
 */
const BUDGET_TITLE = new RegExp(
  `^(?:20[0-9]{2}年度?)?(?<name>[\\u4e00-\\u9fff（）]{3,40}?[${INSTITUTION_CHARS}])(?:（本级）)?(?:20[0-9]{2}年度?)?(?:部门|单位|三公|财政拨款)[^，。；：]{0,30}?(?:预算|决算)`,
  'u',
);

function budgetTitleName(paras: ParaClaims[]): { title: string; name: string } | undefined {
  for (const { p } of paras.slice(0, TITLE_LINES)) {
    const name = BUDGET_TITLE.exec(p.n.text)?.groups?.name;
    if (name) return { title: name, name: name.replace(/[（）]/gu, '') };
  }
  return undefined;
}

/**
 * "某市白露湖园区实验小学校是财政全额拨款的事业单位", "某县殡仪管贯彻落实…", "2018 年某市质量监察局财政拨款“三公”经费预算合计…"
 * under the title 某市白鹭湖园区实验小学校 (某县殡仪馆, 某市质量监督局): the title's name with one character changed, as
 * the subject of what the unit is, does or spends — the place where a text speaks of itself. No unit of the kind
 * differs from it so (slipOf), and the name stops there: what follows is the subject's verb or figure.
 */
function selfSlipClaims(paras: ParaClaims[]): Claim[] {
  const found = selfName(paras);
  if (!found || found.name.length < SLIP_NAME_LENGTH) return [];
  const { title, source } = found;
  // the name as the title writes it too: "某局（本级）设 4 个内设机构" keeps its brackets
  const forms = [...new Set([...shortForms(found.name), ...shortForms(title)])];
  // "某街道办事处（本级）" titled so: the name before its own level is read too, "（本级）" then after it (MARKED_OWN)
  for (const form of [...forms]) {
    const bare = form.replace(OWN_LEVEL, '');
    if (bare !== form && bare.length >= SLIP_NAME_LENGTH && !forms.includes(bare)) forms.push(bare);
  }
  // what stands before a form in the full name ("某市" before the short form "某区某局"): where its places start
  const before = (form: string): string => {
    const short = form.replace(OWN_LEVEL, '');
    const full = [found.name, title].map((n) => n.replace(OWN_LEVEL, '')).find((n) => n.endsWith(short)) ?? short;
    return full.slice(0, full.length - short.length);
  };
  // a level put in is read in the short form after a town's name too ("柳湾小学校" of 青石镇柳湾小学校): shorter than
  // the forms read for a slip, the level put in is what makes it certain
  const towns = townForms(found.name).filter((f) => !forms.includes(f));
  const read: { p: ParaText; start: number; end: number; claim: Claim }[] = [];
  // how often the text writes a form as it stands (the title's own writing counted)
  const counted = new Map<string, number>();
  const times = (form: string): number => {
    if (!counted.has(form)) counted.set(form, timesWritten(paras, form));
    return counted.get(form) as number;
  };
  const covers = coverLines(paras);
  for (const { p } of paras) {
    const text = p.n.text;
    read.push(...townSlips(p, found.name, source));
    // the slip may be in the name's first character or its second: one of them stands as written
    for (const name of [...forms, ...towns])
      for (const at of slipStarts(text, name)) {
        // one character changed, or one dropped from a place's name ("某路街道" → "某街道") or elsewhere where no short
        // form drops one ("某县残疾人联合会" → "某县残疾联合会")
        const town = towns.includes(name);
        let changed: 'level' | 'added' | 'doubled' | undefined;
        const length = [name.length + 2, name.length, name.length - 1, name.length + 1].find((n) => {
          const written = text.slice(at, at + n);
          if (n === name.length + 2) {
            if (town || !wordAdded(written, name) || times(name) < 2) return false;
            changed = 'added';
            return true;
          }
          if (n > name.length) {
            if (levelInserted(written, name)) return true;
            if (town || !charDoubled(written, name)) return false;
            changed = 'doubled';
            return true;
          }
          if (town) return false;
          if (n === name.length && levelChanged(written, name, before(name))) {
            changed = 'level';
            return true;
          }
          return n === name.length ? slipOf(written, name) : dropOf(written, name) || oneCharDropped(written, name);
        });
        if (length === undefined) continue;
        const after = text.slice(at + length);
        const subject =
          SUBJECT_START.test(text.slice(Math.max(0, at - START_REACH), at)) && SUBJECT_GOES_ON.test(after);
        // a cover's line holding the name alone (places before it at most), and "单位名称：X。" naming one unit
        const cover = covers.has(p) && after === '' && COVER_PLACES.test(text.slice(0, at));
        const alone =
          NAMED_ALONE.test(text.slice(Math.max(0, at - START_REACH), at)) &&
          /^(?:[。；]|$)/u.test(after) &&
          !/、/u.test(text.slice(sentenceAt(p, at).start, sentenceAt(p, at).end));
        if (!subject && !MARKED_OWN.test(after) && !cover && !alone) continue;
        const span = { start: at, end: at + length };
        if (namesOthersOfKind(text, found.name, text.slice(at, at + length))) continue;
        const sentence = sentenceAt(p, at);
        // a name the unit bore before ("某县某局成立于 2015 年，撤县设区后更名为…") is history, no slip; a sentence that
        // tells of a unit under this one ("…服务局为本局下属事业单位") or names this one beside it tells of two bodies
        const told = text.slice(sentence.start, at) + text.slice(at + length, sentence.end);
        // (a name marked as the report's own level, "纳入本部门…的单位为 X 本级", is this unit whatever the sentence says)
        const another = !MARKED_OWN.test(after) && !cover && !alone && (OTHER_UNIT.test(told) || told.includes(name));
        if (changed && (HISTORY.test(told) || another)) continue;
        const written = text.slice(at, at + length);
        const messageId = changed
          ? { level: 'unit-name-self-level-changed', added: 'unit-name-self-added', doubled: 'unit-name-self-doubled' }[
              changed
            ]
          : cover
            ? 'unit-name-cover'
            : alone && !subject
              ? 'unit-name-named-alone'
              : !subject
                ? 'unit-name-own-marked'
                : length > name.length
                  ? 'unit-name-self-level'
                  : length === name.length
                    ? 'unit-name-self-slip'
                    : dropOf(written, name)
                      ? 'unit-name-self-dropped'
                      : 'unit-name-self-missing';
        read.push({ p, ...span, claim: unitNameClaim(p, span, messageId, source, title) });
      }
  }
  // one slip read through the full name and its short forms ("某市某区某镇…", "某区某镇…") is one finding: the longest
  return read
    .filter(
      (f) =>
        !read.some((o) => o.p === f.p && o.start <= f.start && f.end <= o.end && o.end - o.start > f.end - f.start),
    )
    .map((f) => f.claim);
}

/**
 * Where a slip of `name` may start in `text`, in order: at its first character as written, or one before its second
 * as written. Found by indexOf rather than a test at every position: the names are several, the text long.
 */
function* slipStarts(text: string, name: string): Generator<number> {
  const first = name[0] as string;
  const second = name[1] as string;
  const last = text.length - name.length;
  let a = text.indexOf(first);
  let b = text.indexOf(second, 1);
  while (true) {
    const at = Math.min(a < 0 ? Number.POSITIVE_INFINITY : a, b < 0 ? Number.POSITIVE_INFINITY : b - 1);
    if (at > last) return;
    yield at;
    if (a === at) a = text.indexOf(first, at + 1);
    if (b - 1 === at) b = text.indexOf(second, at + 2);
  }
}

/** "单位名称：", "单位全称：" right before a name: the unit named where the scope holds one. */
const NAMED_ALONE = /(?:单位名称|单位全称)：$/u;
/** The places a cover's name line may open with ("某省某县"): no other words. */
const COVER_PLACES = /^(?:[\u4e00-\u9fff]{2,4}?[省市州县区旗])*$/u;
/** A cover's kind line ("部门决算", "单位预算"), under its year line (COVER_YEAR: "2021年度"). */
const COVER_KIND = /^(?:部门|单位)(?:决算|预算)$/u;

/**
 * A report's cover: "2021年度" / "某县某乡小学校" / "部门决算", a line each — the middle one holds the unit's own name
 * and nothing else.
 */
function coverLines(paras: ParaClaims[]): Set<ParaText> {
  const out = new Set<ParaText>();
  for (const [i, { p }] of paras.entries()) {
    if (!/^[\u4e00-\u9fff（）]{4,40}$/u.test(p.n.text)) continue;
    const [before, next] = [paras[i - 1]?.p.n.text ?? '', paras[i + 1]?.p.n.text ?? ''];
    if (COVER_YEAR.test(before) && COVER_KIND.test(next)) out.add(p);
  }
  return out;
}

/** A county's, district's or city's level, one of which a place holds at a time (某区, formerly 某县). */
const SWAPPED_LEVEL = /^[区县市旗]$/u;
/** A sentence telling of the unit's past: a name it bore before is no slip. */
const HISTORY =
  /成立|始建|组建|前身|撤[县区市乡镇]|更名|改名|改称|改为|改设|设立|建立|原名|原为|原[\u4e00-\u9fff]{2,4}[县区市]/u;

/**
 * Whether `written` is `name` with the level of a place inside it changed ("重庆市某山县人民政府某街道办事处" for
 * 重庆市某山区人民政府…): a district and a county of one name under one city are the same place at two times, never two
 * bodies at once. Only a place right after a city (`before` and the name's start hold it) and with a unit after it: a
 * province's city and county may bear one name (某顺市, 某顺县), and a place's name alone says no unit.
 */
function levelChanged(written: string, name: string, before: string): boolean {
  if (written.length !== name.length || written === name) return false;
  const at = commonStartLength(written, name);
  if (written.slice(at + 1) !== name.slice(at + 1)) return false;
  const head = before + name.slice(0, at);
  const outer = Math.max(...['省', '市', '区', '县', '州', '旗'].map((c) => head.lastIndexOf(c)));
  if (TOWNSHIP_LEVEL.test(written[at] as string) && TOWNSHIP_LEVEL.test(name[at] as string))
    return townshipLevelChanged(head, outer, name.slice(at + 1));
  if (!SWAPPED_LEVEL.test(written[at] as string) || !SWAPPED_LEVEL.test(name[at] as string)) return false;
  // a city before (某市, 某州: under a province a city and a county may bear one name, 某省某顺市 / 某省某顺县), then
  // this place's own name of two characters or more, then a unit after (林业局, 人民政府…)
  return (
    outer >= 1 &&
    /[市州]/u.test(head[outer] as string) &&
    head.length - outer - 1 >= PLACE_NAME_LEFT &&
    name.length - at - 1 >= KIND_REACH
  );
}

/** A township's level, one of which a place holds at a time (某乡, made a 镇). */
const TOWNSHIP_LEVEL = /^[乡镇]$/u;
/** A township's own body after its level: its government, its party committee, its office. */
const TOWNSHIP_BODY = /^(?:人民政府|政府|党委|党政办|人民代表大会|人大)/u;

/**
 * "（一）职能职责。肖山乡人民政府主要职能为…" in the report of 某市某区肖山镇人民政府: a 乡 and a 镇 of one name under one
 * county (district, city) are one place at two times (撤乡建镇), never two bodies at once — read only with a county's
 * level right before the place's own name (two characters or more), and the township's own body after it.
 */
function townshipLevelChanged(head: string, outer: number, after: string): boolean {
  return (
    outer >= 0 &&
    /[区县市旗]/u.test(head[outer] as string) &&
    head.length - outer - 1 >= PLACE_NAME_LEFT &&
    TOWNSHIP_BODY.test(after)
  );
}

/**
 * Whether `written` is `name` with one of its characters inside written twice ("某县林林业局" for 某县林业局) — not a
 * place's level, which a full name writes twice on its own (某县县委, 某镇镇政府), nor its last character (a doubled
 * end before a figure is doubledEndClaims').
 */
function charDoubled(written: string, name: string): boolean {
  if (written.length !== name.length + 1) return false;
  const at = commonStartLength(written, name);
  if (at < 1 || at >= name.length) return false;
  const c = written[at] as string;
  return (
    c === name[at - 1] &&
    written.slice(at + 1) === name.slice(at) &&
    /^[\u4e00-\u9fff]$/u.test(c) &&
    !PLACE_LEVEL.test(c)
  );
}

/** Words a name's short form leaves out, that a full name holds before its kind: 服务中心, 管理所, 事务局. */
const ADDED_WORD = /^(?:服务|管理|事务|综合|中心)$/u;

/**
 * Whether `written` is `name` with a word put in right before its kind ("某市公共资源交易服务中心" for 某市公共资源交易中心,
 * "某区环境卫生管理所" for 某区环境卫生所): where the text writes the name as it stands twice or more (its title and
 * another place), the unit naming itself with more words is another writing of it, no short form.
 */
function wordAdded(written: string, name: string): boolean {
  if (written.length !== name.length + 2) return false;
  const at = commonStartLength(written, name);
  if (at < name.length - KIND_REACH || at >= name.length) return false;
  return (
    ADDED_WORD.test(written.slice(at, at + 2)) &&
    written.slice(at + 2) === name.slice(at) &&
    (INSTITUTION_END.test(name) || /[小中]学$/u.test(name))
  );
}

/** A town's or township's government, or a street's office: "某县南岭镇人民政府" → 南岭, 镇. */
const TOWN_GOVERNMENT = /(?<=[省市区县州旗])([\u4e00-\u9fff]{2,4}?)(镇|乡|街道)(?:人民政府|办事处)$/u;
/** What a town's own name goes on with as the subject of its own make-up. */
const TOWN_GOES_ON = /^(?:内设|下设|下辖|设有|设置|共设|现有|辖|是|为|位于|负责|坚持|认真|20[0-9]{2}年)/u;

/**
 * "…规定，南岭填镇内设综合办事机构 8 个" in the report of 某县南岭镇人民政府: the town written by its own name (the
 * title's without 人民政府), one character of that name changed, as the subject of what the town has or does — no other
 * town speaks of its own offices in this report. Not when the paragraph names a third town of the level (it speaks of
 * several), nor a change in a character that tells places apart (东/西, 新/老).
 */
function townSlips(p: ParaText, name: string, source: string): ParsedSlip[] {
  const m = TOWN_GOVERNMENT.exec(name);
  if (!m) return [];
  const [place, level] = [m[1] as string, m[2] as string];
  const text = p.n.text;
  const others = new Set(
    [...allMatches(text, new RegExp(`([\u4e00-\u9fff]{${place.length}})${level}`, 'gu'))]
      .map((x) => x[1] as string)
      // a word of levels or a quantifier is no town's name: 乡镇, 城镇, 全镇, 本镇, 各乡
      .filter((o) => !/[省市区县州旗乡镇村街全本该各每城集]/u.test(o)),
  );
  const out: ParsedSlip[] = [];
  for (let at = text.indexOf(level); at >= 0; at = text.indexOf(level, at + 1)) {
    const start = at - place.length;
    if (start < 0) continue;
    const written = text.slice(start, at);
    if (written === place || !/^[\u4e00-\u9fff]+$/u.test(written)) continue;
    const k = commonStartLength(written, place);
    if (written.slice(k + 1) !== place.slice(k + 1)) continue;
    const [w, n] = [written[k] as string, place[k] as string];
    if (TELLS_APART.test(w) || TELLS_APART.test(n) || PLACE_LEVEL.test(w) || PLACE_LEVEL.test(n)) continue;
    if (!TOWN_GOES_ON.test(text.slice(at + level.length))) continue;
    if (!SUBJECT_START.test(text.slice(Math.max(0, start - START_REACH), start))) continue;
    // a third town named in the paragraph: it speaks of several, and this may be another of them
    if ([...others].some((o) => o !== place && o !== written)) continue;
    const span = { start, end: at + level.length };
    out.push({ p, ...span, claim: unitNameClaim(p, span, 'unit-name-self-slip', source, `${place}${level}`) });
  }
  return out;
}

/**
 * What a name goes on with after its last character written twice ("某县司法局局国内公务接待…"): the figures the unit
 * spends or its year — never 局长, 局机关, 局本级, 局属, 局负责人, 局内设…, where the second 局 opens a word of its own.
 */
const DOUBLED_GOES_ON =
  /^(?:20[0-9]{2}年|国内公务接待|公务接待|因公出国|公务用车|一般公共预算|财政拨款|“?三公|收入总计|支出总计|部门决算|部门预算)/u;

/** A unit's name written at a subject's start, its last character twice: "2018 年某县司法局局…", "。某中心心…". */
const DOUBLED = new RegExp(
  `(?<=(?:^|[。；：，]|20[0-9]{2}年度?)(?:[（]?[一二三四五六七八九十0-9]{1,2}[）、.])?)([\\u4e00-\\u9fff]{3,30}?([${INSTITUTION_CHARS}]))\\2`,
  'gu',
);

/**
 * "2018 年某县司法局局国内公务接待共 151 批次" where the text writes 某县司法局 elsewhere: a unit's name with its last
 * character written twice, before what the unit spends or its year — one 局 typed over. Read only where the name stands
 * once more in the text as written, not doubled.
 */
function doubledEndClaims(paras: ParaClaims[]): Claim[] {
  const texts = paras.map(({ p }) => p.n.text);
  const out: Claim[] = [];
  for (const { p } of paras) {
    for (const m of allMatches(p.n.text, DOUBLED)) {
      const end = m.index + m[0].length;
      if (!DOUBLED_GOES_ON.test(p.n.text.slice(end))) continue;
      const name = m[1] as string;
      // the name written elsewhere, not doubled ("某县司法局 2018 年度…"), or its short form after its places
      const forms = [name, ...shortForms(name).slice(1)].filter((f) => f.length >= 4);
      const single = (f: string) =>
        texts.some((t) => [...allMatches(t, new RegExp(`${f}(?!${f.slice(-1)})`, 'gu'))].length > 0);
      if (!forms.some(single)) continue;
      const span = { start: m.index, end };
      out.push(unitNameClaim(p, span, 'unit-name-doubled', '文中别处', name));
    }
  }
  return out;
}

/**
 * A unit's name framing its own year's figures: "某校 2022 年度一般公共预算财政拨款“三公”经费支出…", "某局 2023 年度收入总计…" —
 * a place that holds the reporting unit's name only.
 */
const FRAMING_NAME = new RegExp(
  `(?<=(?:^|[。；：])(?:[（]?[一二三四五六七八九十0-9]{1,2}[）、.])?)([\\u4e00-\\u9fff]{5,30}?[${INSTITUTION_CHARS}])(?=20[0-9]{2}年度?(?:一般公共预算|财政拨款|“三公”|三公|收入总计|支出总计|收、支总计|部门决算|部门预算))`,
  'gu',
);

/**
 * The same place with the year first: "2013 年某省人民政府办公厅“三公”经费财政拨款决算数为…" — the name right after the
 * year opening a sentence, right before the figures it frames.
 */
const FRAMED_AFTER_YEAR = new RegExp(
  `(?<=(?:^|[。；：])(?:[（]?[一二三四五六七八九十0-9]{1,2}[）、.])?20[0-9]{2}年度?，?)(?![度，])([\\u4e00-\\u9fff]{5,30}?[${INSTITUTION_CHARS}])(?=“三公”|三公|一般公共预算|财政拨款|收入总计|支出总计|收、支总计|部门决算|部门预算)`,
  'gu',
);

/**
 * "某省青山职业学校 2022 年度一般公共预算财政拨款“三公”经费支出预算为…" and, two paragraphs on, "某省青山职业学院 2022 年度
 * 一般公共预算财政拨款“三公”经费支出决算中…": the places where a unit frames its own year's figures name two units that
 * differ in one character (the kind at the end too: 学校/学院) — one report states one unit's figures, so one of them is
 * written wrong. Read when exactly two names stand there, one character apart, not in a character that tells units
 * apart (序号, 方位, 中学/小学); the later one written is reported, or the one written fewer times.
 */
function framingConflictClaims(paras: ParaClaims[]): Claim[] {
  const found = paras.flatMap(({ p }) =>
    [FRAMING_NAME, FRAMED_AFTER_YEAR].flatMap((re) =>
      [...allMatches(p.n.text, re)].map((m) => ({ p, m, yearFirst: re === FRAMED_AFTER_YEAR })),
    ),
  );
  const names = [...new Set(found.map((f) => f.m[1] as string))];
  if (names.length !== 2) return [];
  const [a, b] = names as [string, string];
  if (a.length !== b.length || a.length < SLIP_NAME_LENGTH) return [];
  const at = commonStartLength(a, b);
  if (a.slice(at + 1) !== b.slice(at + 1)) return [];
  const [x, y] = [a[at] as string, b[at] as string];
  if (TELLS_APART.test(x) || TELLS_APART.test(y) || (PLACE_LEVEL.test(x) && PLACE_LEVEL.test(y))) return [];
  // the year first is how news round several bodies up ("2023 年某市审计局…", "2023 年某市统计局…"): there the two
  // names must differ in their kind only (办公厅 / 办公室), not in the field that tells one body from another, and not
  // into two kinds of two characters, each a body of its own (人民医院 / 人民法院, 职业学校 / 职业学院)
  const yearFirst = found.some((f) => f.yearFirst);
  if (yearFirst && (at < a.length - KIND_REACH || (KINDS_OF_TWO.test(a.slice(-2)) && KINDS_OF_TWO.test(b.slice(-2)))))
    return [];
  const times = (n: string) => found.filter((f) => f.m[1] === n).length;
  const wrong = times(a) > times(b) ? b : times(b) > times(a) ? a : b;
  const right = wrong === a ? b : a;
  return found
    .filter((f) => f.m[1] === wrong)
    .map(({ p, m }) =>
      unitNameClaim(p, { start: m.index, end: m.index + wrong.length }, 'unit-name-framing', right, right),
    );
}

/** A title's subject right before its year: "某市2024年预算执行情况…", "关于某县2023年…的报告", "某局2024年度部门决算". */
const TITLE_SUBJECT =
  /^(?:关于)?(?<name>[\u4e00-\u9fff（）]{2,40}?)(?<year>20[0-9]{2})年度?(?<kind>[\u4e00-\u9fff“”]{2})/u;
/** "现将某县 2024 年预算执行情况…提请…审议", "兹将…", "特将…": the report presenting itself, its subject named. */
const PRESENTED =
  /(?:现将|兹将|特将)(?<name>[\u4e00-\u9fff（）]{2,40}?)(?<year>20[0-9]{2})年度?(?<kind>[\u4e00-\u9fff“”]{2})/gu;
/** The levels a place's name bears, one at a time. */
const PLACE_LEVELS = /^[省市区县州旗]$/u;

/**
 * "现将某县 2024 年预算执行情况及 2025 年预算草案提请…审议" under the title "某市 2024 年预算执行情况及…": where the report
 * presents itself ("现将 X 2024 年…"), X is the title's subject, its year and words after it the title's too — the same
 * place written with another level (市 for 县, 区 for 县) is one place written wrong (a county-level city that was a
 * county is named by its present level in its own year's report). Read only there: a city's report may speak of a
 * county of its name (某顺市, 某顺县) anywhere else.
 */
function presentedLevelClaims(paras: ParaClaims[]): Claim[] {
  const title = paras
    .slice(0, TITLE_LINES)
    .map(({ p }) => TITLE_SUBJECT.exec(p.n.text)?.groups)
    .find((g) => g !== undefined);
  if (!title) return [];
  const { name, year, kind } = title as { name: string; year: string; kind: string };
  const out: Claim[] = [];
  for (const { p } of paras.slice(1)) {
    for (const m of allMatches(p.n.text, PRESENTED)) {
      const g = m.groups as { name: string; year: string; kind: string };
      if (g.year !== year || g.kind !== kind || g.name.length !== name.length) continue;
      const at = commonStartLength(g.name, name);
      if (at >= name.length || g.name.slice(at + 1) !== name.slice(at + 1)) continue;
      if (!PLACE_LEVELS.test(g.name[at] as string) || !PLACE_LEVELS.test(name[at] as string)) continue;
      // the place's own name before the level, two characters or more
      if (
        at - Math.max(-1, ...['省', '市', '区', '县', '州', '旗'].map((c) => name.slice(0, at).lastIndexOf(c))) - 1 <
        PLACE_NAME_LEFT
      )
        continue;
      const start = m.index + m[0].indexOf(g.name, 2);
      const span = { start, end: start + g.name.length };
      out.push(unitNameClaim(p, span, 'unit-name-presented-level', '标题', name));
    }
  }
  return out;
}

interface ParsedSlip {
  p: ParaText;
  start: number;
  end: number;
  claim: Claim;
}

/**
 * The name the unit gives itself and where it is written: the title's (a 决算's, a budget's), else the overview
 * heading's ("第一部分 某中心概况"), else — a section without either — the name written as the subject of what the unit
 * is or does at least twice and more often than any other ("某局的主要职责是…", "某局由三个内设科室组成").
 */
function selfName(paras: ParaClaims[]): { title: string; name: string; source: string } | undefined {
  const titled = titleName(paras) ?? budgetTitleName(paras);
  if (titled) return { ...titled, source: '标题' };
  const overview = paras.map(({ p }) => OVERVIEW.exec(p.n.text)?.groups?.name).find(Boolean);
  if (overview) return { title: overview, name: overview.replace(/[（）]/gu, ''), source: '概况标题' };
  const times = new Map<string, number>();
  for (const { p } of paras)
    for (const re of [SUBJECT_NAME, SCOPE_NAME])
      for (const m of allMatches(p.n.text, re)) {
        const name = (m[1] ?? m[2]) as string;
        times.set(name, (times.get(name) ?? 0) + 1);
      }
  const [top, next] = [...times].sort((a, b) => b[1] - a[1]);
  if (!top || top[1] < 2 || (next && next[1] === top[1])) return undefined;
  return { title: top[0], name: top[0], source: '文中以本单位为主语的各处' };
}

/**
 * "某局的主要职责是…", "某局由三个内设科室组成", "（一）某局负责…": a unit's name (six characters or more, ending as an
 * institution's does) opening a sentence, a clause or a numbered line, followed by what the unit is, does or has.
 */
const SUBJECT_NAME = new RegExp(
  `(?:^|[。；：]|(?:看|来看|而言|来说)，)(?:（?[一二三四五六七八九十0-9]{1,2}[）、.])?([\\u4e00-\\u9fff]{5,30}?[${INSTITUTION_CHARS}])(?=的(?:主要)?(?:职能|职责|任务)|是|为|负责|承担|由[^。；]{1,20}?组成|内设|下设|设有|现有|主要|20[0-9]{2}年度|年度?末实有)`,
  'gu',
);

/**
 * The unit naming its own scope: "纳入某局年度部门决算编报的单位共 1 个", "纳入某局 2018 年度部门决算编制范围的…", "其中：行政单位 1 个，
 * 即某局。" — its name where no other unit's stands.
 */
const SCOPE_NAME = new RegExp(
  `(?:纳入([\\u4e00-\\u9fff]{5,30}?[${INSTITUTION_CHARS}])(?:20[0-9]{2})?年度?(?:部门|单位)?(?:决算|预算)|[：:，,]即([\\u4e00-\\u9fff]{5,30}?[${INSTITUTION_CHARS}])(?=[。；]|$))`,
  'gu',
);

/** A name's kind from its last place's level on: "某市某区白塔镇人民政府" → 镇人民政府, "某市某区人民法院" → 区人民法院. */
function kindFromLevel(name: string): string {
  const at = Math.max(...['镇', '乡', '区', '县', '市', '街道'].map((c) => name.lastIndexOf(c)));
  return at < 0 ? '' : name.slice(at);
}

/**
 * Whether a paragraph names a unit of the title's kind at a third place, neither the title's nor the slip's ("…与
 * 某区白沙镇人民政府联合…" beside 某区白塔镇 and 某区白培镇): it speaks of several such units, and one a character off the
 * title's may be another of them.
 */
function namesOthersOfKind(text: string, name: string, written: string): boolean {
  const kind = kindFromLevel(name);
  if (kind.length < 3) return false;
  const places = new RegExp(`([\\u4e00-\\u9fff]{2})${kind}`, 'gu');
  const own = [name, written].map((n) => n.slice(0, n.length - kind.length).slice(-2));
  return [...allMatches(text, places)].some((m) => !own.includes(m[1] as string));
}

/** A name and its short forms that drop the places before it ("某市某县殡仪馆", "某县殡仪馆"), none shorter than a slip is read in. */
function shortForms(name: string): string[] {
  const out = [name];
  // (a place inside brackets is no cut: "某开发区（某区）大数据中心" has no short form "）大数据中心")
  for (let at = 0; at < name.length; at += 1)
    if (
      PLACE_END.test(name[at] as string) &&
      name.length - at - 1 >= SLIP_NAME_LENGTH &&
      !/^[（）]/u.test(name.slice(at + 1)) &&
      // "贵州省…": 州 there is the province's name, not a level a short form starts after
      !PLACE_END.test(name[at + 1] as string)
    )
      out.push(name.slice(at + 1));
  return out;
}

/** How many characters a town's short form keeps at least: a place's name and a kind ("柳湾小学"). */
const TOWN_FORM_LENGTH = 4;

/** The name's forms after a town's or township's level ("青石镇柳湾小学校" → 柳湾小学校): where a level put in is read. */
function townForms(name: string): string[] {
  const out: string[] = [];
  for (const m of allMatches(name, /[镇乡]|街道/gu)) {
    const rest = name.slice(m.index + m[0].length);
    if (rest.length >= TOWN_FORM_LENGTH && !/^(?:人民|政府|[（）])/u.test(rest)) out.push(rest);
  }
  return out;
}

/**
 * "第一部分 县殡仪服务中心概况" in the table of contents, "第一部分 县殡葬管理所概况" over the body of the report titled
 * 某县殡仪服务中心: one part's overview heading written twice, once with the title's unit (or its short form) and once
 * with another unit's name written nowhere else — that part was taken from the other unit's report. A heading
 * that names no unit ("第一部分 单位基本概况", ending in no unit's character) is no other unit. With no title to say
 * which unit the report is, the table of contents and the body heading right after it ("第一部分 某市司法局概况" over
 * "第一部分 另一市司法局概况", only headings between) naming one kind of unit at two places is the same conflict.
 */
function overviewConflictClaims(paras: ParaClaims[]): Claim[] {
  const found = titleName(paras);
  // "第一部分 某街道办事处部门概况": the heading's 部门/单位 is no part of the name
  const slots = nameSlots(paras).map((s) =>
    s.part === undefined ? s : { ...s, name: s.name.replace(/(?:部门|单位)(?:基本)?$/u, '') },
  );
  if (!found) return pairedOverviewClaims(paras, slots);
  const own = (n: string) => isSubsequence(n, found.name) || isSubsequence(found.name, n);
  const all = paras.map(({ p }) => p.n.text).join('\n');
  const out: Claim[] = [];
  for (const slot of slots) {
    if (slot.part === undefined || own(slot.name) || !NAME_END.test(slot.name)) continue;
    if (slots.filter((s) => s.name === slot.name).length > 1) continue;
    const mine = slots.find((s) => s.part === slot.part && own(s.name));
    if (!mine) {
      if (siblingBureau(paras, slot.name, found.name) && !TWO_NAMES.test(all))
        out.push(slotNameClaim(slot.pc.p, slot.at, slot.name, 'unit-name-overview-title', found.title));
      continue;
    }
    const span = { start: slot.at, end: slot.at + slot.name.length };
    const should = sourceSlice(mine.pc.p.n, mine.at, mine.at + mine.name.length);
    out.push(
      unitNameClaim(slot.pc.p, span, 'unit-name-overview', sourceSlice(slot.pc.p.n, span.start, span.end), should),
    );
  }
  return out;
}

/** A text telling of a unit's second name, a merger or a renaming: the overview may name the unit otherwise. */
const TWO_NAMES = /挂牌|牌子|合署|一套班子|更名|改名|原名|合并|整合|组建|撤销/u;

/**
 * Whether `written` and `own` are two government bureaus of one place ("某市西夏区综合执法局", "某市西夏区自然资源局"): the
 * same places up to a level, then each a field of three characters or more and 局, the fields sharing no character
 * (a renamed bureau keeps some: 卫生局 / 卫生健康局), neither a rank (分局). The text tells of the title's field again and
 * never of the other's: one body bearing two names (综合行政执法局 and 城市管理局) tells of both fields in its duties.
 */
function siblingBureau(paras: ParaClaims[], written: string, own: string): boolean {
  let at = commonStartLength(written, own);
  while (at > 0 && !/[省市区县州旗]/u.test(own[at - 1] as string)) at -= 1;
  if (at < 3) return false;
  const [a, b] = [written.slice(at), own.slice(at)];
  if (!/^[\u4e00-\u9fff]{3,12}(?<!分)局$/u.test(a) || !/^[\u4e00-\u9fff]{3,12}(?<!分)局$/u.test(b)) return false;
  if ([...a.slice(0, -1)].some((c) => b.slice(0, -1).includes(c))) return false;
  return timesWritten(paras, a.slice(0, -1)) === 1 && timesWritten(paras, b.slice(0, -1)) >= 2;
}

/**
 * overviewConflictClaims with no title: a part's overview heading in the table of contents and again over the body,
 * with nothing but headings from the one to the other (no sentence: a page holding two units' reports in turn has one's
 * body between),
 * naming units of one kind at two places (otherPlace). The later one is reported, unless the text writes it more often.
 */
function pairedOverviewClaims(paras: ParaClaims[], slots: NameSlot[]): Claim[] {
  const index = new Map(paras.map((pc, i) => [pc, i]));
  const times = (s: string): number => timesWritten(paras, s);
  const out: Claim[] = [];
  const overviews = slots.filter((s) => s.part !== undefined);
  for (const [k, later] of overviews.entries()) {
    const earlier = overviews
      .slice(0, k)
      .reverse()
      .find((s) => s.part === later.part);
    if (!earlier) continue;
    // (the earlier heading's own paragraph too: a heading and the text under it may be read as one)
    const between = paras.slice(index.get(earlier.pc), index.get(later.pc));
    if (between.some(({ p }) => /[。；]/u.test(p.n.text))) continue;
    if (!otherPlace(later.name, earlier.name)) continue;
    const [wrong, right] = times(later.name) > times(earlier.name) ? [earlier, later] : [later, earlier];
    const should = sourceSlice(right.pc.p.n, right.at, right.at + right.name.length);
    out.push(slotNameClaim(wrong.pc.p, wrong.at, wrong.name, 'unit-name-overview-pair', should));
  }
  return out;
}

/** A title opening with a county's (district's, banner's) name of two characters: "某源县上半年公共资源交易节约资金…". */
const TITLE_PLACE = /^([\u4e00-\u9fff]{2})([县区旗])(?![\u4e00-\u9fff]?[县区旗])/u;
/** Where a text's subject starts: a sentence's or clause's start, or after a time it opens with ("今年以来，"). */
const PLACE_SUBJECT_START = /(?:^|[。；：]|(?:以来|年来|近年|今年|去年|上半年|下半年|期间|目前|当前)，)$/u;
/** What the subject place goes on with: what it does ("按照…", "坚持…", "共完成…"). */
const PLACE_GOES_ON =
  /^(?:按照|坚持|认真|积极|全面|围绕|紧扣|不断|始终|切实|着力|大力|扎实|深入|进一步|通过|共完成|共|完成|实现|聚焦|立足|持续|严格|加快|强化|狠抓|把)/u;
/** Words of levels or quantities before 县/区 that name no place: 全县, 本县, 各区, 城区, 辖区. */
const NO_PLACE = /[全本该各每我两邻外省市区县州旗乡镇村城辖郊园新老]/u;

/**
 * "今年以来，富原县按照…" under the title "富源县上半年…" (its source line naming 富源县 again): the county a news text is
 * about, written as the subject of what it did with one character of its name changed — no other county of that
 * name is spoken of. Read only where the title opens with the place and the text writes it at least twice, the
 * other writing stands once, as the subject of a sentence (at its start, or after the time it opens with, followed
 * by what it did), the changed character tells no places apart (东/西, 新/老, a level), and the text names no third
 * place of that level.
 */
function placeSubjectSlipClaims(paras: ParaClaims[]): Claim[] {
  const first = paras[0]?.p.n.text ?? '';
  const m = TITLE_PLACE.exec(first);
  if (!m || /[。；]/u.test(first)) return [];
  const [name, level] = [m[1] as string, m[2] as string];
  const place = `${name}${level}`;
  if (timesWritten(paras, place) < 2) return [];
  const named = new RegExp(`([\\u4e00-\\u9fff]{2})${level}`, 'gu');
  const found = paras.flatMap(({ p }) =>
    [...allMatches(p.n.text, named)].map((x) => ({ p, at: x.index, other: x[1] as string })),
  );
  const others = new Set(found.map((f) => f.other).filter((o) => o !== name && !NO_PLACE.test(o)));
  if (others.size !== 1) return [];
  const [other] = [...others] as [string];
  const at = commonStartLength(other, name);
  if (at >= name.length || other.slice(at + 1) !== name.slice(at + 1)) return [];
  const [w, n] = [other[at] as string, name[at] as string];
  if (TELLS_APART.test(w) || TELLS_APART.test(n) || PLACE_LEVEL.test(w) || PLACE_LEVEL.test(n)) return [];
  const slips = found.filter((f) => f.other === other);
  if (slips.length !== 1) return [];
  const { p, at: start } = slips[0] as (typeof slips)[number];
  const text = p.n.text;
  const end = start + place.length;
  if (!PLACE_SUBJECT_START.test(text.slice(Math.max(0, start - 6), start)) || !PLACE_GOES_ON.test(text.slice(end)))
    return [];
  return [unitNameClaim(p, { start, end }, 'unit-name-self-slip', '标题', place)];
}

/** How many characters of the own name a twin keeps at its start and at its end (the kind) at least. */
const TWIN_START = 3;
const TWIN_END = 2;
/** Words a short form drops or a full form adds: never read as a twin's change. */
const SHORT_FORM_WORDS = /^(?:人民|中国共产党|中共|委员|委员会|[员和与及的暨、])$/u;
/** An ordinal put into a name ("某县第一人民医院" for 某县人民医院). */
const ORDINAL = /^第[一二三四五六七八九十]$/u;
/** A line holding a name alone (a table's row, a signature, a cover), a numbering before it at most. */
const NAME_ALONE_BEFORE = /^(?:[（(]?[一二三四五六七八九十0-9]{1,2}[)）、.:：]?)?$/u;

/**
 * The own name written once with a change no short form makes — where only the own name stands. `written` is `name`
 * with one stretch changed: a character (or two) for one (or two, not two for two: "人民医院" and "中医医院" are two
 * hospitals), two dropped (only where the name stands alone), an ordinal put in ("某县第一人民医院"). At least TWIN_START
 * characters kept at its start and TWIN_END at its end (the kind: another kind is another unit).
 */
function twinOf(
  text: string,
  at: number,
  name: string,
): { written: string; kind: 'changed' | 'dropped' | 'ordinal' } | undefined {
  const k = commonStartLength(text.slice(at, at + name.length + 2), name);
  if (k < TWIN_START || k >= name.length) return undefined;
  const edits: [number, number][] = [
    [1, 1],
    [2, 1],
    [1, 2],
    [2, 0],
    [0, 2],
  ];
  for (const [dropped, put] of edits) {
    const tail = name.slice(k + dropped);
    if (tail.length < TWIN_END || k + tail.length < SLIP_NAME_LENGTH) continue;
    const inserted = text.slice(at + k, at + k + put);
    if (!text.startsWith(tail, at + k + put) || !/^[\u4e00-\u9fff]*$/u.test(inserted)) continue;
    const removed = name.slice(k, k + dropped);
    if (inserted === removed || SHORT_FORM_WORDS.test(inserted) || SHORT_FORM_WORDS.test(removed)) continue;
    // a word a full form joins with put in or left out, the rest alike ("文化旅游局" / "文化和旅游局")
    const [longer, shorter] = inserted.length > removed.length ? [inserted, removed] : [removed, inserted];
    if (longer.length === 2 && longer[1] === shorter && /^[和与及暨、]$/u.test(longer[0] as string)) continue;
    const kind = put === 0 ? 'dropped' : dropped === 0 ? 'ordinal' : 'changed';
    if (kind === 'ordinal' && (!ORDINAL.test(inserted) || /第/u.test(name))) continue;
    // (中心 is a word of its own, no direction)
    if (kind !== 'ordinal' && [...(inserted + removed).replace(/中心/gu, '')].some((c) => TELLS_APART.test(c)))
      continue;
    // a place's level for another is another place (某县 beside 某区) unless a township's (乡 made 镇)
    if ([...inserted].some((c) => PLACE_LEVEL.test(c)) && [...removed].some((c) => PLACE_LEVEL.test(c)))
      if (!(TOWNSHIP_LEVEL.test(inserted) && TOWNSHIP_LEVEL.test(removed))) continue;
    // a drop of a place's level or of a place keeps no place: read as a short form ("某市某区…" → "某区…")
    if (kind === 'dropped' && /[省市区县州旗镇乡]/u.test(removed)) continue;
    return { written: text.slice(at, at + k + put + tail.length), kind };
  }
  return undefined;
}

/**
 * n.unit-name-mixed, the own name's twin: "黔南某州疾病控制中心" in the row of a staff table of the report of 黔南某州疾病预防控制
 * 中心, "某区某中心卫生院" made "某区某镇卫生院" where the unit says what it is ("（二）单位构成。X是一家…医院"), "某县第一人民医院
 * 2018 年末实有在职人员…" in the report of 某县人民医院: the own name (the title's, or the overview heading's), written whole at
 * least twice, written once with one stretch changed (twinOf) where only the own name stands — a line of its own, a
 * part's heading, a subject's start before what the unit is, has or spends, the name marked as the own level. Not where
 * the paragraph names another unit of the kind, tells of the past or of a unit under this one, nor where the changed
 * writing stands twice in the text (a name of its own).
 */
function twinNameClaims(paras: ParaClaims[]): Claim[] {
  const found = selfName(paras);
  if (!found) return [];
  const name = found.name.replace(OWN_LEVEL, '');
  if (name.length < SLIP_NAME_LENGTH) return [];
  const times = (s: string): number => timesWritten(paras, s);
  if (times(name) < 2) return [];
  const out: Claim[] = [];
  for (const { p } of paras) {
    const text = p.n.text;
    for (
      let at = text.indexOf(name.slice(0, TWIN_START));
      at >= 0;
      at = text.indexOf(name.slice(0, TWIN_START), at + 1)
    ) {
      if (text.startsWith(name, at)) continue;
      const twin = twinOf(text, at, name);
      if (!twin) continue;
      const { written, kind } = twin;
      if (times(written) !== 1) continue;
      const end = at + written.length;
      const before = text.slice(Math.max(0, at - START_REACH), at);
      const after = text.slice(end);
      const alone = NAME_ALONE_BEFORE.test(text.slice(0, at)) && after === '';
      const part = /^第[一二三四五六七八九十]+部分[：:]?$/u.test(text.slice(0, at));
      // (the unit as the subject of its own scope: "X纳入某局部门预算编制范围", "从预算单位构成看，X属事业单位")
      const subject = SUBJECT_START.test(before) && (SUBJECT_GOES_ON.test(after) || /^(?:纳入|属(?!下))/u.test(after));
      const marked = MARKED_OWN.test(after);
      if (!alone && !part && !subject && !marked) continue;
      // a drop is read only where the name stands alone (a short form drops words in a sentence)
      if (kind === 'dropped' && !alone && !part) continue;
      const sentence = sentenceAt(p, at);
      const told = text.slice(sentence.start, at) + text.slice(end, sentence.end);
      // a unit under this one told of ("我局下属的X", "X为本局所属…"); what the unit itself sets up (X下设…) is no other
      const under =
        OTHER_UNIT.test(text.slice(sentence.start, at)) ||
        /^(?:为|是)?[^。；，]{0,8}?(?:下属|所属|[我本](?:局|单位|部门|中心|院|委|部|办|站|所))/u.test(after);
      if (!alone && !part && (HISTORY.test(told) || under)) continue;
      if (namesOthersOfKind(text, name, written)) continue;
      // the changed words written elsewhere in the text: another unit's name or the unit's own other writing
      const k = commonStartLength(written, name);
      if (kind === 'ordinal' && times(written.slice(k)) > 1) continue;
      const span = { start: at, end };
      out.push(unitNameClaim(p, span, 'unit-name-twin', found.source, found.title));
    }
  }
  return out;
}

/** Words a short form drops whole from a name ("某市质量技术监督局" → "某市质量监督局"): never read as a word lost. */
const DROPPED_WORDS =
  /^(?:人民|委员|员会|中国|共产|中共|管理|服务|事务|综合|技术|行政|中心|发展|建设|有限|股份|工作|办公|公共|社会|经济)$/u;
/** A heading's number right before a name: "二、", "（三）", "第三部分". */
const NUMBERED_HEADING =
  /^(?:第[一二三四五六七八九十]+部分[：:]?\s*|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,2}[)）])$/u;
/**
 * A heading naming the unit goes on with the report's year and kind: "…2015年度部门决算情况说明" (a line not ending a
 * sentence may run into the next one's words).
 */
const HEADING_GOES_ON = /^20[0-9]{2}年度?[^，。；：,]{0,16}?(?:决算|预算)/u;

type Variant = { written: string; kind: 'word' | 'put' | 'lost' };

/** Bodies named with 人民 and never another word there: a government, a court, a procuratorate, a congress. */
const PEOPLES_ONLY = /^(?:政府|法院|检察院|代表大会)/u;

/**
 * More of what the unit as a subject goes on with where it speaks of itself: "X代表全省残疾人的共同利益", "X现为正科级
 * 建制", "X始终坚持…", "X紧紧围绕…", "X深入贯彻…".
 */
const DEEP_GOES_ON = /^(?:代表|现为|始终|紧紧|深入|切实|扎实|聚焦|着力|不断|持续|大力|主动|牢牢|紧扣)/u;

/**
 * A sentence telling of a name the unit bore or of units merged into it ("原名…", "2016 年更名为…", "由…合并组建"): a
 * founding alone ("X成立于 1956 年") names the unit by its present name.
 */
const RENAMED =
  /更名|改名|改称|改为|改设|原名|原为|前身|撤[县区市乡镇]|合并|整合|挂牌|划转|原[\u4e00-\u9fff]{2,4}[县区市]/u;

/**
 * The own name (or its short form without the places before) with one word of it written otherwise: a word of two
 * characters for another ("…社会福利指导中心" → "…社会福利服务中心", "某市椒江区…" → "某市黄岩区…"), one character put in
 * ("…供销合作社" → "…供销合作联社"), one word of two characters lost that no short form drops ("…交易监督管理局" →
 * "…交易管理局"). At least TWIN_START characters kept at the start; the kind at the end kept. None of the characters
 * changed tells units apart (an order, a direction, a level), none is what a short form drops or a full form adds (和,
 * 人民, 委员会, 服务…), and a character put in ranks no unit (分局, 总站).
 */
function variantOf(text: string, at: number, form: string): Variant | undefined {
  const k = commonStartLength(text.slice(at, at + form.length + 2), form);
  if (k < TWIN_START || k >= form.length) return undefined;
  return wordTraded(text, at, form, k) ?? charPut(text, at, form, k) ?? wordLost(text, at, form, k);
}

const han = (s: string): boolean => /^[\u4e00-\u9fff]+$/u.test(s);

/** Characters that tell units apart (an order, a direction, a level, an ethnic group), 中心 aside. */
const apart = (s: string): boolean =>
  [...s.replace(/中心/gu, '')].some((c) => TELLS_APART.test(c) || PLACE_LEVEL.test(c)) || /族/u.test(s);

/** variantOf's first reading: a word of two characters for another, after the `k` characters both share. */
function wordTraded(text: string, at: number, form: string, k: number): Variant | undefined {
  const [removed, put, tail] = [form.slice(k, k + 2), text.slice(at + k, at + k + 2), form.slice(k + 2)];
  // a kind of one character (站, 局) after the word: the field before the word keeps two characters at least
  // ("…林木种苗指导站" / "…林木种苗服务站"), else the word is the whole field and another body ("某县教育局" / "某县审计局")
  const field = /[^省市区县州旗镇乡]*$/u.exec(form.slice(0, k))?.[0].length ?? 0;
  // a district's or county's name right after its city ("某市椒江区" / "某市黄岩区"): a direction or a size is a
  // place's own character there (南岸, 大足), no mark telling units apart
  const place = /^[区县]/u.test(tail) && /[省市州]$/u.test(form.slice(0, k));
  if (
    removed.length === 2 &&
    (tail.length >= TWIN_END || (tail.length === 1 && field >= 2)) &&
    han(put) &&
    put[1] !== removed[1] &&
    text.startsWith(tail, at + k + 2) &&
    (place ? !/[省市区县旗]/u.test(put + removed) : !apart(put + removed)) &&
    !SHORT_FORM_WORDS.test(put) &&
    // 人民 before a body that is only ever 人民 (人民政府, 人民法院, 人民检察院) is no word a short form trades:
    // "某县监督法院" names no court; before 医院 it may be another hospital's word (中医医院)
    (!SHORT_FORM_WORDS.test(removed) || (removed === '人民' && PEOPLES_ONLY.test(tail)))
  )
    return { written: text.slice(at, at + form.length), kind: 'word' };
  return undefined;
}

/** variantOf's second reading: a character put in before the name's last characters. */
function charPut(text: string, at: number, form: string, k: number): Variant | undefined {
  const [c, tail] = [text[at + k] ?? '', form.slice(k)];
  if (
    han(c) &&
    text.startsWith(tail, at + k + 1) &&
    c !== form[k - 1] &&
    c !== form[k] &&
    !apart(c) &&
    !KIND_RANK.test(c) &&
    !DROPPED_IN_SHORT_FORMS.test(c)
  )
    return { written: text.slice(at, at + form.length + 1), kind: 'put' };
  return undefined;
}

/** variantOf's third reading: a word of two characters lost that no short form drops. */
function wordLost(text: string, at: number, form: string, k: number): Variant | undefined {
  const [removed, tail] = [form.slice(k, k + 2), form.slice(k + 2)];
  if (
    removed.length === 2 &&
    tail.length >= TWIN_END &&
    k + tail.length >= SLIP_NAME_LENGTH &&
    text.startsWith(tail, at + k) &&
    !apart(removed) &&
    !DROPPED_WORDS.test(removed) &&
    ![...removed].some((c) => DROPPED_IN_SHORT_FORMS.test(c))
  )
    return { written: text.slice(at, at + form.length - 2), kind: 'lost' };
  return undefined;
}

/**
 * n.unit-name-mixed, the own name changed by a word deep in the text: "（二）机构设置。某县社会福利服务中心为隶属县民政局…" in
 * the report titled 某市某县社会福利指导中心, "某市供销合作联社是市政府直属的…" beside the unit's own totals under 某市供销合作社,
 * "某区公共资源交易管理局主要职责是…" under the title 某区公共资源交易监督管理局, "二、某市黄岩区人民法院2015年度部门决算
 * 情况说明" in the report of 某市椒江区人民法院. Where the unit is the subject of what it is, has or does (its 机构设置,
 * 部门概况, 主要职责) or a numbered heading names it before the report's year and kind, the name is the unit's own; the
 * title's name (or the name the text writes most as its subject) with one word otherwise (variantOf) is one of the two
 * written wrong. Not where the changed name stands twice in the text (a unit of its own), the sentence tells of the past or
 * of a unit under this one or names the own name beside it, or the paragraph names a third unit of the kind.
 */
function deepVariantClaims(paras: ParaClaims[]): Claim[] {
  const found = selfName(paras);
  if (!found) return untitledVariantClaims(paras);
  // a name written once, in the title alone, may itself be a numbered part's heading the body contradicts ("第三部分
  // 某市黄岩区人民法院2015年度…" over a body writing 某市椒江区人民法院 three times): the body's names are read too
  const once = timesWritten(paras, found.name) <= 1;
  return [...variantClaimsOf(paras, found), ...(once ? untitledVariantClaims(paras) : [])];
}

/**
 * "2017年某市供销合作社本年收入合计…" and "某市供销合作联社是市政府直属的…事业单位" in a section with no title: the unit's own
 * totals and its own description, each naming the unit itself, the one name with a character put in. With no title to
 * say which is right, a word for another is read only against a name written three times or more (two units of the kind
 * described in turn are written once each).
 */
function untitledVariantClaims(paras: ParaClaims[]): Claim[] {
  const names = new Set<string>();
  for (const { p } of paras)
    for (const re of [SUBJECT_NAME, OWN_TOTALS_NAME])
      for (const m of allMatches(p.n.text, re)) names.add(m[1] as string);
  if (names.size === 0 || names.size > 4) return [];
  const times = (s: string): number => timesWritten(paras, s);
  // a word for another only against a name the text writes three times or more
  return [...names].flatMap((name) =>
    variantClaimsOf(
      paras,
      { title: name, name, source: '文中另一处以本单位为主语处' },
      times(name) >= 3 ? ['put', 'word'] : ['put'],
    ),
  );
}

/** "2017年某市供销合作社本年收入合计…", "2019年度某中心支出总计…": the unit's own totals of the year, its name before them. */
const OWN_TOTALS_NAME = new RegExp(
  `(?:^|[。；：])20[0-9]{2}年度?，?([\\u4e00-\\u9fff]{5,30}?[${INSTITUTION_CHARS}])(?=本年|(?:收入|支出)(?:合计|总计)|年初)`,
  'gu',
);

function variantClaimsOf(
  paras: ParaClaims[],
  found: { title: string; name: string; source: string },
  kinds: Variant['kind'][] = ['word', 'put', 'lost'],
): Claim[] {
  const name = found.name.replace(OWN_LEVEL, '');
  if (name.length < SLIP_NAME_LENGTH) return [];
  const forms = shortForms(name);
  const times = (s: string): number => timesWritten(paras, s);
  const out: Claim[] = [];
  for (const { p } of paras) {
    const text = p.n.text;
    const seen = new Set<number>();
    for (const form of forms)
      for (
        let at = text.indexOf(form.slice(0, TWIN_START));
        at >= 0;
        at = text.indexOf(form.slice(0, TWIN_START), at + 1)
      ) {
        if (seen.has(at) || text.startsWith(form, at)) continue;
        const variant = variantOf(text, at, form);
        if (!variant || !kinds.includes(variant.kind)) continue;
        const { written } = variant;
        const end = at + written.length;
        const [before, after] = [text.slice(Math.max(0, at - START_REACH), at), text.slice(end)];
        const heading = NUMBERED_HEADING.test(text.slice(0, at)) && HEADING_GOES_ON.test(after);
        const subject = SUBJECT_START.test(before) && (SUBJECT_GOES_ON.test(after) || DEEP_GOES_ON.test(after));
        if (!heading && !subject) continue;
        if (times(written) !== 1) continue;
        const sentence = sentenceAt(p, at);
        const told = text.slice(sentence.start, at) + text.slice(end, sentence.end);
        // a unit under this one ("X为本局所属…", "我局下属的X"); a unit under its own 主管 ("X为县林业局所属…") is this one
        const under =
          OTHER_UNIT.test(text.slice(sentence.start, at)) ||
          /^(?:为|是)?[^。；，]{0,8}?(?:下属|[我本](?:局|单位|部门|中心|院|委|部|办|站|所))/u.test(after);
        if (!heading && (RENAMED.test(told) || under || told.includes(form))) continue;
        if (namesOthersOfKind(text, name, written)) continue;
        seen.add(at);
        out.push(unitNameClaim(p, { start: at, end }, 'unit-name-self-variant', found.source, found.title));
      }
  }
  return out;
}

/**
 * "党政机关内设机构：大才镇党政机构…" in the report of 某县大才乡人民政府, which writes 大才乡 everywhere else: a township is a
 * 乡 or a 镇, one at a time, and a text that writes its own township so at least three times and the other level once,
 * telling nowhere of the change (撤乡设镇, 更名, 原…), wrote that one wrong.
 */
function townLevelClaims(paras: ParaClaims[]): Claim[] {
  const found = selfName(paras);
  if (!found) return [];
  const m = /(?<=[省市区县州旗]|^)([\u4e00-\u9fff]{2,3}?)([乡镇])(?=[\u4e00-\u9fff]{2})/u.exec(found.name);
  if (!m || /[省市区县州旗乡镇村街全本该各每城集]/u.test(m[1] as string)) return [];
  const [place, level] = [m[1] as string, m[2] as string];
  const other = level === '乡' ? '镇' : '乡';
  const texts = paras.map(({ p }) => p.n.text);
  const all = texts.join('\n');
  if (HISTORY.test(all) || /撤[乡镇]|[乡镇]改|建镇|设镇|并镇|乡镇合并/u.test(all)) return [];
  const own = new RegExp(`${place}${level}(?![镇乡])`, 'gu');
  const swapped = new RegExp(`(?<![乡镇])${place}${other}(?![镇乡村])`, 'gu');
  const times = (re: RegExp): number => texts.reduce((n, t) => n + [...allMatches(t, re)].length, 0);
  if (times(own) < 3 || times(swapped) !== 1) return [];
  for (const { p } of paras)
    for (const x of allMatches(p.n.text, swapped)) {
      const span = { start: x.index, end: x.index + place.length + 1 };
      return [unitNameClaim(p, span, 'unit-name-town-level', found.source, `${place}${level}`)];
    }
  return [];
}

/**
 * "黄陂区武汉市黄陂区木兰乡…": a district or county, then its city and the district again, with no mark or space between
 * — the short form's place left before the full one put in over it. No place is written so (a list or a table's cells
 * have a mark or a space between). Nor is a district's organ before its city: "中共某区委某市某区人民政府" names two
 * issuers, the 委 (政府, 纪委, 党委, 人大) the first one's.
 */
const PLACE_DOUBLED =
  /((?:(?![省市区县州旗乡镇])[\u4e00-\u9fff]){2,4}?[区县旗])(?![委政府纪党人])((?:(?![省市区县州旗乡镇])[\u4e00-\u9fff]){2,4}?[市州])\1/gu;

function placeDoubledClaims(p: ParaText): Claim[] {
  const out: Claim[] = [];
  for (const m of allMatches(p.n.text, PLACE_DOUBLED)) {
    const [left, outer] = [m[1] as string, m[2] as string];
    const span = { start: m.index, end: m.index + m[0].length };
    // the source has no space between the two (a flattened table's cells would)
    if (/\s/u.test(sourceSlice(p.n, span.start, span.end))) continue;
    out.push(unitNameClaim(p, span, 'unit-name-spliced', left, outer + left));
  }
  return out;
}

/** A title opening with a town's or township's own name alone: "天河镇 2019 年决算情况说明及决算公开表". */
const TOWN_TITLE =
  /^(?<place>[\u4e00-\u9fff]{2,4}?)(?<level>乡|镇|街道)(?:人民政府|政府|办事处)?20[0-9]{2}年度?(?:部门|单位)?[^，。；：0-9]{0,12}?(?:决算|预算)/u;
/** A town's government as the subject of what it is or does: "某县天和镇人民政府属行政单位，…", "天和镇人民政府负责…". */
const TOWN_SUBJECT =
  /(?:^|[。；：])(?:[（]?[一二三四五六七八九十0-9]{1,2}[）、.])?(?:[\u4e00-\u9fff]{1,8}?[省市县区州旗])?(?<place>[\u4e00-\u9fff]{2,4}?)(?<level>乡|镇|街道)(?:人民政府|政府|办事处)(?=属|是|为|系|负责|主要|位于|现有|共有|内设|下设|下辖|设有|设置|20[0-9]{2}年)/gu;

/**
 * n.unit-name-mixed: the title names the town alone ("天河镇 2019 年决算情况说明") and the body, introducing the unit, names its
 * government with the town's name a character off ("某县天和镇人民政府属行政单位"): a report is one town's; one of the two is
 * a slip. Not read: a change in a character that tells places apart (东/西, 一/二), a text that names a third town of
 * the level (neighbours, joint work), the body writing the title's town too as a subject.
 */
function titleTownClaims(paras: ParaClaims[]): Claim[] {
  const head = paras.slice(0, TITLE_LINES).find((pc) => TOWN_TITLE.test(pc.p.n.text));
  const t = head && TOWN_TITLE.exec(head.p.n.text)?.groups;
  if (!head || !t?.place || !t.level) return [];
  const place = t.place;
  const out: Claim[] = [];
  for (const pc of paras) {
    if (pc === head) continue;
    const text = pc.p.n.text;
    for (const m of allMatches(text, TOWN_SUBJECT)) {
      const g = m.groups as { place: string; level: string };
      if (g.level !== t.level || g.place === place || g.place.length !== place.length) continue;
      const at = commonStartLength(g.place, place);
      if (g.place.slice(at + 1) !== place.slice(at + 1)) continue;
      if (TELLS_APART.test(g.place[at] as string) || TELLS_APART.test(place[at] as string)) continue;
      // a third town's government anywhere: the text tells of others, the subject may be one of them
      const towns = new Set(
        paras.flatMap((q) =>
          [
            ...allMatches(
              q.p.n.text,
              new RegExp(`([\\u4e00-\\u9fff]{${place.length}})${t.level}(?:人民政府|政府|党委)`, 'gu'),
            ),
          ].map((x) => x[1] as string),
        ),
      );
      towns.delete(place);
      towns.delete(g.place);
      if (
        [...towns].some(
          (x) => x.length === place.length && commonStartLength(x, place) === 0 && !/[县市区州省]/u.test(x),
        )
      )
        continue;
      const start = m.index + m[0].lastIndexOf(g.place + g.level);
      const span = { start, end: start + g.place.length + g.level.length };
      out.push(unitNameClaim(pc.p, span, 'unit-name-self-slip', '标题', `${place}${t.level}`));
    }
  }
  return out;
}
