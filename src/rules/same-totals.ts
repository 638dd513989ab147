import type { AmountCell, Table, WorkbookModel } from '../model/types.js';
import { refText } from '../model/place.js';
import { cellData, termLocation } from './check-assert.js';
import { columnName, describeRow } from './eval/describe.js';
import type { RawFinding } from './types.js';

/**
 * The 收入支出决算总表's income lines other than the 一般公共预算财政拨款: while each is blank or
 * zero, all the unit spent came from the general budget.
 */
const OTHER_SOURCES = [
  'gov-fund',
  'state-capital',
  'superior-subsidy',
  'business',
  'operating',
  'affiliated',
  'other',
  'non-fiscal-surplus',
  'opening-balance',
];

/** 支出决算表 (03) column → the same figure's column in 一般公共预算财政拨款支出决算表 (05). */
const SAME_COLUMNS: [string, string][] = [
  ['total', 'subtotal'],
  ['basic', 'basic'],
  ['project', 'project'],
];

function zeroOrBlank(cell: AmountCell | undefined): boolean {
  return cell === undefined || cell.state === 'blank' || (cell.state === 'number' && cell.value?.isZero() === true);
}

/** Whether the 01 table says all the unit's money this year was 一般公共预算财政拨款 (and it had some). */
function onlyGeneralBudget(t01: Table): boolean {
  const income = t01.rows.filter((r) => r.block === 'income');
  const general = income.find((r) => r.role === 'general-budget')?.cells.amount;
  if (general?.state !== 'number' || general.value?.isZero() !== false) return false;
  return income.every((r) => !OTHER_SOURCES.includes(r.role ?? '') || zeroOrBlank(r.cells.amount));
}

/**
 * A unit whose only money is the general budget spends the same sums in 03 (all funds) and 05 (the
 * general budget): the two 合计 rows are one figure rounded once, printed twice, and a rounding
 * interval does not let them differ (05 printing the sum of its rounded lines, 1,367.75, where 03
 * rounds the total, 1,367.76, is caught here and nowhere else: each table adds up within rounding).
 */
export function sameTotals(model: WorkbookModel): RawFinding[] {
  const table = (kind: string) => model.tables.find((t) => t.kind === kind);
  const [t01, t03, t05] = [table('01'), table('03'), table('05')];
  if (!t01 || !t03 || !t05 || !onlyGeneralBudget(t01)) return [];
  const all = t03.rows.find((r) => r.key.total);
  const general = t05.rows.find((r) => r.key.total);
  if (!all || !general) return [];
  const findings: RawFinding[] = [];
  for (const [allColumn, generalColumn] of SAME_COLUMNS) {
    const a = all.cells[allColumn];
    const g = general.cells[generalColumn];
    if (a?.state !== 'number' || g?.state !== 'number' || !a.value || !g.value || a.value.equals(g.value)) continue;
    findings.push({
      messageId: 'same-totals',
      data: {
        ...cellData({ table: t05, row: general, column: generalColumn, cell: g }),
        actual: g.value.toFixed(),
        expected: a.value.toFixed(),
        right: `${t03.name} ${describeRow(t03, all)}「${columnName(t03, allColumn, all.block)}」（${refText(a.ref)}）`,
        difference: g.value.minus(a.value).toFixed(),
        unit: t05.unit,
      },
      location: termLocation({ table: t05, row: general, column: generalColumn, cell: g }),
      related: [termLocation({ table: t03, row: all, column: allColumn, cell: a })],
    });
  }
  return findings;
}
