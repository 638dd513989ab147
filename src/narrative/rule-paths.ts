import { join } from 'node:path';
import { packageRoot } from '../util/package-root.js';

/**
 * The narrative rule files. They live in rules/narrative/ (not rules/*.yaml, the engine's table
 * rules) so the table rule set and its tests stay as they are; the engine loads all of them.
 */
export function narrativeRulePaths(): string[] {
  return [join(packageRoot(), 'rules', 'narrative', 'rules.yaml')];
}

/**
 * The year-over-year narrative rules (reported by src/narrative/prior when a prior workbook is
 * given), beside the narrative rule file. The table rules that span years are rules/y.yaml.
 */
export function priorRulePaths(): string[] {
  return [join(packageRoot(), 'rules', 'narrative', 'years.yaml')];
}
