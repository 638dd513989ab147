/**
 * Ruled tables in shapes a spreadsheet's PDF export has (LibreOffice Calc), in PDFs made by the
 * fixtures' writer: a table continued on the next page by rows that merge some of its columns (the
 * closing 人员经费合计 | 公用经费合计 row alone at the top of a page draws only the column lines
 * its merged cells leave), and a two-column table (项目名称 | 金额) on a page of its own.
 */
import { describe, expect, it } from 'vitest';
import { type PdfPage, writePdf } from '../../scripts/fixtures/pdf.js';
import { pdfDocument } from '../../src/io/pdf/read-pdf.js';
import { box, cells, ruled } from '../helpers/pdf-ruled.js';
import { gridTexts } from '../helpers/read.js';
import { readDocument } from '../../src/reader/read-document.js';

const texts = (doc: Awaited<ReturnType<typeof pdfDocument>>): string[][] => gridTexts(doc.grids[0]);

describe('a table continued by a row that merges columns', () => {
  it('lays the row’s cells over the columns of the table above', async () => {
    const xs = [56, 100, 220, 280, 324, 444, 504];
    const first: PdfPage = { runs: [], lines: [], rects: [] };
    first.runs.push({ x: 200, y: 780, size: 14, text: '某项支出明细表' });
    ruled(first, xs, 760, [
      cells('编码', '科目名称', '决算数', '编码', '科目名称', '决算数'),
      cells('301', '工资福利支出', '3.00', '302', '商品和服务支出', '5.00'),
      cells('30101', '基本工资', '3.00', '30201', '办公费', '5.00'),
    ]);
    const second: PdfPage = { runs: [], lines: [], rects: [] };
    ruled(second, [56, 220, 280, 444, 504], 780, [cells('人员经费合计', '3.00', '公用经费合计', '5.00')]);
    const doc = await pdfDocument(writePdf([first, second], { font: 'cid' }), 'merged.pdf');
    expect(texts(doc)).toEqual([
      ['某项支出明细表', '', '', '', '', ''],
      ['编码', '科目名称', '决算数', '编码', '科目名称', '决算数'],
      ['301', '工资福利支出', '3.00', '302', '商品和服务支出', '5.00'],
      ['30101', '基本工资', '3.00', '30201', '办公费', '5.00'],
      ['人员经费合计', '^', '3.00', '公用经费合计', '^', '5.00'],
    ]);
  });
});

describe('a two-column table on a page of its own', () => {
  it('is read from its rulings: no line of it has three pieces or two amounts', async () => {
    const page: PdfPage = { runs: [], lines: [], rects: [] };
    page.runs.push({ x: 160, y: 780, size: 14, text: '某年度政府购买服务支出情况表' });
    ruled(page, [56, 250, 350], 760, [
      cells('项目名称', '金额'),
      cells('合计', '12.50'),
      cells('物业管理服务', '12.50'),
    ]);
    const doc = await pdfDocument(writePdf([page], { font: 'cid' }), 'two-columns.pdf');
    expect(texts(doc)).toEqual([
      ['某年度政府购买服务支出情况表', ''],
      ['项目名称', '金额'],
      ['合计', '12.50'],
      ['物业管理服务', '12.50'],
    ]);
  });
});

describe('a heading under a table and its note', () => {
  // (an office suite's web page export heads each sheet "Sheet 3: 名称"; a report's next part
  // starts with its own heading): running text after the table's rows is no row of it
  it('is no row of the table', async () => {
    const page: PdfPage = { runs: [], lines: [], rects: [] };
    page.runs.push({ x: 160, y: 780, size: 14, text: '某年度政府购买服务支出情况表' });
    ruled(page, [56, 250, 350], 760, [
      cells('项目名称', '金额'),
      cells('合计', '12.50'),
      cells('物业管理服务', '12.50'),
    ]);
    page.runs.push({ x: 56, y: 690, size: 9, text: '注：本表反映本年度购买服务的支出。' });
    page.runs.push({ x: 56, y: 670, size: 12, text: 'Part 2: 其他说明' });
    const model = readDocument(await pdfDocument(writePdf([page], { font: 'cid' }), 'heading-below.pdf'));
    const table = model.tables[0];
    expect(table?.rows.map((r) => r.label)).toEqual(['合计', '物业管理服务']);
    expect(table?.notes).toEqual(['注：本表反映本年度购买服务的支出。']);
  });
});

