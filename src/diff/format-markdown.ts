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
import type { TableDiff, WorkbookDiff } from './types.js';

/** `juesuan diff --format markdown`: for a pull request, a wiki page or an issue. */

/** Text in a table cell: pipes and line breaks would break the row; markup characters are escaped. */
function cell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/([|*_`<>[\]])/g, '\\$1')
    .replace(/\r?\n/g, ' ');
}

function tableSection(table: TableDiff): string[] {
  const where = table.status === 'added' ? '（仅本年有此表）' : table.status === 'removed' ? '（仅上年有此表）' : '';
  const lines = [`### ${table.kind} ${cell(table.name)}${where}`, ''];
  if (table.rows.length === 0) return [...lines, '无变动。', ''];
  lines.push(`| 行 | 列 | 上年 | 本年 | 增减 | 增减率 | ${FLAG_HEADER} |`, '|---|---|--:|--:|--:|--:|---|');
  for (const row of table.rows) {
    const status = STATUS_ZH[row.status];
    const label = `${status ? `**${status}** ` : ''}${cell(row.label)}`;
    if (row.changes.length === 0) {
      lines.push(`| ${label} | | | | | | （无金额） |`);
      continue;
    }
    row.changes.forEach((c, i) => {
      const flag = c.flagged ? `⚠️ ${FLAG_MARK}` : '';
      const strong = (text: string) => (c.flagged ? `**${text}**` : text);
      lines.push(
        `| ${i === 0 ? label : ''} | ${cell(c.columnName)} | ${amountText(c.prior, c.places)} | ${amountText(c.current, c.places)} | ${strong(changeText(c))} | ${strong(rateText(c))} | ${flag} |`,
      );
    });
  }
  if (table.unchangedRows > 0) lines.push('', `另有 ${table.unchangedRows} 行未变动。`);
  return [...lines, ''];
}

export function formatDiffMarkdown(diff: WorkbookDiff): string {
  const lines = [
    `# 决算对比 ${cell(diffTitle(diff))}`,
    '',
    `- 上年：${cell(describeSide(diff.prior))}`,
    `- 本年：${cell(describeSide(diff.current))}`,
    '- 金额单位：万元',
    ...diff.notes.map((n) => `- 注意：${cell(n)}`),
    '',
    summaryText(diff),
    '',
  ];
  if (diff.classTotals.length > 0) {
    lines.push('## 各类支出（收入支出决算总表）', '', '| 类 | 上年 | 本年 |', '|---|--:|--:|');
    for (const c of diff.classTotals)
      lines.push(
        `| ${c.code} ${cell(c.name)} | ${amountText(c.prior, c.places) || '空白'} | ${amountText(c.current, c.places) || '空白'} |`,
      );
    lines.push('');
  }
  lines.push('## 各表变动', '');
  for (const table of diff.tables) lines.push(...tableSection(table));
  return `${lines.join('\n').trimEnd()}\n`;
}
