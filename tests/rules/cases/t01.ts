import type { RuleCases } from '../rule-tester.js';
import { at, edit, seed } from './common.js';

export const cases: RuleCases[] = [
  {
    ruleId: 't01.income-total',
    valid: [
      { name: 'seed', model: seed },
      {
        name: 'a figure in an unlabeled line is part of the total',
        model: edit(['01', 'L12', 'amount', '5.00'], ['01', 'L1', 'amount', '2151.82']),
      },
    ],
    invalid: [
      {
        name: 'an income item changed',
        model: edit(['01', 'L1', 'amount', '2156.92']),
        findings: [
          {
            cell: at('01', 'L27', 'amount'),
            data: { actual: '2156.82', expected: '2156.92', difference: '-0.10', tolerance: '0.01' },
            related: [at('01', 'L1', 'amount')],
          },
        ],
      },
      {
        name: 'a figure typed into an unlabeled line',
        model: edit(['01', 'L12', 'amount', '5.00']),
        findings: [{ cell: at('01', 'L27', 'amount'), related: [at('01', 'L12', 'amount')] }],
      },
    ],
  },
  {
    ruleId: 't01.expenditure-total',
    valid: [
      { name: 'seed', model: seed },
      {
        name: 'within rounding: 0.02 over four classes and the total (tolerance 0.025)',
        model: edit(['01', 'L38', 'amount', '46.12']),
      },
    ],
    invalid: [
      {
        name: 'a class changed by 0.10',
        model: edit(['01', 'L38', 'amount', '46.20']),
        findings: [{ cell: at('01', 'L57', 'amount') }],
      },
      {
        name: 'beyond rounding: 0.03 over four classes and the total',
        model: edit(['01', 'L38', 'amount', '46.13']),
        findings: [{ cell: at('01', 'L57', 'amount'), data: { difference: '-0.03', tolerance: '0.025' } }],
      },
    ],
  },
  {
    ruleId: 't01.income-grand-total',
    valid: [
      { name: 'seed', model: seed },
      {
        name: 'opening balance counted',
        model: edit(['01', 'L29', 'amount', '10.00'], ['01', 'L30', 'amount', '2166.82']),
      },
    ],
    invalid: [
      {
        name: 'opening balance left out of 总计',
        model: edit(['01', 'L29', 'amount', '10.00']),
        findings: [{ cell: at('01', 'L30', 'amount') }],
      },
    ],
  },
  {
    ruleId: 't01.expenditure-grand-total',
    valid: [
      { name: 'seed', model: seed },
      {
        name: 'closing balance counted',
        model: edit(['01', 'L59', 'amount', '10.00'], ['01', 'L60', 'amount', '2166.82']),
      },
    ],
    invalid: [
      {
        name: 'closing balance left out of 总计',
        model: edit(['01', 'L59', 'amount', '10.00']),
        findings: [{ cell: at('01', 'L60', 'amount') }],
      },
    ],
  },
  {
    ruleId: 't01.grand-totals-equal',
    valid: [{ name: 'seed', model: seed }],
    invalid: [
      {
        name: 'expenditure 总计 differs',
        model: edit(['01', 'L60', 'amount', '2156.90']),
        findings: [{ cell: at('01', 'L30', 'amount'), related: [at('01', 'L60', 'amount')], messageId: 'not-equal' }],
      },
    ],
  },
];
