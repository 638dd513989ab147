import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWorkbook } from '../../src/io/load-workbook.js';
import { readWorkbook } from '../../src/reader/read-workbook.js';
import { builtinRulePaths, loadRuleFiles, runRules } from '../../src/rules/index.js';
import { packageRoot } from '../../src/util/package-root.js';

/**
 * Acceptance: the published seed tables are consistent, so the seed fixture and every layout
 * variant give zero findings from the table rules (490.17 vs 490.18 included: within rounding).
 */
const root = join(packageRoot(), 'fixtures');
const files = [join(root, 'seed-2024.xlsx'), ...readdirSync(join(root, 'variants')).filter((f) => f.endsWith('.xlsx')).sort().map((f) => join(root, 'variants', f))];
const { rules } = loadRuleFiles(builtinRulePaths());

/**
 * Known fixture defect, not a rule defect: variants/yuan.xlsx multiplies the *rounded* 万元
 * figures by 10000, so in 元 the 301 class row reads 4901800 while its lines add up to 4901700.
 * In a 元 table written to the fen that 100 元 gap cannot come from rounding (tolerance 0.05 元),
 * so the rule is right to report it. A faithful 元 version needs lines that round to the seed's
 * 万元 values and add up exactly (e.g. two 301 lines +25 元: Σ 4901750 → 490.18 万元).
 * Remove this entry when the fixture is rebuilt that way.
 */
const KNOWN: Record<string, string[]> = {
  'variants/yuan.xlsx': ['t06.rollup 一般公共预算财政拨款基本支出决算明细表!C7 difference 100.00'],
};

describe('fixtures pass every table rule', () => {
  it.each(files.map((f) => [f.slice(root.length + 1), f]))('%s', async (name, file) => {
    const model = readWorkbook(await loadWorkbook(file), file);
    const findings = runRules(model, rules);
    const seen = findings.map((f) => `${f.ruleId} ${f.location.sheet ?? ''}!${f.location.cell ?? ''} difference ${f.data.difference ?? ''}`);
    expect(seen, findings.map((f) => f.message).join('\n')).toEqual(KNOWN[name] ?? []);
    // the rules had something to bite on: every standard table was read
    expect(model.tables.map((t) => t.kind).sort()).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09']);
  });
});
