import { refText } from '../../model/place.js';
import type { Approx } from '../../money/interval.js';
import { approx, exact, negate, scale, sum, unitFactor } from '../../money/interval.js';
import type { AmountCell, Table, TableRow, Unit } from '../../model/types.js';
import { labelKey } from '../../util/text.js';
import type { Expr, RowSelector } from '../types.js';
import { columnName, describeAnchors, describeRow, describeSelector, describeWhere } from './describe.js';
import { filterRows, resolveCode } from './filter-rows.js';
import { MicroApprox, microsOfDecimal } from './micros.js';
import type { IndexOf } from './table-index.js';

export interface EvalContext {
  /** The first table of each kind in the workbook. */
  tables: Map<string, Table>;
  /** The same for the previous year's workbook (`previous: true` references), when one is given. */
  previous?: Map<string, Table>;
  /** The rule's table: references without `table` point here. */
  table: Table;
  /** The forEach row, when there is one. */
  row?: TableRow;
  /** The forEach column standing for `$column`. */
  column?: string;
  /** Every amount is expressed in this unit (the rule table's) before comparing. */
  unit: Unit;
  /** The row indexes of this run's tables. */
  indexOf: IndexOf;
}

export interface Term {
  table: Table;
  row: TableRow;
  column: string;
  cell: AmountCell;
  negative: boolean;
  /** Named directly (a column or cell reference) rather than picked up by a sumRows. */
  direct: boolean;
}

/**
 * `absent`: a table or column the workbook does not have (a province that drops 经营支出): a
 * term of a sum is then left out, and a side with no term at all is not checked.
 * `unresolved`: a named row (a role, 行次, code, label) or the anchor of a row range is not in
 * the table: we cannot tell what the workbook says, so the whole assertion is skipped rather
 * than compared with part of a sum (an unrecognised label must not raise a false alarm).
 * `unreadable`: a cell it needs is not an amount; cells.unreadable reports it, and guessing a
 * value would only add a second, misleading finding.
 */
export type Evaluated =
  | { state: 'absent' }
  /**
   * `missing` names the row that was not found, for the rules.not-applied finding; `column`: a
   * column of the table's catalog the header did not show while other columns went unnamed.
   */
  | { state: 'unresolved'; missing: string; column?: true }
  | { state: 'unreadable' }
  | { state: 'ok'; terms: Term[]; value: Approx; text: () => string };

const ABSENT: Evaluated = { state: 'absent' };
/** A blank cell's value (Approx values are never modified: one serves every blank cell). */
const EXACT_ZERO: Approx = exact('0');
/** The value of a part of a sum, which nothing reads (see totalOf). */
const NOT_COMPUTED: Approx = exact('0');
const UNREADABLE: Evaluated = { state: 'unreadable' };

/**
 * The interval a cell stands for, in the target unit. A blank cell is an exact zero: the
 * publisher wrote nothing, which is a statement that there is no amount, not a rounded one
 * (the primer's 490.17 vs 490.18 bound, 0.05, counts the nine written 301 lines only).
 */
export function cellValue(cell: AmountCell, from: Unit, to: Unit): Approx | null {
  if (cell.state === 'unreadable') return null;
  const base = cell.state === 'blank' || cell.value === null ? EXACT_ZERO : approx(cell.value, cell.decimals);
  return from === to ? base : scale(base, unitFactor(from, to));
}

function columnOf(ref: string, ctx: EvalContext): string | undefined {
  return ref === '$column' ? ctx.column : ref;
}

/** ½·10⁻ᵈ in millionths, for d = 0 … 6. */
const HALF_MICROS = [500_000, 50_000, 5_000, 500, 50, 5] as const;

/**
 * The sum of terms whose cells are all in the rule's unit and exact in millionths, added as
 * integers (no Decimal made: see micros.ts); null when some term is unreadable, undefined when
 * some term is not such a cell (the Decimal sum then applies). Same value and radius as the
 * Decimal sum.
 */
