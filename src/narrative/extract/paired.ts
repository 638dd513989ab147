import { Decimal } from 'decimal.js';
import type { AmountMention, Claim, PercentMention, SubjectMention } from '../claims.js';
import type { Subject } from '../catalog/types.js';
import { sourceSlice } from '../text/normalise.js';
import { writtenAmount } from './mentions.js';
import { place, sentenceAt } from './para.js';
import { startingAt, within } from './spans.js';
import { figureName } from './share.js';
import { markStart, prefixOf, type ParaState } from './state.js';
import { directionOf } from './yoy.js';
import { allMatches } from '../../util/matches.js';

/** A number as written, thousands separators included ("10,000.00"), as the paragraph's amounts are read. */
const NUMBER = '(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\\.[0-9]+)?';
const SEP = '[，、和及]';
/**
 * "各是 4125.49，4143.91 万元", "各为 A、B 万元", or with the unit after each ("各为 A 万元、B 万元"): the
 * levels of a paired subject ("收、支总计"). 分别 pairs the same way ("分别为 A、B 万元").
 */
const LEVELS = new RegExp(
  `(?:各|分别)(?:是|为|达|计)?(?<list>${NUMBER}(?:万元|亿元|元)?(?:${SEP}${NUMBER}(?:万元|亿元|元)?)+?)(?<unit>万元|亿元|元)`,
  'gu',
);
/**
 * "各减少 1267.86，2570.97 万元", or with the unit after each ("各增加 1412.7 万元、2062.79 万元"); the year compared
 * with may stand before or after 各/分别 ("较 2023 年分别增加…", "同比分别增加…", "分别比上年减少 a、b、c 万元"),
 * never a budget (its pairs would be no change over the year).
 */
const CHANGES = new RegExp(
  `(?:(?:(?<!相)比|较|同比|与)(?:上年|去年|上一年|20[0-9]{2}年)?度?(?:同期)?(?:相比)?，?)?(?<each>各|分别)(?:(?:比|较|同比)(?:上年|去年|上一年|20[0-9]{2}年)?度?(?:同期)?)?(?<word>增加|减少|增长|下降|上升|降低)了?(?<list>${NUMBER}(?:万元|亿元|元)?(?:${SEP}${NUMBER}(?:万元|亿元|元)?)+?)(?<unit>万元|亿元|元)`,
  'gu',
);
/**
 * "与 2020 年度相比，各减少 C 万元，分别下降 P%、Q%": one change said of each of the levels before it (各/均, a single
 * figure, no list), its rates listed one a level.
 */
const ONE_CHANGE = new RegExp(
  `(?:(?:比|较|同比|与)(?:上年|去年|上一年|20[0-9]{2}年)?度?(?:同期)?(?:相比)?，?)?(?<each>各|均)(?:(?:比|较|同比)(?:上年|去年|上一年|20[0-9]{2}年)?度?(?:同期)?)?(?<word>增加|减少)了?(?<one>${NUMBER})(?<unit>万元|亿元|元)(?![0-9]|[、和及][0-9])`,
  'gu',
);
/** "收入、支出总计各增加…": the names paired, right before 各. */
const NAMES = /(?<names>\p{Script=Han}{1,8}(?:、\p{Script=Han}{1,8})+)$/u;
/** "各下降 23.51%、38.28%" (or "增长 3%、4%"). */
const RATES = new RegExp(
  `(?:各|分别)?(?<word>增长|下降|上升|降低|增加|减少)了?(?<list>${NUMBER}%?(?:${SEP}${NUMBER}%)+)`,
  'gu',
);

interface Piece {
  start: number;
  end: number;
  digits: string;
  /** The unit written right after this number ("A 万元、B 元"), when each has its own. */
  unit?: string;
}

/** The numbers of a written list, placed in the paragraph (the list starts at `from`). */
function pieces(from: number, list: string): Piece[] {
  const out: Piece[] = [];
  for (const m of allMatches(list, new RegExp(`(?<digits>${NUMBER})%?(?<unit>万元|亿元|元)?`, 'gu'))) {
    const start = from + m.index;
    const g = m.groups as Record<string, string | undefined>;
    const piece: Piece = { start, end: start + m[0].length, digits: (g.digits ?? '').replace(/,/g, '') };
    if (g.unit) piece.unit = g.unit;
    out.push(piece);
  }
  return out;
}

/**
 * "收入总计 A 万元，支出总计 B 万元，…收入、支出总计各增加…": the levels of the paired names when no
 * "各为 A、B" gives them, each the last figure written right after its own name ("收入" shares the
 * last name's noun: "收入总计"). All found or none.
 */
