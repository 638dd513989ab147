import { loadCatalog } from '../catalog/load-catalog.js';
import { loadTemplates } from '../catalog/templates.js';
import type { TemplateSet } from '../catalog/types.js';
import type { FindingLocation } from '../model/finding.js';
import { placeFields } from '../model/place.js';
import type { ReportParagraph, Table, WorkbookModel } from '../model/types.js';
import { catalogFor } from '../reader/template.js';
import type { RawFinding } from '../rules/types.js';
import { entryText, findContents } from './contents.js';
import { saysNoData, saysThisTableEmpty, textExplainsEmpty } from './notes.js';
import { findPart, isFullReport } from './parts.js';

/**
 * 公开完整性: what a published report must contain besides consistent figures — every table the
 * template set requires (tables.missing), an empty table's note and no such note on a table with
 * data, the report parts the set requires, a 目录 that lists the tables that follow, in order.
 */

function setOf(model: WorkbookModel): TemplateSet | undefined {
  const name = model.template?.name;
  return name === undefined ? undefined : loadTemplates(loadCatalog()).find((s) => s.name === name);
}

/**
 * Where a table stands: its sheet and first cell in a workbook; in a report as published, the page,
 * line or table number of its first cell (第 12 行, 第 3 页), as a reader finds it.
 */
export function tableLocation(table: Table): FindingLocation {
  const location: FindingLocation = {
    file: table.file,
    sheet: table.sheet,
    cell: table.range.split(':')[0] as string,
    table: table.kind,
  };
  const place = table.rows.flatMap((r) => Object.values(r.cells)).find((c) => c.ref.place)?.ref.place;
  if (!place) return location;
  const { page, line, table: tableNumber } = place;
  return { ...location, ...placeFields({ page, line, table: tableNumber }) };
}

export function paragraphLocation(p: ReportParagraph): FindingLocation {
  const location: FindingLocation = { file: p.file, table: 'report', rowKey: `P${p.index + 1}` };
  if (p.sheet) location.sheet = p.sheet;
  if (p.cell) location.cell = p.cell;
  // a report as published: where its reader found the paragraph (shown as 第 5 页, 第 120 行, 第 12 段)
  if (p.page !== undefined) location.page = p.page;
  if (p.line !== undefined) location.line = p.line;
  if (p.paragraph !== undefined) location.paragraph = p.paragraph;
  return location;
}

function where(p: ReportParagraph): string {
  if (p.sheet && p.cell) return `${p.sheet}!${p.cell}`;
  if (p.page !== undefined) return `第 ${p.page} 页`;
  if (p.line !== undefined) return `第 ${p.line} 行`;
  return `第 ${p.paragraph ?? p.index + 1} 段`;
}

function tableData(table: Table): Record<string, string> {
  const cell = table.range.split(':')[0] as string;
  return { table: table.name, tableKind: table.kind, sheet: table.sheet, cell: `${table.sheet}!${cell}` };
}

/** An empty table is kept and says why (本表无数据 and the reason). */
export function emptyTableNotes(model: WorkbookModel): RawFinding[] {
  return model.tables
    .filter((t) => t.empty && t.rows.length > 0 && !t.notes.some(saysNoData) && !textExplainsEmpty(t, model.text ?? []))
    .map((t) => ({ messageId: 'empty-table-note', data: tableData(t), location: tableLocation(t), related: [] }));
}

/** Budget figures are not spending: a 三公 table with a 预算数 and no 决算数 may say 无…支出. */
const BUDGET_BLOCKS = new Set(['budget', 'plan']);
const BUDGET_COLUMNS = new Set(['budget', 'initial-budget']);

function hasActualData(table: Table): boolean {
  return table.rows.some(
    (r) =>
      !BUDGET_BLOCKS.has(r.block) &&
      Object.entries(r.cells).some(([id, c]) => !BUDGET_COLUMNS.has(id) && c.value !== null && !c.value.isZero()),
  );
}

/** A table with data carries no note saying it has none. */
export function notesOnTablesWithData(model: WorkbookModel): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const t of model.tables) {
    if (t.empty || !hasActualData(t)) continue;
    const note = t.notes.find((n) => saysThisTableEmpty(n, t));
    if (note)
      findings.push({
        messageId: 'note-with-data',
        data: { ...tableData(t), raw: note },
        location: tableLocation(t),
        related: [],
      });
  }
  return findings;
}

/** In a full published report, each part the set requires (部门职责 … 名词解释, its 情况说明 items). */
export function reportParts(model: WorkbookModel): RawFinding[] {
  const set = setOf(model);
  const text = model.text ?? [];
  if (!set || text.length === 0) return [];
  const contents = findContents(text, catalogFor(set, loadCatalog()) ?? loadCatalog());
  // a report that breaks off within a table lacks every part after it: completeness.cut-off says so once
  if (!isFullReport(text, contents) || cutOffTable(model)) return [];
  return set.parts
    .filter((part) => !findPart(part, text, contents))
    .map((part) => ({
      messageId: 'report-part-missing',
      data: { name: part.name, title: set.title, detail: part.labels.join('、') },
      location: { file: model.file, table: 'report' },
      related: [],
    }));
}

