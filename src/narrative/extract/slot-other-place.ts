import { OUTLINE_MARK } from '../../util/outline.js';
import type { Claim } from '../claims.js';
import type { ParaClaims } from './across.js';
import { type ParaText, sentenceAt } from './para.js';
import { commonStartLength, isSubsequence, slotNameClaim, swapped, timesWritten, titleName } from './unit-name.js';
import { INSTITUTION_CHARS, nameSlots } from './unit-name-cut.js';
import { allMatches } from '../../util/matches.js';

/**
 * n.unit-name-mixed, another place in the own name: "第一部分 某市青山区人民政府办公室部门概况" in the report of
 * 某市新建区人民政府办公室, "纳入某省白溪经济开发区管委会 2023 年部门决算编制范围的…" in the report of 某省石门高新技术产业
 * 开发区管委会, "2020 年某县常山镇人民政府国内公务接待共 312 批次" where every other framing names 某县双河镇人民政府. Where
 * only the unit itself can stand — a heading before the report's year and kind, the overview heading, the subject of
 * its own 决算 scope, the unit framing its own year's figures — a name of the same kind (the same level and the same
 * institution after it: 区人民政府办公室, 镇人民政府, 开发区管委会) at another place is the own name written wrong, a
 * part left from another unit's report. Only when the text shows no second unit there: the other place is written
 * nowhere else, the own place at least twice, and the sentence tells of no past, merger or other body beside this one.
 */

/**
 * "2020 年某镇人民政府国内公务接待共…", "某镇人民政府 2020 年度一般公共预算财政拨款“三公”经费…": a unit framing its own
 * year's figures at a sentence's start, the year before or after its name.
 */
const FRAMING = new RegExp(
  `(?<=(?:^|[。；：])(?:[（(]?[一二三四五六七八九十0-9]{1,2}[)）、.])?(?:20[0-9]{2}年度?，?)?)([\\u4e00-\\u9fff]{5,30}?[${INSTITUTION_CHARS}])(?=(?:20[0-9]{2}年度?)?(?:因公出国|国内公务接待|公务接待|公务用车|“三公”|三公|一般公共预算|财政拨款|收入总计|支出总计))`,
  'gu',
);

/**
 * "某局的主要职责是：…", "（一）某局主要职能为…": the unit telling its own duties, at a sentence's start or right after
 * the heading that asks for them (a page read flat runs "一、单位主要职责某局的主要职责是…" together).
 */
const DUTIES = new RegExp(
  `(?<=(?:^|[。；：]|主要职责|主要职能|职能职责|部门职责|单位职责)(?:[（(]?[一二三四五六七八九十0-9]{1,2}[)）、.])?)([\\u4e00-\\u9fff]{5,30}?[${INSTITUTION_CHARS}])(?=的?主要(?:职责|职能)(?:是|为|：)|的职责(?:是|为))`,
  'gu',
);

/** A place's level: where the place's own name ends and the institution's words begin. */
const LEVEL_AT = /[区县镇乡市旗]|街道/u;
/** A level ending the places before the one compared ("某省", "某市"). */
const OUTER_LEVEL = /[省市区县州旗镇乡]/u;
/** How many characters after the level are the institution at least (人民政府, 管委会): a place alone is no unit. */
const KIND_MIN = 2;
/** A place's own name: two characters to a zone's twelve (本溪高新技术产业开发区 before its 区). */
const PLACE_MIN = 2;
const PLACE_MAX = 12;
/** The shortest own name read for a swap: shorter ones may be another unit's by chance. */
const SWAP_NAME_MIN = 6;
/** A sentence telling of the past, a merger or another body beside this one. */
const ASIDE =
  /成立|前身|撤[县区市乡镇]|更名|改名|改称|原名|原为|合并|并入|划入|划转|整合|对口|支援|帮扶|结对|协作|交流|联合|合作|考察|学习|相邻|毗邻|比较|相比|兄弟|托管|代管|共建/u;