describe('a two-column table on a page of its own, its amounts printed as ###', () => {
  // ### is an amount too wide for its column: a line of a label and ### is a table's row as a line
  // ending in an amount is, so the page's rulings are read and each ### stays in its cell
  it('is read from its rulings', async () => {
    const page: PdfPage = { runs: [], lines: [], rects: [] };
    page.runs.push({ x: 160, y: 780, size: 14, text: '某年度政府购买服务支出情况表' });
    ruled(page, [56, 250, 280], 760, [cells('项目名称', '金额'), cells('合计', '###'), cells('物业管理服务', '###')]);
    const doc = await pdfDocument(writePdf([page], { font: 'cid' }), 'two-columns.pdf');
    expect(texts(doc)).toEqual([
      ['某年度政府购买服务支出情况表', ''],
      ['项目名称', '金额'],
      ['合计', '###'],
      ['物业管理服务', '###'],
    ]);
  });
});

describe('a table drawn in two blocks on one page', () => {
  it('lays the header block’s merged cells over the columns of the block below a blank row', async () => {
    const page: PdfPage = { runs: [], lines: [], rects: [] };
    page.runs.push({ x: 200, y: 780, size: 14, text: '某项支出决算表' });
    // 功能分类科目编码 over 类 | 款 | 项: the header block draws 4 of the body's 6 column lines
    ruled(page, [56, 200, 300, 400], 760, [cells('功能分类科目编码', '科目名称', '合计')]);
    ruled(page, [56, 104, 152, 200, 300, 400], 728, [
      cells('类', '款', '项', '栏次', '1'),
      cells('2010350', '', '', '事业运行', '3.00'),
    ]);
    const doc = await pdfDocument(writePdf([page], { font: 'cid' }), 'blocks.pdf');
    expect(texts(doc)).toEqual([
      ['某项支出决算表', '', '', '', ''],
      ['功能分类科目编码', '^', '^', '科目名称', '合计'],
      ['类', '款', '项', '栏次', '1'],
      ['2010350', '', '', '事业运行', '3.00'],
    ]);
  });
});

describe('a table whose amounts are typed with spaces (4. 25), continued on the next page', () => {
  it('continues it row by row: the rows above the page end are data, not a header cut by it', async () => {
    const xs = [56, 150, 250, 350];
    const first: PdfPage = { runs: [], lines: [], rects: [] };
    first.runs.push({ x: 200, y: 780, size: 14, text: '某项支出决算表' });
    ruled(first, xs, 760, [
      cells('科目编码', '科目名称', '合计'),
      cells('2080505', '养老保险缴费', '39. 79'),
      cells('2081199', '其他残疾人事业支出', '4. 25'),
    ]);
    const second: PdfPage = { runs: [], lines: [], rects: [] };
    ruled(second, xs, 780, [cells('2089999', '其他社会保障支出', '2. 06')]);
    const doc = await pdfDocument(writePdf([first, second], { font: 'cid' }), 'spaced.pdf');
    expect(texts(doc)).toEqual([
      ['某项支出决算表', '', ''],
      ['科目编码', '科目名称', '合计'],
      ['2080505', '养老保险缴费', '39. 79'],
      ['2081199', '其他残疾人事业支出', '4. 25'],
      ['2089999', '其他社会保障支出', '2. 06'],
    ]);
  });
});

/**
 * A sheet printed with print titles: the header rows of the sheet's first table are repeated at the
 * top of every page, over whatever table the page goes on with (one sheet, so one set of column lines).
 */
