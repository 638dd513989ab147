/**
 * The seed's data published in the shapes of other provinces' reports (fixtures/published/shapes,
 * built by scripts/fixtures/published-shapes.ts): 类/款/项 code columns with subtotal rows, another
 * table order, 0.00 printed in empty cells, dashes, 元, a 目录 table, `pdftotext -layout` text with
 * page breaks inside tables. Each form reads to the seed's tables, `check` finds the narrative's six
 * real discrepancies and no table finding, and a changed amount in a table is caught where it is.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path, { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { readFileSync } from 'node:fs';
import { findRepoRoot, SOURCE_REL } from '../../scripts/fixtures/build.js';
import { NARRATIVE_SOURCE_REL } from '../../scripts/fixtures/narrative.js';
import { loadNarrativeSource, type NarrativeSource } from '../../scripts/fixtures/narrative-source.js';
import {
  SHAPES,
  shapeBytes,
  shapeFile,
  shapeItems,
  withAmount,
  type ShapeForm,
} from '../../scripts/fixtures/published-shapes.js';
import { loadSource, type SourceDoc } from '../../scripts/fixtures/source.js';
import { createChecker } from '../../src/check/index.js';
import { run } from '../../src/cli.js';
import { memoryIO } from '../../src/cli/io.js';
import type { Finding } from '../../src/model/finding.js';
import { exitCodeOf, type FileResult } from '../../src/model/results.js';
import { canonical } from '../helpers/canonical.js';
import { canonicalFixture, FIXTURES } from '../helpers/fixtures.js';

const SHAPES_DIR = join(FIXTURES, 'published', 'shapes');
const STANDARD = /^0\d\|/;

const expected = (
  YAML.parse(readFileSync(join(FIXTURES, 'src', 'seed-2024-narrative.yaml'), 'utf8')) as {
    expected: { rule: string }[];
  }
).expected
  .map((e) => e.rule)
  .sort();

async function findingsOf(dir: string, name: string): Promise<{ code: number; findings: Finding[] }> {
  const io = memoryIO({ cwd: dir });
  const code = await run(['check', name, '--format', 'json'], io);
  return { code, findings: (JSON.parse(io.stdout.join('')) as { findings: Finding[] }).findings };
}

/**
 * Each form checked once for both of its tests: the check reads the document as inspect does (the
 * same reader, the same model) and gives the findings with it.
 */
const checker = createChecker({ cwd: SHAPES_DIR });
const checks = new Map<string, Promise<FileResult>>();
function checked(name: string): Promise<FileResult> {
  let result = checks.get(name);
  if (!result) {
    result = checker.checkFile(name);
    checks.set(name, result);
  }
  return result;
}

/** The readable source data the mutated reports are made from, loaded once for the file. */
let sources: Promise<{ src: SourceDoc; narrative: NarrativeSource }> | undefined;
function sourceData(): Promise<{ src: SourceDoc; narrative: NarrativeSource }> {
  const root = findRepoRoot();
  sources ??= Promise.all([
    loadSource(join(root, SOURCE_REL)),
    loadNarrativeSource(join(root, NARRATIVE_SOURCE_REL)),
  ]).then(([src, narrative]) => ({ src, narrative }));
  return sources;
}

/** The text and borderless forms leave the 绩效自评 forms out (an attachment of their own): their standard tables only. */
const formsPrinted = (form: ShapeForm) => form !== 'layout.txt' && form !== 'borderless.pdf';

