/**
 * A sheet wider than the page printed without fit-to-width (LibreOffice Calc's and Excel's
 * default) comes out side by side over pages: the left piece holds the codes and names and the
 * first amount columns, the next page the remaining columns at the same row heights, each piece
 * from the page's left margin; a title merged over the whole width is drawn on every piece, cut by
 * the page's edges. PDFs made by the fixtures' writer in that shape read as the sheet.
 */
import { describe, expect, it } from 'vitest';
import { type PdfPage, writePdf } from '../../scripts/fixtures/pdf.js';
import { pdfDocument } from '../../src/io/pdf/read-pdf.js';
import { readDocument } from '../../src/reader/read-document.js';
import { ruled } from '../helpers/pdf-ruled.js';
import { gridTexts } from '../helpers/read.js';

const TOP = 760;
const MARGIN = 56;
const blank = (): PdfPage => ({ runs: [], lines: [], rects: [] });
const cells = (...texts: string[]): [string, number][] => texts.map((t) => [t, 1]);

/** A header row 列1…列n over a row of the figures given: a table piece of one data row. */
const figures = (texts: string[]) => [cells(...texts.map((_, i) => `列${i + 1}`)), cells(...texts)];

/** Pages of a sheet's pieces, each with the sheet's x where it starts. */
type Pieces = { page: PdfPage; from: number }[];

/** A title merged over the sheet's width at sheet position x: every piece draws it, moved by its start. */
function title(pieces: Pieces, x: number, text: string): void {
  for (const { page, from } of pieces) page.runs.push({ x: x - from + MARGIN, y: 790, size: 14, text });
}

/** Two pages of one sheet printed side by side, the second from sheet x `from`, under a title centred at `x`. */
function titledPair(from: number, x: number, text: string): [PdfPage, PdfPage] {
  const pages: [PdfPage, PdfPage] = [blank(), blank()];
  title(
    [
      { page: pages[0], from: MARGIN },
      { page: pages[1], from },
    ],
    x,
    text,
  );
  return pages;
}

async function grids(pages: PdfPage[]): Promise<string[][][]> {
  const doc = await pdfDocument(writePdf(pages, { font: 'cid' }), 'pieces.pdf');
  return doc.grids.map((g) => gridTexts(g));
}

const LABELS = [
  cells('科目编码', '科目名称', '合计', '基本支出'),
  cells('', '合计', '30.00', '20.00'),
  cells('2010350', '事业运行', '18.00', '12.00'),
  cells('2080505', '养老保险缴费', '12.00', '8.00'),
];
const LEFT_XS = [56, 120, 280, 340, 400];

