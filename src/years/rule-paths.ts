import { join } from 'node:path';
import { packageRoot } from '../util/package-root.js';

/**
 * The year-over-year narrative rules (check: narrative, reported by src/years when a prior
 * workbook is given). Beside the narrative rule file, not among rules/*.yaml: the engine reports
 * nothing for them itself. The table rules that span years are rules/y.yaml.
 */
export function yearRulePaths(): string[] {
  return [join(packageRoot(), 'rules', 'narrative', 'years.yaml')];
}
