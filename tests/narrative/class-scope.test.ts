import { beforeAll, describe, expect, it } from 'vitest';
import type { WorkbookModel } from '../../src/model/types.js';
import { readFixture } from '../helpers/fixtures.js';
import { withCell } from '../helpers/model-builder.js';
import { ruleIds } from './helpers.js';

/**
 * A 功能分类 class's figure in the text may be all of the department's spending on it (收入支出决算总表)
 * or only its 一般公共预算财政拨款 part (一般公共预算财政拨款支出决算表): the section on the general budget
 * lists the classes with the second ("一般公共预算财政拨款支出 A 万元，主要用于：某支出（类）a 万元，占…").
 * The two differ whenever the class is also paid from a fund or from the unit's own income.
 */
describe('a class restated at either fund scope', () => {
  let seed: WorkbookModel;
  /** The seed with 208 paid 4.00 more from outside the general budget: all funds 50.10, general budget 46.10. */
  let widened: WorkbookModel;
  beforeAll(async () => {
    seed = await readFixture('seed-2024.xlsx');
    const row = seed.tables
      .find((t) => t.kind === '01')
      ?.rows.find((r) => r.block === 'expenditure' && r.key.code === '208');
    if (!row) throw new Error('seed has no 208 row in table 01');
    widened = withCell(seed, '01', row.key.id, 'amount', '50.10', 'expenditure');
  });

  it('matches the general-budget figure', () => {
    expect(ruleIds(['社会保障和就业支出（类）46.10 万元。'], widened)).toEqual([]);
    expect(
      ruleIds(['一般公共预算财政拨款支出主要用于以下方面：社会保障和就业支出（类）46.10 万元。'], widened),
    ).toEqual([]);
  });

  it('matches the all-funds figure', () => {
    expect(ruleIds(['社会保障和就业支出（类）50.10 万元。'], widened)).toEqual([]);
  });

  it('still reports a figure that is neither', () => {
    expect(ruleIds(['社会保障和就业支出（类）47.10 万元。'], widened)).toEqual(['n.amount']);
    expect(ruleIds(['社会保障和就业（类）支出 48.1 万元。'], widened)).toEqual(['n.amount']);
  });
});
