import { describe, expect, it } from 'vitest';
import type { Finding, Severity } from '../../src/model/finding.js';
import { formatStylish } from '../../src/report/stylish.js';
import type { CheckReport } from '../../src/model/results.js';

function finding(severity: Severity, cell: string): Finding {
  return {
    ruleId: `x.${severity}`,
    severity,
    message: `${severity} 的说明`,
    messageId: 'm',
    data: {},
    location: { file: 'a.xlsx', sheet: '表', cell, table: '03' },
    related: [],
  };
}

function summary(severities: Severity[], failOn: Severity = 'error'): string {
  const report: CheckReport = {
    failOn,
    files: [{ file: 'a.xlsx', findings: severities.map((s, i) => finding(s, `C${i + 5}`)) }],
  };
  const lines = formatStylish(report, { color: false }).trimEnd().split('\n');
  return (lines[lines.length - 1] as string).trim();
}

describe('stylish summary line', () => {
  it('counts hints apart from problems: a result of hints alone passes and says so', () => {
    expect(summary([])).toBe('✔ 未发现问题');
    expect(summary(['info'])).toBe('✔ 未发现问题；1 条提示');
    expect(summary(['info', 'info'], 'info')).toBe('✖ 未发现问题；2 条提示');
    expect(summary(['error', 'info'])).toBe('✖ 共 1 个问题：1 个错误，0 个警告；另有 1 条提示');
    expect(summary(['warn'])).toBe('⚠ 共 1 个问题：0 个错误，1 个警告');
    expect(summary(['warn'], 'warn')).toBe('✖ 共 1 个问题：0 个错误，1 个警告');
  });
});

describe('stylish groups', () => {
  it('heads a missing table with its name, not its number alone', () => {
    const report: CheckReport = {
      failOn: 'error',
      files: [
        {
          file: 'a.xlsx',
          model: {
            file: 'a.xlsx',
            tables: [],
            ignoredSheets: [],
            missingTables: [{ kind: '06', name: '一般公共预算财政拨款基本支出决算明细表' }],
            unreadable: [],
          },
          findings: [
            {
              ruleId: 'tables.missing',
              severity: 'warn',
              message: '工作簿中没有找到一般公共预算财政拨款基本支出决算明细表（公开06表）；以它为对象的校验已跳过。',
              messageId: 'missing-table',
              data: { name: '一般公共预算财政拨款基本支出决算明细表', kind: '06' },
              location: { file: 'a.xlsx', table: '06' },
              related: [],
            },
          ],
        },
      ],
    };
    expect(formatStylish(report, { color: false })).toContain('【06 一般公共预算财政拨款基本支出决算明细表】');
  });
});
