import { displayWidth } from './wrap.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: colour codes are what this skips
const COLOUR_CODE = /\u001b\[[0-9;]*m/g;

/** Columns a cell's text takes on a terminal: colour codes take none. */
function visibleWidth(text: string): number {
  return displayWidth(text.includes('\u001b') ? text.replace(COLOUR_CODE, '') : text);
}

/**
 * Box-drawn terminal tables (the stylish report, the batch summary, `diff`), laid out as
 * cli-table3 lays them out (same characters, padding and spreading of a spanning cell's width),
 * in time linear in the cells. cli-table3 itself is quadratic in the number of rows (every
 * cell looks for conflicts in all rows above it) and in the length of a cell (it measures a
 * cell's text again after dropping each character): 5,000 findings took 40 s to print.
 */

/** A cell spanning `colSpan` columns (a finding's message under its figures). */
export interface SpanCell {
  content: string;
  colSpan: number;
}

export type BoxCell = string | SpanCell;

export interface BoxTableOptions {
  head: string[];
  /** Per column; default left. */
  align?: ('left' | 'right')[];
  /** A rule between every two rows (default), or none at all (a long list such as a diff). */
  rowSeparators?: boolean;
  /** Colours for the border and the head cells (identity without colour). */
  paintBorder?: (text: string) => string;
  paintHead?: (text: string) => string;
}

interface Placed {
  content: string[];
  x: number;
  span: number;
}

const identity = (text: string): string => text;

export function renderBoxTable(rows: readonly (readonly BoxCell[])[], options: BoxTableOptions): string {
  const border = options.paintBorder ?? identity;
  const head = options.paintHead ?? identity;
  const placed = [options.head, ...rows].map(placeRow);
  const widths = columnWidths(placed, options.head.length);
  const out: string[] = [];
  const boundaries = (row: Placed[] | undefined): Set<number> => new Set(row?.map((c) => c.x) ?? []);
  placed.forEach((row, y) => {
    if (y === 0) out.push(border(rule(widths, undefined, boundaries(row), '┌', '┐', '┬')));
    else if (options.rowSeparators !== false)
      out.push(border(rule(widths, boundaries(placed[y - 1]), boundaries(row), '├', '┤', '┬')));
    let height = 0;
    for (const cell of row) height = Math.max(height, cell.content.length);
    for (let line = 0; line < height; line++) {
      let text = '';
      for (const cell of row) {
        const width = spanWidth(widths, cell);
        const content = pad(cell.content[line] ?? '', width - 2, options.align?.[cell.x] ?? 'left');
        text += `${border('│')} ${y === 0 ? head(content) : content} `;
      }
      out.push(`${text}${border('│')}`);
    }
  });
  out.push(border(rule(widths, boundaries(placed[placed.length - 1]), undefined, '└', '┘', '┬')));
  return out.join('\n');
}

function placeRow(row: readonly BoxCell[]): Placed[] {
  let x = 0;
  return row.map((cell) => {
    const span = typeof cell === 'string' ? 1 : Math.max(1, cell.colSpan);
    const content = (typeof cell === 'string' ? cell : cell.content).split('\n');
    const placedCell = { content, x, span };
    x += span;
    return placedCell;
  });
}

/** cli-table3's widths: the widest single-column cell plus padding, then spanning cells (last first) widen their columns evenly. */
function columnWidths(rows: Placed[][], columns: number): number[] {
  const widths = Array.from({ length: columns }, () => 1);
  const spanners: { x: number; span: number; desired: number }[] = [];
  for (const row of rows) {
    for (const cell of row) {
      let desired = 0;
      for (const line of cell.content) desired = Math.max(desired, visibleWidth(line));
      desired += 2;
      if (cell.span > 1) spanners.push({ x: cell.x, span: cell.span, desired });
      else widths[cell.x] = Math.max(widths[cell.x] ?? 1, desired);
    }
  }
  for (let k = spanners.length - 1; k >= 0; k--) {
    const { x, span, desired } = spanners[k] as { x: number; span: number; desired: number };
    let existing = widths[x] ?? 1;
    for (let i = 1; i < span; i++) existing += 1 + (widths[x + i] ?? 1);
    let editable = span;
    for (let i = 0; editable > 0 && desired > existing; i++) {
      const dif = Math.round((desired - existing) / editable);
      existing += dif;
      widths[x + i] = (widths[x + i] ?? 1) + dif;
      editable--;
    }
  }
  return widths;
}

function spanWidth(widths: number[], cell: Placed): number {
  let width = widths[cell.x] ?? 1;
  for (let i = 1; i < cell.span; i++) width += 1 + (widths[cell.x + i] ?? 1);
  return width;
}

/** A horizontal rule; a junction shows where the row above and/or below has a column boundary. */
function rule(
  widths: number[],
  above: Set<number> | undefined,
  below: Set<number> | undefined,
  left: string,
  right: string,
  downOnly: string,
): string {
  let text = left;
  widths.forEach((width, x) => {
    if (x > 0) {
      const up = above?.has(x) ?? false;
      const down = below?.has(x) ?? false;
      text += up && down ? '┼' : up ? '┴' : down ? downOnly : '─';
    }
    text += '─'.repeat(width);
  });
  return text + right;
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - visibleWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}
