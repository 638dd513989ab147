/**
 * A table wider than the page (a Word document whose tables set no widths, exported to PDF): the
 * page's right edge cuts it, so the columns beyond the edge are not printed and the one it crosses
 * keeps only its left part (amounts are right-aligned: they are gone). The table is said to be
 * read in part, once, and no rule checks it: a missing column is no discrepancy of the report.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE, type PdfPage, textWidth, writePdf } from '../../scripts/fixtures/pdf.js';
import { run } from '../../src/cli.js';
import { memoryIO } from '../../src/cli/io.js';
import type { Finding } from '../../src/model/finding.js';

const SIZE = 9;
const HEIGHT = 16;

/** A ruled table whose column lines `xs` may run past the page's right edge, where the print stops. */
function table(page: PdfPage, xs: number[], top: number, rows: string[][]): void {
  const edge = PAGE.width;
  const right = Math.min(xs.at(-1) as number, edge);
  rows.forEach((cells, r) => {
    const y = top - r * HEIGHT;
    page.lines.push([xs[0] as number, y, right, y]);
    cells.forEach((text, c) => {
      const x0 = xs[c] as number;
      const x1 = xs[c + 1] as number;
      if (x0 < edge) page.lines.push([x0, y, x0, y - HEIGHT]);
      // amounts right-aligned, labels left-aligned; what starts past the edge is not printed
      const x = /\d\.\d\d$/.test(text) ? x1 - 2 - textWidth(text, SIZE) : x0 + 2;
      if (text !== '' && x + textWidth(text, SIZE) <= edge) page.runs.push({ x, y: y - 12, size: SIZE, text });
    });
    // the table's right rule, or where the print stops: a rule on the page's edge (as LibreOffice draws it)
    page.lines.push([right, y, right, y - HEIGHT]);
  });
  page.lines.push([xs[0] as number, top - rows.length * HEIGHT, right, top - rows.length * HEIGHT]);
}

