import { Decimal } from 'decimal.js';
import { money } from '../money/text.js';
import { percent } from './amount.js';
import type { CellChange, DiffSide, RowStatus, Thresholds, WorkbookDiff } from './types.js';

/** Words and numbers every diff format shows the same way. */

export const STATUS_ZH: Record<RowStatus, string> = { matched: '', added: '新增', removed: '删除' };

/** "2023 年度 · 单位：万元 · fixtures/prior-2023.xlsx" */
export function describeSide(s: DiffSide): string {
  return [s.year !== undefined ? `${s.year} 年度` : '年度未识别', `单位：${s.unit ?? '未识别'}`, s.file].join(' · ');
}

/** "2023 → 2024" (or the file names when a year is unknown). */
export function diffTitle(diff: WorkbookDiff): string {
  const year = (s: DiffSide) => (s.year !== undefined ? String(s.year) : s.file);
  return `${year(diff.prior)} → ${year(diff.current)}`;
}

/** An amount in 万元 at the places shown (blank: empty). */
export function amountText(value: Decimal | null, places: number): string {
  return value === null ? '' : shown(value, places);
}

function shown(value: Decimal, places: number): string {
  const rounded = value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
  return money(rounded.isZero() ? rounded.abs() : rounded);
}

/** "+14.96", "-278.06" */
export function changeText(c: CellChange): string {
  const text = shown(c.change, c.places);
  return text.startsWith('-') ? text : `+${text}`;
}

/** The header of the column that marks a change reaching the thresholds, and its mark. */
export const FLAG_HEADER = '标记';
export const FLAG_MARK = '大幅变动';

/** "+0.70%", "-100.00%", or "新增" when there was nothing the year before. */
export function rateText(c: CellChange): string {
  if (c.rate === null) return '新增';
  return `${c.rate.isNegative() ? '' : '+'}${percent(c.rate)}%`;
}

export function thresholdText(t: Thresholds): string {
  return `增减率 ≥ ${t.rate.toFixed()}% 且增减额 ≥ ${t.amount.toFixed()} 万元`;
}

export function summaryText(diff: WorkbookDiff): string {
  const s = diff.summary;
  if (s.changes === 0 && s.rowsAdded === 0 && s.rowsRemoved === 0) return '两年金额没有变动。';
  const rows = s.rowsAdded + s.rowsRemoved > 0 ? `；新增 ${s.rowsAdded} 行、删除 ${s.rowsRemoved} 行` : '';
  return `共 ${s.changes} 处金额变动，其中 ${s.flagged} 处大幅变动（${thresholdText(diff.thresholds)}）${rows}。`;
}
