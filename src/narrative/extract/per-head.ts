import { Decimal } from 'decimal.js';
import { approx } from '../../money/interval.js';
import { type AmountMention, type Claim, mentionApprox, writtenUnit } from '../claims.js';
import type { ParaClaims } from './across.js';
import { place } from './para.js';
import { startingAt, within } from './spans.js';
import { markStart } from './state.js';
import { allMatches } from '../../util/matches.js';

/**
 * "每人平均因公出国（境）费用 B 万元", "人均因公出国（境）费用 B 万元", "车均购置经费 B 万元", "平均每辆 B 万元": an
 * average per person or per car, the name of what is averaged, then its figure. "年人均", "月人均" are averages
 * over a period, not over the count.
 */
const AVERAGE =
  /(?<![月日]|(?<!全)年)(?:(?<person>每人平均|平均每人|人均)|(?<car>车均|平均每辆|每辆车?平均))(?<name>[^，。；：、0-9%]{0,16}?)(?:为|是|达)?(?=[0-9])/gu;

/** The counts an average is over: people (人, 人次, 名) or cars (辆); a count in 万 or with decimals is none. */
const PERSONS = /(?<![0-9.,万亿])([0-9]+)(?:人次|人|名)(?!均)/gu;
const CARS = /(?<![0-9.,万亿])([0-9]+)辆(?!均)/gu;

/** What the average is of: a cost ("…费用", "…经费", "…支出"). A name of a period, an estimate or a bound is not read. */
const COST = /费|支出/u;
const NOT_READ = /每|月|年|日|天|约|近|超|多|控制|不高于|不得|限|标准|最高|最低/u;
/** After the average: an estimate or a bound ("人均 150 元以内", "…标准"), not the average worked out. */
const BOUND_AFTER = /^(?:多|余|左右|以内|以下|以上|之内|标准|上限)/u;

/** The 三公 item a stretch of text speaks of last: the average and its total must be of the same one. */
const ITEMS = /出国|车|接待|会议|培训/gu;

function lastItem(text: string): string | undefined {
  return [...allMatches(text, ITEMS)].pop()?.[0];
}

interface Count {
  start: number;
  end: number;
  value: number;
  text: string;
}

function countsIn(text: string, from: number, to: number, pattern: RegExp): Count[] {
  return [...allMatches(text.slice(from, to), pattern)].map((m) => ({
    start: from + m.index,
    end: from + m.index + m[0].length,
    value: Number(m[1]),
    text: m[0],
  }));
}

/**
 * n.average: "…决算数 A 万元，涉及出国团组 14 个、出国人数 N 人，每人平均因公出国（境）费用 B 万元" — B is A ÷ N.
 * Read only when the statement (up to its ；or 。) is unambiguous: the total A is the one figure, and N the one count of
 * people (cars) of the stretch from the first of them to the average — "A, N, average" or "N, A, average" —, A is
 * no change and no estimate, the average names a cost (or A does), and it is a 三公 item's: the item last named
 * before A is one the count or the average speaks of (or one of them names an item the other does not name).
 */
