import { address, colsOf, type Grid, rowsBetween } from '../model/grid.js';
import { numberParagraphs, type Narrative } from './types.js';

/** A sheet named 情况说明 / 说明 (not a 填表说明), or one whose first text says it is a 情况说明. */
const NAME = /情况说明|^说明$/;
const NOT_NARRATIVE = /填表|填报|编制说明/;

function firstText(grid: Grid): string {
  for (const row of rowsBetween(grid, 1, 5)) {
    for (const col of colsOf(grid, row)) {
      const text = grid.cell(row, col).text.trim();
      if (text !== '') return text;
    }
  }
  return '';
}

/**
 * The narrative sheet among a document's grids: each non-empty text cell is a paragraph (row by
 * row, left to right), a cell with line breaks one paragraph per line, each with its sheet!cell.
 * Amount-only cells are skipped: a narrative sheet may carry a small table beside the text.
 */
export function narrativeInGrids(
  grids: readonly Grid[],
  file: string,
  candidates?: ReadonlySet<string>,
): Narrative | undefined {
  // `candidates`: the sheets the reader found no table in (a narrative sheet holds none)
  const grid = grids.find(
    (g) =>
      (!candidates || candidates.has(g.sheet)) &&
      !NOT_NARRATIVE.test(g.sheet) &&
      (NAME.test(g.sheet.trim()) || /情况说明/.test(firstText(g))),
  );
  if (!grid) return undefined;
  const items: { text: string; origin: { file: string; sheet: string; cell: string } }[] = [];
  for (const row of rowsBetween(grid, 1, grid.rowCount)) {
    for (const col of colsOf(grid, row)) {
      const cell = grid.cell(row, col);
      if (cell.mergedSlave || cell.content.kind !== 'text') continue;
      for (const line of cell.content.value.split(/\r\n|\r|\n/))
        items.push({ text: line, origin: { file, sheet: grid.sheet, cell: address(row, col) } });
    }
  }
  return { file, source: 'sheet', sheet: grid.sheet, paragraphs: numberParagraphs(items) };
}
