import { describe, expect, it } from 'vitest';
import { getOrCreate } from '../src/util/memo.js';

describe('getOrCreate', () => {
  it('makes a value once per key and returns the stored one after', () => {
    const map = new Map<string, number[]>();
    let made = 0;
    const make = (): number[] => {
      made += 1;
      return [];
    };
    const first = getOrCreate(map, 'a', make);
    expect(getOrCreate(map, 'a', make)).toBe(first);
    getOrCreate(map, 'b', make);
    expect(made).toBe(2);
  });

  it('keeps a stored null as a value (a memo of "no answer" is an answer)', () => {
    const map = new Map<string, number | null>([['a', null]]);
    expect(getOrCreate(map, 'a', () => 1)).toBeNull();
  });

  it('works on weak maps keyed by objects', () => {
    const key = {};
    const map = new WeakMap<object, string>();
    expect(getOrCreate(map, key, () => 'x')).toBe('x');
    expect(getOrCreate(map, key, () => 'y')).toBe('x');
  });
});
