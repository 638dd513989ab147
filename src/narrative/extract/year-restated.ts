import type { Claim } from '../claims.js';
import type { ParaClaims } from './across.js';
import { type ParaText, sentenceAt } from './para.js';
import { residueAt } from './residue-at.js';
import { FRAMED } from './year.js';
import { allMatches } from '../../util/matches.js';

/** Fund names holding 预算 without naming a budget ("一般公共预算财政拨款…支出决算"). */
const FUND_NAME = /一般公共预算|政府性基金预算|国有资本经营预算|社会保险基金预算/gu;
/** After a framed year: the accounts' figure named and its level ("全县“三公”经费决算汇总数为 A 万元"). */
const LEVEL =
  /^[，]?([^，。；：0-9]{2,30}?决算[^，。；：0-9为是共达]{0,8}?)(?:为|是|共|达)?[0-9][0-9,.]*(?:亿元|万元|元)/u;
/** After a framed year: the same figure's change on the year before, with no level of its own ("…决算汇总数较上年有所下降"). */
const CHANGE = /^[，]?([^，。；：0-9]{2,30}?决算[^，。；：0-9较比同]{0,8}?)(?:较|比)?(?:上年|去年|同比)/u;

interface Said {
  p: ParaText;
  start: number;
  year: string;
  noun: string;
}

/** The noun without a scope written before it ("全县“三公”经费决算汇总数" → "“三公”经费决算汇总数"): a level's noun ends with a change's, or the reverse. */
function sameNoun(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 6 && long.endsWith(short) && long.length - short.length <= 4;
}

/** Each framed year followed by a level (or a change) of a 决算 figure, outside budgets. */
function said(paras: ParaClaims[], shape: RegExp): Said[] {
  const out: Said[] = [];
  for (const { p } of paras)
    for (const m of allMatches(p.n.text, FRAMED)) {
      const after = shape.exec(p.n.text.slice(m.index + m[0].length));
      const noun = after?.[1];
      if (!noun || /预算|预计|计划|安排/u.test(noun.replace(FUND_NAME, ''))) continue;
      out.push({ p, start: m.index, year: m[1] as string, noun });
    }
  return out;
}

/**
 * n.year-body: a year stating one 决算 figure ("2019 年全县“三公”经费决算汇总数为 A 万元") and another year stating the same
 * figure's change on the year before without a level of its own ("某县 2020 年“三公”经费决算汇总数较上年有所下降"): the change
 * is told of the figure already stated, so the two years must be one — which one is the slip the text cannot say, the
 * finding stands at the change. Not read: a level stated for the change's year too (two years side by side), a change
 * against a named year, a budget's or a plan's figure.
 */
export function restatedYearClaims(paras: ParaClaims[]): Claim[] {
  const levels = said(paras, LEVEL);
  const out: Claim[] = [];
  for (const c of said(paras, CHANGE)) {
    const matching = levels.filter((l) => sameNoun(l.noun, c.noun));
    const years = new Set(matching.map((l) => l.year));
    if (years.size !== 1 || years.has(c.year)) continue;
    const level = matching[0] as Said;
    const span = { start: c.start, end: c.start + 4 };
    out.push(
      residueAt(c.p, span, sentenceAt(c.p, c.start), () => ({
        residueId: 'year-body',
        check: 'narrative.year-body',
        messageId: 'year-body-restated',
        text: `${level.year} 年的${level.noun}`,
        should: level.year,
      })),
    );
  }
  return out;
}
