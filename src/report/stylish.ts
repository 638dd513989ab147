import { basename } from 'node:path';
import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { Finding, Severity } from '../model/finding.js';
import { SEVERITIES, SEVERITY_ZH } from './common.js';
import { countSeverities, type CheckReport, type Counts, type FileResult } from '../model/results.js';
import { formatFileSummary } from './file-summary.js';
import { wrapText } from './wrap.js';

export interface StylishOptions {
  /** Colours only for a terminal without NO_COLOR. */
  color: boolean;
}

const WORKBOOK_GROUP = '';

function paint(chalk: ChalkInstance, severity: Severity, text: string): string {
  return severity === 'error' ? chalk.red(text) : severity === 'warn' ? chalk.yellow(text) : chalk.blue(text);
}

function place(f: Finding): string {
  const l = f.location;
  if (l.sheet && l.cell) return `${l.sheet}!${l.cell}`;
  // a paragraph of a narrative file has no cell: its number is the place (情况说明 P21)
  if (l.table === 'narrative' && l.rowKey) return `${basename(l.file)} ${l.rowKey}`;
  return l.sheet ?? '';
}

function groupTitle(file: FileResult, kind: string): string {
  if (kind === WORKBOOK_GROUP) return '【工作簿】';
  if (kind === 'narrative') return '【情况说明】';
  const name = file.model?.tables.find((t) => t.kind === kind)?.name;
  return `【${kind}${name ? ` ${name}` : ''}】`;
}

function fileHeader(file: FileResult, chalk: ChalkInstance): string[] {
  const lines = [chalk.bold.underline(file.file)];
  if (file.error) return [...lines, `  ${chalk.red('无法检查')}：${file.error.message}`];
  const m = file.model;
  if (m) {
    const facts = [
      m.department ?? '部门未识别',
      m.year ? `${m.year} 年度` : '年度未识别',
      `单位：${m.unit ?? '未识别'}`,
    ];
    lines.push(`  ${facts.join(' · ')}`);
    lines.push(
      `  识别的表：${m.tables.map((t) => t.kind).join(' ') || '无'}${m.missingTables.length ? `；缺少：${m.missingTables.map((t) => t.kind).join(' ')}` : ''}`,
    );
  }
  return lines;
}

const MESSAGE_WIDTH = 96;

/** One table per group: the figures in columns, the full message in a row of its own below. */
function findingsTable(findings: Finding[], chalk: ChalkInstance, color: boolean): string {
  const table = new Table({
    head: ['级别', '位置', '规则', '应为', '实为', '差额'],
    style: { head: color ? ['bold'] : [], border: color ? ['grey'] : [] },
  });
  for (const f of findings) {
    table.push([
      paint(chalk, f.severity, SEVERITY_ZH[f.severity]),
      place(f),
      f.ruleId,
      f.data.expected ?? '',
      f.data.actual ?? '',
      f.data.difference === undefined
        ? ''
        : `${f.data.difference}${f.data.tolerance ? `（容差 ${f.data.tolerance}）` : ''}`,
    ]);
    table.push([{ colSpan: 6, content: wrapText(f.message, MESSAGE_WIDTH).join('\n') }]);
  }
  return table.toString();
}

function summaryLine(counts: Counts, chalk: ChalkInstance): string {
  const total = counts.error + counts.warn + counts.info;
  if (total === 0) return chalk.green('✔ 未发现问题');
  const text = `✖ 共 ${total} 个问题：${SEVERITIES.map((s) => `${counts[s]} 个${SEVERITY_ZH[s]}`).join('，')}`;
  return counts.error > 0 ? chalk.red(text) : counts.warn > 0 ? chalk.yellow(text) : chalk.blue(text);
}

/** The default terminal report: per file a header, findings grouped by table, a summary line. */
export function formatStylish(report: CheckReport, options: StylishOptions): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const out: string[] = [];
  for (const file of report.files) {
    out.push(...fileHeader(file, chalk));
    const groups = new Map<string, Finding[]>();
    for (const f of file.findings) {
      const key = f.location.table ?? WORKBOOK_GROUP;
      groups.set(key, [...(groups.get(key) ?? []), f]);
    }
    const order = [...groups.keys()].sort((a, b) => (a === b ? 0 : a < b ? -1 : 1));
    for (const kind of order) {
      out.push(
        '',
        `  ${chalk.bold(groupTitle(file, kind))}`,
        findingsTable(groups.get(kind) ?? [], chalk, options.color),
      );
    }
    if (!file.error) out.push('', `  ${summaryLine(countSeverities(file.findings), chalk)}`);
    out.push('');
  }
  if (report.files.length > 1) {
    out.push(formatFileSummary(report, { color: options.color }), '');
    const all = report.files.flatMap((f) => f.findings);
    const unusable = report.files.filter((f) => f.error).length;
    out.push(
      `${report.files.length} 个文件${unusable ? `（${unusable} 个无法检查）` : ''}：${summaryLine(countSeverities(all), chalk)}`,
      '',
    );
  }
  return out.join('\n');
}
