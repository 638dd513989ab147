import type { SourceDocument } from '../../model/document.js';
import { alignColumns, bandsOf, type Span } from '../layout/columns.js';
import { documentOfFlow } from '../layout/document.js';
import { CONTINUED_CAPTION, type FlowCell, type FlowItem, type FlowRow } from '../layout/flow.js';
import { joinWrappedRows } from '../layout/wrapped.js';
import { isPageNumber } from '../pdf/page-text.js';
import { displayWidth } from '../../util/display-width.js';
import { joinBrokenLines, reachesMargin, stripMarkdown, wrapMargin } from './paragraphs.js';
import { holdsAmount, isPrintedAmount } from '../../util/amount-text.js';
import { spacedTable } from './spaced.js';
import { stackedTable } from './stacked.js';
import { DEPARTMENT_LABEL } from '../../util/department-label.js';
import { allMatches } from '../../util/matches.js';

/**
 * A published report as plain text: tables as tab-separated lines (copied from a PDF or Word),
 * Markdown pipe tables, columns aligned with spaces (`pdftotext -layout`), or one cell per line (a
 * web page flattened: stacked.ts); everything else is running text. Line numbers are kept for every cell and paragraph.
 */

type Line =
  /** `page`: a page's furniture or a blank line beside it (the bottom margin, the form feed) */
  | { kind: 'blank'; line: number; page?: boolean }
  | { kind: 'text'; line: number; text: string }
  | { kind: 'cells'; line: number; cells: string[] }
  | { kind: 'aligned'; line: number; spans: Span[] };

const PIPE_ROW = /^\s*\|.*\|\s*$/;
/** A cell of a Markdown table's rule row: dashes, colon-aligned or not. */
const RULE_CELL = /^\s*:?-{3,}:?\s*$/;

/** A Markdown table's rule row (|---|:--:|): every cell a rule (one pattern per cell: linear). */
function isPipeRule(raw: string): boolean {
  const inner = raw.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split('|').every((cell) => RULE_CELL.test(cell));
}

/**
 * Labels printed letter-spaced to fill their cell ("项　　目", "合    计", "总　　计"): their two
 * characters are one piece, not two cells. Only these words, and only a short gap apart: the
 * single-character headers 类 | 款 | 项 of split code columns stay apart.
 */
const SPACED_WORDS = /^(?:项目|合计|总计|小计|栏次|行次|金额|項目|合計|總計|小計|欄次|金額)$/;
const SPACED_GAP = 8;

/** Pieces of a space-aligned line: words joined by single spaces, separated by two or more. */
function piecesOf(text: string): Span[] {
  const line = text.replace(/\u3000/g, '  ');
  const pieces: { from: number; to: number; text?: string }[] = [];
  for (const m of allMatches(line, /\S+/g)) {
    const last = pieces.at(-1);
    if (last && m.index === last.to + 1 && line[last.to] === ' ') {
      last.to = m.index + m[0].length;
      if (last.text !== undefined) last.text += ` ${m[0]}`;
    } else if (
      last &&
      last.text === undefined &&
      m.index - last.to <= SPACED_GAP &&
      SPACED_WORDS.test(line.slice(last.from, last.to) + m[0])
    ) {
      last.text = line.slice(last.from, last.to) + m[0];
      last.to = m.index + m[0].length;
    } else pieces.push({ from: m.index, to: m.index + m[0].length });
  }
  return pieces.map(({ from, to, text: joined }) => {
    const start = displayWidth(line.slice(0, from));
    const piece = line.slice(from, to);
    return { start, end: start + displayWidth(piece), text: joined ?? piece };
  });
}

/** A sentence of running text, not a row of pieces: one long piece ending a clause. */
function isProse(spans: Span[]): boolean {
  return spans.some((s) => s.text.length > 40 && /[。；，,]/.test(s.text));
}

/**
 * A page's furniture in text printed from a PDF (`pdftotext -layout`): the form feed that starts
 * each page and a line holding only the page number ("- 3 -", "— 3 —", "第 3 页"). A bare number
 * alone is a page number only next to a form feed: elsewhere it may be a cell (a 行次).
 */
function pageFurniture(raw: string, nearFormFeed: boolean): boolean {
  const t = raw.trim();
  if (t === '' || !isPageNumber(t)) return false;
  return nearFormFeed || !/^\d+$/.test(t);
}

