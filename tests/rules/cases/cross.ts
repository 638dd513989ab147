import { codeTable, without } from '../../helpers/model-builder.js';
import type { RuleCases } from '../rule-tester.js';
import { functionTable, seedModel, t07, t08, T03, T05 } from '../seed-model.js';
import { at, edit, seed } from './common.js';

/** 04 expenditure lines of the classes used below: 33 = 201, 43 = 212 城乡社区, 51 = 221 住房保障, 53 = 223. */
const yuan = (total: string) => seedModel(codeTable('02', [['合计', { total, fiscal: total }]], { unit: '元' }));
const fund = seedModel(t07());
const capital = seedModel(t08());

/** The four 06 lines the 三公 table must not fall below (advisory). */
function sangong(id: string, code: string, column: string): RuleCases {
  return {
    ruleId: id,
    valid: [
      { name: 'seed: both blank', model: seed },
      { name: 'equal', model: edit(['06', `E${code}`, 'amount', '1.00'], ['09', 'ROW', column, '1.00', 'actual']) },
      {
        name: '三公 larger (project spending too)',
        model: edit(['06', `E${code}`, 'amount', '1.00'], ['09', 'ROW', column, '2.00', 'actual']),
      },
    ],
    invalid: [
      {
        name: 'basic spending on it but none in 三公',
        model: edit(['06', `E${code}`, 'amount', '1.00']),
        findings: [
          {
            cell: at('09', 'ROW', column, 'actual'),
            messageId: 'too-small',
            related: [at('06', `E${code}`, 'amount')],
          },
        ],
      },
    ],
  };
}

/** Economic ↔ function pairs (info): 06 line against 05 basic spending of the codes. */
function pair(id: string, code: string, value: string, fnCode: string): RuleCases {
  return {
    ruleId: id,
    valid: [{ name: 'seed', model: seed }],
    invalid: [
      {
        name: `${code} differs from ${fnCode}`,
        model: edit(['06', `E${code}`, 'amount', value]),
        findings: [{ cell: at('06', `E${code}`, 'amount'), related: [at('05', `F${fnCode}`, 'basic')] }],
      },
    ],
  };
}