export function perHeadClaims(paras: ParaClaims[]): Claim[] {
  const out: Claim[] = [];
  for (const [index, { p, changes }] of paras.entries()) {
    const text = p.n.text;
    for (const m of allMatches(text, AVERAGE)) {
      const name = m.groups?.name ?? '';
      const average = startingAt(p.amounts, m.index + m[0].length);
      if (!average || NOT_READ.test(name) || BOUND_AFTER.test(text.slice(average.end))) continue;
      const start = markStart(p, '。；', m.index);
      const pattern = m.groups?.person ? PERSONS : CARS;
      const amounts = within(p.amounts, start, m.index);
      const total = amounts[amounts.length - 1];
      if (!total) {
        const slip = unitSlip(paras, index, start, m.index, average, pattern, name);
        if (slip) out.push({ kind: 'per-head', ...slip, average, ...place(p, { start, end: average.end }, average) });
        continue;
      }
      if (changes.has(total) || /(?:约|近|超过?|逾|不到)$/u.test(text.slice(start, total.start))) continue;
      const after = countsIn(text, total.end, m.index, pattern);
      const count =
        after.length === 1
          ? after[0]
          : after.length === 0
            ? lastCountBefore(text, start, total, amounts, pattern)
            : undefined;
      if (!count) continue;
      if (!COST.test(name) && !(name === '' && COST.test(text.slice(markStart(p, '，；。', total.start), total.start))))
        continue;
      const item = lastItem(text.slice(start, total.start));
      const countClause = text.slice(markStart(p, '，、；。', count.start), count.start);
      const named = new Set([...allMatches(`${countClause}${name}`, ITEMS)].map((x) => x[0]));
      // a 三公 item's average only (not 人均收入, 人均 GDP), and of one item
      if ((!item && named.size === 0) || (item && named.size > 0 && !named.has(item))) continue;
      const at = { start, end: average.end };
      out.push({
        kind: 'per-head',
        total,
        count: { value: count.value, text: count.text },
        average,
        ...place(p, at, average),
      });
    }
  }
  return out;
}

/** "保有量 N 辆，运行维护费支出 A 万元，平均每辆 B 万元": the count right before the total, no other figure between. */
function lastCountBefore(
  text: string,
  start: number,
  total: AmountMention,
  amounts: AmountMention[],
  pattern: RegExp,
): Count | undefined {
  const count = countsIn(text, start, total.start, pattern).pop();
  if (!count) return undefined;
  return amounts.filter((a) => a.start >= count.end).length === 1 ? count : undefined;
}

/** How many paragraphs before an average's statement its total is looked for. */
const TOTAL_BEFORE = 2;

/**
 * "…公务用车购置及运行维护费 17.9 万元…。截止年底，某局车辆保有量为 3 辆，全年车均运行维护费支出 5.97 元": the statement
 * holds the count and the average but no total; the total is the item's figure stated just before (this paragraph or the
 * two before it: the last amount, no change, whose clause names the same item). Read only when the average is written in
 * 元 and is, digit for digit, the total in 万元 over the count — the unit of the average is wrong, a certain finding; any
 * other average is not held against a figure of another sentence.
 */
function unitSlip(
  paras: ParaClaims[],
  index: number,
  start: number,
  at: number,
  average: AmountMention,
  pattern: RegExp,
  name: string,
): { total: AmountMention; count: { value: number; text: string } } | undefined {
  const { p } = paras[index] as ParaClaims;
  if (average.unit !== '元' || writtenUnit(average) !== '元') return undefined;
  const counts = countsIn(p.n.text, start, at, pattern);
  if (counts.length !== 1) return undefined;
  const count = counts[0] as Count;
  const item = lastItem(name) ?? lastItem(p.n.text.slice(start, at));
  if (!item) return undefined;
  for (let k = index; k >= Math.max(0, index - TOTAL_BEFORE); k -= 1) {
    const pc = paras[k] as ParaClaims;
    const before = pc.p.amounts.filter((a) => (k === index ? a.end <= start : true));
    const total = before[before.length - 1];
    if (!total) continue;
    if (pc.changes.has(total) || total.unit !== '万元' || writtenUnit(total) !== '万元') return undefined;
    const clause = pc.p.n.text.slice(markStart(pc.p, '。；', total.start), total.start);
    if (lastItem(clause) !== item) return undefined;
    const t = mentionApprox(total);
    const b = approx(average.value, average.decimals);
    const n = new Decimal(count.value);
    const low = t.value.minus(t.radius).div(n);
    const high = t.value.plus(t.radius).div(n);
    if (low.gt(b.value.plus(b.radius)) || high.lt(b.value.minus(b.radius))) return undefined;
    return { total, count: { value: count.value, text: count.text } };
  }
  return undefined;
}
