import type { RuleCases } from '../rule-tester.js';
import { without } from '../../helpers/model-builder.js';
import { at, edit, seed } from './common.js';

export const cases: RuleCases[] = [
  {
    ruleId: 'cells.unreadable',
    valid: [{ name: 'seed', model: seed }, { name: 'dashes are blanks, not unreadable', model: edit(['03', 'F2010399', 'basic', '—']) }],
    invalid: [
      {
        name: 'an error value',
        model: edit(['03', 'F2010350', 'basic', '#REF!']),
        findings: [{ cell: at('03', 'F2010350', 'basic'), messageId: 'unreadable-cell', data: { raw: '#REF!', column: '基本支出' } }],
      },
      {
        name: 'a word is not a zero; two cells, two findings in sheet order',
        model: edit(['01', 'L5', 'amount', '无'], ['01', 'L4', 'amount', '见说明']),
        findings: [{ cell: at('01', 'L4', 'amount') }, { cell: at('01', 'L5', 'amount') }],
      },
    ],
  },
  {
    ruleId: 'tables.missing',
    valid: [{ name: 'seed: all nine', model: seed }],
    invalid: [{ name: '07 and 08 not published', model: without(seed, '07', '08'), findings: [{ cell: null, data: { kind: '07' } }, { cell: null, data: { kind: '08' } }] }],
  },
];
