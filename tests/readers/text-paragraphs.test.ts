/**
 * Paragraphs of a text copied out of a PDF (one line per printed line, no indents): a line wrapped
 * at the page's margin continues on the next line even when it happens to end in "；" inside a list
 * of 类 and shares; the margin is the width the body's wrapped lines reach, not the widest line (a
 * few long notes under the tables are wider than the body).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { textCheckFindings } from '../helpers/text-check.js';
import { textFlow } from '../../src/io/text/read-text.js';

const BEFORE = [
  '三、财政拨款收入支出决算总体情况说明',
  '2024 年度财政拨款收入支出总计 7200.50 万元。与上年相比，财政',
  '拨款收入支出总计增加 310.25 万元，增长 4.50%。主要原因是本年',
  '新增了两项基础设施维护项目，人员经费也随编制调整有所增加，',
  '相关支出相应增长。',
  '注：本段所列各项数据均以万元为单位，收入和支出口径与本报告第二部分所附各张决算表格保持一致。',
  '注：财政拨款收入支出包括一般公共预算、政府性基金预算和国有资本经营预算三类资金的收入和支出。',
  '注：各项支出按功能分类科目列示至类级，具体科目口径详见本报告第二部分所附的各张决算表格。',
  '四、一般公共预算财政拨款支出决算情况说明',
  '（一）一般公共预算财政拨款支出决算结构情况',
];
const AFTER = [
  '（二）一般公共预算财政拨款支出决算具体情况',
  '一般公共预算财政拨款支出年初预算为 6500.00 万元，支出决算为',
  '6000.00 万元，完成年初预算的 92.31%。决算数小于预算数的主要原',
  '因是部分项目按进度调减，相关采购在下一年度继续实施。',
];

/** The structure paragraph wrapped at the margin, its third line ending in "；" there. */
const shares = (last: string) => [
  ...BEFORE,
  '一般公共预算财政拨款支出 6000.00 万元，主要用于以下方面：教',
  '育支出（类）1111.11 万元，占 18.52%；科学技术支出（类）2222.22',
  '万元，占 37.04%；农林水支出（类）1666.67 万元，占 27.78%；',
  `住房保障支出（类）1000.00 万元，占 ${last}%。`,
  ...AFTER,
];

const paragraphs = (lines: string[]) =>
  textFlow(lines.join('\n')).flatMap((item) => (item.kind === 'paragraph' ? [item.text] : []));

describe('a line wrapped at the margin ending in "；"', () => {
  const dir = mkdtempSync(join(os.tmpdir(), 'juesuan-paragraphs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const narrativeFindings = async (lines: string[]): Promise<string[]> => {
    return (await textCheckFindings(dir, lines))
      .filter((f) => f.severity !== 'info')
      .map((f) => `${f.ruleId} ${f.severity}`);
  };

  it('keeps its paragraph: the list of shares is one paragraph', () => {
    expect(paragraphs(shares('16.66'))).toContain(
      '一般公共预算财政拨款支出 6000.00 万元，主要用于以下方面：教育支出（类）1111.11 万元，占 18.52%；科学技术支出（类）2222.22万元，占 37.04%；农林水支出（类）1666.67 万元，占 27.78%；住房保障支出（类）1000.00 万元，占 16.66%。',
    );
  });
  it('so a share nudged to make 100% is found; the shares as computed give nothing', async () => {
    expect(await narrativeFindings(shares('16.66'))).toEqual(['n.share-nudged warn']);
    expect(await narrativeFindings(shares('16.67'))).toEqual([]);
  });
  it('a line ending in "；" short of the margin ends its paragraph', () => {
    const lines = [
      ...BEFORE,
      '支出 6000.00 万元，全部用于教育；',
      '下一年度将继续按照预算安排，加强各项支出的绩效管理和监督检查。',
      ...AFTER,
    ];
    expect(paragraphs(lines)).toContain('支出 6000.00 万元，全部用于教育；');
  });
  it('a line at the margin ending in "：" runs on, unless a list item with its amount starts the next line', () => {
    const lines = [
      ...BEFORE,
      '一般公共预算财政拨款基本支出 1200.00 万元，按经济分类看，其中：',
      '人员经费 1000.00 万元，主要包括基本工资、津贴补贴和绩效工资等。',
      '公用经费 200.00 万元，主要包括办公费、水电费和物业管理费等。',
      '“城乡社区支出（类）城乡社区管理事务（款）行政运行（项）”',
      '436.20 万元，主要用于机关日常运转。年初预算为 450.00 万元，主要用于：',
      '支付在职人员工资福利、办公经费和物业费等，决算数小于预算数。',
      ...AFTER,
    ];
    expect(paragraphs(lines)).toEqual(
      expect.arrayContaining([
        '一般公共预算财政拨款基本支出 1200.00 万元，按经济分类看，其中：',
        '人员经费 1000.00 万元，主要包括基本工资、津贴补贴和绩效工资等。',
        '“城乡社区支出（类）城乡社区管理事务（款）行政运行（项）”436.20 万元，主要用于机关日常运转。年初预算为 450.00 万元，主要用于：支付在职人员工资福利、办公经费和物业费等，决算数小于预算数。',
      ]),
    );
  });
  it('a line at the margin ending in "；" before an outline item, or items each on their own lines, stay apart', () => {
    const lines = [
      ...BEFORE,
      '一般公共预算财政拨款支出 6000.00 万元，主要用于以下方面的工作，',
      '其中用于教育和科学技术两类的支出占了大部分，具体情况如下；',
      '1．教育支出（类）1111.11 万元，主要用于学校日常运转和维修；',
      '2．科学技术支出（类）2222.22 万元，主要用于科研项目的实施。',
      ...AFTER,
    ];
    expect(paragraphs(lines)).toEqual(
      expect.arrayContaining([
        '一般公共预算财政拨款支出 6000.00 万元，主要用于以下方面的工作，其中用于教育和科学技术两类的支出占了大部分，具体情况如下；',
        '1．教育支出（类）1111.11 万元，主要用于学校日常运转和维修；',
        '2．科学技术支出（类）2222.22 万元，主要用于科研项目的实施。',
      ]),
    );
  });
});

describe('a line wrapped at the margin with a name in curly quotes', () => {
  // “ ” are one terminal column but a full character on a Chinese page: counted as one, this line
  // stops two columns short of the margin and its paragraph would end mid-word (减 / 少 6.00 万元)
  const lines = [
    '七、财政拨款“三公”经费支出决算情况说明',
    '财政拨款“三公”经费支出年初预算为 40.00 万元，支出决算为 30.00',
    '万元，完成预算的 75.00%，其中：公务用车运行维护费支出决算为 24',
    '万元，完成预算的 80.00%；公务接待费支出决算为 6.00 万元，完成',
    '预算的 60.00%。决算数小于预算数的主要原因是严格控制各项经费。',
    '2024 年度“三公”经费财政拨款支出决算数比 2023 年度决算数减',
    '少 6.00 万元，下降 16.67%，其中：公务用车运行维护费支出决算减少',
    '5.00 万元，下降 17.24%；公务接待费支出决算减少 1.00 万元，下降',
    '14.29%。',
  ];
  it('runs on: the quotes count as wide as the characters around them', () => {
    expect(paragraphs(lines)).toContain(
      '2024 年度“三公”经费财政拨款支出决算数比 2023 年度决算数减少 6.00 万元，下降 16.67%，其中：公务用车运行维护费支出决算减少5.00 万元，下降 17.24%；公务接待费支出决算减少 1.00 万元，下降14.29%。',
    );
  });
});
