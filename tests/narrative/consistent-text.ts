/**
 * Consistent 情况说明 text from exact figures, for the narrative property tests.
 *
 * A story draws exact underlying amounts (in 分) and derives everything a careful unit writes
 * from them: totals are sums of the exact parts, changes and rates come from the exact current and
 * prior amounts, shares and completion rates from the exact part and whole — and only then is each
 * figure rounded (half up, 四舍五入) to the unit and decimals the writer chose. Such a text is
 * consistent by construction, so the checker must find nothing in it. A mutation changes one
 * written figure or word so that the text alone proves it wrong; the test checks it is caught.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';

const D = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP });
type Dec = InstanceType<typeof D>;

export type Unit = '元' | '万元' | '亿元';
const UNIT_YUAN: Record<Unit, Dec> = { 元: new D(1), 万元: new D(10_000), 亿元: new D(100_000_000) };

/** How one writer writes amounts and rates: the unit, the decimals, trailing zeros kept or not. */
export interface Style {
  unit: Unit;
  decimals: number;
  rateDecimals: number;
  /** "12.50%" or "12.5%": both are what a writer may print. */
  keepZeros: boolean;
  /** 1,234.50元 */
  commas: boolean;
  phrasing: number;
}

export const style: fc.Arbitrary<Style> = fc.record({
  unit: fc.constantFrom<Unit>('元', '万元', '万元', '亿元'),
  decimals: fc.integer({ min: 0, max: 2 }),
  rateDecimals: fc.integer({ min: 0, max: 2 }),
  keepZeros: fc.boolean(),
  commas: fc.boolean(),
  phrasing: fc.nat({ max: 1000 }),
});

/**
 * An exact amount in 分: uniform over many magnitudes, or a round figure, or one on a rounding
 * boundary of 万元 (…50 元, …5,000 元) so that .5 cases are frequent, or 0.
 */
export const cents: fc.Arbitrary<bigint> = fc.oneof(
  fc.bigInt({ min: 1n, max: 10n ** 12n }),
  fc.bigInt({ min: 1n, max: 10n ** 8n }),
  fc.bigInt({ min: 1n, max: 10n ** 4n }),
  fc
    .tuple(fc.bigInt({ min: 1n, max: 10n ** 6n }), fc.constantFrom(5_000n, 500_000n, 50_000_000n))
    .map(([k, step]) => k * step),
  fc
    .tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 2, max: 10 }))
    .map(([k, e]) => BigInt(k) * 10n ** BigInt(e)),
  fc.constant(0n),
);

export const positiveCents = cents.filter((c) => c > 0n);

export const yuan = (c: bigint): Dec => new D(c.toString()).div(100);

function plain(value: Dec, decimals: number, keepZeros: boolean): string {
  const fixed = value.toDecimalPlaces(decimals, D.ROUND_HALF_UP).toFixed(decimals);
  return keepZeros || !fixed.includes('.') ? fixed : fixed.replace(/\.?0+$/, '');
}

/** An amount as the writer prints it: rounded in their unit, with the unit. */
export function amount(c: bigint, s: Style): string {
  let text = plain(yuan(c).div(UNIT_YUAN[s.unit]), s.decimals, true);
  if (s.commas) text = text.replace(/^(\d+)/, (int) => int.replace(/\B(?=(\d{3})+$)/g, ','));
  return `${text}${s.unit}`;
}

/** The written value (in the writer's unit) and its rounding radius, for deciding what a mutation proves. */
export function written(c: bigint, s: Style): { value: Dec; radius: Dec } {
  return {
    value: yuan(c).div(UNIT_YUAN[s.unit]).toDecimalPlaces(s.decimals, D.ROUND_HALF_UP),
    radius: new D('0.5').mul(new D(10).pow(-s.decimals)),
  };
}

/** part / whole × 100, exact, rounded to the writer's rate decimals. */
export function percent(part: Dec, whole: Dec, s: Style): string {
  return plain(part.div(whole).mul(100), s.rateDecimals, s.keepZeros);
}

