import type { Catalog, CatalogBlock, CatalogRole, CatalogTable } from '../catalog/types.js';
import type { AmountCell, CellRef, RowKey, TableRow } from '../model/types.js';
import { isPrintedAmount } from '../util/amount-text.js';
import { labelKey, squeeze } from '../util/text.js';
import { readAmountCell } from './amount-cell.js';
import { readPercentCell } from './percent-cell.js';
import { normaliseEconomicCode, normaliseFunctionCode, parseEconomicCode, parseFunctionCode } from './codes.js';
import { address, colsOf, type Grid, rowsBetween } from '../model/grid.js';
import type { HeaderColumn, HeaderLayout } from './header.js';

export interface RowsInput {
  grid: Grid;
  file: string;
  table: CatalogTable;
  catalog: Catalog;
  layout: HeaderLayout;
  /** Last sheet row of the table's region (the row before the next title). */
  lastRow: number;
}

export interface RowsOutput {
  rows: TableRow[];
  notes: string[];
  /** Last row that held data or a note. */
  lastUsedRow: number;
}

const NOTE_START = /^(注|说明|备注|填表说明|数据来源|附注)/;
const TOTAL = /^(合计|总计)$/;

interface BlockColumns {
  block: CatalogBlock;
  label?: number;
  line?: number;
  code?: number;
  codeParts: number[];
  amounts: HeaderColumn[];
}

function blocksOf(layout: HeaderLayout): BlockColumns[] {
  const byBlock = new Map<string, BlockColumns>();
  for (const column of layout.columns) {
    let entry = byBlock.get(column.block.id);
    if (!entry) {
      entry = { block: column.block, codeParts: [], amounts: [] };
      byBlock.set(column.block.id, entry);
    }
    if (column.role.kind === 'amount') entry.amounts.push(column);
    else if (column.role.role === 'label') entry.label ??= column.col;
    else if (column.role.role === 'line') entry.line ??= column.col;
    else if (column.role.role === 'code') {
      if (entry.code === undefined) entry.code = column.col;
      else entry.codeParts.push(column.col);
    } else entry.codeParts.push(column.col);
  }
  for (const entry of byBlock.values()) {
    // a merged 编码 header over several cells, or 类/款/项 columns: read them together
    if (entry.codeParts.length > 0 && entry.code !== undefined) entry.codeParts.unshift(entry.code);
    if (entry.codeParts.length > 0) entry.code = undefined;
    entry.codeParts.sort((a, b) => a - b);
  }
  return [...byBlock.values()];
}

function ownText(grid: Grid, row: number, col: number | undefined): string {
  if (col === undefined) return '';
  const cell = grid.cell(row, col);
  return cell.mergedSlave ? '' : cell.text.trim();
}

function amountsOf(input: RowsInput, columns: HeaderColumn[], row: number): Record<string, AmountCell> {
  const hidden = input.grid.hiddenRows.has(row);
  const cells: Record<string, AmountCell> = {};
  // the header's words printed in the 合计 row stand where its amounts would: those are not given
  const words = input.layout.wordsInTotalRow;
  const headerWords = words?.row === row ? words.cols : undefined;
  for (const column of columns) {
    if (!column.column || cells[column.column.id] || headerWords?.has(column.col)) continue;
    const ref: CellRef = { file: input.file, sheet: input.grid.sheet, cell: address(row, column.col) };
    const place = input.grid.place?.(row, column.col);
    if (place) ref.place = place;
    const read = column.column.type === 'percent' ? readPercentCell : readAmountCell;
    cells[column.column.id] = read(input.grid.cell(row, column.col), ref, hidden);
  }
  return cells;
}

function hasAmount(cells: Record<string, AmountCell>): boolean {
  return Object.values(cells).some((c) => c.state !== 'blank');
}

