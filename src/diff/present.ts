import type { Decimal } from 'decimal.js';
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

export function amountText(value: Decimal | null): string {
  return value === null ? '' : money(value);
}

/** "+14.96", "-278.06" */
export function changeText(c: CellChange): string {
  return c.change.isNegative() ? money(c.change) : `+${money(c.change)}`;
}

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