function report(xs: number[], amounts = ['10.00', '6.00', '4.00']): Buffer {
  const page: PdfPage = { runs: [], lines: [], rects: [] };
  page.runs.push({ x: 150, y: 790, size: 14, text: '2024年度一般公共预算财政拨款支出决算表' });
  page.runs.push({ x: 56, y: 765, size: 10, text: '公开05表' });
  page.runs.push({ x: 56, y: 750, size: 10, text: '单位：万元' });
  table(page, xs, 740, [
    ['科目编码', '科目名称', '小计', '基本支出', '项目支出'],
    ['', '合计', ...amounts],
    ['2010350', '事业运行', ...amounts],
  ]);
  return writePdf([page], { font: 'cid' });
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(os.tmpdir(), 'juesuan-clipped-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function tableFindings(name: string, bytes: Buffer): Promise<Finding[]> {
  await writeFile(join(dir, name), bytes);
  const io = memoryIO({ cwd: dir });
  await run(['check', name, '--format', 'json'], io);
  const { findings } = JSON.parse(io.stdout.join('')) as { findings: Finding[] };
  return findings.filter((f) => f.location.table === '05');
}

describe('a table the page’s right edge cuts', () => {
  it('is checked as usual when it fits the page', async () => {
    const findings = await tableFindings('fits.pdf', report([56, 130, 300, 400, 480, 560]));
    expect(findings.map((f) => f.ruleId)).toEqual([]);
  });

  it('is said to be read in part, on its page, and its rules are not run', async () => {
    const findings = await tableFindings('cut.pdf', report([56, 130, 300, 400, 500, 660]));
    expect(findings.map((f) => `${f.ruleId} ${f.severity}`)).toEqual(['tables.clipped info']);
    expect(findings[0]?.message).toMatch(/第 1 页.*超出页面右边/);
  });

  it('is not taken for an empty table when the figures printed are zeros (the others may be past the edge)', async () => {
    const findings = await tableFindings(
      'cut-zeros.pdf',
      report([56, 130, 300, 400, 500, 660], ['0.00', '0.00', '4.00']),
    );
    expect(findings.map((f) => `${f.ruleId} ${f.severity}`)).toEqual(['tables.clipped info']);
  });
});

describe('the 情况说明 beside a table the page’s right edge cuts', () => {
  /** A 基本支出明细表 in two halves side by side, the 公用经费 half's figures past the edge. */
  function basicSpending(
    xs: number[],
    said = '人员经费8.00万元，主要包括基本工资。公用经费2.00万元，主要包括办公费。',
  ): Buffer {
    const page: PdfPage = { runs: [], lines: [], rects: [] };
    page.runs.push({ x: 120, y: 790, size: 14, text: '2024年度一般公共预算财政拨款基本支出决算明细表' });
    page.runs.push({ x: 56, y: 765, size: 10, text: '公开06表' });
    page.runs.push({ x: 56, y: 750, size: 10, text: '单位：万元' });
    table(page, xs, 740, [
      ['科目编码', '科目名称', '决算数', '科目编码', '科目名称', '决算数'],
      ['301', '工资福利支出', '8.00', '302', '商品和服务支出', '2.00'],
      ['30101', '基本工资', '8.00', '30201', '办公费', '2.00'],
      ['', '人员经费合计', '8.00', '', '公用经费合计', '2.00'],
    ]);
    page.runs.push({ x: 56, y: 610, size: 10, text: '六、一般公共预算财政拨款基本支出决算情况说明' });
    page.runs.push({ x: 56, y: 590, size: 10, text: said });
    return writePdf([page], { font: 'cid' });
  }

  /** Narrative findings at warn or above; `all`: notes too, but for the n.source summary. */
  async function narrativeFindings(name: string, bytes: Buffer, all = false): Promise<string[]> {
    await writeFile(join(dir, name), bytes);
    const io = memoryIO({ cwd: dir });
    await run(['check', name, '--format', 'json'], io);
    const { findings } = JSON.parse(io.stdout.join('')) as { findings: Finding[] };
    return findings
      .filter((f) => f.ruleId.startsWith('n.') && (all ? f.ruleId !== 'n.source' : f.severity !== 'info'))
      .map((f) => `${f.ruleId} ${f.message}`);
  }

  it('is checked against the table where it fits the page', async () => {
    const xs = [56, 100, 180, 240, 290, 380, 440];
    expect(await narrativeFindings('basic-fits.pdf', basicSpending(xs))).toEqual([]);
    const wrong = await narrativeFindings(
      'basic-fits-wrong.pdf',
      basicSpending(xs, '人员经费8.00万元，主要包括基本工资。公用经费3.00万元，主要包括办公费。'),
    );
    expect(wrong.map((f) => f.split(' ')[0])).toEqual(['n.amount']);
  });

  it('is not checked against the blank a figure past the edge leaves', async () => {
    const xs = [56, 100, 200, 280, 340, 500, 640];
    // nor is 办公费, its figure past the edge, said to be 0 among the items “主要包括” names (n.includes)
    expect(await narrativeFindings('basic-cut.pdf', basicSpending(xs), true)).toEqual([]);
    // the figures printed are still checked: 人员经费 against its 8.00
    const wrong = await narrativeFindings(
      'basic-cut-wrong.pdf',
      basicSpending(xs, '人员经费9.00万元，主要包括基本工资。公用经费2.00万元，主要包括办公费。'),
    );
    expect(wrong.map((f) => f.split('，')[0])).toEqual(['n.amount 情况说明 P5 写「人员经费」决算数 9 万元']);
  });
});

describe('a piece of a sheet printed side by side that no page takes', () => {
  it('is said to be read in part, and so is the table whose rows it continues, whose rules are not run', async () => {
    // the 05's codes, names and first columns on pages 1 and 2 (two page rows alike: which one the
    // piece continues is not known), its 项目支出 on page 3, the title cut by the page's left edge
    const left = (titled: boolean): PdfPage => {
      const page: PdfPage = { runs: [], lines: [], rects: [] };
      if (titled) {
        page.runs.push({ x: 150, y: 790, size: 14, text: '2024年度一般公共预算财政拨款支出决算表' });
        page.runs.push({ x: 56, y: 765, size: 10, text: '公开05表' });
        page.runs.push({ x: 56, y: 750, size: 10, text: '单位：万元' });
      }
      table(page, [56, 130, 300, 400, 480], 740, [
        ['科目编码', '科目名称', '小计', '基本支出'],
        ['', '合计', '10.00', '9.00'],
        ['2010350', '事业运行', '10.00', '9.00'],
      ]);
      return page;
    };
    const piece: PdfPage = { runs: [], lines: [], rects: [] };
    piece.runs.push({ x: -200, y: 790, size: 14, text: '2024年度一般公共预算财政拨款支出决算表' });
    table(piece, [56, 136], 740, [['项目支出'], ['1.00'], ['1.00']]);
    const findings = await tableFindings('piece.pdf', writePdf([left(true), left(false), piece], { font: 'cid' }));
    expect(findings.map((f) => `${f.ruleId} ${f.severity}`)).toEqual(['tables.clipped info']);
    expect(findings[0]?.message).toMatch(/第 1 页、第 2 页.*宽表分页并排打印/);
  });
});
