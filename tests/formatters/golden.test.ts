import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectGolden } from '../helpers/golden.js';
import { workdir } from '../helpers/workdir.js';
import { brokenSeed, cli, FORMAT_FILES, FORMAT_LIST, type FormatName } from './seed-broken.js';

/**
 * Golden tests: the exact output of every formatter for the seed workbook with one injected error,
 * all written by one `check … -o FORMAT=PATH …` run. The workbook lies in a temporary folder that is
 * also the working directory: CI formats show it relative ("broken.xlsx"); stylish and json show
 * the path as given, which is normalised here, as is juesuan's version in the SARIF driver.
 * Rewrite the golden files with: UPDATE_GOLDEN=1 npx vitest run tests/formatters
 */

const dir = workdir();
const outputs = {} as Record<FormatName, string>;

function normalise(format: FormatName, text: string): string {
  const relative = text.split(`${dir}/`).join('').split(dir).join('.');
  if (format !== 'sarif') return relative;
  const log = JSON.parse(relative) as { runs: { tool: { driver: Record<string, unknown> } }[] };
  for (const run of log.runs) {
    if (run.tool.driver.version) run.tool.driver.version = '<version>';
    if (run.tool.driver.semanticVersion) run.tool.driver.semanticVersion = '<version>';
  }
  return `${JSON.stringify(log, null, 2)}\n`;
}

beforeAll(async () => {
  const broken = await brokenSeed(dir);
  const args = FORMAT_LIST.flatMap((f) => ['-o', `${f}=${join(dir, 'out', `report.${f}.${FORMAT_FILES[f]}`)}`]);
  const { code, out, err } = await cli(['check', broken, ...args], dir);
  expect(err).toBe('');
  expect(out).toBe('');
  expect(code).toBe(1);
  for (const f of FORMAT_LIST)
    outputs[f] = normalise(f, readFileSync(join(dir, 'out', `report.${f}.${FORMAT_FILES[f]}`), 'utf8'));
});

describe('golden output for the seed workbook with 支出决算表!F9 392.38 → 393.38', () => {
  it.each(FORMAT_LIST)('%s', (format) => {
    expectGolden(`seed-f9.${format}.${FORMAT_FILES[format]}`, outputs[format]);
  });

  it('each format is the same on stdout (--format) as in its -o file', async () => {
    for (const format of FORMAT_LIST) {
      const { out } = await cli(['check', join(dir, 'broken.xlsx'), '--format', format], dir);
      expect(normalise(format, out), format).toBe(outputs[format]);
    }
  });
});
