import { displayWidth, isPlain, unitWidth } from '../util/display-width.js';

const WORD = /^[A-Za-z0-9_.!:+%,-]$/;
/** The same tokens found in a text (their widths decide how narrow a table column may be). */
export const WORD_RUN = /[A-Za-z0-9_.!:+%,-]+/g;
// made on first use: building a segmenter loads ICU's break rules (tens of ms), which a run that
// wraps nothing (JSON, SARIF …) should not pay at start-up
let segmenter: Intl.Segmenter | undefined;
const graphemes = (): Intl.Segmenter => {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'grapheme' });
  return segmenter;
};

function* graphemeList(text: string): Iterable<string> {
  for (const { segment } of graphemes().segment(text)) yield segment;
}

/** No rule id, cell address or amount is longer: a longer run (a corrupt figure) is no token and breaks anywhere. */
const LONGEST_WORD = 64;
/** A file name, read rather than retyped, breaks after its hyphens, dots and underscores. */
const FILE_NAME = /\.(?:xlsx|docx|txt|md|pdf|html?)$/i;

/** The unbreakable parts of a run of word characters: the run itself, unless it is a file name or too long to be a token. */
export function wordsOf(run: string): string[] {
  if (run.length > LONGEST_WORD) return [...run];
  if (FILE_NAME.test(run)) return run.split(/(?<=[-_.])/);
  return [run];
}

/** Runs of ASCII word characters (numbers, cell addresses) kept together; everything else one grapheme each. */
export function tokensOf(text: string): string[] {
  const tokens: string[] = [];
  let run = '';
  for (const segment of isPlain(text) ? text : graphemeList(text)) {
    if (WORD.test(segment)) {
      run += segment;
      continue;
    }
    if (run) tokens.push(...wordsOf(run));
    run = '';
    tokens.push(segment);
  }
  if (run) tokens.push(...wordsOf(run));
  return tokens;
}

/**
 * Breaks text into lines of at most `width` columns (a plain text's line widths, see isPlain, are
 * put into `widths` when it is given: a table measures its cells' lines, and these are known). Chinese has no spaces to break at, so any
 * character boundary will do (never inside an emoji or a letter with its accent); runs of ASCII
 * (rule ids, numbers, cell addresses) are never cut: one longer than `width` is a line of its own,
 * wider than `width` (the caller lets it overflow or widens its column).
 */
export function wrapText(text: string, width: number, widths?: number[]): string[] {
  if (isPlain(text)) return wrapPlain(text, width, widths);
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const token of tokensOf(text)) {
    const w = displayWidth(token);
    if (used + w > width && line !== '') {
      lines.push(line.trimEnd());
      line = '';
      used = 0;
    }
    if (w > width) {
      lines.push(token);
      continue;
    }
    if (line === '' && token.trim() === '') continue;
    line += token;
    used += w;
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}

/** Per UTF-16 unit: 1 for a word character (WORD), 0 otherwise. */
const WORD_UNIT = new Uint8Array(128);
for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.!:+%,-')
  WORD_UNIT[ch.charCodeAt(0)] = 1;

/** Plain units that trim() removes (a space, the ideographic space): skipped at the start of a line. */
const isBlankUnit = (unit: number): boolean => unit === 0x20 || unit === 0x3000;

/**
 * wrapText of a plain text (see isPlain), the same lines without a token list: every unit is one
 * grapheme, so a token is a unit or a run of word units, and a line is always a stretch of the text
 * (a token that does not fit starts a new line; one wider than `width` is a line of its own) —
 * 10,000 findings' messages wrap without a string per character.
 */
function wrapPlain(text: string, width: number, widths?: number[]): string[] {
  const lines: string[] = [];
  // the current line is text[start, end); start < 0: the line is empty
  let start = -1;
  let end = 0;
  let used = 0;
  /** The current line without its trailing blanks (trimEnd), and its width. */
  const flush = (): void => {
    let last = end;
    let w = used;
    while (last > start && isBlankUnit(text.charCodeAt(last - 1))) {
      last -= 1;
      w -= unitWidth(text.charCodeAt(last));
    }
    lines.push(text.slice(start, last));
    widths?.push(w);
  };
  const add = (from: number, to: number, w: number, blank: boolean): void => {
    if (used + w > width && start >= 0) {
      flush();
      start = -1;
      used = 0;
    }
    if (w > width) {
      lines.push(text.slice(from, to));
      widths?.push(w);
      return;
    }
    if (start < 0) {
      if (blank) return;
      start = from;
    }
    end = to;
    used += w;
  };
  const addRun = (from: number, to: number): void => {
    const run = text.slice(from, to);
    const words = wordsOf(run);
    if (words.length === 1) {
      add(from, to, to - from, false);
      return;
    }
    let at = from;
    for (const word of words) {
      add(at, at + word.length, word.length, false);
      at += word.length;
    }
  };
  let run = -1;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 128 && WORD_UNIT[unit] === 1) {
      if (run < 0) run = i;
      continue;
    }
    if (run >= 0) addRun(run, i);
    run = -1;
    add(i, i + 1, unitWidth(unit), isBlankUnit(unit));
  }
  if (run >= 0) addRun(run, text.length);
  // a line of blanks only is no line (they are skipped at a line's start, so this never happens)
  if (start >= 0) flush();
  return lines;
}
