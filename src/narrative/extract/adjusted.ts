import type { AmountMention, Claim } from '../claims.js';
import { place, sentenceAt } from './para.js';
import { startingAt } from './spans.js';
import type { ParaState } from './state.js';
import { directionOf } from './yoy.js';

/**
 * A budget's adjustment written with both its figures and its amount: "收入由年初预算的 A 调整为 B，调减 C" (the
 * amount after the move), "调减某项收入 C，由年初预算的 A 调整为 B" (the amount first, the move after it), "由 A 调增至
 * B，增加 C", "由年初的 A 亿元调整为 B 亿元，增加 C 亿元". The amount is B − A and its word says which way — a change
 * whose base is written (n.yoy and n.direction read it as any change with its base).
 */

/** Right before the starting figure: "由", "从", with what it was ("由年初预算的", "由第一次调整后的", "从上年的"). */
const FROM = /(?:由|从)[^，。；：、0-9（）()]{0,16}$/u;

/** Between the two figures: the adjustment's verb and 为 / 至 / 到 ("调整为", "调增至", "调整后为", "调整为本年的"). */
const TO = /^调(?:整|增|减)后?(?:为|至|到)(?:本年度?的?|[0-9]{4}年度?的?)?$/u;

/** Between the starting figure and the amount of "由 A 调增 C 至 B": the adjustment's word alone. */
const BY = /^(?<word>调增|调减|增加|减少|追加|压减)了?$/u;

/** Between that amount and the adjusted figure: "至", "到", "后为". */
const UNTIL = /^(?:至|到|后为|后达到?)$/u;

/** A clause naming the year's opening budget right before its figure: "年初预算数为", "年初预算". */
const START_BUDGET = /年初预算(?:数|安排)?(?:为|是)?：?$/u;

/** The next clause naming the adjusted budget: "，调整预算数为", "，调整后预算为", "，调整后为". */
const THEN_ADJUSTED = /^[，,]\s*调整(?:后的?)?(?:预算(?:数)?)?(?:为|是)?：?$/u;

/** After the adjusted figure, its amount: "，调减 C", "，增加 C", "，净增 C". */
const AMOUNT_AFTER = /^[，,]\s*(?:共|净|合计)?(?<word>调增|调减|增加|减少|净增|净减|增收|减收|增支|减支|增|减)了?$/u;

/** Before the amount written first: its word, the name of what is adjusted between ("调减一般公共预算收入"). */
const AMOUNT_FIRST = /(?<word>调增|调减|增加|减少|追加|压减|核减)(?:了)?[^，。；：、0-9（）()]{0,30}$/u;

/** Between the amount written first and the move: "，由年初预算的". */
const FIRST_TO_FROM = /^[，,]\s*(?:由|从)[^，。；：、0-9（）()]{0,16}$/u;

const UP = /^(?:调增|增加|净增|增收|增支|增|追加)$/u;
const DOWN = /^(?:调减|减少|净减|减收|减支|减|压减|核减)$/u;

/** The adjustment's own words (调增, 压减, 核减 …), which the catalog's directions do not hold. */
function adjustmentDirection(word: string): 'up' | 'down' | undefined {
  if (UP.test(word)) return 'up';
  if (DOWN.test(word)) return 'down';
  return undefined;
}

export function adjustedClaims(s: ParaState): Claim[] {
  const { p } = s;
  const text = p.n.text;
  const out: Claim[] = [];
  const amounts = p.amounts;
  const push = (change: AmountMention, word: string, prior: AmountMention, current: AmountMention) => {
    const changeWord = adjustmentDirection(word);
    if (!changeWord) return;
    const sentence = sentenceAt(p, current.start);
    out.push({
      kind: 'yoy',
      change,
      changeWord,
      current,
      prior: { amount: prior, para: p.para, inComparison: true, adjusted: true },
      versusBudget: true,
      ...place(p, sentence, change),
    });
  };
  for (let i = 0; i + 1 < amounts.length; i += 1) {
    const a = amounts[i] as AmountMention;
    const b = amounts[i + 1] as AmountMention;
    const third = amounts[i + 2];
    // "由年初预算的 A 调增 C 至 B"
    const by = BY.exec(text.slice(a.end, b.start));
    if (
      third &&
      by?.groups?.word &&
      UNTIL.test(text.slice(b.end, third.start)) &&
      FROM.test(text.slice(Math.max(0, a.start - 20), a.start))
    ) {
      push(b, by.groups.word, a, third);
      continue;
    }
    // "年初预算数为 A，调整预算数为 B，调增 C"
    const next = third ? AMOUNT_AFTER.exec(text.slice(b.end, third.start)) : null;
    if (
      third &&
      next?.groups?.word &&
      START_BUDGET.test(text.slice(Math.max(0, a.start - 12), a.start)) &&
      THEN_ADJUSTED.test(text.slice(a.end, b.start))
    ) {
      push(third, next.groups.word, a, b);
      continue;
    }
    if (!TO.test(text.slice(a.end, b.start))) continue;
    // "由 A 调整为 B，调减 C"
    const c = amounts[i + 2];
    const after = c ? AMOUNT_AFTER.exec(text.slice(b.end, c.start)) : null;
    if (c && after?.groups?.word && FROM.test(text.slice(Math.max(0, a.start - 20), a.start))) {
      push(c, after.groups.word, a, b);
      // "…调减 C，下降 P%": the adjustment's rate, of the figure it started from
      const rate = s.catalog.cues.changeRate.exec(text.slice(c.end, sentenceAt(p, c.start).end));
      const percent = rate ? startingAt(p.percents, c.end + rate.index + rate[0].length) : undefined;
      const rateWord = rate?.groups?.word ? directionOf(rate.groups.word, s.catalog) : undefined;
      const claim = out[out.length - 1];
      if (percent && rateWord && claim?.kind === 'yoy') {
        claim.rate = percent;
        claim.rateWord = rateWord;
        s.usedPercents.add(percent);
      }
      continue;
    }
    // "调减某收入 C，由年初预算的 A 调整为 B"
    const first = amounts[i - 1];
    if (!first || !FIRST_TO_FROM.test(text.slice(first.end, a.start))) continue;
    const lead = text.slice(Math.max(0, first.start - 40), first.start);
    const word = AMOUNT_FIRST.exec(lead)?.groups?.word;
    if (word) push(first, word, a, b);
  }
  return out;
}
