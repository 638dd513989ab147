import { OUTLINE_MARK } from '../../util/outline.js';
import { endsSentence, joinBrokenLines } from '../text/paragraphs.js';
import { alignColumns, type Span } from '../layout/columns.js';
import { type FlowCell, type FlowItem, type FlowRow, withoutBlankRows } from '../layout/flow.js';
import type { CellPlace } from '../../model/grid.js';
import { joinWrappedRows } from '../layout/wrapped.js';
import {
  cellText,
  charWeight,
  type Glyphs,
  isPageNumber,
  linesOf,
  mainSize,
  piecesOfLine,
  type TextLine,
} from './page-text.js';
import { holdsAmount } from '../../util/amount-text.js';
import { printTitleRuns, type RuledPlace } from './print-titles.js';
import { tightPieces, tightRow, WORD_GAP_EM } from './tight-columns.js';
import { partsOnFirstColumns } from './bare-parts.js';
import { joinCentredWraps } from './centred-wraps.js';
import type { RuledTable } from './rulings.js';

export interface Page {
  number: number;
  bottom: number;
  top: number;
  width: number;
  /** The page's left edge (0 when absent). */
  left?: number;
  /**
   * Tables read in part: a piece of a sheet printed side by side over pages that no page took, or
   * the table whose columns such a piece holds (side-pieces.ts).
   */
  partial?: RuledTable[];
  runs: Glyphs[];
  tables: RuledTable[];
}

/**
 * `pages`: the first and last page a table stands on, counted in the order read (a wide sheet's
 * pieces laid side by side count as one page: the next page row of the sheet is the next page,
 * whichever order they were printed in), for joining a table continued on the next page.
 * `cut`: the page's end cut the table's first or last row (its rest on the page before or after).
 */
export type PdfFlowItem = FlowItem & { pages?: [number, number]; columns?: number[]; cut?: RuledTable['cut'] };

/** Header and footer bands: this share of the page height at the top and at the bottom. */
const MARGIN = 0.08;

/** A rule at `y` passes through the run's glyphs (not merely touching their top or bottom). */
export function cuts(y: number, run: Glyphs): boolean {
  return y > run.y + run.size * 0.05 && y < run.y + run.size * 0.55;
}

/**
 * The row band of a run: where its centre is; a run the table's top or bottom rule cuts through is
 * the text of a wrapped cell in the first or last row spilling over it (see unspilled).
 */
function rowOf(table: RuledTable, run: Glyphs): number {
  const r = band(table.ys, run.y + run.size * 0.3, true);
  if (r >= 0) return r;
  if (cuts(table.ys[0] as number, run)) return 0;
  return cuts(table.ys.at(-1) as number, run) ? table.ys.length - 2 : -1;
}

export function inside(table: RuledTable, run: Glyphs): boolean {
  const x = (run.x + run.right) / 2;
  return x >= (table.xs[0] as number) && x <= (table.xs.at(-1) as number) && rowOf(table, run) >= 0;
}

/** Where each run of the page lies in its ruled tables: in a row holding an amount, in another row, or in none. */
function ruledPlaces(page: Page): (run: Glyphs) => RuledPlace {
  const figureRows = page.tables.map((table) => {
    const rows = new Set<number>();
    for (const run of page.runs) if (holdsAmount(run.text) && inside(table, run)) rows.add(rowOf(table, run));
    return rows;
  });
  return (run) => {
    const i = page.tables.findIndex((t) => inside(t, run));
    if (i < 0) return undefined;
    return figureRows[i]?.has(rowOf(page.tables[i] as RuledTable, run)) ? 'figures' : 'ruled';
  };
}

function band(bounds: number[], value: number, descending: boolean): number {
  for (let i = 0; i < bounds.length - 1; i += 1) {
    const a = bounds[i] as number;
    const b = bounds[i + 1] as number;
    if (descending ? value <= a && value >= b : value >= a && value <= b) return i;
  }
  return -1;
}

/** A run placed in the slot at row band `r`, column band `c` of a ruled table. */
interface Slotted {
  run: Glyphs;
  r: number;
  c: number;
}

/**
 * The column of a run in row band `r`: where its centre is, except for a label longer than its
 * column that a spreadsheet lets run on over the empty cell beside it (其他国有土地使用权出让收入
 * 安排的支出 over a blank 年初结转和结余): a run that starts at a column's left line and crosses
 * the line drawn at its right is that column's.
 */
