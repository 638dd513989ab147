import { Decimal } from 'decimal.js';
import { placeFields, refText } from '../model/place.js';
import type { Finding, FindingLocation, Severity } from '../model/finding.js';
import type { Identity, IdentityTerm } from '../model/identity.js';
import type { CellRef, Table, TableRow, WorkbookModel } from '../model/types.js';
import { type Approx, compareEq, compareGe, compareLe, type Comparison, unitFactor } from '../money/interval.js';
import { money } from '../money/text.js';
import { columnName, describeRow } from './eval/describe.js';
import { sideText } from './messages.js';
import { evaluate, type EvalContext, type Term } from './eval/evaluate.js';
import { compareMicros, MicroApprox, MicroComparison, moneyOfMicros, radiusTextOfMicros } from './eval/micros.js';
import { filterRows } from './eval/filter-rows.js';
import { type IndexOf, tableIndexes } from './eval/table-index.js';
import type { EvaluatedIdentity, Op, RawFinding, Rule } from './types.js';

const COMPARE: Record<Op, (a: Parameters<typeof compareEq>[0], b: Parameters<typeof compareEq>[1]) => Comparison> = {
  '=': compareEq,
  '<=': compareLe,
  '>=': compareGe,
};
const MESSAGE_ID: Record<Op, string> = { '=': 'not-equal', '<=': 'too-large', '>=': 'too-small' };
const OP_TEXT: Record<Op, string> = { '=': '=', '<=': '≤', '>=': '≥' };

export function firstTables(model: WorkbookModel): Map<string, Table> {
  const tables = new Map<string, Table>();
  for (const t of model.tables) if (!tables.has(t.kind)) tables.set(t.kind, t);
  return tables;
}

/** What every finding about one amount cell names it by in its message: table, row, column, cell and sheet. */
export function cellData(term: Pick<Term, 'table' | 'row' | 'column' | 'cell'>): Record<string, string> {
  const { table, row, column, cell } = term;
  return {
    table: table.name,
    tableKind: table.kind,
    row: describeRow(table, row),
    rowKey: row.key.id,
    column: columnName(table, column, row.block),
    cell: refText(cell.ref),
    sheet: cell.ref.sheet,
  };
}

export function termLocation(term: Pick<Term, 'table' | 'row' | 'column' | 'cell'>): FindingLocation {
  const { table, row, column, cell } = term;
  return {
    file: cell.ref.file,
    sheet: cell.ref.sheet,
    cell: cell.ref.cell,
    table: table.kind,
    rowKey: row.key.id,
    column,
    ...placeFields(cell.ref.place),
  };
}

function applies(rule: Rule, tables: Map<string, Table>): boolean {
  if (rule.when?.present?.some((k) => !tables.has(k))) return false;
  if (rule.when?.nonEmpty?.some((k) => tables.get(k)?.empty !== false)) return false;
  return true;
}

function columnsFor(rule: Rule, table: Table, row: TableRow | undefined): (string | undefined)[] {
  const columns = rule.forEach?.columns;
  if (!columns) return [undefined];
  if (columns !== 'all') return columns;
  return table.columns.filter((c) => row === undefined || c.block === row.block).map((c) => c.id);
}

