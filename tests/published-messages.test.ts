import { expect, it } from 'vitest';
import { cli } from './formatters/seed-broken.js';
import { workdir, writeText } from './helpers/workdir.js';

/**
 * Findings on a report as published speak of it as a reader holds it: its lines and its name (报告), not
 * a workbook's. When several cells of one row would each clear a failing identity, the diagnosis names no culprit;
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

it('a standard table missing from a report as published is missing from the report, not from a workbook', async () => {
  const dir = workdir();
  writeText(dir, 'one.txt', `${REPORT.join('\n')}\n`);
  const { out } = await cli(['check', 'one.txt', '--format', 'json'], dir);
  const missing = (JSON.parse(out).findings as { ruleId: string; message: string }[]).filter(
    (f) => f.ruleId === 'tables.missing',
  );
  expect(missing.length).toBeGreaterThan(0);
  for (const f of missing) expect(f.message).toMatch(/^报告中没有找到/);
});

it('a standard table printed twice in a report as published is named by where it stands there', async () => {
  const dir = workdir();
  const table = REPORT.slice(0, 6).map((l) =>
    l.replace('###', '40.00').replace('###', '21.00').replace('###', '19.00'),
  );
  writeText(dir, 'twice.txt', `${[...table, '', '说明文字。', '', ...table].join('\n')}\n`);
  const { out } = await cli(['check', 'twice.txt', '--format', 'json'], dir);
  const duplicate = (JSON.parse(out).findings as { ruleId: string; message: string }[]).find(
    (f) => f.ruleId === 'tables.duplicate',
  );
  expect(duplicate?.message).toMatch(
    /^报告中有 2 张支出决算表（公开03表，位于 第 4–6 行、第 13–15 行）；只校验了第一张（第 4–6 行）/,
  );
});