function columnOf(table: RuledTable, run: Glyphs, r: number): number {
  const c = band(table.xs, (run.x + run.right) / 2, false);
  const start = band(table.xs, run.x, false);
  const leftAligned = start >= 0 && run.x - (table.xs[start] as number) <= run.size;
  return leftAligned && start < c && table.vertical[r]?.[start + 1] ? start : c;
}

/** Two runs are lines of one wrapped text: a line's spacing apart, overlapping across. */
function nextLines(a: Glyphs, b: Glyphs): boolean {
  const apart = Math.abs(a.y - b.y) / Math.max(a.size, b.size);
  return apart >= 0.9 && apart <= 1.8 && Math.min(a.right, b.right) > Math.max(a.x, b.x);
}

/**
 * Wrapped text taller than its row: an office suite centres the lines on their cell and lets the
 * outer ones spill across the cell's rules (what the print clips, the text layer keeps): a header
 * 经济分类科目 / 编码 in a one-line row puts 编码 over the rule into the first data row ("编码301"),
 * 公务用车运行维护 / 费 puts 费 before the 栏次 number ("费5"). A run that a drawn rule cuts through
 * goes across it when the other side holds the rest of its text (a line's spacing away) and its
 * own side holds none.
 */
function unspilled(table: RuledTable, slots: Slotted[]): Slotted[] {
  return slots.map((slot) => {
    const { run, r, c } = slot;
    // the rule through the run's glyphs, above or below the band its centre fell in
    const cut = [r, r + 1].find(
      (k) => k > 0 && k < table.ys.length - 1 && table.horizontal[k]?.[c] && cuts(table.ys[k] as number, run),
    );
    if (cut === undefined) return slot;
    const across = cut === r ? r - 1 : r + 1;
    const partner = (band: number) => slots.some((o) => o !== slot && o.r === band && nextLines(o.run, run));
    return partner(across) && !partner(r) ? { run, r: across, c } : slot;
  });
}

/**
 * The page's right edge cuts the table: its last column line is the edge (the print stops there) or
 * some of its text runs past it. Points of slack for a rule drawn on the edge.
 */
function clippedAt(table: RuledTable, runs: Glyphs[], page: Page): boolean {
  const edge = page.width - 0.5;
  return (table.xs.at(-1) as number) >= edge || runs.some((run) => run.right > edge + 1);
}

/**
 * A left-aligned cell text whose last line leaves no room for one more character inside the cell's
 * padding (as much on the right as the text stands in from the left line): the cell wrapped it, so
 * the rest may stand in the row below (a row a word processor broke over two pages, read-pdf.ts).
 * A centred text stands in as far from both lines, and is never taken for full.
 */
function fillsCell(runs: Glyphs[], left: number, right: number): boolean {
  const last = linesOf(runs).at(-1);
  if (!last) return false;
  const inset = Math.min(...runs.map((run) => run.x)) - left;
  const end = Math.max(...last.items.map((run) => run.right));
  return inset <= last.size && end + last.size > right - inset;
}

/**
 * A ruled table's rows: slots joined where no line separates them, runs placed by their centre;
 * with the ends the page's end cut, where a row holds some of their text.
 */
