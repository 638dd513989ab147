import type { Paragraph } from '../types.js';

/** One cell of a table some sites render one cell per line: "预 算 数 |", "30.8 |", or "|" when empty. */
const CELL_LINE = /^([^|]*)\|$/u;
const NUMBER = /^-?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?$/u;
/** A header that names the budget or the actual column, in either script, spaced or not. */
const HEADER = /[预預]\s*算|[决決]\s*算/u;
/** What an empty cell becomes inside a row, so the cells after it keep their columns. */
const EMPTY = '—';

function cellOf(para: Paragraph): string | undefined {
  const m = CELL_LINE.exec(para.text.trim());
  return m ? (m[1] as string).trim() : undefined;
}

const isNumber = (cell: string): boolean => NUMBER.test(cell.replace(/\s/g, ''));

/** A data row: a name, then numbers or empty cells. */
const isRow = (row: string[]): boolean =>
  row[0] !== '' && !isNumber(row[0] as string) && row.slice(1).every((c) => c === '' || isNumber(c));

/**
 * The run of cell lines starting at `cells[0]`, put back into rows: the header is every cell before
 * the first row's name (the cells before the first number, less one), and rows of the header's
 * width follow while each is a name then numbers; the first that is not ends the table.
 */
function rowsOf(cells: string[]): { rows: string[][]; used: number } | undefined {
  const firstNumber = cells.findIndex(isNumber);
  const width = firstNumber - 1;
  if (width < 2) return undefined;
  const header = cells.slice(0, width);
  if (!header.some((c) => HEADER.test(c)) || header.some(isNumber)) return undefined;
  const rows = [header];
  let at = width;
  while (at + width <= cells.length) {
    const row = cells.slice(at, at + width);
    if (!isRow(row)) break;
    rows.push(row);
    at += width;
  }
  return rows.length > 1 ? { rows, used: at } : undefined;
}

/**
 * A table rendered one cell per line ("项 目 |", "预 算 数 |", "决 算 数 |", "合 计 |", "30.8 |", …)
 * is read like one rendered a row per line ("项目|预算数|决算数", "合计|30.8|25.7"): each row becomes
 * one paragraph, numbered like its first line. Lines the rows do not take stay as they are.
 */
export function joinVerticalTables(paragraphs: Paragraph[]): Paragraph[] {
  const out: Paragraph[] = [];
  let i = 0;
  while (i < paragraphs.length) {
    let end = i;
    const cells: string[] = [];
    for (; end < paragraphs.length; end += 1) {
      const cell = cellOf(paragraphs[end] as Paragraph);
      if (cell === undefined) break;
      cells.push(cell);
    }
    const table = end - i > 3 ? rowsOf(cells) : undefined;
    if (!table) {
      out.push(paragraphs[i] as Paragraph);
      i += 1;
      continue;
    }
    let at = i;
    for (const row of table.rows) {
      out.push({ ...(paragraphs[at] as Paragraph), text: row.map((c) => c || EMPTY).join('|') });
      at += row.length;
    }
    i += table.used;
  }
  return out;
}
