import type { Claim } from '../claims.js';
import { OUTLINE_MARK } from '../../util/outline.js';
import type { AmountMention } from '../claims.js';
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
    const lead = leadClaim(s, amount);
    if (lead) {
      out.push(lead);
      continue;
    }
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

/**
 * A paragraph that opens with the item's name as its own heading, then its first sentence ("（二）公务接待费。2021 年预算
 * 支出 a 万元，比…", "公务接待费：2023 年支出 a 万元"): the sentence's first figure, its words naming only a year and the
 * flow or the budget, is the item's own — a budget when its words say 预算.
 */
const LEAD = new RegExp(`^\\s*(?:${OUTLINE_MARK}\\s*)?$`, 'u');
const LEAD_WORDS =
  /^[。：:]\s*(?:(?:19|20)[0-9]{2}年度?|本年度?|当年|全年)?[，,]?\s*(?:(?<budget>(?:年初)?预算(?:支出|安排)?(?:数)?|支出预算(?:数)?)|(?:实际)?(?:支出|决算支出|支出决算)(?:数)?)(?:为|是|共计)?：?\s*$/u;
function leadClaim(s: ParaState, amount: AmountMention): Claim | undefined {
  const { p } = s;
  const text = p.n.text;
  const first = p.amounts.find((a) => !s.changes.has(a));
  if (first !== amount) return undefined;
  const subject = p.subjects.find((x) => x.end <= amount.start);
  if (!subject || !LEAD.test(text.slice(0, subject.start))) return undefined;
  if (p.subjects.some((x) => x !== subject && x.start >= subject.end && x.end <= amount.start)) return undefined;
  const words = LEAD_WORDS.exec(text.slice(subject.end, amount.start));
  if (!words) return undefined;
  const sentence = sentenceAt(p, amount.start);
  const role = words.groups?.budget ? 'budget' : 'actual';
  const claim: Claim = { kind: 'amount', subject: subject.subject, role, amount, ...place(p, sentence, amount) };
  if (role === 'budget') claim.inBudget = true;
  return claim;
}
