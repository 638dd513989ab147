import type { AmountMention, Claim } from '../claims.js';
import { place, sentenceAt } from './para.js';
import { within } from './spans.js';
import { closedOffBefore, markStart, prefixOf, type ParaState } from './state.js';

/** What the sum after 加上 is called at the end of its sentence: "…总收入 T", "收入总计 T", "支出总量为 T". */
const TOTAL = /(?:总收入|总支出|(?:收入|支出)(?:总计|总量|合计))(?:为|达到?|是)?$/u;
/** A clause that takes away instead of adding: the sum is not a plain sum. */
const SUBTRACTS = /减去|扣除|剔除|抵减/u;

/**
 * "全市一般公共预算收入 A 万元，…，加上上级补助收入 b 万元、调入资金 c 万元…，全市一般公共预算总收入
 * T 万元": the level before 加上 and every figure added after it make the total that ends the sentence
 * (n.list-sum). A figure in brackets ("（含权责发生制列支…）") is a detail, not an addend. Every
 * clause after 加上 must carry a figure — one that only names what is added ("加上上级补助收入、上年
 * 结余等") leaves the sum unknown; one ending in 等 may leave some out, so the sum must only not exceed T.
 */
/** "剔除…因素后，为 A′ 亿元": a level restated on another basis (the clause before it says so). */
function restatedBy(s: ParaState): (a: AmountMention) => boolean {
  const cue = new RegExp(`(?:${s.catalog.cues.adjusted.source})[^，；。]*后，?(?:为|是)?$`, 'u');
  return (a) => {
    const clause = markStart(s.p, '，；。', a.start);
    return cue.test(s.p.n.text.slice(markStart(s.p, '，；。', Math.max(0, clause - 1)), a.start));
  };
}

export function plusSumClaims(s: ParaState): Claim[] {
  const { p } = s;
  const text = p.n.text;
  const out: Claim[] = [];
  if (!text.includes('加上')) return out;
  const restated = restatedBy(s);
  for (const plus of text.matchAll(/加上/gu)) {
    const sentence = sentenceAt(p, plus.index);
    const inSentence = within(p.amounts, sentence.start, sentence.end);
    const total = inSentence[inSentence.length - 1];
    if (!total || total.start < plus.index || !TOTAL.test(prefixOf(s, total.start))) continue;
    const open = (a: AmountMention) => !closedOffBefore(p, a.end, total.start);
    // the level added to: the last figure before 加上 that is no detail in brackets and no change
    // ("总收入 A 万元…，其中地方收入 a 万元…；加上级补助收入…": a, not A), nor the level restated on
    // another basis ("支出 A 亿元，剔除一次性因素后，为 A′ 亿元；加上…": A, not A′)
    const base = inSentence.filter((a) => a.end <= plus.index && open(a) && !s.changes.has(a) && !restated(a)).pop();
    const added = inSentence.filter((a) => a.start > plus.index && a.end <= total.start && open(a));
    if (!base || added.length === 0 || SUBTRACTS.test(text.slice(plus.index, total.start))) continue;
    // the clauses between 加上 and the total's own (a comma inside a figure, "1,000", is none)
    const marks = [...text.slice(plus.index, total.start).matchAll(/[，；]/gu)]
      .map((m) => plus.index + m.index)
      .filter((i) => !inSentence.some((a) => a.start <= i && i < a.end));
    const bounds = [plus.index, ...marks];
    const clauses = marks.map((end, i) => ({ start: bounds[i] as number, end }));
    if (clauses.length === 0 || !clauses.every((c) => added.some((a) => a.start >= c.start && a.end <= c.end)))
      continue;
    const last = clauses[clauses.length - 1] as { start: number; end: number };
    out.push({
      kind: 'list',
      listId: 'plus',
      total,
      totalPlace: p.para,
      items: [base, ...added].map((amount) => ({ amount, para: p.para })),
      compare: /等$/u.test(text.slice(last.start, last.end)) ? 'at-most' : 'equal',
      ...place(p, sentence, { start: plus.index, end: total.end }),
    });
  }
  return out;
}
