import { loadCatalog } from '../catalog/load-catalog.js';
import type { Catalog } from '../catalog/types.js';
import type { IgnoredSheet, Table, TableRow, Unit, WorkbookModel } from '../model/types.js';
import type { SourceDocument } from '../model/document.js';
import { address, type CellPlace, colsOf, columnLetter, type Grid, rowsBetween } from '../model/grid.js';
import { placeText } from '../model/place.js';
import { isPrintedAmount } from '../util/amount-text.js';
import { type HeaderLayout, readHeader } from './header.js';
import { departmentIn, isPreambleText, markerIn, sheetMarkerIn, titleNumberIn, unitIn, yearIn } from './preamble.js';
import { readFields } from './fields.js';
import { readSpacedTable } from './spaced/spaced-table.js';
import { notesIn, readRows } from './rows.js';
import { saysNoData } from '../completeness/notes.js';
import { findTitles, foreignTitleRows, simplifiedGrid, simplifyTitle, traditionalTitles } from './titles.js';
import { loadTemplates } from '../catalog/templates.js';
import type { TemplateSet } from '../catalog/types.js';
import type { MissingTable, TemplateUse } from '../model/types.js';
import { reportParagraphs } from '../completeness/paragraphs.js';
import { catalogFor, detectTemplate, templateUse } from './template.js';

type UnknownTable = NonNullable<WorkbookModel['unknownTables']>[number];

interface SheetResult {
  unknown: UnknownTable[];
  tables: Table[];
  department?: string;
  year?: number;
}

/** Preamble facts of one table: the rows from just above its title to its first data row. */
function preambleFacts(grid: Grid, fromRow: number, toRow: number) {
  let unit: Unit | undefined;
  let department: string | undefined;
  let marker: string | undefined;
  for (const row of rowsBetween(grid, fromRow, toRow)) {
    for (const col of colsOf(grid, row)) {
      const cell = grid.cell(row, col);
      if (cell.mergedSlave || cell.text === '') continue;
      unit ??= unitIn(cell.text);
      department ??= departmentIn(cell.text);
      marker ??= markerIn(cell.text);
    }
  }
  return { unit, department, marker };
}

/** Rightmost column holding anything (merged cells included) between two rows: a table's width. */
function lastColumn(grid: Grid, fromRow: number, toRow: number): number {
  let last = 1;
  for (const row of rowsBetween(grid, fromRow, toRow)) {
    const cols = colsOf(grid, row);
    for (let i = cols.length - 1; i >= 0 && (cols[i] as number) > last; i -= 1) {
      if (grid.cell(row, cols[i] as number).text !== '') last = cols[i] as number;
    }
  }
  return last;
}

/**
 * The unit a table without a unit line writes beside its own figures: a form's field
 * "533.65万元", a row label "预算执行情况（万元）". A form in 万元 stays in 万元 when the tables
 * of the same report are in 元.
 */
function unitOfCells(rows: TableRow[]): Unit | undefined {
  for (const row of rows) {
    const inLabel = unitIn(row.label);
    if (inLabel) return inLabel;
    for (const cell of Object.values(row.cells)) {
      const suffix = /(万元|元)\s*$/.exec(cell.raw);
      if (suffix && /\d/.test(cell.raw)) return suffix[1] as Unit;
    }
  }
  return undefined;
}

/**
 * Every cell of a published report's table named as a reader finds it on the page: the table,
 * the row by its code and label ("2010350 事业运行") and the column ("基本支出"). Workbook cells
 * (sheet!A1) have no place and stay as they are.
 */
function nameCells(table: Table): void {
  const columns = new Map(table.columns.map((c) => [`${c.block}|${c.id}`, c.name]));
  const byId = new Map(table.columns.map((c) => [c.id, c.name]));
  for (const row of table.rows) {
    const label = row.label.trim();
    const rowName =
      row.key.code && !label.startsWith(row.key.code)
        ? `${row.key.code} ${label}`.trim()
        : label !== ''
          ? label
          : row.key.line !== undefined
            ? `第 ${row.key.line} 行`
            : '';
    for (const [id, cell] of Object.entries(row.cells)) {
      if (!cell.ref.place) continue;
      const column = columns.get(`${row.block}|${id}`) ?? byId.get(id) ?? '';
      cell.ref.place = { ...cell.ref.place, names: { table: table.name, row: rowName, column } };
    }
  }
}

/**
 * The header texts of the columns the header could not name that hold amounts in the table's rows
 * (人员经费 | 公用经费 where the table has 基本支出): the rules that need a column of the table
 * the header did not show cannot tell whether it stands in one of these.
 */
