/**
 * exceljs's Workbook in the browser bundle (src/io/excel.ts in Node): its own browser build,
 * without polyfills. Its text holds two Function-constructor fallbacks that a browser never
 * reaches (the global object when neither `self` nor `global` exists; setImmediate given a string),
 * which the build checks are the only ones (scripts/build-web.ts) and the browser test checks no
 * content-security violation happens while a copy is made.
 */
import ExcelJS from 'exceljs/dist/exceljs.bare.min.js';

/** The Workbook class, as src/io/excel.ts gives it in Node. */
export async function workbookClass(): Promise<typeof ExcelJS.Workbook> {
  return ExcelJS.Workbook;
}
