import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, diffWorkbooks, isFlagged } from '../../src/diff/compare.js';
import { formatDiffHtml } from '../../src/diff/format-html.js';
import { formatDiffTerminal } from '../../src/diff/format-terminal.js';
import { money } from '../../src/money/text.js';
import type { CellChange, RowDiff, WorkbookDiff } from '../../src/diff/types.js';
import { readFixture } from '../helpers/fixtures.js';
import { currentSource, letterOf, priorSource, sourceChanges, type SourceChange } from './source-changes.js';

/**
 * `juesuan diff` on the prior-year fixtures against the seed: the changes it lists are exactly the
 * ones the fixtures' source data imply (tests/diff/source-changes.ts works them out from the YAML,
 * without the reader), and units are aligned.
 */

function cellKey(_diff: WorkbookDiff, kind: string, row: RowDiff, c: CellChange): string {
  return `${kind} ${row.rowKey} ${letterOf(c.currentCell ?? c.priorCell ?? '')}`;
}

function listed(diff: WorkbookDiff): Map<string, CellChange> {
  const out = new Map<string, CellChange>();
  for (const t of diff.tables)
    for (const r of t.rows) for (const c of r.changes) out.set(cellKey(diff, t.kind, r, c), c);
  return out;
}

const text = (v: Decimal | null) => (v === null ? '' : money(v));

function expectedFlagged(c: SourceChange): boolean {
  const before = c.prior ?? new Decimal(0);
  const change = (c.current ?? new Decimal(0)).minus(before);
  return isFlagged(change, before.isZero() ? null : change.mul(100).div(before.abs()), DEFAULT_THRESHOLDS);
}

async function pair(prior: string, current = 'seed-2024.xlsx'): Promise<WorkbookDiff> {
  return diffWorkbooks(await readFixture(prior), await readFixture(current));
}

describe('diff prior-2023.xlsx seed-2024.xlsx', () => {
  it('lists exactly the changed amounts of the source data, each with its change, rate and flag', async () => {
    const diff = await pair('prior-2023.xlsx');
    const expected = sourceChanges(await priorSource('prior'), await currentSource());
    const got = listed(diff);
    expect([...got.keys()].sort()).toEqual(expected.map((e) => e.key).sort());
    for (const e of expected) {
      const c = got.get(e.key) as CellChange;
      expect(`${text(c.prior)} → ${text(c.current)}`, e.key).toBe(`${text(e.prior)} → ${text(e.current)}`);
      expect(c.change.eq((e.current ?? new Decimal(0)).minus(e.prior ?? 0)), e.key).toBe(true);
      expect(c.flagged, e.key).toBe(expectedFlagged(e));
    }
    expect(diff.summary.changes).toBe(expected.length);
    expect(diff.summary.flagged).toBe(expected.filter(expectedFlagged).length);
    expect(diff.summary.flagged).toBeGreaterThan(0);
  });

  it('names the rows only one year has: the 2023 fund project, in 02, 03 and 07', async () => {
    const diff = await pair('prior-2023.xlsx');
    const oneSided = diff.tables.flatMap((t) =>
      t.rows.filter((r) => r.status !== 'matched').map((r) => `${t.kind} ${r.status} ${r.label}`),
    );
    expect(oneSided).toEqual([
      '02 removed 2120899 其他国有土地使用权出让收入安排的支出',
      '03 removed 2120899 其他国有土地使用权出让收入安排的支出',
      '07 removed 2120899 其他国有土地使用权出让收入安排的支出',
    ]);
    // listed where it stood in 2023: after 2101103, before 2210201
    const t03 = diff.tables.find((t) => t.kind === '03')?.rows.map((r) => r.code ?? r.rowKey) ?? [];
    expect(t03.slice(t03.indexOf('2101103'), t03.indexOf('2101103') + 3)).toEqual(['2101103', '2120899', '2210201']);
  });

  it('gives the seed narrative’s changes on the totals and fiscal income (14.96, 0.70%; 293.03; −278.06)', async () => {
    const diff = await pair('prior-2023.xlsx');
    const change = (kind: string, rowKey: string, column: string) => {
      const c = diff.tables
        .find((t) => t.kind === kind)
        ?.rows.find((r) => r.rowKey === rowKey)
        ?.changes.find((x) => x.column === column);
      return c ? `${money(c.change)} ${c.rate?.toFixed(2) ?? 'new'} ${c.flagged}` : 'none';
    };
    expect(change('01', 'L30', 'amount')).toBe('14.96 0.70 false');
    expect(change('04', 'L1', 'amount')).toBe('293.03 15.72 false');
    expect(change('04', 'L2', 'amount')).toBe('-278.06 -100.00 true');
  });

  it('compares 01 class totals for the chart; a blank class is blank (null), not 0.00', async () => {
    const diff = await pair('prior-2023.xlsx');
    const shown = (v: Decimal | null) => (v === null ? '空白' : money(v));
    expect(diff.classTotals.map((c) => `${c.code} ${shown(c.prior)} ${shown(c.current)}`)).toEqual([
      '201 1733.82 2015.55',
      '208 42.39 46.10',
      '210 38.94 42.30',
      '212 278.06 空白',
      '221 48.65 52.87',
    ]);
    const html = formatDiffHtml(diff);
    expect(html).toContain('212 城乡社区支出：278.06 → 空白（万元）');
    expect(html).not.toContain('>0.00<');
  });

  it('side-by-side blocks are listed one after the other: every 收入 row, then 支出', async () => {
    const diff = await pair('prior-2023.xlsx');
    const t01 = diff.tables.find((t) => t.kind === '01')?.rows.map((r) => r.block) ?? [];
    expect(t01.indexOf('expenditure')).toBeGreaterThan(0);
    expect(t01.slice(t01.indexOf('expenditure')).every((b) => b === 'expenditure')).toBe(true);
  });

  it('a label both blocks use is named with its block: 收入 · 第30行「总计」', async () => {
    const diff = await pair('prior-2023.xlsx');
    const labels = diff.tables.find((t) => t.kind === '01')?.rows.map((r) => r.label) ?? [];
    expect(labels).toContain('收入 · 第30行「总计」');
    expect(labels).toContain('支出 · 第60行「总计」');
    expect(labels).toContain('第27行「本年收入合计」');
  });

  it('thresholds decide what is flagged', async () => {
    const prior = await readFixture('prior-2023.xlsx');
    const current = await readFixture('seed-2024.xlsx');
    const strict = diffWorkbooks(prior, current, { rate: new Decimal(5), amount: new Decimal(1) });
    const loose = diffWorkbooks(prior, current, { rate: new Decimal(101), amount: new Decimal(0) });
    const flagged = (d: WorkbookDiff) => [...listed(d).values()].filter((c) => c.flagged);
    expect(flagged(strict).length).toBeGreaterThan((await pair('prior-2023.xlsx')).summary.flagged);
    expect(flagged(strict).every((c) => c.change.abs().gte(1) && (c.rate === null || c.rate.abs().gte(5)))).toBe(true);
    // a fall of 100% is below 101%; nothing grew from 0
    expect(flagged(loose)).toEqual([]);
  });
});

