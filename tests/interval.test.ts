import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Approx,
  approx,
  checkPercent,
  compareEq,
  compareGe,
  compareLe,
  exact,
  fromCell,
  negate,
  radiusFor,
  scale,
  subtract,
  sum,
  unitFactor,
} from '../src/money/interval.js';

const a2 = (v: string): Approx => approx(v, 2);
const s = (d: Decimal | null | undefined): string | undefined => d?.toString();

describe('approx and radius', () => {
  it.each([
    [2, '0.005'],
    [1, '0.05'],
    [0, '0.5'],
    [4, '0.00005'],
  ])('radiusFor(%i) = %s', (d, r) => {
    expect(radiusFor(d).toString()).toBe(r);
  });

  it('rejects fractional decimals', () => {
    expect(() => radiusFor(1.5)).toThrow(RangeError);
  });

  it('approx keeps the value exactly', () => {
    const x = approx('2156.82', 2);
    expect(x.value.toString()).toBe('2156.82');
    expect(x.radius.toString()).toBe('0.005');
    expect(exact('3').radius.isZero()).toBe(true);
  });

  it('fromCell: number, blank, unreadable', () => {
    expect(s(fromCell({ state: 'number', value: new Decimal('46.1'), decimals: 1 })?.radius)).toBe('0.05');
    const blank = fromCell({ state: 'blank', value: null, decimals: 2 });
    expect(s(blank?.value)).toBe('0');
    expect(s(blank?.radius)).toBe('0.005');
    expect(fromCell({ state: 'unreadable', value: null, decimals: 2 })).toBeNull();
  });
});

describe('sum, negate, subtract', () => {
  it('adds values and radii', () => {
    const total = sum(['86.95', '26.95', '212.44'].map(a2));
    expect(total.value.toString()).toBe('326.34');
    expect(total.radius.toString()).toBe('0.015');
    expect(sum([]).value.isZero()).toBe(true);
  });

  it('subtracts values and still adds radii', () => {
    const d = subtract(a2('100.00'), approx('40.5', 1));
    expect(d.value.toString()).toBe('59.5');
    expect(d.radius.toString()).toBe('0.055');
    expect(negate(a2('3.10')).value.toString()).toBe('-3.1');
    expect(negate(a2('0')).value.isNegative()).toBe(false);
  });

  it('0.1 + 0.2 is exactly 0.3', () => {
    expect(sum([approx('0.1', 1), approx('0.2', 1)]).value.eq('0.3')).toBe(true);
  });
});

// The seed's nine 301 lines (基本工资 … 其他工资福利支出) sum to 490.17; the 301 class says 490.18.
const lines301 = ['86.95', '26.95', '212.44', '39.79', '20.79', '21.51', '6.31', '44.91', '30.52'];

describe('compareEq', () => {
  it('490.18 vs nine terms summing to 490.17 is consistent (bound 0.05)', () => {
    const terms = sum(lines301.map(a2));
    expect(terms.value.toString()).toBe('490.17');
    const r = compareEq(a2('490.18'), terms);
    expect(r.consistent).toBe(true);
    expect(r.difference.toString()).toBe('0.01');
    expect(r.tolerance.toString()).toBe('0.05');
  });

  it.each([
    // [total, terms, consistent, difference, tolerance]
    ['1.06', ['0.50', '0.50'], false, '0.06', '0.015'],
    ['1.01', ['0.50', '0.50'], true, '0.01', '0.015'],
    ['1.02', ['0.50', '0.50'], false, '0.02', '0.015'],
    ['0.98', ['0.50', '0.50'], false, '-0.02', '0.015'],
    ['2156.82', ['533.65', '1623.17'], true, '0', '0.015'],
    ['2156.82', ['533.65', '1623.18'], true, '-0.01', '0.015'],
    ['2156.82', ['533.65', '1623.19'], false, '-0.02', '0.015'],
    ['1184.97', ['0.80', '1184.17'], true, '0', '0.015'],
    ['490.24', lines301, false, '0.07', '0.05'],
    ['490.22', lines301, true, '0.05', '0.05'], // on the bound: consistent
  ] as const)('%s vs %j', (total, terms, consistent, difference, tolerance) => {
    const r = compareEq(a2(total), sum(terms.map(a2)));
    expect(r.consistent).toBe(consistent);
    expect(r.difference.toString()).toBe(difference);
    expect(r.tolerance.toString()).toBe(tolerance);
  });

  it('tolerance for a total against n two-decimal terms is ½·10⁻²·(n+1)', () => {
    for (const n of [1, 2, 5, 11]) {
      const terms = sum(Array.from({ length: n }, () => a2('1.00')));
      expect(compareEq(a2(`${n}.00`), terms).tolerance.eq(new Decimal('0.005').mul(n + 1))).toBe(true);
    }
  });

  it('ten item budgets 2321.75 vs stated 2339.51: a real discrepancy', () => {
    const items = ['503.89', '1651.13', '28.15', '35.51', '5', '2.29', '22.13', '22.89', '42.01', '8.75'];
    const terms = sum(items.map((v) => approx(v, v.includes('.') ? v.split('.')[1]!.length : 0)));
    expect(terms.value.toString()).toBe('2321.75');
    const r = compareEq(a2('2339.51'), terms);
    expect(r.consistent).toBe(false);
    expect(r.difference.toString()).toBe('17.76');
  });
});

