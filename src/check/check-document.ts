import { loadCatalog } from '../catalog/load-catalog.js';
import type { Finding } from '../model/finding.js';
import type { FileResult } from '../model/results.js';
import { withDiagnosis } from '../diagnosis/findings.js';
import { notApplied } from './applicability.js';
import type { Identity } from '../model/identity.js';
import { runRules } from '../rules/index.js';
import type { DocumentContext } from './context.js';

/** The table kinds that are forms (绩效自评表): checked by the narrative checker even without a narrative. */
function hasForms(context: DocumentContext): boolean {
  const forms = new Set(
    loadCatalog()
      .tables.filter((t) => !t.standard)
      .map((t) => t.kind),
  );
  return context.model.tables.some((t) => forms.has(t.kind));
}

/** The narrative (情况说明) against itself and the tables, and the 绩效自评表 forms. */
async function narrativeFindings(context: DocumentContext): Promise<Finding[]> {
  const narrative = await context.narrative();
  if (!narrative && !hasForms(context)) return [];
  const { checkNarrative } = await import('../narrative/check.js');
  const analysis = await context.analysis();
  return checkNarrative({
    ...(analysis ? { analysis } : {}),
    model: context.model,
    rules: context.setup.rules,
    severities: context.setup.severities,
    strict: context.strict,
  }).findings;
}

/** --previous: the narrative's year-over-year statements against last year's workbook. */
async function priorFindings(context: DocumentContext): Promise<Finding[]> {
  if (!context.previous) return [];
  const analysis = await context.analysis();
  if (!analysis) return [];
  const { narrativeYearFindings } = await import('../narrative/prior/check.js');
  return narrativeYearFindings(analysis, context.model, context.previous, { ...context.setup, strict: context.strict });
}

/**
 * One document with tables, end to end: the table rules (with last year's model when given) and the
 * culprit diagnosis over their identities, the narrative and forms, the narrative against last
 * year. Findings in that order.
 */
export async function checkTables(context: DocumentContext): Promise<FileResult> {
  const { setup, model, previous } = context;
  const identities: Identity[] = [];
  const ruled = runRules(model, setup.rules, {
    severities: setup.severities,
    strict: context.strict,
    identities,
    ...(previous ? { previous } : {}),
  });
  // which cell, changed, would clear each group of failing identities (src/diagnosis)
  const findings = withDiagnosis(ruled, identities, model, { ...setup, strict: context.strict });
  findings.push(...(await narrativeFindings(context)));
  findings.push(...(await priorFindings(context)));
  const offered = {
    model,
    narrative: (await context.narrative()) !== undefined,
    previous: previous !== undefined,
    forms: hasForms(context),
  };
  return { file: context.file, model, findings, notApplied: notApplied(setup, offered) };
}

/** A document of running text only (`juesuan check 说明.docx`): the text against itself (drafts come before the tables). */
export async function checkTextAlone(context: DocumentContext): Promise<FileResult> {
  const narrative = await context.narrative();
  const { checkNarrative } = await import('../narrative/check.js');
  const findings = narrative
    ? checkNarrative({
        narrative,
        rules: context.setup.rules,
        severities: context.setup.severities,
        strict: context.strict,
      }).findings
    : [];
  const offered = { narrative: narrative !== undefined, previous: false, forms: false };
  return { file: context.file, findings, notApplied: notApplied(context.setup, offered) };
}