/** A row of text below or between the data: 注：…, 本部门…无…支出。 */
function noteText(grid: Grid, row: number, amountCols: Set<number>): string | undefined {
  const texts: string[] = [];
  let noteStart = false;
  for (const col of colsOf(grid, row)) {
    const cell = grid.cell(row, col);
    if (cell.mergedSlave || cell.text.trim() === '') continue;
    if (amountCols.has(col) && cell.content.kind === 'number') return undefined;
    texts.push(cell.text.trim());
    if (texts.length === 1) noteStart = NOTE_START.test(squeeze(texts[0] as string));
    // a second text without 注/说明… first: a data row (a number further on changes nothing)
    else if (!noteStart) return undefined;
  }
  const first = texts[0];
  if (first === undefined) return undefined;
  if (noteStart) return texts.join(' ');
  // a note is one sentence in one (usually merged) cell; several cells make a data row
  if (texts.length === 1 && (/[。；]/.test(first) || squeeze(first).length > 30)) return first;
  return undefined;
}

/** The notes among the rows from `from` to `to` of a table whose columns are not known, with the last one's row. */
export function notesIn(grid: Grid, from: number, to: number): { notes: string[]; lastRow: number } {
  const notes: string[] = [];
  let lastRow = from - 1;
  for (const row of rowsBetween(grid, from, to)) {
    const note = noteText(grid, row, new Set());
    if (note === undefined) continue;
    notes.push(note);
    lastRow = row;
  }
  return { notes, lastRow };
}

/** The fewest characters of a cut label that name a row by its start (一般公共预算… yes, 年末… no). */
const CUT_LABEL_MIN = 4;

/**
 * What a label the print may have cut names: of `named` (what, under which label keys), the one
 * thing some key of which starts with the label's key; none when two things do or the label is short.
 */
function startedBy<T>(key: string, named: Iterable<[T, string[]]>): T | undefined {
  if ([...key].length < CUT_LABEL_MIN) return undefined;
  const found = new Set<T>();
  for (const [what, keys] of named) if (keys.some((k) => k.startsWith(key))) found.add(what);
  return found.size === 1 ? [...found][0] : undefined;
}

class RoleMatcher {
  private readonly taken = new Set<string>();
  constructor(private readonly roles: readonly CatalogRole[]) {}
  /**
   * The role a row's label names: the first open role with that label; for a label the print may
   * have cut (`cut`: it runs across its cell's right line), else the one open role whose label
   * starts with it — none when two do.
   */
  match(label: string, cut = false): string | undefined {
    const key = labelKey(label);
    if (key === '') return undefined;
    const open = this.roles.filter((role) => !this.taken.has(role.role) && (!role.after || this.taken.has(role.after)));
    let found = open.find((role) => role.labels.some((l) => labelKey(l) === key));
    if (!found && cut)
      found = startedBy(
        key,
        open.map((role): [CatalogRole, string[]] => [role, role.labels.map(labelKey)]),
      );
    if (found) this.taken.add(found.role);
    return found?.role;
  }
}

// memo of immutable data: a catalog never changes once loaded (tests/check/module-state.test.ts)
const classKeys = new WeakMap<Catalog, Map<string, string>>();

/**
 * A class named in words; some templates drop the trailing 支出 ("一般公共服务"). A label the print
 * may have cut (`cut`) names the one class whose name starts so (文化旅游体育与…).
 */
function classCodeOf(label: string, catalog: Catalog, cut: boolean): string | undefined {
  let byKey = classKeys.get(catalog);
  if (!byKey) {
    byKey = new Map();
    for (const [code, names] of Object.entries(catalog.functionClasses)) {
      for (const name of names) byKey.set(labelKey(name).replace(/支出$/, ''), code);
    }
    classKeys.set(catalog, byKey);
  }
  const key = labelKey(label).replace(/支出$/, '');
  if (key === '') return undefined;
  const code = byKey.get(key);
  if (code !== undefined || !cut) return code;
  const named = Object.entries(catalog.functionClasses).map(([c, names]): [string, string[]] => [
    c,
    names.map(labelKey),
  ]);
  return startedBy(labelKey(label), named);
}

