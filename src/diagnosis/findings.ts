import type { Finding, FindingLocation, Severity } from '../model/finding.js';
import type { Identity } from '../model/identity.js';
import type { Table, WorkbookModel } from '../model/types.js';
import { columnName, describeRow } from '../rules/eval/describe.js';
import { render } from '../rules/messages.js';
import { stamp } from '../rules/stamp.js';
import type { Rule } from '../rules/types.js';
import { type Diagnosis, diagnose, MAX_ALTERNATIVES, type Repair } from './diagnose.js';
import { LIMITS } from '../io/limits.js';
import { cellName } from './groups.js';
import { EXPLAINED_MESSAGES } from './messages.js';

/**
 * The diagnosis as findings of its own rule (`check: diagnosis.culprit`),
 * each followed by the findings it explains: those stay, with `data.culprit` naming the culprit
 * (the lead's `data.cell`), and a total that is probably right no longer says what it should be.
 */
export interface DiagnosisSetup {
  rules: readonly Rule[];
  severities?: Record<string, Severity | 'off'>;
  /** A message slot without data is an error (tests; see src/rules/stamp.ts). */
  strict?: boolean;
}

function tableOf(model: WorkbookModel, location: FindingLocation): Table | undefined {
  return (
    model.tables.find((t) => t.kind === location.table && t.sheet === location.sheet) ??
    model.tables.find((t) => t.kind === location.table)
  );
}

function fromText(repair: Repair): string {
  return repair.from.toFixed(Math.max(repair.from.decimalPlaces(), 2));
}

/** The cell as written now, for a sentence: "392.83 万元", or 空白. */
function written(repair: Repair, unit: string): string {
  return repair.blank ? '空白' : `${fromText(repair)} ${unit}`;
}

function value(repair: Repair): string {
  return repair.to.toFixed(repair.decimals);
}

function describe(model: WorkbookModel, repair: Repair): Record<string, string> {
  const table = tableOf(model, repair.location);
  // the row holding the cell: a one-row table's 预算数 and 决算数 blocks are two rows of one key
  const rows = table?.rows.filter((r) => r.key.id === repair.location.rowKey) ?? [];
  const row =
    rows.find((r) => {
      const cell = r.cells[repair.location.column ?? ''];
      return cell !== undefined && cell.ref.cell === repair.location.cell && cell.ref.sheet === repair.location.sheet;
    }) ?? rows[0];
  const unit = table?.unit ?? '';
  return {
    table: table?.name ?? '',
    tableKind: table?.kind ?? repair.location.table ?? '',
    row: table && row ? describeRow(table, row) : (repair.location.rowKey ?? ''),
    rowKey: repair.location.rowKey ?? '',
    column: table ? columnName(table, repair.location.column ?? '', row?.block) : (repair.location.column ?? ''),
    cell: cellName(repair.location),
    sheet: repair.location.sheet ?? '',
    // the figures columns of the formats: what the cell should be and what it is
    expected: value(repair),
    actual: repair.blank ? '空白' : fromText(repair),
    written: written(repair, unit),
    value: value(repair),
    unit,
  };
}

/** "t03.total-leaves（支出决算表!F8）、t03.row-total（支出决算表!E9）" */
function listed(findings: readonly Finding[]): string {
  return findings.map((f) => `${f.ruleId}（${cellName(f.location)}）`).join('、');
}

/**
 * The findings of the identities a diagnosis explains, in the order of the findings. Looked up by
 * position, not by a pass over every finding: a workbook with thousands of failing rows has
 * thousands of diagnoses, and a pass each was quadratic.
 */
function explainedFindings(diagnosis: Diagnosis, position: ReadonlyMap<Finding, number>): Finding[] {
  const mine = new Set<Finding>();
  for (const identity of diagnosis.explains)
    if (identity.finding && position.has(identity.finding)) mine.add(identity.finding);
  return [...mine].sort((a, b) => (position.get(a) as number) - (position.get(b) as number));
}

interface Lead {
  messageId: string;
  data: Record<string, string>;
  location: FindingLocation;
  related: FindingLocation[];
  /** Cells the explained findings should name as the culprit (none when ambiguous). */
  culprits: Repair[];
}

