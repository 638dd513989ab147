import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { memoryIO } from '../../src/cli/io.js';
import { FORMATTERS, formatNames, loadFormatter } from '../../src/report/formatters.js';
import { workdir, writeText } from '../helpers/workdir.js';

const dir = workdir();

async function cli(args: string[]) {
  const io = memoryIO({ cwd: dir });
  const code = await run(args, io);
  return { code, out: io.stdout.join(''), err: io.stderr.join('') };
}

describe('--format and -o NAME=: every command checks the name the same way', () => {
  it.each([
    [['check', 'a.xlsx', '--format', 'xml'], '--format', 'stylish、json、junit、sarif、github、markdown、html'],
    [['check', 'a.xlsx', '-o', 'xml=out.xml'], '-o xml=out.xml', 'stylish、json'],
    [['diff', 'a.xlsx', 'b.xlsx', '--format', 'xml'], '--format', 'terminal、json、markdown、html'],
    [['inspect', 'a.xlsx', '--format', 'xml'], '--format', 'text、json'],
    [['rules', '--format', 'xml'], '--format', 'text、json'],
  ])('%j: exit 2 with the one sentence, before any file is read', async (args, where, names) => {
    const { code, out, err } = await cli(args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(new RegExp(`^juesuan: 不支持的输出格式「xml」（${where}），请使用 [a-z、]+。\\n$`));
    expect(err).toContain(names);
  });

  it('the configuration file says it with the same words, at its line', async () => {
    writeText(dir, 'juesuan.config.yaml', 'formats:\n  xml: out.xml\n');
    writeText(dir, 'a.xlsx', '');
    const { code, err } = await cli(['check', 'a.xlsx']);
    expect(code).toBe(2);
    expect(err).toContain('第 2 行：不支持的输出格式「xml」，请使用 stylish、');
  });
});

describe('one formatter registry for check and diff', () => {
  it('lists each report’s formats, the default first, and loads every one', async () => {
    expect(formatNames('check')[0]).toBe('stylish');
    expect(formatNames('diff')[0]).toBe('terminal');
    for (const kind of Object.keys(FORMATTERS) as (keyof typeof FORMATTERS)[]) {
      for (const name of formatNames(kind))
        expect(typeof (await loadFormatter(kind, name)), `${kind} ${name}`).toBe('function');
    }
  });
});