describe('units: 元 and 万元 are aligned before comparing', () => {
  it('the 元 copy of 2023 against the 万元 file: no change at all (rounding is not a change)', async () => {
    const diff = await pair('prior-2023/yuan.xlsx', 'prior-2023.xlsx');
    expect(diff.summary).toEqual({ tables: 9, rowsAdded: 0, rowsRemoved: 0, changes: 0, flagged: 0 });
    expect(diff.notes.join('')).toContain('万元');
  });

  it('the 元 copy against 2024: the same cells change as with the 万元 file, by amounts within its rounding', async () => {
    const wan = listed(await pair('prior-2023.xlsx'));
    const yuan = listed(await pair('prior-2023/yuan.xlsx'));
    expect([...yuan.keys()].sort()).toEqual([...wan.keys()].sort());
    for (const [key, c] of yuan) {
      const w = wan.get(key) as CellChange;
      expect(c.change.minus(w.change).abs().lte('0.005'), key).toBe(true);
      expect(c.flagged, key).toBe(w.flagged);
    }
    // exact decimals: 18,637,946 元 is 1863.7946 万元
    const general = yuan.get('04 L1 C') as CellChange;
    expect(`${money(general.prior as Decimal)} ${money(general.change)}`).toBe('1863.7946 293.0254');
    // … shown at the 万元 tables' precision: 1863.79, +293.03
    expect(general.places).toBe(2);
    const line = formatDiffTerminal(await pair('prior-2023/yuan.xlsx'), { color: false })
      .split('\n')
      .find((l) => l.includes('一般公共预算财政拨款收入'));
    expect(line).toContain('1863.79');
    expect(line).toContain('+293.03');
    expect(line).not.toContain('1863.7946');
  });

  it('the same 2024 figures in 元 against the 万元 seed: no change', async () => {
    const diff = await pair('seed-2024.xlsx', 'variants/yuan.xlsx');
    expect(diff.summary.changes).toBe(0);
  });
});

describe('a reclassified subject', () => {
  it('shows as one subject removed and one added in 02, 03 and 05, the class totals unchanged', async () => {
    const diff = await pair('prior-2023/reclassified.xlsx');
    const expected = sourceChanges(await priorSource('reclassified'), await currentSource());
    expect([...listed(diff).keys()].sort()).toEqual(expected.map((e) => e.key).sort());
    const oneSided = diff.tables.flatMap((t) =>
      t.rows.filter((r) => r.status !== 'matched').map((r) => `${t.kind} ${r.status} ${r.code}`),
    );
    expect(oneSided.filter((r) => !r.endsWith('2120899'))).toEqual([
      '02 removed 2019999',
      '02 added 2013799',
      '03 removed 2019999',
      '03 added 2013799',
      '05 removed 2019999',
      '05 added 2013799',
    ]);
    const agreeing = await pair('prior-2023.xlsx');
    const of = (d: WorkbookDiff, kind: string) =>
      JSON.stringify(d.tables.find((t) => t.kind === kind)?.rows.map((r) => r.changes.map((c) => money(c.change))));
    expect(of(diff, '01')).toBe(of(agreeing, '01'));
    expect(of(diff, '04')).toBe(of(agreeing, '04'));
  });
});
