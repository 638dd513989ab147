import { Decimal } from 'decimal.js';
import type { Approx, Comparison } from '../../money/interval.js';
import type { Op } from '../types.js';

/**
 * Amounts in millionths of a unit, as safe integers: a published amount has two decimals (rarely
 * up to six), so sums and comparisons of the cells of a table are integer additions, and a Decimal
 * is made only for what is shown (a finding's figures, a diagnosis). The results equal those of
 * the Decimal arithmetic exactly; anything that does not fit (more than six decimals, 10⁹ units
 * or more, a sum past 2⁵³) is left to the Decimal path.
 */

/** Amounts from 10⁹ units up are left to Decimals: below it every sum of a table stays a safe integer in millionths. */
const MAX_EXPONENT = 8;

/** 10⁰ … 10¹⁵: the places a millionth of an amount below 10⁹ spans (a table lookup, not a power per word). */
const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);

/** Digits of one word of a Decimal's coefficient (1 … 7). */
function wordDigits(word: number): number {
  if (word < 1_000) return word < 10 ? 1 : word < 100 ? 2 : 3;
  return word < 10_000 ? 4 : word < 100_000 ? 5 : word < 1_000_000 ? 6 : 7;
}

/**
 * The value in millionths, when it has at most six decimals and is below 10⁹ in magnitude; null
 * otherwise. Read from the documented instance properties of a Decimal (d: base-10⁷ words of the
 * coefficient, e: exponent of the leading digit, s: sign), without making a string or a Decimal.
 */
export function microsOfDecimal(value: Decimal): number | null {
  const words = value.d;
  if (!words || value.e > MAX_EXPONENT) return null;
  const first = words[0] as number;
  if (first === 0) return 0;
  // power of ten of the last digit of each word, shifted by 6 for millionths
  let place = value.e - wordDigits(first) + 1 + 6;
  let micros = 0;
  for (const word of words) {
    if (place >= 0) micros += word * (POW10[place] as number);
    else {
      // digits below a millionth must all be zero
      if (place < -7) return null;
      const divisor = POW10[-place] as number;
      if (word % divisor !== 0) return null;
      micros += word / divisor;
    }
    place -= 7;
  }
  if (!Number.isSafeInteger(micros)) return null;
  return value.s < 0 ? -micros : micros;
}

/** An amount given in millionths (a safe integer) as a Decimal, exactly: from its decimal text. */
export function decimalOfMicros(micros: number): Decimal {
  const digits = String(Math.abs(micros)).padStart(7, '0');
  return new Decimal(`${micros < 0 ? '-' : ''}${digits.slice(0, -6)}.${digits.slice(-6)}`);
}

/**
 * money(decimalOfMicros(micros)) without the Decimal: the amount with its decimals (trailing zeros
 * dropped) but at least two. A finding shows three amounts, and a workbook may have 10,000 findings.
 */
export function moneyOfMicros(micros: number): string {
  const digits = String(Math.abs(micros)).padStart(7, '0');
  let fraction = digits.slice(-6);
  let end = 6;
  while (end > 2 && fraction.charCodeAt(end - 1) === 48) end -= 1;
  fraction = fraction.slice(0, end);
  // Decimal has no negative zero here: -0 millionths is 0
  return `${micros < 0 ? '-' : ''}${digits.slice(0, -6)}.${fraction}`;
}

/** The text of a tolerance (Decimal's toFixed() of the radius): a handful of values per run, made once each. */
const radiusTexts = new Map<number, string>();

export function radiusTextOfMicros(micros: number): string {
  let text = radiusTexts.get(micros);
  if (text === undefined) {
    text = radiusOfMicros(micros).toFixed();
    if (radiusTexts.size < 4096) radiusTexts.set(micros, text);
  }
  return text;
}

/** Decimals of radii by their value in millionths: a handful of distinct values per run, made once each. */
const radii = new Map<number, Decimal>();

export function radiusOfMicros(micros: number): Decimal {
  let radius = radii.get(micros);
  if (!radius) {
    radius = decimalOfMicros(micros);
    if (radii.size < 4096) radii.set(micros, radius);
  }
  return radius;
}

/** A sum in millionths with its radius; the Decimals are made when something reads them. */
export class MicroApprox implements Approx {
  private decimal: Decimal | undefined;

  constructor(
    readonly micros: number,
    readonly radiusMicros: number,
  ) {}

  get value(): Decimal {
    if (this.decimal === undefined) this.decimal = decimalOfMicros(this.micros);
    return this.decimal;
  }

  get radius(): Decimal {
    return radiusOfMicros(this.radiusMicros);
  }
}

/** The comparison of two sums in millionths; difference and tolerance are made as Decimals on demand. */
export class MicroComparison implements Comparison {
  private decimal: Decimal | undefined;

  constructor(
    readonly consistent: boolean,
    readonly differenceMicros: number,
    readonly toleranceMicros: number,
  ) {}

  get difference(): Decimal {
    if (this.decimal === undefined) this.decimal = decimalOfMicros(this.differenceMicros);
    return this.decimal;
  }

  get tolerance(): Decimal {
    return radiusOfMicros(this.toleranceMicros);
  }
}

/**
 * a op b within the radii, in integers: '=' holds iff |a − b| ≤ ra + rb, '<=' iff a − b ≤ ra + rb,
 * '>=' iff a − b ≥ −(ra + rb) (the same tests as compareEq/Le/Ge); null when a figure is past 2⁵³.
 */
export function compareMicros(op: Op, a: MicroApprox, b: MicroApprox): Comparison | null {
  const difference = a.micros - b.micros;
  const tolerance = a.radiusMicros + b.radiusMicros;
  if (!Number.isSafeInteger(difference) || !Number.isSafeInteger(tolerance)) return null;
  const consistent =
    op === '=' ? Math.abs(difference) <= tolerance : op === '<=' ? difference <= tolerance : difference >= -tolerance;
  return new MicroComparison(consistent, difference, tolerance);
}
