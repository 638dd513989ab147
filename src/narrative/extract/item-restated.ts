import { type AmountMention, type Claim, sameFigure } from '../claims.js';
import { sourceSlice } from '../text/normalise.js';
import type { ParaClaims } from './across.js';
import { place, sentenceAt } from './para.js';
import { startingAt } from './spans.js';
import { markStart } from './state.js';
import { allMatches } from '../../util/matches.js';

/** The end of a 科目's full name ("…（类）…（款）…（项）"), with "科目" after it in some templates. */
const ITEM_NAME_END = /（项）(?:科目)?/gu;

/** A budget's year right after the name ("…（项）2026年度预算 A 万元"): the figure is that year's budget. */
const BUDGET_AFTER_NAME = /^(20[0-9]{2})年度?预算(?:数|金额)?(?:为|是)?/u;

/** The outturn stated in the item ("支出决算为 B 万元", "支出决算 B 万元"), with no other year in its clause. */
const OUTTURN = /支出决算数?(?:为|是)?/gu;

/** Another year or the year before in the clause of an outturn or a budget: another figure than the item's own. */
const OTHER_PERIOD = /上年|去年|同期|以前年度/u;

/**
 * The one figure of an item's text that `cue` introduces (at most one such figure, none of another period):
 * the outturn ("支出决算为 B") or this year's budget ("2026年预算安排 B").
 */
function stated(
  pc: ParaClaims,
  from: number,
  to: number,
  cue: RegExp,
): { at: number; amount: AmountMention } | undefined {
  const text = pc.p.n.text;
  const found: { at: number; amount: AmountMention }[] = [];
  for (const m of allMatches(text.slice(from, to), cue)) {
    const at = from + m.index;
    const amount = startingAt(pc.p.amounts, at + m[0].length);
    if (amount && !OTHER_PERIOD.test(text.slice(markStart(pc.p, '，；。：', at), at))) found.push({ at, amount });
  }
  return found.length === 1 ? found[0] : undefined;
}

/**
 * "…（项）269.85 万元，主要用于：…年初预算为 285.33 万元，支出决算为 269.86 万元": an account of one 科目 opens with
 * its figure and states it again as 支出决算 (a budget's: "…（项）2026年度预算 A 万元…2026年预算安排 B 万元"). Both
 * are the 项's own figure of one year, so they are one figure written twice and must agree (n.restated). Said
 * only when the item's text (up to the next 项 name) states the second figure once and in no other period's
 * clause; an item opening without a figure, or a 类 or 款 total, is left alone.
 */
export function itemRestatedClaims(paras: ParaClaims[]): Claim[] {
  const out: Claim[] = [];
  for (const pc of paras) {
    const text = pc.p.n.text;
    const names = [...allMatches(text, ITEM_NAME_END)];
    for (const [k, name] of names.entries()) {
      const end = name.index + name[0].length;
      const budgetYear = BUDGET_AFTER_NAME.exec(text.slice(end));
      const head = startingAt(pc.p.amounts, end + (budgetYear?.[0].length ?? 0));
      if (!head) continue;
      const until = names[k + 1]?.index ?? text.length;
      const cue = budgetYear ? new RegExp(`${budgetYear[1]}年度?预算安排(?:为|是)?`, 'gu') : OUTTURN;
      const again = stated(pc, head.end, until, cue);
      if (!again || head.unit !== again.amount.unit || sameFigure(head, again.amount)) continue;
      const { p } = pc;
      out.push({
        kind: 'residue',
        residueId: 'item-restated',
        check: 'narrative.restated',
        messageId: 'restated-item',
        text: sourceSlice(p.n, again.at, again.amount.end),
        written: sourceSlice(p.n, again.at, again.amount.end),
        should: sourceSlice(p.n, head.start, head.end),
        ...place(p, sentenceAt(p, again.amount.start), again.amount),
      });
    }
  }
  return out;
}
