/**
 * "…（项）”2026年度预算 35 万元，2025年度预算 35 万元，主要用于：" ending a paragraph in an account of 科目 one by
 * one: the uses are told in words in the next paragraph, whose figures are this 科目's own execution and the next
 * 科目's — never its uses. A real budget report so read gave n.list-sum errors for every such item.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { textCheckFindings } from '../helpers/text-check.js';

const ACCOUNT = [
  '三、项目支出预算情况说明',
  '5. “文化旅游体育与传媒支出(类）-文化和旅游（款）-群众文化（项）”2026年度预算16万元，2025年度预算22万元，主要用于：',
  '社区文化活动和群众文艺团队的日常排练与演出所需的各项经费支出。2025年当年预算执行数为22万元，',
  '2026年预算安排16万元，比2025年预算执行数减少27.27%。主要原因是：活动场次调减，经费随之压减。',
  '“社会保障和就业支出(类）-其他生活救助（款）-其他城市生活救助（项）”2026年度预算35万元，',
  '2025年度预算35万元，主要用于：',
  '困难居民帮扶和临时救助金的发放，以及各类帮扶活动开展所需的经费支出等。2025年当年预算执行数为',
  '35万元，2026年预算安排35万元，与2025年预算执行数持平。主要原因是：帮扶对象人数保持稳定。',
  '6. “卫生健康支出(类）-计划生育事务（款）-计划生育服务（项）”2026年度预算12万元，2025年度预算',
  '11万元，主要用于：',
  '独生子女费发放和计划生育家庭的帮扶慰问，以及相关服务所需的经费支出。2025年当年预算执行数为',
  '11万元，2026年预算安排12万元，比2025年预算执行数增加9.09%。主要原因是：发放对象人数增加。',
];

/** The same account as a traditional-character mirror prints it. */
const TRADITIONAL: Record<string, string> = {
  类: '類',
  项: '項',
  预: '預',
  于: '於',
  执: '執',
  万: '萬',
  为: '為',
  卫: '衛',
  计: '計',
  划: '劃',
  发: '發',
  经: '經',
  费: '費',
  动: '動',
  与: '與',
  调: '調',
  减: '減',
  压: '壓',
  随: '隨',
  帮: '幫',
  临: '臨',
  时: '時',
  数: '數',
  员: '員',
  对: '對',
  稳: '穩',
  独: '獨',
  问: '問',
  关: '關',
  务: '務',
  会: '會',
  济: '濟',
  区: '區',
  乐: '樂',
  团: '團',
  练: '練',
  演: '演',
  场: '場',
  次: '次',
  况: '況',
  说: '說',
  明: '明',
  庭: '庭',
  级: '級',
};
const traditional = (lines: string[]) => lines.map((l) => [...l].map((c) => TRADITIONAL[c] ?? c).join(''));

describe('主要用于： ending the paragraph of one 科目 in an account of 科目', () => {
  const dir = mkdtempSync(join(os.tmpdir(), 'juesuan-uses-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const lists = async (lines: string[]) =>
    (await textCheckFindings(dir, lines)).filter((f) => f.ruleId === 'n.list-sum').map((f) => f.message);

  it('takes no figure of the paragraphs after it as a use', async () => {
    expect(await lists(ACCOUNT)).toEqual([]);
  });

  it('takes none in traditional characters either', async () => {
    expect(await lists(traditional(ACCOUNT))).toEqual([]);
  });

  it('a list of uses with their figures, one per paragraph, is still compared with its total', async () => {
    const text = [
      '（二）办公经费支出情况',
      '办公经费支出 50 万元，主要用于：',
      '1.办公用品购置 30 万元；',
      '2.办公设备维护 30 万元。',
    ];
    expect(await lists(text)).toHaveLength(1);
  });
});
