import type ExcelJS from 'exceljs';
import { loadCatalog } from '../catalog/load-catalog.js';
import type { Config } from '../config/config.js';
import { thresholdsOf } from '../diff/thresholds.js';
import type { Finding, Severity } from '../model/finding.js';
import type { WorkbookModel } from '../model/types.js';
import { loadClaims } from '../narrative/catalog/load-claims.js';
import { narrativeVerdicts } from '../narrative/check.js';
import { narrativeFor } from '../narrative/source.js';
import type { SourceDocument } from '../model/document.js';
import type { Narrative } from '../narrative/types.js';
import { buildVocabulary } from '../narrative/vocabulary.js';
import type { Rule } from '../rules/index.js';
import { checkYearClaims } from './claims.js';
import { stampYears } from './stamp.js';
import type { YearRawFinding } from './types.js';
import { unexplainedChanges } from './unexplained.js';

export interface YearSetup {
  rules: readonly Rule[];
  severities: Record<string, Severity | 'off'>;
  config: Pick<Config, 'diff'>;
}

/**
 * The narrative against last year's workbook (the table rules that span years run in the engine,
 * runRules { previous }): its year-over-year statements compared with the prior file, and large
 * changes it does not explain. Nothing without a narrative. Pure but for the stamping.
 */
export function narrativeYearFindings(
  narrative: Narrative,
  model: WorkbookModel,
  previous: WorkbookModel,
  setup: YearSetup,
): Finding[] {
  const claims = loadClaims();
  const verdicts = narrativeVerdicts(narrative, model);
  const vocabulary = buildVocabulary(claims, loadCatalog(), model);
  const raws: YearRawFinding[] = [
    ...checkYearClaims(verdicts, model, previous, vocabulary, claims.simplify).findings,
    ...unexplainedChanges(verdicts, vocabulary, model, previous, thresholdsOf({}, setup.config.diff), claims.simplify),
  ];
  return stampYears(raws, setup.rules, setup.severities);
}

/** `check --previous`: the workbook's narrative (found as the narrative checker finds it) against last year's workbook. */
export async function yearFindings(
  file: string,
  cwd: string,
  workbook: ExcelJS.Workbook | undefined,
  model: WorkbookModel,
  previous: WorkbookModel,
  option: string | undefined,
  setup: YearSetup,
  document?: SourceDocument,
): Promise<Finding[]> {
  const narrative = await narrativeFor(file, workbook, model, option, cwd, document);
  return narrative ? narrativeYearFindings(narrative, model, previous, setup) : [];
}