describe('header rows repeated at the top of every page (print titles)', () => {
  const xs = [56, 160, 260, 360];
  const header: [string, number][][] = [cells('收入项目', '金额', '支出项目')];
  const row = (label: string, amount: string) => cells(label, amount, '');
  /** A page of the sheet: its first table's header, then `rows` in the same ruled block. */
  const titled = (rows: [string, number][][]): PdfPage => {
    const page: PdfPage = { runs: [], lines: [], rects: [] };
    ruled(page, xs, 800, [...header, ...rows]);
    return page;
  };
  const first = (): PdfPage => {
    const page: PdfPage = { runs: [], lines: [], rects: [] };
    page.runs.push({ x: 200, y: 800, size: 14, text: '甲表' });
    ruled(page, xs, 780, [...header, row('一、工资', '3.00')]);
    page.runs.push({ x: 200, y: 700, size: 14, text: '乙表' });
    ruled(page, xs, 680, [cells('科目', '本年', '备注'), row('办公费', '1.00')]);
    return page;
  };

  it('drops them over another table continued from the page before', async () => {
    const doc = await pdfDocument(
      writePdf([first(), titled([row('印刷费', '2.00'), row('邮电费', '4.00')])], { font: 'cid' }),
      'titles.pdf',
    );
    expect(texts(doc)).toEqual([
      ['甲表', '', ''],
      ['收入项目', '金额', '支出项目'],
      ['一、工资', '3.00', ''],
      ['乙表', '', ''],
      ['科目', '本年', '备注'],
      ['办公费', '1.00', ''],
      ['印刷费', '2.00', ''],
      ['邮电费', '4.00', ''],
    ]);
  });

  it('drops them over a table that starts on the page below its own title', async () => {
    const second = titled([]);
    second.runs.push({ x: 200, y: 760, size: 14, text: '丙表' });
    ruled(second, xs, 740, [cells('项目', '决算数', '说明'), row('会议费', '5.00')]);
    const doc = await pdfDocument(writePdf([first(), second], { font: 'cid' }), 'titles-new-table.pdf');
    expect(texts(doc).slice(6)).toEqual([
      ['丙表', '', ''],
      ['项目', '决算数', '说明'],
      ['会议费', '5.00', ''],
    ]);
  });

  it('keeps a header of the same words at the top of a page when the page before ended in text', async () => {
    const before = first();
    before.runs.push({ x: 56, y: 600, size: 10, text: '注：本表反映某项支出情况。' });
    const doc = await pdfDocument(
      writePdf([before, titled([row('差旅费', '6.00')])], { font: 'cid' }),
      'same-header.pdf',
    );
    expect(texts(doc).slice(6)).toEqual([
      ['注：本表反映某项支出情况。', '', ''],
      ['收入项目', '金额', '支出项目'],
      ['差旅费', '6.00', ''],
    ]);
  });
});

describe('a row cut by the foot of the page', () => {
  // a browser prints a table's collapsed borders cell by cell and breaks the page inside the last
  // row's height: its column lines run down to the page's bottom margin, its bottom rule is never drawn
  it('is a row of the table, its cells read apart', async () => {
    const xs = [56, 120, 300, 400];
    const first: PdfPage = { runs: [], lines: [], rects: [] };
    first.runs.push({ x: 200, y: 130, size: 14, text: '某项支出决算表' });
    ruled(first, xs, 110, [
      cells('编码', '科目名称', '决算数'),
      cells('2010350', '事业运行', '4.00'),
      cells('2210201', '住房公积金', '6.00'),
    ]);
    first.lines.pop(); // the bottom rule
    const second: PdfPage = { runs: [], lines: [], rects: [] };
    ruled(second, xs, 780, [cells('2210202', '提租补贴', '1.00')]);
    const doc = await pdfDocument(writePdf([first, second], { font: 'cid' }), 'cut-row.pdf');
    expect(texts(doc)).toEqual([
      ['某项支出决算表', '', ''],
      ['编码', '科目名称', '决算数'],
      ['2010350', '事业运行', '4.00'],
      ['2210201', '住房公积金', '6.00'],
      ['2210202', '提租补贴', '1.00'],
    ]);
  });
});