/** Related cells: every other term, except blank cells a sumRows merely swept up (noise). */
function related(terms: Term[], location: FindingLocation): FindingLocation[] {
  const seen = new Set([`${location.sheet}!${location.cell}`]);
  const out: FindingLocation[] = [];
  for (const t of terms) {
    if (!t.direct && t.cell.state === 'blank') continue;
    const key = `${t.cell.ref.sheet}!${t.cell.ref.cell}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(termLocation(t));
  }
  return out;
}

/** A side that is one cell left blank (not a sum that happens to be zero). */
function isBlankCell(terms: Term[]): boolean {
  return terms.length === 1 && terms[0]?.cell.state === 'blank';
}

const ZERO = new Decimal(0);
const ONE = new Decimal(1);
const MINUS_ONE = new Decimal(-1);

/** The identity's cells as plain data: left side positive, right side negative, in the rule's unit. */
function identityTerms(left: Term[], right: Term[], ctx: EvalContext, previous?: WorkbookModel): IdentityTerm[] {
  const term = (t: Term, sign: 1 | -1): IdentityTerm => {
    const factor = t.table.unit === ctx.unit ? ONE : unitFactor(t.table.unit, ctx.unit);
    const negative = t.negative ? sign === 1 : sign === -1;
    return {
      location: termLocation(t),
      value: t.cell.value ?? ZERO,
      blank: t.cell.state !== 'number',
      decimals: t.cell.decimals,
      coefficient: negative ? (factor === ONE ? MINUS_ONE : factor.neg()) : factor,
      editable: !previous?.tables.includes(t.table),
    };
  };
  return [...left.map((t) => term(t, 1)), ...right.map((t) => term(t, -1))];
}

/**
 * What the identities of one rule share: the assertion and where it is evaluated, all but the row
 * and column (one object per rule, not one per identity).
 */
interface IdentityScope {
  readonly assertion: NonNullable<Rule['assert']>;
  readonly tables: Map<string, Table>;
  readonly previousTables: Map<string, Table> | undefined;
  readonly table: Table;
  readonly indexOf: IndexOf;
  readonly previous: WorkbookModel | undefined;
}

/**
 * An identity as evaluated: whether it holds is known at once; its terms as plain data, and its
 * difference and tolerance as Decimals, are made when something reads them (a diagnosis looks at
 * the identities only when an error-level one fails). Only the comparison, the row and column it
 * was evaluated at and its cells' places are kept, the rest is the rule's (IdentityScope): the
 * terms are evaluated again when asked for (evaluation is pure), so the thousands of identities of
 * a large workbook hold no term lists or contexts of their own.
 */
class AssertedIdentity implements Identity {
  private identityTerms: IdentityTerm[] | undefined;
  /** Set by the engine (runRules) when it collects the identity. */
  ruleId = '';
  severity: Severity = 'error';
  required = false;
  finding?: Finding;

  constructor(
    private readonly scope: IdentityScope,
    private readonly comparison: Comparison,
    private readonly row: TableRow | undefined,
    private readonly column: string | undefined,
    /** The cells' references as evaluated (objects of the model, no copies): see Identity.places. */
    readonly places: readonly CellRef[],
  ) {}

  get holds(): boolean {
    return this.comparison.consistent;
  }

  get op(): Op {
    return this.scope.assertion.op;
  }

  get terms(): IdentityTerm[] {
    if (this.identityTerms === undefined) {
      const { assertion, previous } = this.scope;
      // the context checkAssertion evaluated the identity in
      const ctx = contextAt(this.scope, this.row, this.column);
      const left = evaluate(assertion.left, ctx, false);
      const right = evaluate(assertion.right, ctx, false);
      this.identityTerms =
        left.state === 'ok' && right.state === 'ok' ? identityTerms(left.terms, right.terms, ctx, previous) : [];
    }
    return this.identityTerms;
  }

  get difference(): Decimal {
    return this.comparison.difference;
  }

  get tolerance(): Decimal {
    return this.comparison.tolerance;
  }
}

/** Where an identity of the rule is evaluated: its scope at a row and column (either may be none). */
function contextAt(scope: IdentityScope, row: TableRow | undefined, column: string | undefined): EvalContext {
  const { tables, previousTables, table, indexOf } = scope;
  const ctx: EvalContext = { tables, table, unit: table.unit, indexOf };
  if (previousTables) ctx.previous = previousTables;
  if (row) ctx.row = row;
  if (column) ctx.column = column;
  return ctx;
}

/** The cells of both sides' terms, in order, in an array of exactly their number. */
function placesOf(left: readonly Term[], right: readonly Term[]): CellRef[] {
  const places = new Array<CellRef>(left.length + right.length);
  let i = 0;
  for (const t of left) places[i++] = t.cell.ref;
  for (const t of right) places[i++] = t.cell.ref;
  return places;
}

/** An amount as findings show it (money), from millionths when the sum was made in them. */
function moneyText(value: Approx): string {
  return value instanceof MicroApprox ? moneyOfMicros(value.micros) : money(value.value);
}

/** Rerouted by the engine to the rules.not-applied rule (info by default): see runRules. */
export const NOT_APPLIED = 'not-applied';

function notApplied(rule: Rule, table: Table, missing: string): RawFinding {
  return {
    messageId: NOT_APPLIED,
    data: { rule: rule.id, title: rule.title, missing, table: table.name, tableKind: table.kind, sheet: table.sheet },
    location: { file: table.file, sheet: table.sheet, table: table.kind },
    related: [],
  };
}

/**
 * Evaluates an `assert` rule on every row (and column) it ranges over. A rule that compares with
 * the previous year (`previous: true`) is checked only when that workbook is given. `onIdentity`
 * receives every identity evaluated, holding or not (for the culprit diagnosis, src/diagnosis).
 */
export function checkAssertion(
  rule: Rule,
  model: WorkbookModel,
  previous?: WorkbookModel,
  indexOf: IndexOf = tableIndexes(),
  onIdentity?: (identity: EvaluatedIdentity) => void,
): RawFinding[] {
  const assertion = rule.assert;
  if (rule.previous && !previous) return [];
  const tables = firstTables(model);
  const previousTables = previous ? firstTables(previous) : undefined;
  const table = rule.table ? tables.get(rule.table) : undefined;
  if (!assertion || !table || !applies(rule, tables)) return [];
  // a table cut by the page's edge is not all read: tables.clipped says so, no identity checks it
  if (table.clipped) return [];
  const rows: (TableRow | undefined)[] = rule.forEach
    ? (filterRows(indexOf(table), rule.forEach, undefined) ?? [])
    : [undefined];
  const findings: RawFinding[] = [];
  const scope: IdentityScope = { assertion, tables, previousTables, table, indexOf, previous };
  // within forEach, a column the header may have left unnamed is said once for the rule, not per row
  let unnamedColumnSaid = false;
  for (const row of rows) {
    for (const column of columnsFor(rule, table, row)) {
      const ctx = contextAt(scope, row, column);
      const left = evaluate(assertion.left, ctx);
      const right = evaluate(assertion.right, ctx);
      // a single identity whose named row is not in the table is said once, not skipped silently;
      // within forEach an unmatched row only means the identity does not apply to that row
      if (!rule.forEach && (left.state === 'unresolved' || right.state === 'unresolved')) {
        return [
          notApplied(
            rule,
            table,
            left.state === 'unresolved' ? left.missing : right.state === 'unresolved' ? right.missing : '',
          ),
        ];
      }
      const unnamed =
        left.state === 'unresolved' && left.column
          ? left
          : right.state === 'unresolved' && right.column
            ? right
            : undefined;
      if (unnamed && !unnamedColumnSaid) {
        unnamedColumnSaid = true;
        findings.push(notApplied(rule, table, unnamed.missing));
      }
      if (left.state !== 'ok' || right.state !== 'ok') continue;
      if (left.terms.some((t) => t.table.clipped) || right.terms.some((t) => t.table.clipped)) continue;
      const result =
        (left.value instanceof MicroApprox &&
          right.value instanceof MicroApprox &&
          compareMicros(assertion.op, left.value, right.value)) ||
        COMPARE[assertion.op](left.value, right.value);
      let identity: EvaluatedIdentity | undefined;
      if (onIdentity) {
        identity = new AssertedIdentity(scope, result, row, column, placesOf(left.terms, right.terms));
        onIdentity(identity);
      }
      if (result.consistent) continue;
      const anchor = left.terms[0] ?? right.terms[0];
      const location: FindingLocation = anchor
        ? termLocation(anchor)
        : { file: table.file, sheet: table.sheet, table: table.kind };
      const anchorTable = anchor?.table ?? table;
      const actual = moneyText(left.value);
      const expected = moneyText(right.value);
      const micro = result instanceof MicroComparison;
      findings.push({
        messageId: MESSAGE_ID[assertion.op],
        data: {
          table: anchorTable.name,
          tableKind: anchorTable.kind,
          row: anchor ? describeRow(anchorTable, anchor.row) : '',
          rowKey: anchor?.row.key.id ?? '',
          column: anchor ? columnName(anchorTable, anchor.column, anchor.row.block) : '',
          cell: anchor ? refText(anchor.cell.ref) : table.sheet,
          sheet: anchor?.cell.ref.sheet ?? table.sheet,
          actual,
          expected,
          actualText: sideText(actual, table.unit, isBlankCell(left.terms)),
          expectedText: sideText(expected, table.unit, isBlankCell(right.terms)),
          difference: micro ? moneyOfMicros(result.differenceMicros) : money(result.difference),
          tolerance: micro ? radiusTextOfMicros(result.toleranceMicros) : result.tolerance.toFixed(),
          unit: table.unit,
          op: OP_TEXT[assertion.op],
          left: left.text(),
          right: right.text(),
        },
        location,
        related: related([...left.terms, ...right.terms], location),
        ...(identity ? { identity } : {}),
      });
    }
  }
  return findings;
}
