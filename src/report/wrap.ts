import stringWidth from 'string-width';

/**
 * Terminal width of a text (string-width, as terminals draw it): CJK, full-width forms, CJK
 * Extension B and emoji take two columns, combining marks none. The box tables (box-table.ts)
 * measure their cells with it, so a wrapped line is never cut short or misaligned.
 */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

/**
 * The characters of a token that carries meaning and is never cut: rule ids, cell addresses
 * (Sheet1!F9, !F9), numbers (12,345.67, 112.05%). Chinese text breaks between any two characters.
 */
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
  for (const { segment } of graphemes().segment(text)) {
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
 * Breaks text into lines of at most `width` columns. Chinese has no spaces to break at, so any
 * character boundary will do (never inside an emoji or a letter with its accent); runs of ASCII
 * (rule ids, numbers, cell addresses) are never cut: one longer than `width` is a line of its own,
 * wider than `width` (the caller lets it overflow or widens its column).
 */
export function wrapText(text: string, width: number): string[] {
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
