/**
 * A figure the text restates that one table prints differently while another table printing the
 * same figure agrees with the text: the mismatch is still said, and it names the table the text
 * agrees with, so that a reviewer looks at the table that differs first.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { textCheckFindings } from '../helpers/text-check.js';
import type { Finding } from '../../src/model/finding.js';

/** 财政拨款收入支出决算总表 (表04) and 一般公共预算财政拨款支出决算表 (表05) whose 合计 is `t05`. */
const tables = (t05: string) => [
  '财政拨款收入支出决算总表',
  '单位：万元',
  '收入\t\t支出\t\t\t\t',
  '项目\t决算数\t项目\t合计\t一般公共预算财政拨款\t政府性基金预算财政拨款\t国有资本经营预算财政拨款',
  '一、一般公共预算财政拨款\t812.40\t一、一般公共服务支出\t812.40\t812.40\t\t',
  '二、政府性基金预算财政拨款\t\t二、外交支出\t\t\t\t',
  '本年收入合计\t812.40\t本年支出合计\t812.40\t812.40\t\t',
  '总计\t812.40\t总计\t812.40\t812.40\t\t',
  '',
  '一般公共预算财政拨款支出决算表',
  '单位：万元',
  '科目编码\t科目名称\t合计\t基本支出\t项目支出',
  `合计\t\t${t05}\t400.00\t412.40`,
  '201\t一般公共服务支出\t812.40\t400.00\t412.40',
  '20103\t政府办公厅（室）及相关机构事务\t812.40\t400.00\t412.40',
  '2010301\t行政运行\t400.00\t400.00\t',
  '2010350\t事业运行\t412.40\t\t412.40',
  '',
  '五、一般公共预算财政拨款支出决算情况说明',
];

describe('a figure one table prints differently from another table and the text', () => {
  const dir = mkdtempSync(join(os.tmpdir(), 'juesuan-same-figure-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const amountFindings = async (lines: string[]): Promise<Finding[]> => {
    return (await textCheckFindings(dir, lines)).filter((f) => f.ruleId === 'n.amount');
  };

  it('the text agreeing with 04: the mismatch with 05 names 04 as agreeing', async () => {
    const found = await amountFindings([...tables('821.40'), '一般公共预算财政拨款支出 812.40 万元，全部为本年支出。']);
    expect(found.map((f) => f.messageId)).toEqual(['amount-mismatch-table']);
    expect(found[0]?.message).toContain('与财政拨款收入支出决算总表');
    expect(found[0]?.message).toContain('一般公共预算财政拨款一致，而一般公共预算财政拨款支出决算表');
  });
  it('the text agreeing with neither: the plain mismatch', async () => {
    const found = await amountFindings([...tables('821.40'), '一般公共预算财政拨款支出 830.00 万元，全部为本年支出。']);
    expect(found.map((f) => f.messageId)).toEqual(['amount-mismatch']);
  });
  it('the tables and the text agreeing: nothing', async () => {
    expect(
      await amountFindings([...tables('812.40'), '一般公共预算财政拨款支出 812.40 万元，全部为本年支出。']),
    ).toEqual([]);
  });
});
