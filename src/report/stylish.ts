import { basename } from 'node:path';
import { Chalk, type ChalkInstance } from 'chalk';
import type { Finding, Severity } from '../model/finding.js';
import { countSeverities, type CheckReport, type Counts, type FileResult } from '../model/results.js';
import { groupFindings, isDiagnosis } from '../diagnosis/groups.js';
import { placeOf, SEVERITY_ZH, textPlace } from './common.js';
import { figuresOf } from './figures.js';
import { formatFileSummary } from './file-summary.js';
import { type BoxCell, boxTableLines, fitLines } from './box-table.js';
import { clipToWidth, terminalSafe } from './terminal-text.js';
import { wrapText } from './wrap.js';
import { listedFindings, type ListedFinding } from './narrow-columns.js';

export interface StylishOptions {
  /** Colours only for a terminal without NO_COLOR. */
  color: boolean;
  /** The terminal's width: the report fits it (tables narrowed, plain lines below MIN_TABLE_WIDTH). */
  width?: number;
}

/** Narrower than this, findings are plain lines: a six-column box would leave the message no room. */
export const MIN_TABLE_WIDTH = 60;

const WORKBOOK_GROUP = '';

function paint(chalk: ChalkInstance, severity: Severity, text: string): string {
  return severity === 'error' ? chalk.red(text) : severity === 'warn' ? chalk.yellow(text) : chalk.blue(text);
}

function place({ finding: f, place: column }: ListedFinding, checkedFile: string): string {
  if (column !== undefined) return column;
  const l = f.location;
  // a paragraph of the narrative: its number and where it starts (P10（第 19 行）, P3（第 2 页）),
  // with the file's name when the narrative is a file of its own
  if (l.table === 'narrative' && l.rowKey && !(l.sheet && l.cell)) {
    return l.file !== checkedFile ? `${basename(l.file)} ${textPlace(l)}` : textPlace(l);
  }
  // a cell: sheet!A1 in a workbook, 第 5 页 · 表 3 第 12 行第 4 列 in a report as published
  return placeOf(l);
}

function groupTitle(file: FileResult, kind: string): string {
  if (kind === WORKBOOK_GROUP) return '【工作簿】';
  if (kind === 'narrative') return '【情况说明】';
  // a missing table (tables.missing) is named as well: it is in the catalog, not in the workbook
  const name =
    file.model?.tables.find((t) => t.kind === kind)?.name ??
    file.model?.missingTables.find((t) => t.kind === kind)?.name;
  return `【${kind}${name ? ` ${name}` : ''}】`;
}

