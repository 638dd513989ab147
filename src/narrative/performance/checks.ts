import { refText } from '../../model/place.js';
import { Decimal } from 'decimal.js';
import type { WorkbookModel } from '../../model/types.js';
import {
  approx,
  checkPercent,
  compareEq,
  exact,
  fromCell,
  scale,
  sum,
  type Approx,
  unitFactor,
} from '../../money/interval.js';
import type { PerformanceSpec } from '../catalog/types.js';
import { cellLocation, cellName, resolveLink, type LinkedCell } from '../verify/resolve.js';
import type { NarrativeRawFinding } from '../verify/types.js';
import { formRow, type FormRow } from './forms.js';
import type { NarrativeCheck } from '../messages.js';

const HUNDRED = new Decimal(100);

function value(linked: LinkedCell): Approx {
  return fromCell(linked.cell) as Approx;
}

/** An amount in 万元: a form in 万元 is compared with tables printed in 元. */
function money(linked: LinkedCell): Approx {
  return scale(value(linked), unitFactor(linked.table.unit, '万元'));
}

function raw(
  linked: LinkedCell,
  check: NarrativeCheck,
  messageId: string,
  data: Record<string, string>,
  related: LinkedCell[],
): NarrativeRawFinding {
  return {
    check,
    messageId,
    data: { table: linked.table.name, cell: `${refText(linked.cell.ref)}`, ...data },
    location: cellLocation(linked),
    related: related.map(cellLocation),
  };
}

/** p.rate: 执行率 = 执行数 ÷ 预算数. */
function rateFinding(f: FormRow): NarrativeRawFinding[] {
  if (!f.budget || !f.actual || !f.rate?.cell.value) return [];
  const check = checkPercent(value(f.actual), value(f.budget), {
    value: f.rate.cell.value,
    decimals: f.rate.cell.decimals,
  });
  if (check.consistent) return [];
  const data = {
    project: f.name,
    stated: `${f.rate.cell.value.toFixed()}%`,
    actual: f.actual.cell.raw,
    budget: f.budget.cell.raw,
    computed: check.computed ? `${check.computed.toFixed()}%` : '无法计算',
  };
  return [raw(f.rate, 'performance.rate', 'performance-rate', data, [f.budget, f.actual])];
}

/** p.score: 得分 = 分值 × 执行率, full marks above 100%. The stated rate's own rounding is carried. */
function scoreFinding(f: FormRow): NarrativeRawFinding[] {
  if (!f.rate?.cell.value || !f.score) return [];
  const rate = approx(f.rate.cell.value, f.rate.cell.decimals);
  const capped = rate.value.gt(HUNDRED) ? exact(HUNDRED) : rate;
  const expected = scale(capped, f.points.div(HUNDRED));
  const result = compareEq(value(f.score), expected);
  if (result.consistent) return [];
  const data = {
    project: f.name,
    actual: f.score.cell.raw,
    points: f.points.toFixed(),
    rate: `${f.rate.cell.value.toFixed()}%`,
    expected: expected.value.toFixed(),
    difference: result.difference.toFixed(),
    tolerance: result.tolerance.toFixed(),
  };
  return [raw(f.score, 'performance.score', 'performance-score', data, [f.rate])];
}

/** p.sum: the projects' 执行数 add up to the unit's 项目支出; p.totals: the unit form's totals equal the tables'. */
function sumFindings(forms: FormRow[], model: WorkbookModel, spec: PerformanceSpec): NarrativeRawFinding[] {
  const target = resolveLink(model, spec.projectsSumTo);
  const actuals = forms.map((f) => f.actual).filter((a): a is LinkedCell => a !== undefined);
  if (!target || actuals.length === 0 || actuals.length !== forms.length) return [];
  const total = sum(actuals.map(money));
  const result = compareEq(total, money(target));
  if (result.consistent) return [];
  const data = {
    table: target.table.name,
    cell: cellName(target),
    actual: total.value.toFixed(),
    items: actuals.map((a) => a.cell.raw).join(' + '),
    target: `${cellName(target)} 项目支出`,
    expected: money(target).value.toFixed(),
    difference: result.difference.toFixed(),
    tolerance: result.tolerance.toFixed(),
  };
  return [
    {
      check: 'performance.sum',
      messageId: 'performance-sum',
      data,
      location: cellLocation(target),
      related: actuals.map(cellLocation),
    },
  ];
}

function totalFindings(model: WorkbookModel, spec: PerformanceSpec): NarrativeRawFinding[] {
  const unit = model.tables.find((t) => t.kind === spec.unitTable);
  const out: NarrativeRawFinding[] = [];
  for (const { role, link } of spec.unitTotals) {
    const row = unit?.rows.find((r) => r.role === role);
    const cell = row?.cells.amount;
    const target = resolveLink(model, link);
    if (!unit || !row || !cell || cell.state !== 'number' || !target) continue;
    const linked: LinkedCell = { table: unit, row, column: 'amount', cell };
    const result = compareEq(money(linked), money(target));
    if (result.consistent) continue;
    const data = {
      label: row.label,
      actual: cell.raw,
      target: cellName(target),
      expected: money(target).value.toFixed(),
      difference: result.difference.toFixed(),
      tolerance: result.tolerance.toFixed(),
    };
    out.push(raw(linked, 'performance.totals', 'performance-total', data, [target]));
  }
  return out;
}

/** Every 绩效自评表 check on a workbook model. */
export function checkPerformance(
  model: WorkbookModel,
  spec: PerformanceSpec,
): { findings: NarrativeRawFinding[]; forms: number } {
  const forms = model.tables.filter((t) => t.kind === spec.projectTable).map((t) => formRow(t, spec.defaultPoints));
  // a 部门整体 form laid out like the MOF's has a 预算执行情况 row too (the seed's has only totals)
  const unit = model.tables.filter((t) => t.kind === spec.unitTable).map((t) => formRow(t, spec.defaultPoints));
  const findings = [
    ...[...unit, ...forms].flatMap((f) => [...rateFinding(f), ...scoreFinding(f)]),
    ...sumFindings(forms, model, spec),
    ...totalFindings(model, spec),
  ];
  return { findings, forms: forms.length };
}
