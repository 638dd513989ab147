/**
 * What `juesuan check` needs from the narrative checker, in two calls: the findings of a
 * workbook's narrative and forms, and the check of a narrative file given alone. The checker
 * itself (claims catalog, yaml) is loaded only when there is something to check.
 */
import { resolve } from 'node:path';
import type ExcelJS from 'exceljs';
import { loadCatalog } from '../catalog/load-catalog.js';
import type { SourceDocument } from '../model/document.js';
import type { Finding, Severity } from '../model/finding.js';
import type { WorkbookModel } from '../model/types.js';
import type { FileResult } from '../report/types.js';
import type { Rule } from '../rules/index.js';
import { narrativeFor, readNarrativeFile } from './source.js';

export { isNarrativeFile } from './source.js';

export interface NarrativeRuleSetup {
  rules: readonly Rule[];
  severities: Record<string, Severity | 'off'>;
}

/** Findings of the workbook's narrative (--narrative, its 情况说明 sheet or a same-named file) and of its 绩效自评表. */
export async function narrativeFindings(
  file: string,
  cwd: string,
  workbook: ExcelJS.Workbook | undefined,
  model: WorkbookModel,
  option: string | undefined,
  setup: NarrativeRuleSetup,
  document?: SourceDocument,
): Promise<Finding[]> {
  const narrative = await narrativeFor(file, workbook, model, option, cwd, document);
  const forms = new Set(
    loadCatalog()
      .tables.filter((t) => !t.standard)
      .map((t) => t.kind),
  );
  if (!narrative && !model.tables.some((t) => forms.has(t.kind))) return [];
  const { checkNarrative } = await import('./check.js');
  return checkNarrative({
    ...(narrative ? { narrative } : {}),
    model,
    rules: setup.rules,
    severities: setup.severities,
  }).findings;
}

/** `juesuan check 说明.docx`: the text checked against itself (officers check drafts before the tables are final). */
export async function checkNarrativeAlone(file: string, cwd: string, setup: NarrativeRuleSetup): Promise<FileResult> {
  const narrative = await readNarrativeFile(file, resolve(cwd, file), 'alone');
  const { checkNarrative } = await import('./check.js');
  return { file, findings: checkNarrative({ narrative, rules: setup.rules, severities: setup.severities }).findings };
}
