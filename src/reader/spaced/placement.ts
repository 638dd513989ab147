import type { Decimal } from 'decimal.js';
import { type Approx, approx, radiusFor, subtract, sum } from '../../money/interval.js';
import { amountText } from '../../util/amount-text.js';

/**
 * Where the figures of a line printed with single spaces go. Such a line keeps its figures in
 * order but not its blank cells: `1,700.57 1,700.57` under 合计 | 基本支出 | 项目支出 is 合计 and
 * one of the other two. Every way of laying the figures into the columns in order is tried, and
 * only those that keep the block's sums (合计 = 基本支出 + 项目支出, catalog `sums`) stay; a cell
 * is known when every placement left gives it the same value, and unknown otherwise. Nothing is
 * guessed: a column no arithmetic tells apart from another stays unknown.
 */

/** A figure of a printed line: an amount, or a dash printed for a blank cell (it holds a place). */
export interface Figure {
  text: string;
  /** null for a printed blank (—, -). */
  value: Decimal | null;
  decimals: number;
  /** A word printed where a figure stands (the header's last row printed in the 合计 row): held, not read. */
  word?: boolean;
}

/** A line's token read as a figure, or undefined when it is a word (a label, a header word). */
export function figureOf(token: string): Figure | undefined {
  const read = amountText(token);
  if (read.kind === 'blank' && token.trim() !== '') return { text: token, value: null, decimals: 2 };
  if (read.kind !== 'number') return undefined;
  const value = approx(`${read.negative ? '-' : ''}${read.digits}`, read.decimals).value;
  return { text: token, value, decimals: read.decimals };
}

/** For each column the index of the figure it takes, or −1 for a blank cell. */
export type Placement = number[];

/** The most placements tried for one line (12 columns and 6 figures make 924). */
const MAX_PLACEMENTS = 5000;

function approxAt(figures: readonly Figure[], placement: Placement, col: number): Approx {
  const f = figures[placement[col] as number];
  // a blank cell is 0 ± ½·10⁻², as the rules read it
  return f?.value ? { value: f.value, radius: radiusFor(f.decimals) } : approx('0', 2);
}

/** Whether the placement keeps every sum: the first column equals the others' total within their rounding. */
function keepsSums(figures: readonly Figure[], placement: Placement, sums: readonly number[][]): boolean {
  return sums.every(([whole, ...parts]) => {
    // a sum over a cell holding a word cannot be checked: it rules nothing out
    if ([whole, ...parts].some((col) => figures[placement[col as number] as number]?.word)) return true;
    const gap = subtract(
      approxAt(figures, placement, whole as number),
      sum(parts.map((p) => approxAt(figures, placement, p))),
    );
    return gap.value.abs().lte(gap.radius);
  });
}

/**
 * Every placement of `figures` (in order) into `columns` columns that keeps `sums` (lists of
 * column indexes, the first the sum of the rest); the one by position when there are as many
 * figures as columns; none when there are more, or too many ways to try.
 */
export function placements(figures: readonly Figure[], columns: number, sums: readonly number[][]): Placement[] {
  const k = figures.length;
  if (k > columns) return [];
  // a figure for every column: placed by position, whatever its sums (a line that breaks them is
  // the table's error, for its rules to report)
  if (k === columns) return [figures.map((_, i) => i)];
  const found: Placement[] = [];
  let tried = 0;
  const chosen: number[] = [];
  const walk = (from: number): boolean => {
    if (chosen.length === k) {
      tried += 1;
      if (tried > MAX_PLACEMENTS) return false;
      const placement: Placement = new Array<number>(columns).fill(-1);
      chosen.forEach((col, i) => {
        placement[col] = i;
      });
      if (keepsSums(figures, placement, sums)) found.push(placement);
      return true;
    }
    for (let col = from; col <= columns - (k - chosen.length); col += 1) {
      chosen.push(col);
      const ok = walk(col + 1);
      chosen.pop();
      if (!ok) return false;
    }
    return true;
  };
  return walk(0) ? found : [];
}

/** What one cell is once the placements are known: a figure, a blank cell, or not known. */
export type Placed = { figure: number } | { blank: true } | { unknown: true };

/**
 * Each column's cell: known where every placement puts the same figure there (or leaves it blank
 * in all of them); a printed 0 in some and a blank cell in the others is 0 either way.
 */
export function placedCells(figures: readonly Figure[], found: readonly Placement[], columns: number): Placed[] {
  return Array.from({ length: columns }, (_, col): Placed => {
    if (found.length === 0) return { unknown: true };
    const indexes = new Set(found.map((p) => p[col] as number));
    const first = [...indexes][0] as number;
    if (indexes.size === 1) return first < 0 ? { blank: true } : { figure: first };
    const zeroOrBlank = [...indexes].every((i) => i < 0 || figures[i]?.value?.isZero() !== false);
    const zero = [...indexes].find((i) => i >= 0);
    return zeroOrBlank && zero !== undefined ? { figure: zero } : { unknown: true };
  });
}
