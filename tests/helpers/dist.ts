import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const DIST_WORKER = join(ROOT, 'dist', 'src', 'check', 'worker.js');
export const BIN = join(ROOT, 'bin', 'juesuan.js');
/** What bin/juesuan.js runs: the CLI bundled from dist/ by scripts/bundle.ts. */
const BUNDLE = join(ROOT, 'dist', 'bundle', 'juesuan.cjs');

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/**
 * The built CLI (bin/juesuan.js runs dist/): worker threads exist only there, so the tests of the
 * worker path build it first when dist/ is missing or older than src/ (on a fresh clone `npm ci`
 * has just built it). Type errors are the typecheck's business; the emitted files are what we need.
 */
export function ensureDist(): void {
  const built =
    existsSync(DIST_WORKER) && existsSync(BUNDLE)
      ? Math.min(newest(join(ROOT, 'dist', 'src')), statSync(BUNDLE).mtimeMs)
      : 0;
  if (built >= newest(join(ROOT, 'src'))) return;
  try {
    execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.build.json')],
      { cwd: ROOT, stdio: 'pipe' },
    );
  } catch {
    // tsc exits non-zero on a type error but still writes dist/
  }
  if (!existsSync(DIST_WORKER)) throw new Error(`npm run build did not produce ${DIST_WORKER}`);
  execFileSync(process.execPath, [join(ROOT, 'dist', 'scripts', 'bundle.js')], { cwd: ROOT, stdio: 'pipe' });
}
