/**
 * A PDF page's runs and rulings to tables and running text (src/io/pdf/page-flow.ts), in shapes an
 * office suite's export has (LibreOffice Calc fitting a sheet to the page width): wrapped header
 * text taller than its row spilling over the row's rules, a long label running on over the empty
 * cell beside it, the table number (公开06表) above every table, right-aligned unit lines over a
 * left-aligned 部门 line. Positions in points, as printed.
 */
import { describe, expect, it } from 'vitest';
import { type Page, pageFlow, type PdfFlowItem } from '../../src/io/pdf/page-flow.js';
import type { Glyphs } from '../../src/io/pdf/page-text.js';
import { ruledTables, type Segment } from '../../src/io/pdf/rulings.js';

const SIZE = 4.6;

/** A run of text at (x, y), its width from its characters (CJK one em, the rest half). */
function run(text: string, x: number, y: number, size = SIZE): Glyphs {
  const em = [...text].reduce((n, ch) => n + ((ch.codePointAt(0) ?? 0) > 0x2ff ? 1 : 0.5), 0);
  return { text, x, right: x + em * size, y, size };
}

/** Every cell of the grid drawn with its four sides (merged cells: pass the rules to leave out). */
function grid(xs: number[], ys: number[], open: (dir: 'h' | 'v', r: number, c: number) => boolean = () => false) {
  const horizontal: Segment[] = [];
  const vertical: Segment[] = [];
  ys.forEach((y, r) => {
    for (let c = 0; c + 1 < xs.length; c += 1)
      if (!open('h', r, c)) horizontal.push({ at: y, a: xs[c] as number, b: xs[c + 1] as number });
  });
  xs.forEach((x, c) => {
    for (let r = 0; r + 1 < ys.length; r += 1)
      if (!open('v', r, c)) vertical.push({ at: x, a: ys[r + 1] as number, b: ys[r] as number });
  });
  return ruledTables(horizontal, vertical);
}

function page(number: number, runs: Glyphs[], tables: Page['tables'] = []): Page {
  return { number, bottom: 0, top: 841.89, width: 595.28, runs, tables };
}

function tableTexts(items: PdfFlowItem[]): string[][][] {
  return items.flatMap((item) => (item.kind === 'table' ? [item.rows.map((r) => r.cells.map((c) => c.text))] : []));
}

function paragraphs(items: PdfFlowItem[]): string[] {
  return items.flatMap((item) => (item.kind === 'paragraph' ? [item.text] : []));
}

describe('wrapped header text taller than its row', () => {
  it('keeps the spilled second line (编码) in its header cell, out of the first data row', () => {
    // a header row 6.5 pt high holds 经济分类科目 / 编码 centred on it: each line crosses a rule
    const xs = [50.4, 80.5, 170.8, 212.9];
    const ys = [755.7, 749.2, 742.8, 736.3];
    const runs = [
      run('经济分类科目', 51.3, 753.8),
      run('编码', 60.7, 747.0),
      run('科目名称', 116.2, 750.4),
      run('决算数', 184.8, 750.4),
      run('301', 50.8, 744.4),
      run('工资福利支出', 80.9, 743.9),
      run('490.18', 196.0, 744.4),
      run('30101', 50.8, 737.9),
      run('基本工资', 80.9, 737.5),
      run('86.95', 199.0, 737.9),
    ];
    const flow = pageFlow([page(1, runs, grid(xs, ys))]);
    expect(tableTexts(flow)).toEqual([
      [
        ['经济分类科目编码', '科目名称', '决算数'],
        ['301', '工资福利支出', '490.18'],
        ['30101', '基本工资', '86.95'],
      ],
    ]);
  });

  it('keeps 费 of 公务用车运行维护 / 费 out of the 栏次 row below it (费5)', () => {
    const xs = [173.9, 215.0, 256.2, 297.3];
    const ys = [762.7, 756.4, 750.1, 743.8, 737.5];
    // 公务用车购置及运行维护费 spans the three columns in the top row; the rule under it is open
    const tables = grid(xs, ys, (dir, r, c) => dir === 'v' && r === 0 && (c === 1 || c === 2));
    const runs = [
      run('公务用车购置及运行维护费', 180.0, 757.6),
      run('小计', 190.0, 751.3),
      run('公务用车购置费', 219.0, 751.3),
      run('公务用车运行维护', 258.0, 754.6),
      run('费', 274.2, 747.9),
      run('3', 192.8, 745.4),
      run('4', 234.0, 745.4),
      run('5', 275.1, 745.4),
      run('1.50', 203.0, 739.1),
      run('1.50', 244.0, 739.1),
    ];
    const flow = pageFlow([page(1, runs, tables)]);
    expect(tableTexts(flow)).toEqual([
      [
        ['公务用车购置及运行维护费'],
        ['小计', '公务用车购置费', '公务用车运行维护费'],
        ['3', '4', '5'],
        ['1.50', '1.50', ''],
      ],
    ]);
  });

  it('keeps a line spilled over the table’s bottom rule in the last row (a header block above a blank row)', () => {
    // the header block ends with 公务用车运行维护 / 费, 费 cut by the block's bottom rule
    const xs = [173.9, 215.0, 256.2];
    const ys = [756.4, 750.1];
    const runs = [run('小计', 190.0, 751.3), run('公务用车运行维护', 217.1, 754.6), run('费', 233.3, 747.9)];
    const flow = pageFlow([page(1, runs, grid(xs, ys))]);
    expect(tableTexts(flow)).toEqual([[['小计', '公务用车运行维护费']]]);
    expect(paragraphs(flow)).toEqual([]);
  });

  it('leaves a line its own cell’s text is a line’s spacing from where its centre fell', () => {
    // a label wrapped over two lines whose second line the rule under it cuts, with 合计 a line's
    // spacing below: the line has its partner on its own side too, and stays
    const xs = [50, 150, 200];
    const ys = [760, 746, 739];
    const runs = [
      run('其他社会保障和', 52, 751.0),
      run('就业支出', 52, 745.0),
      run('2.06', 180, 748.5),
      run('合计', 52, 739.6),
    ];
    const flow = pageFlow([page(1, runs, grid(xs, ys))]);
    expect(tableTexts(flow)).toEqual([
      [
        ['其他社会保障和就业支出', '2.06'],
        ['合计', ''],
      ],
    ]);
  });
});

