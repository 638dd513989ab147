import { loadCatalog } from '../catalog/load-catalog.js';
import {
  contentsOrder,
  contentsTables,
  cutOff,
  cutOffTable,
  emptyTableNotes,
  notesOnTablesWithData,
  reportParts,
} from '../completeness/checks.js';
import { publishedTable, tablePlace } from '../model/place.js';
import type { AmountCell, WorkbookModel } from '../model/types.js';
import { isPrintedAmount, shownTooNarrow } from '../util/amount-text.js';
import { cellData, termLocation } from './check-assert.js';
import { sameTotals } from './same-totals.js';
import { columnName } from './eval/describe.js';
import type { TABLE_CHECKS } from './messages.js';
import type { RawFinding } from './types.js';

/**
 * Two amounts in one cell of a table laid out by position (a PDF, a space-aligned text): the reader
 * most likely missed the rule between two columns, the report is not wrong there.
 */
function mergedFigures(cell: AmountCell): boolean {
  const place = cell.ref.place;
  if (place?.page === undefined && place?.line === undefined) return false;
  // two or more printed amounts apart ("7.47 30.57")
  const parts = cell.raw.trim().split(/\s+/);
  return parts.length >= 2 && parts.every(isPrintedAmount);
}

/**
 * Words in an amount cell of a PDF table without rules (its columns read from alignment): most
 * likely a label the alignment placed one column off, not words written in the amount's place.
 */
function misalignedWords(cell: AmountCell): boolean {
  return cell.ref.place?.aligned === true && /\p{Script=Han}/u.test(cell.raw);
}

type Unreadable = 'unreadable' | 'merged' | 'misaligned';

function unreadableKind(cell: AmountCell): Unreadable {
  if (mergedFigures(cell)) return 'merged';
  return misalignedWords(cell) ? 'misaligned' : 'unreadable';
}

const UNREADABLE_MESSAGES = { merged: 'merged-figures', misaligned: 'misaligned-words' } as const;

/** The unreadable amount cells of the model a check reports, in reading order. */
function unreadableOf(model: WorkbookModel, kind: Unreadable): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const table of model.tables) {
    for (const row of table.rows) {
      for (const column in row.cells) {
        const cell = row.cells[column] as AmountCell;
        if (cell.state !== 'unreadable' || cell.unplaced || unreadableKind(cell) !== kind) continue;
        const merged = kind === 'merged';
        const reason = cell.reason ?? '不是金额';
        // the reader's reason usually quotes the text already ("不是金额：「无」"); quote it once
        const detail = merged
          ? `「${cell.raw.trim()}」`
          : cell.raw === '' || reason.includes(`「${cell.raw}」`)
            ? reason
            : `「${cell.raw}」，${reason}`;
        findings.push({
          messageId:
            kind !== 'unreadable'
              ? UNREADABLE_MESSAGES[kind]
              : shownTooNarrow(cell.raw)
                ? 'column-too-narrow'
                : 'unreadable-cell',
          data: {
            ...cellData({ table, row, column, cell }),
            raw: cell.raw,
            reason,
            detail,
          },
          location: termLocation({ table, row, column, cell }),
          related: [],
        });
      }
    }
  }
  return findings;
}

/** Each unreadable amount cell, once, at the cell: rules skip it, so this is its only report. */
function unreadableCells(model: WorkbookModel): RawFinding[] {
  return unreadableOf(model, 'unreadable');
}

/** Two amounts read into one cell of a PDF or a space-aligned text: said softly, at the cell. */
function mergedFigureCells(model: WorkbookModel): RawFinding[] {
  return unreadableOf(model, 'merged');
}

/** Words in an amount cell of a PDF table read by alignment: said softly, at the cell. */
function misalignedCells(model: WorkbookModel): RawFinding[] {
  return unreadableOf(model, 'misaligned');
}

/**
 * The cells of a line printed with single spaces that its figures may or may not fill (the blank
 * cells left no trace and no sum tells which): said once per line, at its first such cell.
 */
function unplacedCells(model: WorkbookModel): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const table of model.tables)
    for (const row of table.rows) {
      const columns = Object.keys(row.cells).filter((c) => row.cells[c]?.unplaced);
      const column = columns[0];
      if (column === undefined) continue;
      const cell = row.cells[column] as AmountCell;
      findings.push({
        messageId: 'unplaced-cells',
        data: {
          ...cellData({ table, row, column, cell }),
          columns: columns.map((c) => `「${columnName(table, c, row.block)}」`).join(''),
          count: String(columns.length),
        },
        location: termLocation({ table, row, column, cell }),
        related: [],
      });
    }
  return findings;
}

/**
 * A table the page's right edge cut (a PDF of a table wider than its page), or a part of a sheet
 * printed side by side over pages that could not be laid beside the rest: said once, at its first
 * such page.
 */
function clippedTables(model: WorkbookModel): RawFinding[] {
  return model.tables.flatMap((t) => {
    const page = t.clipped?.[0];
    if (page === undefined) return [];
    const detail = t.clipped?.map((p) => `第 ${p} 页`).join('、') ?? '';
    return [
      {
        messageId: t.unjoined ? 'unjoined-piece' : 'clipped-table',
        data: { table: t.name, tableKind: t.kind, sheet: t.sheet, detail },
        location: { file: t.file, sheet: t.sheet, table: t.kind, page },
        related: [],
      },
    ];
  });
}

