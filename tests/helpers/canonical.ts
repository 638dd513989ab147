import { Decimal } from 'decimal.js';
import type { AmountCell, TableRow, WorkbookModel } from '../../src/model/types.js';
import { labelKey } from '../../src/util/text.js';

const TO_WAN: Record<string, Decimal> = { 万元: new Decimal(1), 元: new Decimal('0.0001') };

/** Function-code subtotal rows (类/款) that some layouts add and others leave out. */
function isSubtotal(row: TableRow): boolean {
  return (
    row.key.scheme === 'function' && row.key.line === undefined && row.key.level !== undefined && row.key.level !== '项'
  );
}

function isHiddenZeroRow(row: TableRow): boolean {
  return row.hidden && Object.values(row.cells).every((c) => c.state === 'blank' || c.value?.isZero() === true);
}

function valueText(cell: AmountCell, factor: Decimal): string {
  if (cell.state === 'unreadable') return `unreadable「${cell.raw}」`;
  // compared as published in 万元: two decimals (a 元 workbook is exact where 万元 is rounded)
  return (cell.value ?? new Decimal(0)).times(factor).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

/**
 * A model as plain `table|block|row|column → value in 万元 (2 decimals)` entries, plus row labels: two
 * workbooks with the same data in different layouts must give the same map.
 */
export function canonical(model: WorkbookModel): Record<string, string> {
  const entries: [string, string][] = [];
  for (const table of model.tables) {
    const factor = TO_WAN[table.unit] ?? new Decimal(1);
    for (const row of table.rows) {
      if (isSubtotal(row) || isHiddenZeroRow(row)) continue;
      const key = `${table.kind}|${row.block}|${row.key.id}`;
      entries.push([`${key}|label`, labelKey(row.label)]);
      for (const [column, cell] of Object.entries(row.cells))
        entries.push([`${key}|${column}`, valueText(cell, factor)]);
    }
  }
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries);
}
