import type { Config } from '../../config/config.js';
import { thresholdsOf } from '../../diff/thresholds.js';
import type { Finding, Severity } from '../../model/finding.js';
import type { WorkbookModel } from '../../model/types.js';
import type { Rule } from '../../rules/index.js';
import { stampChecked } from '../../rules/stamp.js';
import type { NarrativeAnalysis } from '../check.js';
import { checkYearClaims } from './claims.js';
import type { YearRawFinding } from './types.js';
import { unexplainedChanges } from './unexplained.js';

export interface YearSetup {
  rules: readonly Rule[];
  severities: Record<string, Severity | 'off'>;
  config: Pick<Config, 'diff'>;
  /** A message slot without data is an error (tests). */
  strict?: boolean;
}

/**
 * The narrative against last year's workbook (the table rules that span years run in the engine,
 * runRules { previous }): its year-over-year statements compared with the prior file, and large
 * changes it does not explain. Works from the narrative's analysis (claims, verdicts, paragraphs
 * as the extractor read them), which the engine's per-document context shares with the text
 * checks. Pure but for the stamping.
 */
export function narrativeYearFindings(
  analysis: NarrativeAnalysis,
  model: WorkbookModel,
  previous: WorkbookModel,
  setup: YearSetup,
): Finding[] {
  const raws: YearRawFinding[] = [
    ...checkYearClaims(analysis, model, previous).findings,
    ...unexplainedChanges(analysis, model, previous, thresholdsOf({}, setup.config.diff)),
  ];
  return stampChecked(raws, setup.rules, { severities: setup.severities, strict: setup.strict ?? false });
}
