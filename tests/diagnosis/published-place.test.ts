import { expect, it } from 'vitest';
import { cli } from '../formatters/seed-broken.js';
import { workdir, writeText } from '../helpers/workdir.js';

/**
 * When several cells of one row would each clear a failing identity, the diagnosis names no culprit;
 * in a report as published it still says where that row is (the line of a text report, as a reader
 * finds it), not the whole table's span of lines. The 合计 row printed as ### leaves the row's three
 * cells nothing to tell them apart.
 */
const REPORT = [
  '2025年度支出决算表',
  '单位：万元',
  '科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出',
  '合计\t\t###\t###\t###',
  '2010101\t行政运行\t20.00\t20.00\t',
  '2010102\t一般行政管理事务\t20.00\t1.00\t18.00',
];

it('an ambiguous diagnosis in a text report is placed on the line of its row', async () => {
  const dir = workdir();
  writeText(dir, 'row.txt', `${REPORT.join('\n')}\n`);
  const { out } = await cli(
    ['check', 'row.txt', '--disable', 'tables.missing', '--disable', 'n.source', '--format', 'json'],
    dir,
  );
  const findings = JSON.parse(out).findings as {
    ruleId: string;
    messageId: string;
    location: { line?: number };
  }[];
  const lead = findings.find((f) => f.ruleId === 'diagnosis.culprit');
  expect(lead?.messageId).toBe('culprit-ambiguous');
  expect(lead?.location.line).toBe(6);
});
