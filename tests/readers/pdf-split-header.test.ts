/**
 * A table whose header the page's end cuts: the part above the cut holds no amount. A row whose
 * amounts all print as ### (columns too narrow for them) holds amounts too: it is a data row the
 * page's end follows, not the start of a header whose rest is the next page's first row.
 */
import { describe, expect, it } from 'vitest';
import type { FlowRow } from '../../src/io/layout/flow.js';
import { joinSplitHeader } from '../../src/io/pdf/split-header.js';

const COLUMNS = [50, 200, 300, 400];
const row = (page: number, ...texts: string[]): FlowRow => ({
  cells: texts.map((text) => ({ text })),
  place: { page },
});

describe('the part of a table above a page end', () => {
  it('a header part (words only) takes the rest of its cells from the first row below', () => {
    const joined = joinSplitHeader(
      { rows: [row(1, '项目', '本年', '上年')], columns: COLUMNS },
      { rows: [row(2, '', '决算数', '决算数'), row(2, '金融支出', '1.00', '2.00')], columns: COLUMNS },
    );
    expect(joined?.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['项目', '本年决算数', '上年决算数'],
      [],
      ['金融支出', '1.00', '2.00'],
    ]);
  });

  // before the one amount predicate, ### was no amount here: the next page's first label was joined
  // to the last label above the page end (a 元 table printed in narrow columns: 金融支出十七、…)
  it('a row of ### is a data row: nothing below is joined to it', () => {
    expect(
      joinSplitHeader(
        { rows: [row(1, '金融支出', '###', '###')], columns: COLUMNS },
        { rows: [row(2, '十七、援助其他地区支出', '1.00', '2.00')], columns: COLUMNS },
      ),
    ).toBeUndefined();
  });

  // a cell merged over rows on both sides of the cut, its text centred on the whole cell: each page
  // prints that text, the part of the cell on it showing what falls there (科目名称 on both)
  it('a header cell’s text printed on both sides of the cut is its text once', () => {
    const joined = joinSplitHeader(
      { rows: [row(1, '功能分类科目', '科目名称', '本年')], columns: COLUMNS },
      { rows: [row(2, '', '科目名称', '1'), row(2, '201', '一般公共服务支出', '2.00')], columns: COLUMNS },
    );
    expect(joined?.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['功能分类科目', '科目名称', '本年'],
      ['1'],
      ['201', '一般公共服务支出', '2.00'],
    ]);
  });
});
