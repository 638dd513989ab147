import { describe, expect, it } from 'vitest';
import type { Table, WorkbookModel } from '../src/model/types.js';
import { readSheets, type CellInput } from './helpers/sheet.js';

function table(model: WorkbookModel, kind: string): Table {
  const found = model.tables.find((t) => t.kind === kind);
  if (!found) throw new Error(`table ${kind} not read; read: ${model.tables.map((t) => t.kind).join(',')}`);
  return found;
}

function value(t: Table, rowId: string, column: string, block?: string): string | null | undefined {
  const row = t.rows.find((r) => r.key.id === rowId && (block === undefined || r.block === block));
  const cell = row?.cells[column];
  return cell === undefined ? undefined : cell.value === null ? null : cell.value.toFixed(2);
}

const expenditure03: CellInput[][] = [
  ['2024年度支出决算表'],
  [null, null, null, null, '单位：万元'],
  ['科目编码', '科目名称', '本年支出合计', '基本支出', '项目支出'],
  ['201', '一般公共服务支出', 100, 60, 40],
  ['20103', '政府办公厅（室）及相关机构事务', 100, 60, 40],
  ['2010350', '事业运行', 100, 60, 40],
];

describe('reader on layouts the fixtures do not show', () => {
  it('reads a table with no 栏次 row, starting at its first code row', () => {
    const t = table(readSheets([{ name: 'S', rows: expenditure03 }]), '03');
    expect(t.rows.map((r) => `${r.key.id}:${r.key.level}`)).toEqual(['F201:类', 'F20103:款', 'F2010350:项']);
    expect(value(t, 'F2010350', 'basic')).toBe('60.00');
  });

  it('finds a title that is not in the first column and a unit written in the header', () => {
    const rows: CellInput[][] = [
      [null, null, '武汉某单位2024年度收入决算表'],
      ['项目', null, '本年收入合计（万元）', '财政拨款收入（万元）'],
      ['功能分类科目编码', '科目名称', null, null],
      ['合计', null, 5, 5],
      ['2010350', '事业运行', 5, 5],
    ];
    const model = readSheets([{ name: 'x', rows, merges: ['A2:B2'] }]);
    const t = table(model, '02');
    expect(t.unit).toBe('万元');
    expect(t.unitSource).toBe('table');
    expect(value(t, 'TOTAL', 'total')).toBe('5.00');
    expect(value(t, 'F2010350', 'fiscal')).toBe('5.00');
  });

  it('does not take a narrative sentence naming a table for a title', () => {
    const model = readSheets([
      { name: '说明', rows: [['二、收入决算情况说明'], ['详见收入决算表，2024年度收入合计2156.82万元。']] },
      { name: 'S', rows: expenditure03 },
    ]);
    expect(model.tables.map((t) => t.kind)).toEqual(['03']);
    expect(model.ignoredSheets.map((s) => s.sheet)).toEqual(['说明']);
  });

  it('records error values, formulas without a result and non-amount text as unreadable cells with addresses', () => {
    const rows = expenditure03.map((r) => [...r]);
    rows[3] = [
      '201',
      '一般公共服务支出',
      { error: '#REF!' },
      { formula: 'D6', result: undefined } as unknown as CellInput,
      '四十',
    ];
    const model = readSheets([{ name: 'S', rows }]);
    expect(model.unreadable.map((c) => `${c.ref.sheet}!${c.ref.cell}`)).toEqual(['S!C4', 'S!D4', 'S!E4']);
    expect(model.unreadable.map((c) => c.reason)).toEqual([
      expect.stringContaining('#REF!'),
      expect.stringContaining('公式'),
      expect.stringContaining('四十'),
    ]);
  });

  it('reads a code header merged over three cells as one code', () => {
    const rows: CellInput[][] = [
      ['2024年度一般公共预算财政拨款支出决算表'],
      ['功能分类科目编码', null, null, '科目名称', '小计', '基本支出', '项目支出'],
      ['201', '03', '50', '事业运行', 10, 10, null],
      [null, null, '99', '其他政府办公厅（室）及相关机构事务支出', 5, null, 5],
    ];
    const t = table(readSheets([{ name: 'S', rows, merges: ['A2:C2'] }]), '05');
    expect(t.rows.map((r) => r.key.id)).toEqual(['F2010350', 'F2010399']);
    expect(value(t, 'F2010399', 'project')).toBe('5.00');
  });

  it('reads a 三公 table that publishes only the 决算数 block', () => {
    const rows: CellInput[][] = [
      ['“三公”经费支出决算表'],
      ['决算数'],
      ['合计', '因公出国（境）费', '公务用车购置及运行维护费', null, null, '公务接待费'],
      [null, null, '小计', '公务用车购置费', '公务用车运行维护费', null],
      [3.5, 0, 2.5, 0, 2.5, 1],
    ];
    const t = table(readSheets([{ name: 'S', rows, merges: ['A2:F2', 'C3:E3'] }]), '09');
    expect(t.rows.map((r) => r.block)).toEqual(['actual']);
    expect(value(t, 'ROW', 'vehicle-operation', 'actual')).toBe('2.50');
  });

  it('reads a 元 table and marks hidden sheets and rows', () => {
    const model = readSheets([
      {
        name: 'S',
        rows: expenditure03.map((r, i) => (i === 1 ? [null, '单位：元'] : r)),
        hidden: true,
        hiddenRows: [6],
      },
    ]);
    const t = table(model, '03');
    expect(t.unit).toBe('元');
    expect(t.hiddenSheet).toBe(true);
    expect(t.rows.find((r) => r.key.id === 'F2010350')?.hidden).toBe(true);
  });

  it('reports an all-blank table as empty and a missing standard table as missing', () => {
    const rows = expenditure03.map((r, i) => (i >= 3 ? r.map((c, j) => (j >= 2 ? '-' : c)) : r));
    const model = readSheets([{ name: 'S', rows }]);
    expect(table(model, '03').empty).toBe(true);
    expect(model.missingTables.map((m) => m.kind)).toEqual(['01', '02', '04', '05', '06', '07', '08', '09']);
  });
});