interface Slot {
  p: ParaText;
  name: string;
  at: number;
}

/** Where only the unit itself stands: the part and overview headings, its 决算 scope, its own year's figures. */
function ownSlots(paras: ParaClaims[]): Slot[] {
  const out: Slot[] = nameSlots(paras).map((s) => ({
    p: s.pc.p,
    // "第一部分 某办公室部门概况": the heading's 部门/单位 is no part of the name
    name: s.part === undefined ? s.name : s.name.replace(/(?:部门|单位)(?:基本)?$/u, ''),
    at: s.at,
  }));
  for (const { p } of paras)
    for (const re of [FRAMING, DUTIES])
      for (const m of allMatches(p.n.text, re)) out.push({ p, name: m[1] as string, at: m.index });
  return out;
}

/** The own name: the title's, else the name most slots write (twice at least, no other as often). */
function ownName(paras: ParaClaims[], slots: Slot[]): string | undefined {
  // "某局（本级）2021 年部门决算": the report's own level is no part of the name
  const title = titleName(paras)?.name.replace(/本级$/u, '');
  if (title) return title;
  const times = new Map<string, number>();
  for (const s of slots) times.set(s.name, (times.get(s.name) ?? 0) + 1);
  const [top, next] = [...times].sort((a, b) => b[1] - a[1]);
  return top && top[1] >= 2 && (!next || next[1] < top[1]) ? top[0] : undefined;
}

/**
 * The place `written` names where `own` names its own, both followed by one level and one institution: "某市青山湖区
 * 人民政府办公室" against "某市新建区人民政府办公室" → 青山湖区 for 新建区. The places before are alike; the compared one
 * starts after them and ends at its level.
 */
export function otherPlace(written: string, own: string): { other: string; mine: string } | undefined {
  if (written === own || isSubsequence(written, own) || isSubsequence(own, written)) return undefined;
  const alike = commonStartLength(written, own);
  let start = alike;
  while (start > 0 && !OUTER_LEVEL.test(own[start - 1] as string)) start -= 1;
  const levelIn = (name: string): number => {
    const m = LEVEL_AT.exec(name.slice(alike));
    return m ? alike + m.index : -1;
  };
  const [w, o] = [levelIn(written), levelIn(own)];
  if (w < 0 || o < 0 || written.slice(w) !== own.slice(o)) return undefined;
  const level = LEVEL_AT.exec(own.slice(o))?.[0] as string;
  if (own.length - o - level.length < KIND_MIN) return undefined;
  const [a, b] = [written.slice(start, w), own.slice(start, o)];
  // each one place's name: no level inside it (纳入某省… read as a name holds the province)
  if (
    [a, b].some(
      (x) => x.length < PLACE_MIN || x.length > PLACE_MAX || !/^[\u4e00-\u9fff]+$/u.test(x) || OUTER_LEVEL.test(x),
    )
  )
    return undefined;
  // a short form of the own place (观音阁 of 观音阁经济) is the own place
  if (isSubsequence(a, b) || isSubsequence(b, a)) return undefined;
  return { other: a + level, mine: b + level };
}

export function slotOtherPlaceClaims(paras: ParaClaims[]): Claim[] {
  const slots = ownSlots(paras);
  const own = ownName(paras, slots);
  if (!own) return [];
  const times = (s: string): number => timesWritten(paras, s);
  const others = slots.flatMap((s) => {
    const found = otherPlace(s.name, own);
    return found ? [{ s, found }] : [];
  });
  // two or more slots at other places: a text going through several units of the kind (a round-up), not one slip
  if (others.length !== 1) return [];
  const out: Claim[] = [];
  for (const { s, found } of others) {
    if (times(found.other) !== 1 || times(found.mine) < 2) continue;
    const sentence = sentenceAt(s.p, s.at);
    if (ASIDE.test(s.p.n.text.slice(sentence.start, sentence.end))) continue;
    out.push(slotNameClaim(s.p, s.at, s.name, 'unit-name-other-place', own));
  }
  return out;
}

