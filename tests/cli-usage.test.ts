import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli.js';
import { memoryIO } from '../src/cli/io.js';
import { packageRoot } from '../src/util/package-root.js';

async function cli(args: string[]) {
  const io = memoryIO();
  const code = await run(args, io);
  return { code, out: io.stdout.join(''), err: io.stderr.join('') };
}

describe('command-line usage', () => {
  it.each([
    [['check'], '缺少必需的参数「files」'],
    [['frobnicate'], '不认识的命令「frobnicate」'],
    [['check', 'a.xlsx', '--format'], '选项缺少取值'],
    [['check', 'a.xlsx', '--bogus'], '不认识的选项「--bogus」'],
  ])('%j is a usage error: exit 2, one Chinese sentence', async (args, phrase) => {
    const { code, err } = await cli(args);
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain(phrase);
    expect(err).toContain('juesuan --help');
  });

  it('--version prints the package version; --help exits 0', async () => {
    const { version } = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
    expect(await cli(['--version'])).toMatchObject({ code: 0, out: `${version}\n` });
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('check [options] <files...>');
  });
});