describe('compareLe / compareGe', () => {
  it.each([
    // a, b, a ≤ b consistent, a ≥ b consistent
    ['2.00', '2.00', true, true],
    ['2.01', '2.00', true, true], // within ra + rb = 0.01
    ['2.02', '2.00', false, true],
    ['1.98', '2.00', true, false],
    ['0', '5.00', true, false],
  ] as const)('%s vs %s', (a, b, le, ge) => {
    expect(compareLe(a2(a), a2(b)).consistent).toBe(le);
    expect(compareGe(a2(a), a2(b)).consistent).toBe(ge);
  });

  it('reports the signed difference and the tolerance', () => {
    const r = compareLe(a2('2.02'), a2('2.00'));
    expect(r.difference.toString()).toBe('0.02');
    expect(r.tolerance.toString()).toBe('0.01');
    expect(compareGe(a2('1.98'), a2('2.00')).difference.toString()).toBe('-0.02');
  });
});

describe('units', () => {
  it.each([
    ['元', '万元', '0.0001'],
    ['万元', '元', '10000'],
    ['元', '元', '1'],
    ['万元', '万元', '1'],
  ] as const)('unitFactor(%s, %s) = %s', (from, to, f) => {
    expect(unitFactor(from, to).toString()).toBe(f);
  });

  it('scales value and radius from 元 to 万元', () => {
    const yuan = approx('21568200.00', 2);
    const wan = scale(yuan, unitFactor('元', '万元'));
    expect(wan.value.toString()).toBe('2156.82');
    expect(wan.radius.toString()).toBe('5e-7');
    expect(compareEq(wan, a2('2156.82')).consistent).toBe(true);
    const off = compareEq(wan, a2('2156.83'));
    expect(off.consistent).toBe(false);
    expect(off.tolerance.toString()).toBe('0.0050005');
  });

  it('a 元 figure rounded to 万元 is consistent with the 万元 table, a wrong one is not', () => {
    expect(compareEq(scale(a2('21568249.99'), '0.0001'), a2('2156.82')).consistent).toBe(true);
    expect(compareEq(scale(a2('21568251.00'), '0.0001'), a2('2156.82')).consistent).toBe(false);
  });

  it('scales from 万元 to 元 and by a negative factor (radius stays positive)', () => {
    const y = scale(a2('2156.82'), unitFactor('万元', '元'));
    expect(y.value.toString()).toBe('21568200');
    expect(y.radius.toString()).toBe('50');
    const n = scale(a2('1.00'), '-2');
    expect(n.value.toString()).toBe('-2');
    expect(n.radius.toString()).toBe('0.01');
  });
});

const pct = (v: string) => ({ value: new Decimal(v), decimals: v.includes('.') ? v.split('.')[1]!.length : 0 });

