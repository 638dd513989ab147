import { describe, expect, it } from 'vitest';
import { renderBoxTable } from '../../src/report/box-table.js';
import { displayWidth, wrapText } from '../../src/report/wrap.js';

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
