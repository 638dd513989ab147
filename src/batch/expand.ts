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
function walk(root: string, dir: string, out: string[]): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // an unreadable sub-folder is skipped like a hidden one; its files never enter the batch
  }
  for (const entry of entries) {
    if (isSkippedName(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(root, path, out);
    else if (XLSX.test(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && !isDirectory(path))))
      out.push(relative(root, path));
  }
}

/**
 * The command line's paths as files to check: a folder stands for every .xlsx below it, sorted by
 * path (skipping `~$` lock files and hidden files and folders); any other path is kept as given, so
 * the reader reports it if it is missing or not a workbook. A file named twice is checked once.
 */
export function expandInputs(inputs: readonly string[], cwd: string): BatchInput[] {
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
    walk(absolute, absolute, found);
    if (found.length === 0) {
      const error = inputError('no-workbooks', { file: input });
      out.push({ file: input, error: { code: error.code, message: error.message } });
      continue;
    }
    for (const rel of found.sort(comparePaths)) add(join(input, rel));
  }
  return out;
}