function ruledRows(table: RuledTable, runs: Glyphs[], place: CellPlace): { rows: FlowRow[]; cut?: RuledTable['cut'] } {
  const rowsN = table.ys.length - 1;
  const colsN = table.xs.length - 1;
  const id = (r: number, c: number) => r * colsN + c;
  const parent = Array.from({ length: rowsN * colsN }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (let r = 0; r < rowsN; r += 1) {
    for (let c = 0; c < colsN; c += 1) {
      if (c + 1 < colsN && !table.vertical[r]?.[c + 1]) union(id(r, c), id(r, c + 1));
      if (r + 1 < rowsN && !table.horizontal[r + 1]?.[c]) union(id(r, c), id(r + 1, c));
    }
  }
  const slots: Slotted[] = [];
  for (const run of runs) {
    const r = rowOf(table, run);
    const c = r < 0 ? -1 : columnOf(table, run, r);
    if (r >= 0 && c >= 0) slots.push({ run, r, c });
  }
  const texts = new Map<number, Glyphs[]>();
  for (const { run, r, c } of unspilled(table, slots)) {
    const root = find(id(r, c));
    texts.set(root, [...(texts.get(root) ?? []), run]);
  }
  const extent = new Map<number, { r0: number; r1: number; c0: number; c1: number }>();
  for (let r = 0; r < rowsN; r += 1) {
    for (let c = 0; c < colsN; c += 1) {
      const root = find(id(r, c));
      const e = extent.get(root);
      if (!e) extent.set(root, { r0: r, r1: r, c0: c, c1: c });
      else Object.assign(e, { r1: Math.max(e.r1, r), c1: Math.max(e.c1, c), c0: Math.min(e.c0, c) });
    }
  }
  const rows: FlowRow[] = [];
  for (let r = 0; r < rowsN; r += 1) {
    const cells: FlowCell[] = [];
    for (let c = 0; c < colsN; c += 1) {
      const root = find(id(r, c));
      const e = extent.get(root);
      if (!e || e.r0 !== r || e.c0 !== c) continue;
      const runsOf = texts.get(root) ?? [];
      const cell: FlowCell = { text: cellText(runsOf) };
      if (fillsCell(runsOf, table.xs[e.c0] as number, table.xs[e.c1 + 1] as number)) cell.full = true;
      // a cell of a wide sheet's next piece, read with the page of the piece to its left
      const drawnOn = runsOf.find((run) => run.page !== undefined)?.page;
      if (drawnOn !== undefined && drawnOn !== place.page) cell.place = { page: drawnOn };
      if (runsOf.some((run) => run.right > (table.xs[e.c1 + 1] as number)))
        cell.place = { ...(cell.place ?? place), crossesRight: true };
      if (e.c1 > e.c0) cell.colSpan = e.c1 - e.c0 + 1;
      if (e.r1 > e.r0) cell.rowSpan = e.r1 - e.r0 + 1;
      cells.push(cell);
    }
    rows.push({ cells, place: { ...place } });
  }
  // rows with nothing in them are no rows of the table (a table of two rows is kept whole)
  const written = (row: FlowRow | undefined) => row?.cells.some((c) => c.text !== '') === true;
  const top = table.cut?.top === true && written(rows[0]);
  const bottom = table.cut?.bottom === true && written(rows.at(-1));
  return {
    rows: rows.length <= 2 ? rows : withoutBlankRows(rows),
    ...(top || bottom ? { cut: { ...(top ? { top } : {}), ...(bottom ? { bottom } : {}) } } : {}),
  };
}

type Entry =
  | {
      kind: 'table';
      top: number;
      rows: FlowRow[];
      columns: number[];
      page: number;
      position: number;
      cut?: RuledTable['cut'];
    }
  | { kind: 'line'; top: number; line: TextLine; pieces: Span[]; page: number; pageLeft: number; pageRight: number };

function lineText(pieces: Span[]): string {
  return pieces.map((p) => p.text).join(' ');
}

/**
 * A margin line as it recurs from page to page: its text with its page number (a piece of its own,
 * "2024年度部门决算    3") set aside. Other figures count: 公开01表 … 公开09表 at the top of
 * pages a sheet fits on are each table's number, not one running header.
 */
function recurringKey(line: TextLine): string {
  return piecesOfLine(line)
    .map((p) => (isPageNumber(p.text) ? '#' : p.text))
    .join(' ');
}

/** Running headers and footers: lines in the top or bottom band that recur on many pages, and page numbers. */
function marginFilter(pages: { page: Page; lines: TextLine[] }[]): (page: Page, line: TextLine) => boolean {
  const inMargin = (page: Page, line: TextLine) => {
    const h = page.top - page.bottom;
    return line.y > page.top - h * MARGIN || line.y < page.bottom + h * MARGIN;
  };
  const counts = new Map<string, number>();
  for (const { page, lines } of pages) {
    const seen = new Set<string>();
    for (const line of lines) {
      if (!inMargin(page, line)) continue;
      const key = recurringKey(line);
      if (!seen.has(key)) counts.set(key, (counts.get(key) ?? 0) + 1);
      seen.add(key);
    }
  }
  const recurring = Math.max(3, Math.ceil(pages.length / 2));
  return (page, line) => {
    if (!inMargin(page, line)) return true;
    if (isPageNumber(lineText(piecesOfLine(line)))) return false;
    return (counts.get(recurringKey(line)) ?? 0) < recurring;
  };
}

/** The label of a total row alone on its line (合　计 letter-spaced too). */
const TOTAL_LINE = /^(?:合\s*计|总\s*计)$/;

/** A line that starts an outline item (一、 （二） 3.) starts a paragraph, whatever the line above. */
const OUTLINE = new RegExp(`^\\s*${OUTLINE_MARK}`, 'u');

/**
 * What a line cannot be broken inside at its start: a number or Latin word, or a character with the
 * opening marks before it and the closing marks after it (（项）。 goes to the next line whole).
 */
const LEAD = /^[（(《“「【〔]*(?:[A-Za-z0-9.,%]+|.)[）)》”」】〕，,。、；;：:！!？?%]*/u;

function leadWidth(line: { text: string; size: number }): number {
  const lead = LEAD.exec(line.text)?.[0] ?? '';
  return [...lead].reduce((width, ch) => width + charWeight(ch) * line.size, 0);
}

function isProse(pieces: Span[]): boolean {
  return pieces.some((p) => p.text.length > 40 && /[。；，,]/.test(p.text));
}

/** Each page's lines outside its ruled tables. */
function freeLines(pages: Page[]): { page: Page; lines: TextLine[] }[] {
  return pages.map((page) => {
    const free = page.runs.filter((run) => !page.tables.some((t) => inside(t, run)));
    return { page, lines: linesOf(free) };
  });
}

type LineEntry = Extract<Entry, { kind: 'line' }>;

/** A field's label opens a line of its own (部门：, 单位：万元, 年度：): it never continues a wrapped one. */
const FIELD_LABEL = /^[^\s:：]{1,6}[:：]/;
/**
 * At least this many lines of one width make a wrapped block (two alike may be two short fields);
 * a field's line wrapped once makes one of two (部门：某某市某 / 中心).
 */
const MIN_WRAPPED_LINES = 3;
/** Closing marks a browser keeps on the line of the character before them, past the box's edge. */
const HANGING = /[）)》”」】〕，,。、；;！!？?]+$/u;

