import { Decimal } from 'decimal.js';
import type { Approx } from '../../money/interval.js';
import type { PercentMention } from '../claims.js';

/**
 * "占 0.25%" where the share is 24.74%: the ratio written without ×100. Returns the ratio as
 * written when the stated figure is part ÷ whole (not ×100) rounded to the decimals written, and
 * the ratio is below 1 (a real 0.25% share has a ratio of 0.0025).
 */
export function fractionOf(part: Approx, whole: Approx, stated: PercentMention): string | undefined {
  if (whole.value.isZero() || stated.value.isZero()) return undefined;
  const ratio = part.value.div(whole.value);
  if (ratio.abs().gte(1) || ratio.abs().lt(new Decimal('0.01'))) return undefined;
  const rounded = ratio.toDecimalPlaces(stated.decimals, Decimal.ROUND_HALF_UP);
  return rounded.eq(stated.value) ? rounded.toFixed(stated.decimals) : undefined;
}
