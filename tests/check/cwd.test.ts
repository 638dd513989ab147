import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createChecker } from '../../src/check/index.js';
import { run } from '../../src/cli.js';
import { memoryIO } from '../../src/cli/io.js';
import type { Finding } from '../../src/model/finding.js';
import { FIXTURES } from '../helpers/fixtures.js';
import { mutatedCopy, workdir, writeText } from '../helpers/workdir.js';

/**
 * Every path on the command line is resolved against the cwd given to run(), never the process's:
 * the same relative arguments work from a folder the process is not in (a web server or an editor
 * running checks for several projects).
 */
const dir = workdir();

async function cli(args: string[]) {
  const io = memoryIO({ cwd: dir });
  const code = await run(args, io);
  return { code, out: io.stdout.join(''), err: io.stderr.join('') };
}

beforeAll(async () => {
  mkdirSync(join(dir, 'in'), { recursive: true });
  copyFileSync(join(FIXTURES, 'seed-2024.xlsx'), join(dir, 'in', 'seed.xlsx'));
  await mutatedCopy(
    'seed-2024.xlsx',
    [{ sheet: '支出决算表', cell: 'F9', value: 393.38 }],
    join(dir, 'in', 'broken.xlsx'),
  );
  writeText(dir, 'house.yaml', 'rules:\n  t03.row-total: warn\n');
  writeText(
    dir,
    'extra.yaml',
    [
      'rules:',
      '  - id: house.t08-row-total',
      '    title: 本单位：08 表每行合计',
      '    severity: info',
      '    explain: 与 t08.row-total 相同，用于测试 --rules 的路径。',
      '    table: "08"',
      '    forEach: {}',
      '    assert: { left: total, op: "=", right: { sum: [basic, project] } }',
      '',
    ].join('\n'),
  );
});

describe('run() with a cwd other than the process cwd', () => {
  it('is a different folder from the process cwd', () => {
    expect(dir).not.toBe(process.cwd());
  });

  it('check FILE: the file is read relative to io.cwd and reported as given', async () => {
    const { code, out } = await cli(['check', 'in/broken.xlsx', '--format', 'json']);
    expect(code).toBe(1);
    const report = JSON.parse(out) as { files: { file: string }[]; findings: Finding[] };
    expect(report.files.map((f) => f.file)).toEqual(['in/broken.xlsx']);
    expect(report.findings.some((f) => f.ruleId === 't03.row-total')).toBe(true);
  });

  it('check DIR: a folder relative to io.cwd', async () => {
    const { code, out } = await cli(['check', 'in', '--format', 'json']);
    expect(code).toBe(1);
    expect((JSON.parse(out) as { files: { file: string }[] }).files.map((f) => f.file)).toEqual([
      join('in', 'broken.xlsx'),
      join('in', 'seed.xlsx'),
    ]);
  });

  it('inspect FILE', async () => {
    const { code, out } = await cli(['inspect', 'in/seed.xlsx', '--format', 'json']);
    expect(code).toBe(0);
    expect((JSON.parse(out) as { file: string; tables: unknown[] }).tables).toHaveLength(9);
  });

  it('--config FILE re-grades', async () => {
    const { code, out } = await cli(['check', 'in/broken.xlsx', '--config', 'house.yaml', '--format', 'json']);
    expect(code).toBe(1);
    const findings = (JSON.parse(out) as { findings: Finding[] }).findings;
    expect(findings.filter((f) => f.ruleId === 't03.row-total').map((f) => f.severity)).toEqual(['warn']);
    expect((await cli(['check', 'in/seed.xlsx', '--config', 'missing.yaml'])).code).toBe(2);
  });

  it('--rules FILE adds rules, for check and for rules', async () => {
    const listed = await cli(['rules', '--rules', 'extra.yaml', '--format', 'json']);
    expect(listed.code).toBe(0);
    expect((JSON.parse(listed.out) as { id: string }[]).map((r) => r.id)).toContain('house.t08-row-total');
    const checked = await cli(['check', 'in/seed.xlsx', '--rules', 'extra.yaml', '--format', 'json']);
    expect(checked.code).toBe(0);
    expect(checked.err).toBe('');
    const explained = await cli(['explain', 'house.t08-row-total', '--rules', 'extra.yaml']);
    expect(explained.out).toContain('本单位：08 表每行合计');
  });
});

describe('createChecker (the API)', () => {
  it('a bad rule file throws with file and line; an unusable document is a result, never an exception', async () => {
    writeText(dir, 'bad-rules.yaml', 'rules:\n  - id: x\n    check: narrative.nope\n');
    const checker = createChecker({ cwd: dir, rules: ['bad-rules.yaml'] });
    await expect(checker.checkFile('in/seed.xlsx')).rejects.toThrow(/bad-rules\.yaml 第 \d 行/);
    const fine = createChecker({ cwd: dir });
    expect(await fine.checkFile('in/nothing.xlsx')).toMatchObject({ error: { code: 'file-not-found' }, findings: [] });
    expect((await fine.checkFile('in/seed.xlsx')).findings).toEqual([]);
  });
});
