import { Decimal } from 'decimal.js';
import { InputError } from '../errors/input-error.js';
import { DEFAULT_THRESHOLDS } from './compare.js';
import type { Thresholds } from './types.js';

/** --threshold-rate / --threshold-amount as given on the command line (decimal text). */
export interface ThresholdOptions {
  thresholdRate?: string;
  thresholdAmount?: string;
}

function threshold(value: string | undefined, option: string, unit: string, fallback: Decimal): Decimal {
  if (value === undefined) return fallback;
  // a rate may be written as a percentage: 10% (or the full-width 10％)
  const text = unit === '百分比' ? value.trim().replace(/[%％]$/, '') : value.trim();
  if (!/^\d+(\.\d+)?$/.test(text)) {
    throw new InputError(
      'bad-threshold',
      `${option} 应为不小于 0 的数（${unit}），例如 ${option} ${fallback.toFixed()}，而不是「${value}」。`,
    );
  }
  return new Decimal(text);
}

/** The command line's thresholds, else the configuration's (`diff:`), else 30% and 10 万元. */
export function thresholdsOf(
  options: ThresholdOptions,
  configured: { thresholdRate?: string; thresholdAmount?: string } = {},
): Thresholds {
  const rate = threshold(configured.thresholdRate, 'thresholdRate', '百分比', DEFAULT_THRESHOLDS.rate);
  const amount = threshold(configured.thresholdAmount, 'thresholdAmount', '万元', DEFAULT_THRESHOLDS.amount);
  return {
    rate: threshold(options.thresholdRate, '--threshold-rate', '百分比', rate),
    amount: threshold(options.thresholdAmount, '--threshold-amount', '万元', amount),
  };
}
