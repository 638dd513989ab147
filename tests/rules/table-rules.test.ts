import { describe, expect, it } from 'vitest';
import { builtinRulePaths, loadRuleFiles, runRules } from '../../src/rules/index.js';
import { cases as cells } from './cases/cells.js';
import { cases as cross } from './cases/cross.js';
import { cases as functionTables } from './cases/function-tables.js';
import { cases as t01 } from './cases/t01.js';
import { cases as t04 } from './cases/t04.js';
import { cases as t06 } from './cases/t06.js';
import { cases as t07t09 } from './cases/t07-t09.js';
import { cases as years } from './cases/y.js';
import { cases as sets } from './cases/sets.js';
import { runRuleCases, type RuleCases } from './rule-tester.js';
import { seedModel } from './seed-model.js';

const { rules } = loadRuleFiles(builtinRulePaths());
const all: RuleCases[] = [...cells, ...t01, ...functionTables, ...t04, ...t06, ...t07t09, ...cross, ...years, ...sets];

runRuleCases(rules, all);

describe('rule set', () => {
  it('every rule in rules/*.yaml has tester cases, and every case names a rule', () => {
    const tested = all.map((c) => c.ruleId);
    expect(new Set(tested).size, 'a rule id appears in two case lists').toBe(tested.length);
    // diagnosis.culprit reasons over the findings of the others (tests/diagnosis), baseline.stale over
    // an accepted-findings file (tests/baseline.test.ts)
    const engineRules = rules.filter((r) => r.check !== 'diagnosis.culprit' && r.check !== 'baseline.stale');
    expect([...tested].sort()).toEqual(engineRules.map((r) => r.id).sort());
  });

  it('the seed tables give no finding at all', () => {
    expect(runRules(seedModel(), rules).map((f) => f.message)).toEqual([]);
  });
});
