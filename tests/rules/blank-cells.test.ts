import { describe, expect, it } from 'vitest';
import { figuresOf } from '../../src/report/figures.js';
import { builtinRulePaths, loadRuleFiles, runRules } from '../../src/rules/index.js';
import { edit } from './cases/common.js';

const { rules } = loadRuleFiles(builtinRulePaths());

/** A cell the publisher left blank is 空白 in the message and the figures, not "0.00 万元". */
describe('a blank cell in a failing identity', () => {
  it('the cell a finding is about, left blank: 为空白, 实为 空白', () => {
    const findings = runRules(edit(['03', 'F2010350', 'total', '']), rules);
    const row = findings.find((f) => f.ruleId === 't03.row-total');
    expect(row?.message).toBe(
      '支出决算表 2010350 事业运行「本年支出合计」（支出决算表!C6）为空白，「基本支出」 + 「项目支出」 + 「上缴上级支出」 + 「经营支出」 + 「对附属单位补助支出」为 398.17 万元，两者应相等；差额 -398.17 万元，超出舍入容差 0.01。',
    );
    expect(row?.data.actual).toBe('0.00'); // the data stay numbers for scripts
    expect(figuresOf(row as never)).toMatchObject({ expected: '398.17', actual: '空白' });
  });

  it('the other side, one blank cell: 为空白, 应为 空白', () => {
    const findings = runRules(edit(['02', 'TOTAL', 'total', '']), rules);
    const cross = findings.find((f) => f.ruleId === 'x.t01-t02.income-total');
    expect(cross?.message).toBe(
      '收入支出决算总表 第27行「本年收入合计」「金额」（收入支出决算总表!C31）为 2156.82 万元，收入决算表 合计「本年收入合计」为空白，两者应相等；差额 2156.82 万元，超出舍入容差 0.005。',
    );
    expect(figuresOf(cross as never)).toMatchObject({ expected: '空白', actual: '2156.82' });
  });

  it('a side that sums to zero is a number, not 空白', () => {
    const findings = runRules(edit(['01', 'L27', 'amount', '']), rules);
    const grand = findings.find((f) => f.ruleId === 't01.income-grand-total');
    expect(grand?.message).toContain('「年初结转和结余」「金额」为 0.00 万元，两者应相等');
    expect(figuresOf(grand as never).expected).toBe('0.00');
  });
});
