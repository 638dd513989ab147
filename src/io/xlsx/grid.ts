import type ExcelJS from 'exceljs';
import { type CellContent, contentText, EMPTY_CELL, type Grid, type GridCell } from '../../model/grid.js';

type ResultValue = number | string | boolean | Date | ExcelJS.CellErrorValue | undefined;

function fromResult(result: ResultValue, formula: string): CellContent {
  if (result === undefined || result === null) return { kind: 'no-result', formula };
  if (typeof result === 'number') return { kind: 'number', value: result, formula: true };
  if (typeof result === 'string') return { kind: 'text', value: result, formula: true };
  if (typeof result === 'boolean') return { kind: 'text', value: String(result), formula: true };
  if (result instanceof Date) return { kind: 'text', value: dateText(result), formula: true };
  return { kind: 'error', value: result.error, formula: true };
}

/** A date exceljs made of a date-formatted number; one too large to be a date (1e308) never throws. */
function dateText(date: Date): string {
  return Number.isNaN(date.getTime()) ? String(date) : date.toISOString().slice(0, 10);
}

/** Turns one exceljs value into plain content; exported for tests. */
export function contentOf(value: ExcelJS.CellValue): CellContent {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'string') return value.trim() === '' ? { kind: 'empty' } : { kind: 'text', value };
  if (typeof value === 'boolean') return { kind: 'text', value: String(value) };
  if (value instanceof Date) return { kind: 'text', value: dateText(value) };
  if ('richText' in value) {
    const text = value.richText.map((part) => part.text).join('');
    return text.trim() === '' ? { kind: 'empty' } : { kind: 'text', value: text };
  }
  if ('error' in value) return { kind: 'error', value: value.error };
  if ('formula' in value && typeof value.formula === 'string') return fromResult(value.result, value.formula);
  if ('sharedFormula' in value) return fromResult(value.result, value.sharedFormula);
  if ('text' in value && typeof value.text === 'string') return { kind: 'text', value: value.text };
  return { kind: 'text', value: JSON.stringify(value) };
}

/** A worksheet as plain data (merged cells resolved to their top-left text, hidden rows noted). */
export function gridFromWorksheet(ws: ExcelJS.Worksheet): Grid {
  const rows = new Map<number, Map<number, GridCell>>();
  const hiddenRows = new Set<number>();
  let colCount = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (row.hidden) hiddenRows.add(rowNumber);
    const cells = new Map<number, GridCell>();
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const slave = cell.isMerged && cell.master.address !== cell.address;
      const content = slave ? ({ kind: 'empty' } as const) : contentOf(cell.value);
      const text = slave ? contentText(contentOf(cell.master.value)) : contentText(content);
      if (content.kind === 'empty' && text === '') return;
      cells.set(colNumber, { content, text, mergedSlave: slave });
      colCount = Math.max(colCount, colNumber);
    });
    if (cells.size > 0) rows.set(rowNumber, cells);
  });
  let rowCount = 0;
  for (const rowNumber of rows.keys()) rowCount = Math.max(rowCount, rowNumber);
  return {
    sheet: ws.name,
    hidden: ws.state !== 'visible',
    rowCount,
    colCount,
    hiddenRows,
    cell: (r, c) => rows.get(r)?.get(c) ?? EMPTY_CELL,
  };
}

/** Every worksheet of a loaded workbook as a grid, in workbook order. */
export function gridsOfWorkbook(workbook: ExcelJS.Workbook): Grid[] {
  return workbook.worksheets.map(gridFromWorksheet);
}
