/// <reference path="./pdfjs-worker.d.ts" />
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { inputError } from '../../errors/messages.js';
import type { SourceDocument } from '../../model/document.js';
import { holdsAmount } from '../../util/amount-text.js';
import { documentOfFlow } from '../layout/document.js';
import { CONTINUED_CAPTION, type FlowCell, type FlowItem, type FlowRow, type FlowTable } from '../layout/flow.js';
import { continues } from '../layout/wrapped.js';
import { PDF_LIMITS, streamBomb } from './bounds.js';
import { contentOperators, type PathOperators } from './content.js';
import { type PdfjsThread, startPdfjsThread } from './pdfjs-thread.js';
import { type Page, type PdfFlowItem, pageFlow } from './page-flow.js';
import { charWeight, type Glyphs, linesOf, piecesOfLine } from './page-text.js';
import { lineAt, type Ops, type RuledTable, ruledTables, sameLines, segmentsOf } from './rulings.js';
import { joinSidePieces, leftPiecesUnruled } from './side-pieces.js';
import { joinSplitHeader } from './split-header.js';
import { unifyRadicals } from './radicals.js';
import { joinTextPieces } from './side-text.js';
import { allMatches } from '../../util/matches.js';

/**
 * A PDF report through its text layer (pdfjs-dist, legacy build; its worker on a thread of its own
 * where the built bundle has one, else in this thread): per page the
 * text runs and the ruling lines, then tables from the rulings (or from alignment where a table
 * has none), running text outside them, page headers and numbers dropped, tables continued over
 * pages joined. No OCR: a PDF without text is a scan and is refused.
 */

const require = createRequire(import.meta.url);

function pdfjsFolder(): string {
  return dirname(require.resolve('pdfjs-dist/package.json'));
}

interface TextItemLike {
  str?: string;
  transform?: number[];
  width?: number;
}

/**
 * Text items as runs. pdfjs joins text drawn close together into one item, putting a space where
 * the gap was ("2,156.82 一、一般公共服务支出" across two table cells): an item is split at its
 * spaces, each word placed by its share of the item's width, the rest of the width being the gaps.
 */
function glyphsOf(items: TextItemLike[]): Glyphs[] {
  const runs: Glyphs[] = [];
  for (const item of items) {
    const text = unifyRadicals(item.str ?? '');
    const t = item.transform;
    if (text.trim() === '' || !t || t.length < 6) continue;
    const size = Math.hypot(t[2] as number, t[3] as number) || Math.abs(t[0] as number) || 10;
    const x = t[4] as number;
    const y = t[5] as number;
    const width = Math.max(item.width ?? 0, 0.1);
    const words = [...allMatches(text, /\S+/g)].map((m) => ({ text: m[0], index: m.index ?? 0 }));
    const last = words.at(-1);
    // the spaces pdfjs puts after an item where the next one stands apart (a cell's padding) take width too
    const trailing = last ? text.length - (last.index + last.text.length) : 0;
    if (words.length <= 1 && trailing === 0 && (words[0]?.index ?? 0) === 0) {
      runs.push({ text: text.trim(), x, right: x + width, y, size });
      continue;
    }
    const wordWeights = words.map((w) => [...w.text].reduce((n, ch) => n + charWeight(ch), 0));
    const glyphWidth = wordWeights.reduce((a, b) => a + b, 0) * size;
    const spaceWeights = words.map((w, i) =>
      i === 0 ? w.index : w.index - ((words[i - 1]?.index ?? 0) + (words[i - 1]?.text.length ?? 0)),
    );
    const spaces = spaceWeights.reduce((a, b) => a + b, 0) + trailing;
    // the gaps share what the words leave of the item's width (never less than a half-em space each)
    const perSpace = spaces > 0 ? Math.max((width - glyphWidth) / spaces, size * 0.25) : 0;
    const scale = glyphWidth > 0 && width > glyphWidth ? 1 : width / Math.max(glyphWidth + perSpace * spaces, 0.1);
    let at = x;
    words.forEach((w, i) => {
      at += (spaceWeights[i] ?? 0) * perSpace * scale;
      const advance = (wordWeights[i] ?? 0) * size * scale;
      runs.push({ text: w.text, x: at, right: at + advance, y, size });
      at += advance;
    });
  }
  return runs;
}

