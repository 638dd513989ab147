/**
 * Ruled tables drawn on a page of the fixtures' PDF writer, as a spreadsheet's export draws them:
 * rows 16 pt tall, each cell's text 2 pt in from its left line, lines between cells only.
 */
import type { PdfPage } from '../../scripts/fixtures/pdf.js';

const SIZE = 9;
const ROW_HEIGHT = 16;

/** A row of cells each one column wide, for `ruled`: cells('科目编码', '科目名称', '合计'). */
export function cells(...texts: string[]): [string, number][] {
  return texts.map((text) => [text, 1]);
}

/** A ruled block of rows: each row's cells as [text, columns it spans]; lines between cells only. */
export function ruled(page: PdfPage, xs: number[], top: number, rows: [string, number][][]): void {
  const height = ROW_HEIGHT;
  rows.forEach((cells, r) => {
    const y = top - r * height;
    page.lines.push([xs[0] as number, y, xs.at(-1) as number, y]);
    let c = 0;
    for (const [text, span] of cells) {
      page.lines.push([xs[c] as number, y, xs[c] as number, y - height]);
      page.runs.push({ x: (xs[c] as number) + 2, y: y - 12, size: SIZE, text });
      c += span;
    }
    page.lines.push([xs.at(-1) as number, y, xs.at(-1) as number, y - height]);
  });
  const bottom = top - rows.length * height;
  page.lines.push([xs[0] as number, bottom, xs.at(-1) as number, bottom]);
}

/**
 * A page with one of a report's tables on it, a 05 table of one 功能分类 row (its 合计 the same): a
 * report's running text is read with its tables, so a PDF of text alone would be a 情况说明 by itself.
 * The amounts are 本年支出合计, 基本支出 and 项目支出.
 */
export function table05Page(total: string, basic: string, project: string): PdfPage {
  const page: PdfPage = { runs: [], lines: [], rects: [] };
  page.runs.push({ x: 150, y: 790, size: 14, text: '2024年度一般公共预算财政拨款支出决算表' });
  page.runs.push({ x: 56, y: 765, size: 10, text: '公开05表' });
  page.runs.push({ x: 56, y: 750, size: 10, text: '单位：万元' });
  const amounts: [string, number][] = [total, basic, project].map((a) => [a, 1]);
  ruled(page, [56, 130, 300, 400, 480, 560], 740, [
    [
      ['科目编码', 1],
      ['科目名称', 1],
      ['小计', 1],
      ['基本支出', 1],
      ['项目支出', 1],
    ],
    [['', 1], ['合计', 1], ...amounts],
    [['2010350', 1], ['事业运行', 1], ...amounts],
  ]);
  return page;
}

/**
 * A cell drawn by its own sides, as a browser prints a table's collapsed borders: its lines of
 * text 11 pt apart from 13 pt under its top, 2 pt in. `open` leaves that side undrawn: a cell the
 * page's end cuts, its column lines running on to the page's margin (bottom), or its rest on the
 * next page, from that page's margin (top).
 */
export function box(
  page: PdfPage,
  [x0, x1]: [number, number],
  [top, bottom]: [number, number],
  lines: string[] = [],
  open?: 'top' | 'bottom',
): void {
  page.lines.push([x0, top, x0, bottom], [x1, top, x1, bottom]);
  if (open !== 'top') page.lines.push([x0, top, x1, top]);
  if (open !== 'bottom') page.lines.push([x0, bottom, x1, bottom]);
  lines.forEach((text, i) => {
    page.runs.push({ x: x0 + 2, y: top - 13 - i * 11, size: SIZE, text });
  });
}
