/**
 * A 情况说明 sheet whose cells hold long lines that do not wrap, printed without room for them:
 * the suite prints the text that runs past the print area on pages of their own beside the sheet's
 * page (one piece a page, each line at its row's height), and cuts each piece at the print area,
 * not at the page's edge. Its text layer keeps a few characters past the cut on both sides, so a
 * piece's line starts with the end of its neighbour's. Where a piece's text is lost (nothing shared
 * with its neighbour), what the line says past the cut is not read. PDFs made by the fixtures'
 * writer in that shape.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advance, type PdfPage, writePdf } from '../../scripts/fixtures/pdf.js';
import { run } from '../../src/cli.js';
import { memoryIO } from '../../src/cli/io.js';
import type { Finding } from '../../src/model/finding.js';
import { pdfDocument } from '../../src/io/pdf/read-pdf.js';
import { table05Page } from '../helpers/pdf-ruled.js';

const SIZE = 10;
const MARGIN = 50;
/** The print area's width: each piece shows this much of the sheet's width. */
const AREA = 272;
/** How far past the cut the text layer keeps characters, on either side. */
const SPILL = 60;
const blank = (): PdfPage => ({ runs: [], lines: [], rects: [] });

/** A text's characters laid out from the print area's left, each at its x on the sheet. */
function laidOut(chars: string[]): { ch: string; x: number }[] {
  let at = MARGIN;
  return chars.map((ch) => {
    const g = { ch, x: at };
    at += advance(ch) * SIZE;
    return g;
  });
}

/**
 * One row of the sheet at baseline `y`, its text from the print area's left: piece i shows the
 * sheet's x from MARGIN + i·AREA on, at MARGIN on its page, and keeps the characters within SPILL
 * of its cuts. `lost`: the characters in that range of the sheet's x are printed on no piece, which
 * prints what follows them in their place (the suite drops them).
 */
function row(pages: PdfPage[], y: number, text: string, lost?: [number, number]): void {
  const whole = laidOut([...text]);
  const kept = lost ? laidOut(whole.filter((g) => g.x < lost[0] || g.x >= lost[1]).map((g) => g.ch)) : whole;
  pages.forEach((page, i) => {
    const from = MARGIN + i * AREA;
    const shown = (i === 0 ? whole : kept).filter(
      (g) => (i === 0 || g.x >= from - SPILL) && g.x + advance(g.ch) * SIZE <= from + AREA + SPILL,
    );
    const first = shown[0];
    if (first) page.runs.push({ x: first.x - from + MARGIN, y, size: SIZE, text: shown.map((g) => g.ch).join('') });
  });
}

/** The sheet's rows: a long one between two short ones. */
const HEADING = '一、项目支出决算情况说明';
const LONG =
  '本年支出年初预算为50.00万元，支出决算为50.00万元，完成年初预算的100%。其中：基本支出15.00万元，项目支出35.00万元。项目支出主要用于甲项目10.00万元，主要成效是保障办公设备运转；乙项目12.00万元，主要成效是保障信息系统运行；丙项目18.00万元，主要成效是完成档案数字化加工。';
const NOTE = '（以上为主要项目）';

/** The sheet's page and its pieces: five pages, the second to the fifth the long row's rest. */
function sheet(lost?: [number, number]): PdfPage[] {
  const pages = [blank(), blank(), blank(), blank(), blank()];
  row(pages, 760, HEADING);
  row(pages, 745, LONG, lost);
  row(pages, 730, NOTE);
  return pages;
}

async function paragraphsOf(pages: PdfPage[]): Promise<string[]> {
  const doc = await pdfDocument(writePdf(pages, { font: 'cid' }), 'report.pdf');
  return (doc.text ?? []).map((p) => p.text);
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(os.tmpdir(), 'juesuan-side-text-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The findings of `check` on the pages written as a PDF: narrative ones at warn or above, and text.clipped. */
async function checked(name: string, pages: PdfPage[]): Promise<string[]> {
  await writeFile(join(dir, name), writePdf(pages, { font: 'cid' }));
  const io = memoryIO({ cwd: dir });
  await run(['check', name, '--format', 'json'], io);
  const { findings } = JSON.parse(io.stdout.join('')) as { findings: Finding[] };
  return findings
    .filter((f) => (f.ruleId.startsWith('n.') && f.severity !== 'info') || f.ruleId === 'text.clipped')
    .map((f) => `${f.severity} ${f.ruleId} 第 ${f.location.page} 页`);
}

describe('running text printed on in pieces beside its page', () => {
  it('joins each piece’s line to the line it continues, where their texts overlap', async () => {
    const pages = sheet();
    // (the shape: the long row's line is drawn on all five pages, each piece from the page's left)
    expect(pages.map((p) => p.runs.length)).toEqual([3, 1, 1, 1, 1]);
    expect((await paragraphsOf([table05Page('50.00', '9.00', '41.00'), ...pages])).slice(-3)).toEqual([
      HEADING,
      LONG,
      NOTE,
    ]);
    // what the whole line says is checked: its list of three (40.00) is not the 35.00 it names
    expect(await checked('joined.pdf', [table05Page('50.00', '9.00', '41.00'), ...pages])).toEqual([
      'error n.list-sum 第 2 页',
    ]);
  });

  it('finds the line a piece continues by their texts when the sheet is printed down, then over', async () => {
    // two page rows, their lines at the same heights: the left pieces of both come first, then the
    // pieces beside them in the same order (the second page row's long line is nearer, and not it)
    const first = [blank(), blank(), blank(), blank(), blank()];
    const second = [blank(), blank(), blank(), blank(), blank()];
    row(first, 760, HEADING);
    row(first, 745, LONG);
    row(first, 730, NOTE);
    const BASIC = '二、基本支出决算情况说明';
    const LONG2 =
      '本年基本支出15.00万元，其中：人员经费12.00万元，主要包括基本工资、津贴补贴、奖金和社会保障缴费；公用经费3.00万元，主要包括办公费、印刷费、水电费、差旅费和维修费，均按标准列支。';
    row(second, 760, BASIC);
    row(second, 745, LONG2);
    const printed = first.flatMap((page, i) => [page, second[i] as PdfPage]);
    expect((await paragraphsOf([table05Page('50.00', '9.00', '41.00'), ...printed])).slice(-5)).toEqual([
      HEADING,
      LONG,
      NOTE,
      BASIC,
      LONG2,
    ]);
    expect(await checked('down-then-over.pdf', [table05Page('50.00', '9.00', '41.00'), ...printed])).toEqual([
      'error n.list-sum 第 2 页',
    ]);
  });

  it('reads no claim past a cut whose rest was not printed, and says the text was cut', async () => {
    // the characters at the second piece's start are printed nowhere: nothing proves the piece the line's
    const pages = sheet([MARGIN + AREA - SPILL, MARGIN + AREA + SPILL + 30]);
    // (the line's end on its page, 完成年初预算的10, says nothing of the 100% it was)
    const paragraphs = await paragraphsOf([table05Page('50.00', '9.00', '41.00'), ...pages]);
    expect(paragraphs.some((p) => p.includes('丙项目'))).toBe(false);
    expect(paragraphs).toContain(NOTE);
    expect(await checked('lost.pdf', [table05Page('50.00', '9.00', '41.00'), ...pages])).toEqual([
      'info text.clipped 第 2 页',
    ]);
  });
});
