/**
 * A class's 一般公共预算财政拨款 part ("住房保障支出（类）86.00 万元" in the section on the general budget)
 * differs from the 总表's class figure whenever a fund also pays for the class. The 财政拨款收入支出决算总表's
 * general-budget column prints the part; so does the 一般公共预算财政拨款支出决算表's 类 row: either agrees.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { textCheckFindings } from '../helpers/text-check.js';

const TOTALS = [
  '收入支出决算总表',
  '单位：万元',
  '收入\t\t支出\t',
  '项目\t决算数\t项目\t决算数',
  '一、一般公共预算财政拨款收入\t86.00\t一、住房保障支出\t116.00',
  '二、政府性基金预算财政拨款收入\t30.00\t\t',
  '本年收入合计\t116.00\t本年支出合计\t116.00',
  '总计\t116.00\t总计\t116.00',
  '',
];

const GENERAL = [
  '一般公共预算财政拨款支出决算表',
  '单位：万元',
  '科目编码\t科目名称\t合计\t基本支出\t项目支出',
  '221\t住房保障支出\t86.00\t86.00\t',
  '22102\t住房改革支出\t86.00\t86.00\t',
  '2210201\t住房公积金\t86.00\t86.00\t',
  '合计\t\t86.00\t86.00\t',
  '注：本表反映本年度一般公共预算财政拨款支出情况。',
  '',
];

const text = (amount: string, traditional = false) =>
  traditional
    ? [
        '五、一般公共預算財政撥款支出決算情況說明',
        `一般公共預算財政撥款支出 86.00 萬元，主要用於以下方面：住房保障支出（類）${amount} 萬元，占 100%。`,
      ]
    : [
        '五、一般公共预算财政拨款支出决算情况说明',
        `一般公共预算财政拨款支出 86.00 万元，主要用于以下方面：住房保障支出（类）${amount} 万元，占 100%。`,
      ];

describe('a class’s general-budget part, beside a 05 table with 类 rows and no 04', () => {
  const dir = mkdtempSync(join(os.tmpdir(), 'juesuan-class-part-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const amounts = async (lines: string[]): Promise<string[]> =>
    (await textCheckFindings(dir, lines))
      .filter((f) => f.location.table === 'narrative' && f.ruleId === 'n.amount')
      .map((f) => f.severity);

  it('agrees with the 05 类 row: nothing is said (the 总表 includes the fund)', async () => {
    expect(await amounts([...TOTALS, ...GENERAL, ...text('86.00')])).toEqual([]);
    expect(await amounts([...TOTALS, ...GENERAL, ...text('86.00', true)])).toEqual([]);
  });
  it('agrees with neither: found', async () => {
    expect(await amounts([...TOTALS, ...GENERAL, ...text('96.00')])).toEqual(['error']);
    expect(await amounts([...TOTALS, ...GENERAL, ...text('96.00', true)])).toEqual(['error']);
  });
});
