import type { AmountMention, Claim } from '../claims.js';
import { OUTTURN } from './lists.js';
import { outsideList } from './list-scope.js';
import { ownerAt } from './owner.js';
import { place } from './para.js';
import { within } from './spans.js';
import { bracketDepthFrom, levels, prefixOf, type ParaState } from './state.js';
import { frameYear } from './year-frames.js';
import { allMatches } from '../../util/matches.js';

type AmountClaim = Extract<Claim, { kind: 'amount' }>;

/** A figure of a budget: its words say 预算, or its sentence spoke of a budget before it. */
function budgetKind(c: AmountClaim): boolean {
  return c.role === 'budget' || c.inBudget === true;
}

/**
 * "2023 年度“三公”经费支出决算合计 A 万元，因公出国（境）费 a 万元，公务用车购置及运行维护费 b 万元，公务接待费 c 万元"
 * and "“三公”经费预算数为 A 万元，因公出国（境）费 a 万元，…": a total of one of the catalog's partitions and every
 * one of its parts stated as levels in one sentence, without a 其中 — the parts add up to the total there (n.list-sum,
 * the partition's own claim, which partitionClaims then makes no more for these figures). Read only when nothing in
 * the sentence leaves it open which figures go together: the total and each part stated once; all budget or all
 * 决算 (a 决算 part under a budget total is no part of it); of one year and one body; no list cue between them (the
 * lists read those); and no other level between them outside brackets ("…预算 A 万元，决算 B 万元，因公出国（境）费
 * a 万元…": a is a part of B, not of A) — another year's figure, a bound or a change is no level.
 */
export function statedPartClaims(s: ParaState, amounts: Claim[]): Claim[] {
  const { p, catalog } = s;
  const text = p.n.text;
  const out: Claim[] = [];
  const stated = amounts.filter((c): c is AmountClaim => c.kind === 'amount' && !s.changes.has(c.amount));
  for (const sentence of p.sentences) {
    const inSentence = stated.filter((c) => c.amount.start >= sentence.start && c.amount.end <= sentence.end);
    // (a sentence stating no figure has no total for any partition: most sentences, each partition)
    if (inSentence.length === 0) continue;
    const depth = bracketDepthFrom(p, sentence.start);
    for (const partition of catalog.partitions) {
      const of = (id: string) => inSentence.filter((c) => c.subject.id === id && depth(c.amount.start) === 0);
      const totals = of(partition.total);
      const total = totals[0];
      if (!total || totals.length !== 1) continue;
      const parts = partition.parts.map(of);
      if (parts.some((x) => x.length !== 1)) continue;
      const items = parts.map((x) => x[0] as AmountClaim);
      const all = [total, ...items];
      const budget = budgetKind(total);
      if (items.some((c) => budgetKind(c) !== budget)) continue;
      if (budget && items.some((c) => OUTTURN.test(prefixOf(s, c.amount.start)))) continue;
      const year = frameYear(p, sentence.start, total.amount.start);
      if (items.some((c) => frameYear(p, sentence.start, c.amount.start) !== year)) continue;
      const owner = ownerAt(text, total.amount.start);
      // one body: a sentence that names none for the total may still name one for a part ("全县…，县某局因公出国…")
      if (items.some((c) => ownerAt(text, c.amount.start) !== owner)) continue;
      const from = Math.min(...all.map((c) => c.amount.start));
      const to = Math.max(...all.map((c) => c.amount.end));
      const cued = catalog.lists.some((cue) =>
        [...allMatches(text.slice(from, to), cue.intro)].some((m) => depth(from + m.index) === 0),
      );
      if (cued) continue;
      const mine = new Set<AmountMention>(all.map((c) => c.amount));
      const others = within(levels(s), from, to).filter(
        (a) => !mine.has(a) && depth(a.start) === 0 && !outsideList(s, a),
      );
      if (others.length > 0) continue;
      out.push({
        kind: 'list',
        listId: `partition:${partition.total}`,
        total: total.amount,
        totalPlace: p.para,
        totalSubject: total.subject,
        items: items.map((c) => ({ amount: c.amount, para: p.para })),
        compare: 'equal',
        ...place(p, sentence, { start: from, end: to }),
      });
    }
  }
  return out;
}
