import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { memoryIO } from '../../src/cli/io.js';
import { BIN, ensureDist } from '../helpers/dist.js';
import { FIXTURES } from '../helpers/fixtures.js';
import { workdir } from '../helpers/workdir.js';

/**
 * Every output of every command (check -o, --annotate, diff -o, baseline -o) either lands or ends
 * the run with one Chinese sentence and exit 2: never an internal error, never a hang, never half
 * a file.
 */
const dir = workdir();

async function cli(args: string[]) {
  const io = memoryIO({ cwd: dir });
  const code = await run(args, io);
  return { code, out: io.stdout.join(''), err: io.stderr.join('') };
}

beforeAll(() => {
  copyFileSync(join(FIXTURES, 'seed-2024.xlsx'), join(dir, '2024.xlsx'));
  copyFileSync(join(FIXTURES, 'prior-2023.xlsx'), join(dir, '2023.xlsx'));
  mkdirSync(join(dir, 'folder.xlsx'));
  writeFileSync(join(dir, 'file.txt'), 'a file, not a folder');
});

/** Each command with one output option; `path` is where it writes. */
const OUTPUTS: Record<string, (path: string) => string[]> = {
  'check -o': (path) => ['check', '2024.xlsx', '-o', `json=${path}`],
  'check --annotate': (path) => ['check', '2024.xlsx', '--annotate', path],
  'diff -o': (path) => ['diff', '2023.xlsx', '2024.xlsx', '-o', path],
  'baseline -o': (path) => ['baseline', '2024.xlsx', '-o', path],
};

describe.each(Object.entries(OUTPUTS))('%s', (name, command) => {
  it('into a missing folder: the folders are created', async () => {
    const target = `new-${name.replace(/\W+/g, '-')}/deep/out.xlsx`;
    const { code, err } = await cli(command(target));
    expect(code, err).toBeLessThan(2);
    expect(readFileSync(join(dir, target)).length).toBeGreaterThan(0);
  });

  it.each([
    ['a folder', 'folder.xlsx', '这是一个文件夹'],
    ['a path under a file', 'file.txt/out.xlsx', '路径中的「file.txt」是文件而不是文件夹'],
    ['an unwritable folder', '/sys/juesuan-test.xlsx', '没有写入权限'],
  ])('into %s: one sentence, exit 2', async (_, target, text) => {
    const { code, out, err } = await cli(command(target));
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(text);
    expect(err).not.toContain('内部错误');
    expect(err.trim().split('\n')).toHaveLength(1);
  });

  it.runIf(!name.startsWith('baseline'))('onto /dev/full (a full device): one sentence, exit 2', async () => {
    const { code, err } = await cli(command('/dev/full'));
    expect(code).toBe(2);
    // (--annotate first wants an .xlsx name)
    expect(err).toContain(name.includes('annotate') ? '.xlsx' : '磁盘空间不足');
    expect(err.trim().split('\n')).toHaveLength(1);
  });

  it('an empty path: one sentence, exit 2', async () => {
    const { code, err } = await cli(command(''));
    expect(code).toBe(2);
    expect(err).not.toContain('内部错误');
    expect(err.trim().split('\n')).toHaveLength(1);
  });
});

describe('a folder only permissions keep us out of', () => {
  it.runIf(process.getuid?.() !== 0)('is one sentence (root writes anywhere: skipped)', async () => {
    mkdirSync(join(dir, 'locked'));
    chmodSync(join(dir, 'locked'), 0o500);
    const { code, err } = await cli(['diff', '2023.xlsx', '2024.xlsx', '-o', 'locked/out.md']);
    chmodSync(join(dir, 'locked'), 0o700);
    expect(code).toBe(2);
    expect(err).toContain('没有写入权限');
  });
});

describe('a path ending in a slash', () => {
  it('names a folder, even one that does not exist yet', async () => {
    const { code, err } = await cli(['diff', '2023.xlsx', '2024.xlsx', '-o', 'new-folder/']);
    expect(code).toBe(2);
    expect(err).toContain('这是一个文件夹');
    expect(existsSync(join(dir, 'new-folder'))).toBe(false);
  });
});

describe('the built CLI, bounded in time (a hang or a runaway must fail, not block the suite)', () => {
  beforeAll(() => ensureDist(), 120_000);

  function bin(args: string[], shell?: string) {
    const result = shell
      ? spawnSync('sh', ['-c', `${shell}; exec "$0" "$@"`, process.execPath, BIN, ...args], {
          cwd: dir,
          encoding: 'utf8',
          timeout: 15_000,
        })
      : spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', timeout: 15_000 });
    return { code: result.status, err: result.stderr, signal: result.signal };
  }

  // Where a fault would run away (a test in this process could never time out), in a child:
  // baseline -o reads the old baseline first (/dev/full reads as endless zeros), and under /proc
  // Node's recursive mkdir loops forever (every output shares the writer: one command suffices).
  it.each([
    ['baseline -o /dev/full', ['baseline', '2024.xlsx', '-o', '/dev/full'], '磁盘空间不足'],
    [
      'check -o into /proc',
      ['check', '2024.xlsx', '-o', 'json=/proc/juesuan-test/x.json'],
      '无法创建文件夹「/proc/juesuan-test」',
    ],
  ])('%s: one sentence, exit 2, in time', (_, args, text) => {
    const { code, err, signal } = bin(args as string[]);
    expect(signal).toBeNull();
    expect(code, err).toBe(2);
    expect(err).toContain(text);
    expect(err.trim().split('\n')).toHaveLength(1);
  });

  it('a write that fails part-way (file size limit) leaves the old file whole and no temporary file', () => {
    mkdirSync(join(dir, 'small'));
    writeFileSync(join(dir, 'small', 'report.html'), 'the old report');
    // SIGXFSZ ignored: the write fails with EFBIG, as it would with ENOSPC on a full disk
    const { code, err } = bin(['check', '2024.xlsx', '-o', 'html=small/report.html'], "trap '' XFSZ; ulimit -f 16");
    expect(code).toBe(2);
    expect(err).toContain('磁盘空间不足');
    expect(readFileSync(join(dir, 'small', 'report.html'), 'utf8')).toBe('the old report');
    expect(readdirSync(join(dir, 'small'))).toEqual(['report.html']);
  });

  it('/dev/stdout is stdout, even when it is a socket that cannot be opened', () => {
    const result = spawnSync(
      process.execPath,
      [BIN, 'diff', '2023.xlsx', '2024.xlsx', '--format', 'json', '-o', '/dev/stdout'],
      {
        cwd: dir,
        encoding: 'utf8',
        timeout: 15_000,
      },
    );
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveProperty('summary');
  });
});
