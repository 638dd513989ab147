import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkReport } from '../helpers/check-report.js';
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
/**
 * The PDFs bin/juesuan.js reads in one run (the first through the thread it starts before the
 * bundle, the second through a thread of its own): the first two. The bundle's `run` reads the rest,
 * so that each PDF is read through the bundle once (a PDF takes about a second of CPU to read).
 */
const BY_BIN = PDFS.slice(0, 2);
const BY_RUN = [...PDFS.slice(2), ...SHAPES];
const BIN = join(ROOT, 'bin', 'juesuan.js');

type Report = { code: number; out: string };

/** Whether this process loaded a module of @napi-rs/canvas (as a statement setting `canvas`). */
const canvasLoaded =
  "const canvas = Object.keys((await import('node:module')).createRequire(process.cwd() + '/').cache).some((f) => f.includes('@napi-rs'));";

/**
 * `check --format json` of every PDF through the CLI bundle (dist/bundle/load.js), in a node
 * process of its own: V8 accepts a code cache only under the flags it was made with, which this
 * test's worker does not run under. One process reads both lists (a second would only load the
 * bundle and pdfjs again).
 */
function bundleReports(): { reports: Report[]; scripts: [string, boolean][]; canvas: boolean } {
  const load = JSON.stringify(join(ROOT, 'dist', 'bundle', 'load.js'));
  const script = [
    `const { loadBundle, compiled } = await import(${load}); const { run } = loadBundle().exports;`,
    'const reports = [];',
    `for (const file of ${JSON.stringify(BY_RUN)}) {`,
    "  let out = '';",
    '  const io = { out: (t) => (out += t), err: () => {}, isTTY: false, env: {}, cwd: process.cwd() };',
    "  reports.push({ code: await run(['check', file, '--format', 'json'], io), out });",
    '}',
    'const scripts = [...compiled].map(([f, { script }]) => [f.split(/[\\\\/]/).pop(), script.cachedDataRejected]);',
    // whether any module of @napi-rs/canvas (pdfjs's drawing, a native library) was loaded
    canvasLoaded,
    'process.stdout.write(JSON.stringify({ reports, scripts, canvas }));',
  ].join('\n');
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  expect(child.stderr).toBe('');
  return JSON.parse(child.stdout);
}

/**
 * The same checks through the library's own `run` (the package's modules, pdfjs-dist imported), in
 * this process, with the same cwd (published-check.test.ts checks the seed PDFs so too: once per worker).
 */
async function libraryReports(): Promise<{ reports: Report[]; canvas: boolean }> {
  const reports: Report[] = [];
  for (const file of [...PDFS, ...SHAPES]) reports.push(await checkReport(file));
  const canvas = Object.keys(createRequire(join(ROOT, 'package.json')).cache).some((f) => f.includes('@napi-rs'));
  return { reports, canvas };
}

/** `bin/juesuan.js check` of BY_BIN in one run, as a user runs it: exit code, stdout, stderr. */
function binReport() {
  return spawnSync(process.execPath, [BIN, 'check', ...BY_BIN, '--format', 'json'], { cwd: ROOT, encoding: 'utf8' });
}

/** Every way, each run once for the file's tests. */
let both:
  | Promise<{
      cli: ReturnType<typeof bundleReports>;
      bin: ReturnType<typeof binReport>;
      lib: Awaited<ReturnType<typeof libraryReports>>;
    }>
  | undefined;
function reportsBothWays() {
  both ??= libraryReports().then((lib) => ({ cli: bundleReports(), bin: binReport(), lib }));
  return both;
}

/** The files of a `check --format json` report. */
const filesOf = (out: string | undefined) => (JSON.parse(out ?? '') as { files: unknown[] }).files;

describe('PDF through the built CLI', () => {
  beforeAll(() => ensureDist(), 120_000);

  it('reads every PDF as the library does, pdfjs from its chunks without @napi-rs/canvas, the scripts of this thread from caches V8 accepts', async () => {
    const { cli, bin, lib } = await reportsBothWays();
    // the first two through bin/juesuan.js (one report of both), the others through the bundle's run
    expect(bin.stderr).toBe('');
    expect(filesOf(bin.stdout)).toEqual(lib.reports.slice(0, BY_BIN.length).flatMap((r) => filesOf(r.out)));
    const reports = cli.reports.slice(0, PDFS.length - BY_BIN.length);
    expect(lib.reports.slice(0, PDFS.length).map((r) => r.code)).toEqual([1, 1, 1, 2]);
    expect(reports).toEqual(lib.reports.slice(BY_BIN.length, PDFS.length));
    // the display chunk gets stand-ins for the canvas package (pages are never drawn); the
    // package as imported by the library loads it
    expect(cli.canvas).toBe(false);
    expect(lib.canvas).toBe(true);
    expect(cli.scripts).toEqual([
      ['juesuan.cjs', false],
      ['pdfjs-display.cjs', false],
    ]);
    // seven CLI and library runs over eleven PDFs: on a busy machine over a minute, the one test that may take it
  }, 180_000);

  it('reads tables over pages and cut headers as the library does, their rulings worked out ahead', async () => {
    const { cli, lib } = await reportsBothWays();
    const reports = cli.reports.slice(PDFS.length - BY_BIN.length);
    expect(reports.map((r) => r.code)).toEqual([1, 1, 1]);
    expect(reports).toEqual(lib.reports.slice(PDFS.length));
  });

  it('reads PDFs named on the command line through the thread started before the bundle, and exits when it reads none', async () => {
    const { bin, lib } = await reportsBothWays();
    // the first PDF takes the early thread, the second starts its own: each file's report is the library's
    const [cid, embedded] = lib.reports;
    expect(bin.stderr).toBe('');
    expect(bin.status).toBe(1);
    expect(filesOf(bin.stdout)).toEqual([...filesOf(cid?.out), ...filesOf(embedded?.out)]);
    expect(embedded?.code).toBe(1);
    // a .pdf never read (no such file): the unused thread does not keep the process
    const missing = spawnSync(process.execPath, [BIN, 'check', join(ROOT, 'no-such-report.pdf')], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(missing.status).toBe(2);
  });
});