describe('a sheet printed in pieces side by side', () => {
  it('lays the piece of figures beside the piece of labels, row by row', async () => {
    const left = blank();
    const right = blank();
    // the sheet's columns: 56 … 400 on the first page, 400 … 580 on the second (printed from 56)
    title(
      [
        { page: left, from: 56 },
        { page: right, from: 400 },
      ],
      330,
      '2024年度某项支出决算表',
    );
    left.runs.push({ x: 58, y: TOP + 6, size: 9, text: '部门：某单位' });
    right.runs.push({ x: 180, y: TOP + 6, size: 9, text: '单位：万元' });
    ruled(left, LEFT_XS, TOP, LABELS);
    ruled(right, [56, 116, 176, 236], TOP, [
      cells('项目支出', '上缴上级支出', '经营支出'),
      cells('10.00', '', ''),
      cells('6.00', '', ''),
      cells('4.00', '', ''),
    ]);
    expect(await grids([left, right])).toEqual([
      [
        ['2024年度某项支出决算表', '', '', '', '', '', ''],
        ['部门：某单位 单位：万元', '', '', '', '', '', ''],
        ['科目编码', '科目名称', '合计', '基本支出', '项目支出', '上缴上级支出', '经营支出'],
        ['', '合计', '30.00', '20.00', '10.00', '', ''],
        ['2010350', '事业运行', '18.00', '12.00', '6.00', '', ''],
        ['2080505', '养老保险缴费', '12.00', '8.00', '4.00', '', ''],
      ],
    ]);
  });

  // a slash is what a template prints for none (the workbook reader reads it as blank): a piece
  // whose body holds figures and slashes is figures, not labels of its own
  // (no title over the seam: text the page's edge cuts would join the piece whatever its cells)
  it('lays a piece of figures and slashes for none beside the piece of labels', async () => {
    const left = blank();
    const right = blank();
    ruled(left, LEFT_XS, TOP, LABELS);
    ruled(right, [56, 116, 176], TOP, [
      cells('项目支出', '经营支出'),
      cells('10.00', '/'),
      cells('6.00', '/'),
      cells('4.00', '/'),
    ]);
    expect(await grids([left, right])).toEqual([
      [
        ['科目编码', '科目名称', '合计', '基本支出', '项目支出', '经营支出'],
        ['', '合计', '30.00', '20.00', '10.00', '/'],
        ['2010350', '事业运行', '18.00', '12.00', '6.00', '/'],
        ['2080505', '养老保险缴费', '12.00', '8.00', '4.00', '/'],
      ],
    ]);
  });

  it('joins three pieces, the last one with no amount (its 栏次 number and blank cells)', async () => {
    const pages = [blank(), blank(), blank()];
    title(
      pages.map((page, i) => ({ page, from: [56, 400, 688][i] as number })),
      300,
      '2024年度某项支出决算表',
    );
    const withNumbers = [
      cells('科目编码', '科目名称', '合计', '基本支出'),
      cells('栏次', '', '1', '2'),
      ...LABELS.slice(1),
    ];
    ruled(pages[0] as PdfPage, LEFT_XS, TOP, withNumbers);
    ruled(pages[1] as PdfPage, [56, 200, 344], TOP, [
      cells('项目支出', '上缴上级支出'),
      cells('3', '4'),
      cells('10.00', ''),
      cells('6.00', ''),
      cells('4.00', ''),
    ]);
    ruled(pages[2] as PdfPage, [56, 146], TOP, [cells('经营支出'), cells('5'), cells(''), cells(''), cells('')]);
    const [table] = await grids(pages);
    expect(table?.slice(1)).toEqual([
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出', '上缴上级支出', '经营支出'],
      ['栏次', '', '1', '2', '3', '4', '5'],
      ['', '合计', '30.00', '20.00', '10.00', '', ''],
      ['2010350', '事业运行', '18.00', '12.00', '6.00', '', ''],
      ['2080505', '养老保险缴费', '12.00', '8.00', '4.00', '', ''],
    ]);
  });

  it('joins a piece with labels of its own where the page’s left edge cuts the title', async () => {
    const [left, right] = titledPair(300, 240, '2024年度某项基本支出明细表');
    ruled(left, [56, 110, 240, 300], TOP, [
      cells('科目编码', '人员经费', '决算数'),
      cells('30101', '基本工资', '8.00'),
      cells('30102', '津贴补贴', '4.00'),
    ]);
    ruled(right, [56, 110, 240, 300], TOP, [
      cells('科目编码', '公用经费', '决算数'),
      cells('30201', '办公费', '2.00'),
      cells('30205', '水费', '1.00'),
    ]);
    expect(await grids([left, right])).toEqual([
      [
        ['2024年度某项基本支出明细表', '', '', '', '', ''],
        ['科目编码', '人员经费', '决算数', '科目编码', '公用经费', '决算数'],
        ['30101', '基本工资', '8.00', '30201', '办公费', '2.00'],
        ['30102', '津贴补贴', '4.00', '30205', '水费', '1.00'],
      ],
    ]);
  });
});

describe('a label run on over the blank cell beside it, across the seam', () => {
  it('stays one label in its own column', async () => {
    const left = blank();
    const right = blank();
    ruled(left, [56, 100, 120, 200], TOP, [cells('科目编码', '行次', '科目名称'), cells('2080505', '1', '')]);
    ruled(right, [56, 116, 176], TOP, [cells('年初结转', '本年支出'), cells('', '8.00')]);
    // the label, longer than its column, drawn whole on both pages, each showing its own part
    const label = '机关事业单位基本养老保险缴费支出';
    left.runs.push({ x: 122, y: TOP - 28, size: 9, text: label });
    right.runs.push({ x: 122 - (200 - 56), y: TOP - 28, size: 9, text: label });
    expect(await grids([left, right])).toEqual([
      [
        ['科目编码', '行次', '科目名称', '年初结转', '本年支出'],
        ['2080505', '1', label, '', '8.00'],
      ],
    ]);
  });
});

