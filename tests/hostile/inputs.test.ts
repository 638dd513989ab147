import { execFileSync } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/fixtures.js';
import { workdir } from '../helpers/workdir.js';
import { isOneChineseSentence, juesuan } from './cli-process.js';

const dir = workdir();
const seed = join(dir, 'seed.xlsx');
copyFileSync(join(FIXTURES, 'seed-2024.xlsx'), seed);
const fifo = join(dir, 'pipe.yaml');
if (process.platform !== 'win32') execFileSync('mkfifo', [fifo]);

describe.skipIf(process.platform === 'win32')(
  'every file the tool reads goes through the input guard (item 5)',
  { timeout: 90_000 },
  () => {
    // what the sentence says: a file read is refused as not a file on disk; the baseline -o names
    // is an output (never read unless a file on disk), and a pipe nobody reads is not written to
    const cases: [string, string[], string?][] = [
      ['--config /dev/zero', ['check', seed, '--config', '/dev/zero']],
      ['a FIFO as --config', ['check', seed, '--config', fifo]],
      ['a FIFO as --rules', ['check', seed, '--rules', fifo]],
      ['a FIFO as --baseline', ['check', seed, '--baseline', fifo]],
      ['a FIFO as --narrative', ['check', seed, '--narrative', join(dir, 'pipe.txt')]],
      ['a FIFO as --previous', ['check', seed, '--previous', join(dir, 'pipe.xlsx')]],
      ['/dev/zero as --rules of rules', ['rules', '--rules', '/dev/zero']],
      ['a FIFO as the baseline to update', ['baseline', seed, '-o', fifo], '没有读取方的管道'],
    ];
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    execFileSync('mkfifo', [join(dir, 'pipe.xlsx')]);
    for (const [name, args, says = '不是普通文件'] of cases) {
      it(`${name}: one sentence, exit 2, no wait`, () => {
        const result = juesuan(args, dir);
        expect(result.timedOut, 'the run blocked').toBe(false);
        expect(result.code, result.stderr).toBe(2);
        expect(isOneChineseSentence(result.stderr), result.stderr).toBe(true);
        expect(result.stderr).toContain(says);
      });
    }

    it('a configuration past its size bound is refused before it is parsed', () => {
      const big = join(dir, 'big.yaml');
      writeFileSync(big, `# ${'x'.repeat(2 * 2 ** 20)}\n`);
      const result = juesuan(['check', seed, '--config', big], dir);
      expect(result.code).toBe(2);
      expect(isOneChineseSentence(result.stderr), result.stderr).toBe(true);
      expect(result.stderr).toContain('文件过大');
    });
  },
);
