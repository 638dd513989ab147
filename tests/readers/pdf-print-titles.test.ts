/**
 * Which lines at the top of a page are a repeated header band (print titles) and which only look
 * like lines printed before: the part of a header cut by the page's end (an office suite prints a
 * merged cell's text on both sides of the cut) and the rest of a label broken by the page's end.
 */
import { describe, expect, it } from 'vitest';
import type { Glyphs } from '../../src/io/pdf/page-text.js';
import { printTitleRuns } from '../../src/io/pdf/print-titles.js';

const SIZE = 7;

interface TestPage {
  runs: Glyphs[];
}

/** A page of lines, each its pieces as [x, text], from the top down 12 points apart. */
function page(top: number, lines: [number, string][][]): TestPage {
  const runs: Glyphs[] = [];
  lines.forEach((pieces, i) => {
    for (const [x, text] of pieces) runs.push({ x, right: x + text.length * SIZE, y: top - i * 12, size: SIZE, text });
  });
  return { runs };
}

/**
 * The texts of the runs left out, page by page (every run but a title's, …表, counts as a ruled
 * table's; those of `figureRows` as in a row of the table that holds an amount).
 */
function dropped(pages: TestPage[], figureRows = new Set<Glyphs>()): string[][] {
  const out = printTitleRuns(
    pages,
    () => true,
    (_, run) => (run.text.endsWith('表') ? undefined : figureRows.has(run) ? 'figures' : 'ruled'),
  );
  return pages.map((p) => p.runs.filter((r) => out.has(r)).map((r) => r.text));
}

const header: [number, string][] = [
  [60, '项目'],
  [200, '本年支出'],
  [300, '基本支出'],
];

describe('a band of lines at the top of a page', () => {
  it('is dropped where it repeats a header printed above rows of figures', () => {
    const first = page(780, [
      header,
      [
        [60, '行政运行'],
        [200, '3.00'],
        [300, '3.00'],
      ],
    ]);
    const second = page(800, [
      header,
      [
        [60, '事业运行'],
        [200, '5.00'],
        [300, '5.00'],
      ],
    ]);
    expect(dropped([first, second])).toEqual([[], ['项目', '本年支出', '基本支出']]);
  });

  it('is kept where it repeats the part of a header the page’s end cut (no figures under it there)', () => {
    const first = page(780, [
      [
        [60, '行政运行'],
        [200, '3.00'],
        [300, '3.00'],
      ],
      [[200, '某项支出决算表']],
      header,
    ]);
    const second = page(800, [
      header,
      [
        [60, '类'],
        [100, '款'],
      ],
      [
        [60, '事业运行'],
        [200, '5.00'],
        [300, '5.00'],
      ],
    ]);
    expect(dropped([first, second])).toEqual([[], []]);
  });

  it('is kept whole where its lines repeat a header but one stands a few points off its place', () => {
    // a word processor repeating a table's header rows on the next page may draw a row of them a
    // little taller or shorter: dropping the lines in place and leaving the rest would leave a
    // header row's words as a row of the table (its repeated rows are the table's to drop)
    const units: [number, string][] = [
      [200, '决算数'],
      [300, '决算数'],
    ];
    const figures: [number, string][] = [
      [60, '行政运行'],
      [200, '3.00'],
      [300, '3.00'],
    ];
    const first = page(780, [header, units, figures]);
    const second = page(800, [header, units, figures]);
    for (const run of second.runs) if (run.text === '决算数') run.y -= 3;
    expect(dropped([first, second])).toEqual([[], []]);
  });

  it('ends before the first line of a label that a row of figures had on the earlier page', () => {
    // a word processor centres a row's figures on its wrapped label: the label's first line is a
    // line of its own, above the figures, in a row that holds them; the next page's first row
    // (blank, its label wrapped alike) repeats that line under the repeated header
    const label: [number, string][] = [[60, '一、某项财政']];
    const first = page(780, [header, label, [[200, '3.00']], [[60, '拨款收入']]]);
    const second = page(800, [
      header,
      label,
      [[60, '拨款收入']],
      [
        [60, '事业收入'],
        [200, '5.00'],
      ],
    ]);
    const figureRows = new Set(first.runs.filter((run) => !header.some(([, text]) => text === run.text)));
    expect(dropped([first, second], figureRows)).toEqual([[], ['项目', '本年支出', '基本支出']]);
  });

  it('is kept where it is a lone label, the rest of a row the page’s end broke', () => {
    const first = page(780, [
      header,
      [[60, '十九、住房']],
      [
        [60, '保障支出'],
        [200, '3.00'],
      ],
    ]);
    const second = page(800, [
      [[60, '十九、住房']],
      [
        [60, '保障支出'],
        [200, '5.00'],
      ],
    ]);
    expect(dropped([first, second])).toEqual([[], []]);
  });

  it('is kept where it repeats lines from the middle of a table (a section of a form every project fills in)', () => {
    const section: [number, string][] = [
      [60, '预算执行'],
      [200, '预算数'],
      [300, '执行数'],
    ];
    const first = page(780, [
      [
        [60, '项目名称'],
        [200, '某项目'],
      ],
      section,
      [
        [60, '年度资金'],
        [200, '3.00'],
        [300, '3.00'],
      ],
    ]);
    const second = page(800, [
      section,
      [
        [60, '年度资金'],
        [200, '5.00'],
        [300, '5.00'],
      ],
    ]);
    expect(dropped([first, second])).toEqual([[], []]);
  });
});
