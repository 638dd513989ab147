import { endsInAmount } from '../../util/amount-text.js';
import { type FlowCell, type FlowRow, withoutBlankRows } from '../layout/flow.js';

/**
 * A table whose header the page's end cuts: the first header rows end one page, the rest of the
 * header and the data start the next, and a header cell merged over rows on both sides of the cut
 * (本年收入合计 over two header rows) is printed as two cells — its text above the cut, the rest
 * of the cell (empty, or the rest of its wrapped text) below. The part above has fewer columns:
 * the rules that divide the lower header rows (类 | 款 | 项 under 功能分类科目编码) are drawn below
 * the cut only.
 */

/** An amount (2,156.82 / 0.00, or typed with spaces: 4. 25): the part above a cut header holds none. */
function isAmount(text: string): boolean {
  return endsInAmount(text.replace(/\s+/g, ''));
}
/** A cell of a numbering row (栏次 1 2 3 …): a row of its own, never the rest of a cut cell. */
const NUMBERING = /^(?:\d{1,3}|栏次)$/;
/** Rules closer than this (points) are the same rule on both pages. */
const SAME_RULE = 3;

/** A numbering row (栏次, or the numbers 1 2 3 … of the columns), the last row of a header. */
function numberingRow(row: FlowRow | undefined): boolean {
  const texts = (row?.cells ?? []).map((c) => c.text.trim()).filter((t) => t !== '');
  return texts.every((t) => NUMBERING.test(t)) && (texts.includes('栏次') || texts.length >= 2);
}

interface Part {
  rows: FlowRow[];
  columns?: number[];
}

/** Each cell's first column in its table, taking the slots of cells merged down from rows above (as layTable does). */
function firstColumns(rows: FlowRow[]): number[][] {
  const taken: boolean[][] = rows.map(() => []);
  return rows.map((row, r) => {
    const line = taken[r] as boolean[];
    let col = 0;
    return row.cells.map((cell) => {
      while (line[col]) col += 1;
      const at = col;
      const span = Math.max(1, cell.colSpan ?? 1);
      const down = Math.min(Math.max(1, cell.rowSpan ?? 1), rows.length - r);
      for (let dr = 0; dr < down; dr += 1)
        for (let dc = 0; dc < span; dc += 1) (taken[r + dr] as boolean[])[at + dc] = true;
      col += span;
      return at;
    });
  });
}

function ruleIndex(columns: number[], x: number): number {
  return columns.findIndex((c) => Math.abs(c - x) <= SAME_RULE);
}

/**
 * The rows of a table whose header a page end cuts, when `cutPart` is the header part that ends a
 * page and `below` the table that starts the next: the part (its blank rows left out) holds no
 * amount, shares the table's outer rules with `below`, and each of its rules is one of `below`'s.
 * Its cells are re-spanned over `below`'s columns; a cell reaching down to the cut and a cell of the
 * same columns in the first row below it are one cell (their texts joined, the same text on both
 * once), unless that is a numbering row's cell or the row holds an amount (a row of data).
 * Undefined when the two are not so.
 */
export function joinSplitHeader(cutPart: Part, below: Part): FlowRow[] | undefined {
  // the band a page's end leaves under a closed cell beside the cut ones holds nothing of the header
  const above = { ...cutPart, rows: withoutBlankRows(cutPart.rows) };
  const [top, bottom] = [above.columns, below.columns];
  if (!top || !bottom || top.length < 2 || below.rows.length === 0) return undefined;
  if (above.rows.some((row) => row.cells.some((c) => isAmount(c.text)))) return undefined;
  const map = top.map((x) => ruleIndex(bottom, x));
  if (map.some((i) => i < 0) || map[0] !== 0 || map.at(-1) !== bottom.length - 1) return undefined;

  const aboveAt = firstColumns(above.rows);
  // the cells above re-spanned on the columns below; those reaching the cut, by their columns
  const reaching = new Map<string, FlowCell>();
  const rows: FlowRow[] = above.rows.map((row, r) => ({
    ...row,
    cells: row.cells.map((cell, k) => {
      const c0 = aboveAt[r]?.[k] ?? 0;
      const c1 = c0 + Math.max(1, cell.colSpan ?? 1);
      const from = map[c0] ?? 0;
      const span = (map[Math.min(c1, map.length - 1)] ?? from + 1) - from;
      const out: FlowCell = { ...cell };
      if (span > 1) out.colSpan = span;
      else delete out.colSpan;
      if (r + Math.max(1, cell.rowSpan ?? 1) >= above.rows.length) reaching.set(`${from}:${span}`, out);
      return out;
    }),
  }));

  const [first, ...rest] = below.rows as [FlowRow, ...FlowRow[]];
  // a header ending in its numbering row (栏次 1 2 3 …) is whole above the page's end: nothing of it
  // continues below, where the data rows start (the row of a one-row 三公 table)
  // nor is anything of it in a row of figures below (30101 | 基本工资 | 8.00): the header was whole
  if (numberingRow(above.rows.at(-1)) || first.cells.some((c) => isAmount(c.text))) return [...rows, ...below.rows];
  const belowAt = firstColumns(below.rows)[0] ?? [];
  const kept: FlowCell[] = [];
  first.cells.forEach((cell, k) => {
    const text = cell.text.trim();
    const cut = reaching.get(`${belowAt[k] ?? -1}:${Math.max(1, cell.colSpan ?? 1)}`);
    if (!cut || NUMBERING.test(text)) {
      kept.push(cell);
      return;
    }
    // a cell's text centred on the whole cell is printed on each page the cut divides it over: once
    if (text !== cut.text.trim()) cut.text = `${cut.text}${text}`;
    cut.rowSpan = Math.max(1, cut.rowSpan ?? 1) + Math.max(1, cell.rowSpan ?? 1);
  });
  return [...rows, { ...first, cells: kept }, ...rest];
}
