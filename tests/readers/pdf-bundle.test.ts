import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureDist, ROOT } from '../helpers/dist.js';
import { FIXTURES } from '../helpers/fixtures.js';

// The CLI reads a PDF with pdfjs-dist from the build's script chunks (dist/bundle/pdfjs-display.cjs
// in this thread, pdfjs-worker.cjs on pdfjs's own worker thread, each run with stand-ins for
// Response and DecompressionStream and with its code cache); the library imports the package
// itself and runs pdfjs's worker in this thread. Both must read every PDF alike, byte for byte of
// the report.
const PDFS = [
  join(FIXTURES, 'published', 'seed-2024-cid.pdf'),
  join(FIXTURES, 'published', 'seed-2024-embedded.pdf'),
  join(FIXTURES, 'published', 'shapes', 'continued.cid.pdf'),
  join(FIXTURES, 'published', 'hostile', 'scanned.pdf'),
];
/**
 * Tables over pages and headers cut by a page's end: the CLI works out the rulings of pages ahead
 * while pdfjs's thread makes the first ones, the library page by page; the same reports.
 */
const SHAPES = ['header-ends.cid.pdf', 'split-header.embedded.pdf', 'reordered.embedded.pdf'].map((f) =>
  join(FIXTURES, 'published', 'shapes', f),
);

/** `check --format json` of every PDF in one node process, through `runner` (a module exporting run). */
function checkAll(
  loadRun: string,
  pdfs: string[] = PDFS,
): {
  reports: { code: number; out: string }[];
  scripts?: [string, boolean][];
  canvas: boolean;
} {
  const script = [
    loadRun,
    'const reports = [];',
    `for (const file of ${JSON.stringify(pdfs)}) {`,
    "  let out = '';",
    '  const io = { out: (t) => (out += t), err: () => {}, isTTY: false, env: {}, cwd: process.cwd() };',
    "  reports.push({ code: await run(['check', file, '--format', 'json'], io), out });",
    '}',
    'const scripts = compiled && [...compiled].map(([f, { script }]) => [f.split(/[\\\\/]/).pop(), script.cachedDataRejected]);',
    // whether any module of @napi-rs/canvas (pdfjs's drawing, a native library) was loaded
    "const { createRequire } = await import('node:module');",
    "const canvas = Object.keys(createRequire(process.cwd() + '/').cache).some((f) => f.includes('@napi-rs'));",
    'process.stdout.write(JSON.stringify({ reports, scripts, canvas }));',
  ].join('\n');
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  expect(child.stderr).toBe('');
  return JSON.parse(child.stdout);
}

/** The library's reports of every PDF (read once for both tests). */
let library: ReturnType<typeof checkAll> | undefined;
function libraryReports(): ReturnType<typeof checkAll> {
  library ??= checkAll(
    `const { run } = await import(${JSON.stringify(join(ROOT, 'dist', 'src', 'cli.js'))}); const compiled = undefined;`,
  );
  return library;
}

describe('PDF through the built CLI', () => {
  beforeAll(() => ensureDist(), 120_000);

  it('reads every PDF as the library does, pdfjs from its chunks without @napi-rs/canvas, the scripts of this thread from caches V8 accepts', () => {
    const load = JSON.stringify(join(ROOT, 'dist', 'bundle', 'load.js'));
    const cli = checkAll(
      `const { loadBundle, compiled } = await import(${load}); const { run } = loadBundle().exports;`,
    );
    const lib = libraryReports();
    expect(cli.reports.map((r) => r.code)).toEqual([1, 1, 1, 2]);
    expect(cli.reports).toEqual(lib.reports);
    // the display chunk gets stand-ins for the canvas package (pages are never drawn); the
    // package as imported by the library loads it
    expect(cli.canvas).toBe(false);
    expect(lib.canvas).toBe(true);
    expect(cli.scripts).toEqual([
      ['juesuan.cjs', false],
      ['pdfjs-display.cjs', false],
    ]);
  });

  it('reads tables over pages and cut headers as the library does, their rulings worked out ahead', () => {
    const load = JSON.stringify(join(ROOT, 'dist', 'bundle', 'load.js'));
    const cli = checkAll(
      `const { loadBundle, compiled } = await import(${load}); const { run } = loadBundle().exports;`,
      SHAPES,
    );
    const lib = checkAll(
      `const { run } = await import(${JSON.stringify(join(ROOT, 'dist', 'src', 'cli.js'))}); const compiled = undefined;`,
      SHAPES,
    );
    expect(cli.reports.map((r) => r.code)).toEqual([1, 1, 1]);
    expect(cli.reports).toEqual(lib.reports);
  });

  it('reads PDFs named on the command line through the thread started before the bundle, and exits when it reads none', () => {
    const bin = join(ROOT, 'bin', 'juesuan.js');
    const lib = libraryReports();
    // the first PDF takes the early thread, the second starts its own
    const [cid, embedded] = lib.reports;
    for (const files of [[PDFS[0]], [PDFS[0], PDFS[1]]]) {
      const child = spawnSync(process.execPath, [bin, 'check', ...(files as string[]), '--format', 'json'], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      expect(child.stderr).toBe('');
      expect(child.status).toBe(1);
      if (files.length === 1) expect(child.stdout).toBe(cid?.out);
      else expect(JSON.parse(child.stdout).files.length).toBe(2);
    }
    expect(embedded?.code).toBe(1);
    // a .pdf never read (no such file): the unused thread does not keep the process
    const missing = spawnSync(process.execPath, [bin, 'check', join(ROOT, 'no-such-report.pdf')], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(missing.status).toBe(2);
  });
});
