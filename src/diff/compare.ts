import { refText } from '../model/place.js';
import { Decimal } from 'decimal.js';
import type { Table, TableRow, WorkbookModel } from '../model/types.js';
import { loadCatalog } from '../catalog/load-catalog.js';
import type { AmountCell, Unit } from '../model/types.js';
import { blockName, columnName, describeRow } from '../rules/eval/describe.js';
import { differs, inWan } from './amount.js';
import { pairRows, type RowPair } from './match.js';
import type { CellChange, ClassTotal, DiffSide, RowDiff, TableDiff, Thresholds, WorkbookDiff } from './types.js';

/** Default flagging: at least 30% and at least 10 万元 (both). */
export const DEFAULT_THRESHOLDS: Thresholds = { rate: new Decimal(30), amount: new Decimal(10) };

const HUNDRED = new Decimal(100);

function firstOfKind(model: WorkbookModel): Map<string, Table> {
  const tables = new Map<string, Table>();
  for (const t of model.tables) if (!tables.has(t.kind)) tables.set(t.kind, t);
  return tables;
}

function side(model: WorkbookModel): DiffSide {
  const s: DiffSide = { file: model.file };
  if (model.department !== undefined) s.department = model.department;
  if (model.year !== undefined) s.year = model.year;
  if (model.unit !== undefined) s.unit = model.unit;
  return s;
}

export function isFlagged(change: Decimal, rate: Decimal | null, thresholds: Thresholds): boolean {
  if (change.abs().lt(thresholds.amount)) return false;
  return rate === null || rate.abs().gte(thresholds.rate);
}

