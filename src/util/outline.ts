import { allMatches } from './matches.js';
/**
 * What a line of a report opens with when it is an outline item: its mark ("第二部分", "三、", "（四）", "5.",
 * "（6）", "⑦"), the level that mark stands for, and its number. One reading for every layer: the text reader
 * breaks paragraphs before a mark, the narrative strips it from a heading or a clause, and a list inside one
 * paragraph is split at its marks.
 */

const HAN_NUMERAL = '[一二三四五六七八九十]';
const PART = `第${HAN_NUMERAL}+部分`;
const HAN = `${HAN_NUMERAL}{1,3}[、.．]`;
const PAREN_HAN = `[（(]${HAN_NUMERAL}{1,3}[）)]`;
// full-width digits too (１．, （２）): raw text keeps them, the narrative's matching text has ASCII
const ARABIC = '[0-9０-９]{1,2}[.、．](?![0-9０-９])';
const PAREN_ARABIC = '[（(][0-9０-９]{1,3}[）)]';
const CIRCLED = '[①-⑳]';

/** Any outline mark, as a pattern to build on (no anchor, no spaces): "二、", "（三）", "4.", "⑤", "第一部分". */
export const OUTLINE_MARK = `(?:${PART}|${HAN}|${PAREN_HAN}|${ARABIC}|${PAREN_ARABIC}|${CIRCLED})`;

/**
 * The marks no figure can be read as: all but a bare "4." — where running text may end in a page number or a
 * figure ("…概况 1" then "2.收入"), a bare Arabic mark would split the digits it follows.
 */
export const WORDED_OUTLINE_MARK = `(?:${PART}|${HAN}|${PAREN_HAN}|${PAREN_ARABIC}|${CIRCLED})`;

const OPENING_MARK = new RegExp(`^\\s*${OUTLINE_MARK}\\s*`, 'u');

/** The mark a line opens with and the spaces around it ("（二）" of "（二）支出预算"), or '' when it opens with none. */
export function outlineMark(line: string): string {
  return OPENING_MARK.exec(line)?.[0] ?? '';
}

/** A line without the outline mark it opens with: "（一）部门本级" → "部门本级". */
export function withoutOutlineMark(line: string): string {
  return line.slice(outlineMark(line).length);
}

/** Outline levels, outermost first: 第一部分 › 一、 › （一） › 1. › （1）. A circled number is an item, not a level. */
const LEVELS: RegExp[] = [PART, HAN, PAREN_HAN, ARABIC, PAREN_ARABIC].map((mark) => new RegExp(`^${mark}`, 'u'));

/** The level of the outline item a line opens (0 for 第X部分), undefined when it opens none. */
export function outlineLevel(line: string): number | undefined {
  const level = LEVELS.findIndex((re) => re.test(line));
  return level < 0 ? undefined : level;
}

/**
 * The outline item a line opens: its number and its style — the mark with its numeral written 1, 一 or ① ("1、",
 * "1.", "（1）", "一、", "（一）", "第一部分", "①"), so the items of one run share a style. Undefined when it opens none.
 */
export function outlineItem(line: string): { n: number; style: string } | undefined {
  const mark = outlineMark(line).trim();
  const numeral = /[0-9０-９]+|[一二三四五六七八九十]+|[①-⑳]/u.exec(mark)?.[0];
  if (numeral === undefined) return undefined;
  if (/^[①-⑳]$/u.test(numeral))
    return { n: (numeral.codePointAt(0) ?? 0) - 0x2460 + 1, style: mark.replace(numeral, '①') };
  if (/^[一二三四五六七八九十]+$/u.test(numeral)) return { n: hanNumber(numeral), style: mark.replace(numeral, '一') };
  const n = Number(numeral.replace(/[０-９]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  return { n, style: mark.replace(numeral, '1') };
}

/** The number of the outline item a line opens ("（四）…" → 4, "3.…" → 3, "第二部分" → 2, "⑦" → 7), undefined when it opens none. */
export function outlineNumber(line: string): number | undefined {
  return outlineItem(line)?.n;
}

const HAN_DIGITS = '一二三四五六七八九';

/** 一 … 九十九 as a number. */
export function hanNumber(s: string): number {
  const digit = (c: string | undefined) => HAN_DIGITS.indexOf(c ?? '') + 1;
  const ten = s.indexOf('十');
  if (ten < 0) return digit(s);
  return (ten === 0 ? 1 : digit(s[ten - 1])) * 10 + (ten === s.length - 1 ? 0 : digit(s[ten + 1]));
}

/** 1 … 99 written in Han numerals, as outlines number their items: 3 → 三, 12 → 十二, 20 → 二十, 21 → 二十一. */
export function hanNumeral(n: number): string {
  const digit = (d: number) => HAN_DIGITS[d - 1] ?? '';
  if (n < 10) return digit(n);
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : digit(tens)}十${digit(n % 10)}`;
}

/** ① … ⑳ for 1 … 20, '' beyond. */
export function circledNumeral(n: number): string {
  return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : '';
}

/** "1、", "2.", "（3）", "(3)", "四、" opening an item of an outline written inside one paragraph. */
const ITEM_IN_TEXT =
  /(?<=^|[\s。；;，,：:])(?:(?<arabic>[0-9]{1,2})[、.](?![0-9])|[（(](?<paren>[0-9]{1,2}|[一二三四五六七八九十]{1,3})[）)]|(?<han>[一二三四五六七八九十]{1,3})、)/gu;

/** The outline items opened in text[from, to): where each stands, its kind of mark and its number. */
export function outlineItems(text: string, from: number, to: number): { at: number; style: string; n: number }[] {
  return [...allMatches(text.slice(from, to), ITEM_IN_TEXT)].map((m) => {
    const { arabic, paren, han } = m.groups ?? {};
    const style = arabic !== undefined ? 'arabic' : paren !== undefined ? 'paren' : 'han';
    const numeral = arabic ?? paren ?? han ?? '';
    const n = /^[0-9]+$/u.test(numeral) ? Number(numeral) : hanNumber(numeral);
    return { at: from + (m.index ?? 0), style, n };
  });
}
