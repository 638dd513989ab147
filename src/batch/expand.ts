import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { inputError } from '../errors/messages.js';
import type { FileResult } from '../model/results.js';

/** One path to check, or an input that already failed (a folder without workbooks). */
export interface BatchInput {
  file: string;
  error?: FileResult['error'];
}

/** `~$名称.xlsx` is the lock file Excel and WPS keep beside an open workbook; dot files are hidden. */
export function isSkippedName(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$');
}

const XLSX = /\.xlsx$/i;
/** Spreadsheets in a folder that are not .xlsx: not checked, but named, so none is skipped silently. */
const OTHER_SPREADSHEET = /\.(xls|et|xlsm|xlsb|xltx|xltm|ods|csv)$/i;

/** A spreadsheet file in a folder that is not checked, and why (zh). */
export interface SkippedFile {
  file: string;
  why: string;
}

function skipReason(name: string): string {
  const ext = (/\.([^.]+)$/.exec(name)?.[1] ?? '').toLowerCase();
  if (ext === 'xls' || ext === 'et') return '旧版 .xls/.et 格式，请在 Excel 或 WPS 中另存为 .xlsx';
  if (ext === 'csv') return '.csv 文本表格，没有决算表的表头与格式，请使用 .xlsx';
  return `.${ext} 格式，本工具只检查 .xlsx，请另存为 .xlsx`;
}

/** Byte-order (code unit) comparison: the same on every machine and locale, unlike localeCompare. */
export function comparePaths(a: string, b: string): number {
  const x = a.split(sep).join('/');
  const y = b.split(sep).join('/');
  return x < y ? -1 : x > y ? 1 : 0;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Workbooks below `root` (relative paths); symbolic links to folders are not followed (no cycles). */
function walk(root: string, dir: string, out: string[], skipped: string[]): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // an unreadable sub-folder is skipped like a hidden one; its files never enter the batch
  }
  for (const entry of entries) {
    if (isSkippedName(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(root, path, out, skipped);
    else if (XLSX.test(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && !isDirectory(path))))
      out.push(relative(root, path));
    else if (OTHER_SPREADSHEET.test(entry.name)) skipped.push(relative(root, path));
  }
}

/**
 * The command line's paths as files to check: a folder stands for every .xlsx below it, sorted by
 * path (skipping `~$` lock files and hidden files and folders); any other path is kept as given, so
 * the reader reports it if it is missing or not a workbook. A file named twice is checked once.
 */
export function expandInputs(
  inputs: readonly string[],
  cwd: string,
  onSkipped: (skipped: SkippedFile) => void = () => undefined,
): BatchInput[] {
  const out: BatchInput[] = [];
  const seen = new Set<string>();
  const add = (file: string): void => {
    const key = resolve(cwd, file);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ file });
  };
  for (const input of inputs) {
    const absolute = resolve(cwd, input);
    if (!isDirectory(absolute)) {
      add(input);
      continue;
    }
    const found: string[] = [];
    const skipped: string[] = [];
    walk(absolute, absolute, found, skipped);
    for (const rel of skipped.sort(comparePaths)) onSkipped({ file: join(input, rel), why: skipReason(rel) });
    if (found.length === 0) {
      const legacy = skipped.filter((f) => /\.(xls|et)$/i.test(f)).length;
      const error = inputError('no-workbooks', { file: input, ...(legacy > 0 ? { legacy } : {}) });
      out.push({ file: input, error: { code: error.code, message: error.message } });
      continue;
    }
    for (const rel of found.sort(comparePaths)) add(join(input, rel));
  }
  return out;
}
