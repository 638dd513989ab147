import type { Finding } from '../model/finding.js';
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

export const STALE_RULE_ID = 'baseline.stale';

function describe(entry: BaselineEntry): string {
  const parts = [entry.rule];
  if (entry.table) parts.push(`表 ${entry.table}`);
  if (entry.row) parts.push(`行 ${entry.row}`);
  if (entry.column) parts.push(`栏 ${entry.column}`);
  return parts.join('，');
}

/**
 * Stale entries as info findings located in the baseline file (data.line is the entry's line), so
 * every output format shows them without knowing about baselines.
 */
export function staleFindings(baseline: Baseline, stale: readonly BaselineEntry[]): Finding[] {
  return stale.map((entry) => {
    const data: Record<string, string> = { line: String(entry.line ?? 0), rule: entry.rule };
    if (entry.table) data.table = entry.table;
    if (entry.row) data.row = entry.row;
    if (entry.column) data.column = entry.column;
    const location: Finding['location'] = { file: baseline.file };
    if (entry.table) location.table = entry.table;
    if (entry.row) location.rowKey = entry.row;
    if (entry.column) location.column = entry.column;
    return {
      ruleId: STALE_RULE_ID,
      severity: 'info' as const,
      message: `审核说明第 ${entry.line ?? 0} 行接受的问题（${describe(entry)}）已不再出现，可从 ${baseline.file} 中删除该条目。`,
      messageId: 'baseline-stale',
      data,
      location,
      related: [],
    };
  });
}
