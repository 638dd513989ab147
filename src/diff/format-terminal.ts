import { Chalk, type ChalkInstance } from 'chalk';
import { fitLines, renderBoxTable, type BoxCell } from '../report/box-table.js';
import { terminalSafe } from '../report/terminal-text.js';
import {
  amountText,
  changeText,
  describeSide,
  diffTitle,
  FLAG_HEADER,
  FLAG_MARK,
  rateText,
  STATUS_ZH,
  summaryText,
} from './present.js';
import type { RowDiff, TableDiff, WorkbookDiff } from './types.js';

/** The default `juesuan diff` output: per table, one line per changed amount; flagged ones marked. */

function rowLabel(row: RowDiff, chalk: ChalkInstance): string {
  const status = STATUS_ZH[row.status];
  if (!status) return terminalSafe(row.label);
  return `${row.status === 'added' ? chalk.green(`[${status}]`) : chalk.red(`[${status}]`)} ${terminalSafe(row.label)}`;
}

/** Narrower than this, a table's changes are plain lines: seven columns would not fit. */
const MIN_TABLE_WIDTH = 60;

/** A terminal too narrow for the table: the row, then each change of it on a line of its own. */
function tableLines(table: TableDiff, chalk: ChalkInstance): string {
  const out: string[] = [];
  for (const row of table.rows) {
    out.push(`  ${rowLabel(row, chalk)}`);
    if (row.changes.length === 0) out.push('    （无金额）');
    for (const c of row.changes) {
      const mark = (text: string) => (c.flagged ? chalk.yellow.bold(text) : text);
      const flag = c.flagged ? ` ${mark(FLAG_MARK)}` : '';
      out.push(
        `    ${terminalSafe(c.columnName)}：${amountText(c.prior, c.places)} → ${amountText(c.current, c.places)}，${mark(changeText(c))}（${mark(rateText(c))}）${flag}`,
      );
    }
  }
  return out.join('\n');
}

function tableOf(table: TableDiff, chalk: ChalkInstance, color: boolean, width?: number): string {
  if (width !== undefined && width < MIN_TABLE_WIDTH) return tableLines(table, chalk);
  const out: BoxCell[][] = [];
  for (const row of table.rows) {
    if (row.changes.length === 0) {
      out.push([rowLabel(row, chalk), { colSpan: 6, content: '（无金额）' }]);
      continue;
    }
    row.changes.forEach((c, i) => {
      const mark = (text: string) => (c.flagged ? chalk.yellow.bold(text) : text);
      out.push([
        i === 0 ? rowLabel(row, chalk) : '',
        terminalSafe(c.columnName),
        amountText(c.prior, c.places),
        amountText(c.current, c.places),
        mark(changeText(c)),
        mark(rateText(c)),
        c.flagged ? mark(FLAG_MARK) : '',
      ]);
    });
  }
  return renderBoxTable(out, {
    head: ['行', '列', '上年', '本年', '增减', '增减率', FLAG_HEADER],
    align: ['left', 'left', 'right', 'right', 'right', 'right', 'left'],
    // one line per change, no rule between them: a diff is long
    rowSeparators: false,
    ...(width !== undefined ? { maxWidth: width } : {}),
    ...(color ? { paintHead: (t: string) => chalk.bold(t), paintBorder: (t: string) => chalk.grey(t) } : {}),
  });
}

export function formatDiffTerminal(diff: WorkbookDiff, options: { color: boolean; width?: number }): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const lines = [
    chalk.bold(`决算对比 ${diffTitle(diff)}（金额单位：万元）`),
    `  上年：${describeSide(diff.prior)}`,
    `  本年：${describeSide(diff.current)}`,
  ];
  for (const note of diff.notes) lines.push(`  ${chalk.yellow('注意')}：${note}`);
  for (const table of diff.tables) {
    const where = table.status === 'added' ? '（仅本年有此表）' : table.status === 'removed' ? '（仅上年有此表）' : '';
    if (table.rows.length === 0) {
      lines.push('', `  ${chalk.bold(`【${table.kind} ${table.name}】`)}${where} 无变动`);
      continue;
    }
    const unchanged = table.unchangedRows > 0 ? `，另有 ${table.unchangedRows} 行未变动` : '';
    lines.push(
      '',
      `  ${chalk.bold(`【${table.kind} ${table.name}】`)}${where}（${table.rows.length} 行有变动${unchanged}）`,
      tableOf(table, chalk, options.color, options.width),
    );
  }
  const s = diff.summary;
  const summary = summaryText(diff);
  lines.push('', `  ${s.flagged > 0 ? chalk.yellow(summary) : summary}`, '');
  // the lines around the tables fit the terminal as well
  return fitLines(lines.join('\n'), options.width);
}