describe('checkPercent', () => {
  it.each([
    // part, whole, stated, consistent, computed, truncated
    ['533.65', '2156.82', '24.74', true, '24.7424', false], // 基本支出 share
    ['1623.17', '2156.82', '75.26', true, '75.2576', false], // 项目支出 share
    ['533.65', '2156.82', '24.75', false, '24.7424', false],
    ['533.65', '2156.82', '24.7', true, '24.742', false],
    ['39.79', '35.51', '100', false, '112.05', false], // execution rate written as 100%
    ['44.91', '42.01', '100', false, '106.9', false],
    ['39.79', '35.51', '112', true, '112.05', false],
    ['46.10', '2156.82', '2', true, '2.14', false], // 2.137% stated 2%
    ['46.10', '2156.82', '3', false, '2.14', false],
    ['42.30', '2156.82', '2', true, '1.96', false],
    ['52.87', '2156.82', '2.5', true, '2.451', false],
    ['2015.55', '2156.82', '93.5', true, '93.45', false], // 93.4500793…%
    // truncated instead of rounded, yet 2015.545 / 2156.825 = 93.4496…% rounds to 93.4: consistent
    ['2015.55', '2156.82', '93.4', true, '93.45', true],
    ['2015.55', '2156.82', '93.3', false, '93.45', false],
    ['2156.82', '2339.51', '92.2', true, '92.191', false], // 执行率
    ['2156.82', '2339.51', '92.1', false, '92.191', true],
    ['398.17', '503.89', '79', true, '79.02', false],
    ['1589.23', '1651.13', '96.3', true, '96.251', false],
    ['28.15', '28.15', '100', true, '100', false],
    ['4.25', '5.00', '85', true, '85', false],
    ['2.06', '2.29', '90', true, '89.96', false],
    ['20.79', '22.13', '93.9', true, '93.945', false],
    ['21.51', '22.89', '94', true, '93.97', false],
    ['0', '2156.82', '0', true, '0', false],
    ['2156.82', '2156.82', '100', true, '100', false],
  ] as const)('%s / %s stated %s%%', (part, whole, stated, consistent, computed, truncated) => {
    const r = checkPercent(a2(part), a2(whole), pct(stated));
    expect(r.consistent).toBe(consistent);
    expect(r.computed?.toString()).toBe(computed);
    expect(r.truncated).toBe(truncated);
    expect(r.zeroWhole).toBe(false);
  });

  it('uses the rounding of both amounts: a small whole widens the range', () => {
    // 0.05 / 0.15 = 33.3%, but 0.045…0.055 over 0.145…0.155 spans 29.0%…37.9%
    const r = checkPercent(a2('0.05'), a2('0.15'), pct('30'));
    expect(r.consistent).toBe(true);
    expect(r.range?.low.toDecimalPlaces(2).toString()).toBe('29.03');
    expect(r.range?.high.toDecimalPlaces(2).toString()).toBe('37.93');
    expect(checkPercent(a2('0.05'), a2('0.15'), pct('40')).consistent).toBe(false);
  });

  it('truncation shows only where rounding differs and the amounts are precise enough', () => {
    const r = checkPercent(a2('200000.00'), a2('300000.00'), pct('66.66'));
    expect(r.truncated).toBe(true);
    expect(r.consistent).toBe(false);
    expect(r.computed?.toString()).toBe('66.6667');
    expect(checkPercent(a2('200000.00'), a2('300000.00'), pct('66.67')).consistent).toBe(true);
  });

  it('treats the ends of the stated interval as included (exact amounts)', () => {
    // exactly 12.5%: rounds to 13 (half up) but 12 is accepted as well
    expect(checkPercent(exact('1'), exact('8'), pct('12')).consistent).toBe(true);
    expect(checkPercent(exact('1'), exact('8'), pct('13')).consistent).toBe(true);
    expect(checkPercent(exact('1'), exact('8'), pct('12.4')).consistent).toBe(false);
    expect(checkPercent(exact('1'), exact('3'), pct('33.33')).consistent).toBe(true);
    expect(checkPercent(exact('1'), exact('3'), pct('33.34')).consistent).toBe(false);
  });

  it('handles signs: decreases and negative wholes', () => {
    expect(checkPercent(a2('-278.06'), a2('278.06'), pct('-100')).consistent).toBe(true);
    expect(checkPercent(a2('-278.06'), a2('278.06'), pct('100')).consistent).toBe(false);
    const neg = checkPercent(a2('10.00'), a2('-20.00'), pct('-50'));
    expect(neg.consistent).toBe(true);
    expect(neg.computed?.toString()).toBe('-50');
    expect(neg.range!.low.lt(neg.range!.high)).toBe(true);
    // year-over-year: +14.96 on a prior total of 2141.86 → 0.698% stated 0.7%
    expect(checkPercent(a2('14.96'), a2('2141.86'), pct('0.7')).consistent).toBe(true);
    expect(checkPercent(a2('14.96'), a2('2141.86'), pct('0.6')).consistent).toBe(false);
  });

  it('a whole written as 0 has no ratio: what its rounding hides bounds the share from below only', () => {
    const zero = checkPercent(a2('0'), a2('0'), pct('0'));
    expect(zero).toEqual({ consistent: true, computed: null, truncated: false, range: null, zeroWhole: true });
    // 4.995 over at most 0.005 is at least 99900%
    const r = checkPercent(a2('5.00'), a2('0'), pct('100'));
    expect(r.consistent).toBe(false);
    expect(r.computed).toBeNull();
    expect(r.zeroWhole).toBe(true);
    expect(checkPercent(a2('5.00'), a2('0'), pct('99900')).consistent).toBe(true);
    expect(checkPercent(a2('5.00'), a2('0'), pct('99899')).consistent).toBe(false);
    // 0.00 of 0.00 may be 0.004 of 0.004 — or 0.001 of 0.004
    expect(checkPercent(a2('0'), a2('0'), pct('100')).consistent).toBe(true);
    expect(checkPercent(a2('0'), a2('0'), pct('25')).consistent).toBe(true);
    // an exact 0 (持平) hides nothing: only 0 of it stated 0% passes
    expect(checkPercent(a2('0'), exact('0'), pct('100')).consistent).toBe(false);
    expect(checkPercent(exact('0'), exact('0'), pct('0')).consistent).toBe(true);
  });

  it('a whole whose interval reaches zero bounds nothing', () => {
    const whole = sum([a2('0.01'), a2('0.00'), a2('0.00')]); // 0.01 ± 0.015
    const r = checkPercent(a2('1.00'), whole, pct('50'));
    expect(r.consistent).toBe(true);
    expect(r.range).toBeNull();
    expect(r.computed?.toString()).toBe('10000');
  });
});

