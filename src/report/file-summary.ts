import { Chalk } from 'chalk';
import { renderBoxTable, type BoxCell } from './box-table.js';
import { clipToWidth, terminalSafe } from './terminal-text.js';
import { SEVERITIES, SEVERITY_ZH } from './common.js';
import { countSeverities, SEVERITY_RANK, type CheckReport, type Counts, type FileResult } from '../model/results.js';

/** One line of the per-file summary of a batch. */
export interface FileSummaryRow {
  file: string;
  department: string;
  year: string;
  counts: Counts;
  /** pass: nothing at or above failOn · fail: something is · unusable: the file could not be checked. */
  status: 'pass' | 'fail' | 'unusable';
  /** Findings the baseline accepted for the file. */
  accepted: number;
}

export function fileSummaryRows(report: CheckReport): FileSummaryRow[] {
  const threshold = SEVERITY_RANK[report.failOn];
  return report.files.map((f: FileResult) => ({
    file: f.file,
    department: f.model?.department ?? '',
    year: f.model?.year ? String(f.model.year) : '',
    counts: countSeverities(f.findings),
    status: f.error ? 'unusable' : f.findings.some((x) => SEVERITY_RANK[x.severity] >= threshold) ? 'fail' : 'pass',
    accepted: f.accepted ?? 0,
  }));
}

const STATUS_TEXT = { pass: '✔ 通过', fail: '✖ 未通过', unusable: '无法检查' } as const;

/**
 * The per-file summary table the stylish report prints after the findings of a batch (two or
 * more files): file, department, year, errors, warnings, infos, pass/fail against failOn.
 * '' for a single file.
 */
export function formatFileSummary(report: CheckReport, options: { color: boolean; width?: number }): string {
  if (report.files.length < 2) return '';
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const rows: BoxCell[][] = [];
  for (const row of fileSummaryRows(report)) {
    // a file passes "with accepted findings" visibly, not as if it were clean
    const status = `${STATUS_TEXT[row.status]}${row.accepted > 0 ? `（已接受 ${row.accepted} 个）` : ''}`;
    const painted =
      row.status === 'pass' ? chalk.green(status) : row.status === 'fail' ? chalk.red(status) : chalk.yellow(status);
    const n = (value: number, paint: (s: string) => string): string => (value > 0 ? paint(String(value)) : '0');
    rows.push([
      terminalSafe(row.file),
      clipToWidth(terminalSafe(row.department), 40),
      row.year,
      n(row.counts.error, chalk.red),
      n(row.counts.warn, chalk.yellow),
      n(row.counts.info, chalk.blue),
      painted,
    ]);
  }
  return renderBoxTable(rows, {
    head: ['文件', '部门', '年度', ...SEVERITIES.map((s) => SEVERITY_ZH[s]), '结果'],
    align: ['left', 'left', 'left', 'right', 'right', 'right', 'left'],
    ...(options.width !== undefined ? { maxWidth: options.width } : {}),
    ...(options.color ? { paintHead: (t: string) => chalk.bold(t), paintBorder: (t: string) => chalk.grey(t) } : {}),
  });
}
