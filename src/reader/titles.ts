import type { Catalog, CatalogTable } from '../catalog/types.js';
import { normalise } from '../util/text.js';
import { colsOf, type Grid, rowsBetween } from '../model/grid.js';

export interface TitleHit {
  table: CatalogTable;
  row: number;
  col: number;
  /** The title as written. */
  text: string;
}

/** Title cells are short; a longer text naming a table is a sentence (情况说明, 目录 entries with page text). */
const MAX_EXTRA_CHARS = 40;

/** The catalog table a cell text is the title of, or undefined: the longest matching pattern wins. */
export function matchTitle(text: string, catalog: Catalog): CatalogTable | undefined {
  // every title names a 表; most cells of a large sheet are amounts and names, skip them cheaply
  if (!text.includes('表') || text.length > 80) return undefined;
  const norm = normalise(text);
  if (norm.length < 4 || /[。，；;,]/.test(norm) || /说明$/.test(norm)) return undefined;
  let best: { table: CatalogTable; length: number } | undefined;
  for (const table of catalog.tables) {
    for (const pattern of table.titles) {
      const key = normalise(pattern);
      if (norm.includes(key) && norm.length <= key.length + MAX_EXTRA_CHARS && key.length > (best?.length ?? 0)) {
        best = { table, length: key.length };
      }
    }
  }
  return best?.table;
}

/** Every title cell of a sheet, top to bottom; one per row (the first matching cell). */
export function findTitles(grid: Grid, catalog: Catalog): TitleHit[] {
  const hits: TitleHit[] = [];
  for (const row of rowsBetween(grid, 1, grid.rowCount)) {
    for (const col of colsOf(grid, row)) {
      const cell = grid.cell(row, col);
      if (cell.mergedSlave || cell.content.kind !== 'text') continue;
      const table = matchTitle(cell.content.value, catalog);
      if (table) {
        hits.push({ table, row, col, text: cell.content.value.trim() });
        break;
      }
    }
  }
  return hits;
}