/** Words that, put in a unit's name before its kind, name another unit of the kind: 实验幼儿园 beside 幼儿园, 示范, 附属. */
const APART_WORD = /^(?:实验|示范|附属|第[一二三四五六七八九十])$/u;
/** How often the text writes the own name at least for a heading's other name to be read as a slip. */
const OWN_TIMES = 3;
/** A heading's line: an outline mark or a part before the name, no sentence after it. */
const HEADING = new RegExp(`^${OUTLINE_MARK}[^，。；：]*$`, 'u');

/** Whether `written` is `own` with a word of APART_WORD put in after its places and before its kind. */
function apartPut(written: string, own: string): boolean {
  if (written.length !== own.length + 2) return false;
  const at = commonStartLength(written, own);
  return (
    at >= PLACE_MIN &&
    own.length - at >= KIND_MIN &&
    APART_WORD.test(written.slice(at, at + 2)) &&
    written.slice(at + 2) === own.slice(at)
  );
}

/**
 * "二、某市实验幼儿园 2017 年度部门决算情况说明" in the report titled 某市幼儿园, which names itself so at least three times
 * and the other nowhere else: a heading that can only hold the own name holds another unit of the kind, told apart by
 * the word put in (实验, 示范, 附属, 第一) — a short form drops words, never puts in one that names another unit. So too
 * the unit naming its own 决算 scope ("纳入某市第二高级中学 2022 年决算编制范围的…" in the report of 某市高级中学).
 */
export function slotApartClaims(paras: ParaClaims[]): Claim[] {
  const own = titleName(paras)?.name;
  if (!own) return [];
  const times = (s: string): number => timesWritten(paras, s);
  if (times(own) < OWN_TIMES) return [];
  return nameSlots(paras)
    .filter(
      (s) =>
        (HEADING.test(s.pc.p.n.text) || s.pc.p.n.text.slice(0, s.at).endsWith('纳入')) &&
        apartPut(s.name, own) &&
        times(s.name) === 1,
    )
    .map((s) => slotNameClaim(s.pc.p, s.at, s.name, 'unit-name-other-unit', own));
}

/**
 * "第一部分 某市某镇院卫生概况" in the report titled 某市某镇卫生院: where the slot bounds the name (before 概况, before the
 * report's year), the own name with two pieces swapped, its kind at the end too, names no unit — a slip. The end is
 * read here only: in running text a name's last characters may run into the words after it.
 */
export function slotSwappedClaims(paras: ParaClaims[]): Claim[] {
  const own = titleName(paras)?.name;
  if (!own || own.length < SWAP_NAME_MIN) return [];
  return nameSlots(paras)
    .filter((s) => swapped(s.name, own, 0) && !swapped(s.name, own))
    .map((s) => slotNameClaim(s.pc.p, s.at, s.name, 'unit-name-swapped', own));
}

/** What is left of the template's 部门/单位 after the unit's name typed over its first character. */
const WORD_LEFT = /^[门位]$/u;

/**
 * "第一部分 某市某中学门概况" beside "第一部分 某市某中学概况" (the table of contents and the body): one part's overview
 * heading written twice, once with the unit's name and once with one character after it that is what remains of the
 * template's "部门概况" / "单位概况" — the name typed over 部 (单) and the rest left.
 */
export function overviewLeftClaims(paras: ParaClaims[]): Claim[] {
  const slots = nameSlots(paras).filter((s) => s.part !== undefined);
  return slots
    .filter((s) =>
      slots.some(
        (t) =>
          t.part === s.part &&
          // "某局部门概况" holds the word whole: the name before it is 某局, not 某局部
          !/[部单]$/u.test(t.name) &&
          s.name.startsWith(t.name) &&
          WORD_LEFT.test(s.name.slice(t.name.length)),
      ),
    )
    .map((s) => {
      return slotNameClaim(s.pc.p, s.at, s.name, 'unit-name-slip', s.name.slice(0, -1));
    });
}
