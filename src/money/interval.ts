import { Decimal } from 'decimal.js';
import type { AmountCell, Unit } from '../model/types.js';

/**
 * Interval arithmetic for rounded published amounts (the approach of XBRL Calculations 1.1).
 * A value written with d decimals stands for [value − ½·10⁻ᵈ, value + ½·10⁻ᵈ]; sums add the
 * radii; two amounts are consistent when their intervals overlap. Exact decimals throughout.
 */
export interface Approx {
  value: Decimal;
  /** Half-width of the interval of true values the written value may stand for; ≥ 0. */
  radius: Decimal;
}

export interface Comparison {
  consistent: boolean;
  /** a − b (signed). */
  difference: Decimal;
  /** ra + rb: the largest gap rounding alone can explain. */
  tolerance: Decimal;
}

export interface PercentCheck {
  consistent: boolean;
  /**
   * part / whole × 100 from the written values, rounded half-up to the stated decimals + 2
   * (for messages: "100%" → 112.05); null when the whole is zero (no ratio: report that apart).
   */
  computed: Decimal | null;
  /** The stated value equals the ratio truncated, and rounding would give something else. */
  truncated: boolean;
  /** Possible ratios ×100 given the rounding of part and whole; null when unbounded (whole may be 0). */
  range: { low: Decimal; high: Decimal } | null;
  /** The whole is written as 0: there is no ratio. */
  zeroWhole: boolean;
}

type Exact = Decimal | string;

const HALF = new Decimal('0.5');
const HUNDRED = new Decimal(100);
/**
 * Division bounds rounded outward, so rounding error can never make a consistent ratio look wrong: a lower bound divided
 * with Floor, an upper bound with Ceil (the narrative's verifiers use the same pair).
 */
export const Floor = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_FLOOR });
export const Ceil = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_CEIL });
const Exact40 = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/** ½·10⁻ᵈ */
const radii = new Map<number, Decimal>();

export function radiusFor(decimals: number): Decimal {
  if (!Number.isInteger(decimals)) throw new RangeError(`decimals must be an integer, got ${decimals}`);
  // Decimals are immutable, so one instance per precision serves every cell
  let radius = radii.get(decimals);
  if (!radius) {
    radius = HALF.mul(new Decimal(10).pow(-decimals));
    radii.set(decimals, radius);
  }
  return radius;
}

/** A value as written with `decimals` places. Pass Decimal or string, never a float. */
export function approx(value: Exact, decimals: number): Approx {
  // a Decimal is immutable: it is used as it is, not copied
  return { value: value instanceof Decimal ? value : new Decimal(value), radius: radiusFor(decimals) };
}

/** A value known exactly (a count, a factor, a computed constant). */
export function exact(value: Exact): Approx {
  return { value: new Decimal(value), radius: new Decimal(0) };
}

/** The interval of a read amount cell: blank → 0 ± ½·10⁻²; unreadable → null (report it, do not guess). */
export function fromCell(cell: Pick<AmountCell, 'state' | 'value' | 'decimals'>): Approx | null {
  if (cell.state === 'unreadable') return null;
  return { value: cell.value ?? new Decimal(0), radius: radiusFor(cell.decimals) };
}

export function sum(terms: readonly Approx[]): Approx {
  let value = new Decimal(0);
  let radius = new Decimal(0);
  for (const t of terms) {
    value = value.plus(t.value);
    radius = radius.plus(t.radius);
  }
  return { value, radius };
}

export function negate(a: Approx): Approx {
  return { value: a.value.isZero() ? a.value : a.value.neg(), radius: a.radius };
}

/** a − b; the radii add. */
export function subtract(a: Approx, b: Approx): Approx {
  return sum([a, negate(b)]);
}

/** a × factor (exact factor, e.g. unitFactor('元', '万元') = 1/10000); the radius scales by |factor|. */
export function scale(a: Approx, factor: Exact): Approx {
  // a Decimal is immutable: used as it is, not copied
  const f = factor instanceof Decimal ? factor : new Decimal(factor);
  return { value: a.value.mul(f), radius: a.radius.mul(f.isNeg() ? f.abs() : f) };
}

const ONE = new Decimal(1);
const TEN_THOUSANDTH = new Decimal('0.0001');
const TEN_THOUSAND = new Decimal(10000);

/** Multiply an amount in `from` by this to express it in `to`: 元 → 万元 is 0.0001 (one immutable Decimal each). */
export function unitFactor(from: Unit, to: Unit): Decimal {
  if (from === to) return ONE;
  return from === '元' ? TEN_THOUSANDTH : TEN_THOUSAND;
}

function compare(a: Approx, b: Approx, test: (difference: Decimal, tolerance: Decimal) => boolean): Comparison {
  const difference = a.value.minus(b.value);
  const tolerance = a.radius.plus(b.radius);
  return { consistent: test(difference, tolerance), difference, tolerance };
}

