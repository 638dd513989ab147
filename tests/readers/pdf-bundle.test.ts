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

/** `check --format json` of every PDF in one node process, through `runner` (a module exporting run). */
function checkAll(loadRun: string): { reports: { code: number; out: string }[]; scripts?: [string, boolean][] } {
  const script = [
    loadRun,
    'const reports = [];',
    `for (const file of ${JSON.stringify(PDFS)}) {`,
    "  let out = '';",
    '  const io = { out: (t) => (out += t), err: () => {}, isTTY: false, env: {}, cwd: process.cwd() };',
    "  reports.push({ code: await run(['check', file, '--format', 'json'], io), out });",
    '}',
    'const scripts = compiled && [...compiled].map(([f, { script }]) => [f.split(/[\\\\/]/).pop(), script.cachedDataRejected]);',
    'process.stdout.write(JSON.stringify({ reports, scripts }));',
  ].join('\n');
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  expect(child.stderr).toBe('');
  return JSON.parse(child.stdout);
}

describe('PDF through the built CLI', () => {
  beforeAll(() => ensureDist(), 120_000);

  it('reads every PDF as the library does, pdfjs from its chunks, the scripts of this thread from caches V8 accepts', () => {
    const load = JSON.stringify(join(ROOT, 'dist', 'bundle', 'load.js'));
    const cli = checkAll(
      `const { loadBundle, compiled } = await import(${load}); const { run } = loadBundle().exports;`,
    );
    const lib = checkAll(
      `const { run } = await import(${JSON.stringify(join(ROOT, 'dist', 'src', 'cli.js'))}); const compiled = undefined;`,
    );
    expect(cli.reports.map((r) => r.code)).toEqual([1, 1, 1, 2]);
    expect(cli.reports).toEqual(lib.reports);
    expect(cli.scripts).toEqual([
      ['juesuan.cjs', false],
      ['pdfjs-display.cjs', false],
    ]);
  });
});
