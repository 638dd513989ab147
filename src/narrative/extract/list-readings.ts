import type { AmountMention, ListReading } from '../claims.js';
import { COUNTER } from './mentions.js';
import { allMatches } from '../../util/matches.js';

/**
 * An item's own breakdown inside a list, outside brackets: "…；上级补助收入 b 万元，含一般性转移支付 b1 万元，
 * 专项转移支付 b2 万元；…", "…，其中：国内公务接待 N 批次…", "…本级收入 b 亿元，同比增长 P%，分项目看：税收 b1
 * 亿元，非税 b2 亿元；…" (the items by kind of the figure before), "…；公务接待费 c 万元，具体是国内接待费 c1 万元，
 * 国（境）外接待费 c2 万元" (the item spelt out), "…其中：一般转移支付收入 a 亿元，主要为税收返还 a1 亿元；一般性转移支付
 * a2 亿元；…" (an item's main parts). (In brackets the list leaves it out already.)
 */
const NESTED = /(?:其中|包含|包括|含|分项目?来?看|具体(?:是|为)|主要(?:为|是|包括|有))：?/gu;

/** A count ("45 批次", "380 人次"): no amount, and what a list of counts lists is no part of an amount. */
const COUNT = new RegExp(`(?<![0-9.])[0-9]+(?:${COUNTER})(?!元)`, 'u');

/** More ways to read one list than this: its extent is too uncertain to check at all. */
const MAX_READINGS = 256;

/** Where a nested breakdown starts (its cue) and ends (its cue's last character). */
export interface NestedCue {
  start: number;
  end: number;
}

/**
 * Nested breakdowns from the end of a list's first item to `to`, at the list's own bracket depth
 * (`depth(i) <= 0`): 其中 anywhere, 含 / 包含 / 包括 opening a clause ("，含…").
 */
export function nestedCues(text: string, from: number, to: number, depth: (i: number) => number): NestedCue[] {
  const out: NestedCue[] = [];
  for (const m of allMatches(text.slice(from, to), NESTED)) {
    const start = from + m.index;
    if (depth(start) > 0) continue;
    if (m[0].startsWith('其中') || '，,'.includes(text[start - 1] ?? '')) out.push({ start, end: start + m[0].length });
  }
  return out;
}

/** Whether a count stands between `from` and `to` ("…其中：国内公务接待 45 批次，380 人次…"). */
export function countsBefore(text: string, from: number, to: number): boolean {
  return COUNT.test(text.slice(from, to));
}

/**
 * Whether a breakdown may list no amount at all: what stands between its cue and the next figure ends a
 * clause with ；or is a count ("其中：国内公务接待 45 批次，380 人次；公务用车…60 万元" lists counts, and
 * the 60 万元 after the ；is the next item of the outer list).
 */
export function mayListNoAmount(
  text: string,
  cueEnd: number,
  next: number | undefined,
  depth: (i: number) => number,
): boolean {
  if (countsBefore(text, cueEnd, next ?? text.length)) return true;
  const gap = text.slice(cueEnd, next ?? text.length);
  for (let i = gap.indexOf('；'); i >= 0; i = gap.indexOf('；', i + 1)) if (depth(cueEnd + i) <= 0) return true;
  return false;
}

/**
 * Every way the items may be read when items carry breakdowns of their own: each breakdown takes the first
 * j figures after its cue (j from none, when it may list no amount, else one, up to all before the next
 * cue); the rest are the list's items. The first reading is the likeliest (a breakdown ends at the first
 * ；after its cue), the one a finding shows. Undefined when there are too many readings to say anything.
 */
export function listReadings<T extends { amount: AmountMention }>(
  text: string,
  items: T[],
  cues: NestedCue[],
  depth: (i: number) => number,
): ListReading<T>[] | undefined {
  type Choice = { parent: AmountMention; after: T[]; likeliest: number; from: number };
  const choices: Choice[] = [];
  for (const [k, cue] of cues.entries()) {
    const parent = items.filter((i) => i.amount.end <= cue.start).pop();
    if (!parent) continue;
    const until = cues[k + 1]?.start ?? Number.POSITIVE_INFINITY;
    const after = items.filter((i) => i.amount.start >= cue.end && i.amount.start < until);
    const from = after.length === 0 || mayListNoAmount(text, cue.end, after[0]?.amount.start, depth) ? 0 : 1;
    let semicolon = -1;
    for (let i = text.indexOf('；', cue.end); i >= 0; i = text.indexOf('；', i + 1))
      if (depth(i) <= 0) {
        semicolon = i;
        break;
      }
    const before = semicolon < 0 ? after.length : after.filter((i) => i.amount.start < semicolon).length;
    choices.push({ parent: parent.amount, after, likeliest: Math.max(from, before), from });
  }
  const count = choices.reduce((n, c) => n * (c.after.length - c.from + 1), 1);
  if (count > MAX_READINGS) return undefined;
  const reading = (takes: number[]): ListReading<T> => {
    const nestedItems = new Set<T>();
    const nested = choices.map((c, k) => {
      const parts = c.after.slice(0, takes[k]);
      for (const part of parts) nestedItems.add(part);
      return { parent: c.parent, parts: parts.map((i) => i.amount) };
    });
    return { items: items.filter((i) => !nestedItems.has(i)), nested };
  };
  const likeliest = choices.map((c) => c.likeliest);
  const out = [reading(likeliest)];
  const takes = choices.map((c) => c.from);
  for (let n = 0; n < count; n += 1) {
    if (takes.some((t, k) => t !== likeliest[k])) out.push(reading(takes));
    // the next combination, the first choice counting fastest
    for (let k = 0; k < choices.length; k += 1) {
      const c = choices[k] as Choice;
      if ((takes[k] as number) < c.after.length) {
        takes[k] = (takes[k] as number) + 1;
        break;
      }
      takes[k] = c.from;
    }
  }
  return out;
}