describe('a header cut by the foot of the page inside its merged cells', () => {
  // a browser breaks the page inside a table's first header row: the cell over 类 | 款 | 项 is closed
  // by its rule above the cut, the cells merged down over both header rows run on to the page's
  // margin (the last one's wrapped text past that rule), and the next page draws what is left of
  // them over the 类 | 款 | 项 row, each with its own sides
  /** The pages, the cell over 类 | 款 | 项 closed above the cut or (a row cut whole) running on to the margin too. */
  const cutHeader = (codeCell: 'closed' | 'cut'): Buffer => {
    const first: PdfPage = { runs: [], lines: [], rects: [] };
    first.runs.push({ x: 200, y: 100, size: 14, text: '某项支出决算表' });
    const right: [number, number, string[]][] = [
      [200, 260, ['科目名称']],
      [260, 330, ['本年支出']],
      [330, 400, ['基本支出']],
      [400, 470, ['对附属单位', '补助支出']],
    ];
    if (codeCell === 'closed') box(first, [56, 200], [60, 42], ['科目编码']);
    else box(first, [56, 200], [60, 30], ['科目编码'], 'bottom');
    for (const [x0, x1, lines] of right) box(first, [x0, x1], [60, 30], lines, 'bottom');
    const second: PdfPage = { runs: [], lines: [], rects: [] };
    box(second, [56, 104], [800, 782], ['类']);
    box(second, [104, 152], [800, 782], ['款']);
    box(second, [152, 200], [800, 782], ['项']);
    for (const [x0, x1] of right) box(second, [x0, x1], [800, 791]);
    const row = (top: number, boxes: [number, number, string][]) => {
      for (const [x0, x1, text] of boxes) box(second, [x0, x1], [top, top - 16], [text]);
    };
    row(782, [
      [56, 260, '合计'],
      [260, 330, '9.00'],
      [330, 400, '9.00'],
      [400, 470, '0.00'],
    ]);
    row(766, [
      [56, 104, '2010350'],
      [104, 152, ''],
      [152, 200, ''],
      [200, 260, '事业运行'],
      [260, 330, '9.00'],
      [330, 400, '9.00'],
      [400, 470, '0.00'],
    ]);
    return writePdf([first, second], { font: 'cid' });
  };
  const whole = [
    ['某项支出决算表', '', '', '', '', '', ''],
    ['科目编码', '^', '^', '科目名称', '本年支出', '基本支出', '对附属单位补助支出'],
    ['类', '款', '项', '^', '^', '^', '^'],
    ['合计', '^', '^', '^', '9.00', '9.00', '0.00'],
    ['2010350', '', '', '事业运行', '9.00', '9.00', '0.00'],
  ];

  it('is one header: the cut cells go on below the cut, 类 | 款 | 项 under the cell they divide', async () => {
    expect(texts(await pdfDocument(cutHeader('closed'), 'cut-header.pdf'))).toEqual(whole);
  });

  // (the header's first row alone at the page's foot: one rule over it, no rule under any cell)
  it('is one header where the page’s end cuts every cell of its first row', async () => {
    expect(texts(await pdfDocument(cutHeader('cut'), 'cut-header-row.pdf'))).toEqual(whole);
  });
});

