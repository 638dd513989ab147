import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { memoryIO } from '../../src/cli/io.js';
import { FIXTURES } from '../helpers/fixtures.js';
import { workdir, writeText } from '../helpers/workdir.js';

/**
 * No output of any command may be a file the run reads: the workbooks, a narrative beside them,
 * --previous, --narrative, --config (or the one found upward), the configuration's rule files and
 * baseline, --rules, --baseline — named by the same path, through a symbolic link, a hard link,
 * or in another case (a name the file system folds onto the input: simulated by a hard link whose
 * name differs only in case, which is what a case-insensitive folder shows).
 */
const dir = workdir();

const RULE = (id: string) => `rules:
  - id: ${id}
    title: 测试
    severity: info
    explain: 说明
    table: "03"
    forEach: { total: true }
    assert: { left: total, op: ">=", right: basic }
`;

async function cli(args: string[]) {
  const io = memoryIO({ cwd: dir });
  const code = await run(args, io);
  return { code, out: io.stdout.join(''), err: io.stderr.join('') };
}

const sha = (path: string) =>
  createHash('sha256')
    .update(readFileSync(join(dir, path)))
    .digest('hex');

beforeAll(() => {
  mkdirSync(join(dir, 'p'));
  mkdirSync(join(dir, 'links'));
  copyFileSync(join(FIXTURES, 'seed-2024.xlsx'), join(dir, 'p', '2024.xlsx'));
  copyFileSync(join(FIXTURES, 'prior-2023.xlsx'), join(dir, 'p', 'prior.xlsx'));
  copyFileSync(join(FIXTURES, 'seed-2024-narrative.txt'), join(dir, 'p', '2024.txt'));
  copyFileSync(join(FIXTURES, 'seed-2024-narrative.txt'), join(dir, 'n.txt'));
  writeText(join(dir, 'p'), 'juesuan.config.yaml', 'ruleFiles: [house.yaml]\nbaseline: accepted.yaml\n');
  writeText(join(dir, 'p'), 'house.yaml', RULE('house.rule'));
  writeText(join(dir, 'p'), 'accepted.yaml', 'version: 1\naccepted: []\n');
  writeText(dir, 'more.yaml', RULE('more.rule'));
  writeText(dir, 'alt.yaml', 'failOn: error\n');
  writeText(dir, 'other.yaml', 'version: 1\naccepted: []\n');
});

/** A run and the files it reads (as given, relative to dir). */
interface Run {
  name: string;
  args: string[];
  inputs: string[];
  /** The output options of the command. */
  outputs: ((path: string) => string[])[];
}

const CHECK_OUTPUTS = [(path: string) => ['-o', `json=${path}`], (path: string) => ['--annotate', path]];
const RUNS: Run[] = [
  {
    name: 'check',
    args: ['check', 'p/2024.xlsx', '--previous', 'p/prior.xlsx', '--narrative', 'n.txt', '--rules', 'more.yaml'],
    inputs: [
      'p/2024.xlsx',
      'p/prior.xlsx',
      'n.txt',
      'more.yaml',
      'p/juesuan.config.yaml',
      'p/house.yaml',
      'p/accepted.yaml',
      'p/2024.txt',
    ],
    outputs: CHECK_OUTPUTS,
  },
  {
    name: 'check --config --baseline',
    args: ['check', 'p/2024.xlsx', '--config', 'alt.yaml', '--baseline', 'other.yaml'],
    inputs: ['alt.yaml', 'other.yaml'],
    outputs: CHECK_OUTPUTS,
  },
  {
    name: 'baseline',
    args: ['baseline', 'p/2024.xlsx', '--rules', 'more.yaml'],
    inputs: ['p/2024.xlsx', 'p/2024.txt', 'more.yaml', 'p/juesuan.config.yaml', 'p/house.yaml'],
    outputs: [(path) => ['-o', path]],
  },
  {
    name: 'diff',
    args: ['diff', 'p/prior.xlsx', 'p/2024.xlsx'],
    inputs: ['p/prior.xlsx', 'p/2024.xlsx', 'p/juesuan.config.yaml'],
    outputs: [(path) => ['-o', path]],
  },
  {
    name: 'diff --config',
    args: ['diff', 'p/prior.xlsx', 'p/2024.xlsx', '--config', 'alt.yaml'],
    inputs: ['alt.yaml'],
    outputs: [(path) => ['-o', path]],
  },
];

const ALL_INPUTS = [...new Set(RUNS.flatMap((r) => r.inputs))];