function namedLevels(s: ParaState, before: number): AmountMention[] | undefined {
  const text = s.p.n.text.slice(0, before);
  const names = NAMES.exec(text)?.groups?.names?.split('、');
  if (!names) return undefined;
  const last = names[names.length - 1] as string;
  const found = names.map((name) => {
    const full = name.length >= last.length ? name : `${name}${last.slice(name.length)}`;
    const m = [...allMatches(text, new RegExp(`${full}(?:为|是|达|共计)?(?=[0-9])`, 'gu'))].pop();
    return m ? startingAt(s.p.amounts, m.index + m[0].length) : undefined;
  });
  return found.every((a) => a !== undefined) ? (found as AmountMention[]) : undefined;
}

/**
 * "收入总计 A 万元，支出总计 B 万元，与上年相比，各减少 C 和 D 万元": no names before 各 and no "各为" list — the
 * levels are the figures of the clause group before the comparison, each written after a name of its own, when
 * there are exactly as many of them as changes (more would leave the pairing uncertain).
 */
function groupLevels(s: ParaState, changeAt: number, count: number): AmountMention[] | undefined {
  const { p, catalog } = s;
  const text = p.n.text;
  const from = markStart(p, '；。：', changeAt);
  const found = p.amounts.filter((a) => a.start >= from && a.end <= changeAt);
  const last = found[found.length - 1];
  if (found.length !== count || !last) return undefined;
  // between the last of them and the change list: at most the comparison ("，与 2023 年度相比，"); made here, read
  // only where a change list found no levels otherwise
  const closing = new RegExp(`^[，,]?(?:${catalog.cues.compare.source})?[，,]?$`, 'u');
  if (!closing.test(text.slice(last.end, changeAt))) return undefined;
  const names = found.map((a) => figureName(prefixOf(s, a.start)));
  const named = names.every((n) => /^\p{Script=Han}{2,}$/u.test(n)) && new Set(names).size === names.length;
  return named ? found : undefined;
}

/**
 * The names right before a 各/分别 list, if any, as their count and last name (the first may run into the
 * words before it: "2024年度收、支总计" reads 年度收).
 */
function namesBefore(text: string, at: number): string | undefined {
  const names = NAMES.exec(text.slice(0, at))?.groups?.names?.split('、');
  return names ? `${names.length}:${names[names.length - 1]}` : undefined;
}

/** Whether the change list at `changeAt` speaks of the names of the level list at `levelsAt`. */
function sameNames(text: string, levelsAt: number, changeAt: number): boolean {
  const named = namesBefore(text, changeAt);
  return named === undefined || named === namesBefore(text, levelsAt);
}

/** A number of a list as an amount: its own unit when written after it, else the list's (written once at its end). */
function amount(s: ParaState, piece: Piece, unit: string, unitEnd: number, last: boolean): AmountMention {
  const end = last ? unitEnd : piece.end;
  return {
    start: piece.start,
    end,
    ...writtenAmount(piece.digits, piece.unit ?? unit),
    text: `${sourceSlice(s.p.n, piece.start, piece.end)}${last || piece.unit ? '' : unit}`,
  };
}

/** The levels of "各是 A、B 万元", one mention per position. */
function listedLevels(s: ParaState, levels: RegExpExecArray): AmountMention[] {
  const g = levels.groups as Record<string, string>;
  const found = pieces(levels.index + levels[0].indexOf(g.list as string), g.list as string);
  const end = levels.index + levels[0].length;
  return found.map((piece, i) => amount(s, piece, g.unit as string, end, i === found.length - 1));
}

function percent(s: ParaState, piece: Piece): PercentMention {
  return {
    start: piece.start,
    end: piece.end,
    value: new Decimal(piece.digits),
    decimals: piece.digits.split('.')[1]?.length ?? 0,
    text: `${sourceSlice(s.p.n, piece.start, piece.end).replace(/%$/, '')}%`,
  };
}

/** Words of a comparison or a change: a figure after them is no item of a plain list. */
const COMPARING = /比|较|增|减|下降|上升|降低|持平|%/u;

/**
 * "与上年相比，", "较 2023 年，", "与 2023 年预算执行数相比，", "与 2023 年预算数相比，": the comparison opening a 分别 list of
 * changes — another year's figure, named or not (not this year's budget: "与预算相比" names no year).
 */
const COMPARED =
  /[。，]?(?:与|较|比|同比)(?:上年|去年|上一年|20[0-9]{2}年)度?(?:同期)?(?:的)?(?:预算执行数|执行数|决算数?|实际支出数?|预算数?)?(?:相比)?[，]?/gu;

