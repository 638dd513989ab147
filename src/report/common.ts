import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Finding, FindingLocation, Severity } from '../model/finding.js';
import { SEVERITY_RANK, type CheckReport, type RuleInfo } from '../model/results.js';

/** What every formatter may be given besides the report; all of it is passed in, so output is reproducible. */
export interface FormatContext {
  /** Paths in CI-facing formats are shown relative to this folder when inside it. */
  cwd: string;
  /** ANSI colours (stylish on a terminal only). */
  color: boolean;
  /** juesuan's version, for formats that name the tool (SARIF). */
  toolVersion?: string;
}

/** The severities, most severe first, and their Chinese words (the one place they are written). */
export const SEVERITIES: readonly Severity[] = ['error', 'warn', 'info'];
export const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warn: '警告', info: '提示' };

/**
 * A file as CI tools want it: relative to `cwd` with forward slashes when it lies inside `cwd`
 * (GitHub, GitLab and SARIF consumers resolve paths against the repository root), else absolute.
 */
export function displayPath(file: string, cwd: string): string {
  const absolute = resolve(cwd, file);
  const rel = relative(cwd, absolute);
  const inside = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  return (inside ? rel : absolute).split(sep).join('/');
}

/** "支出决算表!F9", the sheet alone, or '' for a finding about the whole workbook. */
export function placeOf(location: FindingLocation): string {
  if (location.sheet && location.cell) return `${location.sheet}!${location.cell}`;
  return location.sheet ?? '';
}

/** "P10（第 19 行）", "第 3 页", "P10": a place in a document as published (a narrative file, a PDF). */
export function textPlace(location: FindingLocation): string {
  const at: string[] = [];
  if (location.page !== undefined) at.push(`第 ${location.page} 页`);
  if (location.line !== undefined) at.push(`第 ${location.line} 行`);
  const paragraph =
    location.table === 'narrative' && location.rowKey
      ? location.rowKey
      : location.paragraph !== undefined
        ? `P${location.paragraph}`
        : undefined;
  if (paragraph === undefined) return at.join('');
  return at.length > 0 ? `${paragraph}（${at.join('，')}）` : paragraph;
}

/**
 * Where a finding is, for a reader: the cell ("支出决算表!F9"); in a narrative file, the file with
 * the paragraph and its line ("seed-2024-narrative.txt P10（第 19 行）"), not the workbook; another
 * file by its name; '' for the checked file as a whole. Paths relative to `cwd` when inside it.
 */
export function whereOf(location: FindingLocation, checkedFile: string, cwd: string): string {
  const cell = placeOf(location);
  if (location.sheet && location.cell) return cell;
  const inOtherFile = location.file !== checkedFile;
  const text = location.table === 'narrative' || location.line !== undefined || location.page !== undefined;
  const parts = [inOtherFile ? displayPath(location.file, cwd) : '', text ? textPlace(location) : cell];
  return parts.filter((p) => p !== '').join(' ');
}

/**
 * The rules to describe: the report's list, plus any rule that reported a finding without being
 * listed (a report built without metadata), described by its id alone.
 */
export function rulesOf(report: CheckReport): RuleInfo[] {
  const rules = [...(report.rules ?? [])];
  const known = new Set(rules.map((r) => r.id));
  const extra = new Map<string, Severity>();
  for (const f of report.files.flatMap((file) => file.findings)) {
    if (!known.has(f.ruleId) && !extra.has(f.ruleId)) extra.set(f.ruleId, f.severity);
  }
  const ids = [...extra.keys()].sort();
  for (const id of ids) rules.push({ id, title: '', severity: extra.get(id) as Severity, explain: '' });
  return rules;
}

/** "t03.row-total 每行本年支出合计应等于各项支出之和", or the id alone when the title is unknown. */
export function ruleLabel(rule: RuleInfo | undefined, id: string): string {
  return rule?.title ? `${id} ${rule.title}` : id;
}

/** True when the finding makes `check` exit 1. */
export function fails(finding: Finding, failOn: Severity): boolean {
  return SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[failOn];
}

/** The worst severity among findings, or undefined for none. */
export function worstOf(findings: readonly Finding[]): Severity | undefined {
  let worst: Severity | undefined;
  for (const f of findings) if (!worst || SEVERITY_RANK[f.severity] > SEVERITY_RANK[worst]) worst = f.severity;
  return worst;
}
