/**
 * A 项 name several 款 share (一般行政管理事务 under 组织事务, 宣传事务, 统战事务 …): the text names
 * the 项 by its path (…（类）宣传事务（款）一般行政管理事务（项）), and its figures are those of
 * that 款's row — never of the first row carrying the name.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { textCheckFindings } from '../helpers/text-check.js';

const TABLE = [
  '一般公共预算财政拨款支出决算表',
  '单位：万元',
  '科目编码\t科目名称\t合计\t基本支出\t项目支出',
  '合计\t\t96.40\t\t96.40',
  '201\t一般公共服务支出\t96.40\t\t96.40',
  '20132\t组织事务\t60.20\t\t60.20',
  '2013202\t一般行政管理事务\t60.20\t\t60.20',
  '20133\t宣传事务\t24.70\t\t24.70',
  '2013302\t一般行政管理事务\t24.70\t\t24.70',
  '20134\t统战事务\t11.50\t\t11.50',
  '2013402\t一般行政管理事务\t11.50\t\t11.50',
  '注：本表反映本年度一般公共预算财政拨款支出情况。',
  '',
  '五、一般公共预算财政拨款支出决算情况说明',
];

const paragraph = (kuan: string, actual: string, budget: string, rate: string) =>
  `“一般公共服务（类）${kuan}（款）一般行政管理事务（项）”${actual} 万元，主要用于日常工作。年初预算为 ${budget} 万元，支出决算为 ${actual} 万元，完成年初预算的 ${rate}%。`;

describe('a 项 name several 款 share', () => {
  const dir = mkdtempSync(join(os.tmpdir(), 'juesuan-shared-items-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const narrativeFindings = async (lines: string[]): Promise<string[]> => {
    return (await textCheckFindings(dir, lines))
      .filter((f) => f.location.table === 'narrative' && f.severity !== 'info')
      .map((f) => f.ruleId);
  };

  it('is read as the row of the 款 its path names: each figure agrees, nothing is said', async () => {
    const text = [
      ...TABLE,
      paragraph('组织事务', '60.20', '64.00', '94.06'),
      paragraph('宣传事务', '24.70', '25.00', '98.80'),
      paragraph('统战事务', '11.50', '12.50', '92.00'),
    ];
    expect(await narrativeFindings(text)).toEqual([]);
  });
  it('a figure that is not its own 款 row’s is found', async () => {
    const text = [...TABLE, paragraph('宣传事务', '26.70', '28.00', '95.36')];
    expect(await narrativeFindings(text)).toEqual(['n.amount']);
  });
  it('named alone, without its 款, it names no row: its figure is not compared with any', async () => {
    const text = [...TABLE, '一般行政管理事务支出 24.70 万元，主要用于宣传工作。'];
    expect(await narrativeFindings(text)).toEqual([]);
  });
});