describe('reader on header and label wording variants', () => {
  it('takes "科目名称（按功能分类）" and "金额（万元）" headers, and class names without 支出', () => {
    const rows: CellInput[][] = [
      ['收入支出决算总表'],
      ['收入', null, null, '支出'],
      ['项目', '行次', '金额（万元）', '科目名称（按功能分类）', '行次', '金额（万元）'],
      ['一、一般公共预算财政拨款收入', 1, 12.5, '一般公共服务（类）', 31, 12.5],
      ['本年收入合计', 27, 12.5, '本年支出合计', 57, 12.5],
    ];
    const t = table(readSheets([{ name: 'S', rows, merges: ['A2:C2', 'D2:F2'] }]), '01');
    const classRow = t.rows.find((r) => r.block === 'expenditure' && r.key.line === 31);
    expect(classRow?.key.code).toBe('201');
    expect(classRow?.label).toBe('一般公共服务（类）');
    expect(t.unit).toBe('万元');
    expect(t.rows.find((r) => r.role === 'total' && r.block === 'expenditure')?.cells.amount?.value?.toFixed(2)).toBe(
      '12.50',
    );
  });

  it('reads codes stored as numbers', () => {
    const rows: CellInput[][] = [
      ['支出决算表'],
      ['科目编码', '科目名称', '本年支出合计', '基本支出', '项目支出'],
      [2010350, '事业运行', 10, 10, null],
      [2210201, '住房公积金', 4, 4, null],
    ];
    const t = table(readSheets([{ name: 'S', rows }]), '03');
    expect(t.rows.map((r) => r.key.id)).toEqual(['F2010350', 'F2210201']);
  });
});
