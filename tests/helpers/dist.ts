import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
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

/** When a file, or the newest file below a folder, was last written (0: there is none). */
function lastWritten(path: string): number {
  if (!existsSync(path)) return 0;
  return statSync(path).isDirectory() ? newest(path) : statSync(path).mtimeMs;
}

/**
 * When tsc last brought dist/ up to date with src/. The build is incremental (tsc -b): it rewrites
 * only the outputs that change, and marks a build that changed none (a source touched, not edited)
 * on its tsbuildinfo.
 */
function compiledAt(): number {
  const info = join(ROOT, 'dist', 'tsconfig.build.tsbuildinfo');
  return Math.max(newest(join(ROOT, 'dist', 'src')), existsSync(info) ? statSync(info).mtimeMs : 0);
}

function isBuilt(): boolean {
  const built = existsSync(DIST_WORKER) && existsSync(BUNDLE) ? Math.min(compiledAt(), statSync(BUNDLE).mtimeMs) : 0;
  return built >= newest(join(ROOT, 'src'));
}

/** Held while a test worker builds dist/; a lock older than this was left by a run that was killed. */
const BUILD_LOCK = join(ROOT, 'dist', '.tests-building');
const STALE_LOCK_MS = 300_000;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Takes the build lock (a directory: made atomically), waiting while another worker holds it. */
function lockBuild(): void {
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let age = 0;
    try {
      age = Date.now() - statSync(BUILD_LOCK).mtimeMs;
    } catch {
      continue; // released in between
    }
    if (age > STALE_LOCK_MS) rmSync(BUILD_LOCK, { recursive: true, force: true });
    else sleep(200);
  }
}

/**
 * The built CLI (bin/juesuan.js runs dist/): worker threads exist only there, so the tests of the
 * worker path build it first when dist/ is missing or older than src/ (on a fresh clone `npm ci`
 * has just built it). Type errors are the typecheck's business; the emitted files are what we need.
 * Test files run in parallel workers: one builds while the others wait for its build (two builds
 * writing dist/ at once could leave it mixed).
 */
export function ensureDist(): void {
  if (isBuilt()) return;
  lockBuild();
  try {
    if (isBuilt()) return; // another worker built it while this one waited
    try {
      execFileSync(
        process.execPath,
        [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', join(ROOT, 'tsconfig.build.json')],
        { cwd: ROOT, stdio: 'pipe' },
      );
    } catch {
      // tsc exits non-zero on a type error but still writes dist/
    }
    if (!existsSync(DIST_WORKER)) throw new Error(`npm run build did not produce ${DIST_WORKER}`);
    execFileSync(process.execPath, [join(ROOT, 'dist', 'scripts', 'bundle.js')], { cwd: ROOT, stdio: 'pipe' });
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

/** The page (npm run build:web; npm ci's prepare builds it too). */
const WEB_PAGE = join(ROOT, 'dist', 'web', 'index.html');
/**
 * What the page is bundled from: the sources, the rules, the build's precompiled data, the bundling
 * script, and the installed packages (npm rewrites node_modules/.package-lock.json on every install).
 */
const WEB_INPUTS = ['src', 'rules', join('dist', 'builtin-data.json'), join('scripts', 'build-web.ts'), 'package.json'];
const INSTALLED = join('node_modules', '.package-lock.json');

/**
 * The page's tests drive dist/web: built again only when something it is bundled from changed
 * after it was written (on a fresh clone `npm ci` has just built it from these very files).
 */
export async function ensureWeb(): Promise<void> {
  const built = lastWritten(WEB_PAGE);
  if (built > 0 && [...WEB_INPUTS, INSTALLED].every((input) => lastWritten(join(ROOT, input)) <= built)) return;
  const { buildWeb } = await import('../../scripts/build-web.js');
  await buildWeb();
}
