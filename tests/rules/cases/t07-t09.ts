import { model, table } from '../../helpers/model-builder.js';
import type { RuleCases } from '../rule-tester.js';
import { seedModel, t07, t08 } from '../seed-model.js';
import { at, edit, seed } from './common.js';

const fund = seedModel(t07());
const fundSplit = seedModel(t07(true));
const capital = seedModel(t08());
const capitalSplit = seedModel(t08(true));
const in07 = (m: typeof seed, rowKey: string, column: string) => at('07', rowKey, column, undefined, m);
const in08 = (m: typeof seed, rowKey: string, column: string) => at('08', rowKey, column, undefined, m);
const sangong = (budget: Record<string, string>, actual: Record<string, string>) =>
  model([
    table('09', [
      { block: 'budget', cells: budget },
      { block: 'actual', cells: actual },
    ]),
  ]);

export const cases: RuleCases[] = [
  {
    ruleId: 't07.row-subtotal',
    valid: [
      { name: 'seed (empty table)', model: seed },
      { name: 'with spending', model: fund },
    ],
    invalid: [
      {
        name: '基本支出 added',
        model: edit(fund, ['07', 'F2120803', 'basic', '5.00']),
        findings: [{ cell: in07(fund, 'F2120803', 'subtotal') }],
      },
    ],
  },
  {
    ruleId: 't07.row-balance',
    valid: [{ name: '10 + 100 − 90 = 20', model: fund }],
    invalid: [
      {
        name: '年末 wrong',
        model: edit(fund, ['07', 'F2120803', 'closing', '25.00']),
        findings: [{ cell: in07(fund, 'F2120803', 'closing') }],
      },
    ],
  },
  {
    ruleId: 't07.total-leaves',
    valid: [
      { name: 'with spending', model: fund },
      { name: 'with 类/款 rows', model: fundSplit },
    ],
    invalid: [
      {
        name: '合计 本年收入 wrong',
        model: edit(fund, ['07', 'TOTAL', 'income', '110.00']),
        findings: [{ cell: in07(fund, 'TOTAL', 'income') }],
      },
    ],
  },
  {
    ruleId: 't07.rollup',
    valid: [{ name: 'with 类/款 rows', model: fundSplit }],
    invalid: [
      {
        name: '类 row wrong',
        model: edit(fundSplit, ['07', 'F212', 'project', '80.00']),
        findings: [{ cell: in07(fundSplit, 'F212', 'project') }],
      },
    ],
  },
  {
    ruleId: 't08.row-total',
    valid: [
      { name: 'seed (empty table)', model: seed },
      { name: 'with spending', model: capital },
    ],
    invalid: [
      {
        name: '基本支出 added',
        model: edit(capital, ['08', 'F2230199', 'basic', '5.00']),
        findings: [{ cell: in08(capital, 'F2230199', 'total') }],
      },
    ],
  },
  {
    ruleId: 't08.total-leaves',
    valid: [
      { name: 'with spending', model: capital },
      { name: 'with 类/款 rows', model: capitalSplit },
    ],
    invalid: [
      {
        name: '合计 wrong',
        model: edit(capital, ['08', 'TOTAL', 'project', '31.00']),
        findings: [{ cell: in08(capital, 'TOTAL', 'project') }],
      },
    ],
  },
  {
    ruleId: 't08.rollup',
    valid: [{ name: 'with 类/款 rows', model: capitalSplit }],
    invalid: [
      {
        name: '款 row wrong: against its 类 and against its 项',
        model: edit(capitalSplit, ['08', 'F22301', 'total', '31.00']),
        findings: [{ cell: in08(capitalSplit, 'F223', 'total') }, { cell: in08(capitalSplit, 'F22301', 'total') }],
      },
    ],
  },
  {
    ruleId: 't09.total',
    valid: [
      { name: 'seed: budget 2.00 = 公务接待 2.00, actual blank', model: seed },
      {
        name: 'all three items',
        model: sangong({ total: '6.00', abroad: '1.00', vehicle: '3.00', reception: '2.00' }, {}),
      },
    ],
    invalid: [
      {
        name: 'actual item without its total',
        model: edit(['09', 'ROW', 'abroad', '1.00', 'actual']),
        findings: [{ cell: at('09', 'ROW', 'total', 'actual') }],
      },
      {
        name: 'budget total wrong',
        model: edit(['09', 'ROW', 'total', '3.00', 'budget']),
        findings: [{ cell: at('09', 'ROW', 'total', 'budget') }],
      },
    ],
  },
  {
    ruleId: 't09.vehicle',
    valid: [
      {
        name: 'purchase + operation',
        model: sangong({}, { vehicle: '1.50', 'vehicle-purchase': '1.00', 'vehicle-operation': '0.50' }),
      },
    ],
    invalid: [
      {
        name: 'operation without the subtotal',
        model: edit(['09', 'ROW', 'vehicle-operation', '1.00', 'budget']),
        findings: [{ cell: at('09', 'ROW', 'vehicle', 'budget') }],
      },
    ],
  },
];
