import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding, FindingLocation } from '../../src/model/finding.js';
import { listedFindings } from '../../src/report/narrow-columns.js';
import { expectGolden } from '../helpers/golden.js';
import { workdir, writeText } from '../helpers/workdir.js';
import { cli } from './seed-broken.js';

/**
 * Amounts printed as ### (列宽不足) are one finding per cell. The human formats (stylish, markdown,
 * html) list them one line per column of a table, so a narrow-column export does not bury the other
 * findings; the machine formats keep one finding per cell, and the counts and exit code are the
 * findings'. The report: 本年支出合计 and 基本支出 printed as ### in four rows each (not adjacent:
 * 2010102 has no 基本支出), a single ### in 项目支出 (listed as itself), and a row that does not add up.
 */
const REPORT = [
  '2025年度支出决算表',
  '单位：万元',
  '科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出',
  '合计\t\t###\t###\t40.00',
  '2010101\t行政运行\t###\t###\t',
  '2010102\t一般行政管理事务\t20.00\t\t19.00',
  '2050101\t学前教育\t###\t###\t',
  '2080501\t行政单位离退休\t###\t###\t',
  '2130599\t其他扶贫支出\t21.00\t2.00\t###',
];

/** The other tables are not in this report and its text holds no narrative: those rules are off. */
const ARGS = ['check', 'narrow.txt', '--disable', 'tables.missing', '--disable', 'n.source'];

const dir = workdir();
const runs: Record<string, { code: number; out: string }> = {};

beforeAll(async () => {
  writeText(dir, 'narrow.txt', `${REPORT.join('\n')}\n`);
  for (const format of ['stylish', 'markdown', 'html', 'json', 'github']) {
    const { code, out, err } = await cli([...ARGS, '--format', format], dir);
    expect(err).toBe('');
    runs[format] = { code, out };
  }
});

describe('cells printed as ### in the human formats: one line per column', () => {
  it('stylish: a line per column naming the lines, table and column, the count and the rows', () => {
    expectGolden('narrow-columns.stylish.txt', runs.stylish?.out ?? '');
  });

  it('markdown: a row per column, the true counts in the headline and summary', () => {
    expectGolden('narrow-columns.markdown.md', runs.markdown?.out ?? '');
  });

  it('html: a row per column, every ### cell still marked and linked to it; the true count', () => {
    const html = runs.html?.out ?? '';
    const rows = html.match(/<tr id="f0-\d+" class="finding[^"]*"/g) ?? [];
    // 2 columns + the single ### + the diagnosis and the row it explains
    expect(rows).toHaveLength(5);
    expect(html).toContain('第 4–8 行 · 支出决算表 · 基本支出 列');
    expect(html).toContain('共 11 个问题');
    // each of the eight grouped cells is filled as an error and points at its column's row
    const marked =
      html.match(/<td id="c0-0-[CD][4-8]" class="amt unreadable hit error" title="[^"]*" data-f="f0-[01]">/g) ?? [];
    expect(marked).toHaveLength(8);
  });

  it('json and github keep one finding per cell; the exit code is the same in every format', () => {
    const { findings } = JSON.parse(runs.json?.out ?? '') as { findings: Finding[] };
    const narrow = findings.filter((f) => f.messageId === 'column-too-narrow');
    expect(narrow.map((f) => f.location.cell)).toEqual(['C4', 'D4', 'C5', 'D5', 'C7', 'D7', 'C8', 'D8', 'E9']);
    expect(runs.github?.out.match(/^::error .*title=cells\.unreadable /gm)).toHaveLength(9);
    for (const format of Object.keys(runs)) expect(runs[format]?.code, format).toBe(1);
  });
});

/** A ### cell of 支出决算表's 基本支出 column in row `row`, at `at`. */
function narrowCell(row: string, at: Partial<FindingLocation>, column = '基本支出'): Finding {
  return {
    ruleId: 'cells.unreadable',
    severity: 'error',
    message: `${row} 是「###」`,
    messageId: 'column-too-narrow',
    data: { table: '支出决算表', row, column },
    location: { file: 'a', table: '03', column: column === '基本支出' ? 'basic' : 'project', ...at },
    related: [],
  };
}

/** The place and message of each line listed. */
const lines = (findings: Finding[]) =>
  listedFindings(findings).map((l) => `${l.place ?? '-'} | ${l.finding.message.split('：列宽不足')[0]}`);

describe('where a column of ### cells is, in each kind of input', () => {
  it('a PDF: the pages it runs over; two cells are both named', () => {
    const a = narrowCell('2010101 行政运行', { sheet: 'p', cell: 'D4', page: 3, tableNumber: 2 });
    const b = narrowCell('2130599 其他扶贫支出', { sheet: 'p', cell: 'D40', page: 4, tableNumber: 2 });
    expect(lines([a, b])).toEqual([
      '第 3–4 页 · 支出决算表 · 基本支出 列 | 第 3–4 页 · 支出决算表 · 基本支出 列：2 个单元格显示 ###（2010101 行政运行、2130599 其他扶贫支出）',
    ]);
  });

  it('Word or HTML: the number of the table; a workbook: the first and last cell (the sheet named as the table once)', () => {
    const word = ['合计', '2010101 行政运行', '2080501 行政单位离退休'].map((row, i) =>
      narrowCell(row, { sheet: 't', cell: `D${i + 4}`, tableNumber: 3 }),
    );
    expect(lines(word)[0]).toMatch(
      /^表 3 · 支出决算表 · 基本支出 列 \| .*3 个单元格显示 ###（合计 … 2080501 行政单位离退休）$/,
    );
    const book = ['合计', '2010101 行政运行'].map((row, i) =>
      narrowCell(row, { sheet: '支出决算表', cell: `F${i + 7}` }),
    );
    expect(lines(book)[0]).toMatch(/^支出决算表!F7…F8 · 基本支出 列 \| /);
  });

  it('a single ### cell, and cells of other columns or rules, are listed as themselves, in their order', () => {
    const pdf = (row: string, cell: string, column?: string) => narrowCell(row, { sheet: 'p', cell, page: 3 }, column);
    const other = { ...pdf('2010102 一般行政管理事务', 'D6'), ruleId: 'local.narrow' };
    const listed = listedFindings([
      pdf('合计', 'D4'),
      pdf('合计', 'E4', '项目支出'),
      other,
      pdf('2010101 行政运行', 'D5'),
    ]);
    expect(listed.map((l) => [l.place ?? l.finding.location.cell, l.members.length])).toEqual([
      ['第 3 页 · 支出决算表 · 基本支出 列', 2],
      ['E4', 1],
      ['D6', 1],
    ]);
  });
});