describe('a sheet two pages tall and two pieces wide', () => {
  // rows 1–3 of the sheet on the first page row (under the header), rows 4–5 on the second
  const leftTop = [
    cells('科目编码', '科目名称', '合计'),
    cells('', '合计', '30.00'),
    cells('2010350', '事业运行', '18.00'),
  ];
  const rightTop = [cells('基本支出', '项目支出'), cells('20.00', '10.00'), cells('12.00', '6.00')];
  const leftBottom = [cells('2080505', '养老保险缴费', '8.00'), cells('2101102', '事业单位医疗', '4.00')];
  // (an amount typed with spaces is pieces in the text layer: "5." "00")
  const rightBottom = [cells('5. 00', '3.00'), cells('3.00', '1.00')];
  const pieces = () => {
    const [a, b, c, d] = [blank(), blank(), blank(), blank()] as [PdfPage, PdfPage, PdfPage, PdfPage];
    title(
      [
        { page: a, from: 56 },
        { page: c, from: 340 },
      ],
      250,
      '2024年度某项支出决算表',
    );
    ruled(a, [56, 120, 280, 340], TOP, leftTop);
    ruled(c, [56, 116, 176], TOP, rightTop);
    ruled(b, [56, 120, 280, 340], 790, leftBottom);
    ruled(d, [56, 116, 176], 790, rightBottom);
    return { topLeft: a, bottomLeft: b, topRight: c, bottomRight: d };
  };
  const whole = [
    ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
    ['', '合计', '30.00', '20.00', '10.00'],
    ['2010350', '事业运行', '18.00', '12.00', '6.00'],
    ['2080505', '养老保险缴费', '8.00', '5. 00', '3.00'],
    ['2101102', '事业单位医疗', '4.00', '3.00', '1.00'],
  ];

  it('reads it printed top to bottom, then left to right (Calc’s default)', async () => {
    const p = pieces();
    const [table] = await grids([p.topLeft, p.bottomLeft, p.topRight, p.bottomRight]);
    expect(table?.slice(1)).toEqual(whole);
  });

  it('reads it printed left to right, then down', async () => {
    const p = pieces();
    const [table] = await grids([p.topLeft, p.topRight, p.bottomLeft, p.bottomRight]);
    expect(table?.slice(1)).toEqual(whole);
  });
});

describe('a sheet whose title stands on its second piece', () => {
  it('joins the second piece, labels and all, to the first one that has no title', async () => {
    // 收入 | 支出 side by side, the title centred over the second piece (the first has none)
    const left = blank();
    const right = blank();
    right.runs.push({ x: 70, y: 790, size: 14, text: '2024年度某项收支决算总表' });
    ruled(left, [56, 200, 240, 300], TOP, [
      cells('收入项目', '行次', '决算数'),
      cells('一、某项收入', '1', '30.00'),
      cells('收入合计', '2', '30.00'),
    ]);
    ruled(right, [56, 200, 240, 300], TOP, [
      cells('支出项目', '行次', '决算数'),
      cells('一、某项支出', '3', '30.00'),
      cells('支出合计', '4', '30.00'),
    ]);
    expect(await grids([left, right])).toEqual([
      [
        ['2024年度某项收支决算总表', '', '', '', '', ''],
        ['收入项目', '行次', '决算数', '支出项目', '行次', '决算数'],
        ['一、某项收入', '1', '30.00', '一、某项支出', '3', '30.00'],
        ['收入合计', '2', '30.00', '支出合计', '4', '30.00'],
      ],
    ]);
  });
});

