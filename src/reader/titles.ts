import type { Catalog, CatalogTable } from '../catalog/types.js';
import { loadTraditional } from '../narrative/catalog/load-claims.js';
import { normalise } from '../util/text.js';
import { isPreambleText } from './preamble.js';
import { colsOf, type Grid, type GridCell, rowsBetween } from '../model/grid.js';

export interface TitleHit {
  table: CatalogTable;
  row: number;
  col: number;
  /** The title as written. */
  text: string;
  /** Wrapped over this row and the next. */
  wrapped?: boolean;
}

/** Title cells are short; a longer text naming a table is a sentence (情况说明, 目录 entries with page text). */
const MAX_EXTRA_CHARS = 40;

/** Characters of table titles that differ in traditional script: a title holding one is simplified first. */
const TRADITIONAL_TITLE_CHARS = /[決預財撥總國資費經營機關項運採購務會議訓單細結轉餘內據債]/;

/** Traditional → simplified per character (rules/narrative/traditional.yaml), loaded on first need. */
export function simplifyTitle(text: string): string {
  if (!TRADITIONAL_TITLE_CHARS.test(text)) return text;
  return simplify(text);
}

/**
 * A sheet whose table titles are printed in traditional script (a mirror site's converted copy of a
 * whole report) is read through simplified text: its header words and row labels are the catalog's
 * only once simplified. Numbers and places are unchanged; each cell is simplified once.
 */
export function simplifiedGrid(grid: Grid): Grid {
  const cells = new Map<string, GridCell>();
  const view: Grid = {
    sheet: grid.sheet,
    hidden: grid.hidden,
    rowCount: grid.rowCount,
    colCount: grid.colCount,
    hiddenRows: grid.hiddenRows,
    cell(row, col) {
      const cell = grid.cell(row, col);
      if (cell.content.kind !== 'text') return cell;
      const key = `${row}:${col}`;
      let simple = cells.get(key);
      if (!simple) {
        const value = simplify(cell.content.value);
        simple =
          value === cell.content.value
            ? cell
            : { ...cell, text: simplify(cell.text), content: { ...cell.content, value } };
        cells.set(key, simple);
      }
      return simple;
    },
  };
  if (grid.place) view.place = (row, col) => grid.place?.(row, col) ?? {};
  if (grid.storedRows) view.storedRows = () => grid.storedRows?.() ?? [];
  if (grid.storedCols) view.storedCols = (row) => grid.storedCols?.(row) ?? [];
  return view;
}

/** Titles printed in traditional script: the sheet is read through simplifiedGrid. */
export function traditionalTitles(titles: readonly TitleHit[]): boolean {
  return titles.some((t) => TRADITIONAL_TITLE_CHARS.test(t.text));
}

/** Traditional → simplified for every character the table knows (a whole paragraph or heading). */
export function simplifyText(text: string): string {
  return simplify(text);
}

function simplify(text: string): string {
  const simplifier = loadTraditional();
  return [...text].map((c) => simplifier(c)).join('');
}

/**
 * Titles a catalog claims, normalised, longest first: a template set may claim a title for one
 * kind (Sichuan's 一般公共预算财政拨款支出决算明细表 is by 经济分类), which then matches no other.
 */
const patterns = new WeakMap<Catalog, { key: string; table: CatalogTable }[]>();

function patternsOf(catalog: Catalog): { key: string; table: CatalogTable }[] {
  let list = patterns.get(catalog);
  if (!list) {
    list = catalog.tables
      .flatMap((table) => table.titles.map((title) => ({ key: normalise(title), table })))
      .sort((a, b) => b.key.length - a.key.length);
    patterns.set(catalog, list);
  }
  return list;
}

/**
 * Words that make a title another table when they stand right before a short, generic pattern:
 * "项目支出决算表" and "基本支出决算表" are not the 支出决算表 (03), "收入支出决算表" is not it either. A
 * department name or a year before the pattern is fine, and so is anything before a longer pattern
 * (财政拨款 before 三公经费、会议费、培训费支出决算表).
 */
const SHORT_PATTERN = 6;
const QUALIFIER_BEFORE = /(?:项目|基本|财政拨款|预算|基金|经营|经费|采购|服务|收入|支出|人员|公用|绩效|资产)$/;

