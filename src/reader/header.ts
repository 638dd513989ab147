import type { Catalog, CatalogBlock, CatalogColumn, CatalogTable, StructuralRole } from '../catalog/types.js';
import { amountText, holdsAmount, isAmountCell } from '../util/amount-text.js';
import { labelKey, normalise, squeeze } from '../util/text.js';
import { colsOf, type Grid, type GridCell } from '../model/grid.js';
import { isPreambleText } from './preamble.js';

/** What a column holds, decided from its header text. */
export type ColumnRole = { kind: 'structural'; role: StructuralRole } | { kind: 'amount'; id: string };

export interface HeaderColumn {
  col: number;
  /** Header texts top to bottom (merged cells repeat their text over the columns they span). */
  levels: string[];
  role: ColumnRole;
  /** Catalog block this column belongs to. */
  block: CatalogBlock;
  /** Set for amount columns. */
  column?: CatalogColumn;
}

export interface HeaderLayout {
  /** First data row (below the header band and its 栏次 row). */
  dataStart: number;
  headerRows: number[];
  /**
   * The header's last row printed in the 合计 row (合计 | 0.00 | 合计 | 基本支出 | 项目支出): that
   * row, and the columns where it holds header words, not amounts.
   */
  wordsInTotalRow?: { row: number; cols: ReadonlySet<number> };
  columns: HeaderColumn[];
  /** Header columns with words that name none of the table's columns (their texts, top to bottom). */
  unmapped: { col: number; levels: string[] }[];
}

const NUMBERING_WORD = /^(栏次|行次栏次)$/;

function cellNumber(cell: GridCell): number | undefined {
  if (cell.content.kind === 'number') return cell.content.value;
  if (cell.content.kind === 'text' && /^\d+$/.test(squeeze(cell.content.value)))
    return Number(squeeze(cell.content.value));
  return undefined;
}

/**
 * The 栏次 row: "栏次" written, or at least three consecutive column numbers counting from 1
 * (1, 2, 3 …). A row holding a decimal is data, and so is one whose run starts elsewhere: a 三公
 * row of small whole amounts (11, 0, 9, 0, 9, 2, 3, 4) is no 栏次 row.
 */
function isColumnNumberRow(grid: Grid, row: number): boolean {
  let run = 0;
  let longest = 0;
  let previous: number | undefined;
  let runStart: number | undefined;
  for (const col of colsOf(grid, row)) {
    const cell = grid.cell(row, col);
    if (cell.mergedSlave) continue;
    if (cell.content.kind === 'text' && NUMBERING_WORD.test(squeeze(cell.content.value))) return true;
    if (cell.content.kind === 'number' && !Number.isInteger(cell.content.value)) return false;
    const n = cellNumber(cell);
    if (n === undefined) continue;
    if (previous !== undefined && n === previous + 1) run += 1;
    else [run, runStart] = [1, n];
    previous = n;
    if (runStart === 1) longest = Math.max(longest, run);
  }
  return longest >= 3;
}

const CODE_LIKE = /^\[?\d{3}(?:[\s\-.]*\d{2})?(?:[\s\-.]*\d{2})?\]?(?:\D.*)?$/;
/** A code or an amount is short: longer text is neither, and is never matched (linear time). */
const MAX_SIGNAL_CHARS = 64;
const TOTAL_WORD = /^(合计|总计)$/;

/**
 * How strongly a row looks like data: 'strong' for a code or an amount; 'weak' for a 合计/总计 or
 * when its first text is a known row label, words that also head columns (08's 合计 column, 04's
 * "一般公共预算财政拨款").
 */