function lineNumber(text: string): number | undefined {
  const s = squeeze(text);
  return /^\d{1,3}$/.test(s) ? Number(s) : undefined;
}

function readLineRows(
  input: RowsInput,
  row: number,
  blocks: BlockColumns[],
  matchers: Map<string, RoleMatcher>,
): TableRow[] {
  const rows: TableRow[] = [];
  for (const b of blocks) {
    const label = ownText(input.grid, row, b.label);
    const line = lineNumber(ownText(input.grid, row, b.line));
    const cells = amountsOf(input, b.amounts, row);
    if (label === '' && line === undefined && !hasAmount(cells)) continue;
    const cut = b.label !== undefined && input.grid.place?.(row, b.label)?.crossesRight === true;
    const role = matchers.get(b.block.id)?.match(label, cut);
    const key: RowKey =
      line !== undefined ? { id: `L${line}`, line } : { id: role ? `R:${role}` : `T:${labelKey(label)}` };
    const classCode = b.block.classRows && !role ? classCodeOf(label, input.catalog, cut) : undefined;
    if (classCode) Object.assign(key, { code: classCode, scheme: 'function', level: '类' });
    const entry: TableRow = {
      key,
      label,
      block: b.block.id,
      cells,
      sheetRow: row,
      hidden: input.grid.hiddenRows.has(row),
    };
    if (role) entry.role = role;
    rows.push(entry);
  }
  return rows;
}

/** "合计" in a cell left of the amounts that is no column of the header (shifted out of place in a PDF copy). */
function totalBeforeAmounts(input: RowsInput, row: number, b: BlockColumns): boolean {
  const first = Math.min(...b.amounts.map((a) => a.col));
  const known = new Set(input.layout.columns.map((c) => c.col));
  for (let col = 1; col < first; col += 1) {
    if (!known.has(col) && TOTAL.test(squeeze(ownText(input.grid, row, col)))) return true;
  }
  return false;
}

function readFunctionRow(
  input: RowsInput,
  row: number,
  b: BlockColumns,
  previousCode: string | undefined,
): TableRow | undefined {
  const grid = input.grid;
  const cells = amountsOf(input, b.amounts, row);
  const codeTexts = b.code !== undefined ? [ownText(grid, row, b.code)] : b.codeParts.map((c) => ownText(grid, row, c));
  let label = ownText(grid, row, b.label);
  const structural = [...codeTexts, label].map(squeeze);
  let key: RowKey | undefined;
  if (structural.some((t) => TOTAL.test(t) || /^栏次合计$/.test(t)) || totalBeforeAmounts(input, row, b))
    key = { id: 'TOTAL', total: true };
  if (!key) {
    const parsed = normaliseFunctionCode(codeTexts, previousCode) ?? (label !== '' ? parseFunctionCode(label) : null);
    if (parsed) {
      key = { id: `F${parsed.code}`, code: parsed.code, scheme: 'function', level: parsed.level };
      if (parsed.name && (label === '' || parseFunctionCode(label))) label = parsed.name;
    }
  }
  if (!key) {
    if (label === '' && !hasAmount(cells)) return undefined;
    key = { id: label !== '' ? `T:${labelKey(label)}` : `R${row}` };
  }
  if (key.total && TOTAL.test(squeeze(label)) === false && label === '') label = '合计';
  return { key, label, block: b.block.id, cells, sheetRow: row, hidden: grid.hiddenRows.has(row) };
}

/**
 * A summary row's amount printed off its column (a copy out of a PDF shifts cells: "公用经费合计"
 * with its 43.47 under the next block's 科目名称): the amount between the label and the next
 * label, read as the amount of the block whose columns it stands in.
 */