/**
 * Hainan prints every title as "…决算公开表" (收入支出决算公开表, 一般公共预算财政拨款“三公”经费支出决算公开表):
 * the word 公开 before 表 names nothing of the table.
 */
const PUBLIC_WORD = /决算公开(表|情况表)/;

/**
 * A title printed without its last 表 ("2021年度一般公共预算财政拨款基本支出决算明细", a Hunan township
 * report): taken for the title only when it ends with a long pattern's stem that names a 决算, so that
 * short stems (收入决算, 支出决算) in headings and sentences are not.
 */
const MIN_STEM = 9;

function stemTitle(norm: string, catalog: Catalog): CatalogTable | undefined {
  for (const { key, table } of patternsOf(catalog)) {
    if (key.length - 1 < MIN_STEM || !key.endsWith('表')) continue;
    const stem = key.slice(0, -1);
    if (stem.includes('决算') && norm.endsWith(stem) && norm.length <= key.length + MAX_EXTRA_CHARS) return table;
  }
  return undefined;
}

/**
 * A title the print lost the start of (CellPlace.cutAtLeft): the table one of whose titles ends with
 * a piece of its own as long as a stem at least that the text starts with — the longest such
 * piece; none when two tables' titles end alike that far.
 */
function tailTitle(norm: string, catalog: Catalog): CatalogTable | undefined {
  let best: { length: number; tables: Set<CatalogTable> } = { length: MIN_STEM, tables: new Set() };
  for (const { key, table } of patternsOf(catalog)) {
    for (let from = 0; key.length - from >= best.length; from += 1) {
      const tail = key.slice(from);
      if (!norm.startsWith(tail)) continue;
      if (tail.length > best.length) best = { length: tail.length, tables: new Set([table]) };
      else best.tables.add(table);
      break;
    }
  }
  return best.tables.size === 1 ? [...best.tables][0] : undefined;
}

/**
 * The catalog table a cell text is the title of, or undefined: the longest matching pattern wins.
 * `cutAtLeft`: the text is the tail of a line whose start the print lost (see tailTitle).
 */
export function matchTitle(text: string, catalog: Catalog, cutAtLeft = false): CatalogTable | undefined {
  // every title names a 表 (or, printed without it, a 决算); most cells of a large sheet are amounts
  // and names, skip them cheaply
  if (text.length > 80) return undefined;
  const stemOnly = !text.includes('表');
  if (stemOnly && !text.includes('决算')) return undefined;
  let norm = normalise(text);
  if (norm.length < 4 || /[。，；;,]/.test(norm) || /说明$/.test(norm)) return undefined;
  if (TRADITIONAL_TITLE_CHARS.test(norm)) norm = simplify(norm);
  if (stemOnly) return stemTitle(norm, catalog);
  norm = norm.replace(PUBLIC_WORD, '决算$1');
  for (const { key, table } of patternsOf(catalog)) {
    const at = norm.indexOf(key);
    if (at < 0 || norm.length > key.length + MAX_EXTRA_CHARS) continue;
    if (key.length <= SHORT_PATTERN && QUALIFIER_BEFORE.test(norm.slice(0, at))) continue;
    return table;
  }
  return cutAtLeft ? tailTitle(norm, catalog) : undefined;
}

/**
 * The title of a table no catalog knows (国有资产占用情况表, 政府采购预算执行情况表, a province's extra
 * form): a short line of its own naming a 表 of accounts. Such a title ends the table above it, whose
 * rows would otherwise take the unknown table's cells for theirs.
 */
const TITLE_WORDS = /(?:决算|预算|情况|明细|信息|执行|绩效|占用|目标|统计|汇总)[^表]*表$/;

export function isForeignTitle(text: string, catalog: Catalog): boolean {
  if (!text.includes('表') || text.length > 60) return false;
  let norm = normalise(text);
  if (norm.length < 5 || norm.length > 50 || /[。，；;,:：]/.test(norm) || /^(?:注|说明|填表)/.test(norm)) return false;
  if (TRADITIONAL_TITLE_CHARS.test(norm)) norm = simplify(norm);
  return TITLE_WORDS.test(norm) && matchTitle(text, catalog) === undefined;
}

/**
 * The title of a table no catalog knows printed without 表 ("2022年度国有资产占用情况"): a short line
 * ending in what such titles end in. Only a title when its 单位/部门 line follows (see foreignTitleRows).
 */
