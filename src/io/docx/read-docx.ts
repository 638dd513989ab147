import type { CellPlace } from '../../model/grid.js';
import type { FlowCell, FlowItem, FlowRow } from '../layout/flow.js';
import { xmlTokens } from './xml.js';

/**
 * A Word document's body (word/document.xml) in reading order: paragraphs and tables. Tables keep
 * their merges (gridSpan across, vMerge down, gridBefore/After); a table that holds other tables
 * is a layout table and stands for its content; text in deleted runs and field instructions is
 * not text; a line break inside a paragraph starts a new paragraph (as Word's "save as text").
 */

interface Node {
  name: string;
  attrs: Record<string, string>;
  children: (Node | string)[];
}

/** Elements whose content is never document text. */
const SKIP = new Set(['w:del', 'w:delText', 'w:instrText', 'mc:Fallback', 'w:rPr', 'w:pPr', 'w:sectPr', 'w:tblPr']);

function treeOf(xml: string): Node {
  const root: Node = { name: '#root', attrs: {}, children: [] };
  const stack: Node[] = [root];
  let skipping = 0;
  for (const token of xmlTokens(xml)) {
    const top = stack[stack.length - 1] as Node;
    if (token.kind === 'text') {
      if (skipping === 0 && top.name === 'w:t') top.children.push(token.text);
      continue;
    }
    if (token.kind === 'open') {
      if (skipping > 0 || SKIP.has(token.name)) {
        if (!token.selfClosing) skipping += 1;
        continue;
      }
      const node: Node = { name: token.name, attrs: token.attrs, children: [] };
      top.children.push(node);
      if (!token.selfClosing) stack.push(node);
      continue;
    }
    if (skipping > 0) {
      skipping -= 1;
      continue;
    }
    // a close tag ends the innermost open element of that name (tolerates stray tags)
    for (let i = stack.length - 1; i > 0; i -= 1) {
      if ((stack[i] as Node).name === token.name) {
        stack.length = i;
        break;
      }
    }
  }
  return root;
}

function elements(node: Node, name?: string): Node[] {
  return node.children.filter((c): c is Node => typeof c !== 'string' && (name === undefined || c.name === name));
}

function child(node: Node, name: string): Node | undefined {
  return elements(node, name)[0];
}

/** A paragraph's text, with line breaks as "\n". */
function paragraphText(node: Node): string {
  let text = '';
  const walk = (n: Node) => {
    for (const c of n.children) {
      if (typeof c === 'string') text += c;
      else if (c.name === 'w:tab' || c.name === 'w:ptab') text += ' ';
      else if (c.name === 'w:br' || c.name === 'w:cr') text += '\n';
      else if (c.name === 'w:noBreakHyphen') text += '-';
      else if (c.name !== 'w:tbl') walk(c);
    }
  };
  walk(node);
  return text;
}

function intAttr(node: Node | undefined, fallback: number): number {
  const value = Number.parseInt(node?.attrs['w:val'] ?? '', 10);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

function containsTable(node: Node): boolean {
  return node.children.some((c) => typeof c !== 'string' && (c.name === 'w:tbl' || containsTable(c)));
}

/** Block-level content of a body, a cell or a content control. */
function blockChildren(node: Node): Node[] {
  return elements(node).flatMap((c) => {
    if (c.name === 'w:sdt') return blockChildren(child(c, 'w:sdtContent') ?? c);
    if (c.name === 'w:customXml' || c.name === 'w:smartTag') return blockChildren(c);
    return c.name === 'w:p' || c.name === 'w:tbl' ? [c] : [];
  });
}

interface Walker {
  items: FlowItem[];
  paragraphs: number;
}

function pushParagraph(walker: Walker, text: string): void {
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    walker.paragraphs += 1;
    walker.items.push({ kind: 'paragraph', text: line, place: { paragraph: walker.paragraphs } });
  }
}

function cellText(tc: Node): string {
  return blockChildren(tc)
    .filter((b) => b.name === 'w:p')
    .map(paragraphText)
    .join('\n')
    .trim();
}

function tableRows(tbl: Node): FlowRow[] {
  const rows: FlowRow[] = [];
  /** The cell that starts a vertical merge, by grid column. */
  const open = new Map<number, FlowCell>();
  for (const tr of elements(tbl, 'w:tr')) {
    const trPr = child(tr, 'w:trPr');
    const cells: FlowCell[] = [];
    let col = 0;
    const before = trPr ? intAttr(child(trPr, 'w:gridBefore'), 0) : 0;
    if (before > 0) {
      cells.push({ text: '', colSpan: before });
      col += before;
    }
    const tcs = elements(tr).flatMap((c) =>
      c.name === 'w:sdt' ? elements(child(c, 'w:sdtContent') ?? c, 'w:tc') : c.name === 'w:tc' ? [c] : [],
    );
    for (const tc of tcs) {
      const pr = child(tc, 'w:tcPr');
      const span = intAttr(pr ? child(pr, 'w:gridSpan') : undefined, 1);
      const vMerge = pr ? child(pr, 'w:vMerge') : undefined;
      const continues = vMerge !== undefined && (vMerge.attrs['w:val'] ?? 'continue') === 'continue';
      const started = open.get(col);
      if (continues && started) {
        started.rowSpan = (started.rowSpan ?? 1) + 1;
      } else {
        const cell: FlowCell = { text: cellText(tc), ...(span > 1 ? { colSpan: span } : {}) };
        cells.push(cell);
        if (vMerge !== undefined) open.set(col, cell);
        else open.delete(col);
      }
      col += span;
    }
    rows.push({ cells, place: {} as CellPlace });
  }
  return rows;
}

function walkBlocks(walker: Walker, node: Node): void {
  for (const block of blockChildren(node)) {
    if (block.name === 'w:p') {
      pushParagraph(walker, paragraphText(block));
      continue;
    }
    const cellsWithTables = elements(block, 'w:tr').some((tr) => elements(tr, 'w:tc').some(containsTable));
    if (cellsWithTables) {
      // a layout table: its cells' paragraphs and tables, row by row
      for (const tr of elements(block, 'w:tr')) for (const tc of elements(tr, 'w:tc')) walkBlocks(walker, tc);
      continue;
    }
    const rows = tableRows(block);
    if (rows.some((r) => r.cells.some((c) => c.text !== ''))) walker.items.push({ kind: 'table', rows });
  }
}

/** The body of word/document.xml as flow items. */
export function docxFlow(documentXml: string): FlowItem[] {
  const root = treeOf(documentXml);
  const body = elements(root, 'w:document').flatMap((d) => elements(d, 'w:body'))[0];
  const walker: Walker = { items: [], paragraphs: 0 };
  if (body) walkBlocks(walker, body);
  return walker.items;
}
