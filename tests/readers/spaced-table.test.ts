/**
 * Tables copied with one space between their cells (a PDF viewer's copy, pdfplumber's page text):
 * the header matched to the catalog's columns, each line's figures placed by the table's sums and
 * its code tree, nothing guessed. Small texts in our own words and numbers, shaped as such copies are.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { textDocument } from '../../src/io/text/read-text.js';
import type { WorkbookModel } from '../../src/model/types.js';
import { readDocument } from '../../src/reader/read-document.js';
import { matchHeader } from '../../src/reader/spaced/header-words.js';
import { textTableFindings } from '../helpers/text-check.js';

const read = (lines: string[]): WorkbookModel => readDocument(textDocument(`${lines.join('\n')}\n`, 'copy.txt'));

/** The table's cells as `rowKey.column=value` (? for a cell no sum placed), in row order. */
function cells(model: WorkbookModel, kind: string): string[] {
  const table = model.tables.find((t) => t.kind === kind);
  return (table?.rows ?? []).flatMap((r) =>
    Object.entries(r.cells).map(
      ([c, cell]) =>
        `${r.key.id}.${c}=${cell.unplaced ? '?' : cell.state === 'blank' ? '' : (cell.value?.toFixed(2) ?? cell.raw)}`,
    ),
  );
}

describe('the header of a single-space table', () => {
  const catalog = loadCatalog();
  const t03 = catalog.tables.find((t) => t.kind === '03');
  const words = (lines: string[]) => lines.map((l) => l.split(' '));
  const ids = (lines: string[]) => {
    const m = matchHeader(words(lines), t03 as NonNullable<typeof t03>, catalog);
    return 'groups' in m ? m.groups.flatMap((g) => g.slots.map((s) => s.column.id)) : m.unmatched;
  };

  it('finds a column whose word the copy split over the lines around the middle row', () => {
    expect(
      ids([
        '项目',
        '对附属单位补助',
        '本年支出合计 基本支出 项目支出 上缴上级支出 经营支出',
        '功能分类 支出',
        '科目名称',
      ]),
    ).toEqual(['total', 'basic', 'project', 'remit', 'operating', 'subsidiary']);
  });

  it('leaves a header with a column the table does not have, or its columns in another order, unmatched', () => {
    expect(ids(['项目', '本年支出合计 人员经费 公用经费'])).toEqual(['人员经费', '公用经费']);
    expect(ids(['项目', '本年支出合计 项目支出 基本支出'])).toEqual(['（列的次序与标准表不同）']);
  });
});