const STEM_WORDS = /(?:决算|预算|情况|明细|信息|汇总)$/;

function isForeignStem(text: string, catalog: Catalog): boolean {
  if (text.includes('表') || text.length > 60) return false;
  let norm = normalise(text);
  if (norm.length < 5 || norm.length > 50 || /[。，；;,:：]/.test(norm) || /^(?:注|说明|填表|续)/.test(norm))
    return false;
  if (TRADITIONAL_TITLE_CHARS.test(norm)) norm = simplify(norm);
  return STEM_WORDS.test(norm) && matchTitle(text, catalog) === undefined;
}

/** The texts of a row's cells that hold any, left to right. */
function rowTexts(grid: Grid, row: number): GridCell[] {
  const cells: GridCell[] = [];
  for (const col of colsOf(grid, row)) {
    const cell = grid.cell(row, col);
    if (!cell.mergedSlave && cell.text.trim() !== '') cells.push(cell);
  }
  return cells;
}

/** The next row below `row` (within two) holding text is a 单位/部门 line and nothing else. */
function preambleFollows(grid: Grid, row: number): boolean {
  for (const next of rowsBetween(grid, row + 1, Math.min(row + 2, grid.rowCount))) {
    const cells = rowTexts(grid, next);
    if (cells.length === 0) continue;
    return cells.every((cell) => isPreambleText(cell.text));
  }
  return false;
}

/** Rows holding a title of a table no catalog knows, alone on its line (see isForeignTitle). */
export function foreignTitleRows(grid: Grid, catalog: Catalog): number[] {
  const rows: number[] = [];
  for (const row of rowsBetween(grid, 1, grid.rowCount)) {
    // the row's only cell with text (none where there are two: a row of a table)
    let only: GridCell | undefined;
    for (const col of colsOf(grid, row)) {
      const cell = grid.cell(row, col);
      if (cell.mergedSlave || cell.text === '') continue;
      if (only) {
        only = undefined;
        break;
      }
      only = cell;
    }
    if (only?.content.kind !== 'text') continue;
    const text = only.content.value;
    if (isForeignTitle(text, catalog) || (isForeignStem(text, catalog) && preambleFollows(grid, row))) rows.push(row);
  }
  return rows;
}

/**
 * A long title wrapped over two lines in its cell ("2022年度一般公共预算财" / "政拨款支出决算表"): a line
 * that is no title, alone on its row, whose next row's only text completes a title that line alone
 * does not name (or names as another table: 政拨款支出决算表 ends like 支出决算表).
 */
function wrappedTitle(grid: Grid, row: number, col: number, head: string, catalog: Catalog): TitleHit | undefined {
  if (row >= grid.rowCount || head.length > 60) return undefined;
  const next = rowTexts(grid, row + 1);
  const second = next.length === 1 ? next[0] : undefined;
  if (second?.content.kind !== 'text') return undefined;
  const tail = second.content.value.trim();
  const text = head.trim() + tail;
  const table = matchTitle(text, catalog);
  if (!table || matchTitle(tail, catalog)?.kind === table.kind) return undefined;
  return { table, row, col, text, wrapped: true };
}

/** Every title cell of a sheet, top to bottom; one per row (the first matching cell). */
export function findTitles(grid: Grid, catalog: Catalog): TitleHit[] {
  const hits: TitleHit[] = [];
  for (const row of rowsBetween(grid, 1, grid.rowCount)) {
    const last = hits.at(-1);
    if (last?.wrapped && last.row === row - 1) continue;
    let texts = 0;
    let only: { col: number; text: string } | undefined;
    let found = false;
    for (const col of colsOf(grid, row)) {
      const cell = grid.cell(row, col);
      if (cell.mergedSlave || cell.text.trim() === '') continue;
      texts += 1;
      if (cell.content.kind !== 'text') continue;
      only = { col, text: cell.content.value };
      const table = matchTitle(cell.content.value, catalog, grid.place?.(row, col).cutAtLeft === true);
      if (table) {
        hits.push({ table, row, col, text: cell.content.value.trim() });
        found = true;
        break;
      }
    }
    if (found || texts !== 1 || !only) continue;
    const wrapped = wrappedTitle(grid, row, only.col, only.text, catalog);
    if (wrapped) hits.push(wrapped);
  }
  return hits;
}