type PdfjsModule = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/**
 * The built-ins pdfjs's legacy build replaces with core-js versions when it loads, as this file
 * found them. On Node 20 core-js swaps Array.prototype.push for a JavaScript loop (for an edge case
 * of arrays with a read-only length) and wraps JSON.stringify/parse in JavaScript (for raw JSON
 * and parse-with-source); neither pdfjs nor juesuan uses those, and the replacements made every
 * push of the rest of the run, pdfjs's own included, several times slower.
 */
const NATIVE = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };

function restoreNatives(): void {
  if (Array.prototype.push !== NATIVE.push)
    Object.defineProperty(Array.prototype, 'push', { value: NATIVE.push, writable: true, configurable: true });
  if (JSON.parse !== NATIVE.parse)
    Object.defineProperty(JSON, 'parse', { value: NATIVE.parse, writable: true, configurable: true });
  if (JSON.stringify !== NATIVE.stringify)
    Object.defineProperty(JSON, 'stringify', { value: NATIVE.stringify, writable: true, configurable: true });
}

/**
 * pdfjs-dist's display layer, and its worker unless the worker has a thread of its own, loaded
 * here (Node caches the modules): without a thread pdfjs runs the worker in this thread (a "fake
 * worker") and would import it itself on the first getDocument; loaded first, it is found on
 * globalThis and the built-ins are put back once both have run their polyfills. The one way to
 * load pdfjs in a process that does other work (a test that asks pdfjs itself too).
 */
export async function loadPdfjs(withWorker: boolean): Promise<PdfjsModule> {
  try {
    // the minified files of the same build: V8 reads half the bytes before it runs any (~40 ms)
    const pdfjs: PdfjsModule = await import('pdfjs-dist/legacy/build/pdf.min.mjs');
    const scope = globalThis as { pdfjsWorker?: unknown };
    if (withWorker) scope.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.min.mjs');
    return pdfjs;
  } finally {
    restoreNatives();
  }
}

async function openPdf(pdfjs: PdfjsModule, bytes: Buffer, file: string, thread: PdfjsThread | undefined) {
  const folder = pdfjsFolder();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: `${join(folder, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${join(folder, 'standard_fonts')}/`,
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
    // (pdfjs's types say `port?: null`, from a JSDoc default; it takes any postMessage/addEventListener port)
    ...(thread ? { worker: new pdfjs.PDFWorker({ port: thread.port as unknown as null }) } : {}),
  });
  try {
    return await (thread ? thread.guard(task.promise) : task.promise);
  } catch (error) {
    await task.destroy().catch(() => undefined);
    if ((error as { name?: string }).name === 'PasswordException')
      throw inputError('encrypted-pdf', { file }, { cause: error });
    throw inputError('corrupt-pdf', { file }, { cause: error });
  }
}

/**
 * Some line of the page falls into three or more pieces: the row of a table (ruled or not). The
 * words of a header row in narrow columns stand closer than a table's pieces (本年收入 财政拨款 in
 * columns a word wide, the only row of a page whose end cuts the header): a gap of 0.75 em counts.
 * Two pieces ending in an amount are a table's row too: a one-row 三公 table with two figures,
 * alone at the top of the page its header does not run on to, or a two-column table (项目名称 |
 * 金额, a 政府购买服务 table) on a page of its own. An amount printed as ### (too wide for its
 * column) is an amount here: a table of them is still a table, its cells to be reported.
 */
function mayHoldTable(runs: Glyphs[]): boolean {
  return linesOf(runs).some((line) => {
    const pieces = piecesOfLine(line, 0.75);
    return pieces.length >= 3 || (pieces.length === 2 && holdsAmount(pieces[1]?.text ?? ''));
  });
}

/**
 * The ruled tables of the pages ahead, from their own path operators, worked out while this thread
 * waits for pdfjs's thread (its first page takes a while: fonts, CMaps): a reader of their own
 * (the file's operators need nothing of pdfjs), whose result for a page is kept only while its
 * reads are clean (PathOperators.clean), so it is what the page read alone gives, which is what
 * the pages' own reading gives. The pages without a table have theirs worked out for nothing,
 * in time that was idle.
 */
function rulingsAhead(bytes: Buffer, numPages: number, ops: Ops & { endPath: number }) {
  const reader = contentOperators(bytes, numPages, ops);
  const found = new Map<number, RuledTable[]>();
  let next = 1;
  let stopped = false;
  return {
    /** One more page's, from page `from` on; false when there is none to do. */
    step(from: number): boolean {
      next = Math.max(next, from);
      if (stopped || next > numPages || !reader.clean()) return false;
      const n = next;
      next += 1;
      try {
        const operators = reader(n);
        if (operators && reader.clean()) {
          const { horizontal, vertical } = segmentsOf(operators.fnArray, operators.argsArray, ops);
          found.set(n, ruledTables(horizontal, vertical));
        }
      } catch {
        // the page's own reading meets it again, in its turn
        stopped = true;
      }
      return !stopped;
    },
    take(n: number): RuledTable[] | undefined {
      const tables = found.get(n);
      found.delete(n);
      return tables;
    },
  };
}

