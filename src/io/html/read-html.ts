import { Parser } from 'htmlparser2';
import type { FlowCell, FlowItem, FlowRow } from '../layout/flow.js';
import { LIMITS, LimitExceeded } from '../limits.js';

/**
 * An HTML page in reading order: paragraphs (block elements, <br>) and tables (rowspan/colspan,
 * <br> and paragraphs inside a cell as line breaks, &nbsp; as a space). A table holding other
 * tables is a layout table and stands for its content. Scripts, styles, the head and elements
 * hidden with display:none are not text. htmlparser2 tokenizes (tag soup, entities); this file
 * only keeps what a reader of the page sees.
 */

const BLOCK = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'nav',
  'aside',
  'center',
  'blockquote',
  'pre',
  'address',
  'form',
  'fieldset',
  'figure',
  'figcaption',
  'caption',
  'hr',
  'body',
  'html',
]);
const SKIP = new Set(['script', 'style', 'head', 'title', 'noscript', 'template', 'object', 'iframe', 'svg', 'select']);
const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'col', 'area', 'base', 'wbr', 'source', 'embed']);

type Piece = { kind: 'text'; text: string } | { kind: 'table'; table: TableContext };

interface CellContext {
  pieces: Piece[];
  colSpan: number;
  rowSpan: number;
  hasTable: boolean;
}

interface TableContext {
  rows: CellContext[][];
  row: CellContext[] | undefined;
  cell: CellContext | undefined;
}

function span(value: string | undefined): number {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n > 1 ? Math.min(n, 1000) : 1;
}

function clean(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ');
}

export function htmlFlow(html: string): FlowItem[] {
  const items: FlowItem[] = [];
  let paragraphs = 0;
  let buffer = '';
  const tables: TableContext[] = [];
  let skipDepth = 0;
  // elements open in the tokenizer (it closes implied ones through onclosetag as well)
  let openDepth = 0;

  const cellNow = (): CellContext | undefined => tables.at(-1)?.cell;
  const flush = () => {
    const cell = cellNow();
    const text = clean(buffer).trim();
    buffer = '';
    if (text === '') return;
    if (cell) cell.pieces.push({ kind: 'text', text });
    else if (tables.length === 0) items.push({ kind: 'paragraph', text, place: { paragraph: ++paragraphs } });
    // text inside a table but outside any cell is not shown by browsers where it stands: dropped
  };
  const closeCell = (table: TableContext) => {
    if (table.cell) {
      flush();
      table.cell = undefined;
    }
  };
  const closeRow = (table: TableContext) => {
    closeCell(table);
    if (table.row) table.rows.push(table.row);
    table.row = undefined;
  };
  const emitTable = (table: TableContext, into: (piece: Piece) => void) => {
    const layout = table.rows.some((r) => r.some((c) => c.hasTable));
    if (layout) {
      for (const row of table.rows) for (const cell of row) for (const piece of cell.pieces) into(piece);
      return;
    }
    into({ kind: 'table', table });
  };
  const emitTop = (piece: Piece) => {
    if (piece.kind === 'text') items.push({ kind: 'paragraph', text: piece.text, place: { paragraph: ++paragraphs } });
    else emitTable(piece.table, emitTopTable);
  };
  const emitTopTable = (piece: Piece) => {
    if (piece.kind === 'text') emitTop(piece);
    else {
      const rows: FlowRow[] = piece.table.rows.map((r) => ({
        cells: r.map(
          (c): FlowCell => ({
            text: c.pieces
              .map((p) => (p.kind === 'text' ? p.text : ''))
              .join('\n')
              .trim(),
            ...(c.colSpan > 1 ? { colSpan: c.colSpan } : {}),
            ...(c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
          }),
        ),
        place: {},
      }));
      if (rows.some((r) => r.cells.some((c) => c.text !== ''))) items.push({ kind: 'table', rows });
    }
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (!VOID.has(name) && ++openDepth > LIMITS.markupDepth)
          throw new LimitExceeded(`网页元素嵌套超过 ${LIMITS.markupDepth} 层`);
        if (skipDepth > 0) {
          if (!VOID.has(name)) skipDepth += 1;
          return;
        }
        const style = (attrs.style ?? '').replace(/\s+/g, '').toLowerCase();
        if (SKIP.has(name) || style.includes('display:none') || 'hidden' in attrs) {
          if (!VOID.has(name)) skipDepth = 1;
          return;
        }
        const table = tables.at(-1);
        if (name === 'table') {
          flush();
          const cell = cellNow();
          if (cell) cell.hasTable = true;
          tables.push({ rows: [], row: undefined, cell: undefined });
          return;
        }
        if (name === 'tr' && table) {
          closeRow(table);
          table.row = [];
          return;
        }
        if ((name === 'td' || name === 'th') && table) {
          closeCell(table);
          if (!table.row) table.row = [];
          table.cell = { pieces: [], colSpan: span(attrs.colspan), rowSpan: span(attrs.rowspan), hasTable: false };
          table.row.push(table.cell);
          return;
        }
        if (name === 'br' || BLOCK.has(name)) flush();
      },
      ontext(text) {
        if (skipDepth === 0) buffer += text;
      },
      onclosetag(name, implied) {
        if (!VOID.has(name)) openDepth -= 1;
        if (skipDepth > 0) {
          if (!VOID.has(name)) skipDepth -= 1;
          return;
        }
        void implied;
        const table = tables.at(-1);
        if ((name === 'td' || name === 'th') && table) return closeCell(table);
        if (name === 'tr' && table) return closeRow(table);
        if (name === 'table' && table) {
          closeRow(table);
          tables.pop();
          const outerCell = cellNow();
          if (outerCell) emitTable(table, (piece) => outerCell.pieces.push(piece));
          else if (tables.length === 0) emitTable(table, emitTopTable);
          return;
        }
        if (BLOCK.has(name)) flush();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  while (tables.length > 0) {
    const table = tables.pop() as TableContext;
    closeRow(table);
    const outerCell = cellNow();
    if (outerCell) emitTable(table, (piece) => outerCell.pieces.push(piece));
    else emitTable(table, emitTopTable);
  }
  flush();
  return items;
}

/** The charset a page declares in its first bytes (<meta charset> or http-equiv content), if any. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const match = /<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return match?.[1];
}
