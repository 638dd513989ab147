import { join } from 'node:path';
import { packageRoot } from '../util/package-root.js';

/**
 * The narrative rule file. It lives in rules/narrative/ (not rules/*.yaml, the engine's table
 * rules) so the table rule set and its tests stay as they are; the CLI loads both.
 */
export function narrativeRulePaths(): string[] {
  return [join(packageRoot(), 'rules', 'narrative', 'rules.yaml')];
}
