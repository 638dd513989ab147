import type { Finding, Severity } from '../model/finding.js';
import { stampChecked } from '../rules/stamp.js';
import type { Rule } from '../rules/types.js';
import type { FileResult } from '../model/results.js';
import { explainedBy, isDiagnosis } from '../diagnosis/groups.js';
import { entryKey, findingKey } from './entries.js';
import type { Baseline, BaselineEntry } from './types.js';

export interface Applied {
  /** The same results without the accepted findings. */
  results: FileResult[];
  /** How many findings the baseline accepted. */
  accepted: number;
  /** Entries that matched no finding of these results. */
  stale: BaselineEntry[];
}

/**
 * Drops every finding an entry accepts (one entry accepts every finding with its key). A diagnosis
 * is not accepted itself: it goes when every finding it explains was accepted, and stays otherwise.
 * Each result counts its accepted findings (`accepted`), so every format can say so per file.
 */
export function applyBaseline(results: readonly FileResult[], baseline: Baseline): Applied {
  const keys = new Set(baseline.entries.map(entryKey));
  const used = new Set<string>();
  let accepted = 0;
  const kept = results.map((result) => {
    let mine = 0;
    const remaining = result.findings.filter((finding) => {
      if (isDiagnosis(finding)) return true;
      const key = findingKey(finding);
      if (!keys.has(key)) return true;
      used.add(key);
      mine += 1;
      return false;
    });
    const findings = remaining.filter((f) => !isDiagnosis(f) || remaining.some((m) => explainedBy(m, f)));
    accepted += mine;
    if (findings.length === result.findings.length) return result;
    return { ...result, findings, accepted: (result.accepted ?? 0) + mine };
  });
  return { results: kept, accepted, stale: baseline.entries.filter((e) => !used.has(entryKey(e))) };
}

function describe(entry: BaselineEntry): string {
  const parts = [entry.rule];
  if (entry.table) parts.push(`表 ${entry.table}`);
  if (entry.row) parts.push(`行 ${entry.row}`);
  if (entry.column) parts.push(`栏 ${entry.column}`);
  return parts.join('，');
}

/**
 * Stale entries as findings of the rule baseline.stale (rules/baseline.yaml: info, re-gradable, off
 * to drop them) located in the baseline file (data.line is the entry's line), so every output
 * format shows them without knowing about baselines. Stamped like every other finding.
 */
export function staleFindings(baseline: Baseline, stale: readonly BaselineEntry[], setup: StampSetup): Finding[] {
  const raws = stale.map((entry) => {
    const data: Record<string, string> = {
      line: String(entry.line ?? 0),
      rule: entry.rule,
      entry: describe(entry),
      file: baseline.file,
    };
    if (entry.table) data.table = entry.table;
    if (entry.row) data.row = entry.row;
    if (entry.column) data.column = entry.column;
    // a baseline is a text file: the entry is placed on its line (SARIF region, GitHub line=)
    const location: Finding['location'] = { file: baseline.file, ...(entry.line ? { line: entry.line } : {}) };
    if (entry.table) location.table = entry.table;
    if (entry.row) location.rowKey = entry.row;
    if (entry.column) location.column = entry.column;
    return { check: 'baseline.stale', messageId: 'baseline-stale', data, location, related: [] };
  });
  return stampChecked(raws, setup.rules, { severities: setup.severities });
}

/** The rules in force where a baseline applies (its first workbook's setup). */
export interface StampSetup {
  rules: readonly Rule[];
  severities: Record<string, Severity | 'off'>;
}
