import { Decimal } from 'decimal.js';
import type { AmountState } from '../model/types.js';
import { amountText, MAX_AMOUNT_CHARS, PLAIN, SPACES, splitSign, squeezeNumeric } from '../util/amount-text.js';

/**
 * Reading one amount as published: a number cell, or text typed, pasted or exported from PDF.
 * What text is an amount is decided in util/amount-text.ts (blank, ### too narrow, a number, or
 * unreadable, which rules must report and never treat as zero); here it gets its value.
 *
 * Decimals: digits after the decimal point as written ("46.10" → 2); for a JS number, the places
 * of the value cleaned of binary noise (toPrecision(15), trailing zeros stripped), so
 * 0.30000000000000004 → 0.3 (1 place) and 44 → 0 places. A blank has 2. A trailing unit 元 / 万元
 * is dropped, not converted: the table's unit applies.
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

const BLANK_RESULT: ParsedAmount = { state: 'blank', value: null, decimals: 2 };

function unreadable(raw: string, why?: string): ParsedAmount {
  const shown = raw.length > 30 ? `${raw.slice(0, 30)}…` : raw;
  return { state: 'unreadable', value: null, decimals: 2, reason: `不是金额：「${shown}」${why ? `（${why}）` : ''}` };
}

function noNegativeZero(value: Decimal): Decimal {
  return value.isZero() ? new Decimal(0) : value;
}

/**
 * How many significant digits the shortest text of a number (String(n)) has; Infinity for one written with an
 * exponent (1e-7, 1e+21), which is left to toPrecision.
 */
function shortestDigits(text: string): number {
  let digits = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0x65) return Number.POSITIVE_INFINITY;
    // leading zeros ("0.05") are no significant digits; signs and the point are none either
    if (code >= 0x30 && code <= 0x39 && (digits > 0 || code !== 0x30)) digits += 1;
  }
  return digits;
}

/**
 * The value of a JS number without binary noise: 2156.8200000000002 → 2156.82. A number whose shortest text has at
 * most 15 significant digits (nearly every cell: 2156.82) is that text's value already — a double keeps 15 digits
 * exactly, so toPrecision(15) gives the same digits — and Decimal reads it from the number, with no 15-digit text
 * made and read back for each cell.
 */
export function cleanNumber(input: number): Decimal {
  const value = shortestDigits(String(input)) <= 15 ? new Decimal(input) : new Decimal(input.toPrecision(15));
  return noNegativeZero(value);
}

function parseNumber(input: number): ParsedAmount {
  if (!Number.isFinite(input)) return unreadable(String(input), '不是有限数值');
  const value = cleanNumber(input);
  return { state: 'number', value, decimals: value.decimalPlaces() };
}

export function parseAmount(input: string | number | null | undefined): ParsedAmount {
  if (input === null || input === undefined) return BLANK_RESULT;
  if (typeof input === 'number') return parseNumber(input);
  const read = amountText(input);
  if (read.kind === 'blank') return BLANK_RESULT;
  // (text too long to be an amount is quoted by its start: what it holds is not read)
  const raw = input.length > MAX_AMOUNT_CHARS * 8 ? input.slice(0, 40) : input.replace(SPACES, ' ').trim();
  if (read.kind === 'too-narrow')
    return { state: 'unreadable', value: null, decimals: 2, reason: `列宽不足：金额显示成了「${raw}」` };
  if (read.kind === 'unreadable') return unreadable(raw, read.why);
  const value = noNegativeZero(new Decimal(read.negative ? `-${read.digits}` : read.digits));
  return { state: 'number', value, decimals: read.decimals };
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
