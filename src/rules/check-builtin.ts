import {
  contentsOrder,
  contentsTables,
  emptyTableNotes,
  notesOnTablesWithData,
  reportParts,
} from '../completeness/checks.js';
import type { WorkbookModel } from '../model/types.js';
import { termLocation } from './check-assert.js';
import { columnName, describeRow } from './eval/describe.js';
import type { TABLE_CHECKS } from './messages.js';
import type { RawFinding } from './types.js';

/** Each unreadable amount cell, once, at the cell: rules skip it, so this is its only report. */
function unreadableCells(model: WorkbookModel): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const table of model.tables) {
    for (const row of table.rows) {
      for (const [column, cell] of Object.entries(row.cells)) {
        if (cell.state !== 'unreadable') continue;
        const reason = cell.reason ?? '不是金额';
        // the reader's reason usually quotes the text already ("不是金额：「无」"); quote it once
        const detail = cell.raw === '' || reason.includes(`「${cell.raw}」`) ? reason : `「${cell.raw}」，${reason}`;
        findings.push({
          messageId: 'unreadable-cell',
          data: {
            table: table.name,
            tableKind: table.kind,
            row: describeRow(table, row),
            rowKey: row.key.id,
            column: columnName(table, column, row.block),
            cell: `${cell.ref.sheet}!${cell.ref.cell}`,
            sheet: cell.ref.sheet,
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

function missingTables(model: WorkbookModel): RawFinding[] {
  return model.missingTables.map((t) => ({
    messageId: 'missing-table',
    data: { name: t.name, kind: t.kind, table: t.name, tableKind: t.kind, detail: t.number ?? `公开${t.kind}表` },
    location: { file: model.file, table: t.kind },
    related: [],
  }));
}

/** The table checks implemented in code, by the names of their messages' registry entry (messages.ts TABLE_CHECKS). */
export const BUILTIN_CHECKS: Record<keyof typeof TABLE_CHECKS, (model: WorkbookModel) => RawFinding[]> = {
  'unreadable-cells': unreadableCells,
  'missing-tables': missingTables,
  // reported by the identities that could not be applied (check-assert's notApplied), rerouted here
  'not-applied': () => [],
  // 公开完整性 (src/completeness)
  'empty-table-note': emptyTableNotes,
  'note-with-data': notesOnTablesWithData,
  'report-parts': reportParts,
  'contents-tables': contentsTables,
  'contents-order': contentsOrder,
};
