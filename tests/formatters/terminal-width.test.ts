import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { memoryIO } from '../../src/cli/io.js';
import { displayWidth } from '../../src/util/display-width.js';
import { FIXTURES } from '../helpers/fixtures.js';
import { workdir } from '../helpers/workdir.js';
import { brokenSeed } from './seed-broken.js';

/**
 * The terminal tables fit the terminal they are printed on (io.columns, from process.stdout.columns):
 * the message column wraps to the width, figure columns are cut with …; narrower than a minimum the
 * findings are printed as plain lines. Without a terminal width (a pipe, a file) the layout is as
 * before (the goldens).
 */
const dir = workdir();
let broken = '';

beforeAll(async () => {
  broken = await brokenSeed(dir);
});

async function cli(args: string[], columns?: number) {
  const io = memoryIO({ cwd: dir, ...(columns === undefined ? {} : { columns }) });
  const code = await run(args, io);
  return { code, out: io.stdout.join('') };
}

function widest(text: string): number {
  return Math.max(...text.split('\n').map((line) => displayWidth(line)));
}

describe('terminal width', () => {
  it('check on an 80-column terminal: every line fits, the whole message is there', async () => {
    const natural = await cli(['check', broken, '--narrative', join(FIXTURES, 'seed-2024-narrative.txt')]);
    expect(widest(natural.out)).toBeGreaterThan(80);
    const fitted = await cli(['check', broken, '--narrative', join(FIXTURES, 'seed-2024-narrative.txt')], 80);
    expect(fitted.code).toBe(natural.code);
    expect(widest(fitted.out)).toBeLessThanOrEqual(80);
    expect(fitted.out).toContain('│');
    // nothing of the messages is lost: the text without borders and breaks is the same
    const words = (text: string) => text.replace(/[│┌┐└┘├┤┬┴┼─\s]/g, '');
    expect(words(fitted.out)).toContain('最可能的出错单元格：支出决算表!F9（改为392.38可同时消除');
  });

  it('a terminal wider than the table changes nothing', async () => {
    const natural = await cli(['check', broken]);
    expect((await cli(['check', broken], 200)).out).toBe(natural.out);
  });

  it('narrower than the minimum: plain lines, no box', async () => {
    const plain = await cli(['check', broken], 50);
    expect(plain.out).not.toContain('│');
    expect(widest(plain.out)).toBeLessThanOrEqual(50);
    expect(plain.out).toContain('支出决算表!F9');
    expect(plain.out).toContain('diagnosis.culprit');
  });

  it('diff fits as well', async () => {
    const args = ['diff', join(FIXTURES, 'prior-2023.xlsx'), join(FIXTURES, 'seed-2024.xlsx')];
    expect(widest((await cli(args)).out)).toBeGreaterThan(80);
    expect(widest((await cli(args, 80)).out)).toBeLessThanOrEqual(80);
    const plain = (await cli(args, 50)).out;
    expect(plain).not.toContain('│');
    expect(widest(plain)).toBeLessThanOrEqual(50);
  });

  it('a batch summary fits', async () => {
    const other = await brokenSeed(dir, 'second-copy-of-the-broken-seed-with-a-long-name.xlsx');
    const out = (await cli(['check', broken, other], 80)).out;
    expect(widest(out)).toBeLessThanOrEqual(80);
  });
});