/** The line above a table that names its department and unit ("部门：…    单位：万元"): not a row. */
const PREAMBLE_PIECE = /^(?:(?:金额)?单位[:：]|公开\d{1,2}表$)/;

function isPreambleLine(spans: Span[]): boolean {
  return spans.length <= 3 && spans.every((s) => PREAMBLE_PIECE.test(s.text) || DEPARTMENT_LABEL.test(s.text));
}

function classify(raw: string, line: number, markdown: boolean): Line {
  if (raw.trim() === '') return { kind: 'blank', line };
  if (raw.includes('\t')) return { kind: 'cells', line, cells: raw.split('\t').map((c) => c.trim()) };
  if (PIPE_ROW.test(raw) && raw.split('|').length >= 3) {
    if (isPipeRule(raw)) return { kind: 'blank', line };
    return {
      kind: 'cells',
      line,
      cells: raw
        .trim()
        .slice(1, -1)
        .split('|')
        .map((c) => c.trim()),
    };
  }
  const spans = piecesOf(raw);
  if (spans.length >= 2 && !isProse(spans) && !isPreambleLine(spans)) return { kind: 'aligned', line, spans };
  return { kind: 'text', line, text: markdown ? stripMarkdown(raw) : raw };
}

/**
 * Space-aligned runs are tables when some of their lines have three or more pieces, or when two
 * or more lines end in an amount (a label and its amount: 政府购买服务, a 三公 table by rows), or
 * in ### where the amount was too wide for its column.
 */
function alignedTable(lines: Line[]): boolean {
  const rows = lines.filter((l) => l.kind === 'aligned');
  if (rows.length < 2) return false;
  if (rows.some((l) => l.spans.length >= 3)) return true;
  return rows.filter((l) => holdsAmount(l.spans.at(-1)?.text ?? '')).length >= 2;
}

function rowsOfAligned(lines: Line[]): FlowRow[] {
  const rows = lines.filter((l) => l.kind === 'aligned' || l.kind === 'text');
  const spans = rows.map((l) => (l.kind === 'aligned' ? l.spans : piecesOf(l.text)));
  const bands = bandsOf(spans);
  const cells = alignColumns(spans, bands);
  markFull(spans, cells, bands);
  return rows.map((l, i) => ({ cells: cells[i] ?? [], place: { line: l.line } }));
}

/**
 * Below the first line of figures, whether each label cell reaches the right edge of its column
 * (within one wide character of the longest label there): only such a cell can have been wrapped
 * onto the next line. A short label above a label alone on its line (a 收入支出决算总表 without
 * 行次, one side's rows running on) is a row of its own.
 */
function markFull(spans: Span[][], cells: FlowCell[][], bands: { start: number; end: number }[]): void {
  const bandOf = (s: Span) => bands.findIndex((b) => s.start >= b.start - 1 && s.start < b.end);
  const first = spans.findIndex((line) => line.some((s) => isPrintedAmount(s.text)));
  if (first < 0) return;
  const edge = bands.map(() => 0);
  for (const line of spans.slice(first))
    for (const s of line) {
      const b = bandOf(s);
      if (b >= 0 && !isPrintedAmount(s.text)) edge[b] = Math.max(edge[b] as number, s.end);
    }
  spans.forEach((line, r) => {
    if (r < first) return;
    let band = 0;
    for (const cell of cells[r] ?? []) {
      const width = cell.colSpan ?? 1;
      if (width === 1 && cell.text !== '' && !isPrintedAmount(cell.text)) {
        const end = Math.max(0, ...line.filter((s) => bandOf(s) === band).map((s) => s.end));
        cell.full = end >= (edge[band] as number) - 2;
      }
      band += width;
    }
  });
}

function rowsOfCells(lines: Line[]): FlowRow[] {
  return lines.flatMap((l) =>
    l.kind === 'cells' ? [{ cells: l.cells.map((text) => ({ text })), place: { line: l.line } }] : [],
  );
}

