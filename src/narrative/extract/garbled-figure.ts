import type { Claim } from '../claims.js';
import { sourceSlice } from '../text/normalise.js';
import type { ParaClaims } from './across.js';
import { sentenceAt } from './para.js';
import { residueAt } from './residue-at.js';

/** What a figure is followed by when it is an amount or a rate. */
const UNIT = '(?=\\s*(?:万元|亿元|千元|元|亿|%))';

/** The ways a printed figure is damaged past reading, each with what the finding says of it. */
const DAMAGE: { pattern: RegExp; what: string }[] = [
  // "34L5 亿元", "24d5.2 亿元": a letter between digits — a mistyped or misread digit
  { pattern: new RegExp(`(?<![A-Za-z0-9.])[0-9]+[A-Za-z][0-9]+(?:\\.[0-9]+)?${UNIT}`, 'gu'), what: '数字中夹有字母' },
  // "上涨 L3%": a letter shaped like a digit where a rate's first digit belongs
  {
    pattern: /(?<=(?:增长|上涨|下降|增加|减少|提高|降低|增幅|降幅|占|为|达))[lLIOo][0-9]+(?:\.[0-9]+)?%/gu,
    what: '比率的首位写成了字母',
  },
  // "…的 .1 亿元": a figure opening with its decimal point right after a word — its integer digits lost
  { pattern: new RegExp(`(?<=[\\u4e00-\\u9fff])\\.[0-9]+${UNIT}`, 'gu'), what: '数字以小数点开头，整数部分缺失' },
  // "实现财政收入亿元，": the unit right after the word that states the amount, with no figure at all
  {
    pattern:
      /(?:收入|支出|预算|决算|经费|资金|合计|总计|共计|实现|完成|达到|安排|结余|结转|拨款)(?:为|是|达)?(?:万元|亿元)(?=[，。；、,;]|比|较|同比|与上年)/gu,
    what: '金额单位前没有数字',
  },
  // "?016 年": a year whose first digit a converting mirror replaced
  { pattern: /(?<![0-9])[?？\uFFFD][0-9]{3}(?=年)/gu, what: '年份的首位缺失' },
];

/**
 * n.figure-garbled: a printed figure no reader can take a value from — a letter among its digits ("34L5 亿元"), a
 * letter for a rate's first digit ("上涨 L3%"), a figure opening with its decimal point ("的 .1 亿元"), a unit with no
 * figure before it ("实现财政收入亿元，"), a year with its first digit replaced ("?016 年"). No figure is written so,
 * whatever the tables say: the text alone shows it, and a reprint or an edit damaged it. A blank left for a figure
 * with spaces ("为    万元") is the template's and n.template-residue's.
 */
export function garbledFigureClaims(paras: ParaClaims[]): Claim[] {
  const out: Claim[] = [];
  for (const { p } of paras)
    for (const { pattern, what } of DAMAGE)
      for (const m of p.n.text.matchAll(pattern)) {
        const span = { start: m.index, end: m.index + m[0].length };
        // a blank of spaces ("为    万元") is the template's own, read by n.template-residue
        if (/\s/u.test(sourceSlice(p.n, span.start, span.end))) continue;
        out.push(
          // quoted with the sentence it opens too: a "?" put for a digit ends a sentence of its own
          residueAt(p, span, { start: sentenceAt(p, span.start).start, end: sentenceAt(p, span.end).end }, () => ({
            residueId: 'figure-garbled',
            check: 'narrative.figure-garbled',
            text: what,
          })),
        );
      }
  return out;
}