describe('tables on pages in a row that are no pieces of one sheet', () => {
  it('keeps a table with labels apart when nothing is cut by the page’s edge', async () => {
    const first = blank();
    const second = blank();
    first.runs.push({ x: 200, y: 790, size: 14, text: '某项支出决算表' });
    second.runs.push({ x: 200, y: 790, size: 14, text: '另一项支出决算表' });
    ruled(first, LEFT_XS, TOP, LABELS);
    ruled(second, LEFT_XS, TOP, LABELS);
    const tables = await grids([first, second]);
    expect(tables.flat().filter((row) => row[0] === '科目编码')).toHaveLength(2);
    expect(tables.flat().every((row) => row.length === 4)).toBe(true);
  });

  it('keeps the next sheet’s first piece apart where its first column would have fitted beside the last', async () => {
    // a one-row sheet of figures in two pieces (the second ends at 300, where 200 pt are left),
    // then the first piece of another with the same rows and a first column 100 pt wide
    const [a, b, c] = [blank(), blank(), blank()] as [PdfPage, PdfPage, PdfPage];
    a.runs.push({ x: 200, y: 790, size: 14, text: '某项经费支出决算表' });
    ruled(a, [56, 176, 296, 416, 536], TOP, figures(['1.00', '2.00', '3.00', '4.00']));
    ruled(b, [56, 178, 300], TOP, figures(['5.00', '6.00']));
    ruled(c, [56, 156, 256], TOP, figures(['7.00', '8.00']));
    const tables = (await grids([a, b, c])).flat().filter((row) => row[0] === '列1');
    expect(tables.map((row) => row.filter((t) => t !== '').length)).toEqual([6, 2]);
  });

  it('keeps the next sheet’s first piece apart where it starts with the sheet’s 部门 line', async () => {
    // a one-row sheet of figures in two pieces, 部门 over its first column and 单位 over its last,
    // then another sheet's first piece with the same rows, its first column too wide to have fitted
    // beside the last piece: the 部门 line at its left is a sheet's first cell
    const [a, b, c] = [blank(), blank(), blank()] as [PdfPage, PdfPage, PdfPage];
    a.runs.push({ x: 58, y: TOP + 6, size: 9, text: '部门：某单位' });
    ruled(a, [56, 176, 296, 416, 536], TOP, figures(['1.00', '2.00', '3.00', '4.00']));
    b.runs.push({ x: 250, y: TOP + 6, size: 9, text: '单位：万元' });
    ruled(b, [56, 178, 300], TOP, figures(['5.00', '6.00']));
    c.runs.push({ x: 58, y: TOP + 6, size: 9, text: '部门：某单位' });
    ruled(c, [56, 296, 536], TOP, figures(['7.00', '8.00']));
    const tables = (await grids([a, b, c])).flat().filter((row) => row[0] === '列1');
    expect(tables.map((row) => row.filter((t) => t !== '').length)).toEqual([6, 2]);
  });

  it('keeps the next sheet’s first piece apart where its 编制单位 line stands left of its first column', async () => {
    // the template leaves a blank margin column before the table: the line under the title
    // starts there, left of the table's first column line
    const [a, b, c] = [blank(), blank(), blank()] as [PdfPage, PdfPage, PdfPage];
    ruled(a, [56, 176, 296, 416, 536], TOP, figures(['1.00', '2.00', '3.00', '4.00']));
    ruled(b, [56, 178, 300], TOP, figures(['5.00', '6.00']));
    c.runs.push({ x: 58, y: TOP + 6, size: 9, text: '编制单位：某单位' });
    ruled(c, [76, 336, 556], TOP, figures(['7.00', '8.00']));
    const tables = (await grids([a, b, c])).flat().filter((row) => row[0] === '列1');
    expect(tables.map((row) => row.filter((t) => t !== '').length)).toEqual([6, 2]);
  });

  it('joins the last piece whose first column holds the 编制单位 line at the right of the line under the title', async () => {
    // the template puts the unit's name at the right end of the line under the title: on the
    // sheet's last piece, one column wide, it ends at the column's right line — no first cell
    const [a, b] = [blank(), blank()] as [PdfPage, PdfPage];
    a.runs.push({ x: 250, y: TOP + 20, size: 9, text: '金额单位：万元' });
    ruled(a, [56, 176, 296, 416, 536], TOP, figures(['1.00', '2.00', '3.00', '4.00']));
    b.runs.push({ x: 102, y: TOP + 6, size: 9, text: '编制单位：某单位' });
    ruled(b, [56, 176], TOP, [cells('列5'), cells('5.00')]);
    const tables = (await grids([a, b])).flat().filter((row) => row[0] === '列1');
    expect(tables.map((row) => row.filter((t) => t !== '').length)).toEqual([5]);
  });

  it('keeps a table of figures with a title of its own apart from a sheet with one', async () => {
    const [a, b] = [blank(), blank()] as [PdfPage, PdfPage];
    a.runs.push({ x: 150, y: 790, size: 14, text: '某项支出决算表' });
    b.runs.push({ x: 150, y: 790, size: 14, text: '某项经费支出决算表' });
    ruled(a, LEFT_XS, TOP, LABELS);
    ruled(b, [56, 300, 400], TOP, [
      cells('预算数', '决算数'),
      cells('1.00', '2.00'),
      cells('3.00', '4.00'),
      cells('5.00', '6.00'),
    ]);
    const tables = await grids([a, b]);
    expect(tables.flat().filter((row) => row.length > 4)).toEqual([]);
  });

  it('keeps a table of figures apart when its rows are not the rows beside it', async () => {
    const first = blank();
    const second = blank();
    ruled(first, LEFT_XS, TOP, LABELS);
    ruled(second, [56, 116, 176], TOP - 8, [cells('预算数', '决算数'), cells('1', '2'), cells('3.00', '4.00')]);
    const tables = await grids([first, second]);
    expect(tables.flat().every((row) => row.length === 4)).toBe(true);
  });
});

