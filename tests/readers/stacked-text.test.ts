/**
 * Tables copied out of a web page one cell per line (a converter flattening an HTML table: every
 * cell on a line of its own, a blank line between cells, one more blank line for each blank cell),
 * as a Hubei county unit's 收入支出决算总表 reached a text copy: read where the header and the rows
 * prove the columns, never into the wrong columns.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { textFlow } from '../../src/io/text/read-text.js';
import { textTableFindings } from '../helpers/text-check.js';

/** Cells one per line, a blank line between two cells, one more for each blank cell. */
function stacked(cells: string[]): string[] {
  const out: string[] = [];
  for (const cell of cells) {
    if (cell === '') out.push('');
    else {
      if (out.length > 0) out.push('');
      out.push(cell);
    }
  }
  return out;
}

/** The same cells one per line with nothing between them: blank cells leave no trace. */
const packed = (cells: string[]) => cells.filter((c) => c !== '');

const HEADER = ['项目', '行次', '金额', '项目', '行次', '金额'];
const STUBS = ['栏次', '', '1', '栏次', '', '2'];

/** A small 收入支出决算总表 (own figures): four income rows beside three expenditure rows, then the totals. */
const totalsTable = (spendTotal: string) => [
  ['一、一般公共预算财政拨款收入', '1', '300.00', '一、一般公共服务支出', '9', '250.00'],
  ['二、政府性基金预算财政拨款收入', '2', '0.00', '二、教育支出', '10', '40.00'],
  ['三、事业收入', '3', '20.00', '三、社会保障和就业支出', '11', '30.00'],
  ['四、其他收入', '4', '10.00', '', '', ''],
  ['本年收入合计', '5', '330.00', '本年支出合计', '12', spendTotal],
  ['使用非财政拨款结余', '6', '0.00', '结余分配', '13', '0.00'],
  ['年初结转和结余', '7', '15.00', '年末结转和结余', '14', '25.00'],
  ['总计', '8', '345.00', '总计', '15', '345.00'],
];

const report = (rows: string[][]) => [
  '某县示范中心2023年度部门决算',
  '',
  '收入支出决算总表',
  '',
  '公开01表',
  '',
  '部门：某县示范中心',
  '',
  '金额单位：万元',
  '',
  '收入',
  '',
  '支出',
  '',
  ...stacked([...HEADER, ...STUBS, ...rows.flat()]),
  '',
  '注：本表反映部门本年度的总收支和年末结转结余情况。',
];

const tables = (lines: string[]) =>
  textFlow(lines.join('\n')).flatMap((item) =>
    item.kind === 'table' ? [item.rows.map((r) => r.cells.map((c) => c.text))] : [],
  );
const paragraphs = (lines: string[]) =>
  textFlow(lines.join('\n')).flatMap((item) => (item.kind === 'paragraph' ? [item.text] : []));