export const cases: RuleCases[] = [
  {
    ruleId: 'x.t01-t02.income-total',
    valid: [
      { name: 'seed', model: seed },
      { name: '02 in 元: 21568249.00 元 = 2156.8249 万元, within 2156.82 ± 0.005', model: yuan('21568249.00') },
      { name: '02 missing: skipped (tables.missing says so)', model: without(seed, '02') },
    ],
    invalid: [
      {
        name: '02 合计 differs',
        model: edit(['02', 'TOTAL', 'total', '2156.92']),
        findings: [{ cell: at('01', 'L27', 'amount'), related: [at('02', 'TOTAL', 'total')] }],
      },
      {
        name: '02 in 元, one cent of 万元 off: tolerance 0.005 + 0.0000005',
        model: yuan('21568300.00'),
        findings: [
          {
            cell: at('01', 'L27', 'amount'),
            data: { expected: '2156.83', difference: '-0.01', tolerance: '0.0050005', unit: '万元' },
          },
        ],
      },
    ],
  },
  {
    ruleId: 'x.t01-t03.expenditure-total',
    valid: [{ name: 'seed', model: seed }],
    invalid: [
      {
        name: '03 合计 differs',
        model: edit(['03', 'TOTAL', 'total', '2156.92']),
        findings: [{ cell: at('01', 'L57', 'amount') }],
      },
    ],
  },
  {
    ruleId: 'x.t01-t03.class',
    valid: [
      { name: 'seed: 201 = 2010350 + 2010399 + 2013799', model: seed },
      { name: '03 with 类/款 rows: the 类 row is taken', model: seedModel(functionTable('03', T03, true)) },
    ],
    invalid: [
      {
        name: 'a 项 row of 201 changed',
        model: edit(['03', 'F2010350', 'total', '398.27']),
        findings: [{ cell: at('01', 'L31', 'amount'), related: [at('03', 'F2010350', 'total')] }],
      },
      {
        name: 'a class with spending but no rows in 03',
        model: edit(['01', 'L35', 'amount', '1.00']),
        findings: [{ cell: at('01', 'L35', 'amount'), data: { expected: '0.00' } }],
      },
    ],
  },
  {
    ruleId: 'x.t01-t02.fiscal',
    valid: [{ name: 'seed', model: seed }],
    invalid: [
      {
        name: '02 财政拨款收入 合计 differs',
        model: edit(['02', 'TOTAL', 'fiscal', '2156.92']),
        findings: [{ cell: at('02', 'TOTAL', 'fiscal') }],
      },
    ],
  },
  {
    ruleId: 'x.t01-t04.general-budget',
    valid: [{ name: 'seed', model: seed }],
    invalid: [
      {
        name: '04 line 1 differs',
        model: edit(['04', 'L1', 'amount', '2156.92']),
        findings: [{ cell: at('01', 'L1', 'amount'), related: [at('04', 'L1', 'amount')] }],
      },
    ],
  },
  {
    ruleId: 'x.t01-t04.gov-fund',
    valid: [
      { name: 'seed', model: seed },
      { name: 'both 5.00', model: edit(['04', 'L2', 'amount', '5.00'], ['01', 'L2', 'amount', '5.00']) },
    ],
    invalid: [
      { name: 'only 04', model: edit(['04', 'L2', 'amount', '5.00']), findings: [{ cell: at('01', 'L2', 'amount') }] },
    ],
  },
  {
    ruleId: 'x.t01-t04.state-capital',
    valid: [{ name: 'seed', model: seed }],
    invalid: [
      { name: 'only 01', model: edit(['01', 'L3', 'amount', '5.00']), findings: [{ cell: at('01', 'L3', 'amount') }] },
    ],
  },
  {
    ruleId: 'x.t04-t05.class',
    valid: [
      { name: 'seed', model: seed },
      { name: '05 with 类/款 rows', model: seedModel(functionTable('05', T05, true)) },
    ],
    invalid: [
      {
        name: '05 row of 221 differs',
        model: edit(['05', 'F2210201', 'subtotal', '45.00']),
        findings: [{ cell: at('04', 'L51', 'general') }],
      },
    ],
  },
  {
    ruleId: 'x.t04-t05.total',
    valid: [{ name: 'seed', model: seed }],
    invalid: [
      {
        name: '05 合计 differs',
        model: edit(['05', 'TOTAL', 'subtotal', '2157.00']),
        findings: [{ cell: at('05', 'TOTAL', 'subtotal') }],
      },
    ],
  },
  {
    ruleId: 'x.t04-t07.class',
    valid: [
      { name: 'seed', model: seed },
      { name: '04 212 fund column = 07', model: edit(fund, ['04', 'L43', 'fund', '90.00']) },
    ],
    invalid: [
      {
        name: '07 spending missing from 04',
        model: fund,
        findings: [{ cell: at('04', 'L43', 'fund', undefined, fund) }],
      },
    ],
  },
  {
    ruleId: 'x.t04-t07.total',
    valid: [
      { name: 'seed', model: seed },
      { name: 'equal', model: edit(fund, ['04', 'L59', 'fund', '90.00']) },
    ],
    invalid: [
      {
        name: '07 spending missing from 04',
        model: fund,
        findings: [{ cell: at('07', 'TOTAL', 'subtotal', undefined, fund) }],
      },
    ],
  },
  {
    ruleId: 'x.t04-t07.income',
    valid: [
      { name: 'seed', model: seed },
      { name: 'equal', model: edit(fund, ['04', 'L2', 'amount', '100.00']) },
    ],
    invalid: [
      {
        name: '07 income missing from 04',
        model: fund,
        findings: [{ cell: at('07', 'TOTAL', 'income', undefined, fund) }],
      },
    ],
  },
  {
    ruleId: 'x.t04-t08.class',
    valid: [
      { name: 'seed', model: seed },
      { name: 'equal', model: edit(capital, ['04', 'L53', 'state-capital', '30.00']) },
    ],
    invalid: [
      {
        name: '08 spending missing from 04',
        model: capital,
        findings: [{ cell: at('04', 'L53', 'state-capital', undefined, capital) }],
      },
    ],
  },
  {
    ruleId: 'x.t04-t08.total',
    valid: [{ name: 'seed', model: seed }],
    invalid: [
      {
        name: '08 spending missing from 04',
        model: capital,
        findings: [{ cell: at('08', 'TOTAL', 'total', undefined, capital) }],
      },
    ],
  },
  {
    ruleId: 'x.t05-t06.basic-split',
    valid: [{ name: 'seed: 490.18 + 43.47 = 533.65', model: seed }],
    invalid: [
      {
        name: '人员经费合计 differs',
        model: edit(['06', 'R:personnel-total', 'amount', '490.28']),
        findings: [
          {
            cell: at('05', 'TOTAL', 'basic'),
            related: [at('06', 'R:personnel-total', 'amount'), at('06', 'R:public-total', 'amount')],
          },
        ],
      },
    ],
  },
  {
    ruleId: 'x.t03-t05.within',
    valid: [{ name: 'seed: 05 = 03 row by row', model: seed }],
    invalid: [
      {
        name: '05 basic above 03',
        model: edit(['05', 'F2010350', 'basic', '400.00']),
        findings: [{ cell: at('05', 'F2010350', 'basic'), messageId: 'too-large', data: { difference: '7.62' } }],
      },
    ],
  },
  {
    ruleId: 'x.t03-t05.same-totals',
    valid: [
      { name: 'seed: only general-budget income, 03 and 05 合计 print the same', model: seed },
      {
        name: '05 合计 one cent off, but the unit has 事业收入 too (03 holds more than 05)',
        model: edit(['01', 'L5', 'amount', '0.01'], ['05', 'TOTAL', 'project', '1623.16']),
      },
      {
        name: '05 合计 one cent off, with a 年初结转和结余 the general budget may not hold',
        model: edit(['01', 'L29', 'amount', '3.00'], ['05', 'TOTAL', 'project', '1623.16']),
      },
    ],
    invalid: [
      {
        name: '05 合计 项目支出 the sum of its rounded lines, one cent below 03’s',
        model: edit(['05', 'TOTAL', 'project', '1623.16']),
        findings: [
          {
            cell: at('05', 'TOTAL', 'project'),
            messageId: 'same-totals',
            data: { actual: '1623.16', expected: '1623.17', difference: '-0.01' },
            related: [at('03', 'TOTAL', 'project')],
          },
        ],
      },
    ],
  },
  sangong('x.t06-t09.abroad', '30212', 'abroad'),
  sangong('x.t06-t09.reception', '30217', 'reception'),
  sangong('x.t06-t09.vehicle-operation', '30231', 'vehicle-operation'),
  sangong('x.t06-t09.vehicle-purchase', '31013', 'vehicle-purchase'),
  pair('x.t05-t06.pension', '30108', '40.79', '2080505'),
  pair('x.t05-t06.medical', '30110', '21.79', '2101102'),
  pair('x.t05-t06.civil-medical', '30111', '22.51', '2101103'),
  pair('x.t05-t06.housing-fund', '30113', '45.91', '2210201'),
];