describe('a single-space 一般公共预算财政拨款支出决算表', () => {
  const title = [
    '示例单位 2030 年度部门决算表',
    '一般公共预算财政拨款支出决算表',
    '单位：万元',
    '项目',
    '合计 基本支出 项目支出',
    '功能分类',
    '科目名称',
    '科目编码',
  ];
  const note = [
    '注：本表反映本单位本年度一般公共预算财政拨款支出情况。',
    '',
    '第三部分 情况说明',
    '一、总体情况',
    '本年支出合计 90.00 万元。',
  ];

  it('places by the code tree what a line alone cannot: a part its parent has no room for is the other', () => {
    const model = read([
      ...title,
      '合计 90.00 60.00 30.00',
      '205 教育支出 90.00 60.00 30.00',
      '20502 普通教育 90.00 60.00 30.00',
      '2050201 学前教育 60.00 60.00',
      '2050202 小学教育 30.00 30.00',
      ...note,
    ]);
    // 学前教育's 60.00 is 基本支出 or 项目支出 by its line; only 基本支出 leaves 20502's 60.00 | 30.00 whole
    expect(cells(model, '05')).toEqual([
      'TOTAL.subtotal=90.00',
      'TOTAL.basic=60.00',
      'TOTAL.project=30.00',
      'F205.subtotal=90.00',
      'F205.basic=60.00',
      'F205.project=30.00',
      'F20502.subtotal=90.00',
      'F20502.basic=60.00',
      'F20502.project=30.00',
      'F2050201.subtotal=60.00',
      'F2050201.basic=60.00',
      'F2050201.project=',
      'F2050202.subtotal=30.00',
      'F2050202.basic=',
      'F2050202.project=30.00',
    ]);
  });

  it('places nothing by the tree when the table does not add up, and the rules say where', () => {
    const model = read([
      ...title,
      '合计 90.00 60.00 30.00',
      '205 教育支出 95.00 60.00 35.00',
      '2050201 学前教育 60.00 60.00',
      '2050202 小学教育 30.00 30.00',
      ...note,
    ]);
    expect(cells(model, '05').filter((c) => c.startsWith('F20502'))).toEqual([
      'F2050201.subtotal=60.00',
      'F2050201.basic=?',
      'F2050201.project=?',
      'F2050202.subtotal=30.00',
      'F2050202.basic=?',
      'F2050202.project=?',
    ]);
  });

  it('checks a full line that breaks its sum by position: the table’s error, said', async () => {
    const dir = mkdtempSync(join(os.tmpdir(), 'juesuan-spaced-'));
    try {
      const lines = (basic: string) => [
        ...title,
        '合计 90.00 60.00 30.00',
        '205 教育支出 90.00 60.00 30.00',
        `2050201 学前教育 90.00 ${basic} 30.00`,
        ...note,
      ];
      expect(await textTableFindings(dir, lines('60.00'))).toEqual([]);
      // 6.00 for 60.00 (a digit lost): 基本支出 + 项目支出 is no longer 合计
      expect(await textTableFindings(dir, lines('6.00'))).toEqual([
        't05.total-leaves error',
        't05.rollup error',
        't05.row-subtotal error',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps a row whose label the copy wrapped around its figures, or printed apart from them, by its code', () => {
    const model = read([
      ...title,
      '合计 12.00 12.00 0.00',
      '208 社会保障和就业支出 12.00 12.00 0.00',
      '20805 行政事业单位养老支出 12.00 12.00 0.00',
      '机关事业单位基本养老保',
      '2080505 8.00 8.00 0.00',
      '险缴费支出',
      '2080506',
      '机职关业事年业金单缴位费',
      '4.00 4.00 0.00',
      ...note,
    ]);
    expect(cells(model, '05').filter((c) => c.startsWith('F208050'))).toEqual([
      'F2080505.subtotal=8.00',
      'F2080505.basic=8.00',
      'F2080505.project=0.00',
      'F2080506.subtotal=4.00',
      'F2080506.basic=4.00',
      'F2080506.project=0.00',
    ]);
    expect(model.tables.find((t) => t.kind === '05')?.rows.find((r) => r.key.code === '2080505')?.label).toBe(
      '机关事业单位基本养老保险缴费支出',
    );
  });
});

describe('what a single-space table reader leaves alone', () => {
  it('a table printed empty with its note is found, and empty', () => {
    const model = read([
      '国有资本经营预算财政拨款收入支出决算表',
      '单位：万元',
      '项目',
      '年初结转和 年末结转和',
      '本年收入 本年支出',
      '功能分类',
      '结余 结余',
      '科目名称',
      '科目编码',
      '合计 合计 基本支出 项目支出',
      '注：本表反映本单位国有资本经营预算财政拨款收支情况。',
      '说明：本单位本年度没有国有资本经营预算财政拨款收入和支出，故本表无数据。',
    ]);
    expect(model.tables.map((t) => [t.kind, t.empty])).toEqual([['08', true]]);
  });

  it('running text with figures under a title-like line is no table', () => {
    const model = read([
      '三、支出决算表',
      '本年支出合计 90.00 万元，其中：基本支出 60.00 万元，占 66.67%；项目支出 30.00 万元，占 33.33%。',
      '支出增加 5.00 万元，主要原因是学校新增校舍维修。',
    ]);
    expect(model.tables).toEqual([]);
    expect(model.text?.map((p) => p.text).join('')).toContain('本年支出合计 90.00 万元');
  });
});
