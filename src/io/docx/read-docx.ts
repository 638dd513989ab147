import type { CellPlace } from '../../model/grid.js';
import type { FlowCell, FlowItem, FlowRow } from '../layout/flow.js';
import { LIMITS, LimitExceeded } from '../limits.js';
import { attributesOf, scanXml, XmlScanError } from '../xml-scan.js';

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
const SKIP = new Set(['del', 'delText', 'instrText', 'Fallback', 'rPr', 'pPr', 'sectPr', 'tblPr']);

function treeOf(xml: Buffer): Node {
  const root: Node = { name: '#root', attrs: {}, children: [] };
  const stack: Node[] = [root];
  let skipping = 0;
  // the one XML scanner of the Office readers (src/io/xml-scan.ts): linear, names without prefix
  scanXml(xml, {
    open(name, attributes) {
      if (skipping > 0 || SKIP.has(name)) {
        skipping += 1;
        return;
      }
      const node: Node = { name, attrs: attributesOf(attributes), children: [] };
      (stack[stack.length - 1] as Node).children.push(node);
      // the walk below recurses per nested table and a stray close tag searches the open ones
      if (stack.push(node) > LIMITS.markupDepth)
        throw new LimitExceeded(`Word 文档元素嵌套超过 ${LIMITS.markupDepth} 层`);
    },
    close(name) {
      if (skipping > 0) {
        skipping -= 1;
        return;
      }
      // a close tag ends the innermost open element of that name (tolerates stray tags)
      for (let i = stack.length - 1; i > 0; i -= 1) {
        if ((stack[i] as Node).name === name) {
          stack.length = i;
          break;
        }
      }
    },
    text(value) {
      const top = stack[stack.length - 1] as Node;
      if (skipping === 0 && top.name === 't') top.children.push(value);
    },
  });
  // a document cut off inside its body is no Word document, whatever text came before the cut
  if (stack.length > 1) throw new XmlScanError(`unclosed <${(stack[stack.length - 1] as Node).name}>`);
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
      else if (c.name === 'tab' || c.name === 'ptab') text += ' ';
      else if (c.name === 'br' || c.name === 'cr') text += '\n';
      else if (c.name === 'noBreakHyphen') text += '-';
      else if (c.name !== 'tbl') walk(c);
    }
  };
  walk(node);
  return text;
}

function intAttr(node: Node | undefined, fallback: number): number {
  const value = Number.parseInt(node?.attrs.val ?? '', 10);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

function containsTable(node: Node): boolean {
  return node.children.some((c) => typeof c !== 'string' && (c.name === 'tbl' || containsTable(c)));
}

/** Block-level content of a body, a cell or a content control. */
function blockChildren(node: Node): Node[] {
  return elements(node).flatMap((c) => {
    if (c.name === 'sdt') return blockChildren(child(c, 'sdtContent') ?? c);
    if (c.name === 'customXml' || c.name === 'smartTag') return blockChildren(c);
    return c.name === 'p' || c.name === 'tbl' ? [c] : [];
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
    .filter((b) => b.name === 'p')
    .map(paragraphText)
    .join('\n')
    .trim();
}

function tableRows(tbl: Node): FlowRow[] {
  const rows: FlowRow[] = [];
  /** The cell that starts a vertical merge, by grid column. */
  const open = new Map<number, FlowCell>();
  for (const tr of elements(tbl, 'tr')) {
    const trPr = child(tr, 'trPr');
    const cells: FlowCell[] = [];
    let col = 0;
    const before = trPr ? intAttr(child(trPr, 'gridBefore'), 0) : 0;
    if (before > 0) {
      cells.push({ text: '', colSpan: before });
      col += before;
    }
    const tcs = elements(tr).flatMap((c) =>
      c.name === 'sdt' ? elements(child(c, 'sdtContent') ?? c, 'tc') : c.name === 'tc' ? [c] : [],
    );
    for (const tc of tcs) {
      const pr = child(tc, 'tcPr');
      const span = intAttr(pr ? child(pr, 'gridSpan') : undefined, 1);
      const vMerge = pr ? child(pr, 'vMerge') : undefined;
      const continues = vMerge !== undefined && (vMerge.attrs.val ?? 'continue') === 'continue';
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
    if (block.name === 'p') {
      pushParagraph(walker, paragraphText(block));
      continue;
    }
    const cellsWithTables = elements(block, 'tr').some((tr) => elements(tr, 'tc').some(containsTable));
    if (cellsWithTables) {
      // a layout table: its cells' paragraphs and tables, row by row
      for (const tr of elements(block, 'tr')) for (const tc of elements(tr, 'tc')) walkBlocks(walker, tc);
      continue;
    }
    const rows = tableRows(block);
    if (rows.some((r) => r.cells.some((c) => c.text !== ''))) walker.items.push({ kind: 'table', rows });
  }
}

/**
 * The body of word/document.xml (UTF-8, as Word writes it) as flow items. Markup that cannot be
 * read, or a document without a body, throws XmlScanError.
 */
export function docxFlow(documentXml: Buffer | string): FlowItem[] {
  const root = treeOf(typeof documentXml === 'string' ? Buffer.from(documentXml, 'utf8') : documentXml);
  const body = elements(root, 'document').flatMap((d) => elements(d, 'body'))[0];
  if (!body) throw new XmlScanError('no <w:body> in word/document.xml');
  const walker: Walker = { items: [], paragraphs: 0 };
  walkBlocks(walker, body);
  return walker.items;
}