/**
 * "…其中：因公出国（境）费 a 万元，公务用车购置及运行维护费 b 万元，公务接待费 c 万元。与上年相比，分别减少 x、y、
 * z 万元": a 分别 list of changes with no levels in its own clause group pairs, in order, with the figures listed in
 * the sentence before — the last `k` figures before `at`, each stated for a subject of its own (the amount claims),
 * one after another with no comparison between them nor after the last; else undefined.
 */
function itemsBefore(s: ParaState, amounts: Claim[], at: number, k: number): AmountMention[] | undefined {
  const text = s.p.n.text;
  const figures = s.p.amounts.filter((a) => a.end <= at && !s.changes.has(a)).slice(-k);
  const first = figures[0];
  const last = figures[k - 1];
  if (k < 2 || !first || !last) return undefined;
  if (first.start < sentenceAt(s.p, Math.max(0, sentenceAt(s.p, at).start - 1)).start) return undefined;
  const gaps = figures.slice(1).map((a, i) => text.slice((figures[i] as AmountMention).end, a.start));
  // nothing but the comparison between the last figure and the list: names there ("；人员经费、公用经费分别比上年
  // 增加 x、y") are the list's own subjects, not the figures before
  const tail = text.slice(last.end, at).replace(COMPARED, '');
  if (gaps.some((g) => COMPARING.test(g) || !/[，；、]/u.test(g)) || !/^[，。；、\s]*$/u.test(tail)) return undefined;
  return subjectsOf(amounts, figures) ? figures : undefined;
}

/** What opens a total's breakdown right before the names of its parts: "其中", "其中：". */
const OPENS_BREAKDOWN = /其中[：，]?$/u;

/**
 * "“三公”经费…比上年减少 C，其中因公出国（境）费、公务用车购置及运行维护费、公务接待费分别减少 x、y、z": a 分别
 * list of changes with no levels anywhere, right after the names it pairs with — `k` subjects enumerated with 、, 和
 * or 及 and nothing else, opening a 其中 — each name's change, in order, compared as its total is with the year
 * before (a sentence naming a budget before them is left: its changes may be against that budget). Else undefined.
 */
function namedBreakdown(s: ParaState, at: number, k: number): Subject[] | undefined {
  const { p } = s;
  const text = p.n.text;
  const sentence = sentenceAt(p, at);
  const named = within(p.subjects, sentence.start, at).slice(-k);
  const first = named[0];
  const last = named[k - 1];
  if (k < 2 || !first || !last || last.end !== at) return undefined;
  const gaps = named.slice(1).map((x, i) => text.slice((named[i] as SubjectMention).end, x.start));
  if (gaps.some((g) => !/^[、和及]$/u.test(g))) return undefined;
  const before = text.slice(sentence.start, first.start);
  if (!OPENS_BREAKDOWN.test(before) || /预算/u.test(before)) return undefined;
  const subjects = named.map((x) => x.subject);
  return new Set(subjects.map((x) => x.id)).size === k ? subjects : undefined;
}

/** The subjects the figures are each stated for (their amount claims), when every one has its own; else undefined. */
function subjectsOf(amounts: Claim[], figures: AmountMention[]): Subject[] | undefined {
  const found = figures.map((a) => {
    const c = amounts.find((x) => x.kind === 'amount' && x.amount.start === a.start && x.amount.end === a.end);
    return c?.kind === 'amount' ? c.subject : undefined;
  });
  if (found.some((x) => x === undefined)) return undefined;
  return new Set(found.map((x) => x?.id)).size === found.length ? (found as Subject[]) : undefined;
}

/**
 * "收入总计 A 万元，支出总计 B 万元，与上年相比，各减少 C 万元，分别下降 P%、Q%": one change said of each level, and
 * a rate for each — one comparison a level (A with C and P, B with C and Q). Read only when the rates, listed right
 * after the change, are as many as the levels found for it (a "各为 A、B" list, the names before 各, or the clause
 * group's own figures).
 */