describe('a sheet whose first column alone fills its pages (one label to a line, like running text)', () => {
  // the labels' column 420 pt wide: each page of the first column of pieces holds it alone
  const LABEL_XS = [56, 476];
  const labelRows = (...labels: string[]) => [cells('项目'), ...labels.map((l) => cells(l))];

  it('reads the rules of the page of labels, whose piece beside it the page’s left edge cuts', async () => {
    const [left, right] = titledPair(476, 400, '2024年度某项收入决算表');
    ruled(left, LABEL_XS, TOP, labelRows('一、某项收入', '二、另一项收入', '收入合计'));
    ruled(right, [56, 116, 176], TOP, [
      cells('行次', '决算数'),
      cells('1', '20.00'),
      cells('2', '10.00'),
      cells('3', '30.00'),
    ]);
    const [table] = await grids([left, right]);
    expect(table?.slice(1)).toEqual([
      ['项目', '行次', '决算数'],
      ['一、某项收入', '1', '20.00'],
      ['二、另一项收入', '2', '10.00'],
      ['收入合计', '3', '30.00'],
    ]);
  });
});

describe('pieces with labels of their own, printed down then over', () => {
  // two page rows, three pieces across: 收入 | 支出 | 支出's detail, each piece with names of its own
  const rows = (top: [string, string], body: [string, string][]) => [cells(...top), ...body.map((r) => cells(...r))];
  const sheet = () => {
    const p = Array.from({ length: 6 }, blank) as PdfPage[];
    const [l1, l2, m1, m2, r1, r2] = p as [PdfPage, PdfPage, PdfPage, PdfPage, PdfPage, PdfPage];
    // the title merged over the first two pieces: the second one's left edge cuts it
    title(
      [
        { page: l1, from: 56 },
        { page: m1, from: 296 },
      ],
      230,
      '2024年度某项收支决算总表',
    );
    const xs = [56, 176, 296];
    ruled(
      l1,
      xs,
      TOP,
      rows(
        ['收入项目', '决算数'],
        [
          ['一、某项收入', '30.00'],
          ['二、另一项收入', '10.00'],
        ],
      ),
    );
    ruled(l2, xs, 790, rows(['三、其他收入', '5.00'], [['收入合计', '45.00']]));
    ruled(
      m1,
      xs,
      TOP,
      rows(
        ['支出项目', '决算数'],
        [
          ['一、某项支出', '25.00'],
          ['二、另一项支出', '12.00'],
        ],
      ),
    );
    ruled(m2, xs, 790, rows(['三、其他支出', '8.00'], [['支出合计', '45.00']]));
    ruled(
      r1,
      xs,
      TOP,
      rows(
        ['其中：项目', '金额'],
        [
          ['某项目', '20.00'],
          ['另一项目', '9.00'],
        ],
      ),
    );
    ruled(r2, xs, 790, rows(['其他项目', '3.00'], [['项目合计', '32.00']]));
    return [l1, l2, m1, m2, r1, r2];
  };

  it('lays each piece beside the page row it continues, the third column of pieces back at the top', async () => {
    const [table] = await grids(sheet());
    expect(table?.slice(1)).toEqual([
      ['收入项目', '决算数', '支出项目', '决算数', '其中：项目', '金额'],
      ['一、某项收入', '30.00', '一、某项支出', '25.00', '某项目', '20.00'],
      ['二、另一项收入', '10.00', '二、另一项支出', '12.00', '另一项目', '9.00'],
      ['三、其他收入', '5.00', '三、其他支出', '8.00', '其他项目', '3.00'],
      ['收入合计', '45.00', '支出合计', '45.00', '项目合计', '32.00'],
    ]);
  });

  it('joins a piece of one header row (two lines) where it is the page row the order expects', async () => {
    // the sheet's header starts at the foot of its first page row; the third piece draws its two
    // header rows as one merged cell: two row lines only
    const p = Array.from({ length: 6 }, blank) as PdfPage[];
    const [l1, l2, m1, m2, r1, r2] = p as [PdfPage, PdfPage, PdfPage, PdfPage, PdfPage, PdfPage];
    title(
      [
        { page: l1, from: 56 },
        { page: m1, from: 296 },
      ],
      230,
      '2024年度某项收支决算总表',
    );
    const xs = [56, 176, 296];
    ruled(l1, xs, 120, [cells('收入', ''), cells('项目', '决算数')]);
    ruled(m1, xs, 120, [cells('支出', ''), cells('项目', '决算数')]);
    // (one row as tall as the two beside it)
    r1.lines.push([56, 120, 296, 120], [56, 88, 296, 88], [56, 120, 56, 88], [176, 120, 176, 88], [296, 120, 296, 88]);
    r1.runs.push({ x: 58, y: 100, size: 9, text: '其中：项目支出' });
    ruled(l2, xs, 790, [cells('一、某项收入', '30.00'), cells('收入合计', '30.00')]);
    ruled(m2, xs, 790, [cells('一、某项支出', '30.00'), cells('支出合计', '30.00')]);
    ruled(r2, xs, 790, [cells('某项目', '20.00'), cells('项目合计', '20.00')]);
    const found = (await grids(p)).flat().filter((row) => row.includes('项目合计'));
    expect(found).toEqual([['收入合计', '30.00', '支出合计', '30.00', '项目合计', '20.00']]);
  });
});

