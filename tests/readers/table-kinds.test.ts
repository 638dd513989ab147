/**
 * Tables a province prints in place of a standard one: the standard table is not missing, and a 三公
 * table printed down the rows is read as such under its 09 title.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { textTableFindings } from '../helpers/text-check.js';
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

/** A county's 三公 table with one amount column (决算数), as a Liaoning county printed it in 2021. */
const oneColumn = (total: string) => [
  '2021年度“三公”经费支出情况表',
  '单位：万元',
  '项目\t决算数',
  `合计\t${total}`,
  '1.因公出国（境）费\t0.00',
  '2.公务用车购置及运行费\t12.53',
  '其中：（1）公务用车购置费\t0.00',
  '（2）公务用车运行费\t12.53',
  '3.公务接待费\t60.70',
];

/** A county's 三公 summary (…汇总情况决算表), one column of 本年预算数, as a Hunan county printed it. */
const summary = [
  '2015年“三公”经费汇总情况决算表',
  '单位：万元',
  '项目\t本年预算数',
  '合计\t3318',
  '1、因公出国（境）费用\t0',
  '2、公务接待费\t1372',
  '3、公务用车费\t1946',
  '其中：（1）公务用车运行维护费\t1946',
  '（2）公务用车购置\t0',
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

describe('one-column 三公 tables and a 基金 title without 预算', () => {
  const dir = mkdtempSync(join(os.tmpdir(), 'juesuan-kinds-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const tableFindings = (lines: string[]): Promise<string[]> => textTableFindings(dir, lines);

  it('“三公”经费支出情况表 with 决算数 alone: read down the rows; 09 is not missing', () => {
    const model = readDocument(textDocument(oneColumn('73.23').join('\n'), 'a.txt'));
    expect(model.tables.map((t) => t.kind)).toEqual(['sangong-vertical']);
    expect(model.tables[0]?.rows.map((r) => r.role)).toEqual([
      'total',
      'abroad',
      'vehicle',
      'vehicle-purchase',
      'vehicle-operation',
      'reception',
    ]);
    expect(missing(oneColumn('73.23'))).not.toContain('09');
  });
  it('its 合计 is checked against its parts: consistent, nothing; 1.00 high, sangong-vertical.total', async () => {
    expect(await tableFindings(oneColumn('73.23'))).toEqual([]);
    expect(await tableFindings(oneColumn('74.23'))).toEqual(['sangong-vertical.total error']);
  });
  it('…“三公”经费汇总情况决算表 with 本年预算数 alone: read down the rows, consistent', async () => {
    const model = readDocument(textDocument(summary.join('\n'), 'a.txt'));
    expect(model.tables.map((t) => t.kind)).toEqual(['sangong-vertical']);
    expect(model.tables[0]?.rows[0]?.cells.budget?.value?.toFixed(0)).toBe('3318');
    expect(await tableFindings(summary)).toEqual([]);
  });
  it('a 06 with economic codes down the rows and 合计 | 人员经费 | 公用经费 across (a Guangxi county office): read as basic-economic-rows, 06 not missing, checked by row and by class', async () => {
    const rowsLayout = (office: string) => [
      '2023年度一般公共预算财政拨款基本支出决算表',
      '单位：万元',
      '经济分类科目编码\t科目名称\t合计\t人员经费\t公用经费',
      '\t合计\t118.40\t100.00\t18.40',
      '301\t工资福利支出\t90.00\t90.00\t',
      '30101\t基本工资\t50.00\t50.00\t',
      '30102\t津贴补贴\t40.00\t40.00\t',
      '302\t商品和服务支出\t18.40\t\t18.40',
      `30201\t办公费\t${office}\t\t8.40`,
      '30211\t差旅费\t10.00\t\t10.00',
      '303\t对个人和家庭的补助\t10.00\t10.00\t',
      '30302\t退休费\t10.00\t10.00\t',
    ];
    const model = readDocument(textDocument(rowsLayout('8.40').join('\n'), 'a.txt'));
    expect(model.tables.map((t) => t.kind)).toEqual(['basic-economic-rows']);
    expect(missing(rowsLayout('8.40'))).not.toContain('06');
    expect(await tableFindings(rowsLayout('8.40'))).toEqual([]);
    expect((await tableFindings(rowsLayout('8.90'))).sort()).toEqual([
      'basic-economic-rows.rollup error',
      'basic-economic-rows.row-total error',
    ]);
  });
  it('政府性基金财政拨款收入支出决算表 (预算 left out of the title) is the 07 table', () => {
    const text = [
      '2021年度政府性基金财政拨款收入支出决算表',
      '单位：万元',
      '项目\t\t年初结转和结余\t本年收入\t本年支出\t\t\t年末结转和结余',
      '科目编码\t科目名称\t\t\t小计\t基本支出\t项目支出\t',
      '合计\t\t\t\t\t\t\t',
      '注：本单位无政府性基金预算财政拨款收入，也没有使用政府性基金预算财政拨款安排的支出，故本表无数据。',
    ].join('\n');
    expect(readDocument(textDocument(text, 'a.txt')).tables.map((t) => t.kind)).toEqual(['07']);
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

/** A 三公 table across (预算数 | 决算数, six columns each) without a 栏次 row, its one row of amounts in `cells`. */
const across = (cells: string[]) => [
  '2024年度财政拨款“三公”经费支出决算表',
  '单位：万元',
  '预算数\t\t\t\t\t\t决算数\t\t\t\t\t',
  [...Array(2)].flatMap(() => ['合计', '因公出国（境）费', '公务用车购置及运行费', '', '', '公务接待费']).join('\t'),
  [...Array(2)].flatMap(() => ['', '', '小计', '公务用车购置费', '公务用车运行费', '']).join('\t'),
  cells.join('\t'),
];

describe('a 三公 table whose row of amounts is all ###', () => {
  const dir = mkdtempSync(join(os.tmpdir(), 'juesuan-hashes-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // columns too narrow for every amount print a row of ### only: it is the table's row of data,
  // not a header row, and each of its cells is said to be unreadable (列宽不足), none left silent
  it('is read as 09, each ### reported as 列宽不足 at its cell', async () => {
    const hashes = across(Array(12).fill('###'));
    const [table] = readDocument(textDocument(hashes.join('\n'), 'a.txt')).tables;
    expect(table?.kind).toBe('09');
    const reasons = table?.rows.flatMap((r) => Object.values(r.cells).map((c) => c.reason));
    expect(reasons).toEqual(Array(12).fill('列宽不足：金额显示成了「###」'));
    expect(await textTableFindings(dir, hashes)).toEqual(Array(12).fill('cells.unreadable error'));
  });

  it('(the same table with its amounts printed is read as 09)', () => {
    const figures = across(['6.00', '1.00', '3.00', '', '3.00', '2.00', '5.00', '1.00', '2.50', '', '2.50', '1.50']);
    expect(readDocument(textDocument(figures.join('\n'), 'a.txt')).tables.map((t) => t.kind)).toEqual(['09']);
  });
});

describe('a 三公 table down the rows, space-aligned, whose amounts all print as ###', () => {
  // a label and its amount per line: two such lines ending in an amount make a table; an amount
  // printed as ### is one too (the column was too narrow for it), or the table is read as prose
  // and nothing says its figures could not be read
  /** `label` padded to 30 display columns (a CJK character takes two), then the amount right-aligned in 6. */
  const line = (label: string, amount: string) =>
    `${label}${' '.repeat(30 - [...label].reduce((n, ch) => n + ((ch.codePointAt(0) ?? 0) > 0x2ff ? 2 : 1), 0))}${amount.padStart(6)}`;

  it('is read as the 三公 table, each ### 列宽不足', () => {
    const lines = [
      '2021年度“三公”经费支出情况表',
      '单位：万元',
      line('项目', '决算数'),
      ...[
        '合计',
        '1.因公出国（境）费',
        '2.公务用车购置及运行费',
        '其中：（1）公务用车购置费',
        '（2）公务用车运行费',
        '3.公务接待费',
      ].map((label) => `${label.padEnd(30)}###`),
    ];
    const [table] = readDocument(textDocument(lines.join('\n'), 'a.txt')).tables;
    expect(table?.kind).toBe('sangong-vertical');
    const reasons = table?.rows.flatMap((r) => Object.values(r.cells).map((c) => c.reason));
    expect(reasons).toEqual(Array(6).fill('列宽不足：金额显示成了「###」'));
  });
});
