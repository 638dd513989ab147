import type { SourceDocument } from '../model/document.js';
import { address, colsOf, rowsBetween } from '../model/grid.js';
import type { ReportParagraph } from '../model/types.js';

/**
 * The running text of a document outside its tables: a published report's paragraphs as its
 * reader gives them, or, for a workbook, the text cells outside the tables' rows (sheets without
 * tables: 情况说明, 目录; a report laid out on one sheet: its text around the tables), row by row,
 * a cell's lines as paragraphs of their own.
 */
export function reportParagraphs(
  document: SourceDocument,
  tableRows: ReadonlyMap<string, readonly [number, number][]>,
): ReportParagraph[] {
  const out: ReportParagraph[] = [];
  if (document.text) {
    for (const p of document.text) {
      const para: ReportParagraph = { text: p.text, index: out.length, file: document.file };
      if (p.origin.sheet) para.sheet = p.origin.sheet;
      if (p.origin.cell) para.cell = p.origin.cell;
      if (p.origin.page !== undefined) para.page = p.origin.page;
      if (p.origin.line !== undefined) para.line = p.origin.line;
      if (p.origin.paragraph !== undefined) para.paragraph = p.origin.paragraph;
      if (p.origin.clipped) para.clipped = true;
      if (p.origin.piece) para.piece = true;
      out.push(para);
    }
    return out;
  }
  for (const grid of document.grids) {
    const inTables = tableRows.get(grid.sheet) ?? [];
    // the stored cells only (Grid.storedRows): a declared extent of A1:XFD1048576 costs nothing
    for (const row of rowsBetween(grid, 1, grid.rowCount)) {
      if (inTables.some(([first, last]) => row >= first && row <= last)) continue;
      for (const col of colsOf(grid, row)) {
        const cell = grid.cell(row, col);
        if (cell.mergedSlave || cell.content.kind !== 'text') continue;
        for (const line of cell.content.value.split(/\r?\n/)) {
          if (line.trim() === '') continue;
          out.push({
            text: line.trim(),
            index: out.length,
            file: document.file,
            sheet: grid.sheet,
            cell: address(row, col),
          });
        }
      }
    }
  }
  return out;
}