let made = 0;
/** Another name for `input`; every name ends in .xlsx so that --annotate accepts it. */
const WAYS: Record<string, (input: string) => string> = {
  path: (input) => `./links/../${input}`,
  symlink: (input) => {
    const link = `links/s${++made}.xlsx`;
    symlinkSync(join(dir, input), join(dir, link));
    return link;
  },
  'hard link': (input) => {
    const link = `links/h${++made}.xlsx`;
    linkSync(join(dir, input), join(dir, link));
    return link;
  },
  case: (input) => {
    const name = basename(input);
    const other = join(dirname(input), name.toUpperCase() === name ? name.toLowerCase() : name.toUpperCase());
    if (!existsSync(join(dir, other))) linkSync(join(dir, input), join(dir, other));
    return other;
  },
};

describe('no output is an input of the run', () => {
  const cases = RUNS.flatMap((r) =>
    r.inputs.flatMap((input) =>
      Object.keys(WAYS).flatMap((way) => r.outputs.map((output, k) => ({ run: r, input, way, output, k }))),
    ),
  );

  it(`every command refuses each input by path, symlink, hard link and case (${cases.length} runs)`, async () => {
    const before = new Map(ALL_INPUTS.map((f) => [f, sha(f)]));
    const accepted: string[] = [];
    for (const { run: r, input, way, output, k } of cases) {
      // --annotate wants an .xlsx name: only the links (named *.xlsx) can reach the other inputs
      if (output === CHECK_OUTPUTS[1] && !input.endsWith('.xlsx') && (way === 'path' || way === 'case')) continue;
      const target = WAYS[way]!(input);
      const what = `${r.name} ${output(target).join(' ')} (${way} of ${input}, output ${k})`;
      const { code, out, err } = await cli([...r.args, ...output(target)]);
      if (code !== 2 || !err.includes('从不改写输入')) accepted.push(`${what}: exit ${code} ${err.trim()}`);
      else {
        expect(out, what).toBe('');
        expect(err.trim().split('\n'), what).toHaveLength(1);
      }
    }
    expect(accepted).toEqual([]);
    for (const [file, hash] of before) expect(sha(file), file).toBe(hash);
    expect(lstatSync(join(dir, 'p', '2024.xlsx')).isFile()).toBe(true);
  });

  it('names the input and how the output reaches it', async () => {
    symlinkSync(join(dir, 'p', 'prior.xlsx'), join(dir, 'links', 'named.xlsx'));
    const { err } = await cli(['check', 'p/2024.xlsx', '--previous', 'p/prior.xlsx', '-o', 'json=links/named.xlsx']);
    expect(err).toBe(
      'juesuan: -o json 的输出文件「links/named.xlsx」经符号链接指向本次读取的上年工作簿「p/prior.xlsx」：juesuan 从不改写输入，请另选一个文件名。\n',
    );
  });
});

describe('the runs the issues reported', () => {
  it('diff A B -o link.xlsx, a symbolic link to the current workbook: refused, the workbook unchanged', async () => {
    symlinkSync(join(dir, 'p', '2024.xlsx'), join(dir, 'link.xlsx'));
    const before = sha('p/2024.xlsx');
    const { code, err } = await cli(['diff', 'p/prior.xlsx', 'p/2024.xlsx', '-o', 'link.xlsx']);
    expect(code).toBe(2);
    expect(err).toContain('从不改写输入');
    expect(sha('p/2024.xlsx')).toBe(before);
    expect(lstatSync(join(dir, 'link.xlsx')).isSymbolicLink()).toBe(true);
  });

  it('check a.xlsx --previous prior.xlsx --annotate prior.xlsx: refused, last year unchanged', async () => {
    const before = sha('p/prior.xlsx');
    const { code, err } = await cli([
      'check',
      'p/2024.xlsx',
      '--previous',
      'p/prior.xlsx',
      '--annotate',
      'p/prior.xlsx',
    ]);
    expect(code).toBe(2);
    expect(err).toContain('上年工作簿');
    expect(sha('p/prior.xlsx')).toBe(before);
  });

  it('baseline -o the configuration file: refused; -o the configured baseline itself: updated', async () => {
    const config = await cli(['baseline', 'p/2024.xlsx', '-o', 'p/juesuan.config.yaml']);
    expect(config.code).toBe(2);
    expect(config.err).toContain('配置文件');
    const own = await cli(['baseline', 'p/2024.xlsx', '-o', 'p/accepted.yaml']);
    expect(own.code).toBe(0);
    expect(readFileSync(join(dir, 'p', 'accepted.yaml'), 'utf8')).toMatch(/^# juesuan 审核说明/);
  });
});
