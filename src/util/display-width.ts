import stringWidth from 'string-width';

/**
 * Terminal width of a text (string-width, as terminals draw it): CJK, full-width forms, CJK
 * Extension B and emoji take two columns, combining marks none. The box tables (box-table.ts)
 * measure their cells with it, so a wrapped line is never cut short or misaligned; the text reader measures
 * how far a copied line reaches toward its page margin with it (io/text/paragraphs.ts).
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const w = unitWidth(text.charCodeAt(i));
    if (w === 0) return stringWidth(text);
    width += w;
  }
  return width;
}

/**
 * Characters that are a grapheme of their own next to any other such character and that no emoji
 * sequence, escape sequence or combining mark involves: ASCII, Latin-1, punctuation, symbols, kana,
 * CJK ideographs and full-width forms, less the marks, controls and pictographs among them. A text
 * of these alone is measured (and broken into graphemes) one UTF-16 unit at a time, exactly as
 * string-width and Intl.Segmenter would do it, without them: a report of 10,000 findings measures
 * millions of characters. Anything else (emoji, accents, Hangul, astral planes) goes the full way.
 */
const PLAIN_RANGES: readonly [number, number][] = [
  [0x20, 0x7e],
  [0xa1, 0xff],
  [0x2010, 0x2027],
  [0x2030, 0x205e],
  [0x2190, 0x2bff],
  [0x3000, 0x30ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
  [0xff01, 0xff9d],
  [0xffe0, 0xffee],
];
/** Marks, controls, format characters, unassigned, private use, pictographs: never plain. */
const NOT_PLAIN = /[\p{M}\p{C}\p{Extended_Pictographic}\p{Emoji_Presentation}\p{Emoji_Modifier}\u00ad]/u;
/** Per UTF-16 unit: 0 not yet known, 1 or 2 its width when plain, 3 not plain. */
const PLAIN_WIDTH = new Uint8Array(0x10000);

export function unitWidth(unit: number): number {
  let w = PLAIN_WIDTH[unit] as number;
  if (w === 0) {
    const ch = String.fromCharCode(unit);
    const plain = PLAIN_RANGES.some(([lo, hi]) => unit >= lo && unit <= hi) && !NOT_PLAIN.test(ch);
    const width = plain ? stringWidth(ch) : 0;
    w = width === 1 || width === 2 ? width : 3;
    PLAIN_WIDTH[unit] = w;
  }
  return w === 3 ? 0 : w;
}

/** Whether every unit of the text is plain (see PLAIN_RANGES): one grapheme per unit. */
export function isPlain(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (unitWidth(text.charCodeAt(i)) === 0) return false;
  return true;
}

/**
 * The characters of a token that carries meaning and is never cut: rule ids, cell addresses
 * (Sheet1!F9, !F9), numbers (12,345.67, 112.05%). Chinese text breaks between any two characters.
 */
