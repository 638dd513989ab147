/**
 * Tables a province prints in place of a standard one: the standard table is not missing, and a 三公
 * table printed down the rows is read as such under its 09 title.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/fixtures.js';
import { textDocument } from '../../src/io/text/read-text.js';
import { readDocument } from '../../src/reader/read-document.js';

const vertical = [
  '2023年度一般公共预算财政拨款“三公”经费支出决算表',
  '单位：万元',
  '项目\t预算数\t决算数',
  '合计\t50.00\t45.30',
  '1.因公出国（境）费\t10.00\t8.00',
  '2.公务用车购置及运行费\t22.00\t21.50',
  '其中：（1）公务用车购置费\t\t',
  '（2）公务用车运行费\t22.00\t21.50',
  '3.公务接待费\t18.00\t15.80',
];

const yunnanNine = [
  '2021年度“三公”经费、行政参公单位机关运行经费情况表',
  '单位：万元',
  '项目\t栏次\t预算数\t决算数',
  '一、“三公”经费支出\t1\t30.00\t26.00',
  '1.因公出国（境）费\t2\t\t',
  '2.公务用车购置及运行费\t3\t12.00\t11.00',
  '（1）公务用车购置费\t4\t\t',
  '（2）公务用车运行费\t5\t12.00\t11.00',
  '3.公务接待费\t6\t18.00\t15.00',
  '二、行政参公单位机关运行经费\t7\t58.40\t56.12',
];

const missing = (lines: string[]) =>
  readDocument(textDocument(lines.join('\n'), 'a.txt')).missingTables.map((t) => t.kind);

describe('tables in place of a standard one', () => {
  it('a 三公 table down the rows under a 09 title: items as rows, 预算数 and 决算数 as columns; 09 is not missing', () => {
    const model = readDocument(textDocument(vertical.join('\n'), 'a.txt'));
    const table = model.tables[0];
    expect(table?.kind).toBe('sangong-vertical');
    expect(table?.rows.map((r) => r.role)).toEqual([
      'total',
      'abroad',
      'vehicle',
      'vehicle-purchase',
      'vehicle-operation',
      'reception',
    ]);
    expect(table?.rows[0]?.cells.actual?.value?.toFixed(2)).toBe('45.30');
    expect(missing(vertical)).not.toContain('09');
    expect(missing(vertical)).toContain('01');
  });
  it('the older Yunnan sets publish the 三公 only in the 三公 and 机关运行经费 table: 09 is not missing', () => {
    expect(readDocument(textDocument(yunnanNine.join('\n'), 'a.txt')).tables.map((t) => t.kind)).toEqual([
      'sangong-operation',
    ]);
    expect(missing(yunnanNine)).not.toContain('09');
  });
});

describe('tables no catalog kind describes', () => {
  it('are listed with their place; the 目录 lines and part headings are not', async () => {
    const file = join(FIXTURES, 'published', 'shapes', 'foreign-tables.layout.txt');
    const model = readDocument(textDocument(readFileSync(file, 'utf8'), 'foreign-tables.layout.txt'));
    expect(model.unknownTables).toEqual([
      { title: '2024年度政府采购预算执行情况表', place: '第 251 行' },
      { title: '2024年度国有资产占用情况表', place: '第 273 行' },
    ]);
  });
  it('a title the catalog knows over a header that names none of its columns is listed with the kind it named', () => {
    const text = ['2019年度机构运行信息表', '项目\t单位\t数量', '车辆数合计\t辆\t2'].join('\n');
    expect(readDocument(textDocument(text, 'a.txt')).unknownTables).toEqual([
      {
        title: '2019年度机构运行信息表',
        place: '第 1 行',
        kind: '机构运行经费支出、国有资产占用情况及政府采购支出信息表',
      },
    ]);
  });
});
