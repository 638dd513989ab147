import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/io/limits.js';
import { parseUserYaml } from '../../src/util/yaml.js';
import { cli } from '../formatters/seed-broken.js';
import { FIXTURES } from '../helpers/fixtures.js';
import { workdir } from '../helpers/workdir.js';
import { workRatio } from './work-ratio.js';

const dir = workdir();
copyFileSync(join(FIXTURES, 'seed-2024.xlsx'), join(dir, 'seed.xlsx'));

describe('documented limits, one sentence past them, linear below them (item 6)', () => {
  it('YAML maps are read in linear time (the yaml package compares each key with every other)', () => {
    const map = (n: number) => `rules:\n${Array.from({ length: n }, (_, i) => `  x.r${i}: warn`).join('\n')}\n`;
    const texts = new Map([1000, 8000].map((n) => [n, map(n)]));
    expect(workRatio((n) => parseUserYaml(texts.get(n) ?? '', {}), 1000, 8)).toBeLessThan(24);
    expect(parseUserYaml('a: 1\nb: 2\na: 3\n', {}).errors[0]?.code).toBe('DUPLICATE_KEY');
  });

  it(`a configuration with more than ${LIMITS.configRuleEntries} rule entries`, async () => {
    const path = join(dir, 'many.yaml');
    writeFileSync(
      path,
      `rules:\n${Array.from({ length: LIMITS.configRuleEntries + 1 }, (_, i) => `  r${i}: warn`).join('\n')}\n`,
    );
    const result = await cli(['check', 'seed.xlsx', '--config', path], dir);
    expect(result.code).toBe(2);
    expect(result.err.trim().split('\n')).toHaveLength(1);
    expect(result.err).toContain('超出本工具的处理上限');
  });

  it(`a baseline with more than ${LIMITS.baselineEntries} entries`, async () => {
    const path = join(dir, 'many-accepted.yaml');
    const entries = Array.from({ length: LIMITS.baselineEntries + 1 }, (_, i) => `  - {rule: a${i}, reason: r}`);
    writeFileSync(path, `version: 1\naccepted:\n${entries.join('\n')}\n`);
    const result = await cli(['check', 'seed.xlsx', '--baseline', path], dir);
    expect(result.code).toBe(2);
    expect(result.err).toContain('超出本工具的处理上限');
  });

  it('a YAML syntax error is said in Chinese', async () => {
    const path = join(dir, 'tabs.yaml');
    writeFileSync(path, 'rules:\n\tt03.row-total: warn\n');
    const result = await cli(['check', 'seed.xlsx', '--config', path], dir);
    expect(result.code).toBe(2);
    expect(result.err).not.toMatch(/[A-Za-z]{4,} [a-z]{3,}/);
  });
});
