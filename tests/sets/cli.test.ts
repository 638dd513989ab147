import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { memoryIO } from '../../src/cli/io.js';
import { FIXTURES } from '../helpers/fixtures.js';
import { workdir, writeText } from '../helpers/workdir.js';

async function cli(args: string[], cwd?: string) {
  const io = memoryIO(cwd ? { cwd } : {});
  const code = await run(args, io);
  return { code, out: io.stdout.join(''), err: io.stderr.join('') };
}

const SHANGHAI = join(FIXTURES, 'sets', 'shanghai.xlsx');
const SICHUAN = join(FIXTURES, 'sets', 'sichuan.xlsx');

describe('template sets on the command line', () => {
  it('inspect says which set was detected and why', async () => {
    const { code, out } = await cli(['inspect', SHANGHAI]);
    expect(code).toBe(0);
    expect(out).toContain('表套：shanghai「上海（九张表，三公为七）」（按表名和标志判断）');
    expect(out).toMatch(/依据：9\/9 张表的表名与本套一致；表的顺序 9\/9 与本套一致；次选「/);
  });

  it('inspect --format json carries the set', async () => {
    const { out } = await cli(['inspect', SICHUAN, '--format', 'json']);
    const json = JSON.parse(out) as {
      template: { name: string; how: string };
      tables: { kind: string; marker?: string }[];
    };
    expect(json.template).toMatchObject({ name: 'sichuan', how: 'detected' });
    expect(json.tables.map((t) => t.marker)).toEqual([
      '表1',
      '表1-1',
      '表1-2',
      '表2',
      '表3',
      '表4',
      '表4-1',
      '表4-2',
      '表4-3',
      '表4-4',
      '表5',
      '表5-1',
      '表6',
    ]);
  });

  it('--template names the set: another set than the detected one is read as that set (its tables missing)', async () => {
    const { code, out } = await cli(['check', SHANGHAI, '--template', 'beijing', '--format', 'json']);
    expect(code).toBe(0);
    const report = JSON.parse(out) as { findings: { ruleId: string; data: Record<string, string> }[] };
    expect(report.findings.filter((f) => f.ruleId === 'tables.missing').map((f) => f.data.kind)).toEqual([
      'fund-basic',
      'procurement',
      'purchase-services',
    ]);
  });

  it('an unknown --template is a usage error: exit 2, one sentence naming the sets', async () => {
    const { code, err } = await cli(['check', SHANGHAI, '--template', 'atlantis']);
    expect(code).toBe(2);
    expect(err).toContain('没有名为「atlantis」的表套');
    expect(err).toContain('shanghai');
  });

  it('the configuration names the set (template:), checked when it is read', async () => {
    const dir = workdir();
    copyFileSync(SHANGHAI, join(dir, 'a.xlsx'));
    writeText(dir, 'juesuan.config.yaml', 'template: hubei\n');
    const { out } = await cli(['inspect', join(dir, 'a.xlsx')], dir);
    expect(out).toContain('表套：hubei「湖北（公开01–09表）」（由配置文件指定）');
    writeText(dir, 'juesuan.config.yaml', 'template: nowhere\n');
    const bad = await cli(['check', join(dir, 'a.xlsx')], dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('template 应为表套名称之一');
  });
});
