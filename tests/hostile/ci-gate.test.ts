import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/fixtures.js';
import { workdir } from '../helpers/workdir.js';
import { cli } from '../formatters/seed-broken.js';

const dir = workdir();
copyFileSync(join(FIXTURES, 'seed-2024.xlsx'), join(dir, 'good.xlsx'));
writeFileSync(join(dir, 'broken.xlsx'), 'PK\u0003\u0004 this is no workbook');
writeFileSync(join(dir, 'also-broken.xlsx'), 'not even a zip');

describe('CI gate: an unusable file fails the run (item 13)', () => {
  it('check good.xlsx broken.xlsx: exit 2 (ESLint’s convention), the good one still reported', async () => {
    const result = await cli(['check', 'good.xlsx', 'broken.xlsx', '--format', 'json'], dir);
    expect(result.code).toBe(2);
    const report = JSON.parse(result.out) as { files: { file: string; error?: unknown }[] };
    expect(report.files.map((f) => [f.file, f.error !== undefined])).toEqual([
      ['good.xlsx', false],
      ['broken.xlsx', true],
    ]);
    expect(result.err).toContain('broken.xlsx');
  });

  it('--skip-unusable (exploratory runs): the exit code comes from the usable files', async () => {
    expect((await cli(['check', 'good.xlsx', 'broken.xlsx', '--skip-unusable'], dir)).code).toBe(0);
    expect((await cli(['check', 'broken.xlsx', 'also-broken.xlsx', '--skip-unusable'], dir)).code).toBe(2);
  });

  it('every file unusable: the reports asked for are still written, saying so; exit 2', async () => {
    const out = join(dir, 'reports');
    const formats = { sarif: 'r.sarif', junit: 'r.xml', html: 'r.html', markdown: 'r.md', json: 'r.json' };
    const args = Object.entries(formats).flatMap(([f, p]) => ['-o', `${f}=${join(out, p)}`]);
    const result = await cli(['check', 'broken.xlsx', 'also-broken.xlsx', ...args], dir);
    expect(result.code).toBe(2);
    for (const path of Object.values(formats)) {
      const text = readFileSync(join(out, path), 'utf8');
      expect(text, path).toContain('broken.xlsx');
      expect(text, path).toContain('also-broken.xlsx');
    }
    expect(readFileSync(join(out, formats.junit), 'utf8')).toContain('<error');
  });

  it('a folder: .xls, .xlsm and .csv files are named on stderr, not skipped silently', async () => {
    const folder = join(dir, 'mixed');
    mkdirSync(folder);
    copyFileSync(join(FIXTURES, 'seed-2024.xlsx'), join(folder, 'a.xlsx'));
    for (const name of ['b.xls', 'c.csv', 'd.xlsm']) writeFileSync(join(folder, name), 'x');
    const result = await cli(['check', 'mixed'], dir);
    expect(result.code).toBe(0);
    for (const name of ['b.xls', 'c.csv', 'd.xlsm']) expect(result.err).toContain(join('mixed', name));
    expect(result.err).toContain('另存为 .xlsx');
  });

  it('a folder holding only .xls says so', async () => {
    const folder = join(dir, 'old');
    mkdirSync(folder);
    for (const name of ['2023.xls', '2024.xls']) writeFileSync(join(folder, name), 'x');
    const result = await cli(['check', 'old'], dir);
    expect(result.code).toBe(2);
    expect(result.err).toContain('只有 2 个旧版 .xls');
  });
});