describe('checkPercent range', () => {
  // the range as first written: every corner of part × whole, each rounded outward, then min and max
  const Floor = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_FLOOR });
  const Ceil = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_CEIL });
  const everyCorner = (part: Approx, whole: Approx) => {
    const lows: Decimal[] = [];
    const highs: Decimal[] = [];
    for (const p of [part.value.minus(part.radius), part.value.plus(part.radius)])
      for (const w of [whole.value.minus(whole.radius), whole.value.plus(whole.radius)]) {
        lows.push(new Decimal(new Floor(p).mul(100).div(w)));
        highs.push(new Decimal(new Ceil(p).mul(100).div(w)));
      }
    return { low: Decimal.min(...lows).toString(), high: Decimal.max(...highs).toString() };
  };
  const amount = fc
    .tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: -2, max: 4 }))
    .map(([digits, decimals]) =>
      approx(new Decimal(digits.toString()).div(new Decimal(10).pow(Math.max(decimals, 0))), decimals),
    );

  it('is the smallest and largest over every corner of part and whole, either sign of each', () => {
    fc.assert(
      fc.property(amount, amount, (part, whole) => {
        const r = checkPercent(part, whole, { value: new Decimal(1), decimals: 0 });
        const crossesZero = whole.value.minus(whole.radius).lte(0) && whole.value.plus(whole.radius).gte(0);
        if (whole.value.isZero() || crossesZero) expect(r.range).toBeNull();
        else expect({ low: r.range?.low.toString(), high: r.range?.high.toString() }).toEqual(everyCorner(part, whole));
      }),
      { numRuns: 2000 },
    );
  });
});