describe('a report laid on one sheet, its tables one below the other', () => {
  it('lays a piece’s table beside its neighbour where the neighbour drew no rules (a merged header)', async () => {
    const [left, right] = titledPair(296, 230, '2024年度某项收支决算总表');
    const xs = [56, 176, 296];
    ruled(left, xs, TOP, [cells('收入项目', '决算数'), cells('一、某项收入', '30.00'), cells('收入合计', '30.00')]);
    ruled(right, xs, TOP, [cells('支出项目', '决算数'), cells('一、某项支出', '30.00'), cells('支出合计', '30.00')]);
    // the next table's header at the foot of the page: one merged cell over the left piece's
    // columns, drawn without a column line (no ruled table there); ruled on the right piece
    left.runs.push({ x: 100, y: 108, size: 9, text: '功能分类科目' });
    ruled(right, xs, 120, [cells('本年收入', '本年支出')]);
    const [table] = await grids([left, right]);
    expect(table?.slice(1, 4)).toEqual([
      ['收入项目', '决算数', '支出项目', '决算数'],
      ['一、某项收入', '30.00', '一、某项支出', '30.00'],
      ['收入合计', '30.00', '支出合计', '30.00'],
    ]);
  });

  // two page rows, two pieces across, printed down then over; the second page row's left piece
  // draws a row more above its table (the border of a merged cell the right piece has not)
  const sheet = (rightTitle?: string) => {
    const [l1, l2, r1, r2] = [blank(), blank(), blank(), blank()] as [PdfPage, PdfPage, PdfPage, PdfPage];
    title(
      [
        { page: l1, from: 56 },
        { page: r1, from: 296 },
      ],
      230,
      '2024年度某项收支决算总表',
    );
    const xs = [56, 176, 296];
    ruled(l1, xs, TOP, [cells('收入项目', '决算数'), cells('一、某项收入', '30.00'), cells('二、另一项收入', '5.00')]);
    ruled(r1, xs, TOP, [cells('支出项目', '决算数'), cells('一、某项支出', '25.00'), cells('二、另一项支出', '10.00')]);
    ruled(l2, xs, 806, [cells('（续）', ''), cells('收入合计', '35.00'), cells('总计', '35.00')]);
    ruled(r2, xs, 790, [cells('支出合计', '35.00'), cells('总计', '35.00')]);
    if (rightTitle) r2.runs.push({ x: 70, y: 820, size: 14, text: rightTitle });
    return [l1, l2, r1, r2];
  };

  it('joins the piece the printing order expects, its table a row shorter above', async () => {
    const rows = (await grids(sheet())).flat().filter((row) => row.includes('总计'));
    expect(rows).toEqual([['总计', '35.00', '总计', '35.00']]);
  });

  it('keeps apart the next sheet, whose title starts on its first piece, from the page row the order would take', async () => {
    // a wide sheet of its own, its title centred over its pieces: it runs on past the first
    // piece's columns (a title of its own would keep it apart, as would a first column fitting
    // beside the last piece)
    const next = blank();
    next.runs.push({ x: 200, y: 790, size: 14, text: '2024年度另一项支出决算表' });
    ruled(next, [56, 176, 296], TOP, [
      cells('支出项目', '决算数'),
      cells('一、某项支出', '30.00'),
      cells('二、另一项支出', '5.00'),
    ]);
    const tables = await grids([...sheet(), next]);
    const rows = tables.flat().filter((row) => row.includes('一、某项支出'));
    expect(rows.map((row) => row.filter((t) => t !== ''))).toEqual([
      ['一、某项收入', '30.00', '一、某项支出', '25.00'],
      ['一、某项支出', '30.00'],
    ]);
  });
});

