import type { RuleCases } from '../rule-tester.js';
import { seedModel, t06 } from '../seed-model.js';
import { at, edit, seed } from './common.js';

const noClasses = seedModel(t06(true));

export const cases: RuleCases[] = [
  {
    ruleId: 't06.rollup',
    valid: [
      { name: 'seed: 301 = 490.18 against lines 490.17, within rounding (nine lines, tolerance 0.05)', model: seed },
    ],
    invalid: [
      {
        name: '类 row changed',
        model: edit(['06', 'E301', 'amount', '490.25']),
        findings: [{ cell: at('06', 'E301', 'amount'), data: { difference: '0.08', tolerance: '0.05' } }],
      },
      {
        name: 'beyond rounding: 0.06 over ten 302 lines (tolerance 0.055)',
        model: edit(['06', 'E302', 'amount', '43.53']),
        findings: [{ cell: at('06', 'E302', 'amount'), data: { difference: '0.06', tolerance: '0.055' } }],
      },
      {
        name: '款 line changed',
        model: edit(['06', 'E30101', 'amount', '87.95']),
        findings: [{ cell: at('06', 'E301', 'amount'), related: [at('06', 'E30101', 'amount')] }],
      },
    ],
  },
  {
    ruleId: 't06.personnel-total',
    valid: [
      { name: 'seed', model: seed },
      { name: 'no 类 rows: the 款 lines add up', model: noClasses },
    ],
    invalid: [
      {
        name: '人员经费合计 changed',
        model: edit(['06', 'R:personnel-total', 'amount', '490.28']),
        findings: [{ cell: at('06', 'R:personnel-total', 'amount') }],
      },
      {
        name: '303 counts',
        model: edit(['06', 'E303', 'amount', '1.00']),
        findings: [{ cell: at('06', 'R:personnel-total', 'amount'), related: [at('06', 'E303', 'amount')] }],
      },
    ],
  },
  {
    ruleId: 't06.public-total',
    valid: [
      { name: 'seed', model: seed },
      { name: 'no 类 rows: the 款 lines add up', model: noClasses },
    ],
    invalid: [
      {
        name: '公用经费合计 changed',
        model: edit(['06', 'R:public-total', 'amount', '43.57']),
        findings: [{ cell: at('06', 'R:public-total', 'amount') }],
      },
      {
        name: '310 counts',
        model: edit(['06', 'E310', 'amount', '1.00']),
        findings: [{ cell: at('06', 'R:public-total', 'amount') }],
      },
    ],
  },
];