/**
 * Running text the page's right edge cut (a page laid out wider than the paper), or the print area
 * (a sheet's unwrapped line whose rest, printed beside its page, was not read back): the end of each
 * such line is not read, so what its paragraphs say is read in part. Said once, at the first page.
 */
function clippedText(model: WorkbookModel): RawFinding[] {
  const cut = (model.text ?? []).filter((p) => p.clipped);
  const first = cut[0];
  if (!first) return [];
  const pages = [...new Set(cut.flatMap((p) => (p.page === undefined ? [] : [p.page])))];
  return [
    {
      messageId: cut.every((p) => p.piece) ? 'unjoined-text' : 'clipped-text',
      data: { count: String(cut.length), detail: pages.map((p) => `第 ${p} 页`).join('、') },
      location: { file: first.file, table: 'narrative', ...(first.page === undefined ? {} : { page: first.page }) },
      related: [],
    },
  ];
}

/** A report as published (PDF, Word, HTML, text) places its cells on paper; a workbook's cells have none. */
function published(model: WorkbookModel): boolean {
  return model.tables.some(publishedTable);
}

function missingTables(model: WorkbookModel): RawFinding[] {
  // a report that breaks off within a table says so once (completeness.cut-off), not table by table
  if (cutOffTable(model)) return [];
  const source = published(model) ? '报告' : '工作簿';
  return model.missingTables.map((t) => ({
    messageId: 'missing-table',
    data: {
      name: t.name,
      kind: t.kind,
      table: t.name,
      tableKind: t.kind,
      detail: t.number ?? `公开${t.kind}表`,
      source,
    },
    location: { file: model.file, table: t.kind },
    related: [],
  }));
}

/** A standard table found more than once (a stale copy left in the workbook): the rules read the first only. */
function duplicateTables(model: WorkbookModel): RawFinding[] {
  const standard = new Set(
    loadCatalog()
      .tables.filter((t) => t.standard)
      .map((t) => t.kind),
  );
  const byKind = new Map<string, WorkbookModel['tables']>();
  for (const table of model.tables) {
    if (!standard.has(table.kind)) continue;
    byKind.set(table.kind, [...(byKind.get(table.kind) ?? []), table]);
  }
  const findings: RawFinding[] = [];
  for (const [kind, tables] of byKind) {
    const [first, ...others] = tables;
    if (!first || others.length === 0) continue;
    const inReport = tables.every(publishedTable);
    // a report as published by where each copy stands there (第 4–6 行, 第 3 页); a workbook's by sheet and cell
    const place = (t: (typeof tables)[number]) => (inReport ? tablePlace(t) : `「${t.sheet}」${t.range.split(':')[0]}`);
    findings.push({
      messageId: 'duplicate-table',
      data: {
        name: first.name,
        kind,
        table: first.name,
        tableKind: kind,
        // the set's number of the table, as tables.missing says it
        detail: first.marker ?? `公开${kind}表`,
        count: String(tables.length),
        source: inReport ? '报告' : '工作簿',
        at: inReport ? '位于' : '工作表',
        sheets: tables.map(place).join('、'),
        sheet: place(first),
      },
      location: { file: model.file, sheet: others[0]?.sheet, cell: others[0]?.range.split(':')[0], table: kind },
      related: tables.map((t) => ({ file: model.file, sheet: t.sheet, cell: t.range.split(':')[0], table: kind })),
    });
  }
  return findings;
}

/** Every sheet hidden: opened in Excel the workbook shows nothing, and what is published may not be what was checked. */
function hiddenSheets(model: WorkbookModel): RawFinding[] {
  const sheets = new Map<string, boolean>();
  for (const t of model.tables) sheets.set(t.sheet, t.hiddenSheet);
  for (const s of model.ignoredSheets) sheets.set(s.sheet, s.hidden);
  if (sheets.size === 0 || [...sheets.values()].some((hidden) => !hidden)) return [];
  return [
    {
      messageId: 'all-sheets-hidden',
      data: { count: String(sheets.size) },
      location: { file: model.file },
      related: [],
    },
  ];
}

/** The table checks implemented in code, by the names of their messages' registry entry (messages.ts TABLE_CHECKS). */
export const BUILTIN_CHECKS: Record<keyof typeof TABLE_CHECKS, (model: WorkbookModel) => RawFinding[]> = {
  'unreadable-cells': unreadableCells,
  'merged-figures': mergedFigureCells,
  'misaligned-cells': misalignedCells,
  'unplaced-cells': unplacedCells,
  'clipped-tables': clippedTables,
  'clipped-text': clippedText,
  'missing-tables': missingTables,
  'duplicate-tables': duplicateTables,
  'hidden-sheets': hiddenSheets,
  'same-totals': sameTotals,
  // reported by the identities that could not be applied (check-assert's notApplied), rerouted here
  'not-applied': () => [],
  // 公开完整性 (src/completeness)
  'empty-table-note': emptyTableNotes,
  'note-with-data': notesOnTablesWithData,
  'report-parts': reportParts,
  'cut-off': cutOff,
  'contents-tables': contentsTables,
  'contents-order': contentsOrder,
};