describe('a label longer than its column', () => {
  it('stays in its column when it runs on over the empty cell beside it', () => {
    // 科目名称 | 年初结转和结余 | 本年收入: the label starts at its column's left line, ends in the next
    const xs = [50, 90, 130, 200];
    const ys = [760, 746, 732];
    const runs = [
      run('科目名称', 52, 750),
      run('年初结转', 92, 750),
      run('本年收入', 132, 750),
      run('其他国有土地使用权出让收入安排的支出', 51.5, 736),
      run('30.00', 185, 736),
    ];
    expect(tableTexts(pageFlow([page(1, runs, grid(xs, ys))]))).toEqual([
      [
        ['科目名称', '年初结转', '本年收入'],
        ['其他国有土地使用权出让收入安排的支出', '', '30.00'],
      ],
    ]);
  });

  it('is placed by its centre when it does not start at its column’s left line (a centred title over a row)', () => {
    const xs = [50, 120, 160, 200];
    const ys = [760, 746];
    // centred on the middle column and wider than it, over both its lines: its centre decides
    const runs = [run('某某单位合计数字样', 119.3, 750), run('1.00', 185, 750)];
    expect(tableTexts(pageFlow([page(1, runs, grid(xs, ys))]))).toEqual([[['', '某某单位合计数字样', '1.00']]]);
  });
});

describe('lines above a table', () => {
  it('keeps each page’s table number (公开01表 … 公开04表), dropping the running header and page numbers', () => {
    const pages = [1, 2, 3, 4].map((n) =>
      page(n, [
        run('某区文化服务中心2024年度部门决算', 56, 815, 9),
        run(`公开0${n}表`, 500, 790, 9),
        run(`第${n}表的标题`, 250, 770, 12),
        run(`- ${n} -`, 290, 40, 9),
      ]),
    );
    expect(paragraphs(pageFlow(pages))).toEqual([1, 2, 3, 4].flatMap((n) => [`公开0${n}表`, `第${n}表的标题`]));
  });

  it('does not run a right-aligned 公开06表 and 单位：万元 into the 部门 line below them', () => {
    const runs = [
      run('公开06表', 500, 770, 9),
      run('单位：万元', 490, 758, 9),
      run('部门：某区文化服务中心', 56, 746, 9),
      // a paragraph of running text that fills the width, wrapping on to a second line
      run(
        '本部门的情况说明写在表格之后，一行写满整个版心宽度之后接着写到下一行去，最后以句号结尾，再多写几个字吧好吗',
        56,
        700,
        9,
      ),
      run('这是第二行。', 56, 688, 9),
    ];
    expect(paragraphs(pageFlow([page(1, runs)]))).toEqual([
      '公开06表',
      '单位：万元',
      '部门：某区文化服务中心',
      '本部门的情况说明写在表格之后，一行写满整个版心宽度之后接着写到下一行去，最后以句号结尾，再多写几个字吧好吗这是第二行。',
    ]);
  });
});
