import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  applyBaseline,
  type BaselineError,
  entriesFromResults,
  formatBaseline,
  parseBaseline,
  staleFindings,
  type Baseline,
} from '../src/baseline/index.js';
import { run } from '../src/cli.js';
import { builtinRulePaths, loadRuleFiles } from '../src/rules/index.js';
import { memoryIO } from '../src/cli/io.js';
import type { Finding } from '../src/model/finding.js';
import type { FileResult } from '../src/model/results.js';
import { FIXTURES } from './helpers/fixtures.js';
import { mutatedCopy, workdir, writeText } from './helpers/workdir.js';

const dir = workdir();

function finding(ruleId: string, location: Partial<Finding['location']>, message = 'm'): Finding {
  return {
    ruleId,
    severity: 'error',
    message,
    messageId: 'x',
    data: {},
    location: { file: 'a.xlsx', ...location },
    related: [],
  };
}

async function cli(...args: string[]) {
  const io = memoryIO({ cwd: dir });
  const code = await run(args, io);
  return { code, out: io.stdout.join(''), err: io.stderr.join('') };
}

interface JsonReport {
  files: { file: string }[];
  findings: Finding[];
}

const json = (out: string) => JSON.parse(out) as JsonReport;

describe('baseline entries (pure)', () => {
  const rowTotal = finding(
    't03.row-total',
    { sheet: '支出决算表', cell: 'E9', table: '03', rowKey: 'F2010350', column: 'total' },
    '差额 -1.00',
  );
  const workbookLevel = finding('wb.missing-table', {});
  const results: FileResult[] = [
    {
      file: 'a.xlsx',
      findings: [rowTotal, workbookLevel, { ...rowTotal, location: { ...rowTotal.location, cell: 'E30' } }],
    },
    { file: 'b.xlsx', error: { code: 'not-a-workbook', message: '…' }, findings: [] },
  ];

  it('one entry per rule + table + row + column, message, sheet!cell and file for the reader', () => {
    const entries = entriesFromResults(results);
    expect(entries).toEqual([
      {
        rule: 't03.row-total',
        table: '03',
        row: 'F2010350',
        column: 'total',
        reason: '',
        message: '差额 -1.00',
        cell: '支出决算表!E9',
        file: 'a.xlsx',
      },
      { rule: 'wb.missing-table', reason: '', message: 'm', file: 'a.xlsx' },
    ]);
    expect(entriesFromResults(results, [{ rule: 'wb.missing-table', reason: '已说明' }])[1]?.reason).toBe('已说明');
  });

  it('written with a prompt for each empty reason, read back the same (table "03" stays text)', () => {
    const text = formatBaseline(entriesFromResults(results));
    expect(text).toContain('reason: "" # 必填');
    expect(text).toContain('table: "03"');
    const back = parseBaseline(text, 'accepted.yaml', { requireReasons: false });
    expect(back.entries.map(({ line: _line, ...e }) => e)).toEqual(entriesFromResults(results));
    expect(back.entries.map((e) => text.split('\n')[(e.line ?? 0) - 1])).toEqual([
      '  - rule: t03.row-total',
      '  - rule: wb.missing-table',
    ]);
    expect(
      parseBaseline('version: 1\naccepted:\n  - rule: x\n    table: 03\n    reason: ok\n', 'f').entries[0]?.table,
    ).toBe('03');
  });

  it('rejects what it cannot use, naming the file and the line', () => {
    const bad: [string, RegExp][] = [
      ['version: 1\naccepted:\n  - rule: a\n    reason: ""\n', /f\.yaml 第 4 行：规则 a 的条目没有填写 reason/],
      ['version: 1\naccepted:\n  - rule: a\n  - rule: b\n    reason: "  "\n', /第 3 行.*共 2 条未填写，第 3、5 行/],
      ['version: 1\naccepted:\n  - table: "03"\n    reason: ok\n', /第 3 行：条目缺少 rule/],
      ['version: 1\naccepted:\n  - rule: a\n    reasn: ok\n', /第 4 行：未知的字段「reasn」/],
      ['version: 2\n', /第 1 行：version 应为 1/],
      ['accept: []\n', /第 1 行：未知的项「accept」/],
      [
        'version: 1\naccepted:\n  - rule: a\n    row: L1\n    reason: x\n  - rule: a\n    row: L1\n    reason: y\n',
        /第 6 行：与第 3 行的条目相同/,
      ],
      ['version: 1\naccepted:\n  - rule: a\n    reason: [x]\n', /第 4 行：reason 应为一段文字/],
      ['version: 1\naccepted: {rule: a}\n', /第 2 行：accepted 应为条目列表/],
      ['version: 1\naccepted:\n  - rule: a\n   reason: x\n', /第 \d 行：YAML 语法错误/],
    ];
    for (const [text, message] of bad) expect(() => parseBaseline(text, 'f.yaml'), text).toThrow(message);
    expect(parseBaseline('', 'f.yaml').entries).toEqual([]);
    expect(parseBaseline('version: 1\naccepted:\n', 'f.yaml').entries).toEqual([]);
  });

  it('reports every problem of the file at once, in line order', () => {
    const text = [
      'version: 2', // 1
      'accepted:',
      '  - rule: a', // 3
      '    reasn: ok', // 4: typo
      '  - table: "03"', // 5: no rule
      '    reason: ok',
      '  - rule: b', // 7
      '    reason: ""', // 8: empty
      '  - rule: b', // 9: the same again
      '    reason: x',
      '',
    ].join('\n');
    let error: unknown;
    try {
      parseBaseline(text, 'f.yaml');
    } catch (e) {
      error = e;
    }
    expect((error as BaselineError).problems.map((p) => [p.code, p.line])).toEqual([
      ['bad-version', 1],
      ['unknown-field', 4],
      ['missing-rule', 5],
      ['empty-reason', 8],
      ['duplicate', 9],
    ]);
    expect((error as BaselineError).message.split('\n')).toHaveLength(5);
  });

  it('accepts by key, whatever the cell; lists entries that matched nothing as stale info findings', () => {
    const baseline: Baseline = {
      file: 'accepted.yaml',
      entries: [
        {
          rule: 't03.row-total',
          table: '03',
          row: 'F2010350',
          column: 'total',
          reason: 'ok',
          cell: '支出决算表!E1',
          line: 3,
        },
        { rule: 't03.row-total', table: '03', row: 'F2010350', column: 'basic', reason: 'ok', line: 9 },
      ],
    };
    const applied = applyBaseline(results, baseline);
    expect(applied.accepted).toBe(2);
    expect(applied.results[0]?.findings).toEqual([workbookLevel]);
    expect(applied.results[1]).toBe(results[1]);
    expect(applied.stale).toEqual([baseline.entries[1]]);
    const { rules } = loadRuleFiles(builtinRulePaths());
    const [stale] = staleFindings(baseline, applied.stale, { rules, severities: {} });
    expect(stale).toMatchObject({
      ruleId: 'baseline.stale',
      severity: 'info',
      data: { line: '9', rule: 't03.row-total' },
      location: { file: 'accepted.yaml', table: '03', rowKey: 'F2010350', column: 'basic' },
    });
    expect(stale?.message).toBe(
      '审核说明第 9 行接受的问题（t03.row-total，表 03，行 F2010350，栏 basic）已不再出现，可从 accepted.yaml 中删除该条目。',
    );
    // a rule like any other: re-graded or turned off by configuration
    expect(
      staleFindings(baseline, applied.stale, { rules, severities: { 'baseline.stale': 'warn' } })[0]?.severity,
    ).toBe('warn');
    expect(staleFindings(baseline, applied.stale, { rules, severities: { 'baseline.stale': 'off' } })).toEqual([]);
  });

  it('explain baseline.stale: the rule that appears in the output is explained', async () => {
    const io = memoryIO();
    expect(await run(['explain', 'baseline.stale'], io)).toBe(0);
    expect(io.stdout.join('')).toMatch(/^baseline\.stale {2}审核说明中的条目已不再出现\n级别：提示（info）/);
  });
});

