/**
 * The prior-year fixtures (fixtures/src/seed-2023.yaml → fixtures/prior-2023.xlsx, prior-2023/*.xlsx,
 * prior-2023.json): rebuilt identically, each a consistent set of tables (every table rule passes),
 * the 元 copy equal to the 万元 file within rounding, and the 2023 figures the seed's narrative
 * takes for granted.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRepoRoot } from '../scripts/fixtures/build.js';
import {
  buildPriorFixtures,
  PRIOR_MANIFEST_NAME,
  PRIOR_SOURCE_REL,
  type PriorManifest,
} from '../scripts/fixtures/prior.js';
import type { Table, WorkbookModel } from '../src/model/types.js';
import { builtinRulePaths, loadRuleFiles, runRules } from '../src/rules/index.js';
import { expectRebuiltWorkbook, readFixture } from './helpers/fixtures.js';

const root = findRepoRoot();
const fixturesDir = path.join(root, 'fixtures');
const committed = JSON.parse(readFileSync(path.join(fixturesDir, PRIOR_MANIFEST_NAME), 'utf8')) as PriorManifest;
const files = committed.files.map((f) => f.file);

/** Every value, number format and merge of every sheet: what a reader can see. */
async function snapshot(file: string): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((ws) => {
    const cells: Record<string, unknown> = {};
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type === ExcelJS.ValueType.Merge || cell.value === null) return;
        cells[cell.address] = [cell.value, cell.numFmt ?? null];
      });
    });
    return { name: ws.name, state: ws.state, merges: [...ws.model.merges].sort(), cells };
  });
}

describe('prior-year fixtures match their source', () => {
  let outDir = '';

  beforeAll(async () => {
    outDir = await mkdtemp(path.join(os.tmpdir(), 'juesuan-prior-'));
    await buildPriorFixtures(outDir, path.join(root, PRIOR_SOURCE_REL));
  });

  afterAll(async () => {
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it('rebuilds the manifest byte for byte', async () => {
    expect(await readFile(path.join(outDir, PRIOR_MANIFEST_NAME), 'utf8')).toBe(
      await readFile(path.join(fixturesDir, PRIOR_MANIFEST_NAME), 'utf8'),
    );
  });

  it.each(files)('%s: every sheet and cell equals the rebuilt one', async (file) => {
    await expectRebuiltWorkbook(path.join(outDir, file), path.join(fixturesDir, file), snapshot);
  });

  it('fixtures/README.md lists every prior-year file', () => {
    const readme = readFileSync(path.join(fixturesDir, 'README.md'), 'utf8');
    for (const f of files) expect(readme).toContain(f);
  });
});

const { rules } = loadRuleFiles(builtinRulePaths());

function amount(model: WorkbookModel, kind: string, rowKey: string, column: string, block?: string): string | null {
  const table = model.tables.find((t) => t.kind === kind);
  const cell = table?.rows.find((r) => r.key.id === rowKey && (block === undefined || r.block === block))?.cells[
    column
  ];
  if (!cell) throw new Error(`${kind} ${rowKey} ${column}: no such cell`);
  return cell.value === null ? null : cell.value.toFixed(2);
}

describe('prior-year fixtures as workbooks', () => {
  it.each(files)('%s reads as 2023 of the seed unit and passes every table rule', async (file) => {
    const model = await readFixture(file);
    expect(model.year).toBe(2023);
    expect(model.department).toBe(committed.department);
    expect(model.tables.map((t) => t.kind)).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09']);
    expect(runRules(model, rules).map((f) => `${f.ruleId} ${f.message}`)).toEqual([]);
  });

  it('prior-2023.xlsx holds the 2023 figures the seed narrative states its changes against', async () => {
    const m = await readFixture('prior-2023.xlsx');
    expect(m.unit).toBe('万元');
    // 收、支总计 / 收入合计 / 支出合计 (01), 财政拨款收、支总计 (04): 2156.82 − 14.96
    expect(amount(m, '01', 'L30', 'amount')).toBe('2141.86');
    expect(amount(m, '01', 'L60', 'amount')).toBe('2141.86');
    expect(amount(m, '01', 'L27', 'amount')).toBe('2141.86');
    expect(amount(m, '01', 'L57', 'amount')).toBe('2141.86');
    expect(amount(m, '04', 'L32', 'amount')).toBe('2141.86');
    // 一般公共预算财政拨款收入 2156.82 − 293.03; 政府性基金 0 + 278.06; 国有资本经营 and 三公: 0
    expect(amount(m, '04', 'L1', 'amount')).toBe('1863.79');
    expect(amount(m, '04', 'L2', 'amount')).toBe('278.06');
    expect(amount(m, '04', 'L3', 'amount')).toBeNull();
    expect(amount(m, '09', 'ROW', 'total', 'budget')).toBe('2.00');
    expect(amount(m, '09', 'ROW', 'total', 'actual')).toBeNull();
    // a 政府性基金 table with rows: 2023 had fund income and spending
    const t07 = m.tables.find((t) => t.kind === '07') as Table;
    expect(t07.empty).toBe(false);
    expect(t07.rows.map((r) => r.key.id)).toEqual(['TOTAL', 'F2120899']);
  });

  it('prior-2023/yuan.xlsx is prior-2023.xlsx in 元: every amount rounds to the 万元 figure', async () => {
    const wan = await readFixture('prior-2023.xlsx');
    const yuan = await readFixture('prior-2023/yuan.xlsx');
    expect(yuan.unit).toBe('元');
    let compared = 0;
    for (const table of wan.tables) {
      const other = yuan.tables.find((t) => t.kind === table.kind) as Table;
      expect(other.rows.map((r) => `${r.block} ${r.key.id}`)).toEqual(table.rows.map((r) => `${r.block} ${r.key.id}`));
      table.rows.forEach((row, i) => {
        for (const [column, cell] of Object.entries(row.cells)) {
          const y = other.rows[i]?.cells[column];
          expect(y?.state).toBe(cell.state);
          if (cell.value === null) continue;
          expect(y?.value?.div(10000).toFixed(2), `${table.kind} ${row.key.id} ${column}`).toBe(cell.value.toFixed(2));
          compared += 1;
        }
      });
    }
    expect(compared).toBeGreaterThan(100);
  });
});
