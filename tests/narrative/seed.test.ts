/**
 * Acceptance on the seed (primer, "Findings in the seed"): the published report with its
 * narrative gives exactly the six real discrepancies and nothing else at warn or above, whichever
 * way the narrative is read. The expected findings live beside the fixture data, in
 * fixtures/src/seed-2024-narrative.yaml (`expected:`), and are compared exactly: too few or too
 * many fails.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import type { Finding } from '../../src/model/finding.js';
import type { WorkbookModel } from '../../src/model/types.js';
import { readWorkbookDocument } from '../../src/io/read-input.js';
import { checkNarrative } from '../../src/narrative/check.js';
import { readDocument } from '../../src/reader/read-document.js';
import type { Narrative } from '../../src/narrative/types.js';
import { FIXTURES } from '../helpers/fixtures.js';
import { narrativeInWorkbook, narrativeRules, narrativeVerdicts, readNarrativeFile } from './helpers.js';

const source = YAML.parse(readFileSync(join(FIXTURES, 'src', 'seed-2024-narrative.yaml'), 'utf8')) as {
  expected: { rule: string; paragraph: string }[];
};
const expected = source.expected.map((e) => `${e.rule} ${e.paragraph}`).sort();

function seen(findings: Finding[]): string[] {
  return findings
    .filter((f) => f.severity !== 'info')
    .map((f) => `${f.ruleId} ${f.location.rowKey ?? ''}`)
    .sort();
}

let full: WorkbookModel;
let sheet: Narrative;
let seed: WorkbookModel;

beforeAll(async () => {
  const file = join(FIXTURES, 'seed-2024-full.xlsx');
  const workbook = await readWorkbookDocument(file);
  full = readDocument(workbook);
  sheet = narrativeInWorkbook(workbook, file) as Narrative;
  const seedFile = join(FIXTURES, 'seed-2024.xlsx');
  seed = readDocument(await readWorkbookDocument(seedFile));
});

describe('the seed with its narrative gives exactly the six discrepancies', () => {
  it('seed-2024-full.xlsx: tables, 绩效自评表 forms and the 情况说明 sheet', () => {
    expect(sheet.paragraphs).toHaveLength(99);
    expect(sheet.paragraphs[25]?.origin).toEqual({
      file: join(FIXTURES, 'seed-2024-full.xlsx'),
      sheet: '情况说明',
      cell: 'A26',
    });
    const { findings, stats } = checkNarrative({ narrative: sheet, model: full, rules: narrativeRules });
    expect(seen(findings)).toEqual(expected);
    expect(stats.forms).toBe(4);
    // a sheet paragraph's findings point at its cell
    expect(findings.find((f) => f.ruleId === 'n.direction')?.location).toMatchObject({
      sheet: '情况说明',
      cell: 'A10',
      rowKey: 'P10',
      table: 'narrative',
    });
  });

  it.each(['seed-2024-narrative.docx', 'seed-2024-narrative.txt'])('seed-2024.xlsx with %s', async (name) => {
    const narrative = await readNarrativeFile(name, join(FIXTURES, name), 'option');
    expect(narrative.paragraphs.map((p) => p.text)).toEqual(sheet.paragraphs.map((p) => p.text));
    expect(seen(checkNarrative({ narrative, model: seed, rules: narrativeRules }).findings)).toEqual(expected);
  });

  it('the narrative alone (its internal arithmetic): the same six', async () => {
    const narrative = await readNarrativeFile(
      'seed-2024-narrative.docx',
      join(FIXTURES, 'seed-2024-narrative.docx'),
      'alone',
    );
    expect(seen(checkNarrative({ narrative, rules: narrativeRules }).findings)).toEqual(expected);
  });

  it('the whole narrative written in traditional characters: the same six', () => {
    const table = YAML.parse(readFileSync(join(FIXTURES, '..', 'rules', 'narrative', 'traditional.yaml'), 'utf8')) as {
      pairs: string[];
    };
    const toTraditional = new Map<string, string>();
    for (const pair of table.pairs.join(' ').split(/\s+/).filter(Boolean))
      if (!toTraditional.has(pair[1] as string)) toTraditional.set(pair[1] as string, pair[0] as string);
    const paragraphs = sheet.paragraphs.map((p) => ({
      ...p,
      text: [...p.text].map((c) => toTraditional.get(c) ?? c).join(''),
    }));
    expect(paragraphs[9]?.text).toContain('決算數減少 278.06 萬元');
    const { findings } = checkNarrative({ narrative: { ...sheet, paragraphs }, model: full, rules: narrativeRules });
    expect(seen(findings)).toEqual(expected);
  });

  it('the same text with the six corrected gives nothing at warn or above', () => {
    const fixes: [RegExp, string][] = [
      [/(35\.51万元，支出决算为39\.79万元，完成年初预算的)100%/, '$1112.05%'],
      [/(44\.91 万元,完成年初预算的 )100%/, '$1106.9%'],
      [/年初预算为 2339\.51 万元，(.*)92\.2%/, '年初预算为 2321.75 万元，$192.9%'],
      [/减少 278\.06 万元。增加主要原因/, '减少 278.06 万元。减少主要原因'],
      [/（减少）|（下降）/g, ''],
      [/^[（(](?:一般公共预算财政拨款支出决算具体情况|参考|根据本部门).*[）)]$/, ''],
      [/[（(]该项名词解释中.*[）)]$/, ''],
      [/共涉及项目10个/, '共涉及项目11个'],
    ];
    const corrected = sheet.paragraphs
      .map((p) => ({ ...p, text: fixes.reduce((t, [re, to]) => t.replace(re, to), p.text) }))
      .filter((p) => p.text !== '');
    const { findings } = checkNarrative({
      narrative: { ...sheet, paragraphs: corrected },
      model: full,
      rules: narrativeRules,
    });
    expect(seen(findings)).toEqual([]);
  });

  it('what the six findings say', () => {
    const { findings } = checkNarrative({ narrative: sheet, model: full, rules: narrativeRules });
    const by = (id: string) => findings.filter((f) => f.ruleId === id);
    expect(by('n.rate-capped-100').map((f) => f.data.computed)).toEqual(['112.05%', '106.9%']);
    expect(by('n.list-sum')[0]?.data).toMatchObject({
      actual: '2321.75',
      expected: '2339.51',
      difference: '-17.76',
      count: '10',
    });
    expect(by('n.direction')[0]?.data).toMatchObject({ word: '增加', figures: '减少 278.06 万元' });
    expect(by('n.count')[0]?.data).toMatchObject({ stated: '10', actual: '11' });
    expect(by('n.template-residue').map((f) => f.data.residue)).toContain('增长（下降）');
  });

  it('claims on the seed: most are compared with the tables, and they agree', () => {
    const verdicts = narrativeVerdicts(sheet, full);
    const count = (outcome: string) => verdicts.filter((v) => v.outcome === outcome).length;
    expect(verdicts.length).toBeGreaterThan(110);
    expect(count('pass') + count('fail')).toBeGreaterThan(100);
    // every amount restated with a table behind it is found equal to the table
    const amounts = verdicts.filter((v) => v.claim.kind === 'amount' && v.outcome !== 'unverifiable');
    expect(amounts.length).toBeGreaterThan(40);
    expect(amounts.every((v) => v.outcome === 'pass')).toBe(true);
  });
});

describe('绩效自评表 on the seed', () => {
  it('rates, scores and the projects’ 执行数 are consistent: 1623.18 against 项目支出 1623.17 is within rounding', () => {
    const { findings } = checkNarrative({ model: full, rules: narrativeRules });
    expect(findings).toEqual([]);
  });

  it('a wrong rate, score, sum or total is found at its cell', async () => {
    const file = join(FIXTURES, 'seed-2024-full.xlsx');
    const copy = readDocument(await readWorkbookDocument(file));
    const form = copy.tables.find((t) => t.kind === 'P02' && t.sheet === '行政运行项目');
    const row = form?.rows.find((r) => r.cells.rate);
    if (!row?.cells.rate?.value || !row.cells.score?.value || !row.cells.actual?.value)
      throw new Error('seed form not read');
    row.cells.rate.value = row.cells.rate.value.plus(10);
    row.cells.score.value = row.cells.score.value.plus(1);
    row.cells.actual.value = row.cells.actual.value.plus(1);
    const unit = copy.tables.find((t) => t.kind === 'P01')?.rows.find((r) => r.role === 'basic-total')?.cells.amount;
    if (!unit?.value) throw new Error('seed unit form not read');
    unit.value = unit.value.plus(1);
    const found = checkNarrative({ model: copy, rules: narrativeRules }).findings.map(
      (f) => `${f.ruleId} ${f.location.sheet}!${f.location.cell}`,
    );
    expect(found.sort()).toEqual(
      [
        'p.rate 行政运行项目!E9',
        'p.score 行政运行项目!F9',
        'p.sum 支出决算表!G8',
        'p.totals 部门整体绩效自评表!B4',
      ].sort(),
    );
  });
});
