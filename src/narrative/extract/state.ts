import type { AmountMention, Claim, PercentMention, Span } from '../claims.js';
import type { ClaimsCatalog } from '../catalog/types.js';
import type { Vocabulary } from '../vocabulary.js';
import type { NamedShares } from './named-shares.js';
import type { BracketCounts, ParaText } from './para.js';
import { getOrCreate } from '../../util/memo.js';
import { countEndingBy, countStartingBefore, lastEndingBy } from './spans.js';
import { allMatches } from '../../util/matches.js';

/** What the extractors of one paragraph share: amounts already taken as year-over-year changes, claims so far. */
export interface ParaState {
  p: ParaText;
  catalog: ClaimsCatalog;
  vocabulary: Vocabulary;
  /** Changes ("增加 14.96 万元") are not levels: never a total, a list item or a share's part. Only ever added to. */
  changes: Set<AmountMention>;
  usedPercents: Set<PercentMention>;
  claims: Claim[];
  /** Shares of parts named, not figured, before 占: their figures are looked up once every paragraph is read. */
  namedShares?: NamedShares[];
  /** The levels last worked out, and how many changes there were then (changes only grow). */
  levels?: { changes: number; levels: readonly AmountMention[] };
}

/** Amounts of the paragraph that state a level (not a change), in order. Read-only: shared until a change is added. */
export function levels(s: ParaState): readonly AmountMention[] {
  if (s.levels && s.levels.changes === s.changes.size) return s.levels.levels;
  const found = s.p.amounts.filter((a) => !s.changes.has(a));
  s.levels = { changes: s.changes.size, levels: found };
  return found;
}

/**
 * Just after the last of `marks` before `index` (0 when none): what `Math.max(...marks.map((m) =>
 * text.lastIndexOf(m, index - 1))) + 1` gave, worked out once per paragraph instead of a scan back
 * per question (a paragraph without such marks was scanned whole each time).
 */
export function markStart(p: ParaText, marks: string, index: number): number {
  p.markStarts ??= new Map();
  const byMarks = p.markStarts;
  let starts = byMarks.get(marks);
  if (!starts) {
    const text = p.n.text;
    starts = new Int32Array(text.length + 1);
    for (let i = 1; i <= text.length; i += 1)
      starts[i] = marks.includes(text[i - 1] as string) ? i : (starts[i - 1] as number);
    byMarks.set(marks, starts);
  }
  return starts[Math.max(0, Math.min(index, p.n.text.length))] as number;
}

/**
 * The first of `marks` at or after `index` (the text's length when none): what
 * `index + text.slice(index).search(/[marks]|$/)` gives, worked out once per paragraph like markStart
 * (a paragraph without such marks was scanned to its end for every claim).
 */
export function markEnd(p: ParaText, marks: string, index: number): number {
  p.markEnds ??= new Map();
  const text = p.n.text;
  const ends = getOrCreate(p.markEnds, marks, () => {
    const found = new Int32Array(text.length + 1);
    found[text.length] = text.length;
    for (let i = text.length - 1; i >= 0; i -= 1)
      found[i] = marks.includes(text[i] as string) ? i : (found[i + 1] as number);
    return found;
  });
  return ends[Math.max(0, Math.min(index, text.length))] as number;
}

/**
 * Whether `re` matches wholly within [from, to): what `re.test(text.slice(from, to))` gives, from the
 * paragraph's matches found once (a clause group without marks was scanned again for every claim).
 * The same as testing the slice wherever a match cannot straddle the bounds — true of the callers'
 * bounds (clause marks, the start of a figure) and their keywords (words without marks or digits).
 */
export function matchWithin(p: ParaText, re: RegExp, from: number, to: number): boolean {
  const found = matchesOf(p, re);
  const first = found[countStartingBefore(found, from)];
  return first !== undefined && first.end <= to;
}

/** The last match of `re` ending by `to`, from the paragraph's matches found once. */
export function lastMatchBefore(p: ParaText, re: RegExp, to: number): Span | undefined {
  return lastEndingBy(matchesOf(p, re), to);
}