/** `work` done a piece a turn of the event loop while `promise` is pending (and work is left). */
function meanwhile<T>(promise: Promise<T>, work: () => boolean): Promise<T> {
  let settled = false;
  const done = () => {
    settled = true;
  };
  promise.then(done, done);
  const turn = () => {
    if (!settled && work()) setImmediate(turn);
  };
  setImmediate(turn);
  return promise;
}

/** A table's next piece beside it is this many pages on at most, where a page of its notes runs on between. */
const PIECES_APART = 3;

/** Pages asked of pdfjs ahead of the one laid out, when its worker has a thread of its own. */
const PAGES_AHEAD = 3;

export async function pdfDocument(bytes: Buffer, file: string): Promise<SourceDocument> {
  if (!bytes.subarray(0, 1024).toString('latin1').includes('%PDF-')) throw inputError('corrupt-pdf', { file });
  const bomb = streamBomb(bytes);
  if (bomb) throw inputError('pdf-bomb', { file, detail: bomb });
  // started first: the thread loads pdfjs while this one does
  const thread = startPdfjsThread();
  if (thread) {
    try {
      return await readPdf(bytes, file, thread);
    } catch (error) {
      // the thread itself failed (it could not start, or died), not the file: read it here
      if (!thread.failed()) throw error;
    } finally {
      await thread.stop();
    }
  }
  return readPdf(bytes, file, undefined);
}

