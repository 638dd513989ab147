import type { Finding, Severity } from '../model/finding.js';
import { whereOf } from '../report/common.js';
import { listedFindings } from '../report/narrow-columns.js';

/** One line of the page's list: a finding, or the ### cells of one column (`count` of them). */
export interface WebFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** Where it is, as the other formats say it (sheet!cell, 第 5 页 · 表 3 第 12 行第 4 列, P10（第 19 行）), or where a column's cells lie. */
  cell?: string;
  /** How many findings the line stands for, when more than one. */
  count?: number;
}

/**
 * The findings of one file as the page lists them: like the other human formats, the ### cells of a
 * column of a table are one line (with how many cells it stands for and where they are), so an export
 * with narrow columns does not bury the other findings; every other finding is a line of its own,
 * placed as the other formats place it (`checkedFile` and `cwd` as whereOf takes them).
 */
export function webFindings(findings: readonly Finding[], checkedFile: string, cwd: string): WebFinding[] {
  return listedFindings(findings).map(({ finding: f, members, place }) => {
    const where = members.length > 1 ? (place ?? '') : whereOf(f.location, checkedFile, cwd);
    return {
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      ...(where !== '' ? { cell: where } : {}),
      ...(members.length > 1 ? { count: members.length } : {}),
    };
  });
}