function lead(diagnosis: Diagnosis, explained: Finding[], model: WorkbookModel): Lead | null {
  const errors = explained.every((f) => f.severity === 'error');
  const common = { count: String(explained.length), what: errors ? '错误' : '问题', explains: listed(explained) };
  const anchors = explained.map((f) => f.location);
  const [first, ...others] = diagnosis.alternatives;
  if (!first) return null;
  if (others.length === 0 && first.length === 1) {
    const repair = first[0] as Repair;
    return {
      messageId: 'culprit',
      data: { ...describe(model, repair), ...common },
      location: repair.location,
      related: anchors,
      culprits: [repair],
    };
  }
  if (others.length === 0 && first.length === 2) {
    const [a, b] = first as [Repair, Repair];
    const second = describe(model, b);
    return {
      messageId: 'culprit-pair',
      data: {
        ...describe(model, a),
        cell: `${cellName(a.location)}、${cellName(b.location)}`,
        cell1: cellName(a.location),
        cell2: second.cell,
        value2: second.value,
        written2: second.written,
        ...common,
      },
      location: a.location,
      related: [b.location, ...anchors],
      culprits: [a, b],
    };
  }
  // several would do: say so, name them all (a handful at most), and pretend to know none
  const alternatives = diagnosis.alternatives;
  if (alternatives.length > MAX_ALTERNATIVES) return null;
  const pairs = alternatives.some((a) => a.length > 1);
  const text = (repairs: Repair[]) => repairs.map((r) => `${cellName(r.location)} 改为 ${value(r)}`).join(' 且 ');
  const candidates = alternatives.map(text).join('；');
  const cells = alternatives.map((a) => a.map((r) => cellName(r.location)).join('+'));
  const where = (first[0] as Repair).location;
  const table = tableOf(model, where);
  return {
    messageId: 'culprit-ambiguous',
    data: {
      ...common,
      cell: `${cells.join('、')} 之一`,
      candidates,
      unitWord: pairs ? '组单元格' : '单元格',
      table: table?.name ?? '',
      tableKind: table?.kind ?? where.table ?? '',
      sheet: where.sheet ?? '',
    },
    location: {
      file: where.file,
      ...(where.sheet ? { sheet: where.sheet } : {}),
      ...(where.table ? { table: where.table } : {}),
      ...sharedRow(alternatives.flat().map((r) => r.location)),
    },
    related: [...alternatives.flat().map((r) => r.location), ...anchors],
    culprits: [],
  };
}

/**
 * Where the cells a diagnosis cannot choose between lie together: their row, and in a report as
 * published its page, line and table number, when all the cells share them ("第 6 行" of a text
 * report rather than the whole table's "第 1–9 行"). Never a cell: none is named the culprit.
 */
function sharedRow(locations: readonly FindingLocation[]): Partial<FindingLocation> {
  const [first, ...rest] = locations;
  if (!first || rest.some((l) => l.sheet !== first.sheet)) return {};
  const out: Partial<FindingLocation> = {};
  for (const key of ['rowKey', 'page', 'line', 'tableNumber', 'row'] as const) {
    const value = first[key];
    if (value !== undefined && rest.every((l) => l[key] === value)) Object.assign(out, { [key]: value });
  }
  return out;
}

function isCulpritCell(location: FindingLocation, culprits: readonly Repair[]): boolean {
  return culprits.some((r) => r.location.sheet === location.sheet && r.location.cell === location.cell);
}

/** An explained finding names its culprit; a total that is probably right stops saying what it should be. */
function explain(finding: Finding, lead: Lead, rules: ReadonlyMap<string, Rule>): Finding {
  const data: Record<string, string> = { ...finding.data, culprit: lead.data.cell as string };
  if (lead.culprits.length > 0) data.culpritValue = lead.culprits.map(value).join('、');
  const template = EXPLAINED_MESSAGES[finding.messageId];
  const ownMessage = rules.get(finding.ruleId)?.message !== undefined;
  const reword = lead.culprits.length > 0 && template && !ownMessage && !isCulpritCell(finding.location, lead.culprits);
  return { ...finding, data, message: reword ? render(template, data) : finding.message };
}

/**
 * Runs the diagnosis on a document's identities and returns its findings with the diagnosis findings
 * added: each lead directly before the findings it explains, groups where their first finding was.
 */
export function withDiagnosis(
  findings: readonly Finding[],
  identities: readonly Identity[],
  model: WorkbookModel,
  setup: DiagnosisSetup,
): Finding[] {
  const rule = setup.rules.find((r) => r.check === 'diagnosis.culprit');
  const severity = rule ? (setup.severities?.[rule.id] ?? rule.severity) : 'off';
  if (!rule || severity === 'off' || !identities.some((i) => !i.holds)) return [...findings];
  const targets = identities.reduce((n, i) => (!i.holds && i.required ? n + 1 : n), 0);
  if (targets > LIMITS.diagnosisTargets) {
    const data = { count: String(targets), limit: String(LIMITS.diagnosisTargets) };
    const note = { messageId: 'too-many', data, location: { file: model.file }, related: [] };
    return [stamp(rule, severity, note, { strict: setup.strict ?? false }), ...findings];
  }
  const rules = new Map(setup.rules.map((r) => [r.id, r]));
  const replaced = new Map<Finding, Finding[]>();
  const taken = new Set<Finding>();
  const position = new Map(findings.map((f, i) => [f, i]));
  for (const diagnosis of diagnose(identities)) {
    const explained = explainedFindings(diagnosis, position).filter((f) => !taken.has(f));
    if (explained.length === 0) continue;
    const found = lead(diagnosis, explained, model);
    if (!found) continue;
    // the one stamp: the rule's metadata, its own message or the implementation's template
    const head = stamp(rule, severity, found, { strict: setup.strict ?? false });
    for (const f of explained) taken.add(f);
    replaced.set(explained[0] as Finding, [head, ...explained.map((f) => explain(f, found, rules))]);
  }
  return findings.flatMap((f) => replaced.get(f) ?? (taken.has(f) ? [] : [f]));
}