function unmappedAmounts(grid: Grid, layout: HeaderLayout, lastRow: number): string[] {
  if (layout.unmapped.length === 0) return [];
  const rows = rowsBetween(grid, layout.dataStart, lastRow);
  return layout.unmapped.flatMap(({ col, levels }) => {
    const holdsAmount = rows.some((row) => {
      const cell = grid.cell(row, col);
      return !cell.mergedSlave && (cell.content.kind === 'number' || isPrintedAmount(cell.text));
    });
    return holdsAmount ? [levels.join('/')] : [];
  });
}

/**
 * The titles of a published report's tables no catalog kind describes, with their place: a title
 * row with a table under it (a row of two or more cells within the next three rows), not a line of
 * a 目录 listing titles. A worksheet's foreign sheets are listed as ignored sheets instead.
 */
const PART_HEADING = /^第[一二三四五六七八九十]+部分|部门决算(公开)?表$|决算报表$/;

function unknownTitles(grid: Grid, rows: number[]): UnknownTable[] {
  const place = grid.place?.bind(grid);
  if (!place) return [];
  return rows.flatMap((row) => {
    const col = colsOf(grid, row).find((c) => grid.cell(row, c).text.trim() !== '');
    if (col === undefined || PART_HEADING.test(grid.cell(row, col).text.trim())) return [];
    // the first line under it that is not a 单位/部门 line is a row of two or more cells
    const texts = (r: number) =>
      colsOf(grid, r).flatMap((c) => {
        const cell = grid.cell(r, c);
        return cell.mergedSlave || cell.text.trim() === '' ? [] : [cell.text.trim()];
      });
    const next = rowsBetween(grid, row + 1, row + 4)
      .map(texts)
      .find((t) => t.length > 0 && !(t.length === 1 && isPreambleText(t[0] as string)));
    const hasGrid = next !== undefined && next.length >= 2;
    return hasGrid ? [{ title: grid.cell(row, col).text.trim(), place: placeText(place(row, col)) }] : [];
  });
}

