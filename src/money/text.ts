import type { Decimal } from 'decimal.js';

/** Amounts as a finance officer writes them: at least two decimals, never exponent notation. */
export function money(value: Decimal): string {
  return value.decimalPlaces() < 2 ? value.toFixed(2) : value.toFixed();
}
