import type { Finding, Severity } from './finding.js';
import type { WorkbookModel } from './types.js';

/** One checked file: its model and findings, or why it could not be used. */
export interface FileResult {
  file: string;
  model?: WorkbookModel;
  /** The file was unusable (exit-2 kind of problem); other files were still checked. */
  error?: { code: string; message: string };
  findings: Finding[];
  /** Findings an accepted-findings file (baseline) accepted for this file, and so left out. */
  accepted?: number;
  /** Not a checked document: an accepted-findings file, with its entries that no longer occur. */
  baseline?: true;
  /**
   * Rules in force that did not apply to this document, each with why (没有情况说明, 未给出上年工作簿,
   * a table missing): "not checked", which reports keep apart from "passed" (JUnit <skipped/>).
   */
  notApplied?: Record<string, string>;
}

/** Metadata of a rule in force, for formatters that describe rules (SARIF, JUnit, HTML …). */
export interface RuleInfo {
  id: string;
  /** One line (zh). */
  title: string;
  /** Severity in force after configuration (rules turned off are not listed). */
  severity: Severity;
  /** What the rule checks and why (zh). */
  explain: string;
  /** `baseline`: a rule of accepted-findings files (baseline.stale), not of the documents checked. */
  scope?: 'baseline';
}

export interface CheckReport {
  files: FileResult[];
  failOn: Severity;
  /** Rules in force, in rule-file order; formatters fall back to bare ids when absent. */
  rules?: RuleInfo[];
}

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warn: 2, info: 1 };

export interface Counts {
  error: number;
  warn: number;
  info: number;
}

export function countSeverities(findings: readonly Finding[]): Counts {
  const counts: Counts = { error: 0, warn: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

/**
 * 0 clean · 1 a finding at or above failOn · 2 when a file could not be used (ESLint's convention:
 * a CI gate must not pass a broken submission). `skipUnusable` (--skip-unusable, for exploratory
 * runs over a folder) judges the usable files only; a run where no file could be used is 2 still.
 */
export function exitCodeOf(report: CheckReport, options: { skipUnusable?: boolean } = {}): number {
  if (report.files.length > 0 && report.files.every((f) => f.error)) return 2;
  if (!options.skipUnusable && report.files.some((f) => f.error)) return 2;
  const threshold = SEVERITY_RANK[report.failOn];
  return report.files.some((f) => f.findings.some((x) => SEVERITY_RANK[x.severity] >= threshold)) ? 1 : 0;
}