describe('a table whose header starts at the foot of a page row, printed down then over', () => {
  // two pieces across, two page rows: a first table, then the next one's header at the foot of the
  // first page row; its merged cells (项目, 功能分类科目 over both label columns) draw no column
  // line on the left piece — its rows are ruled up to the page's edge, with the left border only —
  // while the right piece rules its amounts' header cells (each over both header rows)
  const LEFT = [56, 176, 296];
  const RIGHT = [56, 116, 176, 236];
  const sheet = (leftBorder = true) => {
    const [l1, l2, r1, r2] = [blank(), blank(), blank(), blank()] as [PdfPage, PdfPage, PdfPage, PdfPage];
    title(
      [
        { page: l1, from: 56 },
        { page: r1, from: 296 },
      ],
      230,
      '2024年度某项收支决算总表',
    );
    ruled(l1, LEFT, TOP, [cells('收入项目', '行次'), cells('一、某项收入', '1'), cells('收入合计', '2')]);
    ruled(r1, RIGHT, TOP, [
      cells('决算数', '预算数', '差额'),
      cells('30.00', '28.00', '2.00'),
      cells('30.00', '28.00', '2.00'),
    ]);
    l1.runs.push({ x: 58, y: 110, size: 9, text: '部门：某单位' });
    r1.runs.push({ x: 190, y: 110, size: 9, text: '单位：万元' });
    l1.runs.push({ x: 150, y: 124, size: 14, text: '2024年度支出决算表' });
    for (const y of [104, 88, 72]) l1.lines.push([56, y, 296, y]);
    if (leftBorder) l1.lines.push([56, 104, 56, 72]);
    l1.runs.push({ x: 160, y: 92, size: 9, text: '项目' });
    l1.runs.push({ x: 130, y: 76, size: 9, text: '功能分类科目' });
    for (const y of [104, 72]) r1.lines.push([56, y, 236, y]);
    for (const x of RIGHT) r1.lines.push([x, 104, x, 72]);
    r1.runs.push({ x: 58, y: 84, size: 9, text: '本年支出合计' });
    r1.runs.push({ x: 118, y: 84, size: 9, text: '基本支出' });
    r1.runs.push({ x: 178, y: 84, size: 9, text: '项目支出' });
    ruled(l2, LEFT, 790, [
      cells('科目编码', '科目名称'),
      cells('', '合计'),
      cells('2010350', '事业运行'),
      cells('2080505', '养老保险缴费'),
    ]);
    ruled(r2, RIGHT, 790, [
      cells('1', '2', '3'),
      cells('30.00', '20.00', '10.00'),
      cells('18.00', '12.00', '6.00'),
      cells('12.00', '8.00', '4.00'),
    ]);
    return [l1, l2, r1, r2];
  };

  it('reads the header cut by the page row’s end over the columns of the rows below it', async () => {
    const tables = await grids(sheet());
    const rows = tables.flat();
    const from = rows.findIndex((row) => row[0] === '项目');
    expect(rows.slice(from, from + 5)).toEqual([
      ['项目', '^', '本年支出合计', '基本支出', '项目支出'],
      ['功能分类科目', '^', '^', '^', '^'],
      ['科目编码', '科目名称', '1', '2', '3'],
      ['', '合计', '30.00', '20.00', '10.00'],
      ['2010350', '事业运行', '18.00', '12.00', '6.00'],
    ]);
    const [table] = readDocument(await pdfDocument(writePdf(sheet(), { font: 'cid' }), 'pieces.pdf')).tables.filter(
      (t) => t.kind === '03',
    );
    expect(table?.clipped).toBeUndefined();
    expect(table?.rows.find((r) => r.key.id === 'F2010350')?.cells.basic?.value?.toFixed(2)).toBe('12.00');
  });

  it('reads the table in part, and says so, where the left piece draws no line at the header’s left', async () => {
    // the same header, its rows ruled on the left piece without the border: where its cells'
    // columns start is not known, nor so which amounts each names
    const doc = await pdfDocument(writePdf(sheet(false), { font: 'cid' }), 'pieces.pdf');
    const [table] = readDocument(doc).tables.filter((t) => t.kind === '03');
    expect(table).toMatchObject({ clipped: [1], unjoined: true });
  });
});