/** A short line alone between two aligned lines: the wrapped rest of a cell (or a lone header). */
function inAlignedRun(lines: Line[], i: number): boolean {
  const line = lines[i];
  if (line?.kind !== 'text' || line.text.trim().length > 20) return false;
  const before = lines
    .slice(0, i)
    .reverse()
    .find((l) => l.kind !== 'blank');
  const after = lines.slice(i + 1).find((l) => l.kind !== 'blank');
  if (before?.kind === 'aligned' && after?.kind === 'aligned') return true;
  // the last row's label wrapped: right under the line above, starting where one of its cells starts
  const above = lines[i - 1];
  if (above?.kind !== 'aligned') return false;
  const start = piecesOf(line.text)[0]?.start;
  return start !== undefined && start > 0 && above.spans.some((s) => Math.abs(s.start - start) <= 1);
}

/**
 * Lines of one label each inside a space-aligned table (a 收入支出决算总表 without 行次 prints a row
 * of the 支出 side alone as its label, its amount blank): how many such lines start at `from`, each
 * one short piece starting where a label of the table's lines above starts, up to the next line of
 * the table (over a page end, not over a blank line of the text). 0 when they lead nowhere.
 */
function labelLines(lines: Line[], from: number, run: Line[]): number {
  const starts = new Set<number>();
  for (const l of run)
    if (l.kind === 'aligned') for (const s of l.spans) if (!isPrintedAmount(s.text)) starts.add(s.start);
  let labels = 0;
  for (let k = from; k < lines.length; k += 1) {
    const l = lines[k] as Line;
    if (l.kind === 'aligned') return labels > 0 ? k - from : 0;
    if (l.kind === 'blank') {
      if (l.page === true) continue;
      return 0;
    }
    if (l.kind !== 'text') return 0;
    const pieces = piecesOf(l.text);
    const piece = pieces[0];
    if (pieces.length !== 1 || !piece || piece.end - piece.start > 40 || /[。；;，,：:]/.test(piece.text)) return 0;
    if (![piece.start - 1, piece.start, piece.start + 1].some((s) => starts.has(s))) return 0;
    labels += 1;
  }
  return 0;
}

function lineKey(line: Line): string {
  if (line.kind === 'cells') return line.cells.join('\t');
  if (line.kind === 'aligned') return line.spans.map((s) => `${s.start}:${s.text}`).join('|');
  return line.kind === 'text' ? line.text.trim() : '';
}

/**
 * How many lines from `from` are a table's 续表 caption and its header printed again (each the
 * same as a header line of the run above, in order; blank lines between): 0 when the line at
 * `from` is no such caption or the table does not go on after them.
 */
function continuedHeader(lines: Line[], from: number, run: Line[], kind: Line['kind']): number {
  const caption = lines[from];
  if (caption?.kind !== 'text' || !CONTINUED_CAPTION.test(caption.text.trim().replace(/\s+/g, ''))) return 0;
  const first = run.findIndex((l) => l.kind === kind && hasAmount(l));
  const header = run.slice(0, first < 0 ? run.length : first).filter((l) => l.kind !== 'blank');
  let k = from + 1;
  let h = 0;
  for (;;) {
    while (lines[k]?.kind === 'blank') k += 1;
    const next = lines[k];
    if (!next || h >= header.length || lineKey(next) !== lineKey(header[h] as Line)) break;
    h += 1;
    k += 1;
  }
  return lines[k]?.kind === kind ? k - from : 0;
}

function hasAmount(line: Line): boolean {
  if (line.kind === 'cells') return line.cells.some((c) => isPrintedAmount(c.replace(/\s+/g, '')));
  return line.kind === 'aligned' && line.spans.some((s) => isPrintedAmount(s.text));
}

/**
 * The blank lines of a page end: a run of blank lines holding a form feed, or beside a page
 * number or a line starting a page (`pdftotext` puts the form feed before the next page's first line).
 */
function markPageGaps(lines: Line[], feedAt: (i: number) => boolean): void {
  let i = 0;
  while (i < lines.length) {
    if (lines[i]?.kind !== 'blank') {
      i += 1;
      continue;
    }
    let j = i;
    while (lines[j]?.kind === 'blank') j += 1;
    const edge = (k: number) => {
      const l = lines[k];
      return (l?.kind === 'blank' && l.page === true) || feedAt(k);
    };
    let page = edge(i - 1) || edge(j);
    for (let k = i; k < j && !page; k += 1) page = edge(k);
    if (page) for (let k = i; k < j; k += 1) lines[k] = { kind: 'blank', line: (lines[k] as Line).line, page: true };
    i = j;
  }
}

