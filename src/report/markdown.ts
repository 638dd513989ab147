import type { Severity } from '../model/finding.js';
import { displayPath, rulesOf, SEVERITIES, SEVERITY_ZH, whereOf, type FormatContext } from './common.js';
import { groupedOrder, isDiagnosis } from '../diagnosis/groups.js';
import { countSeverities, type CheckReport, type Counts } from '../model/results.js';
import { findingsCount, listedFindings, type ListedFinding } from './narrow-columns.js';

/**
 * `--format markdown`: a pull-request comment (GitHub-flavoured): a summary table per file, the
 * findings in one table, the rules involved explained in a collapsed section. Long lists are cut
 * (a GitHub comment holds 65 536 characters); the cut is said.
 */

export interface MarkdownOptions {
  /** Findings listed at most (default 100). */
  maxFindings?: number;
}

const ICON: Record<Severity, string> = { error: '❌', warn: '⚠️', info: 'ℹ️' };

/**
 * Text in a table cell: backslash and the characters Markdown or GitHub would act on are escaped,
 * pipes above all (they end the cell); line breaks become <br>.
 */
export function escapeCell(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|#~]/g, (ch) => `\\${ch}`)
    .replace(/&/g, '&amp;')
    .replace(/\r?\n|\r/g, '<br>');
}

function countsText(counts: Counts): string {
  return `${counts.error} 个${SEVERITY_ZH.error}，${counts.warn} 个${SEVERITY_ZH.warn}，${counts.info} 个${SEVERITY_ZH.info}`;
}

function headline(report: CheckReport): string {
  const counts = countSeverities(report.files.flatMap((f) => f.findings));
  const total = counts.error + counts.warn + counts.info;
  const unusable = report.files.filter((f) => f.error).length;
  const status =
    total === 0 && unusable === 0
      ? '✅ 未发现问题'
      : `${counts.error > 0 || unusable > 0 ? '❌' : '⚠️'} ${countsText(counts)}`;
  return `## juesuan 决算校验：${status}${unusable ? `；${unusable} 个文件无法检查` : ''}`;
}

function summaryTable(report: CheckReport, context: FormatContext): string[] {
  const lines = [
    `| 文件 | 部门 | 年度 | 识别的表 | ${SEVERITIES.map((s) => SEVERITY_ZH[s]).join(' | ')} |`,
    '|---|---|---|---|--:|--:|--:|',
  ];
  for (const file of report.files) {
    const name = escapeCell(displayPath(file.file, context.cwd));
    if (file.error) {
      lines.push(`| ${name} | 无法检查：${escapeCell(file.error.message)} | | | | | |`);
      continue;
    }
    const m = file.model;
    const c = countSeverities(file.findings);
    const tables = m
      ? `${m.tables.map((t) => t.kind).join(' ') || '无'}${m.missingTables.length ? `（缺 ${m.missingTables.map((t) => t.kind).join(' ')}）` : ''}`
      : '';
    lines.push(
      `| ${name} | ${escapeCell(m?.department ?? '未识别')} | ${m?.year ?? '未识别'} | ${tables} | ${c.error} | ${c.warn} | ${c.info} |`,
    );
  }
  return lines;
}

function findingsTable(report: CheckReport, context: FormatContext, max: number): string[] {
  // the ### cells of a column as one row (narrow-columns.ts)
  const all: { file: string; item: ListedFinding; where: string }[] = report.files.flatMap((file) =>
    listedFindings(groupedOrder(file.findings)).map((item) => ({
      file: displayPath(file.file, context.cwd),
      item,
      where: item.place ?? whereOf(item.finding.location, file.file, context.cwd),
    })),
  );
  if (all.length === 0) return [];
  const several = report.files.length > 1;
  const lines = [
    '### 问题',
    '',
    several ? '| 级别 | 文件 | 位置 | 规则 | 说明 |' : '| 级别 | 位置 | 规则 | 说明 |',
    several ? '|---|---|---|---|---|' : '|---|---|---|---|',
  ];
  for (const { file, item, where } of all.slice(0, max)) {
    const f = item.finding;
    // a diagnosis leads the findings it explains, which are indented under it
    const level = isDiagnosis(f) ? '🔎 诊断' : `${ICON[f.severity]} ${SEVERITY_ZH[f.severity]}`;
    const under = !isDiagnosis(f) && f.data.culprit !== undefined ? '└ ' : '';
    const cells = [
      level,
      ...(several ? [escapeCell(file)] : []),
      `${under}${escapeCell(where || '工作簿')}`,
      escapeCell(f.ruleId),
      escapeCell(f.message),
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  if (all.length > max)
    lines.push(
      '',
      `另有 ${findingsCount(all.slice(max).map((a) => a.item))} 个问题未列出：完整结果请用 \`--format json\` 或 \`--format html\`。`,
    );
  return lines;
}

function rulesSection(report: CheckReport): string[] {
  const used = new Set(report.files.flatMap((f) => f.findings.map((x) => x.ruleId)));
  const rules = rulesOf(report).filter((r) => used.has(r.id));
  if (rules.length === 0) return [];
  const items = rules.map(
    (r) => `- **${escapeCell(r.id)}** ${escapeCell(r.title)}${r.explain ? `：${escapeCell(r.explain)}` : ''}`,
  );
  return ['<details><summary>规则说明</summary>', '', ...items, '', '</details>'];
}

export function formatMarkdown(report: CheckReport, context: FormatContext, options: MarkdownOptions = {}): string {
  const sections = [
    [headline(report)],
    summaryTable(report, context),
    findingsTable(report, context, options.maxFindings ?? 100),
    rulesSection(report),
  ].filter((s) => s.length > 0);
  return `${sections.map((s) => s.join('\n')).join('\n\n')}\n`;
}
