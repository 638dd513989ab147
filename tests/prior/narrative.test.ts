import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import type { WorkbookModel } from '../../src/model/types.js';
import { numberParagraphs, type Narrative } from '../../src/narrative/types.js';
import { loadRuleFiles } from '../../src/rules/index.js';
import { analyseNarrative, type NarrativeAnalysis } from '../../src/narrative/check.js';
import { narrativeYearFindings } from '../../src/narrative/prior/check.js';
import { priorRulePaths } from '../../src/narrative/rule-paths.js';
import { FIXTURES, readFixture } from '../helpers/fixtures.js';
import { readNarrativeFile } from '../narrative/helpers.js';

/**
 * The seed narrative's year-over-year statements against the prior-year fixtures. The agreeing
 * 2023 file agrees with every statement a consistent 2023 workbook can agree with; the one it
 * cannot (P13, 一般公共预算财政拨款支出 "增加 14.96 万元": 2141.86 of general-budget spending
 * from 1863.79 of general-budget income and no balance) is the only discrepancy. The contradicting
 * file contradicts six statements by name; the 政府性基金 one (P10) still agrees.
 */

const rules = loadRuleFiles(priorRulePaths()).rules;
let seedText: Narrative;
let current: WorkbookModel;

beforeAll(async () => {
  seedText = await readNarrativeFile('seed-2024-narrative.txt', join(FIXTURES, 'seed-2024-narrative.txt'), 'alone');
  current = await readFixture('seed-2024.xlsx');
});

/**
 * The seed text's analysis against this year's workbook, made once for the file's seven comparisons with it (as the
 * engine makes it once per document for the text checks and --previous: narrativeYearFindings only reads it).
 */
let seedAnalysis: NarrativeAnalysis | undefined;

async function against(prior: string, narrative: Narrative = seedText, severities = {}): Promise<Finding[]> {
  if (narrative === seedText && !seedAnalysis) seedAnalysis = analyseNarrative(seedText, current);
  const analysis = narrative === seedText && seedAnalysis ? seedAnalysis : analyseNarrative(narrative, current);
  return narrativeYearFindings(analysis, current, await readFixture(prior), {
    rules,
    severities,
    config: {},
    strict: true,
  });
}

const said = (findings: Finding[]) =>
  findings.filter((f) => f.severity !== 'info').map((f) => `${f.ruleId} ${f.location.rowKey} ${f.data.subject}`);
const unexplained = (findings: Finding[]) =>
  findings
    .filter((f) => f.ruleId === 'y.narrative.unexplained')
    .map((f) => `${f.location.table} ${f.location.rowKey} ${f.location.column}`);

function text(...paragraphs: string[]): Narrative {
  return {
    file: 'notes.txt',
    source: 'alone',
    paragraphs: numberParagraphs(paragraphs.map((t) => ({ text: t, origin: { file: 'notes.txt' } }))),
  };
}

describe('the seed narrative against prior-2023.xlsx (agreeing)', () => {
  it('agrees with every statement but the one no consistent 2023 workbook can satisfy', async () => {
    const findings = await against('prior-2023.xlsx');
    expect(said(findings)).toEqual(['y.narrative.change P13 一般公共预算财政拨款支出']);
    expect(findings[0]?.data).toMatchObject({
      stated: '增加 14.96 万元',
      prior: '1863.79',
      current: '2156.82',
      change: '增加 293.03 万元',
      changeRate: '增长 15.72%',
      expected: '增加 293.03 万元',
      actual: '增加 14.96 万元',
    });
    expect(findings[0]?.related.map((r) => `${r.file.split('/').pop()} ${r.sheet}!${r.cell}`)).toEqual([
      'prior-2023.xlsx 一般公共预算财政拨款支出决算表!E7',
      'seed-2024.xlsx 一般公共预算财政拨款支出决算表!E7',
    ]);
  });

  it('the fund spending that ended (278.06 → 0) is not explained: info at 01 class 212 and 07 合计', async () => {
    const findings = await against('prior-2023.xlsx');
    expect(unexplained(findings).sort()).toEqual(['01 L41 amount', '07 TOTAL subtotal']);
    expect(findings.filter((f) => f.ruleId === 'y.narrative.unexplained').every((f) => f.severity === 'info')).toBe(
      true,
    );
  });

  it('units: the 元 copy of 2023 gives the same findings', async () => {
    const wan = await against('prior-2023.xlsx');
    const yuan = await against('prior-2023/yuan.xlsx');
    expect(said(yuan)).toEqual(said(wan));
    expect(unexplained(yuan)).toEqual(unexplained(wan));
    expect(yuan[0]?.data.prior).toBe('1863.7946');
  });
});