export function textFlow(text: string, markdown = false): FlowItem[] {
  const raws = text.split(/\r\n|\r|\n/);
  const feedAt = (i: number) => raws[i]?.includes('\f') === true;
  const lines: Line[] = raws.map((raw, i) => {
    let near = false;
    for (let k = i - 2; k <= i + 2; k += 1) near ||= feedAt(k);
    if (pageFurniture(raw.replace(/\f/g, ''), near)) return { kind: 'blank', line: i + 1, page: true } as const;
    return classify(raw.replace(/\f/g, ''), i + 1, markdown);
  });
  markPageGaps(lines, feedAt);
  const items: FlowItem[] = [];
  const margin = wrapMargin(lines.flatMap((l) => (l.kind === 'text' ? [l.text] : [])));
  let prose: { text: string; place: { line: number }; full?: boolean }[] = [];
  const flushProse = () => {
    for (const p of joinBrokenLines(prose)) items.push({ kind: 'paragraph', text: p.text, place: p.place });
    prose = [];
  };
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as Line;
    if (line.kind === 'cells' || line.kind === 'aligned') {
      // a table: lines of the same kind, blank lines and (aligned) wrapped pieces between them
      const run: Line[] = [];
      let j = i;
      while (j < lines.length) {
        const next = lines[j] as Line;
        // 续表 and the header printed again where the table runs on to a new page: not rows
        const skip = next.kind === 'text' ? continuedHeader(lines, j, run, line.kind) : 0;
        if (skip > 0) {
          j += skip;
          continue;
        }
        if (next.kind === line.kind || (next.kind === 'blank' && j + 1 < lines.length)) run.push(next);
        else if (line.kind === 'aligned' && inAlignedRun(lines, j)) run.push(next);
        else {
          const n = line.kind === 'aligned' ? labelLines(lines, j, run) : 0;
          if (n === 0) break;
          run.push(...lines.slice(j, j + n));
          j += n;
          continue;
        }
        j += 1;
      }
      while (run.at(-1)?.kind === 'blank') run.pop();
      // (a line's number is its index + 1: the run ends after its last line)
      const end = run.at(-1)?.line ?? i + 1;
      if (line.kind === 'aligned' && !alignedTable(run)) {
        for (const l of run) if (l.kind === 'aligned') prose.push({ text: lineText(l), place: { line: l.line } });
      } else {
        flushProse();
        const rows = line.kind === 'cells' ? rowsOfCells(run) : rowsOfAligned(run);
        items.push({ kind: 'table', rows: joinWrappedRows(rows) });
      }
      i = end;
      continue;
    }
    // a table copied with one space between its cells: its lines whole, for the table reader to place
    const spaced = line.kind === 'text' ? spacedTable(lines, i) : undefined;
    if (spaced) {
      flushProse();
      for (const k of spaced.lead) {
        const l = lines[k] as Line;
        if (l.kind === 'text') items.push({ kind: 'paragraph', text: l.text.trim(), place: { line: l.line } });
      }
      const rows = spaced.rows.map((k) => {
        const l = lines[k] as Line;
        const text = l.kind === 'text' ? l.text.trim() : '';
        return { cells: [{ text }], place: { line: l.line, spaced: true } };
      });
      items.push({ kind: 'table', rows });
      i = spaced.next;
      continue;
    }
    // a table copied one cell per line, its header starting with a line reading 项目
    const stacked = line.kind === 'text' ? stackedTable(lines, i) : undefined;
    if (stacked) {
      flushProse();
      items.push({ kind: 'table', rows: stacked.rows });
      i = stacked.next;
      continue;
    }
    if (line.kind === 'text')
      prose.push({
        text: line.text,
        place: { line: line.line },
        full: reachesMargin(line.text, margin),
      });
    i += 1;
  }
  flushProse();
  return items;
}

function lineText(line: Line): string {
  return line.kind === 'aligned' ? line.spans.map((s) => s.text).join(' ') : line.kind === 'text' ? line.text : '';
}

/** A .txt or .md report (already decoded) as a document: its tables as grids, the rest as running text. */
export function textDocument(text: string, file: string, markdown = false): SourceDocument {
  return documentOfFlow(file, 'text', textFlow(text.replace(/^\ufeff/, ''), markdown));
}
