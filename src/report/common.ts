import { locationPlaceText } from '../model/place.js';
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
  /** The terminal's width, for the terminal formats (stylish, diff's terminal) printed on one: they fit it. */
  width?: number;
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

/**
 * "支出决算表!F9", the sheet alone, or '' for a finding about the whole workbook; in a report as
 * published, where it is there: "第 5 页 · 表 3 第 12 行第 4 列", "第 330 行", "第 12 段".
 */
export function placeOf(location: FindingLocation): string {
  const published = locationPlaceText(location);
  if (published !== '') return published;
  if (location.sheet && location.cell) return `${location.sheet}!${location.cell}`;
  return location.sheet ?? '';
}

/**
 * A paragraph of the narrative: its number and where it starts in its file, "P10（第 19 行）",
 * "P3（第 2 页）"; without a paragraph number the place alone ("第 19 行", "第 12 段"). The place is the
 * one the published-report readers give (locationPlaceText), so every format says it alike.
 */
export function textPlace(location: FindingLocation): string {
  const at = locationPlaceText(location);
  const paragraph = location.table === 'narrative' && location.rowKey ? location.rowKey : undefined;
  if (paragraph === undefined) return at;
  return at !== '' ? `${paragraph}（${at}）` : paragraph;
}

/**
 * Where a finding is, for a reader: the cell ("支出决算表!F9", "第 5 页 · 表 3 第 12 行第 4 列"); a
 * paragraph of the narrative by its number and line or page ("P10（第 19 行）"), in a narrative file
 * of its own with that file's name ("seed-2024-narrative.txt P10（第 19 行）"), not the workbook;
 * another file by its name; '' for the checked file as a whole. Paths relative to `cwd` when inside it.
 */
export function whereOf(location: FindingLocation, checkedFile: string, cwd: string): string {
  if (location.sheet && location.cell && location.table !== 'narrative') return placeOf(location);
  const paragraph = location.table === 'narrative' && location.rowKey !== undefined;
  const place = paragraph && !(location.sheet && location.cell) ? textPlace(location) : placeOf(location);
  if (location.file === checkedFile || (location.sheet && location.cell)) return place;
  return [displayPath(location.file, cwd), place].filter((p) => p !== '').join(' ');
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