describe.each(SHAPES)('published shape $id', (shape) => {
  for (const form of shape.forms) {
    const name = shapeFile(shape, form);
    it(`${name}: reads to the seed's tables`, async () => {
      const { model, error } = await checked(name);
      expect(error).toBeUndefined();
      if (!model) throw new Error(`${name}: no model`);
      expect(model.missingTables).toEqual([]);
      const readAs = Object.entries(shape.readAs ?? {});
      const actual = Object.fromEntries(
        Object.entries(canonical(model)).map(([k, v]) => {
          const as = readAs.find(([kind]) => k.startsWith(`${kind}|`));
          return [as ? `${as[1]}${k.slice(as[0].length)}` : k, v];
        }),
      );
      const wanted = await canonicalFixture('seed-2024-full.xlsx');
      const keys = new Set([...Object.keys(wanted), ...Object.keys(actual)]);
      // the shape's own tables are read as their kinds, and are not the seed's
      const extra = shape.extraKinds ?? [];
      expect(extra.filter((kind) => !model.tables.some((t) => t.kind === kind))).toEqual([]);
      const diff = [...keys]
        .filter((k) => formsPrinted(form) || STANDARD.test(k))
        .filter((k) => !extra.some((kind) => k.startsWith(`${kind}|`)))
        .filter((k) => wanted[k] !== actual[k])
        .map((k) => `${k}: ${wanted[k]} != ${actual[k]}`);
      expect(diff).toEqual([]);
    });
    it(`${name}: the six discrepancies, no table finding`, async () => {
      const result = await checked(name);
      checks.delete(name); // both tests of the form have it: its model need not stay in memory
      const findings = result.findings;
      expect(exitCodeOf({ files: [result], failOn: 'error' })).toBe(1);
      expect(
        findings
          .filter((f) => f.location.table !== 'narrative')
          .map((f) => `${f.ruleId} ${f.severity}`)
          .sort(),
      ).toEqual((shape.infos ?? []).map((id) => `${id} info`));
      // the count of projects is checked against the 绩效自评 forms, or the projects the text lists:
      // not in the text form
      const wanted = form !== 'layout.txt' ? expected : expected.filter((r) => r !== 'n.count');
      expect(
        findings
          .filter((f) => f.severity !== 'info')
          .map((f) => f.ruleId)
          .sort(),
      ).toEqual(wanted);
    });
  }
});

describe('a changed amount in a published table is caught, with its place', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'juesuan-shapes-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  // the place as the issue asks: 第 5 页 · 支出决算表 · 2010350 事业运行 · 基本支出 (a line of text, a table's number)
  const named = (where: string) => new RegExp(`${where} · 一般公共预算财政拨款支出决算表 · 2010350 事业运行 · `);
  const cases: { shape: string; form: ShapeForm; place: RegExp }[] = [
    { shape: 'other-province', form: 'cid.pdf', place: named('第 \\d+ 页') },
    { shape: 'other-province', form: 'layout.txt', place: named('第 \\d+ 行') },
    { shape: 'other-province', form: 'html', place: named('表 \\d+') },
    { shape: 'dashes', form: 'embedded.pdf', place: named('第 \\d+ 页') },
    { shape: 'yuan', form: 'cid.pdf', place: named('第 \\d+ 页') },
  ];
  for (const { shape: id, form, place } of cases) {
    it(`${id}.${form}: 05 事业运行 基本支出 392.38 printed as 393.38`, async () => {
      const shape = SHAPES.find((s) => s.id === id);
      if (!shape) throw new Error(`no shape ${id}`);
      const { src, narrative } = await sourceData();
      const yuan = id === 'yuan';
      const items = withAmount(
        shapeItems(shape, src, narrative),
        '一般公共预算财政拨款支出决算表',
        '事业运行',
        yuan ? '3,923,800.00' : '392.38',
        yuan ? '3,933,800.00' : '393.38',
      );
      const name = `mutated.${form}`;
      await writeFile(join(dir, name), shapeBytes(items, form, `${src.meta.department}${src.meta.year}年度部门决算`));
      const { findings } = await findingsOf(dir, name);
      const table = findings.filter((f) => f.location.table !== 'narrative' && f.severity === 'error');
      expect(table.length).toBeGreaterThan(0);
      const in05 = table.filter((f) => f.location.table === '05');
      expect(in05.length).toBeGreaterThan(0);
      expect(in05.some((f) => place.test(f.message))).toBe(true);
    });
  }
});

