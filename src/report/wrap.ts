import stringWidth from 'string-width';

/**
 * Terminal width of a text (string-width, as terminals draw it): CJK, full-width forms, CJK
 * Extension B and emoji take two columns, combining marks none. The box tables (box-table.ts)
 * measure their cells with it, so a wrapped line is never cut short or misaligned.
 */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

const WORD = /^[A-Za-z0-9_.!:+-]$/;
// made on first use: building a segmenter loads ICU's break rules (tens of ms), which a run that
// wraps nothing (JSON, SARIF …) should not pay at start-up
let segmenter: Intl.Segmenter | undefined;
const graphemes = (): Intl.Segmenter => {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'grapheme' });
  return segmenter;
};

/** Runs of ASCII word characters (numbers, cell addresses) kept together; everything else one grapheme each. */
function tokensOf(text: string): string[] {
  const tokens: string[] = [];
  let run = '';
  for (const { segment } of graphemes().segment(text)) {
    if (WORD.test(segment)) {
      run += segment;
      continue;
    }
    if (run) tokens.push(run);
    run = '';
    tokens.push(segment);
  }
  if (run) tokens.push(run);
  return tokens;
}

/**
 * Breaks text into lines of at most `width` columns. Chinese has no spaces to break at, so any
 * character boundary will do (never inside an emoji or a letter with its accent); runs of ASCII
 * (numbers, cell addresses) are kept whole when they fit.
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
      for (const ch of token) {
        const cw = displayWidth(ch);
        if (used + cw > width) {
          lines.push(line);
          line = '';
          used = 0;
        }
        line += ch;
        used += cw;
      }
      continue;
    }
    if (line === '' && token.trim() === '') continue;
    line += token;
    used += w;
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}
