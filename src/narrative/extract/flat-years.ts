import type { AmountMention, Claim } from '../claims.js';
import { NIL_WORDS } from '../text/nil-words.js';
import { nil } from './change-sum.js';
import { place, sentenceAt } from './para.js';
import { clauseBefore, type ParaState } from './state.js';

/**
 * "2018 年项目支出 110.00 万元，2017 年项目支出 124.18 万元，2018 年与 2017 年持平": one figure written for two years
 * under one name, one clause each, then the two years said to be level — the two figures must be one (n.flat-nonzero).
 * 基本持平 allows a gap and is not read; nor are two names, or years that do not follow the figures'.
 */

/** A clause opening with its year, then the figure's name: "2018 年项目支出", "2017 年度项目支出为". */
const YEAR_NAME =
  /^(?<year>(?:19|20)[0-9]{2})年度?(?<name>[\u4e00-\u9fff“”"（）()]{2,24}?)(?:决算数?|预算数?)?(?:为|是|共计|合计)?：?$/u;

/** After the second figure: the later year level with the earlier ("，2018 年与 2017 年持平", "，与 2017 年相比无增减"). */
const LEVEL = new RegExp(
  `^[，,]\\s*(?:(?<later>(?:19|20)[0-9]{2})年度?)?(?:与|较|同|和|比)(?<earlier>(?:19|20)[0-9]{2})年度?(?:相比|比较)?[，,]?(?<!基本|大体|大致)(?:${NIL_WORDS})`,
  'u',
);

/** The clause before a figure naming its year, an outline mark opening the paragraph left out ("2.2018 年项目支出"). */
function yearClause(p: ParaState['p'], at: number): string {
  return clauseBefore(p, at).replace(
    /^(?:[0-9]{1,2}[、.．](?=[0-9]{4}年)|[（(][0-9一二三四五六七八九十]{1,3}[）)])/u,
    '',
  );
}

export function flatYearsClaims(s: ParaState): Claim[] {
  const { p } = s;
  const text = p.n.text;
  const out: Claim[] = [];
  for (let i = 0; i + 1 < p.amounts.length; i += 1) {
    const a = p.amounts[i] as AmountMention;
    const b = p.amounts[i + 1] as AmountMention;
    const level = LEVEL.exec(text.slice(b.end));
    if (!level?.groups) continue;
    const first = YEAR_NAME.exec(yearClause(p, a.start))?.groups;
    const second = YEAR_NAME.exec(yearClause(p, b.start))?.groups;
    // one name, two years, the second clause right after the first figure
    if (!first || !second || first.name !== second.name || first.year === second.year) continue;
    if (!/^[，,]\s*(?:19|20)[0-9]{2}年/u.test(text.slice(a.end, b.start))) continue;
    const { later, earlier } = level.groups;
    const years = [first.year, second.year];
    if (!years.includes(earlier as string) || (later !== undefined && !years.includes(later))) continue;
    if (later !== undefined && later === earlier) continue;
    const [current, prior] = Number(first.year) > Number(second.year) ? [a, b] : [b, a];
    const at = b.end + level[0].length;
    const change = nil(at, { unit: current.unit });
    out.push({
      kind: 'yoy',
      change,
      changeWord: 'down',
      flat: true,
      flatBudget: { actual: current, budget: prior, budgetPara: p.para, years: true },
      ...place(p, sentenceAt(p, b.start), b),
    });
  }
  return out;
}
