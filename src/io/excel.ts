/// <reference path="./exceljs-workbook.d.ts" />
import type ExcelJS from 'exceljs';

/**
 * exceljs's Workbook class without the rest of the package, loaded when a copy is asked for. The
 * package entry also loads the streaming reader and writer (unzipper, archiver): about 190 ms of
 * start-up we never use. exceljs is pinned (4.4.0) and has no `exports` map, so this path is
 * stable. The CLI runs it from the build's script chunk with its code cache (scripts/bundle.ts):
 * compiling exceljs took longer than checking a small workbook.
 */
export async function workbookClass(): Promise<typeof ExcelJS.Workbook> {
  return (await import('exceljs/lib/doc/workbook.js')).default;
}
