import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';

const require = createRequire(import.meta.url);

/**
 * exceljs's Workbook class without the rest of the package. The package entry also loads the
 * streaming reader and writer (unzipper, archiver): about 190 ms of start-up we never use.
 * exceljs is pinned (4.4.0) and has no `exports` map, so this path is stable.
 */
export const Workbook = require('exceljs/lib/doc/workbook.js') as typeof ExcelJS.Workbook;
