import { Decimal } from 'decimal.js';
import type { Table } from '../../model/types.js';
import { formCell, type LinkedCell } from '../verify/resolve.js';
import { projectNames } from '../vocabulary.js';

/** The 预算执行情况 row of one form: budget, actual, rate and score cells (any may be absent). */
export interface FormRow {
  table: Table;
  name: string;
  budget?: LinkedCell;
  actual?: LinkedCell;
  rate?: LinkedCell;
  score?: LinkedCell;
  points: Decimal;
}

/** 分值: a points column, else "得分（20分*执行率）" in the score header, else the catalog default. */
function pointsOf(table: Table, fallback: number): Decimal {
  const cell = formCell(table, 'points')?.cell;
  if (cell?.value) return cell.value;
  const header = table.columns.find((c) => c.id === 'score')?.header ?? '';
  const found = /([0-9]+(?:\.[0-9]+)?)\s*分/.exec(header);
  return new Decimal(found?.[1] ?? fallback);
}

export function formRow(table: Table, fallbackPoints: number): FormRow {
  const row: FormRow = { table, name: projectNames(table)[0] ?? table.title, points: pointsOf(table, fallbackPoints) };
  for (const id of ['budget', 'actual', 'rate', 'score'] as const) {
    const linked = formCell(table, id);
    if (linked && linked.cell.state === 'number') row[id] = linked;
  }
  return row;
}
