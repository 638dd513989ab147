import type { Claim } from '../claims.js';
import type { ParaClaims } from './across.js';
import { place, sentenceAt } from './para.js';
import { startingAt } from './spans.js';
import { markStart } from './state.js';
import { allMatches } from '../../util/matches.js';

/**
 * "2023 年度收入总计 A 万元，支出总计 B 万元": the two grand totals of a unit's 收入支出决算总表 (or 预算总表) side by side.
 * The 总表 balances by construction — 支出总计 holds 年末结转和结余 — so A and B are one figure. Only the plain pair
 * is read: each total named for the unit as a whole (at most a year, 本部门/本单位, 决算/预算 before it), its figure
 * right after its name, the second total right after the first figure (a bracketed note between allowed).
 */
const PAIR =
  /收入总计(?:为|是|：)?(?<income>[0-9][0-9,.]*(?:万元|亿元|元))(?:（[^（）]*）)?[，、；](?<year>(?:19|20)[0-9]{2}年度?)?支出总计(?:为|是|：)?(?=[0-9])/gu;

/**
 * What may stand before 收入总计 in its clause: an outline mark, a year, the unit as a whole (本部门, or its own name
 * right before the year: "区某协会 2017 年度收入总计"), 决算/预算.
 */
const OWNER =
  /^(?:[0-9]{1,2}[.、]|（[0-9一二三四五六七八九十]{1,2}）|[一二三四五六七八九十]{1,2}、)?(?:总体情况。?)?(?:本(?:部门|单位)|我(?:部门|单位)|[\u4e00-\u9fff]{2,16}(?=(?:19|20)[0-9]{2}年))?(?:(?<year>(?:19|20)[0-9]{2})年度?)?(?:本?(?:部门|单位))?(?:决算|预算)?(?:的)?$/u;

/**
 * A budget report's totals are no 总表's: "收入总计 A，支出总计 B，收支相抵，结转下年 C" — what is said after the pair
 * about a balance (or in the next sentence) leaves it unread.
 */
const BALANCE_AFTER = /收支相抵|滚存|结余|结转|赤字|缺口|差额|平衡/u;

/** Where the reasons for a change begin: what follows names the items that changed. */
const REASONS = /主要原因|原因是|原因为|主要是/u;

/**
 * Units also write the pair for two different figures ("收入总计 A，支出总计 B。与上年相比，收入增加 c1…，支出增加
 * c2…"; "收、支总计各为 A、B"): the pair is one figure only where the text then gives the two one change — "收支较上年
 * 决算数增加 C", "收、支与上年相比，减少 C" — as a unit whose totals are one figure does.
 */
const ONE_CHANGE = new RegExp(
  [
    '^[。；，]?(?:收、?支|收入、?支出)(?:总计|总体)?(?:决算数?)?(?:均|都|同)?(?:较|比|与)[^，。；各]{0,16}?(?:相比较?|比较)?，?(?:均|都|同)?(?:增加|减少|增长|下降)了?(?=[0-9])',
    // "，与上年相比各减少 C 万元": one change for each (not "各增加 c1、c2", a pair)
    '^[。；，]?(?:与|较|比)(?:上年|(?:19|20)[0-9]{2}年度?)[^，。；]{0,8}?(?:相比较?|比较)?，?(?:各|均|都)(?:增加|减少)了?[0-9][0-9,.]*(?:万元|亿元|元)(?![和及与0-9]|、[0-9])',
    // "。与 2022 年度相比，收、支总计各增加 C 万元", "。与 2019 年决算数相比，收支增加 C 万元": the comparison first, then the
    // pair named again with one change
    '^[。；，]?(?:与|较|比)(?:上年|(?:19|20)[0-9]{2}年度?)[^，。；]{0,8}?(?:相比较?|比较)?，(?:收、?支|收入、?支出)(?:总计)?(?:各|均|都)?(?:增加|减少)了?[0-9][0-9,.]*(?:万元|亿元|元)(?![和及与0-9]|、[0-9])',
  ].join('|'),
  'u',
);

/**
 * The year before's pair written right after this year's ("2023 年度收入总计 A，支出总计 B，2022 年度收入总计 C，支出总计
 * C，与 2022 年度相比，收入、支出总计各增加 D"): it stands between this year's pair and their one change, and is read past.
 */
const PREVIOUS_PAIR =
  /^[，；](?:19|20)[0-9]{2}年度?收入总计(?:为|是)?[0-9][0-9,.]*(?:万元|亿元|元)[，、]支出总计(?:为|是)?[0-9][0-9,.]*(?:万元|亿元|元)/u;

/** n.totals-equal: 收入总计 and 支出总计 of one year, stated side by side and then given one change, are one figure. */
export function totalsEqualClaims(paras: readonly ParaClaims[]): Claim[] {
  const out: Claim[] = [];
  for (const pc of paras) {
    const text = pc.p.n.text;
    for (const m of allMatches(text, PAIR)) {
      const owner = OWNER.exec(text.slice(markStart(pc.p, '，。；：', m.index), m.index));
      if (!owner) continue;
      const year = owner.groups?.year;
      if (m.groups?.year && year && !m.groups.year.startsWith(year)) continue;
      const income = startingAt(pc.p.amounts, m.index + m[0].indexOf(m.groups?.income as string));
      const spending = startingAt(pc.p.amounts, m.index + m[0].length);
      if (!income || !spending || income.unit !== spending.unit) continue;
      const sentence = sentenceAt(pc.p, m.index);
      const next = sentenceAt(pc.p, sentence.end);
      // (the reasons given for the change name items, not a balance: "…减少 C，主要原因是：…年初结转和结余减少 c")
      // (a note on what the 支出总计 holds is no balance: "支出总计 B（含结余分配、年末结转和结余）。与上年相比…")
      const after = text
        .slice(spending.end, Math.max(sentence.end, next.end))
        .replace(/^（含[^（）]*）/u, '')
        .replace(PREVIOUS_PAIR, '')
        .split(REASONS)[0] as string;
      if (BALANCE_AFTER.test(after) || !ONE_CHANGE.test(after)) continue;
      out.push({ kind: 'totals-equal', income, spending, ...place(pc.p, sentence, spending) });
    }
  }
  return out;
}