/**
 * part / whole × 100 cut off (not rounded) at the writer's rate decimals — when that differs from
 * the rounded figure: the truncation a careless writer prints.
 */
export function truncatedPercent(part: Dec, whole: Dec, s: Style): string | undefined {
  const ratio = part.div(whole).mul(100);
  const cut = ratio.toDecimalPlaces(s.rateDecimals, D.ROUND_DOWN);
  if (cut.eq(ratio.toDecimalPlaces(s.rateDecimals, D.ROUND_HALF_UP))) return undefined;
  return cut.toFixed(s.rateDecimals);
}

export const abs = (c: bigint): bigint => (c < 0n ? -c : c);

/** A figure interval [low, high] of possible true ratios ×100; null when unbounded. */
export interface Range {
  low: Dec;
  high: Dec;
}

/** Is a stated percentage p (with its decimals) provably outside every ratio in the range? */
export function provablyOutside(p: string, range: Range | null): boolean {
  if (!range) return false;
  const decimals = p.includes('.') ? (p.split('.')[1] as string).length : 0;
  const half = new D('0.5').mul(new D(10).pow(-decimals));
  const v = new D(p);
  return v.plus(half).lt(range.low) || v.minus(half).gt(range.high);
}

/** The ratios ×100 n / d can take over intervals (n, d ≥ 0 increasing/decreasing corners). */
export function ratioRange(nLow: Dec, nHigh: Dec, dLow: Dec, dHigh: Dec): Range | null {
  if (dLow.lte(0)) return null;
  const lo = Decimal.max(nLow, 0);
  return { low: lo.div(dHigh).mul(100), high: nHigh.div(dLow).mul(100) };
}

/**
 * How the text is laid out on the page, apart from its words: half-width punctuation (mirror sites
 * and PDFs give "，" as ","), a line broken mid-sentence (a PDF's page width), headings of the
 * outline (一、(一) 1.) before the paragraphs.
 */
export interface Layout {
  halfWidth: boolean;
  /** where to break each paragraph's line, as a fraction of its length (none when undefined) */
  breakAt: number | undefined;
  headings: boolean;
}

export const layout: fc.Arbitrary<Layout> = fc.record({
  halfWidth: fc.boolean(),
  breakAt: fc.option(fc.double({ min: 0.2, max: 0.9, noNaN: true }), { nil: undefined }),
  headings: fc.boolean(),
});

const HALF: Record<string, string> = { '，': ',', '：': ':', '；': ';', '（': '(', '）': ')' };
const HEADINGS = ['一、收入支出决算总体情况', '（一）收入决算情况', '1.具体情况'];

/**
 * The paragraphs as a plain text file of that layout: the lines, with headings before them and breaks
 * inside them. The reader (src/io) must give back the same paragraphs, headings aside.
 */
export function laidOutText(paragraphs: string[], l: Layout): string {
  const lines: string[] = [];
  paragraphs.forEach((p, i) => {
    if (l.headings) lines.push(HEADINGS[Math.min(i, HEADINGS.length - 1)] as string);
    const text = l.halfWidth ? p.replace(/[，：；（）]/g, (c) => HALF[c] as string) : p;
    lines.push(...broken(text, l.breakAt));
  });
  return lines.join('\n');
}

/** A line cut where a PDF may cut it: after the first clause mark, never where the rest would read as an outline item. */
function broken(text: string, at: number | undefined): string[] {
  if (at === undefined) return [text];
  const first = text.search(/[，,；;]/);
  const cut = Math.max(first + 1, Math.floor(text.length * at));
  const head = text.slice(0, cut);
  const rest = text.slice(cut);
  if (
    first < 0 ||
    rest === '' ||
    /[。；;！!？?：:）)」”]\s*$/.test(head) ||
    /^\s|^[0-9]{1,2}[.、．](?![0-9])|^[一二三四五六七八九十]+、|^[（(]/.test(rest)
  )
    return [text];
  return [head, rest];
}

export { D };
export type { Dec };
