import type { Decimal } from 'decimal.js';
import { money } from '../money/text.js';
import { percent } from './amount.js';
import type { CellChange, WorkbookDiff } from './types.js';

/** `juesuan diff --format json` (stable): amounts as decimal strings in 万元, blank as null. */

function amount(value: Decimal | null): string | null {
  return value === null ? null : money(value);
}

function change(c: CellChange): Record<string, unknown> {
  return {
    column: c.column,
    columnName: c.columnName,
    prior: amount(c.prior),
    current: amount(c.current),
    change: money(c.change),
    rate: c.rate === null ? null : percent(c.rate),
    flagged: c.flagged,
    priorCell: c.priorCell ?? null,
    currentCell: c.currentCell ?? null,
  };
}

export function diffToJson(diff: WorkbookDiff): unknown {
  return {
    prior: diff.prior,
    current: diff.current,
    unit: '万元',
    thresholds: { rate: diff.thresholds.rate.toFixed(), amount: diff.thresholds.amount.toFixed() },
    summary: diff.summary,
    notes: diff.notes,
    tables: diff.tables.map((t) => ({
      kind: t.kind,
      name: t.name,
      status: t.status,
      unchangedRows: t.unchangedRows,
      rows: t.rows.map((r) => ({
        rowKey: r.rowKey,
        match: r.match,
        block: r.block,
        label: r.label,
        code: r.code ?? null,
        status: r.status,
        changes: r.changes.map(change),
      })),
    })),
    classTotals: diff.classTotals.map((c) => ({
      code: c.code,
      name: c.name,
      prior: amount(c.prior),
      current: amount(c.current),
    })),
  };
}

export function formatDiffJson(diff: WorkbookDiff): string {
  return `${JSON.stringify(diffToJson(diff), null, 2)}\n`;
}