function strayAmount(
  input: RowsInput,
  row: number,
  from: number,
  to: number,
  amountColumns: HeaderColumn[],
): HeaderColumn | undefined {
  const all = input.layout.columns;
  // the row's stored cells only: `to` may be the sheet's declared width
  for (const col of colsOf(input.grid, row)) {
    if (col <= from || col >= to || !isPrintedAmount(ownText(input.grid, row, col))) continue;
    const owner = [...all].reverse().find((c) => c.col <= col);
    const amount = amountColumns.find((a) => a.block.id === owner?.block.id);
    if (owner && amount) return { ...amount, col };
  }
  return undefined;
}

function readEconomicRows(
  input: RowsInput,
  row: number,
  blocks: BlockColumns[],
  summary: RoleMatcher,
  summaryLabels: Set<string>,
): TableRow[] {
  const grid = input.grid;
  const rows: TableRow[] = [];
  const amountColumns = blocks.flatMap((b) => b.amounts).sort((x, y) => x.col - y.col);
  // totals rows (人员经费合计 … 公用经费合计): the label may sit in any block, its amount to its right
  const cols = colsOf(grid, row);
  for (const col of cols) {
    const text = ownText(grid, row, col);
    if (!summaryLabels.has(labelKey(text))) continue;
    const role = summary.match(text);
    if (!role) continue;
    const right = amountColumns.filter((a) => a.col > col);
    const nextLabelCol = cols.find((c) => c > col && summaryLabels.has(labelKey(ownText(grid, row, c))));
    const candidates = right.filter((a) => nextLabelCol === undefined || a.col < nextLabelCol);
    const target =
      candidates.find((a) => grid.cell(row, a.col).content.kind !== 'empty') ??
      strayAmount(input, row, col, nextLabelCol ?? grid.colCount + 1, amountColumns) ??
      candidates[0];
    if (!target?.column) continue;
    const cells = amountsOf(input, [target], row);
    const amount = cells[target.column.id];
    if (!amount) continue;
    rows.push({
      key: { id: `R:${role}` },
      label: text,
      role,
      block: target.block.id,
      cells: { amount },
      sheetRow: row,
      hidden: grid.hiddenRows.has(row),
    });
  }
  const claimed = new Set(rows.map((r) => r.cells.amount?.ref.cell));
  // a summary label centred over merged cells may stand in a block's amount column: not an amount
  const labelCells = new Set(
    cols.filter((col) => summaryLabels.has(labelKey(ownText(grid, row, col)))).map((col) => address(row, col)),
  );
  for (const b of blocks) {
    if (b.amounts.some((a) => labelCells.has(address(row, a.col)))) continue;
    const codeTexts =
      b.code !== undefined ? [ownText(grid, row, b.code)] : b.codeParts.map((c) => ownText(grid, row, c));
    const codeText = codeTexts.join('');
    let label = ownText(grid, row, b.label);
    const cells = amountsOf(input, b.amounts, row);
    if (Object.values(cells).some((c) => claimed.has(c.ref.cell))) continue;
    if (b.label !== undefined && claimed.has(address(row, b.label))) continue;
    if (summaryLabels.has(labelKey(codeText)) || summaryLabels.has(labelKey(label))) continue;
    // a 合计 row of an economic table listing one column per amount (明细表 by 经济分类)
    if ([codeText, label].some((t) => TOTAL.test(squeeze(t)))) {
      rows.push({
        key: { id: 'TOTAL', total: true },
        label: label === '' ? squeeze(codeText) : label,
        block: b.block.id,
        cells,
        sheetRow: row,
        hidden: grid.hiddenRows.has(row),
      });
      continue;
    }
    const parsed = normaliseEconomicCode(codeTexts) ?? (label !== '' ? parseEconomicCode(label) : null);
    if (!parsed && label === '' && !hasAmount(cells)) continue;
    if (parsed?.name && label === '') label = parsed.name;
    const key: RowKey = parsed
      ? { id: `E${parsed.code}`, code: parsed.code, scheme: 'economic', level: parsed.level }
      : { id: label !== '' ? `T:${labelKey(label)}` : `R${row}` };
    rows.push({ key, label, block: b.block.id, cells, sheetRow: row, hidden: grid.hiddenRows.has(row) });
  }
  return rows;
}

