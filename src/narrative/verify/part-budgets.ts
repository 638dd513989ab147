import { Decimal } from 'decimal.js';
import { radiusFor } from '../../money/interval.js';
import type { Partition } from '../catalog/types.js';
import { type Claim, mentionApprox, writtenUnit } from '../claims.js';
import { finding, fixed } from './common.js';
import type { NarrativeRawFinding } from './types.js';

type Rate = Extract<Claim, { kind: 'rate' }>;

/** The budget a part's 决算 and rate allow: [low, high] in 万元, high undefined when the rate bounds it from one side only. */
interface Implied {
  low: Decimal;
  high?: Decimal;
}

/**
 * A part's budget as its 决算 a and its rate r allow: a ÷ r over both roundings. A rate of 0 says nothing of it (a
 * budget of any size not spent); "100%" may be the house convention for a 决算 over its 预算 (n.rate-capped-100): the
 * budget is then at most a, its low end unknown.
 */
function implied(part: Rate): Implied | undefined {
  if (!part.actual) return undefined;
  const a = mentionApprox(part.actual);
  const r = radiusFor(part.percent.decimals);
  const aLow = Decimal.max(0, a.value.minus(a.radius));
  const aHigh = a.value.plus(a.radius);
  const rLow = part.percent.value.minus(r);
  const rHigh = part.percent.value.plus(r);
  if (rHigh.lte(0)) return { low: new Decimal(0) };
  const high = rLow.gt(0) ? aHigh.mul(100).div(rLow) : undefined;
  if (part.percent.value.eq(100)) return high ? { low: new Decimal(0), high } : { low: new Decimal(0) };
  return { low: aLow.mul(100).div(rHigh), ...(high ? { high } : {}) };
}

/**
 * n.rate (rate-parts-budget): "“三公”经费支出预算为 B，支出决算为 A，完成预算的 R%。其中：因公出国（境）费支出决算为 a1，
 * 完成预算的 r1%；公务用车…a2，r2%；公务接待费…a3，r3%" — the parts' budgets are not written, but each part's 决算 and
 * rate give it (a ÷ r), and the parts' budgets make up the total's B. When every part of the total's partition is
 * stated with a rate of the same budget, the budgets they imply must add up to B within all the roundings; with a
 * part missing, or one a rate of 0 leaves open, they must not exceed it. Read only where the total's own rate holds
 * (extract/part-budget.ts bound each part by it) and no rate of the group was found wrong on its own.
 */
export function partBudgetSumFindings(
  claims: readonly Claim[],
  partitions: readonly Partition[],
  failed: ReadonlySet<Claim>,
): { claim: Claim; finding: NarrativeRawFinding }[] {
  const byWhole = new Map<Claim, Rate[]>();
  for (const c of claims) {
    if (c.kind !== 'rate' || !c.budgetAtMost || c.budget) continue;
    const parts = byWhole.get(c.budgetAtMost.whole) ?? [];
    parts.push(c);
    byWhole.set(c.budgetAtMost.whole, parts);
  }
  const out: { claim: Claim; finding: NarrativeRawFinding }[] = [];
  for (const [whole, parts] of byWhole) {
    if (whole.kind !== 'rate' || !whole.budget || !whole.subject || failed.has(whole)) continue;
    if (parts.some((p) => failed.has(p))) continue;
    const partition = partitions.find((x) => x.total === whole.subject?.id);
    if (!partition) continue;
    const ids = parts.map((p) => p.subject?.id);
    // each part once, every one a part of this partition
    if (new Set(ids).size !== ids.length || ids.some((id) => id === undefined || !partition.parts.includes(id)))
      continue;
    const each = parts.map(implied);
    if (each.some((x) => x === undefined)) continue;
    const budgets = each as Implied[];
    const low = budgets.reduce((t, x) => t.plus(x.low), new Decimal(0));
    const every = parts.length === partition.parts.length && budgets.every((x) => x.high !== undefined);
    const high = every ? budgets.reduce((t, x) => t.plus(x.high as Decimal), new Decimal(0)) : undefined;
    const b = mentionApprox(whole.budget);
    const bLow = b.value.minus(b.radius);
    const bHigh = b.value.plus(b.radius);
    const over = low.gt(bHigh);
    const under = high?.lt(bLow) === true;
    if (!over && !under) continue;
    const unit = writtenUnit(whole.budget);
    const shown = (v: Decimal) => {
      const inUnit = unit === '亿元' ? v.div(10000) : whole.budget?.unit === '元' ? v.mul(10000) : v;
      return `${fixed(inUnit.toDecimalPlaces(2, Decimal.ROUND_HALF_UP))}${unit}`;
    };
    const implied2 = (x: Implied) => x.low.plus(x.high ?? x.low).div(2);
    out.push({
      claim: whole,
      finding: finding(whole, 'narrative.rate', 'rate-parts-budget', {
        subject: whole.subject.label,
        budget: whole.budget.text,
        parts: parts
          .map((p, i) => `${p.actual?.text ?? ''} ÷ ${p.percent.text} ≈ ${shown(implied2(budgets[i] as Implied))}`)
          .join('，'),
        computed: over ? `至少 ${shown(low)}` : `至多 ${shown(high as Decimal)}`,
      }),
    });
  }
  return out;
}
