import { describe, expect, it } from 'vitest';
import type { Table } from '../src/model/types.js';
import { readSheets, type CellInput } from './helpers/sheet.js';

/** A 项目绩效自评表 laid out as the seed's 第六部分 prints it. */
function projectForm(cells: {
  budget: CellInput;
  actual: CellInput;
  rate: CellInput;
  score: CellInput;
}): CellInput[][] {
  return [
    ['2024年度行政运行项目绩效自评表'],
    ['单位名称：区大数据中心', null, null, null, '填报日期：2025年4月'],
    ['项目名称', '行政运行项目'],
    ['主管部门', '区大数据中心', null, '项目实施单位', '区大数据中心'],
    ['预算执行情况（万元）（20分）', null, '预算数（A）', '执行数（B）', '执行率（B/A）', '得分（20分*执行率）'],
    [null, '年度财政资金总额', cells.budget, cells.actual, cells.rate, cells.score],
    ['年度绩效目标', '一级指标', '二级指标', '三级指标', '年初目标值（A）', '实际完成值（B）'],
    [null, '产出指标', '时效指标', '预算资金执行率（10分）', '100%', '42.29%'],
  ];
}

function form(rows: CellInput[][]): Table {
  const model = readSheets([{ name: '项目绩效自评表', rows }]);
  const table = model.tables[0];
  if (!table) throw new Error('no table read');
  return table;
}

describe('绩效自评表 (catalog kinds P01/P02)', () => {
  it('reads the 预算执行情况 row: percent column as percent points, score with its 3 decimals, and the project name field', () => {
    const t = form(projectForm({ budget: 13.69, actual: 5.79, rate: '42.29%', score: 8.458 }));
    expect(t.kind).toBe('P02');
    expect(t.rows.find((r) => r.role === 'project-name')?.label).toBe('行政运行项目');
    const row = t.rows.find((r) => r.cells.rate);
    expect(row?.cells.budget?.value?.toFixed()).toBe('13.69');
    expect(row?.cells.actual?.value?.toFixed()).toBe('5.79');
    expect([row?.cells.rate?.value?.toFixed(), row?.cells.rate?.decimals]).toEqual(['42.29', 2]);
    expect([row?.cells.score?.value?.toFixed(), row?.cells.score?.decimals]).toEqual(['8.458', 3]);
    expect(t.columns.find((c) => c.id === 'score')?.header).toContain('20分');
  });

  it('reads a percent cell stored as an Excel fraction (0.4229 formatted 0.00%), "100 %" text and full-width digits', () => {
    expect(
      form(projectForm({ budget: 13.69, actual: 5.79, rate: 0.4229, score: 8.458 }))
        .rows.find((r) => r.cells.rate)
        ?.cells.rate?.value?.toFixed(),
    ).toBe('42.29');
    expect(
      form(projectForm({ budget: 862, actual: 862, rate: '100 %', score: 20 }))
        .rows.find((r) => r.cells.rate)
        ?.cells.rate?.value?.toFixed(),
    ).toBe('100');
    expect(
      form(projectForm({ budget: 862, actual: 862, rate: '１００％', score: 20 }))
        .rows.find((r) => r.cells.rate)
        ?.cells.rate?.value?.toFixed(),
    ).toBe('100');
  });

  it('records a percent cell that is not a percentage as unreadable, with the reason', () => {
    const rate = form(projectForm({ budget: 13.69, actual: 5.79, rate: '偏低', score: 8.458 })).rows.find(
      (r) => r.cells.rate,
    )?.cells.rate;
    expect(rate?.state).toBe('unreadable');
    expect(rate?.reason).toContain('偏低');
  });

  it('reads a 部门整体绩效自评表 without an amount header from its labelled fields', () => {
    const model = readSheets([
      {
        name: '整体',
        rows: [
          ['2024年度大数据中心部门整体绩效自评表'],
          ['单位名称：武汉经开区大数据中心'],
          ['单位名称', '武汉经开区大数据中心'],
          ['基本支出总额', '533.65 万元', null, '项目支出总额', '1623.17 万元'],
          ['年度绩效指标', '一级指标', '二级指标', '三级指标', '年初目标值', '实际完成值'],
          [null, '管理效率', '预算执行', '预算执行率', '≥90%', '97.98%'],
        ],
      },
    ]);
    const t = model.tables[0];
    expect(t?.kind).toBe('P01');
    expect(t?.rows.map((r) => [r.role, r.cells.amount?.value?.toFixed(), r.cells.amount?.ref.cell])).toEqual([
      ['basic-total', '533.65', 'B4'],
      ['project-total', '1623.17', 'E4'],
    ]);
    expect(model.unreadable).toEqual([]);
    expect(model.missingTables.map((m) => m.kind)).not.toContain('P01');
  });
});
