import { checkPercent } from '../../money/interval.js';
import { type Claim, mentionApprox } from '../claims.js';
import type { Partition } from '../catalog/types.js';
import type { ParaClaims } from './across.js';

type Rate = Extract<Claim, { kind: 'rate' }>;

/**
 * "“三公”经费…年初预算为 B，支出决算为 A，完成预算的 R%，其中：…；公务接待费支出决算为 a3，完成预算的 r3%":
 * a part's rate in the total's own sentence is over the part's budget, which the text does not give —
 * but the parts' budgets make up the total's B, so the part's is at most B (when the total's rate,
 * A ÷ B, holds and the part's rate is worded the same: the budget the sentence speaks of is that B). A non-zero a3 "完成预算的 0%" is then
 * impossible: a3 ÷ B is the least its rate can be.
 */
/**
 * "…完成预算的 R%。其中：因公出国（境）费支出决算为 a，完成预算的 r%；…": the parts in the sentence right after the
 * total's, that sentence opening with 其中 — the total's breakdown as much as after a comma.
 */
function opensBreakdownOf(text: string, whole: Rate, part: Rate): boolean {
  return whole.sentence.end === part.sentence.start && /^\s*其中[：:，,]?/u.test(text.slice(part.sentence.start));
}

export function boundPartBudgets(paras: ParaClaims[], partitions: Partition[]): void {
  for (const pc of paras) {
    // a 差异率 is no share of the budget: it bounds nothing here
    const rates = pc.claims.filter((c): c is Rate => c.kind === 'rate' && !c.variance);
    // "完成预算的", "完成年初预算的", "完成全年预算的": the budget each rate is over, as worded between its figures
    const wording = (c: Rate) => (c.actual ? pc.p.n.text.slice(c.actual.end, c.percent.start) : '');
    for (const part of rates) {
      const actual = part.actual;
      if (part.budget || !actual || !part.subject) continue;
      const id = part.subject.id;
      const partition = partitions.find((x) => x.parts.includes(id));
      const whole = rates.find(
        (w) =>
          w.subject?.id === partition?.total &&
          w.budget !== undefined &&
          w.actual !== undefined &&
          (w.sentence.start === part.sentence.start || opensBreakdownOf(pc.p.n.text, w, part)) &&
          wording(w) === wording(part) &&
          w.percent.end <= actual.start,
      );
      if (!whole?.budget || !whole.actual) continue;
      const holds = checkPercent(mentionApprox(whole.actual), mentionApprox(whole.budget), {
        value: whole.percent.value,
        decimals: whole.percent.decimals,
      }).consistent;
      if (holds) part.budgetAtMost = { amount: whole.budget, whole };
    }
  }
}
