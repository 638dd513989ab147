/**
 * Ruling lines to tables (src/io/pdf/rulings.ts): borders drawn cell by cell are merged into lines,
 * and every table keeps the column lines it draws, whatever else stands on the page.
 */
import { describe, expect, it } from 'vitest';
import { ruledTables, sameLines, type Segment } from '../../src/io/pdf/rulings.js';

/** A grid's segments, each cell's four sides drawn on their own (as an office suite exports them). */
function grid(xs: number[], ys: number[]): { horizontal: Segment[]; vertical: Segment[] } {
  const horizontal: Segment[] = [];
  const vertical: Segment[] = [];
  for (let r = 0; r + 1 < ys.length; r += 1) {
    for (let c = 0; c + 1 < xs.length; c += 1) {
      const [x0, x1, top, bottom] = [xs[c] as number, xs[c + 1] as number, ys[r] as number, ys[r + 1] as number];
      horizontal.push({ at: top, a: x0, b: x1 }, { at: bottom, a: x0, b: x1 });
      vertical.push({ at: x0, a: bottom, b: top }, { at: x1, a: bottom, b: top });
    }
  }
  return { horizontal, vertical };
}

describe('ruled tables', () => {
  it('keep a column line that stands half a point from another table’s line on the same page', () => {
    // the upper table has a border at x 321.8, the lower one at 322.3 (the 合计 | 因公出国 line of a 三公 table)
    const upper = grid([56, 200, 321.8, 539], [760, 740, 720]);
    const lower = grid([56, 297.6, 322.3, 371.6, 539], [500, 480, 460]);
    const tables = ruledTables([...upper.horizontal, ...lower.horizontal], [...upper.vertical, ...lower.vertical]);
    const xs = tables.map((t) => t.xs).sort((a, b) => a.length - b.length);
    expect(xs).toEqual([
      [56, 200, 321.8, 539],
      [56, 297.6, 322.3, 371.6, 539],
    ]);
    for (const table of tables) expect(table.vertical.every((row) => row.every(Boolean))).toBe(true);
  });
});

describe('the same lines on two pages', () => {
  it('are one for one, each as close as one page’s strokes of one line', () => {
    // one table's columns, then drawn again a little apart (a border's width), then a line short
    const xs = [56, 120.5, 280, 340];
    const merged = ruledTables(grid(xs, [700, 684]).horizontal, [
      ...grid(xs, [700, 684]).vertical,
      { at: 281.9, a: 684, b: 700 },
    ]);
    // what one page takes for one line (280 and 281.9), two pages take for one too
    expect(merged[0]?.xs).toHaveLength(4);
    expect(sameLines(xs, [56, 121, 281.9, 338.5])).toBe(true);
    expect(sameLines(xs, [56, 120.5, 283, 340])).toBe(false);
    expect(sameLines(xs, [56, 120.5, 280])).toBe(false);
    expect(sameLines(xs, undefined)).toBe(false);
  });
});

describe('rows ruled up to the page’s edge with a border on one side only', () => {
  // a wide sheet's piece: the merged cells of a header at the foot of the page run on over the page's
  // right edge (left piece) or come in over its left edge (right piece), drawing no column line there
  const rows = (a: number, b: number): Segment[] => [700, 684, 668].map((at) => ({ at, a, b }));

  it('end at the page’s edge, the side without a border open', () => {
    // the left piece: the left border alone, no column line inside
    const [left] = ruledTables(rows(56, 470), [{ at: 56, a: 668, b: 700 }]);
    expect(left).toMatchObject({ xs: [56, 470], open: 'right' });
    expect(left?.vertical).toEqual([
      [true, false],
      [true, false],
    ]);
    // the right piece: a column line in the lower row, the right border top to bottom
    const [right] = ruledTables(rows(56, 360), [
      { at: 150, a: 668, b: 684 },
      { at: 360, a: 668, b: 700 },
    ]);
    expect(right).toMatchObject({ xs: [56, 150, 360], open: 'left' });
  });

  it('are no table of their own where no border stands on either side, nor where one row line stops short', () => {
    // rules alone, one column line in the middle: as its column lines draw it (one line: no table)
    expect(ruledTables(rows(56, 470), [{ at: 200, a: 668, b: 700 }])).toEqual([]);
    const short = ruledTables([...rows(56, 470).slice(0, 2), { at: 668, a: 56, b: 300 }], [{ at: 56, a: 668, b: 700 }]);
    expect(short).toEqual([]);
  });
});
