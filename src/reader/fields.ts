import type { CatalogField, CatalogTable } from '../catalog/types.js';
import type { CellRef, TableRow } from '../model/types.js';
import { labelKey } from '../util/text.js';
import { readAmountCell } from './amount-cell.js';
import { address, colsOf, type Grid, rowsBetween } from '../model/grid.js';

function valueRight(grid: Grid, row: number, col: number): number | undefined {
  for (const c of colsOf(grid, row)) {
    if (c <= col) continue;
    const cell = grid.cell(row, c);
    if (!cell.mergedSlave && cell.text.trim() !== '') return c;
  }
  return undefined;
}

function fieldRow(
  grid: Grid,
  file: string,
  field: CatalogField,
  at: { row: number; labelCol: number; col: number },
  block: string,
): TableRow {
  const { row, col } = at;
  const base = {
    key: { id: `R:${field.role}` },
    role: field.role,
    block,
    sheetRow: row,
    hidden: grid.hiddenRows.has(row),
  };
  if (field.type === 'text') return { ...base, label: grid.cell(row, col).text.trim(), cells: {} };
  const ref: CellRef = { file, sheet: grid.sheet, cell: address(row, col) };
  const place = grid.place?.(row, col);
  if (place) ref.place = place;
  const amount = readAmountCell(grid.cell(row, col), ref, base.hidden);
  return { ...base, label: grid.cell(row, at.labelCol).text.trim(), cells: { amount } };
}

/**
 * Form fields of a table (catalog `fields`) between its title and `lastRow`: the value is the
 * first non-empty cell right of the label ("项目名称 | 行政运行项目"). First occurrence wins.
 */
export function readFields(
  grid: Grid,
  file: string,
  table: CatalogTable,
  titleRow: number,
  lastRow: number,
): TableRow[] {
  const rows: TableRow[] = [];
  const block = table.blocks[0]?.id ?? 'main';
  for (const field of table.fields) {
    const labels = new Set(field.labels.map(labelKey));
    search: for (const row of rowsBetween(grid, titleRow + 1, lastRow)) {
      for (const col of colsOf(grid, row)) {
        const cell = grid.cell(row, col);
        if (cell.mergedSlave || !labels.has(labelKey(cell.text))) continue;
        const valueCol = valueRight(grid, row, col);
        if (valueCol !== undefined)
          rows.push(fieldRow(grid, file, field, { row, labelCol: col, col: valueCol }, block));
        break search;
      }
    }
  }
  return rows;
}
