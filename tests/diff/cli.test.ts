import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { memoryIO } from '../../src/cli/io.js';
import { ROOT } from '../helpers/dist.js';
import { expectGolden } from '../helpers/golden.js';
import { workdir, writeText } from '../helpers/workdir.js';
import { parseXml, type XmlElement } from '../helpers/xml.js';

/**
 * `juesuan diff` through the CLI, in-process: the output of every format for the 2023 and 2024
 * fixtures (golden files; `UPDATE_GOLDEN=1 npx vitest run tests/diff` rewrites them), exit codes
 * and options. Paths are given relative to the repository root, and any absolute form of it is
 * replaced by "." before comparing, so the goldens hold on any machine.
 */

const PRIOR = 'fixtures/prior-2023.xlsx';
const CURRENT = 'fixtures/seed-2024.xlsx';
const dir = workdir();

async function cli(args: string[], cwd = ROOT) {
  const io = memoryIO({ cwd });
  const code = await run(args, io);
  const normalise = (text: string) => text.split(ROOT).join('.');
  return { code, out: normalise(io.stdout.join('')), err: io.stderr.join('') };
}

describe('diff output formats (golden)', () => {
  it.each([
    ['terminal', 'txt'],
    ['json', 'json'],
    ['markdown', 'md'],
    ['html', 'html'],
  ])('%s', async (format, ext) => {
    const { code, out, err } = await cli(['diff', PRIOR, CURRENT, '--format', format]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expectGolden(`diff-2023-2024.${format}.${ext}`, out);
  });

  it('terminal is the default format, without colour off a terminal', async () => {
    const plain = await cli(['diff', PRIOR, CURRENT]);
    expect(plain.out).toBe((await cli(['diff', PRIOR, CURRENT, '--format', 'terminal'])).out);
    expect(plain.out).not.toContain('\u001b[');
  });

  it('json: amounts as strings in 万元, blank as null, every change with both cells', async () => {
    const json = JSON.parse((await cli(['diff', PRIOR, CURRENT, '--format', 'json'])).out) as {
      unit: string;
      tables: {
        kind: string;
        rows: {
          status: string;
          changes: {
            prior: string | null;
            current: string | null;
            rate: string | null;
            priorCell: string | null;
            currentCell: string | null;
          }[];
        }[];
      }[];
    };
    expect(json.unit).toBe('万元');
    const changes = json.tables.flatMap((t) =>
      t.rows.flatMap((r) => r.changes.map((c) => ({ ...c, status: r.status }))),
    );
    for (const c of changes) {
      expect(c.prior === null || /^-?\d+\.\d{2,}$/.test(c.prior)).toBe(true);
      expect(c.status === 'added' || c.priorCell !== null).toBe(true);
      expect(c.status === 'removed' || c.currentCell !== null).toBe(true);
    }
  });

  it('html: well-formed, self-contained, with the chart of class totals', async () => {
    const { out } = await cli(['diff', PRIOR, CURRENT, '--format', 'html']);
    const doc = parseXml(out.replace(/^<!DOCTYPE html>\n/, ''));
    const all = (e: XmlElement): XmlElement[] => [
      e,
      ...e.children.flatMap((c) => (typeof c === 'string' ? [] : all(c))),
    ];
    const elements = all(doc);
    expect(elements.filter((e) => e.name === 'script' || e.name === 'link' || e.name === 'img')).toEqual([]);
    expect(elements.some((e) => e.name === 'svg')).toBe(true);
    // five classes with spending in either year, and the legend
    expect(elements.filter((e) => e.name === 'rect' && e.attributes.class === 'current').length).toBe(6);
    const csp = elements.find((e) => e.name === 'meta' && e.attributes['http-equiv'] === 'Content-Security-Policy');
    expect(csp?.attributes.content).toMatch(/^default-src 'none'; style-src 'sha256-/);
  });
});

describe('diff exit codes and options', () => {
  it('exit 1 with --fail-on-flagged when a change reaches the thresholds, else 0', async () => {
    expect((await cli(['diff', PRIOR, CURRENT, '--fail-on-flagged'])).code).toBe(1);
    expect((await cli(['diff', PRIOR, CURRENT])).code).toBe(0);
    const high = await cli([
      'diff',
      PRIOR,
      CURRENT,
      '--fail-on-flagged',
      '--threshold-rate',
      '101',
      '--format',
      'json',
    ]);
    expect(high.code).toBe(0);
    expect((JSON.parse(high.out) as { summary: { flagged: number } }).summary.flagged).toBe(0);
    expect((await cli(['diff', 'fixtures/prior-2023/yuan.xlsx', PRIOR, '--fail-on-flagged'])).code).toBe(0);
  });

  it('--threshold-amount and --threshold-rate change what is flagged', async () => {
    const flagged = async (...args: string[]) =>
      (
        JSON.parse((await cli(['diff', PRIOR, CURRENT, '--format', 'json', ...args])).out) as {
          summary: { flagged: number };
        }
      ).summary.flagged;
    const base = await flagged();
    expect(await flagged('--threshold-amount', '300')).toBe(0);
    expect(await flagged('--threshold-rate', '5', '--threshold-amount', '1')).toBeGreaterThan(base);
    // a rate may be written as a percentage
    expect(await flagged('--threshold-rate', '5%', '--threshold-amount', '1')).toBe(
      await flagged('--threshold-rate', '5', '--threshold-amount', '1'),
    );
    expect(await flagged('--threshold-rate', '5％', '--threshold-amount', '1')).toBeGreaterThan(base);
  });

  it('the flag column has a header in every table format', async () => {
    const terminal = (await cli(['diff', PRIOR, CURRENT])).out;
    expect(terminal).toMatch(/增减率 │ 标记\s*│/);
    expect((await cli(['diff', PRIOR, CURRENT, '--format', 'markdown'])).out).toContain('| 增减率 | 标记 |');
    expect((await cli(['diff', PRIOR, CURRENT, '--format', 'html'])).out).toContain('<th>增减率</th><th>标记</th>');
  });

  it('the configuration sets the thresholds; the command line wins', async () => {
    const config = writeText(dir, 'juesuan.config.yaml', 'diff:\n  thresholdRate: 5\n  thresholdAmount: 1\n');
    const flagged = async (...args: string[]) =>
      (
        JSON.parse((await cli(['diff', PRIOR, CURRENT, '--format', 'json', '--config', config, ...args])).out) as {
          summary: { flagged: number; changes: number };
          thresholds: { rate: string };
        }
      ).thresholds.rate;
    expect(await flagged()).toBe('5');
    expect(await flagged('--threshold-rate', '40')).toBe('40');
    const bad = writeText(dir, 'bad.yaml', 'diff:\n  thresholdRate: lots\n');
    const { code, err } = await cli(['diff', PRIOR, CURRENT, '--config', bad]);
    expect(code).toBe(2);
    expect(err).toContain('thresholdRate');
  });

  it('-o writes the file and prints nothing; never over an input', async () => {
    const target = join(dir, 'diff.md');
    const written = await cli(['diff', PRIOR, CURRENT, '--format', 'markdown', '-o', target]);
    expect(written).toMatchObject({ code: 0, out: '' });
    expect(readFileSync(target, 'utf8')).toContain('# 决算对比 2023 → 2024');
    const over = await cli(['diff', PRIOR, CURRENT, '-o', CURRENT]);
    expect(over.code).toBe(2);
    expect(over.err).toContain('从不改写输入');
  });

  it('-o FILE without --format: the extension names the format; --format wins', async () => {
    for (const [name, start] of [
      ['d.html', '<!DOCTYPE html>'],
      ['d.json', '{'],
      ['d.md', '# 决算对比 2023 → 2024'],
      ['d.txt', '决算对比 2023 → 2024'],
    ] as const) {
      const target = join(dir, name);
      expect(await cli(['diff', PRIOR, CURRENT, '-o', target])).toMatchObject({ code: 0, out: '' });
      expect(readFileSync(target, 'utf8').startsWith(start), name).toBe(true);
    }
    const explicit = join(dir, 'explicit.html');
    await cli(['diff', PRIOR, CURRENT, '--format', 'json', '-o', explicit]);
    expect(readFileSync(explicit, 'utf8').startsWith('{')).toBe(true);
  });

  it('warns when the first file is not the earlier year (swapped files), in every format', async () => {
    const note = '上年文件的年度（2024）不早于本年文件（2023），请确认两个文件的顺序';
    for (const format of ['terminal', 'json', 'markdown', 'html']) {
      const { code, out } = await cli(['diff', CURRENT, PRIOR, '--format', format]);
      expect(code).toBe(0);
      expect(out, format).toContain(note);
    }
    expect((await cli(['diff', PRIOR, CURRENT])).out).not.toContain('不早于');
  });

  it('exit 2 with one sentence: a missing file, a non-workbook, a bad format or threshold', async () => {
    const notWorkbook = writeText(dir, 'notes.xlsx', 'not a workbook');
    for (const args of [
      ['diff', 'fixtures/none.xlsx', CURRENT],
      ['diff', PRIOR, notWorkbook],
      ['diff', PRIOR, CURRENT, '--format', 'pdf'],
      ['diff', PRIOR, CURRENT, '--threshold-rate', '-5'],
      ['diff', PRIOR, CURRENT, '--threshold-amount', 'ten'],
      ['diff', PRIOR],
    ]) {
      const { code, out, err } = await cli(args);
      expect(code, args.join(' ')).toBe(2);
      expect(out, args.join(' ')).toBe('');
      expect(err.trim().split('\n').length, args.join(' ')).toBe(1);
    }
  });
});
