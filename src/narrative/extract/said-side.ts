import type { AmountMention, Claim } from '../claims.js';
import { quoteOf, sentenceAt } from './para.js';
import { lastWithin, within } from './spans.js';
import type { ParaState } from './state.js';
import { directionOf } from './yoy.js';
import { allMatches } from '../../util/matches.js';

type Stated = Extract<Claim, { kind: 'amount' }>;

/**
 * "本年度“三公”经费决算数未超过 2019 年预算数", "决算数大于年初预算数": the text says on which side of its budget
 * the 决算 fell, as a statement of its own (no reason after it: "…大于预算数的主要原因" is read with the reasons;
 * no figure or rate in its sentence: "完成预算的 104%，决算数大于预算数 4 万元" is the rate's own word). A negation
 * (未, 没有, 不) allows the two to be equal.
 */
const SAID_SIDE =
  /决算数?(?<neg>未|没有|不)?(?<word>大于|小于|高于|低于|超过|少于|多于)(?:(?:19|20)[0-9]{2}年度?)?的?(?:年初|全年|调整后?的?)?预算数?/gu;

/** A year written out. */
const YEAR = /((?:19|20)[0-9]{2})年/gu;

/** After the words: a reason or the template's other choice ("大于（小于）", "小于预算数（或与预算数持平）"). */
const NOT_A_STATEMENT = /^(?:的?(?:主要)?(?:原因|情况)|\s*[（(])/u;

/**
 * The statements of a 决算 against its budget in words, each with the subject's 预算 and 决算 the paragraph states
 * before it: the subject the statement's sentence names, with one budget figure and one outturn figure of it in the
 * same unit (two of either: which one is meant is not certain — nothing is read).
 */
export function saidSideClaims(s: ParaState, amounts: readonly Claim[]): Claim[] {
  const { p, catalog } = s;
  const text = p.n.text;
  const out: Claim[] = [];
  for (const m of allMatches(text, SAID_SIDE)) {
    const end = m.index + m[0].length;
    if (NOT_A_STATEMENT.test(text.slice(end)) || /[）)]$/u.test(text.slice(0, m.index))) continue;
    const word = m.groups?.word ?? '';
    const stated = directionOf(word, catalog);
    const sentence = sentenceAt(p, m.index);
    if (!stated || within(p.amounts, sentence.start, sentence.end).length > 0) continue;
    if (within(p.percents, sentence.start, sentence.end).length > 0) continue;
    const named = lastWithin(p.subjects, sentence.start, m.index);
    if (!named) continue;
    const figures = (role: Stated['role']) => {
      const found = amounts.filter(
        (c): c is Stated =>
          c.kind === 'amount' && c.role === role && c.subject.id === named.subject.id && c.amount.end <= sentence.start,
      );
      const values = new Set(found.map((c) => c.amount.value.toString()));
      return values.size === 1 ? (found[0] as Stated).amount : undefined;
    };
    const budget = figures('budget');
    const actual: AmountMention | undefined = figures('actual');
    if (!budget || !actual || budget.unit !== actual.unit) continue;
    // "2022 年预算 B … 2021 年决算 A": a notice's next budget beside the last outturn — not one year's two sides
    const years = new Set(
      [budget, actual, { start: m.index, end }]
        .flatMap((x) => [...allMatches(text.slice(sentenceAt(p, x.start).start, x.end), YEAR)])
        .map((y) => y[1]),
    );
    if (years.size > 1) continue;
    const negated = m.groups?.neg !== undefined;
    out.push({
      kind: 'direction',
      word: m[0],
      // 未超过: at most the budget — the other side, or equal
      direction: negated ? (stated === 'up' ? 'down' : 'up') : stated,
      ...(negated ? { orEqual: true as const } : {}),
      refers: 'budget',
      said: true,
      sides: { actual, budget },
      para: p.para,
      sentence,
      quote: quoteOf(p, sentence, { start: m.index, end }),
    });
  }
  return out;
}
