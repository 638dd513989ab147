import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { memoryIO } from '../../src/cli/io.js';
import type { Finding } from '../../src/model/finding.js';
import { ROOT } from '../helpers/dist.js';

/**
 * `juesuan check CURR --previous PREV` through the CLI: the table rules that span years
 * (rules/y.yaml) and the narrative's year-over-year statements (rules/narrative/years.yaml), on the
 * seed (its 情况说明 sheet: fixtures/seed-2024-full.xlsx) and the prior-year fixtures.
 */

type Checked = { code: number; findings: Finding[]; err: string };

/**
 * Each command line run once for the file: the seed against the agreeing 2023 file is asked by three tests (the
 * findings, stderr in the right order, the 万元 side of the units). A run is a pure function of its arguments and
 * the fixtures; no test changes what it returns.
 */
const runs = new Map<string, Promise<Checked>>();

function check(...args: string[]): Promise<Checked> {
  const key = JSON.stringify(args);
  let result = runs.get(key);
  if (!result) {
    result = (async () => {
      const io = memoryIO({ cwd: ROOT });
      const code = await run(['check', ...args], io);
      const out = io.stdout.join('');
      const findings = code === 2 ? [] : (JSON.parse(out) as { findings: Finding[] }).findings;
      return { code, findings, err: io.stderr.join('') };
    })();
    runs.set(key, result);
  }
  return result;
}

/** The findings of the year-over-year rules: "rule place", place = paragraph or sheet!cell. */
function years(findings: Finding[], withInfo = false): string[] {
  return findings
    .filter((f) => f.ruleId.startsWith('y.') && (withInfo || f.severity !== 'info'))
    .map(
      (f) =>
        `${f.ruleId} ${f.location.table === 'narrative' ? f.location.rowKey : `${f.location.sheet}!${f.location.cell}`}`,
    );
}

const FULL = 'fixtures/seed-2024-full.xlsx';

describe('check --previous', () => {
  it('agreeing pair: no table discrepancy across the years; of the statements only P13, which no consistent 2023 file can satisfy', async () => {
    const { code, findings } = await check(FULL, '--previous', 'fixtures/prior-2023.xlsx', '--format', 'json');
    expect(code).toBe(1);
    expect(years(findings)).toEqual(['y.narrative.change P13']);
    expect(years(findings, true).filter((f) => f.startsWith('y.narrative.unexplained'))).toHaveLength(2);
  });

  it('a --previous workbook whose year is not earlier: stderr says so (swapped or wrong file); the right order says nothing', async () => {
    const swapped = await check('fixtures/prior-2023.xlsx', '--previous', FULL, '--format', 'json');
    expect(swapped.err).toBe(
      'juesuan: 注意：上年工作簿 fixtures/seed-2024-full.xlsx 的年度（2024）不早于 fixtures/prior-2023.xlsx（2023），请确认 --previous 给的是上一年度的工作簿。\n',
    );
    const same = await check(FULL, '--previous', FULL, '--format', 'json');
    expect(same.err).toContain('的年度（2024）不早于 fixtures/seed-2024-full.xlsx（2024）');
    expect((await check(FULL, '--previous', 'fixtures/prior-2023.xlsx', '--format', 'json')).err).toBe('');
  });

  it('contradicting pair: each contradicted statement and both carried-forward balances are named', async () => {
    const { findings } = await check(FULL, '--previous', 'fixtures/prior-2023/contradicting.xlsx', '--format', 'json');
    expect(years(findings).sort()).toEqual(
      [
        'y.t01.opening-balance 收入支出决算总表!C36',
        'y.t04.opening-balance 财政拨款收入支出决算总表!C35',
        'y.t04.opening-general 财政拨款收入支出决算总表!C36',
        'y.narrative.direction P3',
        'y.narrative.direction P5',
        'y.narrative.change P7',
        'y.narrative.direction P9',
        'y.narrative.change P10',
        'y.narrative.change P13',
      ].sort(),
    );
  });

  it('units: last year in 元 gives what last year in 万元 gives; this year in 元 against last year in 万元 too', async () => {
    const wan = await check(FULL, '--previous', 'fixtures/prior-2023.xlsx', '--format', 'json');
    const yuan = await check(FULL, '--previous', 'fixtures/prior-2023/yuan.xlsx', '--format', 'json');
    expect(years(yuan.findings, true)).toEqual(years(wan.findings, true));
    const both = await check(
      'fixtures/variants/yuan.xlsx',
      '--previous',
      'fixtures/prior-2023.xlsx',
      '--format',
      'json',
    );
    expect(both.code).toBe(0);
    expect(years(both.findings)).toEqual([]);
    const contradicted = await check(
      'fixtures/variants/yuan.xlsx',
      '--previous',
      'fixtures/prior-2023/contradicting.xlsx',
      '--format',
      'json',
    );
    expect(years(contradicted.findings)).toEqual([
      'y.t01.opening-balance 收入支出决算总表!C36',
      'y.t04.opening-balance 财政拨款收入支出决算总表!C35',
      'y.t04.opening-general 财政拨款收入支出决算总表!C36',
    ]);
    expect(contradicted.findings.find((f) => f.ruleId === 'y.t01.opening-balance')?.data).toMatchObject({
      actual: '0.00',
      expected: '500000.00',
      unit: '元',
    });
  });

  it('without --previous nothing spans the years', async () => {
    const { findings } = await check(FULL, '--format', 'json');
    expect(years(findings, true)).toEqual([]);
  });

  it('exit 2 with one sentence: last year unusable, or several workbooks', async () => {
    const missing = await check(FULL, '--previous', 'fixtures/none.xlsx');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^juesuan: 上年工作簿（--previous）：找不到文件「none\.xlsx」/);
    const several = await check(FULL, 'fixtures/seed-2024.xlsx', '--previous', 'fixtures/prior-2023.xlsx');
    expect(several.code).toBe(2);
    expect(several.err).toContain('--previous 只用于检查一个工作簿');
  });

  it('the rules are listed and explained like the others', async () => {
    const io = memoryIO({ cwd: ROOT });
    expect(await run(['rules', '--format', 'json'], io)).toBe(0);
    const ids = (JSON.parse(io.stdout.join('')) as { id: string }[])
      .map((r) => r.id)
      .filter((id) => id.startsWith('y.'));
    expect(ids).toEqual([
      'y.t01.opening-balance',
      'y.t04.opening-balance',
      'y.t04.opening-general',
      'y.t04.opening-fund',
      'y.t04.opening-state-capital',
      'y.t07.opening',
      'y.t07.opening-row',
      'y.narrative.direction',
      'y.narrative.change',
      'y.narrative.rate',
      'y.narrative.unexplained',
    ]);
  });
});
