import { describe, expect, it } from 'vitest';
import { isShortestForm } from '../../src/io/xlsx/read-xlsx.js';

/** A number cell shows the text it stores when that text is what String(number) would give anyway. */
describe('xlsx number text', () => {
  it('takes a stored text as the shown one only when String(Number(text)) gives it back', () => {
    let seed = 11;
    const next = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    let taken = 0;
    for (let i = 0; i < 20_000; i += 1) {
      const whole = next(5) === 0 ? '0' : String(next(10 ** next(10)) * 10 ** next(8));
      const places = next(9);
      const fraction = Array.from({ length: places }, () => String(next(10))).join('');
      const text = `${next(3) === 0 ? '-' : ''}${whole}${places ? `.${fraction}` : ''}`;
      if (!isShortestForm(text)) continue;
      taken += 1;
      expect([text, String(Number(text))]).toEqual([text, text]);
    }
    expect(taken).toBeGreaterThan(5_000);
    for (const text of ['-0', '0.0000001', '1e5', '100.10', '1234567890123456', '.5', '5.', ' 5'])
      expect([text, isShortestForm(text)]).toEqual([text, false]);
  });
});