function readSheet(printed: Grid, file: string, catalog: Catalog): SheetResult {
  let grid = printed;
  let titles = findTitles(grid, catalog);
  if (traditionalTitles(titles)) {
    grid = simplifiedGrid(printed);
    titles = findTitles(grid, catalog);
  }
  // the second line of a wrapped title is no title of its own; a title read by its tail is known
  const foreign = foreignTitleRows(grid, catalog).filter(
    (r) => !titles.some((t) => t.row === r || (t.wrapped && t.row + 1 === r)),
  );
  const result: SheetResult = { tables: [], unknown: unknownTitles(grid, foreign) };
  const sheetGrid = grid;
  titles.forEach((title, i) => {
    // a table ends at the next title, known or not
    const next = Math.min(titles[i + 1]?.row ?? sheetGrid.rowCount + 1, foreign.find((r) => r > title.row) ?? Infinity);
    const lastRow = next - 1;
    // a title wrapped over two rows: its header is read below its last line
    const top = title.wrapped ? title.row + 1 : title.row;
    // a table copied with one space between its cells: its lines laid out by the table's columns
    const spaced = readSpacedTable(sheetGrid, title.table, catalog, top, lastRow);
    if (spaced && 'unmatched' in spaced) {
      const place = sheetGrid.place?.(title.row, title.col);
      result.unknown.push({ title: title.text, place: place ? placeText(place) : '', kind: title.table.name });
      return;
    }
    const grid = spaced?.grid ?? sheetGrid;
    const fields = readFields(grid, file, title.table, top, lastRow);
    // a form (绩效自评表) may have no amount header at all, only labelled fields; a header that names
    // none of the table's columns may be the table printed the other way round (三公 items down the
    // rows), a kind of its own with no title that stands for it
    let shape = title.table;
    let layout =
      spaced?.layout ??
      readHeader(grid, shape, catalog, top, lastRow) ??
      (fields.length > 0 ? { dataStart: top + 1, headerRows: [], columns: [], unmapped: [] } : undefined);
    for (const other of catalog.tables) {
      if (layout) break;
      if (other.standsFor !== title.table.kind || other.titles.length > 0) continue;
      layout = readHeader(grid, other, catalog, top, lastRow);
      if (layout) shape = other;
    }
    // an empty table whose header cannot be read (printed in part, or otherwise) that says it has
    // no data: found, and empty, with its note
    const emptyNotes = layout ? undefined : notesIn(grid, top + 1, lastRow);
    if (emptyNotes?.notes.some(saysNoData))
      layout = { dataStart: emptyNotes.lastRow + 1, headerRows: [], columns: [], unmapped: [] };
    if (!layout) {
      // a title of the catalog over a grid whose header names none of its columns: said, not dropped
      result.unknown.push(...unknownTitles(grid, [title.row]).map((u) => ({ ...u, kind: title.table.name })));
      return;
    }
    const read =
      layout.columns.length > 0
        ? readRows({ grid, file, table: shape, catalog, layout, lastRow })
        : { rows: [], notes: emptyNotes?.notes ?? [], lastUsedRow: emptyNotes?.lastRow ?? title.row };
    const rows = [...fields, ...read.rows];
    const { notes } = read;
    const lastUsedRow = Math.max(read.lastUsedRow, ...fields.map((f) => f.sheetRow));
    // the unit may stand above the title in some exports, but not above the previous table's end
    const previousEnd = result.tables.length > 0 ? title.row - 1 : title.row - 3;
    const facts = preambleFacts(grid, Math.min(title.row - 1, previousEnd + 1), layout.dataStart - 1);
    const headerUnit = layout.columns.map((c) => unitIn(c.levels.join(''))).find((u) => u !== undefined);
    const unit = facts.unit ?? headerUnit ?? unitOfCells(rows);
    const table: Table = {
      kind: shape.kind,
      name: shape.name,
      title: title.text,
      file,
      sheet: grid.sheet,
      range: `${address(title.row, 1)}:${columnLetter(lastColumn(grid, title.row, Math.max(lastUsedRow, layout.dataStart)))}${Math.max(lastUsedRow, layout.dataStart)}`,
      unit: unit ?? '万元',
      unitSource: unit ? 'table' : 'default',
      columns: layout.columns.flatMap((c) =>
        c.column
          ? [
              {
                id: c.column.id,
                block: c.block.id,
                name: c.column.name,
                header: c.levels.join('/'),
                col: columnLetter(c.col),
              },
            ]
          : [],
      ),
      rows,
      notes,
      // a cell that cannot be read (### in a column too narrow) may hold anything: the table is not known empty
      empty: !rows.some((r) =>
        Object.values(r.cells).some(
          (cell) => cell.state === 'unreadable' || (cell.value !== null && !cell.value.isZero()),
        ),
      ),
      hiddenSheet: grid.hidden,
    };
    const unmapped = unmappedAmounts(grid, layout, lastUsedRow);
    if (unmapped.length > 0) table.unmapped = unmapped;
    // a header read in part leaves its columns in doubt, whatever its rows' cells
    const places = [
      ...layout.headerRows.flatMap((r) => colsOf(grid, r).map((c) => grid.place?.(r, c))),
      ...rows.flatMap((row) => Object.values(row.cells).map((cell) => cell.ref.place)),
    ];
    const clipped = clippedPages(places);
    if (clipped.length > 0) {
      table.clipped = clipped;
      if (places.some((place) => place?.piece)) table.unjoined = true;
      // the figures past the page's edge are not known: nor is the table known to be empty
      table.empty = false;
    }
    nameCells(table);
    const marker = facts.marker ?? titleNumberIn(title.text) ?? sheetMarkerIn(grid.sheet);
    if (marker) table.marker = marker;
    result.tables.push(table);
    result.department ??= facts.department;
    result.year ??= yearIn(title.text);
  });
  return result;
}

/** The pages where the page's edge cut the table (its cells read there say so), in order. */
function clippedPages(places: (CellPlace | undefined)[]): number[] {
  const pages = new Set<number>();
  for (const place of places) if (place?.clipped && place.page !== undefined) pages.add(place.page);
  return [...pages].sort((a, b) => a - b);
}

/** The standard kind a table takes the place of (catalog `standsFor`), as a list of none or one. */
function standIn(catalog: Catalog, kind: string): string[] {
  const stands = catalog.tables.find((t) => t.kind === kind)?.standsFor;
  return stands ? [stands] : [];
}

function mostCommon<T>(values: T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | undefined;
  let bestCount = 0;
  for (const [v, n] of counts) if (n > bestCount) [best, bestCount] = [v, n];
  return best;
}

export interface ReadOptions {
  /** A template set named by the user (--template, `template:` in the configuration). */
  template?: { name: string; how: 'option' | 'config' };
  /** The template sets to choose from; default: the built-in ones when the catalog is the built-in one. */
  templates?: readonly TemplateSet[];
}

/** A template name that is not one of the sets (the CLI checks names first; this guards the API). */
export class UnknownTemplateError extends Error {}

/**
 * Reads every recognisable table of a document's grids into the model, against the template set
 * named or detected (a set may claim titles for its kinds: then the grids are read again with
 * them). Pure: no I/O, no file format.
 */