describe('text: a table one cell per line', () => {
  it('the header from 项目, the 栏次 row left out, each extra blank line a blank cell; the words above stay text', () => {
    const lines = report(totalsTable('320.00'));
    expect(tables(lines)).toEqual([[HEADER, ...totalsTable('320.00')]]);
    expect(paragraphs(lines)).toEqual([
      '某县示范中心2023年度部门决算',
      '收入支出决算总表',
      '公开01表',
      '部门：某县示范中心',
      '金额单位：万元',
      '收入',
      '支出',
      '注：本表反映部门本年度的总收支和年末结转结余情况。',
    ]);
    // each row where its first cell stands
    const flow = textFlow(lines.join('\n'));
    const table = flow.find((item) => item.kind === 'table');
    expect(table?.kind === 'table' && table.rows[1]?.place.line).toBe(
      lines.indexOf('一、一般公共预算财政拨款收入') + 1,
    );
  });

  it('cells with nothing between them: the table ends where its 行次 stop rising (blank cells left no trace), the rest stays text', () => {
    const lines = ['收入支出决算总表', ...packed([...HEADER, ...totalsTable('320.00').flat()])];
    expect(tables(lines)).toEqual([[HEADER, ...totalsTable('320.00').slice(0, 3)]]);
    expect(paragraphs(lines).slice(1, 3)).toEqual(['四、其他收入', '4']);
  });

  it('cells with nothing between them and no 行次: a 收入 | 支出 row shifted by one side looks whole, so no table', () => {
    const noLineNumbers = totalsTable('320.00').map((row) => row.filter((_, c) => c % 3 !== 1));
    const lines = ['收入支出决算总表', ...packed(['项目', '金额', '项目', '金额', ...noLineNumbers.flat()])];
    expect(tables(lines)).toEqual([]);
    // one side only: a shift shows, the table is read up to the row that breaks
    const oneSide = [
      '项目',
      '预算数',
      '决算数',
      '合计',
      '30.00',
      '26.00',
      '公务接待费',
      '18.00',
      '15.00',
      '公务用车运行费',
      '12.00',
    ];
    expect(tables(['“三公”经费支出决算表', ...packed(oneSide), '因公出国（境）费', '0.00', '0.00'])).toEqual([
      [
        ['项目', '预算数', '决算数'],
        ['合计', '30.00', '26.00'],
        ['公务接待费', '18.00', '15.00'],
      ],
    ]);
  });

  it('blank lines between cells but blank cells dropped: the table ends where a 支出 label would fall under 收入 (or the reverse)', () => {
    const noLineNumbers = totalsTable('320.00').map((row) => row.filter((_, c) => c % 3 !== 1));
    const lines = ['收入支出决算总表', ...stacked(packed(['项目', '金额', '项目', '金额', ...noLineNumbers.flat()]))];
    expect(tables(lines)).toEqual([[['项目', '金额', '项目', '金额'], ...noLineNumbers.slice(0, 3)]]);
  });

  it('a page break inside the table (its page number, the form feed, the blank lines around them) adds no blank cells', () => {
    const body = stacked([...HEADER, ...totalsTable('320.00').flat()]);
    // (the next page starting at an amount: a bare 行次 right under a form feed reads as a page number)
    const at = body.indexOf('20.00');
    const lines = [
      '收入支出决算总表',
      ...body.slice(0, at - 1),
      '',
      '',
      '- 1 -',
      '',
      `\f${body[at]}`,
      ...body.slice(at + 1),
    ];
    expect(tables(lines)).toEqual([[HEADER, ...totalsTable('320.00')]]);
  });

  it('a page cut inside a row: the whole rows are the table, the cut row stays text', () => {
    const rows = totalsTable('320.00').slice(0, 2);
    const lines = ['收入支出决算总表', ...stacked([...HEADER, ...rows.flat(), '三、事']), ''];
    expect(tables(lines)).toEqual([[HEADER, ...rows]]);
    expect(paragraphs(lines)).toEqual(['收入支出决算总表', '三、事']);
  });

  it('a figure with a space inside (1 5.00, an amount as every reader takes it) keeps its column', () => {
    const rows = [
      ['项目', '预算数', '决算数'],
      ['合计', '30.00', '26.00'],
      ['公务接待费', '18.00', '1 5.00'],
      ['公务用车运行费', '12.00', '11.00'],
    ];
    expect(tables(['“三公”经费支出决算表', ...packed(rows.flat())])).toEqual([rows]);
  });

  it('no table: a 项目 heading over a list of titles, over a sentence, or over rows without an amount', () => {
    const contents = ['项目', '', '一、收入支出决算总表', '', '二、收入决算表', '', '三、支出决算表'];
    const sentence = ['项目', '', '本单位本年度收入合计330.00万元，比上年增加12.00万元。'];
    const counts = stacked(['项目', '数量', '车辆', '2', '房屋', '3']);
    for (const lines of [contents, sentence, counts]) expect(tables(lines)).toEqual([]);
  });
});

describe('a table one cell per line is checked like any other', () => {
  const dir = mkdtempSync(join(os.tmpdir(), 'juesuan-stacked-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const tableFindings = async (lines: string[]): Promise<string[]> => (await textTableFindings(dir, lines)).sort();

  it('consistent: no table finding; 本年支出合计 2.00 high: its sum and the 总计 it adds up to', async () => {
    expect(await tableFindings(report(totalsTable('320.00')))).toEqual([]);
    expect(await tableFindings(report(totalsTable('322.00')))).toEqual([
      't01.expenditure-grand-total error',
      't01.expenditure-total error',
    ]);
  });
});
