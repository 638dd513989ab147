import type { Claim } from '../claims.js';
import { place, sentenceAt } from './para.js';
import { lastEndingBy } from './spans.js';
import { type ParaState, withoutNameNotes } from './state.js';

const MAX_GAP = 12;
const QUALIFIED = /(?:其他|其它|涉外|国内|国外|境外|外事|部分|人均|车均|平均|每人|每辆)的?$/u;

/**
 * A budget the sentence speaks of before a figure. "预算执行过程中，…全年实际开支 A 万元" speaks of the budget's
 * execution — the outturn, as "执行预算" does: no budget frame; nor does a fund's name ("一般公共预算财政拨款“三公”
 * 经费决算 A 万元", "政府性基金预算", "国有资本经营预算": the money's source, not its budget).
 */
const BUDGET_FRAME = /(?<!执行|一般公共|政府性基金|国有资本经营|社会保险基金)预算(?!执行)/u;

/**
 * A rate against a budget ("完成预算的 97.06%", "完成年初预算 B 万元的 R%"): a yardstick the outturn is held against —
 * the figures after it ("…，其中：因公出国（境）费支出 a") are outturns all the same.
 */
const YARDSTICK = /完成(?:年初|全年|调整后?的?)?预算数?[0-9.,]*(?:万元|亿元|元)?的?[0-9.]*%?/gu;

/**
 * "收入合计 2156.82 万元", "公务接待费支出决算为 0 万元": an amount right after a subject name,
 * with at most the catalog's filler words between them. A budget filler makes it the subject's 预算数.
 */
export function amountClaims(s: ParaState): Claim[] {
  const { p, catalog } = s;
  const out: Claim[] = [];
  for (const amount of p.amounts) {
    if (s.changes.has(amount)) continue;
    const subject = lastEndingBy(p.subjects, amount.start);
    if (!subject || amount.start - subject.end > MAX_GAP) continue;
    // "其他公务接待费支出 517.42 万元", "涉外的公务接待费 140 万元": a part of the subject, not its figure; nor is
    // "人均因公出国（境）费用 2.5 万元" (an average)
    if (QUALIFIED.test(p.n.text.slice(Math.max(0, subject.start - 4), subject.start))) continue;
    const spaced = p.n.text.slice(subject.end, amount.start).replace(/ /g, '');
    const between = withoutNameNotes(spaced);
    const role = catalog.cues.filler.test(between)
      ? 'actual'
      : catalog.cues.budget.test(between) && !/[，。；0-9]/.test(between)
        ? 'budget'
        : undefined;
    if (!role) continue;
    const sentence = sentenceAt(p, amount.start);
    const claim: Claim = { kind: 'amount', subject: subject.subject, role, amount, ...place(p, sentence, amount) };
    if (BUDGET_FRAME.test(p.n.text.slice(sentence.start, amount.start).replace(YARDSTICK, ''))) claim.inBudget = true;
    out.push(claim);
  }
  return out;
}