function fileHeader(file: FileResult, chalk: ChalkInstance): string[] {
  const lines = [chalk.bold.underline(terminalSafe(file.file))];
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
/** A figure or place longer than this is cut in its column (the message below has it whole). */
const CELL_WIDTH = 40;

/** One table per group: the figures in columns, the full message in a row of its own below. */
const explained = (f: Finding) => !isDiagnosis(f) && f.data.culprit !== undefined;

/** A terminal too narrow for a table: each finding as a line of level, place and rule, its figures, its message. */
function findingsLines(listed: ListedFinding[], checkedFile: string, chalk: ChalkInstance, width: number): string[] {
  const out: string[] = [];
  for (const item of listed) {
    const f = item.finding;
    const { expected, actual, difference } = figuresOf(f);
    const level = isDiagnosis(f)
      ? chalk.bold(paint(chalk, f.severity, '诊断'))
      : paint(chalk, f.severity, SEVERITY_ZH[f.severity]);
    out.push(`  ${level} ${explained(f) ? '└ ' : ''}${terminalSafe(place(item, checkedFile))} ${f.ruleId}`);
    const figures = [
      expected ? `应为 ${expected}` : '',
      actual ? `实为 ${actual}` : '',
      difference ? `差额 ${difference}` : '',
    ].filter((x) => x !== '');
    if (figures.length > 0) out.push(`    ${terminalSafe(figures.join(' · '))}`);
    for (const line of wrapText(terminalSafe(f.message), Math.max(8, width - 4))) out.push(`    ${line}`);
  }
  return out;
}

function findingsTable(
  listed: ListedFinding[],
  checkedFile: string,
  chalk: ChalkInstance,
  color: boolean,
  width?: number,
): Iterable<string> {
  if (width !== undefined && width < MIN_TABLE_WIDTH) return findingsLines(listed, checkedFile, chalk, width);
  const cell = (text: string): string => clipToWidth(terminalSafe(text), CELL_WIDTH);
  const rows: BoxCell[][] = [];
  for (const item of listed) {
    const f = item.finding;
    const { expected, actual, difference } = figuresOf(f);
    rows.push([
      // a diagnosis leads the findings it explains, which are indented under it
      isDiagnosis(f) ? chalk.bold(paint(chalk, f.severity, '诊断')) : paint(chalk, f.severity, SEVERITY_ZH[f.severity]),
      `${explained(f) ? '└ ' : ''}${cell(place(item, checkedFile))}`,
      cell(f.ruleId),
      cell(expected),
      cell(actual),
      cell(difference),
    ]);
    rows.push([{ colSpan: 6, content: terminalSafe(f.message), wrap: MESSAGE_WIDTH }]);
  }
  return boxTableLines(rows, {
    head: ['级别', '位置', '规则', '应为', '实为', '差额'],
    ...(width !== undefined ? { maxWidth: width } : {}),
    ...(color ? { paintHead: (t: string) => chalk.bold(t), paintBorder: (t: string) => chalk.grey(t) } : {}),
  });
}

/**
 * "✖ 共 2 个问题：2 个错误，0 个警告；另有 1 条提示": problems are errors and warnings; a hint is not a
 * problem, and a result of hints alone says so (✔ … 1 条提示) unless --fail-on info makes it fail.
 */
function summaryLine(counts: Counts, failOn: Severity, chalk: ChalkInstance): string {
  const problems = counts.error + counts.warn;
  const hints = counts.info > 0 ? `；${problems > 0 ? '另有 ' : ''}${counts.info} 条提示` : '';
  const fails = counts.error > 0 || (counts.warn > 0 && failOn !== 'error') || (counts.info > 0 && failOn === 'info');
  if (problems === 0) return fails ? chalk.blue(`✖ 未发现问题${hints}`) : chalk.green(`✔ 未发现问题${hints}`);
  const text = `共 ${problems} 个问题：${counts.error} 个错误，${counts.warn} 个警告${hints}`;
  return counts.error > 0 ? chalk.red(`✖ ${text}`) : chalk.yellow(`${fails ? '✖' : '⚠'} ${text}`);
}

/** The default terminal report: per file a header, findings grouped by table, a summary line. */
export function formatStylish(report: CheckReport, options: StylishOptions): string {
  return [...stylishChunks(report, options)].join('');
}

/**
 * formatStylish a piece at a time (its pieces joined are its text): a table's column widths need
 * all of its rows, its lines are written as they are made, and the report is never held whole.
 * Every line is fitted to the terminal's width on its own, as fitLines fits the whole text.
 */
export function* stylishChunks(report: CheckReport, options: StylishOptions): Generator<string> {
  let first = true;
  for (const block of stylishBlocks(report, options)) {
    yield `${first ? '' : '\n'}${fitLines(block, options.width)}`;
    first = false;
  }
}

/** The report's lines (or blocks of lines) in order, before they are fitted to the terminal. */
function* stylishBlocks(report: CheckReport, options: StylishOptions): Generator<string> {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  for (const file of report.files) {
    const out: string[] = [];
    out.push(...fileHeader(file, chalk));
    // by table; a diagnosis takes the findings it explains along (a cross-table one too)
    const groups = new Map<string, Finding[]>();
    for (const group of groupFindings(file.findings)) {
      const first = (group.lead ?? group.members[0]) as Finding;
      const key = first.location.table ?? WORKBOOK_GROUP;
      const list = groups.get(key) ?? [];
      if (!groups.has(key)) groups.set(key, list);
      if (group.lead) list.push(group.lead);
      for (const m of group.members) list.push(m);
    }
    const order = [...groups.keys()].sort((a, b) => (a === b ? 0 : a < b ? -1 : 1));
    yield* out;
    for (const kind of order) {
      yield '';
      yield `  ${chalk.bold(groupTitle(file, kind))}`;
      // the ### cells of a column as one line (narrow-columns.ts); the summary counts every finding
      yield* findingsTable(listedFindings(groups.get(kind) ?? []), file.file, chalk, options.color, options.width);
    }
    const accepted = file.accepted ? `（审核说明已接受 ${file.accepted} 个）` : '';
    if (!file.error) {
      yield '';
      yield `  ${summaryLine(countSeverities(file.findings), report.failOn, chalk)}${accepted}`;
    }
    yield '';
  }
  const out: string[] = [];
  if (report.files.length > 1) {
    out.push(
      formatFileSummary(report, { color: options.color, ...(options.width ? { width: options.width } : {}) }),
      '',
    );
    const all = report.files.flatMap((f) => f.findings);
    const unusable = report.files.filter((f) => f.error).length;
    out.push(
      `${report.files.length} 个文件${unusable ? `（${unusable} 个无法检查）` : ''}：${summaryLine(countSeverities(all), report.failOn, chalk)}`,
      '',
    );
  }
  yield* out;
}
