import { alignColumns, bandsOf, type Span } from '../layout/columns.js';
import type { FlowCell } from '../layout/flow.js';
import { holdsAmount } from '../../util/amount-text.js';

/**
 * A table without rules continued on the next page, whose part there is laid out to columns of its
 * own widths (a web page or a document printing one table per page, each as wide as its texts):
 * the lines of both parts taken together mix two sets of columns. Each part is laid out by its own
 * columns, and the columns of a part after the first are matched to the first part's (the one with
 * the header) in order: an amount column to a column of amounts (or, failing one, to one empty on
 * the first page), whole numbers (行次) to whole numbers, words to words, each the nearest in its
 * share of the table's width. A run whose parts' amounts end where the first part's columns end
 * (one table's columns over pages), or whose parts cannot be matched, is read whole.
 */

type Kind = 'amount' | 'number' | 'text' | 'empty';
type Band = { start: number; end: number };

const INTEGER = /^\d+$/;

/**
 * What a column holds on the part's lines of figures: amounts where it holds one, else whole numbers
 * or words, whichever it holds more of (a code column ends in the label of its total row).
 */
function kindsOf(cells: FlowCell[][], bands: number): Kind[] {
  const counts = Array.from({ length: bands }, () => ({ amount: 0, number: 0, text: 0 }));
  for (const row of cells) {
    if (!row.some((c) => holdsAmount(c.text))) continue;
    let band = 0;
    for (const cell of row) {
      const text = cell.text.trim();
      const count = counts[band];
      if (text !== '' && count && (cell.colSpan ?? 1) === 1)
        count[holdsAmount(text) ? 'amount' : INTEGER.test(text) ? 'number' : 'text'] += 1;
      band += cell.colSpan ?? 1;
    }
  }
  return counts.map((c): Kind => {
    if (c.amount > 0) return 'amount';
    if (c.number === 0 && c.text === 0) return 'empty';
    return c.number > c.text ? 'number' : 'text';
  });
}

/** Points within which two right edges are one: amounts are set flush against their column's edge. */
const EDGE_SLACK = 1;

/**
 * A part laid out on the first part's columns: each of its amount columns ends where a column of
 * the first part ends (amounts are right-aligned, so their edge shows the column's wherever the
 * part has fewer figures to tell its columns apart by).
 */
function sameEdges(part: { bands: Band[]; kinds: Kind[] }, base: { bands: Band[] }): boolean {
  return part.bands.every(
    (band, i) => part.kinds[i] !== 'amount' || base.bands.some((b) => Math.abs(b.end - band.end) <= EDGE_SLACK),
  );
}

function shares(bands: Band[]): number[] {
  const left = bands[0]?.start ?? 0;
  const width = Math.max((bands.at(-1)?.end ?? 0) - left, 1);
  return bands.map((b) => ((b.start + b.end) / 2 - left) / width);
}

const fits = (mine: Kind, base: Kind) => mine === base || mine === 'empty' || base === 'empty';
/** What a column of one kind placed on a column the first part leaves empty costs (more than any shift). */
const ON_EMPTY = 2;

/** Each of the part's columns to one of the first part's, in order; undefined when none fits. */
function matchColumns(part: { bands: Band[]; kinds: Kind[] }, base: { bands: Band[]; kinds: Kind[] }) {
  const n = part.bands.length;
  const m = base.bands.length;
  if (n > m) return undefined;
  const a = shares(part.bands);
  const b = shares(base.bands);
  // cost[i][j]: the least cost of the part's first i columns placed among the first j of the base
  const cost = Array.from({ length: n + 1 }, () => Array<number>(m + 1).fill(Number.POSITIVE_INFINITY));
  for (let j = 0; j <= m; j += 1) (cost[0] as number[])[j] = 0;
  for (let i = 1; i <= n; i += 1)
    for (let j = i; j <= m; j += 1) {
      const skip = (cost[i] as number[])[j - 1] as number;
      const take = fits(part.kinds[i - 1] as Kind, base.kinds[j - 1] as Kind)
        ? ((cost[i - 1] as number[])[j - 1] as number) +
          Math.abs((a[i - 1] as number) - (b[j - 1] as number)) +
          (part.kinds[i - 1] !== base.kinds[j - 1] ? ON_EMPTY : 0)
        : Number.POSITIVE_INFINITY;
      (cost[i] as number[])[j] = Math.min(skip, take);
    }
  if (!Number.isFinite((cost[n] as number[])[m] as number)) return undefined;
  const to: number[] = Array(n).fill(0);
  let j = m;
  for (let i = n; i >= 1; i -= 1) {
    while (j > i && (cost[i] as number[])[j - 1] === (cost[i] as number[])[j]) j -= 1;
    to[i - 1] = j - 1;
    j -= 1;
  }
  return to;
}

/** A part's rows with their cells moved to the first part's columns. */
function placed(rows: FlowCell[][], to: number[], width: number): FlowCell[][] {
  return rows.map((row) => {
    const out: FlowCell[] = [];
    let band = 0;
    let col = 0;
    for (const cell of row) {
      const span = cell.colSpan ?? 1;
      const from = to[band] as number;
      const last = to[band + span - 1] as number;
      while (col < from) {
        out.push({ text: '' });
        col += 1;
      }
      const { colSpan: _, ...rest } = cell;
      out.push(last > from ? { ...rest, colSpan: last - from + 1 } : rest);
      col = last + 1;
      band += span;
    }
    while (col < width) {
      out.push({ text: '' });
      col += 1;
    }
    return out;
  });
}

/**
 * The cells of a run of lines printed over several pages (`parts`: each page's lines, as pieces),
 * laid out part by part and placed on the first part's columns; undefined where the parts share
 * their columns' edges (or cannot be matched): the run is read whole.
 */
export function partsOnFirstColumns(parts: Span[][][]): FlowCell[][] | undefined {
  if (parts.length < 2) return undefined;
  const laid = parts.map((lines) => {
    const bands = bandsOf(lines);
    const cells = alignColumns(lines, bands);
    return { bands, cells, kinds: kindsOf(cells, bands.length) };
  });
  const base = laid[0] as (typeof laid)[number];
  if (laid.every((part) => sameEdges(part, base))) return undefined;
  const out: FlowCell[][] = [...base.cells];
  for (const part of laid.slice(1)) {
    const to = matchColumns(part, base);
    if (!to) return undefined;
    out.push(...placed(part.cells, to, base.bands.length));
  }
  return out;
}
