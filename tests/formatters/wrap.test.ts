import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { renderBoxTable } from '../../src/report/box-table.js';
import { tokensOf, wrapText } from '../../src/report/wrap.js';
import { displayWidth, isPlain } from '../../src/util/display-width.js';

// U+20000 (CJK Extension B), an emoji, a family joined by ZWJ, e + combining acute
const SAMPLES = ['支出决算表!E9', '𠀀𠀁𠀂', '😀 超出', '👨‍👩‍👧 一家', 'e\u0301te\u0301', '２１５６．８２万元'];

describe('report/wrap: widths as the box tables draw them', () => {
  it('counts CJK Extension B and emoji as two columns, combining marks as none', () => {
    expect(displayWidth('𠀀')).toBe(2);
    expect(displayWidth('😀')).toBe(2);
    expect(displayWidth('👨‍👩‍👧')).toBe(2);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('收入 2156.82')).toBe(12);
  });

  it.each(SAMPLES)('%s fits a table column of exactly its measured width, uncut', (text) => {
    const lines = renderBoxTable([[text]], { head: [''] }).split('\n');
    expect(lines[0]).toBe(`┌${'─'.repeat(displayWidth(text) + 2)}┐`);
    expect(lines).toContain(`│ ${text} │`);
    expect(new Set(lines.map(displayWidth)).size).toBe(1);
  });

  it('wraps to lines no wider than asked (but for a token that is wider), never inside an emoji or an accented letter', () => {
    for (const text of [
      '😀'.repeat(9),
      '𠀀'.repeat(9),
      `${'👨‍👩‍👧'.repeat(4)}e\u0301`.repeat(3),
      '支出决算表 E9 基本支出 393.38',
    ])
      for (const width of [5, 8, 11]) {
        const lines = wrapText(text, width);
        for (const line of lines)
          if (!/^[0-9.]+$/.test(line))
            expect(displayWidth(line), `${text} @${width}: ${line}`).toBeLessThanOrEqual(width);
        expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      }
    expect(wrapText('😀😀😀😀😀', 4)).toEqual(['😀😀', '😀😀', '😀']);
  });
});

describe('report/wrap: the fast way for plain text measures and breaks exactly as the full way', () => {
  const segmenter = new Intl.Segmenter('zh', { granularity: 'grapheme' });
  const graphemes = (text: string) => [...segmenter.segment(text)].map((s) => s.segment);

  it('every plain UTF-16 unit is as wide as string-width says and a grapheme of its own beside any other', () => {
    let plain = 0;
    for (let unit = 0; unit <= 0xffff; unit++) {
      const ch = String.fromCharCode(unit);
      if (!isPlain(ch)) continue;
      plain++;
      const text = `${ch}${ch}a${ch}支${ch}`;
      if (displayWidth(text) !== stringWidth(text)) expect(`${text}: ${displayWidth(text)}`).toBe(stringWidth(text));
      if (graphemes(text).length !== text.length) expect(graphemes(text)).toEqual([...text]);
    }
    // ASCII, punctuation, kana, every CJK ideograph, full-width forms
    expect(plain).toBeGreaterThan(30_000);
  });

  it('random mixtures of plain and special characters', () => {
    const pool = [
      ...'支出决算表!E9 基本支出393.38（万元）、。：“”—…·×≤≥≠→％２１５６',
      ...'😀👨‍👩‍👧𠀀é\u0301\u200d\ufe0f\u20e3#*0\u001b[31m\u3099각\u1100\u1161\u0e33\u00ad',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        expect(displayWidth(text)).toBe(stringWidth(text));
        const tokens = tokensOf(text);
        expect(tokens.join('')).toBe(text);
        // a grapheme is never split between tokens
        let at = 0;
        const cuts = new Set(tokens.map((t) => (at += t.length)));
        at = 0;
        const bounds = new Set(graphemes(text).map((g) => (at += g.length)));
        for (const cut of cuts) expect(bounds.has(cut)).toBe(true);
      }),
    );
  });
});

/** wrapText as it was written over a list of tokens: the reference the plain-text path must equal. */
function wrapTokensReference(text: string, width: number): string[] {
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

describe('report/wrap: plain text wraps as its tokens do', () => {
  // CJK, word characters, spaces (ASCII and ideographic), punctuation, a file name, a long run
  const pieces = [
    '支',
    '出',
    '决',
    '算',
    '，',
    '。',
    '「',
    '」',
    ' ',
    '\u3000',
    'E9',
    '2156.82',
    '-44067272.00',
    'x.t04-t05.class',
    '表!G8',
    '报告_2024-v1.xlsx',
    '9'.repeat(70),
    '%',
    '（',
    '）',
    '…',
    '²',
  ];
  it('gives the same lines for any text of plain characters and any width, and their widths', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { maxLength: 80 }),
        fc.integer({ min: 1, max: 40 }),
        (parts, width) => {
          const text = parts.join('');
          expect(isPlain(text)).toBe(true);
          const widths: number[] = [];
          const lines = wrapText(text, width, widths);
          expect(lines).toEqual(wrapTokensReference(text, width));
          expect(widths).toEqual(lines.map(displayWidth));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('skips the same blanks at the start of a line as trim() does', () => {
    // every plain unit once at the start of a line (after a full line of 支), once after another
    let text = '';
    for (let unit = 0x20; unit < 0x10000; unit++) {
      const ch = String.fromCharCode(unit);
      if (isPlain(ch) && !/[A-Za-z0-9_.!:+%,-]/.test(ch)) text += `支${ch}${ch}`;
    }
    expect(wrapText(text, 2)).toEqual(wrapTokensReference(text, 2));
  });
});
