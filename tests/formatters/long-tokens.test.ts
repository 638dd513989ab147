import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import type { CheckReport } from '../../src/model/results.js';
import { renderBoxTable } from '../../src/report/box-table.js';
import { formatStylish, MIN_TABLE_WIDTH } from '../../src/report/stylish.js';
import { clipToWidth } from '../../src/report/terminal-text.js';
import { wrapText } from '../../src/report/wrap.js';
import { displayWidth } from '../../src/util/display-width.js';

/**
 * A report fitted to a narrow terminal never cuts a token that carries meaning — a rule id, a
 * location (sheet!cell), a number — however long: such a token wraps to a line of its own, and a
 * line (or a table) too narrow for it overflows the terminal rather than split it or end it in ….
 * Chinese text still wraps between any two characters.
 */

const RULE = 'x.reception-and-conference-fees-of-2024'; // 39 characters
const PLACE = 'IncomeExpenditureSummary2024!F12'; // 32
const NUMBER = '12,345,678,901,234,567.89'; // 25
const STATED = '1234567890123456789012.5%'; // 25

function report(): CheckReport {
  const finding: Finding = {
    ruleId: RULE,
    severity: 'error',
    message: `接待费合计与明细不符：${PLACE} 应为 ${NUMBER}，实为 ${STATED}，请核对该单元格与明细各行的金额是否一致，并重新计算合计。`,
    messageId: 'm',
    data: { expected: NUMBER, actual: STATED, difference: '0.01' },
    location: { file: 'a.xlsx', sheet: 'IncomeExpenditureSummary2024', cell: 'F12', table: '03' },
    related: [],
  };
  return { failOn: 'error', files: [{ file: 'a.xlsx', findings: [finding] }] };
}

/** Whether every token appears whole on some line (the box borders removed). */
function expectWhole(out: string) {
  const lines = out.split('\n').map((l) => l.replace(/[│┌┐└┘├┤┬┴┼─]/g, ' '));
  for (const token of [RULE, PLACE, NUMBER, STATED])
    expect(
      lines.some((l) => l.includes(token)),
      `${token} whole in\n${out}`,
    ).toBe(true);
  expect(out).not.toContain('…');
}

/** The lines of each box table have one width: a token wider than its column would misalign the border. */
function expectAligned(out: string) {
  const boxLines = out.split('\n').filter((l) => /^\s*[│┌├└]/.test(l));
  expect(boxLines.length).toBeGreaterThan(0);
  expect(new Set(boxLines.map((l) => displayWidth(l))).size).toBe(1);
}

describe('long tokens on a narrow terminal', () => {
  it.each([40, 50, 59])('plain lines at %i columns: every token whole', (width) => {
    expect(width).toBeLessThan(MIN_TABLE_WIDTH);
    const out = formatStylish(report(), { color: false, width });
    expect(out).not.toContain('│');
    expectWhole(out);
  });

  it.each([60, 72, 80, 100])('a table at %i columns: every token whole, borders aligned', (width) => {
    const out = formatStylish(report(), { color: false, width });
    expectWhole(out);
    expectAligned(out);
  });

  it('without a width the table is as wide as it needs: every token whole', () => {
    const out = formatStylish(report(), { color: false });
    expectWhole(out);
    expectAligned(out);
  });

  it('wrapText keeps a token longer than the line on a line of its own', () => {
    expect(wrapText(`金额 ${NUMBER} 元`, 12)).toEqual(['金额', NUMBER, '元']);
    expect(wrapText(`规则${RULE}`, 20)).toEqual(['规则', RULE]);
    // Chinese still wraps anywhere
    expect(wrapText('一般公共预算财政拨款', 8)).toEqual(['一般公共', '预算财政', '拨款']);
  });

  it('clipToWidth cuts between tokens, never inside one', () => {
    expect(clipToWidth(`另有支出：${NUMBER}、${NUMBER}`, 30)).toBe('另有支出：…');
    expect(clipToWidth(RULE, 20)).toBe(RULE);
    expect(clipToWidth('一般公共预算财政拨款支出决算表', 11)).toBe('一般公共预…');
  });

  it('a box table keeps a column as wide as its longest token', () => {
    const out = renderBoxTable([[RULE, '说明文字说明文字']], { head: ['规则', '说明'], maxWidth: 30 });
    expect(out).toContain(RULE);
    expectAligned(out);
  });
});