/** The 目录 lists the tables that follow (and only those). */
export function contentsTables(model: WorkbookModel): RawFinding[] {
  const contents = contentsOf(model);
  if (!contents) return [];
  const findings: RawFinding[] = [];
  const found = new Set(model.tables.map((t) => t.kind));
  for (const listed of contents.tables) {
    if (found.has(listed.kind)) continue;
    findings.push({
      messageId: 'contents-table-missing',
      data: { name: entryText(listed.entry.text), kind: listed.kind, cell: where(listed.entry) },
      location: paragraphLocation(listed.entry),
      related: [],
    });
  }
  // only the set's own tables must be listed: attachments (绩效自评表) may stand under 附件 unnamed
  const setKinds = new Set(setOf(model)?.tables.map((t) => t.kind) ?? model.tables.map((t) => t.kind));
  const listed = new Set(contents.tables.map((t) => t.kind));
  const unlisted = model.tables.filter(
    (t, i) => setKinds.has(t.kind) && !listed.has(t.kind) && model.tables.findIndex((u) => u.kind === t.kind) === i,
  );
  for (const t of unlisted) {
    findings.push({
      messageId: 'contents-table-unlisted',
      data: { ...tableData(t), detail: where(contents.heading) },
      location: tableLocation(t),
      related: [paragraphLocation(contents.heading)],
    });
  }
  return findings;
}

/**
 * The 目录 lists the tables in the order they follow, in one running document: a published report,
 * or a sheet holding the 目录 and the tables. A workbook's sheets may stand in any order.
 */
export function contentsOrder(model: WorkbookModel): RawFinding[] {
  const contents = contentsOf(model);
  if (!contents) return [];
  const sheet = contents.heading.sheet;
  const tables = sheet === undefined ? model.tables : model.tables.filter((t) => t.sheet === sheet);
  if (tables.length === 0) return [];
  const present = new Set(tables.map((t) => t.kind));
  const listed = contents.tables.filter((t) => present.has(t.kind));
  const listedKinds = new Set(listed.map((t) => t.kind));
  const actual = tables.filter((t, i) => listedKinds.has(t.kind) && tables.findIndex((u) => u.kind === t.kind) === i);
  const at = listed.findIndex((l, i) => actual[i]?.kind !== l.kind);
  if (at < 0) return [];
  const entry = listed[at] as (typeof listed)[number];
  const table = actual[at] as Table;
  return [
    {
      messageId: 'contents-order',
      data: {
        name: entryText(entry.entry.text),
        expected: String(at + 1),
        ...tableData(table),
        detail: where(entry.entry),
      },
      location: paragraphLocation(entry.entry),
      related: [tableLocation(table)],
    },
  ];
}

/** A 目录 that lists at least two tables (a 目录 naming only 第五部分 决算表 lists none). */
function contentsOf(model: WorkbookModel) {
  const text = model.text ?? [];
  if (text.length === 0) return undefined;
  const set = setOf(model);
  const catalog = (set && catalogFor(set, loadCatalog())) ?? loadCatalog();
  const contents = findContents(text, catalog);
  return contents && contents.tables.length >= 2 ? contents : undefined;
}

/**
 * The table a report breaks off in, when the file holds only the start of a report (a web page
 * stored or copied up to a length, a download cut short): the standard tables found are the first
 * of the set's, in its order, and the last of them — the last table read — lacks the 总计 row a
 * table read to its end always has. What the set asks for after it is not in the file, so it is not
 * reported table by table and part by part (tables.missing, completeness.report-parts): one finding
 * says the report breaks off there. A whole report never ends so.
 */
export function cutOffTable(model: WorkbookModel): Table | undefined {
  if (model.missingTables.length === 0) return undefined;
  const set = setOf(model);
  if (!set) return undefined;
  const order = set.tables.filter((t) => t.required).map((t) => t.kind);
  const found = model.tables.filter((t) => order.includes(t.kind));
  if (found.length === 0 || found.some((t, i) => t.kind !== order[i])) return undefined;
  const last = found[found.length - 1] as Table;
  if (model.tables[model.tables.length - 1] !== last) return undefined;
  const definition = (catalogFor(set, loadCatalog()) ?? loadCatalog()).tables.find((t) => t.kind === last.kind);
  const closes = definition?.blocks.some((b) => b.roles.some((r) => r.role === 'grand-total')) ?? false;
  if (!closes || last.rows.some((r) => r.role === 'grand-total')) return undefined;
  return last;
}

/** completeness.cut-off: the report breaks off within a table; what follows it is not in the file. */
export function cutOff(model: WorkbookModel): RawFinding[] {
  const table = cutOffTable(model);
  if (!table) return [];
  return [
    {
      messageId: 'cut-off',
      data: {
        table: table.name,
        tableKind: table.kind,
        detail: table.marker ?? `公开${table.kind}表`,
        count: String(model.missingTables.length),
        missing: model.missingTables.map((t) => t.kind).join('、'),
      },
      location: tableLocation(table),
      related: [],
    },
  ];
}
