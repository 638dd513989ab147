import { resolve } from 'node:path';
import type ExcelJS from 'exceljs';
import { InputError } from '../errors/input-error.js';
import { loadWorkbook } from '../io/load-workbook.js';
import type { OutputWriter } from '../io/output/writer.js';
import { annotationsOf, FILL_ARGB } from '../report/annotations.js';
import type { FileResult } from '../model/results.js';

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

/**
 * Writes a copy of the checked workbook with every offending cell filled and commented. The input
 * is read again through the guard (read-only) and never written; the copy goes to `out` only,
 * through the run's writer (which refuses every input of the run).
 */
export async function writeAnnotated(
  result: FileResult,
  out: string,
  cwd: string,
  writer: OutputWriter,
): Promise<number> {
  const input = resolve(cwd, result.file);
  const workbook = await loadWorkbook(input);
  const annotations = annotationsOf(result.findings);
  for (const a of annotations) {
    const cell = workbook.getWorksheet(a.sheet)?.getCell(a.cell);
    if (!cell) continue;
    // a fresh style object: after loading, cells with the same style share one, and setting
    // cell.fill would paint every cell of that style
    cell.style = {
      ...cell.style,
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL_ARGB[a.severity] } },
    };
    const previous = noteText(cell.note);
    cell.note = previous ? `${a.note}\n\n——原批注——\n${previous}` : a.note;
  }
  const bytes = await workbook.xlsx.writeBuffer();
  // a Buffer in Node, typed as the browser's ArrayBuffer
  writer.write(out, bytes as unknown as Uint8Array, '--annotate');
  return annotations.length;
}
