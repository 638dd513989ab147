import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli.js';
import { memoryIO } from '../src/cli/io.js';
import type { Finding } from '../src/model/finding.js';
import { FIXTURES } from './helpers/fixtures.js';
import { mutatedCopy, workdir, writeText } from './helpers/workdir.js';

const SEED = join(FIXTURES, 'seed-2024.xlsx');
const dir = workdir();
let broken = '';

async function cli(args: string[]) {
  const io = memoryIO({ cwd: dir });
  const code = await run(args, io);
  return { code, out: io.stdout.join(''), err: io.stderr.join('') };
}

interface JsonReport {
  version: number;
  failOn: string;
  summary: { error: number; warn: number; info: number };
  files: { file: string; tables: string[]; counts: Record<string, number> }[];
  findings: Finding[];
}

beforeAll(async () => {
  // 03 事业运行 基本支出 392.38 → 393.38 breaks the row total and the 合计 column sum
  broken = await mutatedCopy(
    'seed-2024.xlsx',
    [{ sheet: '支出决算表', cell: 'F9', value: 393.38 }],
    join(dir, 'broken.xlsx'),
  );
});

describe('juesuan check', () => {
  it('exits 0 with no findings on the seed workbook', async () => {
    const { code, out } = await cli(['check', SEED]);
    expect(code).toBe(0);
    expect(out).toContain('未发现问题');
    expect(out).toContain('武汉经济技术开发区（汉南区）大数据中心');
  });

  it('exits 1 and names the changed cell when an identity breaks', async () => {
    const { code, out } = await cli(['check', broken]);
    expect(code).toBe(1);
    expect(out).toContain('t03.row-total');
    expect(out).toContain('支出决算表!');
  });

  it('emits the documented finding type as JSON', async () => {
    const { code, out } = await cli(['check', broken, '--format', 'json']);
    expect(code).toBe(1);
    const report = JSON.parse(out) as JsonReport;
    expect(report.version).toBe(1);
    expect(report.files[0]?.tables).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09']);
    const rowTotal = report.findings.find((f) => f.ruleId === 't03.row-total');
    expect(rowTotal).toMatchObject({
      severity: 'error',
      messageId: expect.any(String),
      location: { file: broken, sheet: '支出决算表', table: '03', rowKey: 'F2010350' },
    });
    expect(Object.keys(rowTotal?.data ?? {})).toEqual(
      expect.arrayContaining(['expected', 'actual', 'difference', 'tolerance']),
    );
    const cells = [rowTotal?.location, ...(rowTotal?.related ?? [])].map((l) => l?.cell);
    expect(cells).toContain('F9');
    expect(report.summary.error).toBe(report.findings.filter((f) => f.severity === 'error').length);
  });

  it('--disable turns rules off; an unknown rule id is a usage error', async () => {
    const all = JSON.parse((await cli(['check', broken, '--format', 'json'])).out) as JsonReport;
    const ids = [...new Set(all.findings.map((f) => f.ruleId))];
    const disabled = await cli(['check', broken, ...ids.flatMap((id) => ['--disable', id])]);
    expect(disabled.code).toBe(0);
    const unknown = await cli(['check', broken, '--disable', 'no.such-rule']);
    expect(unknown.code).toBe(2);
    expect(unknown.err.trim().split('\n')).toHaveLength(1);
  });

  it('--fail-on decides which severity fails; a config file re-grades rules', async () => {
    const all = JSON.parse((await cli(['check', broken, '--format', 'json'])).out) as JsonReport;
    const ids = [...new Set(all.findings.map((f) => f.ruleId))];
    const config = writeText(dir, 'warn.yaml', `rules:\n${ids.map((id) => `  ${id}: warn`).join('\n')}\n`);
    const regraded = await cli(['check', broken, '--config', config, '--format', 'json']);
    expect(regraded.code).toBe(0);
    const report = JSON.parse(regraded.out) as JsonReport;
    expect(report.findings.length).toBe(all.findings.length);
    expect(new Set(report.findings.map((f) => f.severity))).toEqual(new Set(['warn']));
    expect((await cli(['check', broken, '--config', config, '--fail-on', 'warn'])).code).toBe(1);
    expect((await cli(['check', broken, '--fail-on', 'fatal'])).code).toBe(2);
  });

  it('finds juesuan.config.yaml upward from the workbook', async () => {
    const nested = join(dir, 'a', 'b');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(nested, { recursive: true });
    const copy = await mutatedCopy(
      'seed-2024.xlsx',
      [{ sheet: '支出决算表', cell: 'F9', value: 393.38 }],
      join(nested, 'x.xlsx'),
    );
    const all = JSON.parse((await cli(['check', copy, '--format', 'json'])).out) as JsonReport;
    writeText(
      join(dir, 'a'),
      'juesuan.config.yaml',
      `rules:\n${[...new Set(all.findings.map((f) => f.ruleId))].map((id) => `  ${id}: off`).join('\n')}\n`,
    );
    const { code, out } = await cli(['check', copy]);
    expect(code).toBe(0);
    expect(out).toContain('未发现问题');
  });

  it('rejects a bad config file with its file and line, exit 2', async () => {
    const bad = writeText(dir, 'bad.yaml', 'rules:\n  t03.row-total: fatal\n');
    const { code, err } = await cli(['check', SEED, '--config', bad]);
    expect(code).toBe(2);
    expect(err).toContain('bad.yaml 第 2 行');
    const unknownKey = writeText(dir, 'unknown.yaml', 'failOn: warn\nformats: [json]\n');
    expect((await cli(['check', SEED, '--config', unknownKey])).err).toContain('第 2 行');
  });

  it('rejects a bad rule file with every problem, one sentence each with its file and line, exit 2', async () => {
    const bad = writeText(dir, 'rules-bad.yaml', 'rules:\n  - id: my.rule\n    title: x\n    severity: loud\n');
    const { code, err } = await cli(['check', SEED, '--rules', bad]);
    expect(code).toBe(2);
    const lines = err.trim().split('\n');
    // the severity, the missing explain, the missing assert
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(/^juesuan: 规则文件 .*rules-bad\.yaml 第 \d+ 行：/);
  });

  it('ends a several-file stylish report with a summary table per file', async () => {
    const { code, out } = await cli(['check', SEED, broken]);
    expect(code).toBe(1);
    const summary = out.slice(out.lastIndexOf('┌'));
    expect(summary).toMatch(/seed-2024\.xlsx[^\n]*✔ 通过/);
    expect(summary).toMatch(/broken\.xlsx[^\n]*│\s+2 │[^\n]*✖ 未通过/);
  });

  it('checks the other files when one is unusable, and fails the run (exit 2) unless --skip-unusable', async () => {
    const missing = join(dir, 'missing.xlsx');
    const mixed = await cli(['check', SEED, missing]);
    expect(mixed.code).toBe(2);
    expect((await cli(['check', SEED, missing, '--skip-unusable'])).code).toBe(0);
    expect(mixed.err).toContain('missing.xlsx');
    const none = await cli(['check', missing]);
    expect(none.code).toBe(2);
    expect(none.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('juesuan rules and explain', () => {
  it('lists every rule with its severity and title', async () => {
    const { code, out } = await cli(['rules', '--format', 'json']);
    expect(code).toBe(0);
    const rules = JSON.parse(out) as { id: string; severity: string; title: string }[];
    expect(rules.length).toBeGreaterThan(30);
    expect(rules.every((r) => r.id && r.title && ['error', 'warn', 'info'].includes(r.severity))).toBe(true);
  });

  it('explains a rule; an unknown id exits 2', async () => {
    const ok = await cli(['explain', 't03.row-total']);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('t03.row-total');
    expect(ok.out).toMatch(/rules\/t03\.yaml:\d+/);
    expect((await cli(['explain', 'nope'])).code).toBe(2);
  });
});
