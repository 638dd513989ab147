import { Decimal } from 'decimal.js';
import type { AmountState } from '../model/types.js';

/**
 * Reading one amount as published: a number cell, or text typed, pasted or exported from PDF.
 *
 * Decisions (see tests/amount.test.ts for every case):
 * - blank (counts as zero, distinct from an explicit 0): empty or whitespace only, a run of
 *   dashes ("-", "--", "—", "——", "－", "−", "–"), or a slash ("/", "／"). These are the
 *   placeholders templates and finance software print for "nothing here".
 * - unreadable (rules must report it, never treat it as zero): any other text, including "无"
 *   (a word, not a placeholder: we do not guess that it means zero), error values ("#REF!"), ###
 *   (what a spreadsheet shows and prints for an amount too wide for its column: 列宽不足),
 *   misplaced thousands separators ("1,23,4", "12,5": a decimal comma or a typo, and guessing
 *   could be off by 100×), two decimal points, scientific notation typed as text, percentages,
 *   and units other than 元 / 万元 ("44亿元" is not silently read as 44).
 * - numbers: thousands separators "," or "，" in groups of three, stray spaces anywhere
 *   ("2, 156. 82"), full-width digits and punctuation, a trailing unit 元 / 万元 (dropped, not
 *   converted: the table's unit applies), a leading ¥/￥, negatives written "-", "−", "－", "﹣",
 *   "–" or in (ASCII or full-width) parentheses, "+" signs, ".5". "12." is unreadable.
 * - decimals: digits after the decimal point as written ("46.10" → 2); for a JS number, the
 *   places of the value cleaned of binary noise (toPrecision(15), trailing zeros stripped), so
 *   0.30000000000000004 → 0.3 (1 place) and 44 → 0 places. A blank has 2.
 */
export interface ParsedAmount {
  state: AmountState;
  /** The amount; null unless state is `number`. Never -0. */
  value: Decimal | null;
  /** Decimal places written (2 for blank and unreadable). */
  decimals: number;
  /** Why it is not an amount (zh), only when state is `unreadable`. */
  reason?: string;
}

export interface ParsedPercent {
  /** The percentage as written: "24.74%" → 24.74 (not 0.2474). */
  value: Decimal;
  decimals: number;
}

/** Full-width ASCII variants (U+FF01–U+FF5E) to ASCII, ideographic space to space. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000]/g, (c) =>
    c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

/** Every kind of space a cell may carry: ASCII, NBSP, ideographic, the U+2000 family, zero-width, BOM. */
const SPACES = /[\s\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g;
/** Dash-like characters accepted as a minus sign (em dash "—" is a placeholder, not a sign). */
const MINUS = /^[-\u2212\ufe63\u2010\u2011\u2013]/;
/** Whole-cell placeholders that mean "nothing": dashes of any kind, or one slash. */
const BLANK = /^(?:[-\u2010-\u2015\u2212\ufe63\u2500\u2501]+|\/)$/;
/** What a spreadsheet shows, and prints, for a number too wide for its column: ###, ####… */
const TOO_NARROW = /^#+$/;
const ERROR_VALUE = /^#(?:REF!|DIV\/0!|N\/A|VALUE!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/i;
const PLAIN = /^(\d+)(?:\.(\d+))?$|^\.(\d+)$/;
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.(\d+))?$/;

/** Longest amount text read: "-¥1,234,567,890,123.45万元" has 26 characters. */
const MAX_AMOUNT_CHARS = 48;

const BLANK_RESULT: ParsedAmount = { state: 'blank', value: null, decimals: 2 };

/** A cell holding only #: an amount its column was too narrow to show (a cell of any form: workbook, PDF, text). */
export function shownTooNarrow(raw: string): boolean {
  return TOO_NARROW.test(squeezeNumeric(raw));
}

function unreadable(raw: string, why?: string): ParsedAmount {
  const shown = raw.length > 30 ? `${raw.slice(0, 30)}…` : raw;
  return { state: 'unreadable', value: null, decimals: 2, reason: `不是金额：「${shown}」${why ? `（${why}）` : ''}` };
}

