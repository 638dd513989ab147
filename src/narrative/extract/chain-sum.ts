import type { AmountMention, Claim } from '../claims.js';
import { place, sentenceAt } from './para.js';
import { within } from './spans.js';
import { prefixOf, type ParaState } from './state.js';

/**
 * "一般公共预算收入 38.33 亿元，转移性收入等 62.31 亿元（包括…），收入合计 100.64 亿元", "…收入完成 40,246 万元，上级
 * 补助收入 30,802 万元，上年结余 1,040 万元，收入总计 72,088 万元": a 财政决算's balance written as a plain run of
 * figures that ends in the flow's total — what stands before the total, clause by clause, makes it (n.list-sum).
 * Only the plain run is read: from the sentence's start (or its "："), every clause one figure of that flow and nothing
 * else (no change, no rate, no 其中, no subtotal, no 加上 — plus-sum.ts reads that one), the details in brackets left
 * out; the first figure names the total's flow (收入 for 收入合计) and none names the other.
 */

/** The total that ends the run: the flow's 合计 / 总计 / 总量, by itself in its clause. */
const FLOW_TOTAL = /^(?<flow>收入|支出)(?:合计|总计|总量)(?:为|是|达到?)?$/u;

/** Words that make a clause more than a figure of the run: a comparison, a change, a rate, a part, a subtotal. */
const NOT_PLAIN =
  /比|较|同比|增|减|下降|上升|降低|持平|%|其中|加上|扣除|剔除|合计|总计|总量|小计|共计|占|完成.{0,6}预算|为预算|分别|以上|以下|约|近|超过/u;

/** A clause that only rates the figure before it: "为预算的 P%", "完成调整预算的 P%", "同比增长 P%", "下降 P%". */
const RATE_ONLY =
  /^(?:(?:为|完成|达到?|占)(?:年初|调整后?|年度)?预算(?:数)?的[0-9]+(?:\.[0-9]+)?%|(?:比上年|较上年|同比)?(?:增长|下降|上升|降低)(?:了)?[0-9]+(?:\.[0-9]+)?%)$/u;

/** A sentence adding to a level or listing a total's parts before the run's end: not a plain run. */
const ADDS_OR_LISTS = /其中|加上|(?:^|[，、；：])加|减去/u;

/** The text with what stands in brackets blanked out (same length, so positions still hold). */
export function outsideBrackets(text: string): string {
  let depth = 0;
  let out = '';
  for (const c of text) {
    if (c === '（' || c === '(') depth += 1;
    out += depth > 0 ? ' ' : c;
    if ((c === '）' || c === ')') && depth > 0) depth -= 1;
  }
  return out;
}

export function chainSumClaims(s: ParaState): Claim[] {
  const { p } = s;
  const text = p.n.text;
  if (!/(?:收入|支出)(?:合计|总计|总量)/u.test(text)) return [];
  const out: Claim[] = [];
  const top = outsideBrackets(text);
  for (const total of p.amounts) {
    const words = FLOW_TOTAL.exec(prefixOf(s, total.start));
    const flow = words?.groups?.flow;
    if (!words || !flow || s.changes.has(total)) continue;
    const cue = total.start - words[0].length;
    if (!/[，、；]/u.test(text[cue - 1] ?? '')) continue;
    const sentence = sentenceAt(p, total.start);
    const head = top.slice(sentence.start, cue - 1);
    // a sentence that adds to a level (加上, "加市级…补助") or lists parts (其中) is read by its own reader
    if (ADDS_OR_LISTS.test(head)) continue;
    const from = sentence.start + head.lastIndexOf('：') + 1;
    const written = top
      .slice(from, cue - 1)
      .split(/[，、；]/u)
      .filter((c) => c.trim() !== '');
    // "…收入 a，为预算的 100.6%，增长 69.5%，上级补助收入 b，…": a clause that is only a rate, no figure, is about the
    // figure before it — no item, no break in the run
    const clauses = written.filter((c, i) => i === 0 || !RATE_ONLY.test(c.trim()));
    const items = within(p.amounts, from, cue - 1).filter((a) => top[a.start] !== ' ');
    if (items.length < 2 || clauses.length !== items.length) continue;
    if (items.some((a) => s.changes.has(a)) || clauses.some((c) => NOT_PLAIN.test(c) || !/[0-9]/u.test(c))) continue;
    // the run is of the total's flow: its first figure names it, none names the other
    const other = flow === '收入' ? '支出' : '收入';
    if (!(clauses[0] as string).includes(flow) || clauses.some((c) => c.includes(other))) continue;
    out.push({
      kind: 'list',
      listId: 'summed',
      totalName: words[0].replace(/(?:为|是|达到?)$/u, ''),
      total,
      totalPlace: p.para,
      items: items.map((amount: AmountMention) => ({ amount, para: p.para })),
      compare: 'equal',
      ...place(p, sentence, { start: from, end: total.end }),
    });
  }
  return out;
}
