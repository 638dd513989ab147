/**
 * The browser's files: an in-memory, read-only-to-the-engine volume holding the package's own data
 * (rules/, the precompiled JSON, package.json, embedded at build time) and the bytes the officer
 * chose, put there by the page's I/O boundary (src/web/engine.ts). Nothing here touches a disk or a
 * network: it is what `node:fs` is in the browser bundle (src/web/node/fs.ts).
 */
import builtinFiles from 'juesuan:builtin-files';

/** Where the package's data lives in the volume (packageRoot() finds it from import.meta.url). */
export const PACKAGE_DIR = '/juesuan';
/** The folder the officer's files are put in: the checker's cwd. */
export const WORK_DIR = '/work';

const files = new Map<string, Uint8Array>();
const encoder = new TextEncoder();
for (const [path, text] of Object.entries(builtinFiles)) files.set(`${PACKAGE_DIR}/${path}`, encoder.encode(text));

export function putFile(path: string, bytes: Uint8Array): void {
  files.set(path, bytes);
}

/** Forgets every file below `dir` (the previous run's inputs). */
export function clearDir(dir: string): void {
  for (const path of [...files.keys()]) if (path.startsWith(`${dir}/`)) files.delete(path);
}

export function fileAt(path: string): Uint8Array | undefined {
  return files.get(path);
}

export function isDir(path: string): boolean {
  const prefix = path.endsWith('/') ? path : `${path}/`;
  if (prefix === '/') return true;
  for (const key of files.keys()) if (key.startsWith(prefix)) return true;
  return false;
}

/** The names directly below `dir`, each a file or a folder. */
export function namesIn(dir: string): { name: string; file: boolean }[] {
  const prefix = dir.endsWith('/') ? dir : `${dir}/`;
  const seen = new Map<string, boolean>();
  for (const key of files.keys()) {
    if (!key.startsWith(prefix)) continue;
    const rest = key.slice(prefix.length);
    const slash = rest.indexOf('/');
    seen.set(slash < 0 ? rest : rest.slice(0, slash), slash < 0);
  }
  return [...seen].map(([name, file]) => ({ name, file }));
}