describe('a header whole at the foot of the page, its rows of figures on the next', () => {
  it('keeps the first row of figures a row of its own: none of its cells is the rest of a header cell', async () => {
    const xs = [56, 120, 220, 300];
    const first: PdfPage = { runs: [], lines: [], rects: [] };
    first.runs.push({ x: 200, y: 110, size: 14, text: '某项基本支出决算表' });
    ruled(first, xs, 90, [[['人员经费', 3]], cells('科目编码', '科目名称', '决算数')]);
    const second: PdfPage = { runs: [], lines: [], rects: [] };
    ruled(second, xs, 780, [cells('30101', '基本工资', '8.00'), cells('30102', '津贴补贴', '2.00')]);
    const doc = await pdfDocument(writePdf([first, second], { font: 'cid' }), 'header-then-figures.pdf');
    expect(texts(doc)).toEqual([
      ['某项基本支出决算表', '', ''],
      ['人员经费', '^', '^'],
      ['科目编码', '科目名称', '决算数'],
      ['30101', '基本工资', '8.00'],
      ['30102', '津贴补贴', '2.00'],
    ]);
  });
});

describe('a row broken over two pages', () => {
  // a browser (or a word processor letting rows break across pages) prints the row's first lines at
  // the foot of one page, its column lines running on to the margin, and the rest of its wrapped
  // label at the top of the next, the column lines from that page's margin
  it('is one row, its label whole', async () => {
    const xs: [number, number][] = [
      [56, 120],
      [120, 220],
      [220, 300],
    ];
    const first: PdfPage = { runs: [], lines: [], rects: [] };
    first.runs.push({ x: 150, y: 120, size: 14, text: '某项支出决算表' });
    const row = (page: PdfPage, top: number, texts: string[][], open?: 'top' | 'bottom', bottom = top - 16) => {
      xs.forEach((x, i) => {
        box(page, x, [top, bottom], texts[i], open);
      });
    };
    row(first, 100, [['科目编码'], ['科目名称'], ['决算数']]);
    row(first, 84, [['2080505'], ['养老保险缴费'], ['6.00']]);
    row(first, 68, [['2080506'], ['职业年金'], ['3.00']], 'bottom', 30);
    const second: PdfPage = { runs: [], lines: [], rects: [] };
    row(second, 812, [[], ['缴费支出'], []], 'top', 796);
    row(second, 796, [['2080599'], ['其他养老支出'], ['1.00']]);
    const doc = await pdfDocument(writePdf([first, second], { font: 'cid' }), 'broken-row.pdf');
    expect(texts(doc)).toEqual([
      ['某项支出决算表', '', ''],
      ['科目编码', '科目名称', '决算数'],
      ['2080505', '养老保险缴费', '6.00'],
      ['2080506', '职业年金缴费支出', '3.00'],
      ['2080599', '其他养老支出', '1.00'],
    ]);
  });
});

