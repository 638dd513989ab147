/**
 * Header cells as published reports give them when a reader sees no merges (a tab-separated copy,
 * a PDF's cells without their spans): a parent header printed once over empty cells spans the
 * children below them, the same as a merged cell does in Word or HTML; and the header's last row
 * printed inside the 合计 row (上海's 政府性基金 and 国有资本经营 tables) still names its columns.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { textTableFindings } from '../helpers/text-check.js';
import { documentOfFlow } from '../../src/io/layout/document.js';
import { docxFlow } from '../../src/io/docx/read-docx.js';
import { htmlFlow } from '../../src/io/html/read-html.js';
import { textDocument } from '../../src/io/text/read-text.js';
import { readDocument } from '../../src/reader/read-document.js';
import type { Table } from '../../src/model/types.js';

/** A 三公 table with 预算数 | 决算数 under each item (three header levels), merges as empty cells. */
const interleaved = (values: string[]) => [
  '财政拨款“三公”经费支出决算表',
  '单位：万元',
  `财政拨款“三公”经费${'\t'.repeat(11)}`,
  '合计\t\t因公出国（境）费\t\t公务用车购置及运行维护费\t\t\t\t\t\t公务接待费\t',
  '\t\t\t\t小计\t\t公务用车购置费\t\t公务用车运行维护费\t\t\t',
  Array.from({ length: 6 }, () => '预算数\t决算数').join('\t'),
  values.join('\t'),
  '注：本表反映本年度“三公”经费支出预决算情况。',
];
// budget / actual: total, abroad, vehicle, purchase, operation, reception
const SANGONG = ['20.60', '17.35', '4.00', '3.10', '12.50', '11.05', '6.00', '5.90', '6.50', '5.15', '4.10', '3.20'];

/** The same table as an HTML page gives it: real colspans and rowspans. */
const interleavedHtml = (values: string[]) =>
  [
    '<p>财政拨款“三公”经费支出决算表</p><p>单位：万元</p><table>',
    '<tr><td colspan="12">财政拨款“三公”经费</td></tr>',
    '<tr><td colspan="2" rowspan="2">合计</td><td colspan="2" rowspan="2">因公出国（境）费</td>',
    '<td colspan="6">公务用车购置及运行维护费</td><td colspan="2" rowspan="2">公务接待费</td></tr>',
    '<tr><td colspan="2">小计</td><td colspan="2">公务用车购置费</td><td colspan="2">公务用车运行维护费</td></tr>',
    `<tr>${Array.from({ length: 6 }, () => '<td>预算数</td><td>决算数</td>').join('')}</tr>`,
    `<tr>${values.map((v) => `<td>${v}</td>`).join('')}</tr>`,
    '</table><p>注：本表反映本年度“三公”经费支出预决算情况。</p>',
  ].join('');

