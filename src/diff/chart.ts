import { Decimal } from 'decimal.js';
import { escapeMarkup as esc } from '../report/markup.js';
import { amountText } from './present.js';
import type { ClassTotal } from './types.js';

/**
 * An inline SVG bar chart of 01's expenditure classes, last year's bar above this year's, both
 * scaled to the largest amount. No script, no fonts or images to fetch; all text escaped.
 */

const LABEL = 190;
const BARS = 360;
const VALUE = 90;
const BAR = 13;
const GAP = 12;
const TOP = 28;

function width(value: Decimal | null, max: Decimal): string {
  if (value === null || max.isZero() || value.lte(0)) return '0';
  return value.div(max).mul(BARS).toDecimalPlaces(1).toFixed();
}

export function classChart(classes: ClassTotal[], years: { prior: string; current: string }): string {
  if (classes.length === 0) return '';
  const max = Decimal.max(0, ...classes.flatMap((c) => [c.prior ?? 0, c.current ?? 0]));
  // a blank amount is shown as blank, not as 0.00: the publisher wrote nothing
  const text = (value: Decimal | null, places: number) => amountText(value, places) || '空白';
  const row = 2 * BAR + GAP;
  const height = TOP + classes.length * row;
  const total = LABEL + BARS + VALUE;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="${total}" height="${height}" viewBox="0 0 ${total} ${height}" role="img" aria-label="${esc(`各类支出 ${years.prior} 与 ${years.current} 对比（万元）`)}">`,
    `<rect x="${LABEL}" y="4" width="12" height="12" class="prior"/><text x="${LABEL + 16}" y="14">${esc(years.prior)}</text>`,
    `<rect x="${LABEL + 110}" y="4" width="12" height="12" class="current"/><text x="${LABEL + 126}" y="14">${esc(years.current)}</text>`,
  ];
  classes.forEach((c, i) => {
    const y = TOP + i * row;
    parts.push(
      `<g><title>${esc(`${c.code} ${c.name}：${text(c.prior, c.places)} → ${text(c.current, c.places)}（万元）`)}</title>`,
      `<text x="${LABEL - 8}" y="${y + BAR + 4}" text-anchor="end">${esc(`${c.code} ${c.name}`)}</text>`,
      `<rect x="${LABEL}" y="${y}" width="${width(c.prior, max)}" height="${BAR}" class="prior"/>`,
      `<text x="${LABEL + Number(width(c.prior, max)) + 4}" y="${y + BAR - 2}" class="value">${esc(text(c.prior, c.places))}</text>`,
      `<rect x="${LABEL}" y="${y + BAR}" width="${width(c.current, max)}" height="${BAR}" class="current"/>`,
      `<text x="${LABEL + Number(width(c.current, max)) + 4}" y="${y + 2 * BAR - 2}" class="value">${esc(text(c.current, c.places))}</text>`,
      '</g>',
    );
  });
  parts.push('</svg>');
  return parts.join('\n');
}
