import type { AmountMention } from '../claims.js';
import { fundNamesAnd } from '../text/fund-names.js';
import type { ParaClaims } from './across.js';
import { sentenceAt, type ParaText } from './para.js';
import { figureName } from './share.js';
import { prefixIn, withoutNameNotes } from './state.js';
import { allMatches } from '../../util/matches.js';

/** The words between an execution rate's figure and its percentage: "，为调整预算的", "，完成年初预算的". */
const OF_BUDGET = /^，?(?:为|完成|达到?|占)(?<which>调整后?的?|年初)?预算数?的$/u;

/** What a budget's name may end with past the figure's own name: "预算数", "调整预算", "预期数". */
const BUDGET_TAIL = /(?:调整后?的?|年初)?(?:预算|预期)数?$/u;

/** Fund and body names that hold the word 预算 without speaking of a budget ("一般公共预算收入"). */
const FUND_NAMES = fundNamesAnd('部门预算|预算单位|预算内');

/** Whether two stretches name no two different years ("2022 年…" against "2023 年上半年…"). */
function sameYear(a: string, b: string): boolean {
  const years = new Set([...allMatches(`${a} ${b}`, /((?:19|20)[0-9]{2})年/gu)].map((m) => m[1]));
  return years.size <= 1;
}

/** Words that make a figure other than the name's level: a change, a comparison, a share, another year. */
const NOT_A_LEVEL = /比|较|增|减|下降|上升|占|上年|去年|同期|其他|其它|分别|和|及|、/u;

/** A figure's name as its clause writes it before it, scope words kept ("区级一般公共预算支出"), or undefined. */
function nameBefore(p: ParaText, at: number): string | undefined {
  const name = figureName(
    withoutNameNotes(prefixIn(p, at))
      .trim()
      .replace(/^[（(]/u, '')
      .replace(/^其中，?/u, ''),
  );
  if (name.length < 4 || name.length > 24 || !/^[\u4e00-\u9fff]+$/u.test(name) || NOT_A_LEVEL.test(name))
    return undefined;
  return /(?:收入|支出)$/u.test(name.replace(BUDGET_TAIL, '')) ? name : undefined;
}

/**
 * "…批准调整…一般公共预算支出预算数 143 亿元（其中：区级一般公共预算支出 123 亿元）。…区级一般公共预算支出 121.74 亿元，为调整
 * 预算的 99%": an execution rate whose budget its clause does not write, of a figure named (scope words and all) as a
 * figure of an earlier sentence about a budget is named — the adjusted one (调整) for "调整预算", the first (年初) for
 * "年初预算" — is of that budget, when the figures so named have one value. Sets the rate's budget.
 */
export function namedBudgetRates(paras: ParaClaims[]): void {
  // the names of every figure are read only for a text with such a rate (most have none)
  const open = (c: (typeof paras)[number]['claims'][number]) =>
    c.kind === 'rate' && !c.budget && c.actual && !c.subject && !c.budgetAtMost && !c.variance;
  if (!paras.some((pc) => pc.claims.some(open))) return;
  const named: { k: number; p: ParaText; amount: AmountMention; name: string; sentence: string }[] = [];
  const at = new Map<ParaText, number>();
  for (const [k, pc] of paras.entries()) {
    at.set(pc.p, k);
    if (pc.p.n.text.includes('|')) continue;
    for (const amount of pc.p.amounts) {
      const name = nameBefore(pc.p, amount.start);
      if (!name) continue;
      const s = sentenceAt(pc.p, amount.start);
      named.push({ k, p: pc.p, amount, name, sentence: pc.p.n.text.slice(s.start, amount.start) });
    }
  }
  for (const [k, pc] of paras.entries()) {
    for (const c of pc.claims) {
      if (c.kind !== 'rate' || !open(c) || !c.actual) continue;
      const words = OF_BUDGET.exec(pc.p.n.text.slice(c.actual.end, c.percent.start));
      if (!words) continue;
      const name = nameBefore(pc.p, c.actual.start);
      if (!name) continue;
      const which = words.groups?.which ?? '';
      const candidates = named.filter(
        (f) =>
          (f.k < k || (f.k === k && f.amount.end <= c.sentence.start)) &&
          f.amount !== c.actual &&
          f.amount.unit === c.actual?.unit &&
          (f.name === name || f.name.replace(BUDGET_TAIL, '') === name) &&
          /预算|预期/u.test(f.sentence.replace(FUND_NAMES, '')) &&
          !/上年|去年|同期|决算|执行|完成/u.test(f.sentence) &&
          sameYear(f.sentence, pc.p.n.text.slice(c.sentence.start, c.actual.start)) &&
          (which === '' || (which.startsWith('调整') ? /调整/u : /年初/u).test(f.sentence)),
      );
      const values = new Set(candidates.map((f) => f.amount.value.toFixed()));
      const first = candidates[0];
      if (!first || values.size !== 1) continue;
      c.budget = first.amount;
    }
  }
}