function oneChangeClaims(s: ParaState, amounts: Claim[]): Claim[] {
  const { p, catalog } = s;
  const text = p.n.text;
  const out: Claim[] = [];
  for (const change of allMatches(text, ONE_CHANGE)) {
    const g = change.groups as Record<string, string>;
    const word = directionOf(g.word as string, catalog);
    const changeEnd = change.index + change[0].length;
    const mention = startingAt(p.amounts, changeEnd - (g.one as string).length - (g.unit as string).length);
    const sentence = sentenceAt(p, change.index);
    const rest = text.slice(changeEnd, sentence.end);
    const rateMatch = [...allMatches(rest, RATES)][0];
    if (!word || !mention || !rateMatch?.groups || !/^，?$/u.test(rest.slice(0, rateMatch.index))) continue;
    const rateAt = changeEnd + rateMatch.index;
    const rates = pieces(
      rateAt + rateMatch[0].indexOf(rateMatch.groups.list as string),
      rateMatch.groups.list as string,
    );
    const levels = [...allMatches(text.slice(0, change.index), LEVELS)].pop();
    const currents = levels?.groups
      ? listedLevels(s, levels)
      : (namedLevels(s, change.index) ?? groupLevels(s, change.index, rates.length));
    const rateWord = directionOf(rateMatch.groups.word as string, catalog);
    if (!currents || currents.length !== rates.length || rates.length < 2 || !rateWord) continue;
    s.changes.add(mention);
    const subjects = subjectsOf(amounts, currents);
    rates.forEach((rate, i) => {
      const claim: Claim = {
        kind: 'yoy',
        change: mention,
        changeWord: word,
        current: currents[i] as AmountMention,
        pair: { index: i, count: rates.length },
        rate: percent(s, rate),
        rateWord,
        ...place(p, sentence, mention),
      };
      const subject = subjects?.[i];
      if (subject) claim.subject = subject;
      for (const x of p.percents) if (x.start === rate.start) s.usedPercents.add(x);
      out.push(claim);
    });
  }
  return out;
}

/**
 * Paired 各 lists: "收、支总计各是 A、B 万元 … 各减少 C、D 万元，各下降 P%、Q%". Each position is
 * its own comparison (A with C and P, B with D and Q): one year-over-year claim per pair, so a
 * truncated Q is caught on its own. Lists of different lengths are not paired (nothing claimed).
 */
export function pairedClaims(s: ParaState, amounts: Claim[]): Claim[] {
  const { p, catalog } = s;
  const text = p.n.text;
  const out: Claim[] = [];
  for (const change of allMatches(text, CHANGES)) {
    const g = change.groups as Record<string, string>;
    const listAt = change.index + change[0].indexOf(g.list as string);
    const changes = pieces(listAt, g.list as string);
    const word = directionOf(g.word as string, catalog);
    const levels = [...allMatches(text.slice(0, change.index), LEVELS)].pop();
    // the figures of a 各/分别 list of changes are changes, whether or not their levels are found: never a list's items
    const changeEnd = change.index + change[0].length;
    for (const a of p.amounts) if (a.start >= listAt && a.end <= changeEnd) s.changes.add(a);
    const currents = levels?.groups
      ? listedLevels(s, levels)
      : (namedLevels(s, change.index) ??
        groupLevels(s, change.index, changes.length) ??
        itemsBefore(s, amounts, change.index, changes.length));
    const namedOnly = currents ? undefined : namedBreakdown(s, change.index, changes.length);
    if (!word || (currents?.length !== changes.length && !namedOnly)) continue;
    const subjects = currents ? subjectsOf(amounts, currents) : namedOnly;
    // 分别 lists any items ("出国、接待分别为…；用车、培训分别减少…"): its levels pair with its changes only
    // when the names before them are the same (or the changes name nothing: "与上年相比，分别减少…")
    if (g.each === '分别' && levels && !sameNames(text, levels.index, change.index)) continue;
    const sentence = sentenceAt(p, change.index);
    const rest = text.slice(change.index + change[0].length, sentence.end);
    const rateMatch = [...allMatches(rest, RATES)][0];
    const rateAt = rateMatch ? change.index + change[0].length + rateMatch.index : -1;
    const rates =
      rateMatch?.groups && /^，?(?:各|分别)?/.test(rest.slice(0, rateMatch.index + 1))
        ? pieces(rateAt + rateMatch[0].indexOf(rateMatch.groups.list as string), rateMatch.groups.list as string)
        : [];
    const rateWord = rateMatch?.groups ? directionOf(rateMatch.groups.word as string, catalog) : undefined;
    changes.forEach((piece, i) => {
      const last = i === changes.length - 1;
      const changeMention = amount(s, piece, g.unit as string, changeEnd, last);
      const current = currents?.[i];
      const claim: Claim = {
        kind: 'yoy',
        change: changeMention,
        changeWord: word,
        ...(current ? { current } : {}),
        pair: { index: i, count: changes.length },
        ...place(p, sentence, changeMention),
      };
      const subject = subjects?.[i];
      if (subject) claim.subject = subject;
      const rate = rates.length === changes.length ? rates[i] : undefined;
      if (rate && rateWord) {
        claim.rate = percent(s, rate);
        claim.rateWord = rateWord;
        for (const x of p.percents) if (x.start === rate.start) s.usedPercents.add(x);
      }
      out.push(claim);
    });
  }
  return [...out, ...oneChangeClaims(s, amounts)];
}
