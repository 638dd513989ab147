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
});