/** a = b is consistent iff |a − b| ≤ ra + rb. */
export function compareEq(a: Approx, b: Approx): Comparison {
  return compare(a, b, (d, t) => d.abs().lte(t));
}

/** |a| = |b| is consistent iff ||a| − |b|| ≤ ra + rb: a change column written without its sign against the move. */
export function sizesAgree(a: Approx, b: Approx): boolean {
  return compareEq({ value: a.value.abs(), radius: a.radius }, { value: b.value.abs(), radius: b.radius }).consistent;
}

/** a ≤ b is consistent iff a − ra ≤ b + rb. */
export function compareLe(a: Approx, b: Approx): Comparison {
  return compare(a, b, (d, t) => d.lte(t));
}

/** a ≥ b is consistent iff a + ra ≥ b − rb. */
export function compareGe(a: Approx, b: Approx): Comparison {
  return compare(a, b, (d, t) => d.gte(t.neg()));
}

/** Smallest and largest ratio ×100 over the corners of part × whole; null when the whole may be 0. */
function ratioRange(part: Approx, whole: Approx): { low: Decimal; high: Decimal } | null {
  const wLow = whole.value.minus(whole.radius);
  const wHigh = whole.value.plus(whole.radius);
  if (wLow.lte(0) && wHigh.gte(0)) return null;
  const pLow = part.value.minus(part.radius);
  const pHigh = part.value.plus(part.radius);
  // Each corner's bound, rounded outward, is monotone in the part (a whole of one sign throughout:
  // rising with it over a positive whole, falling over a negative one), so the smallest of the four
  // comes from one part and the largest from the other, against either end of the whole: two
  // divisions a bound instead of four, the same values (division at 40 digits is most of a check)
  const [pMin, pMax] = wLow.gt(0) ? [pLow, pHigh] : [pHigh, pLow];
  const lows = [wLow, wHigh].map((w) => new Decimal(new Floor(pMin).mul(HUNDRED).div(w)));
  const highs = [wLow, wHigh].map((w) => new Decimal(new Ceil(pMax).mul(HUNDRED).div(w)));
  return { low: Decimal.min(...lows), high: Decimal.max(...highs) };
}

/**
 * A whole written as 0 may stand for any amount its rounding hides (0.00 万元: up to 50 元 either way),
 * so over it a part is a ratio of at least |part| ÷ radius, with no upper bound: "增加 8.00，增长 100%"
 * over 8.00 − 8.00 is at least 7.995 ÷ 0.01 = 79950%, while 0.00 of 0.00 may be any share.
 * An exact 0 (持平) has no ratio at all: only 0 of 0 stated 0% passes.
 */
function zeroWholeAllows(part: Approx, whole: Approx, stated: { value: Decimal; decimals: number }): boolean {
  if (whole.radius.isZero()) return part.value.isZero() && stated.value.isZero();
  const smallestPart = part.value.abs().minus(part.radius);
  if (smallestPart.lte(0)) return true;
  const smallestRatio = new Floor(smallestPart).mul(HUNDRED).div(whole.radius);
  return stated.value.abs().plus(radiusFor(stated.decimals)).gte(smallestRatio);
}

/**
 * Is the stated percentage (as written, "24.74%" → 24.74 with 2 decimals) consistent with
 * part / whole? Yes when some ratio the rounded amounts allow, [(p∓rp)/(w±rw)], rounds to it,
 * i.e. meets [stated − ½·10⁻ᵏ, stated + ½·10⁻ᵏ] (ends included).
 * A whole written as 0 gives no ratio (computed null, zeroWhole): "0 of 0 is 0%" (the seed's
 * 三公 lines) is consistent, and so is any share its rounding allows (zeroWholeAllows). A whole whose interval merely
 * reaches 0 (a sum near zero) bounds nothing: consistent.
 */
export function checkPercent(part: Approx, whole: Approx, stated: { value: Decimal; decimals: number }): PercentCheck {
  if (whole.value.isZero())
    return {
      consistent: zeroWholeAllows(part, whole, stated),
      computed: null,
      truncated: false,
      range: null,
      zeroWhole: true,
    };
  const k = stated.decimals;
  const ratio = new Decimal(new Exact40(part.value).mul(HUNDRED).div(whole.value));
  const computed = ratio.toDecimalPlaces(k + 2, Decimal.ROUND_HALF_UP);
  const rounded = ratio.toDecimalPlaces(k, Decimal.ROUND_HALF_UP);
  const cut = ratio.toDecimalPlaces(k, Decimal.ROUND_DOWN);
  const truncated = stated.value.eq(cut) && !rounded.eq(cut);

  const range = ratioRange(part, whole);
  if (!range) return { consistent: true, computed, truncated, range, zeroWhole: false };
  const half = radiusFor(k);
  const consistent = range.low.lte(stated.value.plus(half)) && range.high.gte(stated.value.minus(half));
  return { consistent, computed, truncated, range, zeroWhole: false };
}
