import type ExcelJS from 'exceljs';
import { gridFromWorksheet } from '../io/xlsx/grid.js';
import { address } from '../model/grid.js';
import { numberParagraphs, type Narrative } from './types.js';

/** A sheet named 情况说明 / 说明 (not a 填表说明), or one whose first text says it is a 情况说明. */
const NAME = /情况说明|^说明$/;
const NOT_NARRATIVE = /填表|填报|编制说明/;

function firstText(ws: ExcelJS.Worksheet): string {
  const grid = gridFromWorksheet(ws);
  for (let row = 1; row <= Math.min(grid.rowCount, 5); row += 1) {
    for (let col = 1; col <= grid.colCount; col += 1) {
      const text = grid.cell(row, col).text.trim();
      if (text !== '') return text;
    }
  }
  return '';
}

/**
 * The narrative sheet of a workbook: each non-empty text cell is a paragraph (row by row, left to
 * right), a cell with line breaks one paragraph per line, each with its sheet!cell. Amount-only
 * cells are skipped: a narrative sheet may carry a small table beside the text.
 */
export function narrativeInWorkbook(
  workbook: ExcelJS.Workbook,
  file: string,
  candidates?: ReadonlySet<string>,
): Narrative | undefined {
  // `candidates`: the sheets the reader found no table in (a narrative sheet holds none), so a
  // workbook of tables alone costs nothing here
  const ws = workbook.worksheets.find(
    (w) =>
      (!candidates || candidates.has(w.name)) &&
      !NOT_NARRATIVE.test(w.name) &&
      (NAME.test(w.name.trim()) || /情况说明/.test(firstText(w))),
  );
  if (!ws) return undefined;
  const grid = gridFromWorksheet(ws);
  const items: { text: string; origin: { file: string; sheet: string; cell: string } }[] = [];
  for (let row = 1; row <= grid.rowCount; row += 1) {
    for (let col = 1; col <= grid.colCount; col += 1) {
      const cell = grid.cell(row, col);
      if (cell.mergedSlave || cell.content.kind !== 'text') continue;
      for (const line of cell.content.value.split(/\r\n|\r|\n/))
        items.push({ text: line, origin: { file, sheet: ws.name, cell: address(row, col) } });
    }
  }
  return { file, source: 'sheet', sheet: ws.name, paragraphs: numberParagraphs(items) };
}
