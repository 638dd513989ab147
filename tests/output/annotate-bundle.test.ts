import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readZip } from '../../scripts/fuzz/zip.js';
import { run } from '../../src/cli.js';
import { memoryIO } from '../../src/cli/io.js';
import { brokenSeed } from '../formatters/seed-broken.js';
import { ensureDist, ROOT } from '../helpers/dist.js';
import { workdir } from '../helpers/workdir.js';
import { comparableParts } from '../helpers/zip.js';

// The CLI writes an annotated copy with exceljs's Workbook from the build's script chunk
// (dist/bundle/exceljs.cjs, run with its code cache); the library imports the package's file. Both
// must write the same copy, part for part. The library's copy is written in this process (its `run`,
// as tests/readers/pdf-bundle.test.ts reads the library's reports): only the CLI needs a process
// of its own, for the flags its code cache was made under.
const dir = workdir();

/** `check FILE --annotate OUT` in a node process through the CLI bundle (dist/bundle/load.js). */
function bundleAnnotate(input: string, out: string): { code: number; scripts: [string, boolean][] } {
  const load = JSON.stringify(join(ROOT, 'dist', 'bundle', 'load.js'));
  const script = [
    `const { loadBundle, compiled } = await import(${load}); const { run } = loadBundle().exports;`,
    'const io = { out: () => {}, err: () => {}, isTTY: false, env: {}, cwd: process.cwd() };',
    `const code = await run(['check', ${JSON.stringify(input)}, '--annotate', ${JSON.stringify(out)}], io);`,
    'const scripts = [...compiled].map(([f, { script }]) => [f.split(/[\\\\/]/).pop(), script.cachedDataRejected]);',
    'process.stdout.write(JSON.stringify({ code, scripts }));',
  ].join('\n');
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8' });
  expect(child.stderr).toBe('');
  return JSON.parse(child.stdout);
}

describe('--annotate through the built CLI', () => {
  beforeAll(() => ensureDist(), 120_000);

  it('writes the copy the library writes, exceljs from its chunk with a code cache V8 accepts', async () => {
    const broken = await brokenSeed(dir);
    const cli = bundleAnnotate(broken, 'cli.xlsx');
    const libIO = memoryIO({ cwd: dir });
    const lib = await run(['check', broken, '--annotate', 'lib.xlsx'], libIO);
    expect(libIO.stderr.join('')).toBe('');
    expect([cli.code, lib]).toEqual([1, 1]);
    expect(cli.scripts).toEqual([
      ['juesuan.cjs', false],
      ['exceljs.cjs', false],
    ]);
    const parts = (name: string) => comparableParts(readZip(readFileSync(join(dir, name))));
    expect(parts('cli.xlsx')).toEqual(parts('lib.xlsx'));
  });
});
