import type { AmountMention, CarryoverTerm, Claim } from '../claims.js';
import type { ParaClaims } from './across.js';
import { type ParaText, place, sentenceAt } from './para.js';
import { startingAt } from './spans.js';
import { qualifierBefore } from './clause-scope.js';

/**
 * "收支相抵，年终结余 C 万元", "收支相抵后，结转下年 C 亿元": a budget report's balance, this year's 收入总计 less
 * its 支出总计. Not an accumulated balance (累计结余, 滚存结余: earlier years' are in it), not a balance
 * without a figure (收支平衡).
 */
const BALANCE =
  /收支相抵后?，(?:(?!累计|滚存)[^，。；：0-9]){0,12}?(?:结余|结转)[^，。；：0-9]{0,8}?(?:为|是)?(?=[0-9])/gu;
/** The totals the balance is of, each by the names budget reports give it. */
const INCOME = /收入总计|总财力|财力总计|收入总量/gu;
const SPENDING = /支出总计|总支出|支出总量/gu;
/** The funds a budget report gives a total or balance of its own ("政府性基金收入总计", "一般公共预算收支相抵"). */
const FUND = /一般公共预算|公共财政预算|政府性基金|国有资本经营|社会保险基金/u;
/** Any name of a total or a balance: a later one in its sentence that names no fund is of the fund named before it. */
const FUNDS = new RegExp(FUND.source, 'gu');
const NAMES = new RegExp(`${INCOME.source}|${SPENDING.source}|收支相抵`, 'gu');
/** What may stand between a total's name and its figure: "收入总计为 A 亿元", "总财力达到 A 万元". */
const LINK = /^(?:为|是|达到?|共计|合计)?：?/u;
/** How many paragraphs before the balance's own its totals may stand in (the 收入 and 支出 paragraphs). */
const REACH = 2;

/**
 * n.balance: "收入总计 A 万元，…支出总计 B 万元，收支相抵，年终结余 C 万元" — A − B must be C. Read only when
 * each total is named once, its figure right after its name, between the balance before (or the start of its
 * paragraphs) and this one: in the balance's paragraph or the two before it. Anything less plain says nothing.
 */
export function balanceClaims(paras: ParaClaims[]): Claim[] {
  const out: Claim[] = [];
  for (const [index, pc] of paras.entries()) {
    let from = 0;
    for (const cue of pc.p.n.text.matchAll(BALANCE)) {
      const balance = startingAt(pc.p.amounts, cue.index + cue[0].length);
      const scope = scopeBefore(paras, index, from, cue.index);
      from = cue.index + cue[0].length;
      if (!balance || !scope) continue;
      const income = totalIn(scope, INCOME);
      const spending = totalIn(scope, SPENDING);
      if (!income || !spending) continue;
      // one fund's totals and balance: "政府性基金收入总计 A" is not the total of a balance of 一般公共预算
      if (income.fund !== spending.fund || income.fund !== balanceFund(pc.p, cue.index, [income, spending])) continue;
      const terms: CarryoverTerm[] = [
        { role: 'income', sign: 1, label: income.label, amount: income.amount },
        { role: 'spending', sign: -1, label: spending.label, amount: spending.amount },
        { role: 'closing', sign: -1, label: cue[0].replace(/[，为是]/gu, ''), amount: balance },
      ];
      const sentence = sentenceAt(pc.p, cue.index);
      out.push({ kind: 'carryover', scope: '', budgetBalance: true, terms, ...place(pc.p, sentence, balance) });
    }
  }
  return out;
}

/** A stretch of one paragraph's text the totals are looked for in. */
interface Stretch {
  pc: ParaClaims;
  start: number;
  end: number;
}

/**
 * Where the totals of the balance at `at` in paragraph `index` may stand: the paragraph's text since the balance
 * before it (`from`), and — when that is the paragraph's start — the paragraphs before it, back to one with a
 * balance of its own; undefined when a heading stands between (another section's totals).
 */
function scopeBefore(paras: ParaClaims[], index: number, from: number, at: number): Stretch[] | undefined {
  const own = paras[index] as ParaClaims;
  const stretches: Stretch[] = [{ pc: own, start: from, end: at }];
  if (from > 0) return stretches;
  for (let k = index - 1; k >= Math.max(0, index - REACH); k -= 1) {
    const pc = paras[k] as ParaClaims;
    if (pc.p.level !== undefined) break;
    const text = pc.p.n.text;
    const last = [...text.matchAll(BALANCE)].at(-1);
    stretches.push({ pc, start: last ? last.index + last[0].length : 0, end: text.length });
    if (last) break;
  }
  return stretches;
}

interface Total {
  label: string;
  amount: AmountMention;
  /** The fund it is of ('' when the text names none: the budget's whole money). */
  fund: string;
  /** The stretch it stands in (0: the balance's own paragraph). */
  stretch: number;
}

/**
 * The one total stated in the stretches, its figure right after its name; undefined when none or several. A name
 * with no figure of its own ("比上年总财力增加 X") states no total.
 */
function totalIn(stretches: Stretch[], name: RegExp): Total | undefined {
  const found: Total[] = [];
  for (const [stretch, { pc, start, end }] of stretches.entries())
    for (const m of pc.p.n.text.slice(start, end).matchAll(name)) {
      const after = start + m.index + m[0].length;
      const link = LINK.exec(pc.p.n.text.slice(after)) as RegExpExecArray;
      const amount = startingAt(pc.p.amounts, after + link[0].length);
      if (amount) found.push({ label: m[0], amount, fund: fundAt(pc.p, start + m.index), stretch });
    }
  return found.length === 1 ? found[0] : undefined;
}

/**
 * The fund of the total or balance named at `at`: the one its clause names before it, else that of the name before
 * it in its sentence ("国有资本经营预算收入总计 A，支出总计 B，收支相抵，结转下年 C": all three of that fund), else ''.
 */
function fundAt(p: ParaText, at: number): string {
  const own = FUND.exec(qualifierBefore(p, at));
  if (own) return own[0];
  const sentence = sentenceAt(p, at);
  const before = [...p.n.text.slice(sentence.start, at).matchAll(NAMES)].at(-1);
  return before ? fundAt(p, sentence.start + before.index) : '';
}

/**
 * The fund of the balance at `at`: the last one named before it in its sentence since its totals ("一般公共预算收支
 * 相抵"), or in its paragraph when its totals stand in the paragraphs before ("一般公共预算收入 X，一般公共预算支出 Y。
 * 收支相抵" after another fund's totals); else its totals' own — a bare "收支相抵" right after them is theirs.
 */
function balanceFund(p: ParaText, at: number, totals: Total[]): string {
  const later = totals.reduce((a, b) =>
    a.stretch < b.stretch || (a.stretch === b.stretch && a.amount.end > b.amount.end) ? a : b,
  );
  const from = later.stretch === 0 ? Math.max(sentenceAt(p, at).start, later.amount.end) : 0;
  const named = [...p.n.text.slice(from, at).matchAll(FUNDS)].at(-1);
  return named ? named[0] : later.fund;
}
