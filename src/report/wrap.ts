/** Terminal width of one character: CJK and full-width forms take two columns. */
function charWidth(code: number): number {
  if (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6)
  ) {
    return 2;
  }
  return 1;
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch.codePointAt(0) ?? 0);
  return width;
}

/**
 * Breaks text into lines of at most `width` columns. Chinese has no spaces to break at, so any
 * character boundary will do; runs of ASCII (numbers, cell addresses) are kept whole when they fit.
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  const tokens = text.match(/[A-Za-z0-9_.!:+-]+|[\s\S]/gu) ?? [];
  for (const token of tokens) {
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
