import { loadCatalog } from '../../src/catalog/load-catalog.js';
import type { CatalogTable } from '../../src/catalog/types.js';
import type {
  AmountCell,
  CodeLevel,
  RowKey,
  Table,
  TableColumn,
  TableRow,
  Unit,
  WorkbookModel,
} from '../../src/model/types.js';
import { parseAmount } from '../../src/reader/amount.js';
import { labelKey } from '../../src/util/text.js';

/**
 * A compact builder of WorkbookModel from literal rows, for rule tests (no exceljs involved).
 *
 * Amounts are written as text exactly as a sheet would show them ("398.17", "46.10", "-", "")
 * and parsed by the reader's own parseAmount, so decimals and blank/unreadable states are real.
 * Sheets are named after the table; amount columns get letters C, D, … in catalog order; each
 * block numbers its rows from sheet row 5, so the income and expenditure sides of 01/04 share
 * rows as on paper. Use `addr()` rather than hard-coding addresses in tests.
 */
export type CellText = string | number | null;

export interface RowSpec {
  block?: string;
  line?: number;
  code?: string;
  label?: string;
  /** Catalog role; for line tables it is found from the label when omitted. */
  role?: string;
  total?: boolean;
  cells?: Record<string, CellText>;
  sheetRow?: number;
}

export interface TableOptions {
  unit?: Unit;
  sheet?: string;
  /** Amount columns the table has (default: every catalog column). */
  columns?: string[];
  file?: string;
  /** Note lines below the table. */
  notes?: string[];
}

export const FILE = 'test.xlsx';

function catalogTable(kind: string): CatalogTable {
  const table = loadCatalog().tables.find((t) => t.kind === kind);
  if (!table) throw new Error(`model-builder: unknown table kind ${kind}`);
  return table;
}

function letter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function columnsOf(catalog: CatalogTable, only?: string[]): TableColumn[] {
  const out: TableColumn[] = [];
  let index = 2;
  for (const block of catalog.blocks) {
    for (const c of block.columns) {
      const col = letter(index);
      index += 1;
      if (only && !only.includes(c.id)) continue;
      out.push({ id: c.id, block: block.id, name: c.name, header: c.name, col });
    }
  }
  return out;
}

export function amountCell(text: CellText, file: string, sheet: string, cell: string): AmountCell {
  const raw = text === null ? '' : String(text);
  const parsed = parseAmount(raw);
  const result: AmountCell = {
    ref: { file, sheet, cell },
    raw,
    state: parsed.state,
    value: parsed.value,
    decimals: parsed.decimals,
  };
  if (parsed.reason) result.reason = parsed.reason;
  return result;
}

function levelOf(code: string, scheme: 'function' | 'economic'): CodeLevel {
  if (code.length === 3) return '类';
  if (code.length === 5) return '款';
  if (scheme === 'function' && code.length === 7) return '项';
  throw new Error(`model-builder: bad ${scheme} code ${code}`);
}

/** Role from the label, like the reader: first untaken role whose label matches (after `after`). */
function roleFinder(catalog: CatalogTable) {
  // like the reader: one matcher per block, one for the table-wide summary roles
  const taken = new Set<string>();
  return (block: string, label: string): string | undefined => {
    const blockRoles = (catalog.blocks.find((b) => b.id === block)?.roles ?? []).map((r) => ({ r, scope: block }));
    const roles = [...blockRoles, ...catalog.summaryRoles.map((r) => ({ r, scope: '*' }))];
    for (const { r, scope } of roles) {
      if (taken.has(`${scope}/${r.role}`) || (r.after && !taken.has(`${scope}/${r.after}`))) continue;
      if (r.labels.some((l) => labelKey(l) === labelKey(label))) {
        taken.add(`${scope}/${r.role}`);
        return r.role;
      }
    }
    return undefined;
  };
}

function classCode(label: string): string | undefined {
  const key = labelKey(label);
  return Object.entries(loadCatalog().functionClasses).find(([, names]) => names.some((n) => labelKey(n) === key))?.[0];
}

function keyOf(spec: RowSpec, catalog: CatalogTable, block: string): RowKey {
  if (spec.total) return { id: 'TOTAL', total: true };
  const scheme = catalog.rowKey === 'economic-code' ? 'economic' : 'function';
  const code =
    spec.code ??
    (catalog.blocks.find((b) => b.id === block)?.classRows && spec.role === undefined
      ? classCode(spec.label ?? '')
      : undefined);
  let key: RowKey;
  if (spec.line !== undefined) key = { id: `L${spec.line}`, line: spec.line };
  else if (code !== undefined) key = { id: `${scheme === 'economic' ? 'E' : 'F'}${code}` };
  else if (catalog.rowKey === 'single') key = { id: 'ROW' };
  else if (spec.role !== undefined) key = { id: `R:${spec.role}` };
  else key = { id: `T:${labelKey(spec.label ?? '')}` };
  if (code !== undefined) Object.assign(key, { code, scheme, level: levelOf(code, scheme) });
  return key;
}