/**
 * The one data row of a form, read under its header — or one column to the right when the header
 * stands a column left of its figures (a copy out of a PDF dropped an empty cell: "预算数" over
 * "年度财政资金总额", the figure beside it): taken only when every cell then reads and none did before.
 */
function singleRowCells(input: RowsInput, columns: HeaderColumn[], row: number): Record<string, AmountCell> {
  const cells = amountsOf(input, columns, row);
  if (!Object.values(cells).some((c) => c.state === 'unreadable')) return cells;
  const shifted = amountsOf(
    input,
    columns.map((c) => ({ ...c, col: c.col + 1 })),
    row,
  );
  const values = Object.values(shifted);
  return values.every((c) => c.state !== 'unreadable') && values.some((c) => c.state === 'number') ? shifted : cells;
}

/**
 * The last of `rows` that is a table's, in a published document's region (its paragraphs are rows
 * of running text, their place naming no table); every row in a worksheet.
 */
function lastTableRow(grid: Grid, rows: number[]): number {
  if (!grid.place) return Number.POSITIVE_INFINITY;
  let last = 0;
  for (const row of rows) if (grid.place(row, 1).table !== undefined) last = row;
  return last;
}

/** Reads the data rows of one table region according to the table's row keying. */
export function readRows(input: RowsInput): RowsOutput {
  const { grid, table, layout } = input;
  const blocks = blocksOf(layout);
  const amountCols = new Set(layout.columns.filter((c) => c.role.kind === 'amount').map((c) => c.col));
  const matchers = new Map(table.blocks.map((b) => [b.id, new RoleMatcher(b.roles)]));
  const summary = new RoleMatcher(table.summaryRoles);
  const summaryLabels = new Set(table.summaryRoles.flatMap((r) => r.labels.map(labelKey)));
  const rows: TableRow[] = [];
  const notes: string[] = [];
  let lastUsedRow = layout.dataStart - 1;
  let singleDone = false;
  let previousCode: string | undefined;
  // rows that hold something (a single-row table takes its first data row even when blank)
  const dataRows = rowsBetween(grid, layout.dataStart, input.lastRow);
  if (table.rowKey === 'single' && dataRows[0] !== layout.dataStart) dataRows.unshift(layout.dataStart);
  // running text after the table's last row is its notes, or no part of it (a heading: the next
  // part of the report, an office suite's "Sheet 14: 公开说明" over the next sheet of a web page)
  const tableEnd = lastTableRow(grid, dataRows);
  for (const row of dataRows) {
    const note = noteText(grid, row, amountCols);
    if (note !== undefined) {
      notes.push(note);
      lastUsedRow = row;
      continue;
    }
    if (row > tableEnd) continue;
    let found: TableRow[] = [];
    switch (table.rowKey) {
      case 'line':
        found = readLineRows(input, row, blocks, matchers);
        break;
      case 'function-code':
        found = blocks.flatMap((b) => readFunctionRow(input, row, b, previousCode) ?? []);
        previousCode = found.find((r) => r.key.code)?.key.code ?? previousCode;
        break;
      case 'economic-code':
        found = readEconomicRows(input, row, blocks, summary, summaryLabels);
        break;
      case 'single':
        if (singleDone) break;
        found = blocks.map((b) => ({
          key: { id: 'ROW' },
          label: '',
          block: b.block.id,
          cells: singleRowCells(input, b.amounts, row),
          sheetRow: row,
          hidden: grid.hiddenRows.has(row),
        }));
        singleDone = true;
        break;
    }
    if (found.length > 0) {
      rows.push(...found);
      lastUsedRow = row;
    }
  }
  return { rows, notes, lastUsedRow };
}