/** Where a line's piece ends but for closing marks hanging past its box's edge (（汉南区） in a box of four). */
function boxEnd(piece: Span, size: number): number {
  const hanging = HANGING.exec(piece.text)?.[0] ?? '';
  return piece.end - [...hanging].reduce((width, ch) => width + charWeight(ch) * size, 0);
}

/**
 * Text wrapped inside a narrow box, joined into its first line: a browser prints a web page's cell
 * (部门：… in a one-column cell above a table) as wide as its column, the text breaking over lines
 * of the cell's width, closely spaced, the last no longer: each starting where the first does, or,
 * in a box whose text is set to its right (单位：万 / 元), each ending where the first does.
 * Read line by line, each line became a row above the table's header and was taken for one.
 * Lines with an amount, or one opening with a field's label, are never part of such a block; the
 * block's last line may go on with other pieces (中心    单位：万元) — a field's line wrapped once
 * with other fields only.
 */
function joinNarrowWraps(entries: Entry[]): Entry[] {
  const out: Entry[] = [];
  const single = (e: Entry | undefined): e is LineEntry => e?.kind === 'line' && e.pieces.length >= 1;
  let i = 0;
  while (i < entries.length) {
    const first = entries[i] as Entry;
    const head = single(first) && first.pieces.length === 1 ? first.pieces[0] : undefined;
    // (a box as wide as a third of the page is no narrow cell: lines of a contents page or a
    // justified paragraph share their start and end too)
    if (!single(first) || !head || holdsAmount(head.text) || head.end - head.start > first.pageRight / 3) {
      out.push(first);
      i += 1;
      continue;
    }
    const size = first.line.size;
    const near = (a: number, b: number, slack: number) => Math.abs(a - b) <= slack;
    // a line as wide as the box: from its start to its end, or to where its hanging marks begin, or
    // short of the end by less than the next line's lead (区） goes down whole, 区 with it)
    const full = (piece: Span, next: Span) =>
      near(piece.start, head.start, 0.5) &&
      (near(piece.end, head.end, size * 0.5) ||
        near(boxEnd(piece, size), head.end, size * 0.5) ||
        (boxEnd(piece, size) < head.end && head.end - boxEnd(piece, size) < leadWidth({ text: next.text, size })));
    const block: LineEntry[] = [first];
    for (let j = i + 1; j < entries.length; j += 1) {
      const e = entries[j];
      const prev = block.at(-1) as LineEntry;
      const piece = single(e) ? e.pieces[0] : undefined;
      if (!single(e) || !piece || prev.pieces.length > 1 || !full(prev.pieces[0] as Span, piece)) break;
      const left = near(piece.start, head.start, 0.5) && boxEnd(piece, size) <= head.end + size * 0.5;
      const right = e.pieces.length === 1 && near(piece.end, head.end, 0.5) && piece.start >= head.start - 0.5;
      const fits =
        e.page === first.page &&
        Math.abs(e.line.size - size) < 0.5 &&
        prev.line.y - e.line.y <= size * 1.6 &&
        (left || right) &&
        !FIELD_LABEL.test(piece.text) &&
        !OUTLINE.test(piece.text) &&
        !holdsAmount(piece.text);
      if (!fits) break;
      block.push(e);
    }
    const last = block.at(-1) as LineEntry;
    // a field's line and one more: the rest of its text (no figure: no 公开06表 under 单位：万元),
    // going on with other fields only (never a header's words)
    const fieldWrapped =
      block.length === 2 &&
      FIELD_LABEL.test(head.text) &&
      !/\d/.test(last.pieces[0]?.text ?? '') &&
      last.pieces.slice(1).every((p) => FIELD_LABEL.test(p.text));
    if (block.length < MIN_WRAPPED_LINES && !fieldWrapped) {
      out.push(first);
      i += 1;
      continue;
    }
    const text = block.map((e) => e.pieces[0]?.text ?? '').join('');
    out.push({
      ...first,
      line: { ...first.line, bottom: last.line.bottom, items: block.flatMap((e) => e.line.items) },
      pieces: [{ start: head.start, end: head.end, text }, ...last.pieces.slice(1)],
    });
    i += block.length;
  }
  return out;
}

