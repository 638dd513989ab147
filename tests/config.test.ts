import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli.js';
import { loadConfig } from '../src/config/config.js';
import { memoryIO } from '../src/cli/io.js';
import { FIXTURES } from './helpers/fixtures.js';
import { workdir, writeText } from './helpers/workdir.js';

const dir = workdir();

async function cli(...args: string[]) {
  const io = memoryIO({ cwd: dir });
  const code = await run(args, io);
  return { code, out: io.stdout.join(''), err: io.stderr.join('') };
}

/** A folder with its own juesuan.config.yaml and a copy of the seed (configs are read once per process). */
function project(name: string, config: string): string {
  mkdirSync(join(dir, name, 'reports'), { recursive: true });
  writeText(join(dir, name), 'juesuan.config.yaml', config);
  copyFileSync(join(FIXTURES, 'seed-2024.xlsx'), join(dir, name, 'reports', 'seed.xlsx'));
  return name;
}

describe('juesuan.config.yaml formats:', () => {
  it('are the outputs when the command line names none; paths are relative to the config file', async () => {
    const name = project('p1', 'formats:\n  json: out/report.json\n  markdown: stdout\n');
    const { code, out } = await cli('check', join(name, 'reports'));
    expect(code).toBe(0);
    expect(out).toMatch(/^#/m);
    const written = join(dir, name, 'out', 'report.json');
    expect(existsSync(written)).toBe(true);
    expect((JSON.parse(readFileSync(written, 'utf8')) as { files: unknown[] }).files).toHaveLength(1);
  });

  it('give way to --format and -o', async () => {
    const name = project('p2', 'formats:\n  json: out/report.json\n');
    const { out } = await cli('check', join(name, 'reports'), '--format', 'stylish');
    expect(out).toContain('未发现问题');
    expect(existsSync(join(dir, name, 'out', 'report.json'))).toBe(false);
  });

  it('are validated with the file and line', () => {
    const cases: [string, RegExp][] = [
      ['failOn: warn\nformats:\n  jsn: a.json\n', /第 3 行：不支持的输出格式「jsn」/],
      ['formats:\n  stylish: stdout\n  json: "-"\n', /第 3 行：只能有一个输出写到标准输出/],
      ['formats:\n  stylish: -\n', /第 2 行：YAML 语法错误/],
      ['formats: [json]\n', /第 1 行：formats 应为「格式: 路径」的映射/],
      ['formats:\n  json: ""\n', /第 2 行：formats\.json 应为输出文件的路径/],
      ['baseline: ""\n', /第 1 行：baseline 应为审核说明文件的路径/],
    ];
    for (const [text, message] of cases)
      expect(() => loadConfig(writeText(dir, 'c.yaml', text)), text).toThrow(message);
    const config = loadConfig(
      writeText(
        join(dir, 'p1'),
        'other.yaml',
        'formats:\n  sarif: x/y.sarif\n  stylish: stdout\nbaseline: accepted.yaml\n',
      ),
    );
    expect(config.formats).toEqual([`sarif=${join(dir, 'p1', 'x', 'y.sarif')}`, 'stylish=-']);
    expect(config.baseline).toBe(join(dir, 'p1', 'accepted.yaml'));
  });
});

describe('juesuan.config.yaml narrative: house conventions', () => {
  function withFull(name: string, config: string): string {
    mkdirSync(join(dir, name), { recursive: true });
    writeText(join(dir, name), 'juesuan.config.yaml', config);
    copyFileSync(join(FIXTURES, 'seed-2024-full.xlsx'), join(dir, name, 'full.xlsx'));
    return join(name, 'full.xlsx');
  }
  const ruleIds = (out: string) =>
    (JSON.parse(out) as { findings: { ruleId: string; severity: string }[] }).findings.map(
      (f) => `${f.ruleId} ${f.severity}`,
    );

  it('accept turns the rule behind a convention off; a severity re-grades it', async () => {
    const plain = await cli('check', withFull('n0', 'failOn: error\n'), '--format', 'json');
    expect(ruleIds(plain.out)).toContain('n.rate-capped-100 warn');
    const accepted = await cli(
      'check',
      withFull('n1', 'narrative:\n  rate100WhenOverBudget: accept\n'),
      '--format',
      'json',
    );
    expect(ruleIds(accepted.out).filter((r) => r.startsWith('n.rate-capped-100'))).toEqual([]);
    const info = await cli('check', withFull('n2', 'narrative:\n  rate100WhenOverBudget: info\n'), '--format', 'json');
    expect(ruleIds(info.out).filter((r) => r.startsWith('n.rate-capped-100'))).toEqual([
      'n.rate-capped-100 info',
      'n.rate-capped-100 info',
    ]);
  });

  it('a rules: entry for the same rule wins; an unknown convention names its line', async () => {
    const both = await cli(
      'check',
      withFull('n3', 'rules:\n  n.rate-capped-100: error\nnarrative:\n  rate100WhenOverBudget: accept\n'),
      '--format',
      'json',
    );
    expect(ruleIds(both.out).filter((r) => r.startsWith('n.rate-capped-100'))).toEqual([
      'n.rate-capped-100 error',
      'n.rate-capped-100 error',
    ]);
    const bad = await cli('check', withFull('n4', 'failOn: warn\nnarrative:\n  roundedUp: accept\n'));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('第 3 行');
    expect(bad.err).toContain('roundedUp');
  });
});

describe('juesuan.config.yaml is read strictly, every problem at once', () => {
  it('a typo, a bad value and an unknown rule each name their line; all are reported in one run', async () => {
    mkdirSync(join(dir, 'typos'), { recursive: true });
    copyFileSync(join(FIXTURES, 'seed-2024.xlsx'), join(dir, 'typos', 'seed.xlsx'));
    writeText(
      join(dir, 'typos'),
      'juesuan.config.yaml',
      [
        'failOn: eror', // 1
        'rulez:', // 2: typo of rules
        '  t03.row-total: off',
        'diff:', // 4
        '  thresholdRate: lots', // 5
        '  thresholdAmout: 10', // 6
        'narrative:',
        '  rate100WhenOverBudget: sometimes', // 8
        'formats:',
        '  sarif: ""', // 10
        'ruleFiles: [""]', // 11
        '',
      ].join('\n'),
    );
    const { code, out, err } = await cli('check', join('typos', 'seed.xlsx'));
    expect(code).toBe(2);
    expect(out).toBe('');
    const lines = err.trim().split('\n');
    expect(lines.map((l) => /第 (\d+) 行/.exec(l)?.[1])).toEqual(['1', '2', '5', '6', '8', '10', '11']);
    for (const line of lines) expect(line).toMatch(/^juesuan: 配置文件 .*juesuan\.config\.yaml 第 \d+ 行：.+。$/);
    expect(err).toContain('未知的配置项「rulez」');
    expect(err).toContain('thresholdAmout');
  });

  it('rule ids the rules do not have are all named, each at its line', async () => {
    mkdirSync(join(dir, 'ids'), { recursive: true });
    copyFileSync(join(FIXTURES, 'seed-2024.xlsx'), join(dir, 'ids', 'seed.xlsx'));
    writeText(
      join(dir, 'ids'),
      'juesuan.config.yaml',
      'rules:\n  t03.row-totl: off\n  t03.row-total: warn\n  x.nothing: { severity: info }\n',
    );
    const { code, err } = await cli('check', join('ids', 'seed.xlsx'));
    expect(code).toBe(2);
    expect(
      err
        .trim()
        .split('\n')
        .map((l) => /第 (\d+) 行.*「(.+?)」/.exec(l)?.slice(1)),
    ).toEqual([
      ['2', 't03.row-totl'],
      ['4', 'x.nothing'],
    ]);
  });

  it('a rule given as a mapping takes severity only', () => {
    expect(() =>
      loadConfig(writeText(dir, 'sev.yaml', 'rules:\n  t03.row-total: { severity: warn, colour: red }\n')),
    ).toThrow(/第 2 行：规则的设置中不认识的键「colour」/);
    expect(loadConfig(writeText(dir, 'sev2.yaml', 'rules:\n  t03.row-total: { severity: warn }\n')).severities).toEqual(
      {
        't03.row-total': 'warn',
      },
    );
  });
});
