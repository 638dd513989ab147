import { describe, expect, it } from 'vitest';
import { checkNarrative } from '../../src/narrative/check.js';
import { readSheets, type CellInput } from '../helpers/sheet.js';
import { narrativeRules } from './helpers.js';

/** The MOF layout of a 部门整体支出绩效自评表: 年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分. */
function unitForm(rate: CellInput, score: CellInput) {
  return readSheets([
    {
      name: '整体绩效',
      rows: [
        ['2024年度部门整体支出绩效自评表'],
        ['单位名称：某单位'],
        [
          '年度预算执行情况（万元）',
          null,
          '年初预算数',
          '全年预算数（A）',
          '全年执行数（B）',
          '分值',
          '执行率（B/A）',
          '得分',
        ],
        [null, '年度资金总额', 2339.51, 2339.51, 2156.82, 10, rate, score],
      ],
    },
  ]);
}

const found = (rate: CellInput, score: CellInput) =>
  checkNarrative({ model: unitForm(rate, score), rules: narrativeRules }).findings.map(
    (f) => `${f.ruleId} ${f.location.cell}`,
  );

describe('绩效自评表 with a 分值 column', () => {
  it('reads the columns by their header words', () => {
    const t = unitForm('92.19%', 9.219).tables[0];
    expect(t?.kind).toBe('P01');
    expect(t?.columns.map((c) => c.id)).toEqual(['initial-budget', 'budget', 'actual', 'points', 'rate', 'score']);
  });

  it('执行率 = 执行数 ÷ 预算数 and 得分 = 分值 × 执行率: true and false', () => {
    expect(found('92.19%', 9.219)).toEqual([]);
    expect(found('92.91%', 9.291)).toEqual(['p.rate G4']);
    expect(found('92.19%', 9.2)).toEqual(['p.score H4']);
  });
});