export function pageFlow(printed: Page[]): PdfFlowItem[] {
  let pages = printed;
  let perPage = freeLines(pages);
  const keep = marginFilter(perPage);
  // header rows a sheet's print titles repeat at the top of its pages, over other tables too
  const places = new Map<Page, (run: Glyphs) => RuledPlace>();
  const repeated = printTitleRuns(pages, keep, (page, run) => {
    let placeOf = places.get(page);
    if (!placeOf) {
      placeOf = ruledPlaces(page);
      places.set(page, placeOf);
    }
    return placeOf(run);
  });
  if (repeated.size > 0) {
    pages = pages.map((page) => ({ ...page, runs: page.runs.filter((run) => !repeated.has(run)) }));
    perPage = freeLines(pages);
  }
  const printedEntries: Entry[] = [];
  for (const [index, { page, lines }] of perPage.entries()) {
    const position = index + 1;
    const list: Entry[] = [];
    for (const table of page.tables) {
      const all = page.runs.filter((run) => inside(table, run));
      const piece = page.partial?.includes(table) === true;
      const clipped = piece || clippedAt(table, all, page);
      // text the edge cut (1,5 of 1,589.23) is no cell's text: the cell stays blank, the table clipped
      const runs = clipped ? all.filter((run) => run.right <= page.width + 0.5) : all;
      const cut = clipped ? { clipped: true, ...(piece ? { piece: true } : {}) } : {};
      const { rows, cut: ends } = ruledRows(table, runs, { page: page.number, ...cut });
      if (rows.some((r) => r.cells.some((c) => c.text !== '')))
        list.push({
          kind: 'table',
          top: table.ys[0] as number,
          rows,
          columns: table.xs,
          page: page.number,
          position,
          ...(ends ? { cut: ends } : {}),
        });
    }
    for (const line of lines) {
      if (!keep(page, line)) continue;
      const pieces = piecesOfLine(line);
      if (pieces.length > 0)
        list.push({
          kind: 'line',
          top: line.top,
          line,
          pieces,
          page: page.number,
          pageLeft: page.left ?? 0,
          pageRight: page.width,
        });
    }
    list.sort((a, b) => b.top - a.top);
    printedEntries.push(...list);
  }
  const entries = joinNarrowWraps(printedEntries);

  // a line of running text that reaches the right edge of the page's text wraps on to the next line
  // (the document's right edge: a page of tables and short titles has no full line to learn it from)
  let rightEdge = 0;
  let leftEdge = Number.POSITIVE_INFINITY;
  // a line that runs past the page's right edge: the print stopped there, and lost the rest of it
  const cut = (e: Extract<Entry, { kind: 'line' }>) => (e.pieces.at(-1)?.end ?? 0) > e.pageRight + 0.5;
  // a line whose rest was printed on a piece beside the page: read back, or lost there
  const beyond = (e: Extract<Entry, { kind: 'line' }>) => e.line.items.find((run) => run.beyond)?.beyond;
  for (const e of entries) {
    // (a wide table's cells printed past the page's edge are no line of the text column either)
    if (e.kind !== 'line' || cut(e)) continue;
    rightEdge = Math.max(rightEdge, e.pieces.at(-1)?.end ?? 0);
    leftEdge = Math.min(leftEdge, e.pieces[0]?.start ?? leftEdge);
  }
  // the rest of a wrapped paragraph starts at the left edge (a centred title does not)
  const atLeftEdge = (e: Extract<Entry, { kind: 'line' }>) => (e.pieces[0]?.start ?? 0) <= leftEdge + e.line.size;
  // (a line that fills the width: 单位：万元 set against the right margin reaches it, and wraps nothing)
  const spansHalf = (e: Extract<Entry, { kind: 'line' }>) =>
    (e.pieces.at(-1)?.end ?? 0) - (e.pieces[0]?.start ?? 0) >= (rightEdge - leftEdge) / 2;
  const reachesEdge = (e: Extract<Entry, { kind: 'line' }>) =>
    (e.pieces.at(-1)?.end ?? 0) >= rightEdge - e.line.size * 2 && spansHalf(e);

  const items: PdfFlowItem[] = [];
  /** `room`: points a line of running text leaves before the right edge (none for a short or aligned one). */
  type ProseLine = {
    text: string;
    place: { page: number; cutAtLeft?: boolean };
    full: boolean;
    size: number;
    left?: boolean;
    room?: number;
    /** The page's edge cut the line: the rest of it is not printed. */
    cut?: boolean;
    /** Cut, and a line of running text (half the column or more): its paragraph is read in part. */
    lost?: boolean;
    /** Cut at the print area: its rest printed on a piece beside the page, lost there. */
    piece?: boolean;
    /** A line printed on beside the page, read whole: an unwrapped cell's text, a paragraph of its own. */
    whole?: boolean;
  };
  // a line that stops short of the edge was still wrapped when what starts the next would not have fitted
  // (an office suite moves （项）。 or 1651.13 to the next line whole), unless it ended its sentence
  const wrapsInto = (last: ProseLine, line: ProseLine) =>
    !last.cut &&
    !last.whole &&
    !line.whole &&
    (last.full || (last.room !== undefined && last.room < leadWidth(line) && !endsSentence(last.text)));
  let prose: ProseLine[] = [];
  const flushProse = () => {
    const joined: ProseLine[] = [];
    for (const line of prose) {
      const last = joined.at(-1);
      // a heading in a larger size that happens to span the page does not run on into the next line
      if (
        last &&
        wrapsInto(last, line) &&
        line.left &&
        Math.abs(last.size - line.size) < 0.5 &&
        !OUTLINE.test(line.text)
      ) {
        last.text += line.text;
        last.full = line.full;
        last.room = line.room;
        last.cut = line.cut;
        last.lost = line.lost;
        last.piece = line.piece;
      } else joined.push({ ...line });
    }
    // lines broken mid-sentence without reaching the edge (a copy's own breaks) as the text reader
    // joins them; never across a line the page's edge cut (the text between them is not printed),
    // nor into or out of a line printed on beside the page (an unwrapped cell: a paragraph alone)
    let from = 0;
    const emit = (to: number) => {
      const paragraphs = joinBrokenLines(joined.slice(from, to + 1));
      const end = joined[to] as ProseLine;
      paragraphs.forEach((p, n) => {
        const clipped = end.lost === true && n === paragraphs.length - 1;
        const cut = clipped ? { clipped, ...(end.piece ? { piece: true } : {}) } : {};
        items.push({ kind: 'paragraph', text: p.text, place: { ...p.place, ...cut } });
      });
      from = to + 1;
    };
    joined.forEach((line, k) => {
      // (a heading set in a size of its own starts a paragraph, whatever the line above left open)
      const resized = k > from && Math.abs(line.size - (joined[k - 1] as ProseLine).size) >= 0.5;
      if ((line.whole || resized) && k > from) emit(k - 1);
      if (!line.cut && !line.whole && k < joined.length - 1) return;
      emit(k);
    });
    prose = [];
  };
  let i = 0;
  // a line of two figures or more whose cells stand closer than the usual gap is a table's line too
  const words = (e: LineEntry) => piecesOfLine(e.line, WORD_GAP_EM);
  const aligned = (e: Entry | undefined) =>
    e?.kind === 'line' &&
    !isProse(e.pieces) &&
    (e.pieces.length >= 2 || words(e).filter((w) => holdsAmount(w.text)).length >= 2 || tightRow(words(e)));
  while (i < entries.length) {
    const entry = entries[i] as Entry;
    if (entry.kind === 'table') {
      flushProse();
      items.push({
        kind: 'table',
        rows: entry.rows,
        pages: [entry.position, entry.position],
        columns: entry.columns,
        ...(entry.cut ? { cut: entry.cut } : {}),
      });
      i += 1;
      continue;
    }
    if (aligned(entry)) {
      // a run of lines laid out in columns, with short single pieces (wrapped labels) between them
      const run: Extract<Entry, { kind: 'line' }>[] = [];
      let j = i;
      while (j < entries.length) {
        const e = entries[j] as Entry;
        if (e.kind !== 'line') break;
        const wrapped = e.pieces.length === 1 && (e.pieces[0]?.text.length ?? 0) <= 20 && aligned(entries[j + 1]);
        // an empty table's 合计 row holds its label alone: the table's last line
        const emptyTotal = run.length > 0 && e.pieces.length === 1 && TOTAL_LINE.test(e.pieces[0]?.text ?? '');
        if (!aligned(e) && !wrapped && !emptyTotal) break;
        run.push(e);
        j += 1;
      }
      const tableLines = (lines: LineEntry[]) =>
        tightPieces(lines.map((e) => ({ pieces: e.pieces, words: words(e), size: e.line.size })));
      const pieces = tableLines(run);
      if (run.length >= 2 && pieces.some((p) => p.length >= 3)) {
        flushProse();
        // a run over pages whose parts have columns of their own: each part by its own, on the first's
        const parts = [...new Set(run.map((e) => e.page))].map((n) => tableLines(run.filter((e) => e.page === n)));
        const cells = partsOnFirstColumns(parts) ?? alignColumns(pieces);
        const rows = run.map((e, k) => ({ cells: cells[k] ?? [], place: { page: e.page, aligned: true } }));
        const geometry = run.map((e) => ({ y: e.line.y, size: e.line.size, page: e.page }));
        items.push({ kind: 'table', rows: joinWrappedRows(joinCentredWraps(rows, geometry)) });
      } else {
        for (const e of run)
          prose.push({ text: lineText(e.pieces), place: { page: e.page }, full: false, size: e.line.size });
      }
      i = j;
      continue;
    }
    const rest = beyond(entry);
    // a line that starts past the page's left edge: its start is not printed
    const cutAtLeft = (entry.pieces[0]?.start ?? 0) < entry.pageLeft - 0.5;
    prose.push({
      text: lineText(entry.pieces),
      place: { page: entry.page, ...(cutAtLeft ? { cutAtLeft } : {}) },
      full: rest === undefined && reachesEdge(entry),
      cut: cut(entry) || rest === 'cut',
      lost: (cut(entry) && spansHalf(entry)) || rest === 'cut',
      whole: rest === 'joined',
      piece: rest === 'cut',
      size: mainSize(entry.line),
      left: atLeftEdge(entry),
      ...(spansHalf(entry) ? { room: rightEdge - (entry.pieces.at(-1)?.end ?? 0) } : {}),
    });
    i += 1;
  }
  flushProse();
  return items;
}