describe('a piece no page takes', () => {
  /** Whether the cell showing `text` is read as cut off (its table read in part), per text. */
  async function partial(pages: PdfPage[], texts: string[]): Promise<Record<string, boolean | undefined>> {
    const doc = await pdfDocument(writePdf(pages, { font: 'cid' }), 'pieces.pdf');
    const out: Record<string, boolean | undefined> = {};
    for (const grid of doc.grids)
      for (let r = 1; r <= grid.rowCount; r += 1)
        for (let c = 1; c <= grid.colCount; c += 1) {
          const text = grid.cell(r, c).text;
          if (texts.includes(text)) out[text] = grid.place?.(r, c).clipped;
        }
    return out;
  }

  it('is read in part where its left edge cuts text, and so is the table whose rows it continues', async () => {
    // two pages with the same rows before it: which one it continues is not known
    const [a, b, piece] = [blank(), blank(), blank()] as [PdfPage, PdfPage, PdfPage];
    a.runs.push({ x: 58, y: TOP + 6, size: 9, text: '部门：某单位' });
    ruled(a, LEFT_XS, TOP, LABELS);
    ruled(b, LEFT_XS, TOP, [
      cells('科目编码', '科目名称', '合计', '基本支出'),
      cells('', '合计', '9.00', '9.00'),
      cells('2010101', '行政运行', '5.00', '5.00'),
      cells('2010102', '一般行政管理事务', '4.00', '4.00'),
    ]);
    piece.runs.push({ x: -40, y: 790, size: 14, text: '2024年度某项支出决算表' });
    ruled(piece, [56, 116, 176], TOP, [
      cells('项目支出', '经营支出'),
      cells('10.00', ''),
      cells('6.00', ''),
      cells('4.00', ''),
    ]);
    expect(await partial([a, b, piece], ['6.00', '18.00', '5.00'])).toEqual({
      '6.00': true,
      '18.00': true,
      '5.00': true,
    });
  });

  it('is read in part where it holds figures alone beside a page with its rows', async () => {
    const [a, b, piece] = [blank(), blank(), blank()] as [PdfPage, PdfPage, PdfPage];
    ruled(a, LEFT_XS, TOP, LABELS);
    ruled(b, LEFT_XS, TOP, LABELS);
    ruled(piece, [56, 116, 176], TOP, [
      cells('项目支出', '经营支出'),
      cells('10.00', ''),
      cells('6.00', ''),
      cells('4.00', ''),
    ]);
    expect(await partial([a, b, piece], ['6.00', '18.00'])).toEqual({ '6.00': true, '18.00': true });
  });

  it('is no piece when the page before ends in its title (a one-row table of figures)', async () => {
    const [a, b] = [blank(), blank()] as [PdfPage, PdfPage];
    ruled(a, LEFT_XS, TOP, LABELS);
    a.runs.push({ x: 150, y: 680, size: 14, text: '2024年度财政拨款“三公”经费支出决算表' });
    // the same rows as the table on the page before: a piece of it, but for the title between
    ruled(b, [56, 166, 276, 386], TOP, [
      cells('合计', '因公出国（境）费', '公务接待费'),
      cells('3.00', '1.00', '2.00'),
      cells('3.00', '1.00', '2.00'),
      cells('3.00', '1.00', '2.00'),
    ]);
    expect(await partial([a, b], ['2.00', '18.00'])).toEqual({ '2.00': undefined, '18.00': undefined });
    const rows = (await grids([a, b])).flat().map((row) => row.filter((t) => t !== ''));
    expect(rows.filter((row) => row.includes('2.00') || row.includes('事业运行'))).toEqual([
      ['2010350', '事业运行', '18.00', '12.00'],
      ['3.00', '1.00', '2.00'],
      ['3.00', '1.00', '2.00'],
      ['3.00', '1.00', '2.00'],
    ]);
  });
});
