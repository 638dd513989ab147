import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { workdir } from '../helpers/workdir.js';
import { brokenSeed, cli } from './seed-broken.js';

const dir = workdir();
let broken = '';

beforeAll(async () => {
  broken = await brokenSeed(dir);
});

describe('check --format and -o FORMAT=PATH', () => {
  it('only -o: the files are written and stdout stays empty', async () => {
    const { code, out } = await cli(['check', broken, '-o', 'sarif=reports/a.sarif', '-o', 'junit=reports/a.xml'], dir);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'reports/a.sarif'), 'utf8'))).toMatchObject({ version: '2.1.0' });
    expect(readFileSync(join(dir, 'reports/a.xml'), 'utf8')).toMatch(/^<\?xml/);
  });

  it('--format with -o: stdout gets --format; -o FORMAT=- is stdout too', async () => {
    const both = await cli(['check', broken, '--format', 'github', '-o', 'markdown=b.md'], dir);
    // the diagnosis (a notice) comes first, then the errors it explains
    expect(both.out).toMatch(/^::notice file=broken\.xlsx,title=diagnosis\.culprit/);
    expect(both.out).toMatch(/^::error file=broken\.xlsx/m);
    expect(readFileSync(join(dir, 'b.md'), 'utf8')).toMatch(/^## juesuan/);
    const dash = await cli(['check', broken, '-o', 'json=-'], dir);
    expect(JSON.parse(dash.out)).toMatchObject({ version: 1 });
  });

  it('without either: stylish on stdout', async () => {
    expect((await cli(['check', broken], dir)).out).toContain('t03.row-total');
  });

  it.each([
    [['-o', 'sarif'], '格式=路径'],
    [['-o', 'pdf=x.pdf'], 'pdf'],
    [['--format', 'pdf'], 'pdf'],
    [['--format', 'json', '-o', 'sarif=-'], '标准输出'],
    [['-o', 'json=same.out', '-o', 'sarif=./same.out'], '同一个文件'],
  ])('usage error %j: exit 2, one sentence, nothing written', async (args, text) => {
    const { code, out, err } = await cli(['check', broken, ...args], dir);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain(text);
    expect(existsSync(join(dir, 'same.out'))).toBe(false);
  });

  it('an output that is the input is refused before anything is written', async () => {
    const before = readFileSync(broken);
    const { code, err } = await cli(['check', broken, '-o', `html=${broken}`], dir);
    expect(code).toBe(2);
    expect(err).toContain('从不改写输入');
    expect(readFileSync(broken).equals(before)).toBe(true);
  });
});