/** The amount columns of a row in either year, this year's order first. */
function columnsOf(pair: RowPair, prior: Table | undefined, current: Table | undefined): string[] {
  const ids = [...Object.keys(pair.current?.cells ?? {}), ...Object.keys(pair.prior?.cells ?? {})];
  const order = [...(current?.columns ?? []), ...(prior?.columns ?? [])].map((c) => c.id);
  return [...new Set(ids)].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

/** Places to show an amount in 万元: as written in a 万元 table (at least 2), 2 once converted from 元. */
function shownPlaces(cell: AmountCell | undefined, unit: Unit | undefined): number {
  return unit === '万元' && cell?.state === 'number' ? Math.max(2, cell.decimals) : 2;
}

function place(row: TableRow | undefined, column: string): string | undefined {
  const cell = row?.cells[column];
  return cell ? `${refText(cell.ref)}` : undefined;
}

function cellChange(
  pair: RowPair,
  column: string,
  prior: Table | undefined,
  current: Table | undefined,
  thresholds: Thresholds,
): CellChange | undefined {
  const a = prior ? inWan(pair.prior?.cells[column], prior.unit) : { value: null, places: Infinity };
  const b = current ? inWan(pair.current?.cells[column], current.unit) : { value: null, places: Infinity };
  // an unreadable cell (check reports it) cannot be compared
  if (!a || !b || !differs(a, b)) return undefined;
  const before = a.value ?? new Decimal(0);
  const change = (b.value ?? new Decimal(0)).minus(before);
  const rate = before.isZero() ? null : change.mul(HUNDRED).div(before.abs());
  const table = (current ?? prior) as Table;
  const row = (pair.current ?? pair.prior) as TableRow;
  const result: CellChange = {
    column,
    columnName: columnName(table, column, row.block),
    prior: a.value,
    current: b.value,
    change,
    rate,
    flagged: isFlagged(change, rate, thresholds),
    places: Math.max(
      shownPlaces(pair.prior?.cells[column], prior?.unit),
      shownPlaces(pair.current?.cells[column], current?.unit),
    ),
  };
  const priorCell = place(pair.prior, column);
  const currentCell = place(pair.current, column);
  if (priorCell) result.priorCell = priorCell;
  if (currentCell) result.currentCell = currentCell;
  return result;
}

/** Labels written in more than one block of a table (01's 总计 on both sides): the block must be named. */
function sharedLabels(tables: (Table | undefined)[]): Set<string> {
  const blocks = new Map<string, Set<string>>();
  for (const t of tables)
    for (const r of t?.rows ?? []) {
      const label = r.label.trim();
      if (label) blocks.set(label, (blocks.get(label) ?? new Set()).add(r.block));
    }
  return new Set([...blocks].filter(([, b]) => b.size > 1).map(([label]) => label));
}

function rowDiff(
  pair: RowPair,
  prior: Table | undefined,
  current: Table | undefined,
  thresholds: Thresholds,
  shared: ReadonlySet<string>,
): RowDiff {
  const row = (pair.current ?? pair.prior) as TableRow;
  const table = (pair.current ? current : prior) as Table;
  const label = describeRow(table, row);
  const diff: RowDiff = {
    match: pair.match,
    rowKey: row.key.id,
    block: row.block,
    label: shared.has(row.label.trim()) ? `${blockName(table, row.block)} · ${label}` : label,
    status: pair.prior && pair.current ? 'matched' : pair.current ? 'added' : 'removed',
    changes: columnsOf(pair, prior, current).flatMap((c) => cellChange(pair, c, prior, current, thresholds) ?? []),
  };
  if (row.key.code !== undefined) diff.code = row.key.code;
  return diff;
}

function tableDiff(
  kind: string,
  prior: Table | undefined,
  current: Table | undefined,
  thresholds: Thresholds,
): TableDiff {
  const shared = sharedLabels([prior, current]);
  // side-by-side blocks (01/04 收入|支出) one after the other, in the catalog's order, not interleaved by sheet row
  const blocks =
    loadCatalog()
      .tables.find((t) => t.kind === kind)
      ?.blocks.map((b) => b.id) ?? [];
  const rows = pairRows(prior, current)
    .map((p) => rowDiff(p, prior, current, thresholds, shared))
    .map((row, index) => ({ row, index, block: blocks.indexOf(row.block) }))
    .sort((a, b) => a.block - b.block || a.index - b.index)
    .map((x) => x.row);
  return {
    kind,
    name: (current ?? prior)?.name ?? kind,
    status: prior && current ? 'both' : current ? 'added' : 'removed',
    rows: rows.filter((r) => r.status !== 'matched' || r.changes.length > 0),
    unchangedRows: rows.filter((r) => r.status === 'matched' && r.changes.length === 0).length,
  };
}

/** 01's expenditure classes (类) with an amount in either year, in the table's order. */
function classTotals(prior: Table | undefined, current: Table | undefined): ClassTotal[] {
  const out: ClassTotal[] = [];
  for (const pair of pairRows(prior, current)) {
    const row = (pair.current ?? pair.prior) as TableRow;
    if (row.block !== 'expenditure' || row.key.level !== '类' || row.key.code === undefined) continue;
    const a = prior ? (inWan(pair.prior?.cells.amount, prior.unit)?.value ?? null) : null;
    const b = current ? (inWan(pair.current?.cells.amount, current.unit)?.value ?? null) : null;
    if ((a === null || a.isZero()) && (b === null || b.isZero())) continue;
    const name = row.label.replace(/^[一二三四五六七八九十]+、/, '').trim();
    const places = Math.max(
      shownPlaces(pair.prior?.cells.amount, prior?.unit),
      shownPlaces(pair.current?.cells.amount, current?.unit),
    );
    out.push({ code: row.key.code, name, prior: a, current: b, places });
  }
  return out;
}

function notesOf(prior: WorkbookModel, current: WorkbookModel): string[] {
  const notes: string[] = [];
  const units = new Set([...prior.tables, ...current.tables].map((t) => t.unit));
  if (units.size > 1) {
    notes.push(
      `两个文件的金额单位不同（上年 ${prior.unit ?? '未识别'}，本年 ${current.unit ?? '未识别'}）：都换算为万元比较，按两边中较粗的精度判断是否变动，舍入差异不算变动。`,
    );
  } else if (units.has('元')) {
    notes.push('两个文件的金额单位都是元：换算为万元列出。');
  }
  if (prior.department && current.department && prior.department !== current.department) {
    notes.push(`两个文件的部门不同：上年「${prior.department}」，本年「${current.department}」。`);
  }
  if (prior.year !== undefined && current.year !== undefined && prior.year >= current.year) {
    notes.push(
      `上年文件的年度（${prior.year}）不早于本年文件（${current.year}），请确认两个文件的顺序：juesuan diff 上年.xlsx 本年.xlsx。`,
    );
  }
  return notes;
}

/** Compares last year's workbook with this year's, table by table and row by row. Pure. */
export function diffWorkbooks(
  prior: WorkbookModel,
  current: WorkbookModel,
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
): WorkbookDiff {
  const before = firstOfKind(prior);
  const after = firstOfKind(current);
  const kinds = [...new Set([...after.keys(), ...before.keys()])].sort();
  const tables = kinds.map((k) => tableDiff(k, before.get(k), after.get(k), thresholds));
  const rows = tables.flatMap((t) => t.rows);
  const changes = rows.flatMap((r) => r.changes);
  return {
    prior: side(prior),
    current: side(current),
    thresholds,
    tables,
    classTotals: classTotals(before.get('01'), after.get('01')),
    summary: {
      tables: tables.length,
      rowsAdded: rows.filter((r) => r.status === 'added').length,
      rowsRemoved: rows.filter((r) => r.status === 'removed').length,
      changes: changes.length,
      flagged: changes.filter((c) => c.flagged).length,
    },
    notes: notesOf(prior, current),
  };
}