function microsSum(terms: Term[], ctx: EvalContext): Approx | null | undefined {
  let micros = 0;
  let radius = 0;
  for (const t of terms) {
    const cell = t.cell;
    if (cell.state === 'unreadable') return null;
    if (t.table.unit !== ctx.unit) return undefined;
    if (cell.state === 'blank' || cell.value === null) continue;
    const half = HALF_MICROS[cell.decimals];
    if (half === undefined) return undefined;
    const m = microsOfDecimal(cell.value);
    if (m === null) return undefined;
    micros += t.negative ? -m : m;
    radius += half;
  }
  if (!Number.isSafeInteger(micros) || !Number.isSafeInteger(radius)) return undefined;
  return new MicroApprox(micros, radius);
}

function termsValue(terms: Term[], ctx: EvalContext): Approx | null {
  const fast = microsSum(terms, ctx);
  if (fast !== undefined) return fast;
  const values: Approx[] = [];
  for (const t of terms) {
    const v = cellValue(t.cell, t.table.unit, ctx.unit);
    if (!v) return null;
    values.push(t.negative ? negate(v) : v);
  }
  return sum(values);
}

function tablePrefix(table: Table, ctx: EvalContext): string {
  if (ctx.previous?.get(table.kind) === table) return `上年${table.name} `;
  return table === ctx.table ? '' : `${table.name} `;
}

/** The table a `cell`/`sumRows` reads: this year's or (previous) last year's, the rule's kind unless named. */
function tableFor(expr: { table?: string; previous?: true }, ctx: EvalContext): Table | undefined {
  if (expr.previous) return ctx.previous?.get(expr.table ?? ctx.table.kind);
  return expr.table ? ctx.tables.get(expr.table) : ctx.table;
}

/** Last year's cells are named with their address: the reader must find them in the other file. */
function priorAddress(table: Table, row: TableRow, column: string, ctx: EvalContext): string {
  const cell = row.cells[column];
  return cell && ctx.previous?.get(table.kind) === table ? `（${refText(cell.ref)}）` : '';
}

function selectRow(
  table: Table,
  selector: RowSelector,
  block: string | undefined,
  ctx: EvalContext,
): TableRow | undefined {
  const inBlock = (r: TableRow) => block === undefined || r.block === block;
  if (selector.role !== undefined) return ctx.indexOf(table).roleRow(selector.role, block);
  if (selector.code !== undefined) {
    const code = resolveCode(selector.code, ctx.row);
    return code === undefined ? undefined : ctx.indexOf(table).rowsWithCode(code).find(inBlock);
  }
  if (selector.line !== undefined) return table.rows.find((r) => inBlock(r) && r.key.line === selector.line);
  if (selector.total) return table.rows.find((r) => inBlock(r) && r.key.total === true);
  return ctx
    .indexOf(table)
    .rowsWithLabel(labelKey(selector.label ?? ''))
    .find(inBlock);
}

/**
 * The value of the terms, or only whether they have one: a part of a sum needs its terms, not its
 * own total (the sum adds up all its terms once), so its value is not worked out.
 */
function totalOf(terms: Term[], ctx: EvalContext, needed: boolean): Approx | null {
  if (needed) return termsValue(terms, ctx);
  for (const t of terms) if (t.cell.state === 'unreadable') return null;
  return NOT_COMPUTED;
}

/**
 * A column the table does not have: left out of a sum (a province that drops 经营支出) — unless
 * the header left columns with amounts unnamed (人员经费 | 公用经费 for 基本支出): the column may
 * stand among them, and a sum without it would be a false alarm, so the identity is not checked.
 */
function absentColumn(table: Table, column: string, block: string | undefined): Evaluated {
  const unmapped = table.unmapped;
  if (!unmapped || table.columns.some((c) => c.id === column && (block === undefined || c.block === block)))
    return ABSENT;
  return {
    state: 'unresolved',
    missing: `${table.name}的「${columnName(table, column, block)}」列（表中「${unmapped.join('」「')}」列未能对应到标准列）`,
    column: true,
  };
}

/**
 * A column the table has that this row does not print (上海's 07 prints its header's last words
 * where the 合计 row's 本年支出 would stand): what the table says there is not known, so the
 * assertion is not checked — never a term left out of a sum.
 */
function unprintedCell(table: Table, row: TableRow, column: string): Evaluated | undefined {
  if (!table.columns.some((c) => c.id === column && c.block === row.block)) return undefined;
  return {
    state: 'unresolved',
    missing: `${table.name}${describeRow(table, row)}的「${columnName(table, column, row.block)}」`,
  };
}