/** The same table as Word writes it: gridSpan across, vMerge down. */
const interleavedDocx = (values: string[]) => {
  const p = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
  const tc = (text: string, span = 1, vMerge?: 'restart' | 'continue') =>
    `<w:tc><w:tcPr>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${
      vMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : vMerge ? '<w:vMerge/>' : ''
    }</w:tcPr>${p(text)}</w:tc>`;
  const tr = (cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
  const rows = [
    tr([tc('财政拨款“三公”经费', 12)]),
    tr([
      tc('合计', 2, 'restart'),
      tc('因公出国（境）费', 2, 'restart'),
      tc('公务用车购置及运行维护费', 6),
      tc('公务接待费', 2, 'restart'),
    ]),
    tr([
      tc('', 2, 'continue'),
      tc('', 2, 'continue'),
      tc('小计', 2),
      tc('公务用车购置费', 2),
      tc('公务用车运行维护费', 2),
      tc('', 2, 'continue'),
    ]),
    tr(Array.from({ length: 6 }, () => [tc('预算数'), tc('决算数')]).flat()),
    tr(values.map((v) => tc(v))),
  ];
  return `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${p(
    '财政拨款“三公”经费支出决算表',
  )}${p('单位：万元')}<w:tbl>${rows.join('')}</w:tbl>${p('注：本表反映本年度“三公”经费支出预决算情况。')}</w:body></w:document>`;
};

const columnsOf = (table: Table | undefined) => table?.columns.map((c) => `${c.block}.${c.id}=${c.col}`);
const valuesOf = (table: Table | undefined) =>
  table?.rows.flatMap((r) => Object.entries(r.cells).map(([id, c]) => `${r.block}.${id}=${c.raw}`));

const EXPECTED_COLUMNS = [
  'budget.total=A',
  'budget.abroad=C',
  'budget.vehicle=E',
  'budget.vehicle-purchase=G',
  'budget.vehicle-operation=I',
  'budget.reception=K',
  'actual.total=B',
  'actual.abroad=D',
  'actual.vehicle=F',
  'actual.vehicle-purchase=H',
  'actual.vehicle-operation=J',
  'actual.reception=L',
];

describe('a 三公 header with 预算数 | 决算数 under each item', () => {
  const dir = mkdtempSync(join(os.tmpdir(), 'juesuan-spans-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('merges given as empty cells (a text copy): each parent spans its children, every 决算数 column is read', () => {
    const [table] = readDocument(textDocument(interleaved(SANGONG).join('\n'), 'a.txt')).tables;
    expect(table?.kind).toBe('09');
    expect(columnsOf(table)).toEqual(EXPECTED_COLUMNS);
    expect(table?.unmapped).toBeUndefined();
    expect(valuesOf(table)).toEqual([
      'budget.total=20.60',
      'budget.abroad=4.00',
      'budget.vehicle=12.50',
      'budget.vehicle-purchase=6.00',
      'budget.vehicle-operation=6.50',
      'budget.reception=4.10',
      'actual.total=17.35',
      'actual.abroad=3.10',
      'actual.vehicle=11.05',
      'actual.vehicle-purchase=5.90',
      'actual.vehicle-operation=5.15',
      'actual.reception=3.20',
    ]);
  });
  it('real merges (an HTML page) read to the same columns', () => {
    const [table] = readDocument(documentOfFlow('a.html', 'html', htmlFlow(interleavedHtml(SANGONG)))).tables;
    expect(columnsOf(table)).toEqual(EXPECTED_COLUMNS);
    expect(table?.unmapped).toBeUndefined();
  });
  it('and as Word writes them (gridSpan, vMerge): the same columns', () => {
    const [table] = readDocument(documentOfFlow('a.docx', 'docx', docxFlow(interleavedDocx(SANGONG)))).tables;
    expect(columnsOf(table)).toEqual(EXPECTED_COLUMNS);
    expect(table?.unmapped).toBeUndefined();
  });
  it('its sums are checked in both blocks: consistent, nothing; a 决算数 part 1.00 high, the 决算数 total is wrong', async () => {
    expect(await textTableFindings(dir, interleaved(SANGONG))).toEqual([]);
    const wrong = [...SANGONG];
    wrong[3] = '4.10';
    expect(await textTableFindings(dir, interleaved(wrong))).toEqual(['t09.total error']);
  });
});

/** A 政府性基金 table whose header's second row (合计 | 基本支出 | 项目支出) is printed in its 合计 row. */
const fundTable = (closing: string) => [
  '政府性基金预算财政拨款收入支出决算表',
  '单位：万元',
  '项目\t\t年初结转和结余\t本年收入\t本年支出\t\t\t年末结转和结余',
  '功能分类科目编码\t科目名称\t\t\t\t\t\t',
  `合计\t\t1.20\t350.00\t合计\t基本支出\t项目支出\t${closing}`,
  '212\t城乡社区支出\t1.20\t350.00\t340.50\t\t340.50\t10.70',
  '21208\t国有土地使用权出让收入安排的支出\t1.20\t350.00\t340.50\t\t340.50\t10.70',
  '2120899\t其他国有土地使用权出让收入安排的支出\t1.20\t350.00\t340.50\t\t340.50\t10.70',
  '注：本表反映本年度政府性基金预算财政拨款收入支出及结转和结余情况。',
];

/** A 国有资本经营 table with no data, the header's second row in its 合计 row, and its note. */
const emptyCapital = (note: string[]) => [
  '国有资本经营预算财政拨款收入支出决算表',
  '单位：万元',
  '项目\t\t年初结转和结余\t本年收入\t本年支出\t\t\t年末结转和结余',
  '功能分类科目编码\t科目名称\t\t\t\t\t\t',
  '合计\t\t\t\t合计\t基本支出\t项目支出\t',
  ...note,
];

describe('the header’s last row printed in the 合计 row', () => {
  it('names its columns: 基本支出 and 项目支出 are read, the 合计 row’s header words are no amounts', () => {
    const [table] = readDocument(textDocument(fundTable('10.70').join('\n'), 'a.txt')).tables;
    expect(table?.kind).toBe('07');
    expect(columnsOf(table)).toEqual([
      'main.opening=C',
      'main.income=D',
      'main.subtotal=E',
      'main.basic=F',
      'main.project=G',
      'main.closing=H',
    ]);
    const total = table?.rows.find((r) => r.key.total);
    expect(Object.keys(total?.cells ?? {})).toEqual(['opening', 'income', 'closing']);
    expect(table?.rows.find((r) => r.key.code === '2120899')?.cells.project?.raw).toBe('340.50');
    expect(readDocument(textDocument(fundTable('10.70').join('\n'), 'a.txt')).unreadable).toEqual([]);
  });
  it('the 合计 row’s 本年支出 is not known: its identities are not checked, the others are', async () => {
    const dir = mkdtempSync(join(os.tmpdir(), 'juesuan-words-'));
    try {
      expect(await textTableFindings(dir, fundTable('10.70'))).toEqual([]);
      expect(await textTableFindings(dir, fundTable('11.70'))).toEqual(['t07.total-leaves error']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('an empty table so printed, with its note, is found and empty', () => {
    const model = readDocument(
      textDocument(
        emptyCapital(['说明：本单位本年度没有国有资本经营预算财政拨款收入和支出，故本表无数据。']).join('\n'),
        'a.txt',
      ),
    );
    expect(model.tables.map((t) => `${t.kind}${t.empty ? ' empty' : ''}`)).toEqual(['08 empty']);
    expect(model.unknownTables).toBeUndefined();
  });
});

describe('an empty table whose header names none of its columns', () => {
  const lines = (note: string[]) => [
    '国有资本经营预算财政拨款支出决算表',
    '单位：万元',
    '科目\t上年数\t本年数',
    ...note,
  ];
  it('with a note that it has no data: found and empty, with its note', () => {
    const model = readDocument(
      textDocument(lines(['注：本部门本年度无国有资本经营预算财政拨款支出，本表无数据。']).join('\n'), 'a.txt'),
    );
    expect(model.tables.map((t) => `${t.kind}${t.empty ? ' empty' : ''}`)).toEqual(['08 empty']);
    expect(model.tables[0]?.notes).toEqual(['注：本部门本年度无国有资本经营预算财政拨款支出，本表无数据。']);
    expect(model.unknownTables).toBeUndefined();
  });
  it('without one: a title over a grid it cannot read, listed as before', () => {
    const model = readDocument(
      textDocument(lines(['注：本表反映本年度国有资本经营预算财政拨款支出情况。']).join('\n'), 'a.txt'),
    );
    expect(model.tables).toEqual([]);
    expect(model.unknownTables?.map((u) => u.kind)).toEqual(['国有资本经营预算财政拨款支出决算表']);
  });
});
