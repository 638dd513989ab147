import { Decimal } from 'decimal.js';
import type { AmountCell, Unit } from '../model/types.js';
import { unitFactor } from '../money/interval.js';

/**
 * Amounts of either year in 万元, exactly, with the precision they were written to: 12.34 in a
 * 万元 table is known to 0.01 万元 (2 places); 123456.78 in a 元 table is 12.345678 万元, known
 * to 6 places. Two amounts are equal when they agree at the coarser precision, so a 元 workbook
 * compared with the same figures published in 万元 shows no change (rounding is not a change),
 * while two 万元 workbooks differ by every cent they differ by.
 */
export interface Wan {
  /** null: blank (counts as 0, and carries no precision of its own). */
  value: Decimal | null;
  /** Decimal places in 万元. */
  places: number;
}

const PLACES_OF_UNIT: Record<Unit, number> = { 万元: 0, 元: 4 };

/** A cell in 万元; undefined when it is not an amount (unreadable: nothing to compare). */
export function inWan(cell: AmountCell | undefined, unit: Unit): Wan | undefined {
  if (!cell || cell.state === 'blank') return { value: null, places: Infinity };
  if (cell.state !== 'number' || cell.value === null) return undefined;
  return { value: cell.value.mul(unitFactor(unit, '万元')), places: cell.decimals + PLACES_OF_UNIT[unit] };
}

function round(value: Decimal | null, places: number): Decimal {
  const v = value ?? new Decimal(0);
  return Number.isFinite(places) ? v.toDecimalPlaces(places, Decimal.ROUND_HALF_UP) : v;
}

/** Do two amounts differ at the precision both were written to? */
export function differs(a: Wan, b: Wan): boolean {
  const places = Math.min(a.places, b.places);
  return !round(a.value, places).eq(round(b.value, places));
}

/** A rate in percent, two places: "15.72". */
export function percent(value: Decimal): string {
  return value.toFixed(2, Decimal.ROUND_HALF_UP);
}
