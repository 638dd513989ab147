import { loadCatalog } from '../catalog/load-catalog.js';
import type { Finding, Severity } from '../model/finding.js';
import type { WorkbookModel } from '../model/types.js';
import type { Rule } from '../rules/index.js';
import { loadClaims } from './catalog/load-claims.js';
import { extractClaims } from './extract/index.js';
import { checkPerformance } from './performance/checks.js';
import { stampAll } from './stamp.js';
import type { Narrative } from './types.js';
import type { NarrativeRawFinding, Verdict } from './verify/types.js';
import { verifyClaims } from './verify/index.js';
import { buildVocabulary } from './vocabulary.js';

export interface NarrativeStats {
  paragraphs: number;
  /** Claims extracted from the text. */
  claims: number;
  /** Claims compared with something (found right or wrong). */
  verified: number;
  unverifiable: number;
  /** 项目绩效自评表 forms checked. */
  forms: number;
}

export interface NarrativeCheckInput {
  narrative?: Narrative;
  model?: WorkbookModel;
  rules: readonly Rule[];
  severities?: Record<string, Severity | 'off'>;
}

const SOURCE: Record<Narrative['source'], (n: Narrative) => string> = {
  sheet: (n) => `工作簿的工作表「${n.sheet ?? ''}」`,
  option: (n) => `--narrative 指定的 ${n.file}`,
  sibling: (n) => `与工作簿同名的 ${n.file}（自动读取）`,
  alone: (n) => n.file,
  document: (n) => `${n.file} 表格以外的正文`,
};

function sourceFinding(narrative: Narrative, stats: NarrativeStats): NarrativeRawFinding {
  const data = {
    source: SOURCE[narrative.source](narrative),
    paragraphs: String(stats.paragraphs),
    claims: String(stats.claims),
    verified: String(stats.verified),
    unverifiable: String(stats.unverifiable),
  };
  return {
    ruleId: 'n.source',
    messageId: 'narrative-source',
    data,
    location: { file: narrative.file, table: 'narrative', ...(narrative.sheet ? { sheet: narrative.sheet } : {}) },
    related: [],
  };
}

/** A text that is not empty but says no figure at all is no clean result (a wrong file, a wrong encoding). */
function noClaimsFinding(narrative: Narrative, stats: NarrativeStats): NarrativeRawFinding {
  return {
    ruleId: 'n.no-claims',
    messageId: 'narrative-no-claims',
    data: { source: SOURCE[narrative.source](narrative), paragraphs: String(stats.paragraphs) },
    location: { file: narrative.file, table: 'narrative', ...(narrative.sheet ? { sheet: narrative.sheet } : {}) },
    related: [],
  };
}

/** Verdicts of a narrative's claims (exported for tests that look at what was extracted and how it fared). */
const NO_MODEL = {};
const verdictCache = new WeakMap<Narrative, WeakMap<object, Verdict[]>>();

/**
 * Claims of a narrative, verified. Pure, and asked for twice with --previous (the checks of the
 * text, then its year-over-year statements): computed once per narrative and workbook.
 */
export function narrativeVerdicts(narrative: Narrative, model?: WorkbookModel): Verdict[] {
  let byModel = verdictCache.get(narrative);
  if (!byModel) {
    byModel = new WeakMap();
    verdictCache.set(narrative, byModel);
  }
  const cached = byModel.get(model ?? NO_MODEL);
  if (cached) return cached;
  const catalog = loadClaims();
  const vocabulary = buildVocabulary(catalog, loadCatalog(), model);
  const verdicts = verifyClaims(extractClaims(narrative, vocabulary, catalog), model, vocabulary, catalog);
  byModel.set(model ?? NO_MODEL, verdicts);
  return verdicts;
}

/**
 * The narrative and 绩效自评表 checks of one checked file: claims of the text against the text
 * and (when a workbook is given) the tables; the forms against the tables. Findings come in
 * paragraph order, the n.source line first, the forms' after.
 */
export function checkNarrative(input: NarrativeCheckInput): { findings: Finding[]; stats: NarrativeStats } {
  const verdicts = input.narrative ? narrativeVerdicts(input.narrative, input.model) : [];
  const performance = input.model
    ? checkPerformance(input.model, loadClaims().performance)
    : { findings: [], forms: 0 };
  const stats: NarrativeStats = {
    paragraphs: input.narrative?.paragraphs.length ?? 0,
    claims: verdicts.length,
    verified: verdicts.filter((v) => v.outcome !== 'unverifiable').length,
    unverifiable: verdicts.filter((v) => v.outcome === 'unverifiable').length,
    forms: performance.forms,
  };
  // paragraph order, whatever order the claims were gathered in (lists and groups come last)
  const byParagraph = verdicts
    .flatMap((v) => v.findings.map((f) => ({ f, n: v.claim.para.n })))
    .sort((a, b) => a.n - b.n)
    .map((x) => x.f);
  const raws = [
    ...(input.narrative ? [sourceFinding(input.narrative, stats)] : []),
    // nothing to check in a non-empty text is no clean result (when the text gave no finding either)
    ...(input.narrative && stats.paragraphs > 0 && stats.claims === 0 && byParagraph.length === 0
      ? [noClaimsFinding(input.narrative, stats)]
      : []),
    ...byParagraph,
    ...performance.findings,
  ];
  return { findings: stampAll(raws, input.rules, input.severities ?? {}), stats };
}