function single(
  table: Table,
  row: TableRow,
  column: string,
  ctx: EvalContext,
  text: () => string,
  needed: boolean,
): Evaluated {
  const cell = row.cells[column];
  if (!cell) return unprintedCell(table, row, column) ?? absentColumn(table, column, row.block);
  const terms: Term[] = [{ table, row, column, cell, negative: false, direct: true }];
  const value = totalOf(terms, ctx, needed);
  return value ? { state: 'ok', terms, value, text } : UNREADABLE;
}

/** Appends the terms, with their signs flipped when they are subtracted (no intermediate arrays). */
function addTerms(to: Term[], terms: Term[], minus: boolean): void {
  for (const t of terms)
    to.push(
      minus
        ? { table: t.table, row: t.row, column: t.column, cell: t.cell, negative: !t.negative, direct: t.direct }
        : t,
    );
}

/** `needValue` false: only the terms (and whether one is unreadable) are wanted, not their total. */
export function evaluate(expr: Expr, ctx: EvalContext, needValue = true): Evaluated {
  switch (expr.kind) {
    case 'column': {
      const column = columnOf(expr.column, ctx);
      if (!ctx.row || !column) return ABSENT;
      const { table, row } = { table: ctx.table, row: ctx.row };
      return single(table, row, column, ctx, () => `「${columnName(table, column, row.block)}」`, needValue);
    }
    case 'cell': {
      const table = tableFor(expr, ctx);
      const column = columnOf(expr.column, ctx);
      if (!table || !column) return ABSENT;
      const row = selectRow(table, expr.row, expr.block, ctx);
      if (!row)
        return {
          state: 'unresolved',
          missing: `${table.name}${describeSelector(table, expr.row, ctx.row?.key.code, expr.block)}`,
        };
      const text = () =>
        `${tablePrefix(table, ctx)}${describeRow(table, row)}「${columnName(table, column, row.block)}」${priorAddress(table, row, column, ctx)}`;
      return single(table, row, column, ctx, text, needValue);
    }
    case 'sum': {
      const terms: Term[] = [];
      const texts: { minus: boolean; text: () => string }[] = [];
      const count = expr.plus.length + expr.minus.length;
      for (let i = 0; i < count; i += 1) {
        const minus = i >= expr.plus.length;
        const e = (minus ? expr.minus[i - expr.plus.length] : expr.plus[i]) as Expr;
        const v = evaluate(e, ctx, false);
        if (v.state === 'unreadable' || v.state === 'unresolved') return v;
        if (v.state === 'absent') continue;
        addTerms(terms, v.terms, minus);
        texts.push({ minus, text: v.text });
      }
      if (texts.length === 0) return ABSENT;
      const value = totalOf(terms, ctx, needValue);
      // the description is only built when a finding is reported
      const text = () =>
        texts
          .map((t, i) => (i === 0 ? (t.minus ? `−${t.text()}` : t.text()) : `${t.minus ? ' − ' : ' + '}${t.text()}`))
          .join('');
      return value ? { state: 'ok', terms, value, text } : UNREADABLE;
    }
    case 'sumRows': {
      const table = tableFor(expr, ctx);
      const column = columnOf(expr.column, ctx);
      if (!table || !column) return ABSENT;
      // a table without the column at all has nothing to add up (a province that drops 经营支出)
      if (!ctx.indexOf(table).hasColumn(column)) return absentColumn(table, column, expr.block);
      const rows = filterRows(ctx.indexOf(table), expr.where, ctx.row, expr.block);
      if (!rows)
        return { state: 'unresolved', missing: `${table.name}${describeAnchors(table, expr.where, expr.block)}` };
      const terms: Term[] = [];
      for (const row of rows) {
        const cell = row.cells[column];
        if (cell) terms.push({ table, row, column, cell, negative: false, direct: false });
      }
      const value = totalOf(terms, ctx, needValue);
      if (!value) return UNREADABLE;
      const code = ctx.row?.key.code;
      const text = () =>
        `${tablePrefix(table, ctx)}${describeWhere(table, expr.where, code, expr.block)}「${columnName(table, column)}」之和`;
      return { state: 'ok', terms, value, text };
    }
  }
}
