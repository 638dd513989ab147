import { describe, expect, it } from 'vitest';
import { cli } from '../formatters/seed-broken.js';
import { workdir } from '../helpers/workdir.js';
import { isOneChineseSentence, juesuan } from './cli-process.js';
import { addCell, addMerge, seedParts, seedWith, setCell } from './hostile-workbook.js';

const dir = workdir();
/** Bounded like a user's machine would rather not be: a run past these is a failure, not a wait. */
const bounded = (path: string, ...more: string[]) => juesuan(['check', path, '--format', 'json', ...more], dir, 60_000);

describe('work follows the stored cells, not the declared ranges (item 2)', { timeout: 90_000 }, () => {
  const cases: [string, Record<string, (xml: string) => string>][] = [
    ['a merge over the whole sheet A1:XFD1048576', { 'xl/worksheets/sheet3.xml': addMerge('A1:XFD1048576') }],
    ['a merge over a whole column', { 'xl/worksheets/sheet3.xml': addMerge('K1:K1048576') }],
    [
      '<col min="0" max="99999999">',
      { 'xl/worksheets/sheet3.xml': (x) => x.replace('<cols>', '<cols><col min="0" max="99999999" width="9"/>') },
    ],
    ['a single cell at XFD1048576', { 'xl/worksheets/sheet3.xml': addCell('XFD1048576', '><v>1</v>') }],
    ['a cell at A1048576', { 'xl/worksheets/sheet3.xml': addCell('A1048576', ' t="inlineStr"><is><t>尾</t></is>') }],
  ];
  for (const [name, edits] of cases) {
    it(`${name}: read in bounded time and memory, the tables as before`, () => {
      const path = seedWith(dir, `${name.replace(/\W+/g, '-')}.xlsx`, edits);
      const result = bounded(path);
      expect(result.timedOut, 'the run did not finish').toBe(false);
      expect(result.stderr).toBe('');
      const report = JSON.parse(result.stdout) as { files: { findings: unknown[]; tables?: unknown[] }[] };
      expect(report.files[0]?.tables).toHaveLength(9);
      expect(result.code).toBe(0);
    });
  }
});

// the values read, not the process: checked in this one
describe('a date-formatted amount or 1e308 is the number it stores (item 7)', () => {
  const styles =
    seedParts()
      .find((p) => p.name === 'xl/styles.xml')
      ?.data.toString('utf8') ?? '';
  /** The index of the date style added at the end of cellXfs. */
  const dateIndex = /<cellXfs count="(\d+)">/.exec(styles)?.[1] ?? '0';
  const dateStyle = (xml: string) =>
    xml.replace(/<cellXfs count="(\d+)">(.*?)<\/cellXfs>/s, (_, n: string, body: string) => {
      return `<cellXfs count="${Number(n) + 1}">${body}<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>`;
    });
  const dated = (xml: string) => xml.replace(/<c r="E9" s="\d+"/, `<c r="E9" s="${dateIndex}"`);
  it('E9 (本年支出合计 of 2010350) formatted as a date: read as 398.17, no finding', async () => {
    const path = seedWith(dir, 'date-amount.xlsx', { 'xl/styles.xml': dateStyle, 'xl/worksheets/sheet3.xml': dated });
    const result = await cli(['check', path, '--format', 'json'], dir);
    expect(result.code, result.err).toBe(0);
  });
  it('1e308 in a date-formatted amount cell: a finding with the number, never "Invalid time value"', async () => {
    const path = seedWith(dir, 'huge-date.xlsx', {
      'xl/styles.xml': dateStyle,
      'xl/worksheets/sheet3.xml': setCell('E9', ` s="${dateIndex}"><v>1e308</v>`),
    });
    const result = await cli(['check', path, '--format', 'json'], dir);
    expect(result.err).not.toMatch(/Invalid time value|内部错误/);
    expect(result.code, result.err).toBe(1);
    expect(result.out).toContain('t03.row-total');
    const annotated = await cli(['check', path, '--annotate', `${dir}/annotated.xlsx`], dir);
    expect(annotated.err).not.toMatch(/Invalid time value|内部错误/);
    expect([1, 2]).toContain(annotated.code);
  });
});

describe('nothing reaches the terminal that juesuan did not write (item 10)', { timeout: 90_000 }, () => {
  it('a sheet name of 40 characters: no English warning, the sheet read under its full name', () => {
    const long = '支出决算表（2024年度部门决算公开表格之三，按功能分类科目列示的全部支出）';
    const path = seedWith(dir, 'long-name.xlsx', {
      'xl/workbook.xml': (x) => x.replace('name="支出决算表"', `name="${long}"`),
    });
    const result = juesuan(['inspect', path, '--format', 'json'], dir);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(long);
    // exceljs, which writes the annotated copy, cannot load such a workbook: one sentence, its words kept for --debug
    const annotated = juesuan(['check', path, '--annotate', `${dir}/long-annotated.xlsx`], dir);
    expect(isOneChineseSentence(annotated.stderr), annotated.stderr).toBe(true);
    expect(annotated.stderr).not.toContain('Worksheet');
  });
});