describe('a header cut by the page end: the columns named by the header above the cut', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'juesuan-cut-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  for (const form of ['cid.pdf', 'embedded.pdf'] as ShapeForm[]) {
    it(`split-header.${form}: 02 事业运行 本年收入合计 398.17 printed as 399.17`, async () => {
      const shape = SHAPES.find((s) => s.id === 'split-header');
      if (!shape) throw new Error('no shape split-header');
      const { src, narrative } = await sourceData();
      const items = withAmount(shapeItems(shape, src, narrative), '年度收入决算表', '事业运行', '398.17', '399.17');
      const name = `cut.${form}`;
      const header = `${src.meta.department}${src.meta.year}年度部门决算`;
      await writeFile(join(dir, name), shapeBytes(items, form, header, shape));
      const { findings } = await findingsOf(dir, name);
      const in02 = findings.filter((f) => f.location.table === '02' && f.severity === 'error');
      expect(in02.map((f) => f.message).join('\n')).toMatch(/第 \d+ 页 · 收入决算表 · 2010350 事业运行 · 本年收入合计/);
    });
  }
});

describe('a header that ends a page: the data rows on the next page are rows of their own', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'juesuan-ends-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  for (const form of ['cid.pdf', 'embedded.pdf'] as ShapeForm[]) {
    it(`header-ends.${form}: the one-row 三公 table's 预算数 合计 2.00 printed as 3.00`, async () => {
      const shape = SHAPES.find((s) => s.id === 'header-ends');
      if (!shape) throw new Error('no shape header-ends');
      const { src, narrative } = await sourceData();
      // the data row has no label: the row is found by its own figure
      const items = withAmount(shapeItems(shape, src, narrative), '“三公”经费支出决算表', '2.00', '2.00', '3.00');
      const name = `ends.${form}`;
      await writeFile(
        join(dir, name),
        shapeBytes(items, form, `${src.meta.department}${src.meta.year}年度部门决算`, shape),
      );
      const { findings } = await findingsOf(dir, name);
      const in09 = findings.filter((f) => f.location.table === '09' && f.severity !== 'info');
      expect(in09.map((f) => `${f.ruleId} ${f.severity}`)).toEqual(['t09.total error']);
      expect(in09[0]?.message).toMatch(/第 \d+ 页 · 财政拨款“三公”经费支出决算表 · 合计/);
    });
  }
});

describe('an amount too wide for its column, printed as ###', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'juesuan-narrow-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  // one message whatever the form: the cell's place, and why it cannot be read
  for (const [form, where] of [
    ['cid.pdf', '第 \\d+ 页'],
    ['layout.txt', '第 \\d+ 行'],
    ['html', '表 \\d+'],
  ] as [ShapeForm, string][]) {
    it(`other-province.${form}: 05 事业运行 基本支出 printed as ###`, async () => {
      const shape = SHAPES.find((s) => s.id === 'other-province');
      if (!shape) throw new Error('no shape other-province');
      const { src, narrative } = await sourceData();
      const items = withAmount(
        shapeItems(shape, src, narrative),
        '一般公共预算财政拨款支出决算表',
        '事业运行',
        '392.38',
        '###',
      );
      const name = `hashes.${form}`;
      await writeFile(join(dir, name), shapeBytes(items, form, `${src.meta.department}${src.meta.year}年度部门决算`));
      const { findings } = await findingsOf(dir, name);
      const table = findings.filter((f) => f.location.table !== 'narrative' && f.severity !== 'info');
      expect(table.map((f) => `${f.ruleId} ${f.location.table}`)).toEqual(['cells.unreadable 05']);
      expect(table[0]?.message).toMatch(
        new RegExp(`${where} · 一般公共预算财政拨款支出决算表 · 2010350 事业运行 · 基本支出.*列宽不足`),
      );
    });
  }
});
