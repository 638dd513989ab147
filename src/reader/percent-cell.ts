import { Decimal } from 'decimal.js';
import type { AmountCell, CellRef } from '../model/types.js';
import { parsePercent } from './amount.js';
import { readAmountCell } from './amount-cell.js';
import type { GridCell } from '../model/grid.js';

/**
 * A cell of a percent column (绩效自评表 执行率), as percent points: "42.29%" → 42.29 with 2 decimals.
 * Text goes through parsePercent ("100 %", "４２.２９％"). A number is what Excel stores for a
 * cell formatted as a percentage, 0.4229 for 42.29%, so a number of at most 1 is taken as a
 * fraction; a larger one (42.29 typed without %) as percent points. Text without % falls back to
 * the amount reading (blank placeholders, or unreadable with its reason).
 */
export function readPercentCell(cell: GridCell, ref: CellRef, hidden: boolean): AmountCell {
  const content = cell.mergedSlave ? ({ kind: 'empty' } as const) : cell.content;
  if (content.kind === 'text') {
    const parsed = parsePercent(content.value);
    if (parsed) return { ref, raw: cell.text, hidden, state: 'number', value: parsed.value, decimals: parsed.decimals };
  }
  if (content.kind === 'number') {
    const value = new Decimal(content.value.toPrecision(15));
    const fraction = value.abs().lte(1);
    const points = fraction ? value.mul(100) : value;
    const decimals = Math.max(0, value.decimalPlaces() - (fraction ? 2 : 0));
    const read: AmountCell = {
      ref,
      raw: cell.text,
      hidden,
      state: 'number',
      value: points.isZero() ? new Decimal(0) : points,
      decimals,
    };
    if (content.formula) read.fromFormula = true;
    return read;
  }
  return readAmountCell(cell, ref, hidden);
}
