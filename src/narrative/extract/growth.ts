import type { AmountMention, Claim, PercentMention } from '../claims.js';
import { place, sentenceAt } from './para.js';
import { startingAt, within } from './spans.js';
import { levels, prefixOf, type ParaState } from './state.js';
import { directionOf, groupStart } from './yoy.js';

/** The rate right after the base of a comparison: "增长 4.16%", "同口径相比增 12.05%", "增长-9.41%". */
const RATE_AFTER_BASE =
  /^(?:同口径)?(?:相比|比较)?(?<word>增长|增加|下降|减少|上升|降低|增|减)了?(?:为|是)?(?=-?[0-9])/u;

/** The words of a rate whose two years are written before it: "，同口径比上年增长 P%", "，本年比上年增长 P%". */
const RATE_OF_LABELLED = /(?:本年)?(?:同口径)?(?:比上年|较上年)?(?<word>增长|增加|下降|减少|上升|降低)了?(?:为|是)?$/u;

/** A comparison with an earlier year's budget ("较2022年预算", "比上年预算数"): budgets compared with each other. */
const PRIOR_BUDGET = /(?:上一?年度?|[0-9]{4}年度?)的?(?:年初)?预算/u;

/** A figure labelled as this year's or last year's by the words right before it: "上年 A 元，本年 B 元". */
const labelled = (s: ParaState, a: AmountMention, label: '上年' | '本年') => prefixOf(s, a.start).endsWith(label);

/**
 * A rate stated with both years' figures and no change: "…为 A 元，比上年的 B 元增加 P%" (the base written in
 * the comparison), "上年 B 元，本年 A 元，同口径比上年增长 P%" (each year labelled). P is (A − B) ÷ B, and its
 * word (or its sign: "增长 -9.41%") the way A moved from B. The current figure is the last level of the clause
 * group before the comparison; nothing else is taken for it.
 */
export function growthClaims(s: ParaState): Claim[] {
  const { p, catalog } = s;
  const text = p.n.text;
  const out: Claim[] = [];
  const add = (current: AmountMention, prior: AmountMention, rate: PercentMention, word: string) => {
    const rateWord = directionOf(word, catalog) ?? (/增/.test(word) ? 'up' : /减/.test(word) ? 'down' : undefined);
    if (!rateWord || current.unit !== prior.unit || s.usedPercents.has(rate)) return;
    s.usedPercents.add(rate);
    out.push({ kind: 'growth', current, prior, rate, rateWord, ...place(p, sentenceAt(p, rate.start), rate) });
  };
  for (const cue of text.matchAll(catalog.cues.compare)) {
    const cueEnd = cue.index + cue[0].length;
    const at = text[cueEnd] === '的' ? cueEnd + 1 : cueEnd;
    const prior = startingAt(p.amounts, at);
    if (!prior) continue;
    const m = RATE_AFTER_BASE.exec(text.slice(prior.end));
    const rate = m ? startingAt(p.percents, prior.end + m[0].length) : undefined;
    if (!m?.groups?.word || !rate) continue;
    // this year's figure: the last level of the clause group before the comparison ("…为 A 元，比上年的…");
    // a budget ("完成全年预算 B 的 R%") only when the base is last year's budget too ("2025年预算 A，较2024年预算 B")
    const budgets = PRIOR_BUDGET.test(cue[0]);
    const before = within(levels(s), groupStart(p, cue.index), cue.index).filter(
      (a) => a !== prior && (budgets || !catalog.cues.budget.test(prefixOf(s, a.start))),
    );
    const current = before[before.length - 1];
    if (current) add(current, prior, rate, m.groups.word);
  }
  for (const rate of p.percents) {
    const m = RATE_OF_LABELLED.exec(text.slice(sentenceAt(p, rate.start).start, rate.start));
    if (!m?.groups?.word) continue;
    const figures = within(levels(s), sentenceAt(p, rate.start).start, rate.start);
    const current = figures[figures.length - 1];
    const prior = figures[figures.length - 2];
    if (current && prior && labelled(s, current, '本年') && labelled(s, prior, '上年'))
      add(current, prior, rate, m.groups.word);
  }
  return out;
}
