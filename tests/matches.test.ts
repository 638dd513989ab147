import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allMatches } from '../src/util/matches.js';

/** What matchAll gives, as plain data. */
const shown = (ms: Iterable<RegExpMatchArray>) => [...ms].map((m) => ({ at: m.index, all: [...m], groups: m.groups }));

describe('allMatches', () => {
  const cases: [string, RegExp][] = [
    ['收入 12.5 万元，支出 3 万元', /(?<n>[0-9]+(?:\.[0-9]+)?)万元/gu],
    ['a𝒳b', /(?:)/gu],
    ['a𝒳b', /(?:)/g],
    ['', /x*/gu],
    ['一、二、三', /[一二三](?=、|$)/gu],
    ['aaa', /a/gy],
  ];
  it.each(cases)('finds in %s what matchAll finds with %s', (text, re) => {
    expect(shown(allMatches(text, re))).toEqual(shown(text.matchAll(re)));
  });

  it('starts at lastIndex, as matchAll does, and leaves it as it was', () => {
    const re = /[0-9]/g;
    re.lastIndex = 2;
    const expected = shown('1234'.matchAll(re));
    expect(shown(allMatches('1234', re))).toEqual(expected);
    expect(re.lastIndex).toBe(2);
  });

  it('refuses an expression without g, as matchAll does', () => {
    expect(() => allMatches('x', /x/u)).toThrow(TypeError);
  });
});

describe('the narrative reader', () => {
  // matchAll copies its expression on every call; the narrative calls it tens of thousands of times per report
  it('finds matches with allMatches, never with matchAll', () => {
    const dir = join(import.meta.dirname, '../src/narrative');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const calling = files.filter((f) =>
      /\.matchAll\(/u.test(readFileSync(join(dir, f), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gmu, '')),
    );
    expect(files.length).toBeGreaterThan(50);
    expect(calling).toEqual([]);
  });
});