/** One table of the given kind from row specs. */
export function table(kind: string, specs: RowSpec[], options: TableOptions = {}): Table {
  const catalog = catalogTable(kind);
  const file = options.file ?? FILE;
  const sheet = options.sheet ?? catalog.name;
  const columns = columnsOf(catalog, options.columns);
  const findRole = roleFinder(catalog);
  const nextRow = new Map<string, number>();
  const rows: TableRow[] = specs.map((spec) => {
    const block = spec.block ?? catalog.blocks[0]?.id ?? 'main';
    const sheetRow = spec.sheetRow ?? nextRow.get(block) ?? 5;
    nextRow.set(block, sheetRow + 1);
    const role = spec.role ?? (catalog.rowKey === 'line' || spec.label ? findRole(block, spec.label ?? '') : undefined);
    const withRole = role !== undefined && spec.role === undefined ? { ...spec, role } : spec;
    const cells: Record<string, AmountCell> = {};
    for (const c of columns.filter((col) => col.block === block)) {
      cells[c.id] = amountCell(spec.cells?.[c.id] ?? null, file, sheet, `${c.col}${sheetRow}`);
    }
    const row: TableRow = {
      key: keyOf(withRole, catalog, block),
      label: spec.label ?? '',
      block,
      cells,
      sheetRow,
      hidden: false,
    };
    if (role !== undefined) row.role = role;
    return row;
  });
  const known = new Set(catalog.blocks.flatMap((b) => b.columns.map((c) => c.id)));
  const unknown = specs.flatMap((s) => Object.keys(s.cells ?? {})).find((id) => !known.has(id));
  if (unknown) throw new Error(`model-builder: table ${kind} has no column ${unknown}`);
  const empty = !rows.some((r) => Object.values(r.cells).some((c) => c.value !== null && !c.value.isZero()));
  return {
    kind,
    name: catalog.name,
    title: catalog.name,
    file,
    sheet,
    range: 'A1:Z99',
    unit: options.unit ?? '万元',
    unitSource: 'table',
    columns,
    rows,
    notes: options.notes ?? [],
    empty,
    hiddenSheet: false,
  };
}

/** Code-keyed table (02, 03, 05, 07, 08) from [code or 合计, cells] pairs; codes may carry a name. */
export function codeTable(kind: string, rows: [string, Record<string, CellText>][], options: TableOptions = {}): Table {
  return table(
    kind,
    rows.map(([head, cells]) => {
      if (head === '合计') return { total: true, label: '合计', cells };
      const [code, ...name] = head.split(' ');
      return { code: code as string, label: name.join(' '), cells };
    }),
    options,
  );
}

/** A workbook of these tables; standard kinds not given are listed as missing. */
export function model(tables: Table[], file = FILE): WorkbookModel {
  const found = new Set(tables.map((t) => t.kind));
  return {
    file,
    unit: '万元',
    tables,
    ignoredSheets: [],
    missingTables: loadCatalog()
      .tables.filter((t) => t.standard && !found.has(t.kind))
      .map((t) => ({ kind: t.kind, name: t.name })),
    unreadable: tables.flatMap((t) =>
      t.rows.flatMap((r) => Object.values(r.cells).filter((c) => c.state === 'unreadable')),
    ),
  };
}

function findRow(m: WorkbookModel, kind: string, rowKey: string, block?: string): { table: Table; row: TableRow } {
  const t = m.tables.find((x) => x.kind === kind);
  const row = t?.rows.find((r) => r.key.id === rowKey && (block === undefined || r.block === block));
  if (!t || !row) throw new Error(`model-builder: no row ${rowKey}${block ? `/${block}` : ''} in table ${kind}`);
  return { table: t, row };
}

/** "sheet!cell" of a cell, for expected findings. */
export function addr(m: WorkbookModel, kind: string, rowKey: string, column: string, block?: string): string {
  const { row } = findRow(m, kind, rowKey, block);
  const cell = row.cells[column];
  if (!cell) throw new Error(`model-builder: row ${rowKey} of ${kind} has no column ${column}`);
  return `${cell.ref.sheet}!${cell.ref.cell}`;
}

/** A deep copy of the model with one cell rewritten (as text, parsed like the reader does). */
export function withCell(
  m: WorkbookModel,
  kind: string,
  rowKey: string,
  column: string,
  text: CellText,
  block?: string,
): WorkbookModel {
  const copy = structuredCloneModel(m);
  const { table: t, row } = findRow(copy, kind, rowKey, block);
  const old = row.cells[column];
  if (!old) throw new Error(`model-builder: row ${rowKey} of ${kind} has no column ${column}`);
  row.cells[column] = amountCell(text, old.ref.file, old.ref.sheet, old.ref.cell);
  t.empty = !t.rows.some((r) => Object.values(r.cells).some((c) => c.value !== null && !c.value.isZero()));
  copy.unreadable = copy.tables.flatMap((x) =>
    x.rows.flatMap((r) => Object.values(r.cells).filter((c) => c.state === 'unreadable')),
  );
  return copy;
}

/** A copy without the given tables (reported missing like the reader would). */
export function without(m: WorkbookModel, ...kinds: string[]): WorkbookModel {
  return model(
    structuredCloneModel(m).tables.filter((t) => !kinds.includes(t.kind)),
    m.file,
  );
}

/** Copies the mutable structure; Decimal values are immutable and may be shared. */
function structuredCloneModel(m: WorkbookModel): WorkbookModel {
  const tables = m.tables.map((t) => ({
    ...t,
    columns: t.columns.map((c) => ({ ...c })),
    rows: t.rows.map((r) => ({
      ...r,
      key: { ...r.key },
      cells: Object.fromEntries(Object.entries(r.cells).map(([id, c]) => [id, { ...c, ref: { ...c.ref } }])),
    })),
  }));
  return { ...m, tables, ignoredSheets: [...m.ignoredSheets], missingTables: [...m.missingTables], unreadable: [] };
}
