import type { Claim } from '../claims.js';
import type { ParaClaims } from './across.js';
import { place, sentenceAt } from './para.js';

type Amount = Extract<Claim, { kind: 'amount' }>;

/** A figure newly come in, then its name: "新增了 650.99 万元政府性基金预算财政拨款-抗疫特别国债资金". */
const NEW_MONEY = /新增(?:了)?(?:[^，。；0-9]{0,6}?)$/u;

/** What sets a kind apart after the level's name: a dash or an opening bracket ("…拨款-抗疫特别国债资金", "…拨款（专项债）"). */
const KIND_MARK = /^[-－—–（(]/u;

/** A year the words before a figure name, in its sentence. */
function yearIn(text: string): string | undefined {
  return /(20[0-9]{2})年/u.exec(text)?.[1];
}

/**
 * "本年收入合计 T，其中：…政府性基金预算财政拨款收入 a…" and later "…主要原因是 2020 年新增了 b 政府性基金预算财政拨款-抗疫特别
 * 国债资金": a figure newly come in, written before its name, the name the text gives an income level (its 收入 aside) and
 * then, set apart by a dash or a bracket, a kind of that money. The new money is a part of that year's income of the
 * level's name: it cannot exceed it (n.list-sum, one item at most its total). Read only when the text states that income
 * once, in the same year as the new money's sentence (or either names none).
 */
export function kindOfLevelClaims(paras: ParaClaims[]): Claim[] {
  const incomes = paras.flatMap(({ p, claims }) =>
    claims
      .filter((c): c is Amount => c.kind === 'amount' && c.role === 'actual' && c.subject.id.endsWith('-income'))
      .map((c) => ({ c, p })),
  );
  const out: Claim[] = [];
  for (const { p } of paras)
    for (const amount of p.amounts) {
      const sentence = sentenceAt(p, amount.start);
      const before = p.n.text.slice(sentence.start, amount.start);
      if (!NEW_MONEY.test(before)) continue;
      const after = p.n.text.slice(amount.end, sentence.end);
      const levels = incomes.filter(({ c }) =>
        c.subject.names.some((n) => {
          const stem = n.replace(/收入$/u, '');
          return stem.length >= 4 && after.startsWith(stem) && KIND_MARK.test(after.slice(stem.length));
        }),
      );
      const values = new Set(levels.map(({ c }) => `${c.amount.value.toFixed()}${c.amount.unit}`));
      const { c: level, p: levelAt } = levels[0] ?? {};
      if (!level || !levelAt || values.size !== 1 || level.amount.unit !== amount.unit) continue;
      const own = yearIn(before);
      const its = yearIn(levelAt.n.text.slice(sentenceAt(levelAt, level.amount.start).start, level.amount.start));
      if (own !== undefined && its !== undefined && own !== its) continue;
      out.push({
        kind: 'list',
        listId: 'kind-of',
        total: level.amount,
        totalPlace: level.para,
        totalSubject: level.subject,
        items: [{ amount, para: p.para }],
        compare: 'at-most',
        ...place(p, sentence, amount),
      });
    }
  return out;
}