describe('a row a word processor breaks over two pages', () => {
  // Word and Writer let a row break across pages (their default): the row's first lines end one
  // page, closed by a rule, and the rest of its wrapped label starts the next page in a row of its
  // own, ruled like any other (under the header rows again where the table repeats them)
  const xs = [56, 120, 220, 300];
  const header = cells('科目编码', '科目名称', '决算数');
  const pages = (repeated: boolean, rest: string[], last = cells('2080506', '职业年金', '3.00')): Buffer => {
    const first: PdfPage = { runs: [], lines: [], rects: [] };
    first.runs.push({ x: 150, y: 130, size: 14, text: '某项支出决算表' });
    ruled(first, xs, 110, [header, cells('2080505', '养老保险缴费', '6.00'), last]);
    const second: PdfPage = { runs: [], lines: [], rects: [] };
    ruled(second, xs, 800, [...(repeated ? [header] : []), cells(...rest), cells('2080599', '其他养老支出', '1.00')]);
    return writePdf([first, second], { font: 'cid' });
  };
  const whole = [
    ['某项支出决算表', '', ''],
    ['科目编码', '科目名称', '决算数'],
    ['2080505', '养老保险缴费', '6.00'],
    ['2080506', '职业年金缴费支出', '3.00'],
    ['2080599', '其他养老支出', '1.00'],
  ];

  it('is one row, its label whole', async () => {
    expect(texts(await pdfDocument(pages(false, ['', '缴费支出', '']), 'broken-closed.pdf'))).toEqual(whole);
  });

  it('is one row under the header rows the next page repeats', async () => {
    expect(texts(await pdfDocument(pages(true, ['', '缴费支出', '']), 'broken-repeated.pdf'))).toEqual(whole);
  });

  // a label alone in its row (a 总表's spending side beside a blank income side): its cell's width
  // shows it wrapped, the first line (10 characters of 9 pt, 2 pt in) filling the 100 pt column
  it('is one row where the label alone fills its cell', async () => {
    const read = texts(
      await pdfDocument(pages(true, ['', '急管理支出', ''], cells('', '二十二、灾害防治及应', '')), 'b.pdf'),
    );
    expect(read.slice(3)).toEqual([
      ['', '二十二、灾害防治及应急管理支出', ''],
      ['2080599', '其他养老支出', '1.00'],
    ]);
  });

  it('is a row of its own where the next page’s first row holds a figure or a code, or the label above ends short of its cell’s edge', async () => {
    const short = texts(await pdfDocument(pages(true, ['', '其他支出', ''], cells('', '二十二、灾害', '')), 'c.pdf'));
    expect(short.slice(3, 5)).toEqual([
      ['', '二十二、灾害', ''],
      ['', '其他支出', ''],
    ]);
    for (const rest of [
      ['', '缴费支出', '2.00'],
      ['2080507', '缴费支出', ''],
    ]) {
      const read = texts(await pdfDocument(pages(true, rest), 'next-row.pdf'));
      expect(read.slice(3, 5)).toEqual([['2080506', '职业年金', '3.00'], rest]);
    }
  });
});

