/**
 * Unruled tables whose cells stand close together (src/io/pdf/tight-columns.ts): a web page's or a
 * Word table without borders printed to PDF parts two cells by the cells' padding alone, a third of
 * an em, closer than the words of a sentence. Positions in points, as a browser prints them.
 */
import { describe, expect, it } from 'vitest';
import { type Page, pageFlow, type PdfFlowItem } from '../../src/io/pdf/page-flow.js';
import type { Glyphs } from '../../src/io/pdf/page-text.js';

const SIZE = 7;
/** The padding between two cells: 2.4 pt, a third of an em. */
const PAD = 2.4;

function width(text: string): number {
  return [...text].reduce((n, ch) => n + ((ch.codePointAt(0) ?? 0) > 0x2ff ? 1 : 0.5), 0) * SIZE;
}

function run(text: string, x: number, y: number): Glyphs {
  return { text, x, right: x + width(text), y, size: SIZE };
}

/**
 * A row of cells: each column's left edge and alignment; a cell's text left-aligned at its edge
 * plus the padding, or right-aligned against the next column's edge less the padding.
 */
function row(edges: number[], align: ('l' | 'r')[], texts: string[], y: number): Glyphs[] {
  return texts.flatMap((text, c) => {
    if (text === '') return [];
    const left = edges[c] as number;
    const right = edges[c + 1] as number;
    return [run(text, align[c] === 'r' ? right - PAD - width(text) : left + PAD, y)];
  });
}

function page(runs: Glyphs[]): Page {
  return { number: 1, bottom: 0, top: 841.89, width: 595.28, runs, tables: [] };
}

function tableTexts(items: PdfFlowItem[]): string[][][] {
  return items.flatMap((item) => (item.kind === 'table' ? [item.rows.map((r) => r.cells.map((c) => c.text))] : []));
}

describe('an unruled table with tight columns', () => {
  const align: ('l' | 'r')[] = ['l', 'l', 'r', 'l', 'l', 'r'];
  const lines = [
    ['项目', '行次', '金额', '项目', '行次', '金额'],
    ['一、本级财政拨付的一般公共预算收入', '1', '3,408.15', '一、一般公共服务支出', '21', '3,120.40'],
    ['二、上级补助收入', '2', '', '二、文化旅游支出', '22', '97.06'],
    ['三、事业收入', '3', '12.50', '三、住房保障支出', '23', ''],
    ['本年收入合计', '4', '3,420.65', '本年支出合计', '24', '3,217.46'],
    ['年初结转和结余', '5', '', '年末结转和结余', '25', '203.19'],
    ['总计', '6', '3,420.65', '总计', '26', '3,420.65'],
  ];
  // 项目 | 行次 | 金额 | 项目 | 行次 | 金额: each column as wide as its widest text and the padding
  const edges = [40];
  for (let c = 0; c < align.length; c += 1)
    edges.push((edges.at(-1) as number) + Math.max(...lines.map((l) => width(l[c] ?? ''))) + 2 * PAD);
  const runs = lines.flatMap((texts, i) => row(edges, align, texts, 700 - i * 10));

  it('parts cells where several lines of figures share an edge, each amount a cell of its own', () => {
    expect(tableTexts(pageFlow([page(runs)]))).toEqual([lines]);
  });

  it('never parts the words of one cell: a label with a space inside stays whole', () => {
    const spaced = [
      ...runs,
      // a label whose two words stand a space apart, on a line of figures below the table's lines
      ...row(edges, align, ['其中：', '7', '1.00', '', '', ''], 630),
      run('基本支出', (edges[0] as number) + PAD + width('其中：') + PAD, 630),
    ];
    const rows = tableTexts(pageFlow([page(spaced)]))[0] ?? [];
    expect(rows.at(-1)?.slice(0, 3)).toEqual(['其中：基本支出', '7', '1.00']);
    expect(rows.at(-1)?.length).toBe(6);
  });
});

describe('labels wrapped over two lines, centred on their rows', () => {
  // 科目编码 | 科目名称 | 决算数: a browser centres each cell's lines on the row's height
  const x = { code: 40, name: 80, amount: 190 };
  const runs = [
    run('30101', x.code, 700),
    run('基本工资', x.name, 700),
    run('86.40', x.amount, 700),
    // a label of two lines: its first half a line above the row's figures, its second half a line below
    run('机关事业单位基本养老保', x.name, 684.2),
    run('30108', x.code, 680),
    run('41.25', x.amount, 680),
    run('险缴费', x.name, 675.8),
    run('30109', x.code, 660),
    run('职业年金缴费', x.name, 660),
    run('16.50', x.amount, 660),
  ];

  it('joins both lines to the row whose figures they stand around', () => {
    expect(tableTexts(pageFlow([page(runs)]))).toEqual([
      [
        ['30101', '基本工资', '86.40'],
        ['30108', '机关事业单位基本养老保险缴费', '41.25'],
        ['30109', '职业年金缴费', '16.50'],
      ],
    ]);
  });
});