export function readDocument(
  document: SourceDocument,
  catalog: Catalog = loadCatalog(),
  options: ReadOptions = {},
): WorkbookModel {
  const sets = options.templates ?? (catalog === loadCatalog() ? loadTemplates(catalog) : []);
  const first = readTables(document, catalog);
  let chosen: { set: TemplateSet; use: TemplateUse } | undefined;
  if (options.template) {
    const named = options.template.name;
    const set = sets.find((s) => s.name === named);
    if (!set) throw new UnknownTemplateError(named);
    const how = options.template.how;
    chosen = { set, use: templateUse(set, how, how === 'option' ? '由 --template 指定' : '由配置文件 template 指定') };
  } else if (first.tables.length > 0) {
    // running text alone (a narrative file) follows no table set
    const detected = detectTemplate(first.tables, sets, simplifyTitle);
    if (detected) chosen = { set: detected.set, use: templateUse(detected.set, 'detected', detected.reason) };
  }
  const claimed = chosen ? catalogFor(chosen.set, catalog) : undefined;
  const read = claimed ? readTables(document, claimed) : first;
  const model = modelOf(document, catalog, read);
  if (chosen) {
    const found = new Set(model.tables.flatMap((t) => [t.kind, ...standIn(catalog, t.kind)]));
    model.template = chosen.use;
    // a set guessed from the tables found is the nearest known one, not necessarily the report's own:
    // only the standard tables count as missing then; a set's extras are asked for when it is named
    const standard = new Set(catalog.tables.filter((t) => t.standard).map((t) => t.kind));
    const asked = (kind: string) => chosen?.use.how !== 'detected' || standard.has(kind);
    model.missingTables = chosen.set.tables
      .filter((t) => t.required && !found.has(t.kind) && asked(t.kind))
      .map((t) => {
        const missing: MissingTable = { kind: t.kind, name: t.titles[0] as string };
        if (t.number) missing.number = t.number;
        return missing;
      });
  }
  const tableRows = new Map<string, [number, number][]>();
  for (const t of model.tables) {
    const [first, last] = t.range.split(':').map((a) => Number(/\d+$/.exec(a)?.[0] ?? 0)) as [number, number];
    tableRows.set(t.sheet, [...(tableRows.get(t.sheet) ?? []), [first, last]]);
  }
  const text = reportParagraphs(document, tableRows);
  if (text.length > 0) model.text = text;
  return model;
}

interface TablesRead {
  tables: Table[];
  ignoredSheets: IgnoredSheet[];
  unknownTables?: UnknownTable[];
  department?: string;
  year?: number;
}

function readTables(document: SourceDocument, catalog: Catalog): TablesRead {
  const { file } = document;
  const tables: Table[] = [];
  const ignoredSheets: IgnoredSheet[] = [];
  const unknownTables: UnknownTable[] = [];
  let department: string | undefined;
  let year: number | undefined;
  for (const grid of document.grids) {
    const sheet = readSheet(grid, file, catalog);
    if (sheet.tables.length === 0) {
      ignoredSheets.push({
        sheet: grid.sheet,
        reason: grid.rowCount === 0 ? '空工作表' : '未找到可识别的决算表标题和表头',
        hidden: grid.hidden,
      });
    }
    tables.push(...sheet.tables);
    unknownTables.push(...sheet.unknown);
    department ??= sheet.department;
    year ??= sheet.year;
  }
  const read: TablesRead = { tables, ignoredSheets };
  if (unknownTables.length > 0) read.unknownTables = unknownTables;
  if (department) read.department = department;
  if (year) read.year = year;
  return read;
}

function modelOf(document: SourceDocument, catalog: Catalog, read: TablesRead): WorkbookModel {
  const { file } = document;
  const { tables, ignoredSheets, department, year } = read;
  const declared = tables.filter((t) => t.unitSource === 'table').map((t) => t.unit);
  const unit = mostCommon(declared);
  if (unit) {
    for (const t of tables) {
      if (t.unitSource === 'default') Object.assign(t, { unit, unitSource: 'workbook' });
    }
  }
  const found = new Set(tables.flatMap((t) => [t.kind, ...standIn(catalog, t.kind)]));
  const model: WorkbookModel = {
    file,
    tables,
    ignoredSheets,
    missingTables: catalog.tables
      .filter((t) => t.standard && !found.has(t.kind))
      .map((t) => ({ kind: t.kind, name: t.name })),
    unreadable: tables.flatMap((t) =>
      t.rows.flatMap((r) => Object.values(r.cells).filter((c) => c.state === 'unreadable')),
    ),
  };
  if (department) model.department = department;
  if (year) model.year = year;
  if (read.unknownTables) model.unknownTables = read.unknownTables;
  if (unit ?? tables[0]?.unit) model.unit = unit ?? tables[0]?.unit;
  return model;
}
