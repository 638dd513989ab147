import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import { formatFileSummary } from '../../src/report/file-summary.js';
import { formatStylish } from '../../src/report/stylish.js';
import type { CheckReport, FileResult } from '../../src/model/results.js';
import { workRatio } from './work-ratio.js';

function finding(i: number, actual = `${i}.00`): Finding {
  return {
    ruleId: 't03.row-total',
    severity: 'error',
    message: `支出决算表 第${i}行「本年支出合计」为 ${actual} 万元，两者应相等。`,
    messageId: 'not-equal',
    data: { expected: `${i + 1}.00`, actual, difference: '-1.00', tolerance: '0.015' },
    location: { file: 'a.xlsx', sheet: '支出决算表', cell: `E${i}`, table: '03', rowKey: `F${i}`, column: 'total' },
    related: [],
  };
}

const report = (findings: Finding[]): CheckReport => ({ files: [{ file: 'a.xlsx', findings }], failOn: 'error' });

describe('terminal report (stylish): work follows the findings, not their square', () => {
  it('prints n findings in time linear in n (ratio of 8× the findings, one run)', () => {
    const job = (n: number) => formatStylish(report(Array.from({ length: n }, (_, i) => finding(i))), { color: false });
    expect(workRatio(job, 250, 8)).toBeLessThan(24);
  });

  it('prints the per-file summary of n files in time linear in n', () => {
    const files = (n: number): FileResult[] =>
      Array.from({ length: n }, (_, i) => ({ file: `f${i}.xlsx`, findings: [] }));
    const job = (n: number) => formatFileSummary({ files: files(n), failOn: 'error' }, { color: false });
    expect(workRatio(job, 250, 8)).toBeLessThan(24);
  });

  it('cuts a 10,000-digit figure in its column (the message keeps it whole, wrapped)', () => {
    const long = '1'.repeat(10_000);
    const text = formatStylish(report([finding(9, long)]), { color: false });
    const lines = text.split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(200);
    expect(lines.find((l) => l.includes('E9'))).toContain('…');
    expect(text.replace(/[│\s]/g, '')).toContain(long);
  });

  it('never passes a control character or an escape sequence from the document to the terminal', () => {
    const nasty: Finding = {
      ...finding(3),
      message: '\u001b]0;pwned\u0007\u001b[2J清屏\r覆盖\u202e反向',
      location: { ...finding(3).location, sheet: 'S\u001b[31m红\nx' },
    };
    const text = formatStylish(
      { files: [{ file: 'b\u001bc.xlsx', findings: [nasty] }], failOn: 'error' },
      { color: false },
    );
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for what must not be there
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(text).toContain('清屏');
  });
});
