import type ExcelJS from 'exceljs';
import { InputError } from '../errors/input-error.js';
import {
  annotationsOf,
  CULPRIT_BORDER_ARGB,
  CULPRIT_FILL_ARGB,
  FILL_ARGB,
  NOTE_SHEET,
  unplacedOf,
  type UnplacedRow,
} from '../report/annotations.js';
import type { Finding } from '../model/finding.js';

/** An existing comment is kept below ours. */
function noteText(note: ExcelJS.Cell['note']): string {
  if (note === undefined || note === null) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}

/** Checks of --annotate itself, before any workbook is read: one input, an .xlsx name. */
export function checkAnnotateTarget(out: string, files: number): void {
  if (files > 1) {
    throw new InputError(
      'annotate-several-files',
      `--annotate 只能用于一个工作簿，这次有 ${files} 个：请逐个文件运行。`,
    );
  }
  if (!/\.xlsx$/i.test(out)) {
    throw new InputError(
      'annotate-not-xlsx',
      `--annotate 的输出文件 ${out} 应以 .xlsx 结尾（写出的是 .xlsx 工作簿）。`,
    );
  }
}

/** A sheet name the workbook does not use yet (Excel compares names case-insensitively). */
function freeSheetName(workbook: ExcelJS.Workbook, base: string): string {
  const taken = new Set(workbook.worksheets.map((w) => w.name.toLowerCase()));
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i += 1) name = `${base} ${i}`;
  return name;
}

/** The findings about no cell, on a sheet of their own at the end of the copy. */
function addNoteSheet(workbook: ExcelJS.Workbook, rows: readonly UnplacedRow[]): void {
  const sheet = workbook.addWorksheet(freeSheetName(workbook, NOTE_SHEET));
  sheet.columns = [
    { header: '级别', width: 8 },
    { header: '规则', width: 24 },
    { header: '位置', width: 24 },
    { header: '说明', width: 100 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    const row = sheet.addRow([r.severity, r.ruleId, r.place, r.message]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }
}

/** What the annotated copy holds: cells marked, and findings listed on the note sheet instead. */
export interface AnnotatedCopy {
  cells: number;
  unplaced: number;
}

/**
 * A copy of a workbook (read again through the guard, read-only) with every offending cell filled
 * and commented, the culprit of the diagnosis filled apart, and the findings about no cell on a note
 * sheet: its bytes, and what it holds. The page makes the same copy from a workbook's bytes.
 */
export async function annotatedCopy(
  input: string,
  findings: readonly Finding[],
  options: { stored?: boolean } = {},
): Promise<AnnotatedCopy & { bytes: Uint8Array }> {
  // exceljs (the writer of the copy) is loaded only when a copy is asked for
  const { loadWorkbook } = await import('../io/load-workbook.js');
  const workbook = await loadWorkbook(input);
  const annotations = annotationsOf(findings);
  const unplaced = unplacedOf(findings);
  let cells = 0;
  for (const a of annotations) {
    const cell = workbook.getWorksheet(a.sheet)?.getCell(a.cell);
    if (!cell) continue;
    cells += 1;
    // a fresh style object: after loading, cells with the same style share one, and setting
    // cell.fill would paint every cell of that style
    const frame = { style: 'medium' as const, color: { argb: CULPRIT_BORDER_ARGB } };
    cell.style = {
      ...cell.style,
      fill: {
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb: a.culprit ? CULPRIT_FILL_ARGB : FILL_ARGB[a.severity] },
      },
      ...(a.culprit ? { border: { top: frame, left: frame, bottom: frame, right: frame } } : {}),
    };
    const previous = noteText(cell.note);
    cell.note = previous ? `${a.note}\n\n——原批注——\n${previous}` : a.note;
  }
  if (unplaced.length > 0) addNoteSheet(workbook, unplaced);
  // a Buffer in Node, typed as the browser's ArrayBuffer; `stored`: entries not compressed (the
  // CLI deflates them with a faster compressor than exceljs's, see check-output.ts)
  const bytes = (await workbook.xlsx.writeBuffer(
    options.stored ? { zip: { compression: 'STORE' } } : undefined,
  )) as unknown as Uint8Array;
  return { bytes, cells, unplaced: unplaced.length };
}
