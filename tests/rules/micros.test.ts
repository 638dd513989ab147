import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  compareMicros,
  decimalOfMicros,
  MicroApprox,
  microsOfDecimal,
  moneyOfMicros,
  radiusTextOfMicros,
} from '../../src/rules/eval/micros.js';
import { money } from '../../src/money/text.js';

/** The definition: millionths from the decimal text, when exact and below 10⁹ units. */
function byText(value: Decimal): number | null {
  return value.decimalPlaces() <= 6 && value.abs().lt(1e9) ? Number(value.toFixed(6).replace('.', '')) : null;
}

describe('amounts in millionths', () => {
  it('reads a Decimal exactly, or not at all', () => {
    const cases: [string, number | null][] = [
      ['0', 0],
      ['-0', 0],
      ['2156.82', 2_156_820_000],
      ['-0.5', -500_000],
      ['0.000001', 1],
      ['0.0000001', null],
      ['12345678.123456', 12_345_678_123_456],
      ['999999999.999999', 999_999_999_999_999],
      ['1000000000', null],
      ['1e-6', 1],
      ['10000000', 10_000_000_000_000],
    ];
    for (const [text, micros] of cases) expect([text, microsOfDecimal(new Decimal(text))]).toEqual([text, micros]);
  });

  it('agrees with the decimal text on many values (every word alignment of the coefficient)', () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed;
    };
    for (let i = 0; i < 20_000; i += 1) {
      const whole = String(next() % 10 ** (next() % 10));
      const places = next() % 9;
      const fraction = Array.from({ length: places }, () => String(next() % 10)).join('');
      const text = `${next() % 3 === 0 ? '-' : ''}${whole}${places ? `.${fraction}` : ''}`;
      const value = new Decimal(text);
      expect([text, microsOfDecimal(value)]).toEqual([text, byText(value)]);
    }
  });

  it('compares as the Decimal intervals do, and shows the same figures', () => {
    const a = new MicroApprox(2_156_820_000, 5_000);
    const b = new MicroApprox(2_156_830_000, 5_000);
    expect(compareMicros('=', a, b)?.consistent).toBe(true);
    expect(compareMicros('=', a, new MicroApprox(2_156_830_001, 5_000))?.consistent).toBe(false);
    expect(compareMicros('<=', b, a)?.consistent).toBe(true);
    expect(compareMicros('>=', a, new MicroApprox(2_156_840_000, 5_000))?.consistent).toBe(false);
    const c = compareMicros('=', a, new MicroApprox(2_157_820_000, 5_000));
    expect([c?.difference.toFixed(), c?.tolerance.toFixed(), a.value.toFixed(), a.radius.toFixed()]).toEqual([
      '-1',
      '0.01',
      '2156.82',
      '0.005',
    ]);
    expect(decimalOfMicros(-1).toFixed()).toBe('-0.000001');
    expect(compareMicros('=', new MicroApprox(Number.MAX_SAFE_INTEGER, 0), new MicroApprox(-10, 0))).toBeNull();
  });
});

describe('amounts in millionths as findings show them', () => {
  it('writes an amount as money() writes its Decimal, and a radius as toFixed() does', () => {
    const values = [0, -0, 1, -1, 5, 10, 100, 1000, 5000, -5000, 10_000, 120_000, 2_156_820_000, -44_067_272_000_000];
    values.push(999_999_999_999_999, -123_456_789, 7_000_001, 2 ** 53 - 1, -(2 ** 53 - 1));
    let seed = 11;
    for (let i = 0; i < 1500; i++) {
      seed = (seed * 48271) % 2147483647;
      const digits = 1 + (seed % 16);
      const micros = Math.floor((seed / 2147483647) * 10 ** digits) * (i % 2 === 0 ? 1 : -1);
      values.push(micros, micros - (micros % 10_000));
    }
    for (const micros of values) {
      expect([micros, moneyOfMicros(micros)]).toEqual([micros, money(decimalOfMicros(micros))]);
      if (micros >= 0)
        expect([micros, radiusTextOfMicros(micros)]).toEqual([micros, decimalOfMicros(micros).toFixed()]);
    }
  });
});
