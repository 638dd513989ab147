/**
 * Labels a print cut at their cell's right line: an office suite prints a label too long for its
 * cell up to the glyph that crosses the line and drops the rest when the cell beside it holds an
 * amount (年末财政拨款结转和 | 22.00). A named row so cut is still that row: the only one of the
 * rows still open whose label starts so; a 功能分类 class so cut, the one class whose name starts so.
 * A title centred over a box narrower than it runs off the page's left edge, and the print loses its
 * start: the tail left names the table when one title ends so.
 */
import { describe, expect, it } from 'vitest';
import { type PdfPage, textWidth, writePdf } from '../../scripts/fixtures/pdf.js';
import { pdfDocument } from '../../src/io/pdf/read-pdf.js';
import { readDocument } from '../../src/reader/read-document.js';
import { cells, ruled } from '../helpers/pdf-ruled.js';

const SIZE = 9;

/** A label as a print clipping at its cell's right line `width` pt on leaves it (the text 2 pt in). */
function printed(label: string, width: number): string {
  let kept = '';
  for (const ch of label) {
    if (2 + textWidth(kept, SIZE) >= width) break;
    kept += ch;
  }
  return kept;
}

/** A 收入支出决算总表 without 行次, its label columns `width` pt wide; each label as `print` leaves it. */
async function totalsTable(width: number, print: (label: string) => string) {
  const page: PdfPage = { runs: [], lines: [], rects: [] };
  page.runs.push({ x: 180, y: 790, size: 14, text: '2024年度收入支出决算总表' });
  page.runs.push({ x: 56, y: 765, size: 10, text: '单位：万元' });
  const row = (income: string, a: string, spending: string, b: string): [string, number][] => [
    [print(income), 1],
    [a, 1],
    [print(spending), 1],
    [b, 1],
  ];
  ruled(page, [56, 56 + width, 56 + width + 70, 56 + 2 * width + 70, 56 + 2 * width + 140], 750, [
    [
      ['收入', 2],
      ['支出', 2],
    ],
    [
      ['项目', 1],
      ['金额', 1],
      ['项目', 1],
      ['金额', 1],
    ],
    row('一般公共预算财政拨款收入', '300.00', '一般公共服务支出', '250.00'),
    row('事业收入', '30.00', '社会保障和就业支出', '40.00'),
    row('本年收入合计', '330.00', '本年支出合计', '290.00'),
    row('年初结转和结余', '15.00', '年末结转和结余', '55.00'),
    row('总计', '345.00', '总计', '345.00'),
  ]);
  const model = readDocument(await pdfDocument(writePdf([page], { font: 'cid' }), 'cut-labels.pdf'));
  const table = model.tables.find((t) => t.kind === '01');
  return table?.rows.map((r) => `${r.block} ${r.role ?? r.key.code ?? r.key.id} ${r.cells.amount?.value ?? ''}`);
}

const ROLES = [
  'income general-budget 300',
  'expenditure 201 250',
  'income business 30',
  'expenditure 208 40',
  'income total 330',
  'expenditure total 290',
  'income opening-balance 15',
  'expenditure closing-balance 55',
  'income grand-total 345',
  'expenditure grand-total 345',
];

describe('a PDF table whose labels the print cut at their cells’ right line', () => {
  it('reads each named row by the start of its label', async () => {
    expect(printed('年初结转和结余', 50)).toBe('年初结转和结');
    const rows = await totalsTable(50, (label) => printed(label, 50));
    expect(rows).toEqual(ROLES);
  });

  it('reads the same rows printed whole', async () => {
    expect(await totalsTable(120, (label) => label)).toEqual(ROLES);
  });

  it('leaves a label that stops short of its line by its own text (written short, not cut)', async () => {
    const short = (label: string) => (label === '年末结转和结余' ? '年末结转' : label);
    const rows = await totalsTable(120, short);
    expect(rows).toContain('expenditure T:年末结转 55');
    expect(rows).not.toContain('expenditure closing-balance 55');
  });
});

describe('a PDF table whose title the page’s left edge cut', () => {
  /** The tables read from a page whose title line starts at `x` (past the page's left edge when below 0). */
  const tablesUnder = async (x: number, title: string) => {
    const page: PdfPage = { runs: [], lines: [], rects: [] };
    page.runs.push({ x, y: 790, size: 14, text: title });
    page.runs.push({ x: 56, y: 770, size: 10, text: '单位：万元' });
    ruled(page, [56, 200, 280], 760, [
      cells('项目', '金额'),
      cells('一、机构运行经费支出', '36.00'),
      cells('二、政府采购支出总额', '70.00'),
      cells('（一）政府采购货物支出', '20.00'),
    ]);
    const model = readDocument(await pdfDocument(writePdf([page], { font: 'cid' }), 'cut-title.pdf'));
    return model.tables.map((t) => [t.kind, ...t.rows.map((r) => `${r.role ?? r.key.id} ${r.cells.amount?.value}`)]);
  };
  const TAIL = '运行经费支出、国有资产占用情况及政府采购支出信息表';

  it('is read by the tail the print kept', async () => {
    expect(await tablesUnder(-30, TAIL)).toEqual([
      ['operation-assets', 'operation 36', 'procurement-total 70', 'goods 20'],
    ]);
  });

  it('is no title when the line starts on the page (its words are all there is)', async () => {
    expect(await tablesUnder(56, TAIL)).toEqual([]);
  });
});