function noNegativeZero(value: Decimal): Decimal {
  return value.isZero() ? new Decimal(0) : value;
}

/** The value of a JS number without binary noise: 2156.8200000000002 → 2156.82. */
export function cleanNumber(input: number): Decimal {
  return noNegativeZero(new Decimal(input.toPrecision(15)));
}

function parseNumber(input: number): ParsedAmount {
  if (!Number.isFinite(input)) return unreadable(String(input), '不是有限数值');
  const value = cleanNumber(input);
  return { state: 'number', value, decimals: value.decimalPlaces() };
}

/** Squeezed, half-width text of a cell: the common first step for amounts and percentages. */
function squeezeNumeric(text: string): string {
  return toHalfWidth(text).replace(SPACES, '');
}

/** Sign and magnitude of a squeezed numeric text; null when the magnitude is malformed. */
function splitSign(text: string): { negative: boolean; body: string } {
  let body = text;
  let negative = false;
  const paren = /^\((.*)\)$/.exec(body);
  if (paren) {
    negative = true;
    body = paren[1] ?? '';
  }
  if (MINUS.test(body)) {
    negative = !negative;
    body = body.slice(1);
  } else if (body.startsWith('+')) {
    body = body.slice(1);
  }
  return { negative, body };
}

export function parseAmount(input: string | number | null | undefined): ParsedAmount {
  if (input === null || input === undefined) return BLANK_RESULT;
  if (typeof input === 'number') return parseNumber(input);

  // no amount is longer than this (trillions with separators and decimals): longer text is not
  // matched at all, so the time spent on a cell never depends on how much text it holds
  if (input.length > MAX_AMOUNT_CHARS * 8) return unreadable(input.slice(0, 40), '内容过长');
  const raw = input.replace(SPACES, ' ').trim();
  const text = squeezeNumeric(input);
  if (text.length > MAX_AMOUNT_CHARS) return unreadable(raw, '内容过长');
  if (text === '') return BLANK_RESULT;
  if (BLANK.test(text)) return BLANK_RESULT;
  if (ERROR_VALUE.test(text)) return unreadable(raw, '错误值');
  if (TOO_NARROW.test(text))
    return { state: 'unreadable', value: null, decimals: 2, reason: `列宽不足：金额显示成了「${raw}」` };

  let rest = text.replace(/^[¥\uffe5]/, '').replace(/(?:万元|元)$/, '');
  const { negative, body } = splitSign(rest);
  rest = body.replace(/^[¥\uffe5]/, '');

  let digits: string;
  let decimals: number;
  const plain = PLAIN.exec(rest);
  if (plain) {
    digits = rest.startsWith('.') ? `0${rest}` : rest;
    decimals = (plain[2] ?? plain[3] ?? '').length;
  } else {
    const grouped = GROUPED.exec(rest);
    if (grouped) {
      digits = rest.replace(/,/g, '');
      decimals = (grouped[1] ?? '').length;
    } else if (/^[\d,]+(?:\.\d+)?$/.test(rest) && rest.includes(',')) {
      return unreadable(raw, '千分位分隔符位置不对');
    } else {
      return unreadable(raw);
    }
  }
  const value = noNegativeZero(new Decimal(negative ? `-${digits}` : digits));
  return { state: 'number', value, decimals };
}

/**
 * A percentage as written in the narrative or a table: "24.74%", "100 %", "0%", "93.5％",
 * "-0.7%", full-width digits. Null when the text is not one number followed by a percent sign.
 */
export function parsePercent(text: string): ParsedPercent | null {
  if (text.length > MAX_AMOUNT_CHARS * 8) return null;
  const squeezed = squeezeNumeric(text);
  if (squeezed.length > MAX_AMOUNT_CHARS) return null;
  const match = /^(.*)%$/.exec(squeezed);
  if (!match) return null;
  const { negative, body } = splitSign(match[1] ?? '');
  const plain = PLAIN.exec(body);
  if (!plain) return null;
  const digits = body.startsWith('.') ? `0${body}` : body;
  const value = noNegativeZero(new Decimal(negative ? `-${digits}` : digits));
  return { value, decimals: (plain[2] ?? plain[3] ?? '').length };
}
