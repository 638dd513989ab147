import { Decimal } from 'decimal.js';
import type { Claim } from '../claims.js';
import { finding, otherParas } from './common.js';
import type { NarrativeRawFinding } from './types.js';

type Share = Extract<Claim, { kind: 'share' }>;

/**
 * Two parts that together are the whole, and the wholes they are complete for: 基本支出 + 项目支出
 * of a general-budget (财政拨款) total, 人员经费 + 公用经费 of 基本支出. Other totals (本年支出合计)
 * may have further parts (经营支出 …), so they are not checked.
 */
const PAIRS: { parts: [string, string]; whole: RegExp }[] = [
  { parts: ['basic', 'project'], whole: /一般公共预算|财政拨款/u },
  { parts: ['general-basic', 'general-project'], whole: /一般公共预算|财政拨款/u },
  { parts: ['personnel', 'public'], whole: /基本支出/u },
];

function wholeText(c: Share): string | undefined {
  const w = c.whole;
  if ('unknown' in w) return w.unknown;
  if ('subject' in w) return w.text;
  return undefined;
}

/**
 * n.share-sum: the two complementary parts' shares of one whole named the same way add up to
 * 100% within rounding ("基本支出…占一般公共预算支出的 84.06%" and "项目支出…占 19.62%": 103.68%).
 * Checked only where the text alone cannot verify either share (the whole is not stated).
 */
export function shareSumFindings(
  claims: Claim[],
  unverified: Set<Claim>,
): { claim: Claim; finding: NarrativeRawFinding }[] {
  const subjectOf = new Map<object, string>();
  for (const c of claims) if (c.kind === 'amount') subjectOf.set(c.amount, c.subject.id);
  const shares = claims.filter((c): c is Share => c.kind === 'share' && unverified.has(c));
  const out: { claim: Claim; finding: NarrativeRawFinding }[] = [];
  for (const pair of PAIRS) {
    const [a, b] = pair.parts.map((id) => shares.filter((s) => subjectOf.get(s.part) === id));
    for (const first of a ?? []) {
      const text = wholeText(first);
      if (!text || !pair.whole.test(text)) continue;
      const second = (b ?? []).find((s) => wholeText(s) === text);
      if (!second) continue;
      const total = first.percent.value.plus(second.percent.value);
      const k = Math.max(first.percent.decimals, second.percent.decimals);
      const tolerance = new Decimal(10).pow(-k);
      if (total.minus(100).abs().lte(tolerance)) continue;
      out.push({
        claim: second,
        finding: finding(
          second,
          'narrative.share-sum',
          'share-sum',
          {
            parts: `${first.percent.text} + ${second.percent.text}`,
            whole: `「${text}」`,
            total: `${total.toFixed()}%`,
          },
          otherParas(second, [first.para]),
        ),
      });
    }
  }
  return out;
}
