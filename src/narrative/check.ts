import { loadCatalog } from '../catalog/load-catalog.js';
import type { Finding, Severity } from '../model/finding.js';
import type { WorkbookModel } from '../model/types.js';
import type { Rule } from '../rules/index.js';
import { loadClaims } from './catalog/load-claims.js';
import { extractAnalysed } from './extract/index.js';
import type { ParaText } from './extract/para.js';
import { checkPerformance } from './performance/checks.js';
import { stampChecked } from '../rules/stamp.js';
import type { Narrative } from './types.js';
import type { NarrativeRawFinding, Verdict } from './verify/types.js';
import { verifyClaims } from './verify/index.js';
import { buildVocabulary, type Vocabulary } from './vocabulary.js';

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
  /** The narrative's analysis when the caller has it already (else it is made from `narrative`). */
  analysis?: NarrativeAnalysis;
  model?: WorkbookModel;
  rules: readonly Rule[];
  severities?: Record<string, Severity | 'off'>;
  /** A message slot without data is an error (tests). */
  strict?: boolean;
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
    check: 'narrative.source',
    messageId: 'narrative-source',
    data,
    location: { file: narrative.file, table: 'narrative', ...(narrative.sheet ? { sheet: narrative.sheet } : {}) },
    related: [],
  };
}

/**
 * How long a text must be before stating no figure at all is suspect: a 情况说明 restates its
 * figures within its first few hundred characters, while a shorter text (a 部门概况 section, a
 * sentence about staff numbers) may well state none.
 */
const NO_CLAIMS_MIN_CHARS = 500;

/**
 * How many amounts, written with their unit (元, 万元, 亿元), a text must state before reading none of
 * them is suspect. A page of 目录 and 职责 states none and has nothing to miss; a few amounts beside
 * prose (a project's budget and funds received, floor areas in 万) need not be claims; a 情况说明
 * restates its totals, 基本支出, 项目支出 and 三公 lines, and a text that states that many and gives
 * not one claim was not understood (a wrong file, a layout read out of order).
 */
const NO_CLAIMS_MIN_AMOUNTS = 5;

function textLength(narrative: Narrative): number {
  return narrative.paragraphs.reduce((n, p) => n + p.text.replace(/\s+/gu, '').length, 0);
}

/** Amounts written with 元 (not the bare "8.7万，" an area or a count may be written as too). */
function statedAmounts(paras: readonly ParaText[]): number {
  return paras.reduce((n, p) => n + p.amounts.filter((a) => /元$/u.test(a.text)).length, 0);
}

/** A text as long as a 情况说明 that states amounts and yields no claim is no clean result (a wrong file, text read wrongly). */
function noClaimsFinding(narrative: Narrative, stats: NarrativeStats): NarrativeRawFinding {
  return {
    check: 'narrative.no-claims',
    messageId: 'narrative-no-claims',
    data: { source: SOURCE[narrative.source](narrative), paragraphs: String(stats.paragraphs) },
    location: { file: narrative.file, table: 'narrative', ...(narrative.sheet ? { sheet: narrative.sheet } : {}) },
    related: [],
  };
}

/** A narrative read against the tables: its vocabulary, its paragraphs as analysed, its claims' verdicts. */
export interface NarrativeAnalysis {
  narrative: Narrative;
  vocabulary: Vocabulary;
  /** Each paragraph as the extractor read it: normalised text, sentences, mentions. */
  paras: ParaText[];
  verdicts: Verdict[];
}

/**
 * Extracts the narrative's claims and verifies them (against the tables when a model is given).
 * Pure; the engine's per-document context computes it once for the text checks and --previous.
 */
export function analyseNarrative(narrative: Narrative, model?: WorkbookModel): NarrativeAnalysis {
  const catalog = loadClaims();
  const vocabulary = buildVocabulary(catalog, loadCatalog(), model);
  const { claims, paras } = extractAnalysed(narrative, vocabulary, catalog);
  return {
    narrative,
    vocabulary,
    paras,
    verdicts: verifyClaims(claims, model, vocabulary, catalog, narrative.paragraphs, paras),
  };
}

/**
 * The narrative and 绩效自评表 checks of one checked file: claims of the text against the text
 * and (when a workbook is given) the tables; the forms against the tables. Findings come in
 * paragraph order, the n.source line first, the forms' after.
 */
export function checkNarrative(input: NarrativeCheckInput): { findings: Finding[]; stats: NarrativeStats } {
  const narrative = input.analysis?.narrative ?? input.narrative;
  const analysis = input.analysis ?? (narrative ? analyseNarrative(narrative, input.model) : undefined);
  const verdicts = analysis?.verdicts ?? [];
  const performance = input.model
    ? checkPerformance(input.model, loadClaims().performance)
    : { findings: [], forms: 0 };
  const stats: NarrativeStats = {
    paragraphs: narrative?.paragraphs.length ?? 0,
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
    ...(narrative ? [sourceFinding(narrative, stats)] : []),
    // amounts stated and none read, in a text as long as a 情况说明, is no clean result (when the text gave no finding either)
    ...(narrative &&
    stats.claims === 0 &&
    byParagraph.length === 0 &&
    textLength(narrative) >= NO_CLAIMS_MIN_CHARS &&
    statedAmounts(analysis?.paras ?? []) >= NO_CLAIMS_MIN_AMOUNTS
      ? [noClaimsFinding(narrative, stats)]
      : []),
    ...byParagraph,
    ...performance.findings,
  ];
  return {
    findings: stampChecked(raws, input.rules, { severities: input.severities ?? {}, strict: input.strict ?? false }),
    stats,
  };
}
