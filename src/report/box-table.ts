import { clipToWidth } from './terminal-text.js';
import { displayWidth } from '../util/display-width.js';
import { WORD_RUN, wordsOf, wrapText } from './wrap.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: colour codes are what this skips
const COLOUR_CODE = /\u001b\[[0-9;]*m/g;
/** A line drawn by renderBoxTable (its first character after the indent is a border). */
const BOX_LINE = /^ *[┌│├└]/;

/** Columns a cell's text takes on a terminal: colour codes take none. */
function visibleWidth(text: string): number {
  return displayWidth(text.includes('\u001b') ? text.replace(COLOUR_CODE, '') : text);
}

/**
 * A line of a terminal report fitted to `width` columns: as it is when it fits, else wrapped, the
 * continuation lines indented as the line is (colours dropped from a line that must be broken).
 */
export function fitLine(line: string, width: number): string[] {
  if (visibleWidth(line) <= width) return [line];
  const plain = line.replace(COLOUR_CODE, '');
  // a line of a box table wider than the terminal (a token it must not cut) overflows whole
  if (BOX_LINE.test(plain)) return [line];
  const indent = /^ */.exec(plain)?.[0] ?? '';
  const room = Math.max(8, width - indent.length);
  return wrapText(plain.slice(indent.length), room).map((part) => indent + part);
}

/** Every line of a terminal report fitted to `width` columns (see fitLine); unchanged without a width. */
export function fitLines(text: string, width: number | undefined): string {
  if (width === undefined) return text;
  return text
    .split('\n')
    .flatMap((line) => fitLine(line, width))
    .join('\n');
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
  /** The content is running text, wrapped at this many columns, or narrower when the table must fit. */
  wrap?: number;
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
  /**
   * The terminal's width: a table wider than this is narrowed to it, its widest columns first
   * (never below their heading), cell text and running text wrapped to the narrower columns.
   */
  maxWidth?: number;
}

interface Placed {
  content: string[];
  /** The visible width of each line of the content, measured once (for the column widths and the padding). */
  widths?: number[];
  x: number;
  span: number;
}

/** The visible widths of a cell's lines, measured on first use. */
function lineWidths(cell: Placed): number[] {
  cell.widths ??= cell.content.map(visibleWidth);
  return cell.widths;
}

const identity = (text: string): string => text;

export function renderBoxTable(rows: readonly (readonly BoxCell[])[], options: BoxTableOptions): string {
  return [...boxTableLines(rows, options)].join('\n');
}

/** renderBoxTable a line at a time: the widths need every row, the lines are made as they are written. */
export function* boxTableLines(rows: readonly (readonly BoxCell[])[], options: BoxTableOptions): Generator<string> {
  const border = options.paintBorder ?? identity;
  const head = options.paintHead ?? identity;
  let placed = [options.head, ...rows].map((row) => placeRow(row));
  let widths = columnWidths(placed, options.head.length);
  if (options.maxWidth !== undefined && tableWidth(widths) > options.maxWidth) {
    widths = fittedWidths(placed, options.head, options.maxWidth);
    placed = [options.head, ...rows].map((row) => placeRow(row, widths));
  }
  const boundaries = (row: Placed[] | undefined): Set<number> => new Set(row?.map((c) => c.x) ?? []);
  for (const [y, row] of placed.entries()) {
    if (y === 0) yield border(rule(widths, undefined, boundaries(row), '┌', '┐', '┬'));
    else if (options.rowSeparators !== false)
      yield border(rule(widths, boundaries(placed[y - 1]), boundaries(row), '├', '┤', '┬'));
    let height = 0;
    for (const cell of row) height = Math.max(height, cell.content.length);
    for (let line = 0; line < height; line++) {
      let text = '';
      for (const cell of row) {
        const width = spanWidth(widths, cell);
        const shown = cell.content[line];
        const content =
          shown === undefined
            ? pad('', 0, width - 2, 'left')
            : pad(shown, lineWidths(cell)[line] as number, width - 2, options.align?.[cell.x] ?? 'left');
        text += `${border('│')} ${y === 0 ? head(content) : content} `;
      }
      yield `${text}${border('│')}`;
    }
  }
  yield border(rule(widths, boundaries(placed[placed.length - 1]), undefined, '└', '┘', '┬'));
}

/** A row's cells and the columns they take; with fitted widths, each cut or wrapped to its width. */
function placeRow(row: readonly BoxCell[], widths?: number[]): Placed[] {
  let x = 0;
  return row.map((cell) => {
    const span = typeof cell === 'string' ? 1 : Math.max(1, cell.colSpan);
    const text = typeof cell === 'string' ? cell : cell.content;
    const wrap = typeof cell === 'string' ? undefined : cell.wrap;
    const room = widths ? spanWidth(widths, { content: [], x, span }) - 2 : undefined;
    let content: string[];
    let measured: number[] | undefined;
    if (wrap !== undefined) {
      measured = [];
      content = wrapText(text, Math.max(1, Math.min(wrap, room ?? wrap)), measured);
      // the widths of a plain text's lines come with them (see wrapText)
      if (measured.length !== content.length) measured = undefined;
    } else content = text.split('\n');
    // a cell wider than its fitted column wraps (its column is as wide as its longest token)
    if (room !== undefined && wrap === undefined)
      content = content.flatMap((line) =>
        visibleWidth(line) > room
          ? wrapText(line.replace(COLOUR_CODE, ''), Math.max(1, room)).map((part) => clipToWidth(part, room))
          : [line],
      );
    const placedCell: Placed = { content, x, span };
    if (measured && content.length === measured.length) placedCell.widths = measured;
    x += span;
    return placedCell;
  });
}

function tableWidth(widths: number[]): number {
  let total = widths.length + 1;
  for (const w of widths) total += w;
  return total;
}

/** The widest token of a cell (a rule id, an amount, a cell address: never cut), plus padding. */
function longestWord(cell: Placed): number {
  let widest = 0;
  for (const line of cell.content)
    for (const run of line.replace(COLOUR_CODE, '').match(WORD_RUN) ?? [])
      for (const word of wordsOf(run)) widest = Math.max(widest, visibleWidth(word));
  return widest + 2;
}

/**
 * Widths within `maxWidth` where they can be: the single cells' widths, the widest column narrowed
 * one column at a time down to its heading or its longest token, whichever is wider (its cells
 * wrap; a token is never cut, so a table of long tokens stays wider than `maxWidth`); then cells
 * spanning columns (running text) may widen them up to `maxWidth`, and as far as their own longest
 * token needs.
 */
function fittedWidths(placed: Placed[][], head: string[], maxWidth: number): number[] {
  const singles = columnWidths(
    placed.map((row) => row.filter((cell) => cell.span === 1)),
    head.length,
  );
  const least = head.map((h) => visibleWidth(h) + 2);
  for (const row of placed.slice(1))
    for (const cell of row) if (cell.span === 1) least[cell.x] = Math.max(least[cell.x] ?? 3, longestWord(cell));
  let total = tableWidth(singles);
  while (total > maxWidth) {
    let widest = -1;
    singles.forEach((w, i) => {
      if (w > (least[i] ?? 3) && (widest < 0 || w > (singles[widest] ?? 0))) widest = i;
    });
    if (widest < 0) break;
    singles[widest] = (singles[widest] ?? 1) - 1;
    total--;
  }
  // a spanning cell's longest token fits its span, if need be beyond maxWidth
  let short = 0;
  for (const row of placed)
    for (const cell of row) if (cell.span > 1) short = Math.max(short, longestWord(cell) - spanWidth(singles, cell));
  if (short > 0) {
    singles[singles.length - 1] = (singles[singles.length - 1] ?? 1) + short;
    total += short;
  }
  // spanning cells: as much of their desire as fits
  const room = maxWidth - total;
  if (room > 0) {
    let wanted = 0;
    for (const row of placed)
      for (const cell of row) {
        if (cell.span === 1) continue;
        let desired = 0;
        for (const line of cell.content) desired = Math.max(desired, visibleWidth(line));
        wanted = Math.max(wanted, desired + 2 - spanWidth(singles, cell));
      }
    const extra = Math.min(room, wanted);
    if (extra > 0) singles[singles.length - 1] = (singles[singles.length - 1] ?? 1) + extra;
  }
  return singles;
}

/** cli-table3's widths: the widest single-column cell plus padding, then spanning cells (last first) widen their columns evenly. */
function columnWidths(rows: Placed[][], columns: number): number[] {
  const widths = Array.from({ length: columns }, () => 1);
  const spanners: { x: number; span: number; desired: number }[] = [];
  for (const row of rows) {
    for (const cell of row) {
      let desired = 0;
      for (const w of lineWidths(cell)) desired = Math.max(desired, w);
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

function pad(text: string, visible: number, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - visible));
  return align === 'right' ? fill + text : text + fill;
}