async function readPdf(bytes: Buffer, file: string, thread: PdfjsThread | undefined): Promise<SourceDocument> {
  const pdfjs = await loadPdfjs(thread === undefined);
  const doc = await openPdf(pdfjs, bytes, file, thread);
  try {
    return await readPages(pdfjs, doc, bytes, file, thread);
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

type PdfDocumentProxy = Awaited<ReturnType<typeof openPdf>>;
type PdfPageProxy = Awaited<ReturnType<PdfDocumentProxy['getPage']>>;

async function readPages(
  pdfjs: PdfjsModule,
  doc: PdfDocumentProxy,
  bytes: Buffer,
  file: string,
  thread: PdfjsThread | undefined,
): Promise<SourceDocument> {
  if (doc.numPages > PDF_LIMITS.maxPages)
    throw inputError('pdf-bomb', { file, detail: `共 ${doc.numPages} 页，超过上限 ${PDF_LIMITS.maxPages} 页` });
  const ops = pdfjs.OPS as unknown as Ops & { endPath: number };
  // path operators straight from the file where it can (pdfjs's operator list where it cannot);
  // with pdfjs on its own thread, the pages' rulings are mostly worked out ahead (rulingsAhead,
  // whose reader has scanned the file already, as this one would): this one is made when needed
  let reader: PathOperators | undefined = thread ? undefined : contentOperators(bytes, doc.numPages, ops);
  const pathOperators = (n: number) => {
    reader ??= contentOperators(bytes, doc.numPages, ops);
    return reader(n);
  };
  const deadline = Date.now() + PDF_LIMITS.maxSeconds * 1000;
  const guard = <T>(work: Promise<T>): Promise<T> => (thread ? thread.guard(work) : work);
  // a page and its text, asked for ahead where pdfjs has a thread to work on them meanwhile
  const request = (n: number) => {
    const read = doc.getPage(n).then(
      async (page: PdfPageProxy) => ({ page, content: await page.getTextContent() }),
      (error: unknown) => {
        throw inputError('corrupt-pdf', { file }, { cause: error });
      },
    );
    // awaited in its turn; one never reached (an earlier page failed) is not an unhandled rejection
    read.catch(() => undefined);
    return read;
  };
  const ahead = thread ? PAGES_AHEAD : 1;
  // only where pdfjs works on a thread of its own is this one idle while it waits
  const early = thread ? rulingsAhead(bytes, doc.numPages, ops) : undefined;
  const requested: ReturnType<typeof request>[] = [];
  const pages: Page[] = [];
  // the pages whose path operators were not read (running text alone, by its lines)
  const unruled = new Set<number>();
  const rulingsOf = async (n: number, page: PdfPageProxy) => {
    const operators = pathOperators(n) ?? (await guard(page.getOperatorList()));
    const { horizontal, vertical } = segmentsOf(operators.fnArray, operators.argsArray, ops);
    return ruledTables(horizontal, vertical);
  };
  for (let n = 1; n <= doc.numPages; n += 1) {
    if (Date.now() > deadline)
      throw inputError('pdf-bomb', { file, detail: `读取超过 ${PDF_LIMITS.maxSeconds} 秒仍未完成` });
    while (requested.length < ahead && n + requested.length <= doc.numPages)
      requested.push(request(n + requested.length));
    const next = guard(requested.shift() as ReturnType<typeof request>);
    const { page, content } = await (early ? meanwhile(next, () => early.step(n)) : next);
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    const runs = glyphsOf(content.items as TextItemLike[]);
    // a page of running text alone, with no line of three or more separate pieces, has no
    // table to rule: its path operators are not read
    let tables: ReturnType<typeof ruledTables> = [];
    const known = early?.take(n);
    // a page soon after a table may be its next piece (a wide sheet printed side by side, a page of
    // its notes run on between: joinSidePieces), whose columns may all be blank: its rules are read too
    if (mayHoldTable(runs) || pages.slice(-PIECES_APART).some((p) => p.tables.length > 0))
      tables = known ?? (await rulingsOf(n, page));
    else unruled.add(n);
    pages.push({
      number: n,
      bottom: Math.min(y0, y1),
      top: Math.max(y0, y1),
      width: Math.abs(x1 - x0),
      left: Math.min(x0, x1),
      runs,
      tables,
    });
    page.cleanup();
  }
  const characters = pages.reduce((n, p) => n + p.runs.reduce((m, r) => m + r.text.trim().length, 0), 0);
  if (characters < 10) throw inputError('scanned-pdf', { file });
  // a piece of a wide sheet some pages after its neighbour, a piece of labels alone one to a line
  // (a sheet's first column, wide): that page's rules are read after all
  for (const n of leftPiecesUnruled(pages, unruled)) {
    const page = await guard(doc.getPage(n));
    (pages[n - 1] as Page).tables = await rulingsOf(n, page);
    page.cleanup();
  }
  return documentOfFlow(file, 'pdf', joinContinuedTables(pageFlow(joinTextPieces(joinSidePieces(pages)))));
}

function rowTexts(row: FlowRow): string {
  return row.cells.map((c) => c.text.replace(/\s+/g, '')).join('|');
}

function shape(row: FlowRow): string {
  return row.cells.map((c: FlowCell) => c.colSpan ?? 1).join(',');
}

/** A table of the PDF flow with the pages it was read on. */
type PagedTable = FlowTable & { pages: [number, number]; columns?: number[]; cut?: PdfFlowItem['cut'] };

/**
 * A row the page's end cut, its rest the first row of the next page (a browser, or a word processor
 * letting rows break across pages, prints a wrapped label's last lines there): one row, each cell's
 * text followed by the rest under it. Undefined unless the two rows have the same cells.
 */
function joinCutRow(above: FlowRow, below: FlowRow): FlowRow | undefined {
  const one = (row: FlowRow) => row.cells.every((c) => (c.rowSpan ?? 1) === 1);
  if (above.cells.length !== below.cells.length || !one(above) || !one(below) || shape(above) !== shape(below))
    return undefined;
  return {
    ...above,
    cells: above.cells.map((cell, i) => ({ ...cell, text: `${cell.text}${below.cells[i]?.text ?? ''}` })),
  };
}

/**
 * The two tables when `item` is a table that starts on the page after the one the table
 * `previous` ends on (where a table continued over a page break shows itself); else undefined.
 */
function onNextPage(
  previous: PdfFlowItem | undefined,
  item: PdfFlowItem | undefined,
): [PagedTable, PagedTable] | undefined {
  if (previous?.kind !== 'table' || item?.kind !== 'table' || !previous.pages || !item.pages) return undefined;
  return item.pages[0] === previous.pages[1] + 1 ? [previous as PagedTable, item as PagedTable] : undefined;
}

/**
 * A table that ends a page and one that starts the next with the same columns (or some of them:
 * rows of merged cells) are one table; header rows the next page repeats (the same texts as the
 * first rows) are dropped. A header the page's end cuts (its first rows alone above the cut) joins
 * the rest of its table below it. Blocks of one table on one page, a blank row between, are joined.
 */
function joinContinuedTables(items: PdfFlowItem[]): FlowItem[] {
  const out: PdfFlowItem[] = [];
  items.forEach((item, i) => {
    const previous = out.at(-1);
    // 续表 over the part of a table on the page it runs on to: a caption, not text
    if (
      item.kind === 'paragraph' &&
      CONTINUED_CAPTION.test(item.text.replace(/\s+/g, '')) &&
      onNextPage(previous, items[i + 1])
    )
      return;
    const turn = onNextPage(previous, item);
    // a header cut by the page's end: the part above the cut holds header rows only (not repeated below)
    if (turn) {
      const [above, below] = turn;
      const cut =
        rowTexts(below.rows[0] as FlowRow) !== rowTexts(above.rows[0] as FlowRow)
          ? joinSplitHeader(above, below)
          : undefined;
      if (cut) {
        above.rows = cut;
        above.columns = below.columns;
        above.pages = [above.pages[0], below.pages[1]];
        above.cut = below.cut?.bottom ? { bottom: true } : undefined;
        return;
      }
      // rows whose cells merge columns draw fewer lines: 人员经费合计 | 公用经费合计 alone on the next page
      const merging = sameLines(above.columns, below.columns)
        ? undefined
        : spannedRows(below.rows, below.columns, above.columns);
      if (merging) {
        below.rows = merging;
        below.columns = above.columns;
      }
      if (sameLines(above.columns, below.columns)) {
        let skip = 0;
        while (
          skip < below.rows.length &&
          skip < above.rows.length &&
          rowTexts(below.rows[skip] as FlowRow) === rowTexts(above.rows[skip] as FlowRow) &&
          shape(below.rows[skip] as FlowRow) === shape(above.rows[skip] as FlowRow)
        )
          skip += 1;
        const rest = below.rows.slice(skip);
        const last = above.rows.at(-1) as FlowRow;
        // a row the page's end cut (its rules run on to the margins), or one a word processor broke
        // over the pages, closing both parts with rules: the next page starts with the rest of its
        // wrapped cells alone, under the header rows again where the table repeats them
        const broken =
          rest[0] !== undefined &&
          ((skip === 0 && above.cut?.bottom && below.cut?.top) || continues(last, rest[0] as FlowRow));
        const cutRow = broken ? joinCutRow(last, rest[0] as FlowRow) : undefined;
        if (cutRow) above.rows.splice(-1, 1, cutRow);
        above.rows.push(...rest.slice(cutRow ? 1 : 0));
        above.pages = [above.pages[0], below.pages[1]];
        above.cut = below.cut?.bottom ? { bottom: true } : undefined;
        return;
      }
    }
    // one table drawn in blocks, a blank unruled row between them (nothing between on the page):
    // the block whose merged cells draw fewer column lines is laid over the other's columns
    if (
      item.kind === 'table' &&
      previous?.kind === 'table' &&
      previous.pages &&
      item.pages?.[0] === previous.pages[1]
    ) {
      const below = spannedRows(item.rows, item.columns, previous.columns);
      const above = below ? undefined : spannedRows(previous.rows, previous.columns, item.columns);
      if (below || above) {
        previous.rows = [...(above ?? previous.rows), ...(below ?? item.rows)];
        previous.columns = above ? item.columns : previous.columns;
        previous.pages = [previous.pages[0], item.pages[1]];
        return;
      }
    }
    out.push(item);
  });
  return out;
}

/**
 * Rows ruled by some of a wider table's column lines (its first and last among them), with each
 * cell spanning the wider table's columns it covers; undefined when a line is not the wider
 * table's, or a cell spans rows (its columns would need the rows around it).
 */
function spannedRows(rows: FlowRow[], own: number[] | undefined, wider: number[] | undefined): FlowRow[] | undefined {
  if (!own || !wider || own.length >= wider.length) return undefined;
  const at = own.map((x) => lineAt(wider, x));
  if (at.some((i) => i < 0) || at[0] !== 0 || at.at(-1) !== wider.length - 1) return undefined;
  if (rows.some((row) => row.cells.some((c) => (c.rowSpan ?? 1) > 1))) return undefined;
  return rows.map((row) => {
    let col = 0;
    const cells = row.cells.map((cell) => {
      const span = cell.colSpan ?? 1;
      const from = at[col] as number;
      const to = at[Math.min(col + span, at.length - 1)] as number;
      col += span;
      const { colSpan: _, ...rest } = cell;
      return to - from > 1 ? { ...rest, colSpan: to - from } : rest;
    });
    return { ...row, cells };
  });
}
