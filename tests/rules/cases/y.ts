import type { WorkbookModel } from '../../../src/model/types.js';
import type { RuleCases } from '../rule-tester.js';
import { seedModel, t07 } from '../seed-model.js';
import { at, edit, seed, type Edit } from './common.js';

/**
 * Year-over-year rules (rules/y.yaml): this year's 年初 against last year's 年末. Last year's
 * workbook is the seed again under another file name, edited; the rules see it only as `previous`.
 */

/** The model as if read from another file (the previous year's). */
function asFile(m: WorkbookModel, file: string): WorkbookModel {
  return {
    ...m,
    file,
    tables: m.tables.map((t) => ({
      ...t,
      file,
      rows: t.rows.map((r) => ({
        ...r,
        cells: Object.fromEntries(Object.entries(r.cells).map(([k, c]) => [k, { ...c, ref: { ...c.ref, file } }])),
      })),
    })),
  };
}

/** Last year's workbook: the seed with these edits, in prev.xlsx. */
function prev(...edits: Edit[]): WorkbookModel {
  return asFile(edits.length > 0 ? edit(...(edits as [Edit, ...Edit[]])) : seed, 'prev.xlsx');
}

/** One table of a model declared in 元 (its figures as given). */
function inYuan(m: WorkbookModel, kind: string): WorkbookModel {
  return { ...m, tables: m.tables.map((t) => (t.kind === kind ? { ...t, unit: '元' as const } : t)) };
}

const fund = seedModel(t07());
const fundPrev = (closing: string) =>
  asFile(edit(fund, ['07', 'TOTAL', 'closing', closing], ['07', 'F2120803', 'closing', closing]), 'prev.xlsx');

export const cases: RuleCases[] = [
  {
    ruleId: 'y.t01.opening-balance',
    valid: [
      { name: 'no balance either year', model: seed, previous: prev() },
      {
        name: 'last year’s 年末 carried to this year’s 年初',
        model: edit(['01', 'L29', 'amount', '10.00']),
        previous: prev(['01', 'L59', 'amount', '10.00']),
      },
      {
        name: 'last year in 元: 100000.00 元 is 10.00 万元',
        model: edit(['01', 'L29', 'amount', '10.00']),
        previous: inYuan(prev(['01', 'L59', 'amount', '100000.00']), '01'),
      },
      { name: 'without a previous workbook nothing is compared', model: edit(['01', 'L29', 'amount', '10.00']) },
    ],
    invalid: [
      {
        name: 'last year closed with 50.00, this year opens with nothing',
        model: seed,
        previous: prev(['01', 'L59', 'amount', '50.00']),
        findings: [
          {
            cell: at('01', 'L29', 'amount'),
            data: { actual: '0.00', expected: '50.00', difference: '-50.00' },
            related: [at('01', 'L59', 'amount')],
          },
        ],
      },
      {
        name: 'last year in 元: 100100.00 元 is 10.01 万元, not 10.00',
        model: edit(['01', 'L29', 'amount', '10.00']),
        previous: inYuan(prev(['01', 'L59', 'amount', '100100.00']), '01'),
        findings: [{ cell: at('01', 'L29', 'amount'), data: { expected: '10.01' } }],
      },
    ],
  },
  {
    ruleId: 'y.t04.opening-balance',
    valid: [
      { name: 'no balance either year', model: seed, previous: prev() },
      {
        name: 'carried over',
        model: edit(['04', 'L28', 'amount', '8.00']),
        previous: prev(['04', 'L60', 'subtotal', '8.00']),
      },
    ],
    invalid: [
      {
        name: 'opening differs from last year’s closing',
        model: edit(['04', 'L28', 'amount', '8.00']),
        previous: prev(['04', 'L60', 'subtotal', '18.00']),
        findings: [
          {
            cell: at('04', 'L28', 'amount'),
            data: { actual: '8.00', expected: '18.00' },
            related: [at('04', 'L60', 'subtotal')],
          },
        ],
      },
    ],
  },
  {
    ruleId: 'y.t04.opening-general',
    valid: [
      {
        name: 'carried over',
        model: edit(['04', 'L29', 'amount', '8.00']),
        previous: prev(['04', 'L60', 'general', '8.00']),
      },
    ],
    invalid: [
      {
        name: 'not carried over',
        model: seed,
        previous: prev(['04', 'L60', 'general', '8.00']),
        findings: [{ cell: at('04', 'L29', 'amount') }],
      },
    ],
  },
  {
    ruleId: 'y.t04.opening-fund',
    valid: [
      {
        name: 'carried over',
        model: edit(['04', 'L30', 'amount', '3.00']),
        previous: prev(['04', 'L60', 'fund', '3.00']),
      },
    ],
    invalid: [
      {
        name: 'opening without a closing last year',
        model: edit(['04', 'L30', 'amount', '3.00']),
        previous: prev(),
        findings: [{ cell: at('04', 'L30', 'amount') }],
      },
    ],
  },
  {
    ruleId: 'y.t04.opening-state-capital',
    valid: [
      {
        name: 'carried over',
        model: edit(['04', 'L31', 'amount', '1.00']),
        previous: prev(['04', 'L60', 'state-capital', '1.00']),
      },
    ],
    invalid: [
      {
        name: 'not carried over',
        model: seed,
        previous: prev(['04', 'L60', 'state-capital', '1.00']),
        findings: [{ cell: at('04', 'L31', 'amount') }],
      },
    ],
  },
  {
    ruleId: 'y.t07.opening',
    valid: [
      {
        name: '合计: last year closed with what this year opens with (10.00)',
        model: fund,
        previous: fundPrev('10.00'),
      },
      { name: 'no 合计 closing last year and none opening (the seed)', model: seed, previous: prev() },
    ],
    invalid: [
      {
        name: '合计: last year closed with 20.00',
        model: fund,
        previous: fundPrev('20.00'),
        findings: [
          { cell: at('07', 'TOTAL', 'opening', undefined, fund), data: { actual: '10.00', expected: '20.00' } },
        ],
      },
    ],
  },
  {
    ruleId: 'y.t07.opening-row',
    valid: [
      { name: 'each subject carried over', model: fund, previous: fundPrev('10.00') },
      { name: 'a subject last year did not have is not compared', model: fund, previous: prev() },
    ],
    invalid: [
      {
        name: 'the subject closed with 20.00 last year',
        model: fund,
        previous: fundPrev('20.00'),
        findings: [
          {
            cell: at('07', 'F2120803', 'opening', undefined, fund),
            related: [at('07', 'F2120803', 'closing', undefined, fund)],
          },
        ],
      },
    ],
  },
];
