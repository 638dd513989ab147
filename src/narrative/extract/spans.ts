import type { Span } from '../claims.js';

/**
 * Look-ups in a paragraph's mentions by position. Amounts, percentages, subjects and sentences are
 * each found left to right without overlap, so they are sorted by start and by end alike: a binary
 * search answers what a filter over the whole paragraph per claim answered, and the extractors'
 * work stays linear in a paragraph's length.
 */

/** How many spans end at or before `pos`. */
export function countEndingBy(spans: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((spans[mid] as Span).end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many spans start before `pos`. */
export function countStartingBefore(spans: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((spans[mid] as Span).start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The last span inside [from, to] (start ≥ from, end ≤ to): `spans.filter(…).pop()`. */
export function lastWithin<T extends Span>(spans: readonly T[], from: number, to: number): T | undefined {
  const last = spans[countEndingBy(spans, to) - 1];
  return last && last.start >= from ? last : undefined;
}

/** The last span ending at or before `to`. */
export function lastEndingBy<T extends Span>(spans: readonly T[], to: number): T | undefined {
  return spans[countEndingBy(spans, to) - 1];
}

/** The span starting exactly at `pos`: `spans.find((x) => x.start === pos)`. */
export function startingAt<T extends Span>(spans: readonly T[], pos: number): T | undefined {
  const found = spans[countStartingBefore(spans, pos)];
  return found && found.start === pos ? found : undefined;
}

/** The spans inside [from, to], in order: `spans.filter((x) => x.start >= from && x.end <= to)`. */
export function within<T extends Span>(spans: readonly T[], from: number, to: number): T[] {
  const out: T[] = [];
  for (let i = countStartingBefore(spans, from); i < spans.length; i += 1) {
    const x = spans[i] as T;
    if (x.end > to) break;
    out.push(x);
  }
  return out;
}

/**
 * The first match of a global pattern in `text`: what `[...text.matchAll(re)][0]` gave, without
 * finding every later match too (the rest of a long paragraph, once per cue). The pattern's
 * lastIndex is left at 0, as matchAll leaves it.
 */
export function firstMatch(re: RegExp, text: string): RegExpExecArray | null {
  re.lastIndex = 0;
  const found = re.exec(text);
  re.lastIndex = 0;
  return found;
}
