import type { RuleCases } from '../rule-tester.js';
import { seedModel, t04 } from '../seed-model.js';
import { at, edit, seed } from './common.js';

/** 04 lines: income 1–32 (27 合计, 28 年初, 29–31 its funds, 32 总计); expenditure 33–64 (59 合计, 60 年末, 64 总计). */
const closingLines = seedModel(t04(true));

export const cases: RuleCases[] = [
  {
    ruleId: 't04.income-total',
    valid: [{ name: 'seed', model: seed }],
    invalid: [
      {
        name: 'a fund line without the total',
        model: edit(['04', 'L2', 'amount', '5.00']),
        findings: [{ cell: at('04', 'L27', 'amount') }],
      },
    ],
  },
  {
    ruleId: 't04.income-opening',
    valid: [
      { name: 'seed', model: seed },
      {
        name: 'opening balance with its general-budget line',
        model: edit(['04', 'L28', 'amount', '3.00'], ['04', 'L29', 'amount', '3.00']),
      },
    ],
    invalid: [
      {
        name: 'a fund line without 年初 itself',
        model: edit(['04', 'L29', 'amount', '3.00']),
        findings: [{ cell: at('04', 'L28', 'amount') }],
      },
    ],
  },
  {
    ruleId: 't04.income-grand-total',
    valid: [
      { name: 'seed', model: seed },
      {
        name: 'the fund lines under 年初 are not added twice',
        model: edit(
          ['04', 'L28', 'amount', '3.00'],
          ['04', 'L29', 'amount', '3.00'],
          ['04', 'L32', 'amount', '2159.82'],
        ),
      },
    ],
    invalid: [
      {
        name: '年初 left out of 总计',
        model: edit(['04', 'L28', 'amount', '3.00']),
        findings: [{ cell: at('04', 'L32', 'amount') }],
      },
    ],
  },
  {
    ruleId: 't04.row-subtotal',
    valid: [{ name: 'seed', model: seed }],
    invalid: [
      {
        name: 'a class row',
        model: edit(['04', 'L33', 'general', '2015.50']),
        findings: [{ cell: at('04', 'L33', 'subtotal') }],
      },
      {
        name: 'the 总计 row',
        model: edit(['04', 'L64', 'fund', '1.00']),
        findings: [{ cell: at('04', 'L64', 'subtotal') }],
      },
    ],
  },
  {
    ruleId: 't04.expenditure-total',
    valid: [{ name: 'seed', model: seed }],
    invalid: [
      {
        name: 'a class changed in two columns: one finding per column',
        model: edit(['04', 'L40', 'subtotal', '46.20'], ['04', 'L40', 'general', '46.20']),
        findings: [{ cell: at('04', 'L59', 'subtotal') }, { cell: at('04', 'L59', 'general') }],
      },
    ],
  },
  {
    ruleId: 't04.expenditure-closing',
    valid: [
      { name: 'seed: lines 61–63 unlabeled, nothing to add up', model: seed },
      {
        name: 'labeled fund lines that add up',
        model: edit(closingLines, ['04', 'L60', 'subtotal', '1.00'], ['04', 'L61', 'subtotal', '1.00']),
      },
    ],
    invalid: [
      {
        name: '年末 without its fund lines',
        model: edit(closingLines, ['04', 'L60', 'subtotal', '1.00']),
        findings: [{ cell: at('04', 'L60', 'subtotal', undefined, closingLines) }],
      },
    ],
  },
  {
    ruleId: 't04.expenditure-grand-total',
    valid: [{ name: 'seed', model: seed }],
    invalid: [
      {
        name: '总计 general column',
        model: edit(['04', 'L64', 'general', '2156.92']),
        findings: [{ cell: at('04', 'L64', 'general') }],
      },
    ],
  },
  {
    ruleId: 't04.grand-totals-equal',
    valid: [{ name: 'seed', model: seed }],
    invalid: [
      {
        name: 'income 总计 changed',
        model: edit(['04', 'L32', 'amount', '2156.92']),
        findings: [{ cell: at('04', 'L32', 'amount') }],
      },
    ],
  },
  {
    ruleId: 't04.general-balance',
    valid: [
      { name: 'seed', model: seed },
      {
        name: 'carried over in and out',
        model: edit(
          ['04', 'L28', 'amount', '10.00'],
          ['04', 'L29', 'amount', '10.00'],
          ['04', 'L60', 'general', '10.00'],
          ['04', 'L60', 'subtotal', '10.00'],
        ),
      },
    ],
    invalid: [
      {
        name: 'opening balance not spent nor carried',
        model: edit(['04', 'L29', 'amount', '10.00']),
        findings: [{ cell: at('04', 'L1', 'amount') }],
      },
    ],
  },
  {
    ruleId: 't04.fund-balance',
    valid: [{ name: 'income spent', model: edit(['04', 'L2', 'amount', '5.00'], ['04', 'L59', 'fund', '5.00']) }],
    invalid: [
      {
        name: 'income neither spent nor carried',
        model: edit(['04', 'L2', 'amount', '5.00']),
        findings: [{ cell: at('04', 'L2', 'amount') }],
      },
    ],
  },
  {
    ruleId: 't04.state-capital-balance',
    valid: [
      {
        name: 'income carried to 年末',
        model: edit(['04', 'L3', 'amount', '5.00'], ['04', 'L60', 'state-capital', '5.00']),
      },
    ],
    invalid: [
      {
        name: 'income neither spent nor carried',
        model: edit(['04', 'L3', 'amount', '5.00']),
        findings: [{ cell: at('04', 'L3', 'amount') }],
      },
    ],
  },
];
