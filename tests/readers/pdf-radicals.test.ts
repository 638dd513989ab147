/**
 * A browser's print to PDF names a glyph in its text layer by the first code point the font maps
 * to it, so ideographs that share their glyph with a Kangxi or supplementary radical come out as
 * the radical (支 as ⽀, 门 as ⻔): the reader reads them as the ideographs they are drawn as.
 */
import { describe, expect, it } from 'vitest';
import { type PdfPage, writePdf } from '../../scripts/fixtures/pdf.js';
import { pdfDocument } from '../../src/io/pdf/read-pdf.js';
import { unifyRadicals } from '../../src/io/pdf/radicals.js';
import { cells, ruled } from '../helpers/pdf-ruled.js';
import { gridTexts } from '../helpers/read.js';

const RADICAL_NAMES = { 支: '⽀', 入: '⼊', 二: '⼆', 门: '⻔', 车: '⻋', 目: '⽬' };

describe('radicals in a browser-printed text layer', () => {
  it('reads a ruled table’s title, labels and running text as the ideographs drawn', async () => {
    const page: PdfPage = { runs: [], lines: [], rects: [] };
    page.runs.push({ x: 200, y: 790, size: 14, text: '收入支出决算表' });
    page.runs.push({ x: 56, y: 770, size: 9, text: '部门：某某单位' });
    ruled(page, [56, 200, 300], 760, [
      cells('项目', '金额'),
      cells('二、事业收入', '12.00'),
      cells('公务用车运行维护费', '3.50'),
    ]);
    const doc = await pdfDocument(writePdf([page], { font: 'embedded', unicodeOf: RADICAL_NAMES }), 'radicals.pdf');
    const read = gridTexts(doc.grids[0]).flat().join('|');
    expect(read).toContain('收入支出决算表');
    expect(read).toContain('部门：某某单位');
    expect(read).toContain('项目|金额');
    expect(read).toContain('二、事业收入|12.00');
    expect(read).toContain('公务用车运行维护费|3.50');
    expect(read).not.toMatch(/[\u2e80-\u2fdf]/u);
  });

  it('leaves text without radicals as it is and maps both radical blocks', () => {
    expect(unifyRadicals('一般公共预算财政拨款支出')).toBe('一般公共预算财政拨款支出');
    expect(unifyRadicals('⼀般公共预算财政拨款⽀出')).toBe('一般公共预算财政拨款支出');
    expect(unifyRadicals('部⻔决算 公务⽤⻋')).toBe('部门决算 公务用车');
  });
});