describe('the seed narrative against prior-2023/contradicting.xlsx', () => {
  it('names each contradicted statement: direction where the year went down, the amount where only the size differs', async () => {
    const findings = await against('prior-2023/contradicting.xlsx');
    expect(said(findings)).toEqual([
      'y.narrative.direction P3 收、支总计',
      'y.narrative.direction P5 本年收入合计',
      'y.narrative.change P7 本年支出合计',
      'y.narrative.direction P9 财政拨款收、支总计',
      'y.narrative.change P10 一般公共预算财政拨款收入',
      'y.narrative.change P13 一般公共预算财政拨款支出',
    ]);
    const p7 = findings.find((f) => f.location.rowKey === 'P7');
    expect(p7?.data).toMatchObject({ prior: '2151.86', change: '增加 4.96 万元', difference: '10.00' });
    expect(findings.find((f) => f.location.rowKey === 'P3')?.data).toMatchObject({
      prior: '2201.86',
      change: '减少 45.04 万元',
      changeRate: '下降 2.05%',
    });
    // "政府性基金预算财政拨款收入 0 万元，比 2023 年度决算数减少 278.06 万元" still agrees
    expect(findings.some((f) => f.data.subject === '政府性基金预算财政拨款收入')).toBe(false);
  });

  it('each finding is at its paragraph, quotes it, and points at both years’ cells', async () => {
    for (const f of (await against('prior-2023/contradicting.xlsx')).filter((x) => x.severity === 'error')) {
      expect(f.location).toMatchObject({ file: 'seed-2024-narrative.txt', table: 'narrative' });
      expect(f.message).toContain(`原文：「${f.data.quote}」`);
      expect(f.related[0]?.file).toMatch(/contradicting\.xlsx$/);
      expect(f.related[1]?.file).toMatch(/seed-2024\.xlsx$/);
    }
  });

  it('re-graded or turned off by configuration like any rule', async () => {
    const findings = await against('prior-2023/contradicting.xlsx', seedText, {
      'y.narrative.direction': 'warn',
      'y.narrative.unexplained': 'off',
    });
    expect(findings.filter((f) => f.ruleId === 'y.narrative.direction').every((f) => f.severity === 'warn')).toBe(true);
    expect(findings.some((f) => f.ruleId === 'y.narrative.unexplained')).toBe(false);
  });
});

describe('statements written for the test', () => {
  it('the right change, with its reason: nothing to report, and the change counts as explained', async () => {
    const findings = await against(
      'prior-2023.xlsx',
      text(
        '2024 年度一般公共预算财政拨款支出 2156.82 万元。与 2023 年度相比，一般公共预算财政拨款支出增加 293.03 万元，增长 15.7%。主要原因是人员增加。',
      ),
    );
    expect(said(findings)).toEqual([]);
  });

  it('a change word left as the template\'s either-or ("减少（增加）") takes the direction of the prior file: nothing to report', async () => {
    const findings = await against(
      'prior-2023.xlsx',
      text(
        '2024 年度一般公共预算财政拨款支出 2156.82 万元。与 2023 年度相比，一般公共预算财政拨款支出减少（增加）293.03 万元，增长 15.7%。主要原因是人员增加。',
      ),
    );
    expect(said(findings)).toEqual([]);
  });

  it('without a figure for this year the subject is the one named before the change; a wrong rate against the prior file', async () => {
    const findings = await against(
      'prior-2023.xlsx',
      text('与 2023 年度相比，一般公共预算财政拨款支出增加 293.03 万元，增长 20%。'),
    );
    expect(said(findings)).toEqual(['y.narrative.rate P1 一般公共预算财政拨款支出']);
    expect(findings[0]?.data).toMatchObject({ statedRate: '增长 20%', changeRate: '增长 15.72%', actual: '增长 20%' });
  });

  it('a large change stated without a reason is still unexplained', async () => {
    const findings = await against(
      'prior-2023.xlsx',
      text('政府性基金预算财政拨款支出 0 万元，比 2023 年度决算数减少 278.06 万元。'),
    );
    expect(said(findings)).toEqual([]);
    expect(unexplained(findings)).toContain('07 TOTAL subtotal');
  });

  it('explained by a reason in the next sentence', async () => {
    const findings = await against(
      'prior-2023.xlsx',
      text('政府性基金预算财政拨款支出 0 万元，比 2023 年度决算数减少 278.06 万元。减少的原因是项目已完成。'),
    );
    expect(unexplained(findings)).not.toContain('07 TOTAL subtotal');
  });
});
