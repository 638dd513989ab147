/**
 * A report copied out of a PDF viewer: one space between a row's cells, blank cells gone
 * (fixtures/published/seed-2024.spaced.txt, built from the seed by the fixture scripts). Every
 * standard table is found; every amount the reader places equals the workbook's; a cell no sum can
 * place stays unknown (never 0) and is said, one finding per line; the findings at warn and above
 * are the seed text's own.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInput } from '../../src/io/read-input.js';
import { figureOf, placedCells, placements } from '../../src/reader/spaced/placement.js';
import { canonical } from '../helpers/canonical.js';
import { reportFindings } from '../helpers/check-report.js';
import { canonicalFixture, FIXTURES } from '../helpers/fixtures.js';

const SPACED = join(FIXTURES, 'published', 'seed-2024.spaced.txt');
const ZEROS = join(FIXTURES, 'published', 'seed-2024.spaced-zeros.txt');
const TABS = join(FIXTURES, 'published', 'seed-2024.txt');

/** Each cell of the tables read from `file` against the workbook's: equal, unknown, different, missing. */
async function compared(file: string) {
  const { model } = await readInput(file, file, { want: 'tables' });
  // 06 prints its economic codes in three side-by-side parts; which part a line that has fewer of
  // them fills is a matter of layout (its rows are known by their codes): compared without it
  const byCode = (entries: Record<string, string>) =>
    Object.fromEntries(Object.entries(entries).map(([k, v]) => [k.replace(/^06\|b\d\|/, '06|'), v]));
  const actual = byCode(canonical(model));
  const expected = byCode(await canonicalFixture('seed-2024-full.xlsx'));
  const different: string[] = [];
  let equal = 0;
  let unknown = 0;
  const unknownKinds = new Set<string>();
  for (const [k, v] of Object.entries(actual)) {
    if (k.endsWith('|label')) continue;
    if (v === 'unreadable「」') {
      unknown += 1;
      unknownKinds.add(k.slice(0, 2));
    } else if (v === expected[k]) equal += 1;
    else different.push(`${k}: ${expected[k]} != ${v}`);
  }
  // (the 绩效自评表 forms P01/P02 are running text in these copies)
  const missing = Object.keys(expected).filter(
    (k) => /^0\d\|/.test(k) && !k.endsWith('|label') && actual[k] === undefined,
  );
  return {
    kinds: model.tables.map((t) => t.kind),
    equal,
    unknown,
    unknownKinds: [...unknownKinds].sort(),
    different,
    missing,
  };
}

describe('a single-space copy of the seed', () => {
  it('reads every table; each placed amount is the workbook one, the rest unknown', async () => {
    const { kinds, equal, unknown, different, missing } = await compared(SPACED);
    expect(kinds).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09']);
    expect(different).toEqual([]);
    expect(missing).toEqual([]);
    expect({ equal, unknown }).toEqual({ equal: 345, unknown: 136 });
  });

  it('with the blank amounts of its code tables printed 0.00, places those tables whole', async () => {
    const { kinds, equal, unknown, unknownKinds, different, missing } = await compared(ZEROS);
    expect(kinds).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09']);
    expect(different).toEqual([]);
    expect(missing).toEqual([]);
    // (09 is all blank: nothing prints its zeros)
    expect(unknownKinds).toEqual(['09']);
    expect({ equal, unknown }).toEqual({ equal: 475, unknown: 6 });
  });

  it('gives the seed text’s findings at warn and above, and says which cells it could not place', async () => {
    // each file checked once (the seed text's report is published-check.test.ts's too)
    const ids = async (file: string) =>
      (await reportFindings(file))
        .filter((f) => f.severity !== 'info')
        .map((f) => f.ruleId)
        .sort();
    expect(await ids(SPACED)).toEqual(await ids(TABS));
    const infos = (await reportFindings(SPACED)).filter((f) => f.severity === 'info' && !f.ruleId.startsWith('n.'));
    expect([...new Set(infos.map((f) => f.ruleId))].sort()).toEqual(['cells.unplaced']);
  });
});

describe('placing the figures of a line', () => {
  const figures = (...texts: string[]) => texts.map((t) => figureOf(t) as NonNullable<ReturnType<typeof figureOf>>);
  // 合计 = 基本支出 + 项目支出
  const sums = [[0, 1, 2]];
  const placed = (texts: string[], columns = 3) => {
    const f = figures(...texts);
    return placedCells(f, placements(f, columns, sums), columns).map((p) =>
      'figure' in p ? (f[p.figure]?.text ?? '') : 'blank' in p ? '' : '?',
    );
  };

  it('places a full line by position', () => {
    expect(placed(['730.20', '512.05', '218.15'])).toEqual(['730.20', '512.05', '218.15']);
  });

  it('places the total of a short line, and leaves the part no sum tells unknown', () => {
    expect(placed(['88.40', '88.40'])).toEqual(['88.40', '?', '?']);
  });

  it('takes a short line the sums rule out everywhere as unknown throughout', () => {
    expect(placed(['10.00', '3.00'])).toEqual(['?', '?', '?']);
  });

  it('places a full line by position even when it breaks its sum (the table’s error, for its rules)', () => {
    expect(placed(['10.00', '3.00', '4.00'])).toEqual(['10.00', '3.00', '4.00']);
  });

  it('places the only arrangement that keeps the sum', () => {
    // a fourth column in no sum: blank, since 3.00 and 4.00 make the sum only as its parts
    expect(placed(['7.00', '3.00', '4.00'], 4)).toEqual(['7.00', '3.00', '4.00', '']);
  });

  it('reads a printed 0 or dash as a figure that holds its place', () => {
    expect(placed(['5.50', '0.00', '5.50'])).toEqual(['5.50', '0.00', '5.50']);
    expect(placed(['5.50', '—', '5.50'])).toEqual(['5.50', '—', '5.50']);
  });
});