describe('a 部门 line wrapped in a narrow cell above a table', () => {
  // a browser prints a web page's 部门 cell as wide as its column: the name wraps over lines as
  // wide as the cell, each starting where the first does
  it('is one line, not rows of the table’s header', async () => {
    const page: PdfPage = { runs: [], lines: [], rects: [] };
    page.runs.push({ x: 200, y: 790, size: 14, text: '某项支出决算表' });
    page.runs.push({ x: 330, y: 772, size: 9, text: '单位：万元' });
    ['部门：某某', '市某某区某', '某事务中心'].forEach((text, i) => {
      page.runs.push({ x: 56, y: 760 - i * 11, size: 9, text });
    });
    ruled(page, [56, 200, 300, 400], 730, [cells('科目名称', '合计', '基本支出'), cells('事业运行', '4.00', '4.00')]);
    const doc = await pdfDocument(writePdf([page], { font: 'cid' }), 'wrapped-department.pdf');
    expect(texts(doc)).toEqual([
      ['某项支出决算表', '', ''],
      ['单位：万元', '', ''],
      ['部门：某某市某某区某某事务中心', '', ''],
      ['科目名称', '合计', '基本支出'],
      ['事业运行', '4.00', '4.00'],
    ]);
  });

  /** The rows above a small table on a page of these lines (each [x, y, text], size 9). */
  const linesAbove = async (lines: [number, number, string][]): Promise<string[][]> => {
    const page: PdfPage = { runs: [], lines: [], rects: [] };
    page.runs.push({ x: 200, y: 790, size: 14, text: '某项支出决算表' });
    for (const [x, y, text] of lines) page.runs.push({ x, y, size: 9, text });
    ruled(page, [56, 200, 300, 400], 700, [cells('科目名称', '合计', '基本支出'), cells('事业运行', '4.00', '4.00')]);
    const doc = await pdfDocument(writePdf([page], { font: 'cid' }), 'wrapped-lines.pdf');
    return texts(doc).slice(1, -2);
  };

  // a browser keeps a closing bracket on the line of the character before it, past the box's edge
  it('lets a line run past the box by its closing marks', async () => {
    const rows = await linesAbove(
      ['部门：某', '某市某县', '（南城区）', '某某事务', '中心'].map((text, i): [number, number, string] => [
        56,
        770 - i * 11,
        text,
      ]),
    );
    expect(rows).toEqual([['部门：某某市某县（南城区）某某事务中心', '', '']]);
  });

  // …and moves a character on with a closing mark that cannot start a line: the line before stops
  // one character short of the box (区） goes down whole)
  it('joins a line that stops short of the box by less than what starts the next', async () => {
    const rows = await linesAbove([
      [56, 770, '部门：某某市某'],
      [56, 759, '某某县（东城'],
      [56, 748, '区）某某中心'],
    ]);
    expect(rows).toEqual([['部门：某某市某某某县（东城区）某某中心', '', '']]);
  });

  it('leaves a line that stops short of the box by more than what starts the next as it is', async () => {
    const rows = await linesAbove([
      [56, 770, '部门：某某市某'],
      [56, 759, '某某县'],
      [56, 748, '区）某某中心'],
    ]);
    expect(rows).toEqual([
      ['部门：某某市某某某县', '', ''],
      ['区）某某中心', '', ''],
    ]);
  });

  it('joins a field’s line wrapped once, its second line going on with the unit', async () => {
    const rows = await linesAbove([
      [56, 770, '部门：某某市某'],
      [56, 759, '中心'],
      [330, 759, '单位：万元'],
    ]);
    expect(rows).toEqual([['部门：某某市某中心 单位：万元', '', '']]);
  });

  it('joins a field’s line wrapped once in a box set to its right', async () => {
    const rows = await linesAbove([
      [364, 770, '单位：万'],
      [391, 759, '元'],
      [56, 748, '部门：某某中心'],
    ]);
    expect(rows).toEqual([
      ['单位：万元', '', ''],
      ['部门：某某中心', '', ''],
    ]);
  });

  it('leaves a field’s line above a line of a header or a table number as they are', async () => {
    const rows = await linesAbove([
      [56, 770, '部门：某某中心'],
      [56, 759, '项目'],
      [150, 759, '金额'],
      [340, 748, '单位：万元'],
      [349, 737, '公开05表'],
    ]);
    expect(rows).toEqual([
      ['部门：某某中心', '', ''],
      ['项目 金额', '', ''],
      ['单位：万元', '', ''],
      ['公开05表', '', ''],
    ]);
  });

  it('leaves lines of one width that are no wrapped text as they are', async () => {
    const page: PdfPage = { runs: [], lines: [], rects: [] };
    page.runs.push({ x: 200, y: 790, size: 14, text: '某项支出决算表' });
    ['单位：万元', '部门：某某', '年度：本年'].forEach((text, i) => {
      page.runs.push({ x: 56, y: 772 - i * 11, size: 9, text });
    });
    ruled(page, [56, 200, 300], 730, [cells('科目名称', '合计'), cells('事业运行', '4.00')]);
    const doc = await pdfDocument(writePdf([page], { font: 'cid' }), 'field-lines.pdf');
    expect(texts(doc).slice(0, 4)).toEqual([
      ['某项支出决算表', ''],
      ['单位：万元', ''],
      ['部门：某某', ''],
      ['年度：本年', ''],
    ]);
  });
  it('leaves a contents page’s lines (one start, one end at the page numbers) as they are', async () => {
    const page: PdfPage = { runs: [], lines: [], rects: [] };
    page.runs.push({ x: 280, y: 790, size: 14, text: '目录' });
    ['1、收入决算表..........3', '2、支出决算表..........4', '3、某某决算表..........5'].forEach((text, i) => {
      page.runs.push({ x: 56, y: 770 - i * 12, size: 9, text });
    });
    const doc = await pdfDocument(writePdf([page], { font: 'cid' }), 'contents.pdf');
    expect((doc.text ?? []).map((p) => p.text)).toEqual([
      '目录',
      '1、收入决算表..........3',
      '2、支出决算表..........4',
      '3、某某决算表..........5',
    ]);
  });
});
