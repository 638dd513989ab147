import { Decimal } from 'decimal.js';
import { parsePercent } from '../../reader/amount.js';
import type { AmountMention, PercentMention, SubjectMention, WrittenNumber } from '../claims.js';
import { sourceSlice, type NormalText } from '../text/normalise.js';
import type { Vocabulary } from '../vocabulary.js';
import { allMatches } from '../../util/matches.js';

/**
 * An amount needs its unit: "2,156.82万元", "0.8万元", "35元", "126.05亿元", "6,160,533千元", "1,250百万元", "41亿余元" (more
 * than 41 亿 by less than one: mentions.ts writtenAmount). Bare numbers are years,
 * counts, dates; "33.5万亿元" is not read (no figure of a 部门决算 is that large). "1000.86万，" with the
 * 元 left out (a clause ends right after it, the figure's breakdown opens in brackets — "7,634.75万（其中：…）" — or
 * a comparison follows: "56万比上年增加 56万", or the paragraph ends: "…，增收 4,376万") is an amount in 万元; "实现 23.3亿，
 * 较去年同期增加了 0.4亿" (news of revenue) likewise one in 亿元. A number written with a leading zero
 * ("02.06 亿元", a mirror that lost the digit before it) is no figure at all.
 */
const AMOUNT =
  /(?<![0-9.,])(?!0[0-9])([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.([0-9]+))?(万余元|亿余元|万元|亿元|千元|百万元|元|[万亿](?=[，。；、）（]|比|较|$))/gu;
/** The words a count is written with ("64家", "45批次", "380人次"): a count is no amount. */
export const COUNTER = '家|个|所|项|辆|人次|人|批次|户';

/** A percentage, thousands separators allowed ("1,055.4%" is one figure, not 055.4%). */
const PERCENT = /(?<![0-9.,])-?(?!0[0-9])(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?%/gu;

/**
 * Digits that may be the tail of something else are no figure: a mirror that could not encode a
 * character writes "?" (or U+FFFD) in its place, and the digits next to it may be part of what was
 * lost ("一般公共服务支出?8639萬元" was 48639); digits written right after a Latin letter belong to a
 * token, or are what an OCR made of a number ("34L5亿元" read from "341.5"); digits right after a 万 or 亿
 * that follows a digit are the tail of one number written with its 万 inside ("3万4993.1亿元" is 34993.1
 * 亿元), not a figure of their own. (A compound written in order, "2亿1250万元", is one plain figure already:
 * text/normalise.ts.)
 */
function tailOfSomethingElse(n: NormalText, start: number): boolean {
  if (start === 0) return false;
  if (spaceGrouped(n, start)) return true;
  if ('万亿'.includes(n.text[start - 1] as string) && /[0-9]/u.test(n.text[start - 2] ?? '')) return true;
  const before = n.source[n.at[start - 1] as number];
  if (before === '?' || before === '\uFFFD') return true;
  return /[A-Za-z]/.test(n.source[(n.at[start] as number) - 1] ?? '');
}

/**
 * "总计 2 980.14 万元": three digits after a space that follows one to three digits may be the last group of a number
 * written with a space for its thousands separator (2980.14), or a figure of its own after another number — which is
 * not certain, so they are no figure. (A code before a figure, "2210201 44.91 万元", is longer: the figure is read.)
 */
function spaceGrouped(n: NormalText, start: number): boolean {
  if (n.text[start - 1] !== ' ' || !/(?:^|[^0-9.,])[0-9]{1,3}$/u.test(n.text.slice(Math.max(0, start - 5), start - 1)))
    return false;
  return /^[0-9]{3}(?![0-9])/u.test(n.text.slice(start));
}

/**
 * The value, precision and unit of a number written with its unit word. 亿元 is read in 万元 with its
 * written precision: 0.46 亿元 is 4600 万元 ± 50 (decimals −2).
 */
export function writtenAmount(digits: string, unitWord: string): Pick<AmountMention, 'value' | 'decimals' | 'unit'> {
  const fraction = digits.split('.')[1] ?? '';
  const yi = unitWord.startsWith('亿');
  // "澳门币 6,160,533 千元", "新台币 1,250 百万元": thousands and millions of 元, read in 万元 to the place written
  if (unitWord === '千元' || unitWord === '百万元') {
    const thousand = unitWord === '千元';
    return {
      value: new Decimal(digits).mul(thousand ? '0.1' : 100),
      decimals: fraction.length + (thousand ? 1 : -2),
      unit: '万元',
    };
  }
  // "1,526万余元", "41亿余元": more than the figure by less than one of its last place — [X, X + 1), read as X + ½ to
  // the place written (the interval's midpoint, half a place either side)
  const more = unitWord.endsWith('余元') ? new Decimal(5).mul(new Decimal(10).pow(-(fraction.length + 1))) : 0;
  const value = new Decimal(digits).plus(more);
  return {
    value: yi ? value.mul(10000) : value,
    decimals: yi ? fraction.length - 4 : fraction.length,
    unit: unitWord === '元' ? '元' : '万元',
  };
}

/** The value and precision of a plain number as written ("56.6" → 56.6, one decimal): a rate's or a count of points. */
export function writtenNumber(digits: string): Pick<WrittenNumber, 'value' | 'decimals'> {
  return { value: new Decimal(digits), decimals: digits.split('.')[1]?.length ?? 0 };
}

export function amountsIn(n: NormalText): AmountMention[] {
  return [...allMatches(n.text, AMOUNT)]
    .filter((m) => !tailOfSomethingElse(n, m.index))
    .map((m) => {
      const start = m.index;
      const end = start + m[0].length;
      const fraction = m[2] ?? '';
      const digits = `${(m[1] as string).replace(/,/g, '')}${fraction ? `.${fraction}` : ''}`;
      return { start, end, ...writtenAmount(digits, m[3] as string), text: sourceSlice(n, start, end) };
    });
}

export function percentsIn(n: NormalText): PercentMention[] {
  const out: PercentMention[] = [];
  for (const m of allMatches(n.text, PERCENT)) {
    if (tailOfSomethingElse(n, m.index)) continue;
    const parsed = parsePercent(m[0].replace(/,/g, ''));
    if (!parsed) continue;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      value: parsed.value,
      decimals: parsed.decimals,
      text: sourceSlice(n, m.index, m.index + m[0].length),
    });
  }
  return out;
}

/** Subject names, longest first at each position, left to right without overlap. */
export function subjectsIn(text: string, vocabulary: Vocabulary): SubjectMention[] {
  const out: SubjectMention[] = [];
  let i = 0;
  while (i < text.length) {
    const candidates = vocabulary.byFirstChar.get(text[i] as string) ?? [];
    const hit = candidates.find((c) => text.startsWith(c.name, i));
    if (hit) {
      out.push({ start: i, end: i + hit.name.length, subject: hit.subject });
      i += hit.name.length;
    } else i += 1;
  }
  return out;
}