describe('juesuan baseline and check --baseline', () => {
  let broken = '';
  let _worse = '';
  let _moved = '';
  const accepted = () => join(dir, 'accepted.yaml');

  beforeAll(async () => {
    // 03 事业运行 基本支出 392.38 → 393.38 (row total and 合计 column break)
    broken = await mutatedCopy(
      'seed-2024.xlsx',
      [{ sheet: '支出决算表', cell: 'F9', value: 393.38 }],
      join(dir, 'broken.xlsx'),
    );
    // the same, plus 项目支出 of the same row: a new finding on another column
    _worse = await mutatedCopy(
      'seed-2024.xlsx',
      [
        { sheet: '支出决算表', cell: 'F9', value: 393.38 },
        { sheet: '支出决算表', cell: 'G9', value: 6.79 },
      ],
      join(dir, 'worse.xlsx'),
    );
    // the same break in the stacked layout: 03 starts at row 62, so 事业运行 is F70, not F9
    _moved = await mutatedCopy(
      'variants/stacked.xlsx',
      [{ sheet: '部门决算公开表', cell: 'F70', value: 393.38 }],
      join(dir, 'moved.xlsx'),
    );
  }, 30_000);

  it('create: every current finding with an empty reason; check refuses it until the reasons are filled', async () => {
    // a diagnosis is no entry: it goes with the findings it explains
    const found = json((await cli('check', 'broken.xlsx', '--format', 'json')).out).findings;
    expect(found.map((f) => f.ruleId)).toContain('diagnosis.culprit');
    const all = found.filter((f) => f.ruleId !== 'diagnosis.culprit');
    expect(all.length).toBeGreaterThan(0);
    const created = await cli('baseline', 'broken.xlsx', '-o', 'accepted.yaml');
    expect(created.code).toBe(0);
    expect(created.err).toContain(`${all.length} 条，其中 ${all.length} 条待填写 reason`);
    const parsed = parseBaseline(readFileSync(accepted(), 'utf8'), 'accepted.yaml', { requireReasons: false });
    expect(parsed.entries.map((e) => [e.rule, e.table, e.row, e.column])).toEqual(
      all.map((f) => [f.ruleId, f.location.table, f.location.rowKey, f.location.column]),
    );
    const refused = await cli('check', 'broken.xlsx', '--baseline', 'accepted.yaml');
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/^juesuan: 审核说明 accepted\.yaml 第 \d+ 行：.*reason/);
    expect(refused.err.trim().split('\n')).toHaveLength(1);
  });

  it('accept: with reasons filled in, the accepted findings are not reported (exit 0)', async () => {
    writeFileSync(
      accepted(),
      readFileSync(accepted(), 'utf8').replaceAll(/reason: "".*$/gm, 'reason: 经核实为填报口径差异，已与财政部门确认'),
    );
    const { code, out, err } = await cli('check', 'broken.xlsx', '--baseline', 'accepted.yaml', '--format', 'json');
    expect(code).toBe(0);
    // the explained findings accepted, their diagnosis goes with them
    expect(json(out).findings).toEqual([]);
    expect(err).toMatch(/已接受 \d+ 个问题，0 条不再出现/);
    // each file says how many of its findings were accepted: it passed with them, not clean
    const acceptedCount = (json(out) as unknown as { files: { accepted?: number }[] }).files[0]?.accepted;
    expect(acceptedCount).toBe(2);
    const stylish = await cli('check', 'broken.xlsx', '--baseline', 'accepted.yaml');
    expect(stylish.out).toContain('✔ 未发现问题（审核说明已接受 2 个）');
    const batch = await cli('check', 'broken.xlsx', join(FIXTURES, 'seed-2024.xlsx'), '--baseline', 'accepted.yaml');
    expect(batch.out).toContain('✔ 通过（已接受 2 个）');
    expect((await cli('check', 'broken.xlsx', '--baseline', 'accepted.yaml', '--no-baseline')).code).toBe(1);
  });

  it('matches by table, row and column, not by cell: the same break elsewhere in the sheet is accepted', async () => {
    const before = json((await cli('check', 'moved.xlsx', '--format', 'json')).out).findings;
    expect(before.some((f) => f.location.cell === 'E70' && f.location.rowKey === 'F2010350')).toBe(true);
    const { code, out } = await cli('check', 'moved.xlsx', '--baseline', 'accepted.yaml', '--format', 'json');
    expect(code).toBe(0);
    expect(json(out).findings).toEqual([]);
  });

  it('new finding: only what the baseline does not accept is reported (exit 1)', async () => {
    const all = json((await cli('check', 'worse.xlsx', '--format', 'json')).out).findings;
    const { code, out } = await cli('check', 'worse.xlsx', '--baseline', 'accepted.yaml', '--format', 'json');
    expect(code).toBe(1);
    const left = json(out).findings;
    expect(left.length).toBeGreaterThan(0);
    expect(left.length).toBeLessThan(all.length);
    // (a diagnosis stays while a finding it explains does: here the pair F9 + G9)
    expect(left.filter((f) => f.ruleId !== 'diagnosis.culprit').every((f) => f.location.column !== 'basic')).toBe(true);
    expect(left.some((f) => f.location.column === 'project')).toBe(true);
  });

  it('stale: accepted entries that no longer occur are listed as baseline.stale info findings', async () => {
    const entries = parseBaseline(readFileSync(accepted(), 'utf8'), 'accepted.yaml').entries;
    const { code, out, err } = await cli(
      'check',
      join(FIXTURES, 'seed-2024.xlsx'),
      '--baseline',
      'accepted.yaml',
      '--format',
      'json',
    );
    expect(code).toBe(0);
    const report = json(out);
    expect(report.files.map((f) => f.file)).toEqual([join(FIXTURES, 'seed-2024.xlsx'), 'accepted.yaml']);
    expect(report.findings.map((f) => [f.ruleId, f.severity, f.location.file, f.data.line])).toEqual(
      entries.map((e) => ['baseline.stale', 'info', 'accepted.yaml', String(e.line)]),
    );
    expect(err).toContain(`已接受 0 个问题，${entries.length} 条不再出现`);
    expect(
      (await cli('check', join(FIXTURES, 'seed-2024.xlsx'), '--baseline', 'accepted.yaml', '--fail-on', 'info')).code,
    ).toBe(1);
    // with --shard the other shards may hold the matching findings: nothing is called stale
    const sharded = await cli(
      'check',
      join(FIXTURES, 'seed-2024.xlsx'),
      '--baseline',
      'accepted.yaml',
      '--shard',
      '1/1',
      '--format',
      'json',
    );
    expect(json(sharded.out).findings).toEqual([]);
    expect(sharded.err).toContain('不列出不再出现的条目');
  });

  it('update: running baseline again keeps the reasons written, adds new entries empty, drops gone ones', async () => {
    const before = parseBaseline(readFileSync(accepted(), 'utf8'), 'accepted.yaml').entries.length;
    const updated = await cli('baseline', 'worse.xlsx', '-o', 'accepted.yaml');
    expect(updated.code).toBe(0);
    const entries = parseBaseline(readFileSync(accepted(), 'utf8'), 'accepted.yaml', { requireReasons: false }).entries;
    const filled = entries.filter((e) => e.reason.startsWith('经核实'));
    expect(filled.length).toBeGreaterThan(0);
    expect(filled.length).toBeLessThanOrEqual(before);
    expect(
      entries
        .filter((e) => e.reason === '')
        .every((e) => e.column === 'project' || e.column === 'total' || e.row === 'TOTAL'),
    ).toBe(true);
    expect(updated.err).toMatch(/待填写 reason/);
    const toStdout = await cli('baseline', 'worse.xlsx');
    expect(toStdout.out).toMatch(/^# juesuan 审核说明/);
    expect((await cli('baseline', 'broken.xlsx', '-o', 'broken.xlsx')).code).toBe(2);
    expect((await cli('baseline', 'nothing.xlsx', '-o', 'x.yaml')).code).toBe(2);
  });

  it('juesuan.config.yaml `baseline:` applies to the workbooks under it; a missing file names the config line', async () => {
    const { mkdirSync, copyFileSync } = await import('node:fs');
    mkdirSync(join(dir, 'dept'));
    copyFileSync(broken, join(dir, 'dept', 'report.xlsx'));
    writeText(
      join(dir, 'dept'),
      'accepted.yaml',
      readFileSync(accepted(), 'utf8').replaceAll(/reason: "".*$/gm, 'reason: 已确认'),
    );
    writeText(join(dir, 'dept'), 'juesuan.config.yaml', 'failOn: error\nbaseline: accepted.yaml\n');
    const configured = await cli('check', 'dept', '--format', 'json');
    expect(configured.err).toContain(`审核说明 ${join('dept', 'accepted.yaml')}：已接受`);
    expect(json(configured.out).findings.filter((f) => f.location.file !== join('dept', 'accepted.yaml'))).toEqual([]);
    // (a configuration is read once per process: each case gets a folder of its own)
    for (const name of ['dept2', 'dept3']) {
      mkdirSync(join(dir, name));
      copyFileSync(broken, join(dir, name, 'report.xlsx'));
    }
    writeText(join(dir, 'dept2'), 'juesuan.config.yaml', 'failOn: error\nbaseline: missing.yaml\n');
    const missing = await cli('check', 'dept2');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/juesuan\.config\.yaml 第 2 行指定的审核说明「dept2\/missing\.yaml」/);
    writeText(join(dir, 'dept3'), 'juesuan.config.yaml', 'baseline: [a, b]\n');
    expect((await cli('check', 'dept3')).err).toMatch(/juesuan\.config\.yaml 第 1 行：baseline 应为/);
  });
});
