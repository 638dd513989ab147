/**
 * What the text of a cell is as an amount: the one place that decides it, for the workbook reader
 * (parseAmount turns a number's digits into its value), the published-report readers (a line of
 * figures, a piece of a sheet printed side by side, a repeated header band) and the rules (a cell
 * printed as ### is 列宽不足, whatever form it came in).
 *
 * Decisions (tests/amount.test.ts and tests/amount-text.test.ts show every case):
 * - blank (nothing here, distinct from an explicit 0): empty or whitespace only, a run of dashes
 *   ("-", "--", "—", "——", "－", "−", "–"), or a slash ("/", "／"): the placeholders templates and
 *   finance software print for "nothing here".
 * - too narrow: # only, of any length (a spreadsheet fills the cell's width with #, however wide
 *   a merged cell is): an amount its column was too narrow to show.
 * - number: thousands separators "," or "，" in groups of three, stray spaces anywhere
 *   ("2, 156. 82"), full-width digits and punctuation, a trailing unit 元 / 万元, a leading ¥/￥,
 *   negatives written "-", "−", "－", "﹣", "–" or in (ASCII or full-width) parentheses, "+" signs,
 *   ".5". "12." is not one.
 * - anything else is unreadable: words (无), error values (#REF!), misplaced thousands separators
 *   ("1,23,4": a decimal comma or a typo, and guessing could be off by 100×), two decimal points,
 *   scientific notation, percentages, other units ("44亿元").
 */
export type AmountText =
  /** `digits`: the magnitude without separators ("2156.82", "0.5"); `decimals`: places written */
  | { kind: 'number'; negative: boolean; digits: string; decimals: number }
  | { kind: 'blank' }
  | { kind: 'too-narrow' }
  /** `why` (zh): the reason when one can be named (错误值, 内容过长, 千分位分隔符位置不对) */
  | { kind: 'unreadable'; why?: string };

/** Full-width ASCII variants (U+FF01–U+FF5E) to ASCII, ideographic space to space. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000]/g, (c) =>
    c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

/** Every kind of space a cell may carry: ASCII, NBSP, ideographic, the U+2000 family, zero-width, BOM. */
export const SPACES = /[\s\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g;
/** Dash-like characters accepted as a minus sign (em dash "—" is a placeholder, not a sign). */
const MINUS = /^[-\u2212\ufe63\u2010\u2011\u2013]/;
/** Whole-cell placeholders that mean "nothing": dashes of any kind, or one slash. */
const BLANK = /^(?:[-\u2010-\u2015\u2212\ufe63\u2500\u2501]+|\/)$/;
/** What a spreadsheet shows, and prints, for a number too wide for its column: ###, ####… */
const TOO_NARROW = /^#+$/;
const ERROR_VALUE = /^#(?:REF!|DIV\/0!|N\/A|VALUE!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/i;
export const PLAIN = /^(\d+)(?:\.(\d+))?$|^\.(\d+)$/;
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.(\d+))?$/;

/** Longest amount text read: "-¥1,234,567,890,123.45万元" has 26 characters. */
export const MAX_AMOUNT_CHARS = 48;

/** Squeezed, half-width text of a cell: the common first step for amounts and percentages. */
export function squeezeNumeric(text: string): string {
  return toHalfWidth(text).replace(SPACES, '');
}

/** Sign and magnitude of a squeezed numeric text. */
export function splitSign(text: string): { negative: boolean; body: string } {
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

/** The text of a cell read as an amount (see above). */
export function amountText(input: string): AmountText {
  // no amount is longer than this (trillions with separators and decimals): longer text is not
  // matched at all, so the time spent on a cell never depends on how much text it holds
  if (input.length > MAX_AMOUNT_CHARS * 8) return { kind: 'unreadable', why: '内容过长' };
  const text = squeezeNumeric(input);
  if (TOO_NARROW.test(text)) return { kind: 'too-narrow' };
  if (text.length > MAX_AMOUNT_CHARS) return { kind: 'unreadable', why: '内容过长' };
  if (text === '' || BLANK.test(text)) return { kind: 'blank' };
  if (ERROR_VALUE.test(text)) return { kind: 'unreadable', why: '错误值' };

  const { negative, body } = splitSign(text.replace(/^[¥\uffe5]/, '').replace(/(?:万元|元)$/, ''));
  const rest = body.replace(/^[¥\uffe5]/, '');
  const plain = PLAIN.exec(rest);
  if (plain)
    return {
      kind: 'number',
      negative,
      digits: rest.startsWith('.') ? `0${rest}` : rest,
      decimals: (plain[2] ?? plain[3] ?? '').length,
    };
  const grouped = GROUPED.exec(rest);
  if (grouped) return { kind: 'number', negative, digits: rest.replace(/,/g, ''), decimals: (grouped[1] ?? '').length };
  if (/^[\d,]+(?:\.\d+)?$/.test(rest) && rest.includes(',')) return { kind: 'unreadable', why: '千分位分隔符位置不对' };
  return { kind: 'unreadable' };
}

/**
 * An amount as the tables print it: a number with one or two decimals (2,156.82 / 0.00 / −3.50 /
 * (3.50) / 4. 25). A number without decimals is not one: a 功能分类 code, a 栏次 or 行次 number, a
 * year, a count of people all print so.
 */
export function isPrintedAmount(text: string): boolean {
  const read = amountText(text);
  return read.kind === 'number' && read.decimals >= 1 && read.decimals <= 2;
}

/**
 * A cell holding an amount, readable or not: a printed amount, or ### for one too wide for its
 * column (a row of them is a row of data all the same).
 */
export function holdsAmount(text: string): boolean {
  const read = amountText(text);
  return read.kind === 'too-narrow' || (read.kind === 'number' && read.decimals >= 1 && read.decimals <= 2);
}

/**
 * A cell of a table's body as it prints an amount: one it holds (holdsAmount), or a placeholder
 * printed for none (a dash, a slash; not an empty cell).
 */
export function isAmountCell(text: string): boolean {
  // holdsAmount's reading and the blank test from one amountText: a page's every piece is asked
  const read = amountText(text);
  if (read.kind === 'too-narrow' || (read.kind === 'number' && read.decimals >= 1 && read.decimals <= 2)) return true;
  return read.kind === 'blank' && squeezeNumeric(text) !== '';
}

/** A cell holding only #: an amount its column was too narrow to show (a cell of any form: workbook, PDF, text). */
export function shownTooNarrow(text: string): boolean {
  return amountText(text).kind === 'too-narrow';
}

/** What may stand before an amount in its cell's text: anything but its own characters. */
const BEFORE_AMOUNT = /^.*[^\d,，.．#()（）+\-\u2010-\u2015\u2212\ufe63\u2500\u2501－/／]/su;

/**
 * A piece of a printed line ends in an amount (or ###): the last of the cells a narrow gap joined
 * into one piece ("事业运行3.00", "7.47 30.57"), whatever stands before it.
 */
export function endsInAmount(piece: string): boolean {
  const last = piece.trim().split(/\s+/).at(-1) ?? '';
  return isAmountCell(last.replace(BEFORE_AMOUNT, ''));
}
