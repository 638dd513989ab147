import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkbookFile } from '../helpers/read.js';
import { builtinRulePaths, loadRuleFiles, runRules } from '../../src/rules/index.js';
import { packageRoot } from '../../src/util/package-root.js';

/**
 * Acceptance: the published seed tables are consistent, so the seed fixture and every layout
 * variant give zero findings from the table rules (490.17 vs 490.18 included: within rounding).
 */
const root = join(packageRoot(), 'fixtures');
const files = [
  join(root, 'seed-2024.xlsx'),
  ...readdirSync(join(root, 'variants'))
    .filter((f) => f.endsWith('.xlsx'))
    .sort()
    .map((f) => join(root, 'variants', f)),
];
const { rules } = loadRuleFiles(builtinRulePaths());

describe('fixtures pass every table rule', () => {
  it.each(files.map((f) => [f.slice(root.length + 1), f]))('%s', async (_name, file) => {
    const model = await readWorkbookFile(file);
    const findings = runRules(model, rules);
    const seen = findings.map(
      (f) => `${f.ruleId} ${f.location.sheet ?? ''}!${f.location.cell ?? ''} difference ${f.data.difference ?? ''}`,
    );
    expect(seen, findings.map((f) => f.message).join('\n')).toEqual([]);
    // the rules had something to bite on: every standard table was read
    expect(model.tables.map((t) => t.kind).sort()).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09']);
  });
});
