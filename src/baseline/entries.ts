import type { Finding } from '../model/finding.js';
import type { FileResult } from '../model/results.js';
import { isDiagnosis } from '../diagnosis/groups.js';
import type { BaselineEntry } from './types.js';

/** The matching key of an entry or a finding: rule id + table + row key + column. */
export function entryKey(entry: Pick<BaselineEntry, 'rule' | 'table' | 'row' | 'column'>): string {
  return JSON.stringify([entry.rule, entry.table ?? '', entry.row ?? '', entry.column ?? '']);
}

export function findingKey(finding: Finding): string {
  const { table, rowKey, column } = finding.location;
  return entryKey({ rule: finding.ruleId, table, row: rowKey, column });
}

/** The entry that would accept this finding, with its message, sheet!cell and file for the reader. */
export function entryOf(finding: Finding, reason = ''): BaselineEntry {
  const { table, rowKey, column, sheet, cell, file } = finding.location;
  const entry: BaselineEntry = { rule: finding.ruleId, reason, message: finding.message, file };
  if (table !== undefined) entry.table = table;
  if (rowKey !== undefined) entry.row = rowKey;
  if (column !== undefined) entry.column = column;
  if (sheet !== undefined) entry.cell = cell ? `${sheet}!${cell}` : sheet;
  return entry;
}

/**
 * Entries for every finding of the checked files, one per key, in report order. Reasons already
 * written for a key (the previous version of the file) are kept; new entries have an empty reason.
 */
export function entriesFromResults(
  results: readonly FileResult[],
  previous: readonly BaselineEntry[] = [],
): BaselineEntry[] {
  const reasons = new Map(previous.map((e) => [entryKey(e), e.reason]));
  const seen = new Set<string>();
  const entries: BaselineEntry[] = [];
  for (const result of results) {
    for (const finding of result.findings) {
      // a diagnosis is not accepted: it goes with the findings it explains
      if (isDiagnosis(finding)) continue;
      const key = findingKey(finding);
      if (seen.has(key)) continue;
      seen.add(key);
      entries.push(entryOf(finding, reasons.get(key) ?? ''));
    }
  }
  return entries;
}
