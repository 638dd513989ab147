import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import { figuresOf } from '../../src/report/figures.js';

function finding(messageId: string, data: Record<string, string>, cell = 'A1'): Finding {
  return {
    ruleId: 'r',
    severity: 'error',
    message: '',
    messageId,
    data,
    location: { file: 'a.xlsx', sheet: '表', cell },
    related: [],
  };
}

// Every narrative finding's figures (an 应为 and an 实为) are checked on the findings of every
// narrative shape fixture where they are made, in tests/narrative/shapes.test.ts.
describe('the 应为 / 实为 / 差额 figures every format shows', () => {
  it('a table identity: expected and actual, the difference with its tolerance', () => {
    expect(
      figuresOf(
        finding('not-equal', { expected: '534.65', actual: '533.65', difference: '-1.00', tolerance: '0.045' }),
      ),
    ).toEqual({ expected: '534.65', actual: '533.65', difference: '-1.00（容差 0.045）' });
  });

  it('a rate written as 100% when 决算 > 预算: 应为 the computed rate, 实为 the written one (not the 决算 amount)', () => {
    const capped = finding('rate-capped', {
      budget: '35.51万元',
      actual: '39.79万元',
      stated: '100%',
      computed: '112.05%',
    });
    expect(figuresOf(capped)).toEqual({ expected: '112.05%', actual: '100%', difference: '' });
  });

  it('a count: 应为 the items listed, 实为 the number written', () => {
    expect(figuresOf(finding('count-mismatch', { stated: '10', actual: '11', what: '列出的项目' }))).toMatchObject({
      expected: '11',
      actual: '10',
    });
  });

  it('an inequality says which way: ≥ 0.50, ≤ 2.00', () => {
    expect(figuresOf(finding('too-small', { expected: '0.50', actual: '0.00' })).expected).toBe('≥ 0.50');
    expect(figuresOf(finding('too-large', { expected: '2.00', actual: '3.00' })).expected).toBe('≤ 2.00');
  });

  it('a total a culprit elsewhere explains shows no 应为; the culprit itself does', () => {
    const data = { expected: '534.65', actual: '533.65', culprit: '表!F9', culpritValue: '392.38' };
    expect(figuresOf(finding('not-equal', data, 'F8')).expected).toBe('');
    expect(figuresOf(finding('not-equal', data, 'F9')).expected).toBe('534.65');
  });

  it('text left from the template: 实为 what is written, 应为 what it should become', () => {
    const residue = (kind: string, text: string, extra: Record<string, string> = {}) =>
      figuresOf(finding('template-residue', { residue: text, kind, ...extra }));
    expect(residue('either-or', '增加（减少）')).toMatchObject({
      expected: '「增加」或「减少」择一',
      actual: '增加（减少）',
    });
    expect(residue('percent-sign', '下降15')).toMatchObject({ expected: '下降15%', actual: '下降15' });
    expect(residue('placeholder', 'XX')).toMatchObject({ expected: '填入实际内容', actual: 'XX' });
    // the check knows the right text (年度, 科目名称, 单位名称): written against should
    expect(
      residue('year-heading', '2023年度（报告年度 2024）', { written: '2023年度', should: '2024年度' }),
    ).toMatchObject({ expected: '2024年度', actual: '2023年度' });
  });

  it('words against figures, parts that must make 100%, a rate with no budget, a change left unexplained', () => {
    expect(figuresOf(finding('reason-contradicts', { word: '增加', figures: '减少 278.06 万元' }))).toMatchObject({
      expected: '减少 278.06 万元',
      actual: '增加',
    });
    expect(figuresOf(finding('share-sum', { parts: '80% + 24%', total: '104%' }))).toMatchObject({
      expected: '100%',
      actual: '104%',
    });
    // not the 决算 amount as 应为
    expect(
      figuresOf(finding('rate-zero-budget', { budget: '0万元', actual: '2.00万元', stated: '80%' })),
    ).toMatchObject({ expected: '无法计算（预算为 0）', actual: '80%' });
    expect(
      figuresOf(finding('unexplained-change', { change: '减少 278.06 万元', changeRate: '下降 100.00%' })),
    ).toMatchObject({ expected: '说明变动原因', actual: '减少 278.06 万元（下降 100.00%），未说明' });
    expect(
      figuresOf(finding('includes', { group: '人员经费', zero: '奖金', omitted: '其他工资福利支出' })),
    ).toMatchObject({ expected: '另有支出：其他工资福利支出', actual: '列出而为 0：奖金' });
  });
});
