import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli.js';
import { memoryIO } from '../src/cli/io.js';
import { displayWidth } from '../src/util/display-width.js';
import { packageRoot } from '../src/util/package-root.js';

async function cli(args: string[]) {
  const io = memoryIO();
  const code = await run(args, io);
  return { code, out: io.stdout.join(''), err: io.stderr.join('') };
}

describe('command-line usage', () => {
  it.each([
    [['check'], '缺少必需的参数「files」（决算工作簿 (.xlsx) 或文件夹'],
    [['diff', 'a.xlsx'], '缺少必需的参数「curr」（本年决算工作簿'],
    [['explain'], '缺少必需的参数「rule-id」（规则编号'],
    [['frobnicate'], '不认识的命令「frobnicate」'],
    [['check', 'a.xlsx', '--format'], '选项「--format <format>」缺少取值'],
    [['check', 'a.xlsx', '--bogus'], '不认识的选项「--bogus」'],
    [['check', 'a.xlsx', '--formt', 'json'], '不认识的选项「--formt」（是否想用 --format？）'],
    [['chek', 'a.xlsx'], '不认识的命令「chek」（是否想用 check？）'],
    [['diff', 'a.xlsx', 'b.xlsx', 'c.xlsx'], '参数过多：命令 diff 需要 2 个参数，给出了 3 个'],
    [['help', 'nosuch'], '没有名为「nosuch」的命令；可用的命令：inspect、check、diff、baseline、rules、explain'],
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
    expect(help.out).toContain('check [选项] <files...>');
  });

  it('says nothing in English: help of every command, defaults, errors and suggestions', async () => {
    const outputs = [
      await cli(['--help']),
      ...(await Promise.all(
        ['inspect', 'check', 'diff', 'baseline', 'rules', 'explain', 'serve'].map((c) => cli([c, '--help'])),
      )),
      await cli(['help', 'check']),
      await cli(['check']),
      await cli(['check', 'a.xlsx', '--formt']),
      await cli(['chek']),
      await cli(['help', 'nosuch']),
      await cli(['diff', 'a', 'b', 'c']),
    ];
    const english =
      /\b(Usage|Options|Arguments|Commands|default|choices|Did you mean|unknown|missing|error|argument|expected|command)\b/i;
    for (const { out, err } of outputs) {
      // option names and placeholders are the command line's own words (--format <format>, <files...>)
      // … and so are the values an option takes (error | warn | info)
      const prose = `${out}${err}`.replace(/--?[\w-]+|<[^>]+>|\[[^\]]*\]|error \| warn \| info/g, '');
      expect(prose).not.toMatch(english);
    }
    const inspect = await cli(['inspect', '--help']);
    expect(inspect.out).toContain('用法：juesuan inspect [选项] <file>');
    expect(inspect.out).toContain('输出格式：text | json（默认：text）');
    expect(inspect.out).toMatch(/^参数：$/m);
    expect(inspect.out).toMatch(/^选项：$/m);
  });
});

describe('help layout', () => {
  it.each(['', 'inspect', 'check', 'diff', 'baseline', 'rules', 'explain', 'serve'])(
    'help of %j fits 80 columns, Chinese wrapped between characters, never inside an option or a file type',
    async (command) => {
      const { out } = await cli(command ? [command, '--help'] : ['--help']);
      const lines = out.trimEnd().split('\n');
      for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
      expect(out).not.toMatch(/\.xls\n|--no-\n/);
    },
  );
});

describe('rules and explain', () => {
  it('rules lists severities in the words findings use (错误/警告/提示); json keeps the codes', async () => {
    const { code, out } = await cli(['rules']);
    expect(code).toBe(0);
    expect(out).toMatch(/^t03\.row-total\s+错误\s+每行本年支出合计应等于各项支出之和$/m);
    expect(out).toMatch(/^tables\.missing\s+警告\s/m);
    expect(out).toMatch(/^rules\.not-applied\s+提示\s/m);
    expect(out).not.toMatch(/\s(error|warn|info)\s/);
    const json = JSON.parse((await cli(['rules', '--format', 'json'])).out) as { id: string; severity: string }[];
    expect(json.find((r) => r.id === 't03.row-total')?.severity).toBe('error');
  });

  it('explain gives the severity in words, with the code configuration uses', async () => {
    expect((await cli(['explain', 't03.row-total'])).out).toContain('级别：错误（error）');
  });
});