/** Every match of `re` in the paragraph, in order, found once. */
function matchesOf(p: ParaText, re: RegExp): Span[] {
  p.matches ??= new Map();
  const text = p.n.text;
  return getOrCreate(p.matches, re, () =>
    [...allMatches(text, new RegExp(re.source, `${re.flags.replace('g', '')}g`))].map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
    })),
  );
}

/** The text just before an amount back to the previous amount or clause mark: "支出决算为". */
export function prefixOf(s: ParaState, index: number): string {
  return prefixIn(s.p, index);
}

/**
 * A note in brackets right after a name saying what the name covers ("公务接待费（含外事接待费）支出 A 万元"): part of
 * the name, not a part of the figure (no figure inside it).
 */
const NAME_NOTE = /[（(](?:含|包括|包含)[^（）()，。；0-9]{1,20}[）)]/gu;

/**
 * A note that widens the figure beyond what the bare name states elsewhere — other money ("（含其他资金）", "（含上年
 * 结转）"), other bodies ("（含下属单位）", "（含二级机构）"): the figure is another quantity, not the name's.
 */
const WIDENING = /结转|结余|资金|拨款|补助|转移支付|收入|支出|单位|机构|下属|二级|系统|本级|下同|[区县镇乡]/u;

/** A prefix without the notes on its name: "公务接待费（含外事接待费）预算" → "公务接待费预算". */
export function withoutNameNotes(prefix: string): string {
  return prefix.replace(NAME_NOTE, (note) => (WIDENING.test(note) ? note : ''));
}

/** The clause before `index`, back to the last mark of a clause or sentence (ASCII marks too). */
export function clauseBefore(p: ParaText, index: number): string {
  return p.n.text.slice(markStart(p, '，,；;。：:', index), index);
}

/** prefixOf for a paragraph read without its state (a list closed across paragraphs). */
export function prefixIn(p: ParaText, index: number): string {
  const start = markStart(p, '，；：。、', index);
  const previous = p.amounts[countEndingBy(p.amounts, index) - 1];
  return p.n.text.slice(previous && previous.end > start ? previous.end : start, index);
}

/** How many （ and ） stand before each position of a paragraph: the brackets between two positions in O(1). */
export function bracketsOf(p: ParaText): BracketCounts {
  let counts = p.brackets;
  if (!counts) {
    const text = p.n.text;
    const opens = new Int32Array(text.length + 1);
    const closes = new Int32Array(text.length + 1);
    for (let i = 0; i < text.length; i += 1) {
      opens[i + 1] = (opens[i] as number) + (text[i] === '（' ? 1 : 0);
      closes[i + 1] = (closes[i] as number) + (text[i] === '）' ? 1 : 0);
    }
    counts = { opens, closes };
    p.brackets = counts;
  }
  return counts;
}

/**
 * How deep in brackets each position stands counted from `from`: the brackets opened since, less those closed since
 * (0 outside any bracket opened after `from`, negative past one that was open at it).
 */
export function bracketDepthFrom(p: ParaText, from: number): (i: number) => number {
  const { opens, closes } = bracketsOf(p);
  const opened = opens[from] as number;
  const closed = closes[from] as number;
  return (i) => (opens[i] as number) - opened - ((closes[i] as number) - closed);
}

/**
 * A figure ending at `end` that stands in brackets closed before `index` ("…2712 万元（其中：运行维护费
 * 2712 万元），比预算数减少…"): a detail of what comes before the brackets, never what a later cue speaks of.
 */
export function closedOffBefore(p: ParaText, end: number, index: number): boolean {
  const { opens, closes } = bracketsOf(p);
  if ((closes[index] as number) === (closes[end] as number)) return false;
  // the bracket around `end` closes before `index` even when another opens after it ("A（其中：…a）（占…p%）")
  const depth = (i: number) => (opens[i] as number) - (closes[i] as number);
  const at = depth(end);
  for (let i = end + 1; i <= index; i += 1) if (depth(i) < at) return true;
  return false;
}
