import { BARRED_CELLS, cellTable, type StackCell, type StackLine } from '../../io/text/stacked.js';
import type { Paragraph } from '../types.js';

/** What an empty cell becomes inside a row, so the cells after it keep their columns. */
const EMPTY = '—';

/**
 * A table rendered one cell per line ("项 目 |", "预 算 数 |", "决 算 数 |", "合 计 |", "30.8 |", …;
 * read by the one reader of such tables, src/io/text/stacked.ts) is read like one rendered a row
 * per line ("项目|预算数|决算数", "合计|30.8|25.7"): each row becomes one paragraph, numbered like
 * its first line. Lines the rows do not take stay as they are.
 */
export function joinVerticalTables(paragraphs: Paragraph[]): Paragraph[] {
  const lines: StackLine[] = paragraphs.map((p) => ({ kind: 'text', line: p.n, text: p.text }));
  const out: Paragraph[] = [];
  let i = 0;
  while (i < paragraphs.length) {
    const table = cellTable(lines, i, BARRED_CELLS);
    if (!table) {
      out.push(paragraphs[i] as Paragraph);
      i += 1;
      continue;
    }
    for (const row of table.rows)
      out.push({
        ...(paragraphs[(row[0] as StackCell).index] as Paragraph),
        text: row.map((c) => c.text || EMPTY).join('|'),
      });
    i = table.next;
  }
  return out;
}

/**
 * A table copied out of Word or a spreadsheet as text writes a row a line, its cells between tabs
 * ("合计\t30.8\t25.7"): read like a row written with bars, each tab a bar (the narrative's text drops
 * whitespace, which would run the cells together).
 */
export function barTabbedRows(paragraphs: Paragraph[]): Paragraph[] {
  return paragraphs.map((p) =>
    /\S\t+\S/u.test(p.text)
      ? {
          ...p,
          text: p.text
            .split('\t')
            .map((c) => c.trim())
            .join('|'),
        }
      : p,
  );
}
