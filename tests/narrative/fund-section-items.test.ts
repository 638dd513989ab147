/**
 * A 项 only the government-fund table has (其他住房保障支出 under 超长期特别国债安排的支出): the fund
 * section's account of it ("支出具体情况如下：…（类）…（款）…（项）A 万元") is read against that table's
 * 本年支出, as the general budget's 项 are read against theirs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { textCheckFindings } from '../helpers/text-check.js';

const GENERAL = [
  '一般公共预算财政拨款支出决算表',
  '单位：万元',
  '科目编码\t科目名称\t合计\t基本支出\t项目支出',
  '合计\t\t58.00\t\t58.00',
  '212\t城乡社区支出\t58.00\t\t58.00',
  '21205\t城乡社区环境卫生\t58.00\t\t58.00',
  '2120501\t城乡社区环境卫生\t58.00\t\t58.00',
  '注：本表反映本年度一般公共预算财政拨款支出情况。',
  '',
];

const FUND = [
  '政府性基金预算财政拨款收入支出决算表',
  '单位：万元',
  '科目编码\t科目名称\t年初结转和结余\t本年收入\t本年支出合计\t基本支出\t项目支出\t年末结转和结余',
  '合计\t\t\t42.50\t42.50\t\t42.50\t',
  '221\t住房保障支出\t\t42.50\t42.50\t\t42.50\t',
  '22198\t超长期特别国债安排的支出\t\t42.50\t42.50\t\t42.50\t',
  '2219899\t其他住房保障支出\t\t42.50\t42.50\t\t42.50\t',
  '注：本表反映本年度政府性基金预算财政拨款收入支出情况。',
  '',
];

const section = (amount: string) => [
  '八、政府性基金预算财政拨款收入支出决算情况说明',
  `政府性基金预算财政拨款收入 42.50 万元，支出 42.50 万元，支出具体情况如下：住房保障支出（类）超长期特别国债安排的支出（款）其他住房保障支出（项）${amount} 万元，主要用于加装电梯补助。年初预算为 0 万元，支出决算为 ${amount} 万元。`,
];

describe('a 项 of the fund table alone', () => {
  const dir = mkdtempSync(join(os.tmpdir(), 'juesuan-fund-items-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const narrativeFindings = async (lines: string[]): Promise<string[]> =>
    (await textCheckFindings(dir, lines))
      .filter((f) => f.location.table === 'narrative' && f.severity !== 'info')
      .map((f) => `${f.ruleId} ${f.severity}`);

  it('agrees with the fund table: nothing is said', async () => {
    expect(await narrativeFindings([...GENERAL, ...FUND, ...section('42.50')])).toEqual([]);
  });
  it('differs from the fund table’s 本年支出: found', async () => {
    const found = await narrativeFindings([...GENERAL, ...FUND, ...section('52.50')]);
    expect(found).toContain('n.amount error');
  });
  it('in traditional characters, the same', async () => {
    const hant = [
      '八、政府性基金預算財政撥款收入支出決算情況說明',
      '政府性基金預算財政撥款收入 42.50 萬元，支出 42.50 萬元，支出具體情況如下：住房保障支出（類）超長期特別國債安排的支出（款）其他住房保障支出（項）52.50 萬元，主要用於加裝電梯補助。年初預算為 0 萬元，支出決算為 52.50 萬元。',
    ];
    expect(await narrativeFindings([...GENERAL, ...FUND, ...hant])).toContain('n.amount error');
  });
  it('a 项 of the general budget’s table opening its account by its path: its figure is that row’s', async () => {
    const general = [
      '五、一般公共预算财政拨款支出决算情况说明',
      '城乡社区支出（类）城乡社区环境卫生（款）城乡社区环境卫生（项）63.00 万元，主要用于保洁。年初预算为 60.00 万元，支出决算为 58.00 万元。',
    ];
    expect(await narrativeFindings([...GENERAL, ...FUND, ...general])).toContain('n.amount error');
  });
  it('a rate in that account reads its 决算 against the same row, whatever figure opened it', async () => {
    const general = [
      '五、一般公共预算财政拨款支出决算情况说明',
      '城乡社区支出（类）城乡社区环境卫生（款）城乡社区环境卫生（项）58.00 万元，主要用于保洁。年初预算为 60.00 万元，支出决算为 54.00 万元，完成年初预算的 90%。',
    ];
    const found = await narrativeFindings([...GENERAL, ...FUND, ...general]);
    expect(found).toContain('n.amount error');
  });
  it('without the fund table, its figure is compared with nothing', async () => {
    expect(await narrativeFindings([...GENERAL, ...section('52.50')])).toEqual([]);
  });
});
