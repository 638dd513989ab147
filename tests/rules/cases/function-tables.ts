import type { RuleCases } from '../rule-tester.js';
import { functionTable, seedModel, T02, T03, T05, type Columns } from '../seed-model.js';
import { at, edit, seed } from './common.js';

/** 02, 03, 05: per-row sums, 合计 = Σ leaves, 类/款 roll-ups, on the published layout and on 类/款 rows. */

function shared(kind: '02' | '03' | '05', columns: Columns, first: string, second: string): RuleCases[] {
  const split = seedModel(functionTable(kind, columns, true));
  const splitAt = (rowKey: string, column: string) => at(kind, rowKey, column, undefined, split);
  return [
    {
      ruleId: `t${kind}.total-leaves`,
      valid: [
        { name: 'seed (项 rows only)', model: seed },
        { name: 'with 类 and 款 subtotal rows', model: split },
      ],
      invalid: [
        {
          name: '合计 changed',
          model: edit([kind, 'TOTAL', second, '2156.92']),
          findings: [{ cell: at(kind, 'TOTAL', second) }],
        },
        {
          name: 'a 项 row changed, subtotal rows present',
          model: edit(split, [kind, 'F2210202', first, '8.96']),
          findings: [{ cell: splitAt('TOTAL', first), related: [splitAt('F2210202', first)] }],
        },
      ],
    },
    {
      ruleId: `t${kind}.rollup`,
      valid: [
        { name: 'with 类 and 款 subtotal rows', model: split },
        { name: 'seed: no subtotal rows, nothing to roll up', model: seed },
      ],
      invalid: [
        {
          name: 'a 类 row changed',
          model: edit(split, [kind, 'F201', first, '2015.65']),
          findings: [{ cell: splitAt('F201', first) }],
        },
        {
          name: 'a 项 row changed: its 款 is reported, the 类 (= Σ 款) is not',
          model: edit(split, [kind, 'F2010350', second, '398.27']),
          findings: [{ cell: splitAt('F20103', second), related: [splitAt('F2010350', second)] }],
        },
      ],
    },
  ];
}

export const cases: RuleCases[] = [
  {
    ruleId: 't02.row-total',
    valid: [
      { name: 'seed', model: seed },
      {
        name: 'one cent apart is within rounding (tolerance 0.01)',
        model: edit(['02', 'F2010350', 'total', '398.18']),
      },
    ],
    invalid: [
      {
        name: 'a source column changed',
        model: edit(['02', 'F2010350', 'fiscal', '398.07']),
        findings: [{ cell: at('02', 'F2010350', 'total') }],
      },
      {
        name: 'two cents apart',
        model: edit(['02', 'F2010350', 'total', '398.19']),
        findings: [{ cell: at('02', 'F2010350', 'total'), data: { tolerance: '0.01' } }],
      },
      {
        name: 'every source column counts (其他收入)',
        model: edit(['02', 'F2210202', 'other', '1.00']),
        findings: [{ cell: at('02', 'F2210202', 'total') }],
      },
    ],
  },
  ...shared('02', T02, 'total', 'fiscal'),
  {
    ruleId: 't03.row-total',
    valid: [
      { name: 'seed', model: seed },
      {
        name: 'spending moved from 基本 to 项目',
        model: edit(['03', 'F2010350', 'basic', '390.38'], ['03', 'F2010350', 'project', '7.79']),
      },
    ],
    invalid: [
      {
        name: '基本支出 changed',
        model: edit(['03', 'F2010350', 'basic', '392.48']),
        findings: [{ cell: at('03', 'F2010350', 'total') }],
      },
      {
        name: '合计 row',
        model: edit(['03', 'TOTAL', 'project', '1623.27']),
        findings: [{ cell: at('03', 'TOTAL', 'total') }],
      },
      {
        name: 'every column counts (对附属单位补助支出)',
        model: edit(['03', 'F2210202', 'subsidiary', '1.00']),
        findings: [{ cell: at('03', 'F2210202', 'total') }],
      },
    ],
  },
  ...shared('03', T03, 'total', 'basic'),
  {
    ruleId: 't05.row-subtotal',
    valid: [{ name: 'seed', model: seed }],
    invalid: [
      {
        name: '项目支出 changed',
        model: edit(['05', 'F2010399', 'project', '1589.33']),
        findings: [{ cell: at('05', 'F2010399', 'subtotal') }],
      },
      {
        name: '合计 row',
        model: edit(['05', 'TOTAL', 'basic', '533.75']),
        findings: [{ cell: at('05', 'TOTAL', 'subtotal') }],
      },
    ],
  },
  ...shared('05', T05, 'subtotal', 'basic'),
];