function dataSignal(grid: Grid, row: number, rowLabels: ReadonlySet<string>): 'strong' | 'weak' | undefined {
  let firstText: string | undefined;
  let weak = false;
  let words = 0;
  for (const col of colsOf(grid, row)) {
    const cell = grid.cell(row, col);
    if (cell.mergedSlave) continue;
    const content = cell.content;
    if (content.kind === 'number' && (!Number.isInteger(content.value) || content.value >= 100)) return 'strong';
    if (content.kind !== 'text') continue;
    const text = squeeze(content.value);
    firstText ??= text;
    if (!/^[\d.,，]*$/.test(text)) words += 1;
    if (text.length > MAX_SIGNAL_CHARS) continue;
    if (CODE_LIKE.test(content.value.trim()) && /^\[?\d{3}/.test(text) && text.replace(/\D/g, '').length >= 3)
      return 'strong';
    // an amount, or one printed as ### (columns too narrow for all of a row's amounts print it so:
    // still a row of data, not a header row)
    if (holdsAmount(text)) return 'strong';
    if (TOTAL_WORD.test(text)) weak = true;
  }
  // a data row has a label or two beside its amounts; three or more words make a header row
  if (words >= 3) return undefined;
  return weak || (firstText !== undefined && rowLabels.has(labelKey(firstText))) ? 'weak' : undefined;
}

function isBlankOrPreamble(grid: Grid, row: number): boolean {
  for (const col of colsOf(grid, row)) {
    const cell = grid.cell(row, col);
    if (cell.mergedSlave || cell.text.trim() === '') continue;
    if (!isPreambleText(cell.text)) return false;
  }
  return true;
}

/**
 * What the header reader derives from the catalog (label keys, normalised aliases), made once per
 * catalog table or block and catalog: the catalog objects are immutable and live for the process
 * (a template set's catalog too: src/reader/template.ts keeps one per set), so a batch does not
 * normalise the catalog's words again for every table of every workbook.
 */
type Memo<T> = WeakMap<object, WeakMap<Catalog, T>>;

function derive<T>(memo: Memo<T>, of: object, catalog: Catalog, make: () => T): T {
  let byCatalog = memo.get(of);
  if (!byCatalog) {
    byCatalog = new WeakMap();
    memo.set(of, byCatalog);
  }
  let value = byCatalog.get(catalog);
  if (value === undefined) {
    value = make();
    byCatalog.set(catalog, value);
  }
  return value;
}

const rowLabelMemo: Memo<ReadonlySet<string>> = new WeakMap();
const targetMemo: Memo<readonly AliasTarget[]> = new WeakMap();
const headerWordMemo: Memo<HeaderWords> = new WeakMap();

function rowLabelsOf(table: CatalogTable, catalog: Catalog): ReadonlySet<string> {
  return derive(rowLabelMemo, table, catalog, () => rowLabelsMade(table, catalog));
}

function rowLabelsMade(table: CatalogTable, catalog: Catalog): ReadonlySet<string> {
  const labels = new Set<string>();
  for (const block of table.blocks)
    for (const role of block.roles) for (const l of role.labels) labels.add(labelKey(l));
  for (const role of table.summaryRoles) for (const l of role.labels) labels.add(labelKey(l));
  if (table.blocks.some((b) => b.classRows)) {
    for (const names of Object.values(catalog.functionClasses)) for (const n of names) labels.add(labelKey(n));
  }
  return labels;
}

/**
 * Locates the header band below a title. The 栏次 row (column numbers) closes the header in every
 * official template, so when one comes before any strong data signal the data starts below it;
 * otherwise the data starts at the first row that looks like data.
 */
function findBand(
  grid: Grid,
  titleRow: number,
  lastRow: number,
  rowLabels: ReadonlySet<string>,
  words: HeaderWords,
): Band | undefined {
  const limit = Math.min(lastRow, titleRow + 20);
  const headerRows: number[] = [];
  let numbered = false;
  for (let row = titleRow + 1; row <= limit; row += 1) {
    if (isColumnNumberRow(grid, row)) {
      headerRows.push(row);
      numbered = true;
      continue;
    }
    if (numbered) return { headerRows, dataStart: row };
    const held = headerRows.length > 0 ? headerHeldByTotalRow(grid, row, headerRows, words) : undefined;
    if (held) return { headerRows, dataStart: row, wordsInTotalRow: { row, words: held } };
    const signal = dataSignal(grid, row, rowLabels);
    if (signal === 'strong' || (signal === 'weak' && headerRows.length > 0 && !laterNumberRow(grid, row, limit))) {
      return headerRows.length > 0 ? { headerRows, dataStart: row } : undefined;
    }
    if (!isBlankOrPreamble(grid, row)) headerRows.push(row);
  }
  return numbered ? { headerRows, dataStart: limit + 1 } : undefined;
}

interface Band {
  headerRows: number[];
  dataStart: number;
  wordsInTotalRow?: { row: number; words: ReadonlyMap<number, string> };
}

/** The header words of a table, normalised: those naming its amount columns and its label or code columns. */
interface HeaderWords {
  amounts: ReadonlySet<string>;
  labels: ReadonlySet<string>;
}

/**
 * The header's last row printed in the 合计 row, as 上海's 政府性基金 and 国有资本经营 tables have
 * it (合计 | 0.00 | 合计 | 基本支出 | 项目支出 | 0.00): a row labelled 合计/总计 in a label or code
 * column of the header (项目, 科目编码: a row's label, not a column's) whose other cells are
 * amounts, blanks, or words naming the table's amount columns, two or more of them. The words, by column.
 */
function headerHeldByTotalRow(
  grid: Grid,
  row: number,
  headerRows: number[],
  header: HeaderWords,
): Map<number, string> | undefined {
  const words = new Map<number, string>();
  let labelled = false;
  for (const col of colsOf(grid, row)) {
    const cell = grid.cell(row, col);
    const text = cell.mergedSlave ? '' : squeeze(cell.text);
    if (text === '') continue;
    if (!labelled) {
      const underLabel = headerRows.some((r) => header.labels.has(normalise(grid.cell(r, col).text)));
      if (!TOTAL_WORD.test(text) || !underLabel) return undefined;
      labelled = true;
    } else if (header.amounts.has(normalise(text))) words.set(col, text);
    else if (amountText(text).kind !== 'number' && !isAmountCell(text)) return undefined;
  }
  return words.size >= 2 ? words : undefined;
}

/** A 栏次 row still ahead, before any strong data: the weak signal was a header word. */
function laterNumberRow(grid: Grid, from: number, limit: number): boolean {
  for (let row = from + 1; row <= limit; row += 1) {
    if (isColumnNumberRow(grid, row)) return true;
    if (dataSignal(grid, row, new Set()) === 'strong') return false;
  }
  return false;
}

/**
 * The header's texts column by column, top to bottom. A parent printed once over empty cells (a
 * text copy, a PDF's cells without their merges) spans the children below them, as a merged cell
 * does: it reaches right over the empty cells that have header text lower down, within its own
 * parent's span, and no further than the first empty cell with nothing below it.
 */
function headerLevels(grid: Grid, band: Band, cols: readonly number[]): Map<number, string[]> {
  const texts = band.headerRows.map((row) =>
    cols.map((col) => {
      const text = grid.cell(row, col).text.trim();
      return isPreambleText(text) ? '' : text;
    }),
  );
  const below = band.wordsInTotalRow?.words;
  if (below) texts.push(cols.map((col) => below.get(col) ?? ''));
  const spanned = spanOverEmptyCells(texts);
  const levels = new Map<number, string[]>();
  cols.forEach((col, j) => {
    const list: string[] = [];
    for (const row of spanned) {
      const text = row[j] ?? '';
      if (text !== '' && list[list.length - 1] !== text) list.push(text);
    }
    levels.set(col, list);
  });
  return levels;
}

/** Header text that is a word, not a column number or the 栏次 word. */
function isHeaderWord(text: string): boolean {
  const word = normalise(text).replace(/^\d+$/, '');
  return word !== '' && !NUMBERING_WORD.test(word);
}

/** The header rows' texts with each parent copied over the empty cells it spans (see headerLevels). */
function spanOverEmptyCells(texts: string[][]): string[][] {
  const spanned = texts.map((row) => [...row]);
  // which cell of the row each cell belongs to: itself, or the parent spanning it
  const owners: number[][] = [];
  texts.forEach((row, i) => {
    const owner = row.map((_, j) => j);
    let parent: number | undefined;
    row.forEach((text, j) => {
      if (text !== '') {
        parent = j;
        return;
      }
      const above = owners[i - 1];
      const inSpan = parent !== undefined && (above === undefined || above[j] === above[parent]);
      // a child is a word: the column numbers of a 栏次 row span nothing
      const hasChildren = (col: number) => texts.slice(i + 1).some((lower) => isHeaderWord(lower[col] ?? ''));
      if (parent !== undefined && inSpan && hasChildren(j) && hasChildren(parent)) {
        (spanned[i] as string[])[j] = row[parent] as string;
        owner[j] = parent;
      } else parent = undefined;
    });
    owners.push(owner);
  });
  return spanned;
}

interface AliasTarget {
  role: ColumnRole;
  alias: string;
}

function targets(catalog: Catalog, columns: readonly CatalogColumn[]): readonly AliasTarget[] {
  const list: AliasTarget[] = [];
  for (const [role, aliases] of Object.entries(catalog.structural) as [StructuralRole, string[]][]) {
    for (const alias of aliases) list.push({ role: { kind: 'structural', role }, alias: normalise(alias) });
  }
  for (const column of columns) {
    for (const alias of [column.name, ...column.aliases])
      list.push({ role: { kind: 'amount', id: column.id }, alias: normalise(alias) });
  }
  return list;
}

function headerWordsOf(aliasTargets: readonly AliasTarget[]): HeaderWords {
  const of = (kind: ColumnRole['kind']) =>
    new Set(aliasTargets.filter((t) => t.role.kind === kind).map((t) => t.alias));
  return { amounts: of('amount'), labels: of('structural') };
}

/** Bottom-most header level that names a role: exact alias first, then the longest alias contained. */
function roleOf(levels: string[], aliasTargets: readonly AliasTarget[]): ColumnRole | undefined {
  for (let i = levels.length - 1; i >= 0; i -= 1) {
    const text = normalise(levels[i] ?? '').replace(/^\d+$/, '');
    if (text === '' || NUMBERING_WORD.test(text)) continue;
    const exact = aliasTargets.find((t) => t.alias === text);
    if (exact) return exact.role;
    // a header word wrapped over two or three lines of a narrow column (上级补助 / 收入), each line
    // a header row of its own in a text copy: the lines read together name the column exactly
    for (let from = i - 1; from >= Math.max(0, i - 2); from -= 1) {
      const joined = normalise(levels.slice(from, i + 1).join(''));
      const wrapped = aliasTargets.find((t) => t.alias === joined);
      if (wrapped) return wrapped.role;
    }
    // "金额（万元）", "科目名称（按功能分类）": a header that contains an alias; short structural
    // words (项目, 类) are only taken whole, or "项目支出" would become a label column
    let best: AliasTarget | undefined;
    for (const t of aliasTargets) {
      const minimum = t.role.kind === 'amount' ? 2 : 4;
      if (t.alias.length >= minimum && text.includes(t.alias) && t.alias.length > (best?.alias.length ?? 0)) best = t;
    }
    if (best) return best.role;
  }
  return undefined;
}

function roleKey(role: ColumnRole): string {
  return role.kind === 'structural' ? `s:${role.role}` : `a:${role.id}`;
}

type FoundColumn = { col: number; levels: string[]; role: ColumnRole };

/** Side-by-side blocks: a block ends where a role repeats (see assignBlocks). */
function segmentsByRepeat(found: FoundColumn[]): FoundColumn[][] {
  const segments: FoundColumn[][] = [];
  let seen = new Set<string>();
  let previous: (typeof found)[number] | undefined;
  for (const column of found) {
    const key = roleKey(column.role);
    // one header merged over adjacent columns ("功能分类科目编码" over three code cells) is one field
    const continuesMerge =
      previous !== undefined &&
      previous.col === column.col - 1 &&
      roleKey(previous.role) === key &&
      previous.levels.join('/') === column.levels.join('/');
    previous = column;
    if (continuesMerge) {
      segments[segments.length - 1]?.push(column);
      continue;
    }
    if (seen.has(key) || segments.length === 0) {
      segments.push([]);
      seen = new Set();
    }
    seen.add(key);
    segments[segments.length - 1]?.push(column);
  }
  return segments;
}

/** The one block a column's header words name (预算数 or 决算数 over or under its item), if one does. */
function blockNamedBy(table: CatalogTable, levels: string[]): CatalogBlock | undefined {
  const words = new Set(levels.map(normalise));
  const named = table.blocks.filter((b) => b.aliases.some((a) => words.has(normalise(a))));
  return named.length === 1 ? named[0] : undefined;
}

/**
 * Blocks interleaved column by column (上海's 三公: 预算数 | 决算数 under each item): every amount
 * column's header names its block, and the names go back to a block already left. The columns
 * grouped by the block named, in the catalog's order of blocks; a column naming none (a label)
 * goes with the next column that does. Undefined when the blocks stand side by side.
 */
function interleavedBlocks(table: CatalogTable, found: FoundColumn[]): Map<CatalogBlock, FoundColumn[]> | undefined {
  if (table.blocks.length < 2) return undefined;
  const blocks = found.map((c) => blockNamedBy(table, c.levels));
  if (found.some((c, i) => c.role.kind === 'amount' && blocks[i] === undefined)) return undefined;
  const order = blocks.filter((b): b is CatalogBlock => b !== undefined);
  const returns = order.some((b, i) => i > 0 && b !== order[i - 1] && order.slice(0, i).includes(b));
  if (!returns) return undefined;
  const groups = new Map<CatalogBlock, FoundColumn[]>();
  for (const block of table.blocks) if (order.includes(block)) groups.set(block, []);
  found.forEach((c, i) => {
    const block = blocks[i] ?? blocks.slice(i + 1).find((b) => b !== undefined);
    if (block) groups.get(block)?.push(c);
  });
  return groups;
}

/**
 * Splits the recognised columns into side-by-side blocks: a block ends where a role repeats
 * (01: 项目 行次 金额 | 项目 行次 金额; 09: 合计 … 公务接待费 | 合计 …), then names each block
 * by its header words (收入/支出, 预算数/决算数) or, failing that, by catalog order.
 */
function assignBlocks(
  table: CatalogTable,
  found: { col: number; levels: string[]; role: ColumnRole }[],
): HeaderColumn[][] {
  const interleaved = interleavedBlocks(table, found);
  const segments = interleaved ? [...interleaved.values()] : segmentsByRepeat(found);
  const free = [...table.blocks];
  const named = interleaved
    ? [...interleaved.keys()]
    : segments.map((segment) => {
        const words = new Set(segment.flatMap((c) => c.levels.slice(0, -1).map(normalise)));
        const block = free.find((b) => b.aliases.some((a) => words.has(normalise(a))));
        if (block) free.splice(free.indexOf(block), 1);
        return block;
      });
  const result: HeaderColumn[][] = [];
  segments.forEach((segment, i) => {
    const block = named[i] ?? free.shift();
    if (!block) return;
    const blockTargets = derive(targetMemo, block, emptyStructural, () => targets(emptyStructural, block.columns));
    const columns: HeaderColumn[] = [];
    for (const c of segment) {
      if (c.role.kind === 'structural') {
        columns.push({ ...c, block });
        continue;
      }
      const role = roleOf(c.levels, blockTargets);
      const column = role?.kind === 'amount' ? block.columns.find((bc) => bc.id === role.id) : undefined;
      if (role && column) columns.push({ col: c.col, levels: c.levels, role, block, column });
    }
    result.push(columns);
  });
  return result;
}

const emptyStructural: Catalog = {
  structural: { label: [], line: [], code: [], codeClass: [], codeKuan: [], codeXiang: [] },
  tables: [],
  functionClasses: {},
  functionClassRenamed: {},
};

/** Columns numbered 1, 2, 3 … in the 栏次 row, in order; empty when the row has no such run from 1. */
function numberedColumns(grid: Grid, headerRows: number[]): number[] {
  for (const row of headerRows) {
    const cols: number[] = [];
    for (const col of colsOf(grid, row)) {
      const cell = grid.cell(row, col);
      if (!cell.mergedSlave && cellNumber(cell) === cols.length + 1) cols.push(col);
    }
    if (cols.length >= 3) return cols;
  }
  return [];
}

/**
 * Header rows out of step with the 栏次 row: a copy out of a PDF drops empty cells, so "本年收入"
 * stands over the 栏次 word and 年初结转和结余 over a code column. When the table has one block
 * whose every amount column is numbered in the 栏次 row, the numbers decide: the block's columns
 * in catalog order, one per numbered column. Headers that agree with the numbering stay as read.
 */
function realigned(
  grid: Grid,
  table: CatalogTable,
  headerRows: number[],
  found: { col: number; levels: string[]; role: ColumnRole }[],
): { col: number; levels: string[]; role: ColumnRole }[] {
  const block = table.blocks[0];
  if (table.blocks.length !== 1 || !block) return found;
  const numbered = numberedColumns(grid, headerRows);
  const amounts = found.filter((f) => f.role.kind === 'amount');
  if (numbered.length !== block.columns.length || amounts.every((a) => numbered.includes(a.col))) return found;
  const order = block.columns.map((c) => c.id);
  const ids = amounts.map((a) => (a.role.kind === 'amount' ? a.role.id : ''));
  // only when what was read is the catalog's order with some columns missing or shifted
  if (ids.some((id, i) => i > 0 && order.indexOf(id) <= order.indexOf(ids[i - 1] ?? ''))) return found;
  const first = numbered[0] ?? 0;
  const kept = found.filter((f) => f.role.kind !== 'amount' && f.col < first);
  const placed = block.columns.map((column, i) => ({
    col: numbered[i] ?? 0,
    levels: [column.name],
    role: { kind: 'amount', id: column.id } as ColumnRole,
  }));
  return [...kept, ...placed];
}

/** Reads the header below a title; undefined when no column of the table can be recognised. */
export function readHeader(
  grid: Grid,
  table: CatalogTable,
  catalog: Catalog,
  titleRow: number,
  lastRow: number,
): HeaderLayout | undefined {
  const allTargets = derive(targetMemo, table, catalog, () =>
    targets(
      catalog,
      table.blocks.flatMap((b) => b.columns),
    ),
  );
  const words = derive(headerWordMemo, table, catalog, () => headerWordsOf(allTargets));
  const band = findBand(grid, titleRow, lastRow, rowLabelsOf(table, catalog), words);
  if (!band) return undefined;
  const found: { col: number; levels: string[]; role: ColumnRole }[] = [];
  const headerCols = [
    ...new Set([...band.headerRows.flatMap((row) => colsOf(grid, row)), ...(band.wordsInTotalRow?.words.keys() ?? [])]),
  ].sort((a, b) => a - b);
  const levelsByCol = headerLevels(grid, band, headerCols);
  for (const col of headerCols) {
    const levels = levelsByCol.get(col) ?? [];
    const role = roleOf(levels, allTargets);
    if (role) found.push({ col, levels, role });
  }
  const columns = assignBlocks(table, realigned(grid, table, band.headerRows, found)).flat();
  if (!columns.some((c) => c.role.kind === 'amount')) return undefined;
  const read = new Set(columns.map((c) => c.col));
  const unmapped = headerCols.flatMap((col) => {
    if (read.has(col)) return [];
    const levels = (levelsByCol.get(col) ?? []).filter(isHeaderWord);
    return levels.length > 0 ? [{ col, levels }] : [];
  });
  const layout: HeaderLayout = { dataStart: band.dataStart, headerRows: band.headerRows, columns, unmapped };
  const held = band.wordsInTotalRow;
  if (held) layout.wordsInTotalRow = { row: held.row, cols: new Set(held.words.keys()) };
  return layout;
}
