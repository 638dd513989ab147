import { htmlPage } from '../report/html-page.js';
import { escapeAttribute as attr, escapeMarkup as esc } from '../report/markup.js';
import { classChart } from './chart.js';
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
import type { DiffSide, TableDiff, WorkbookDiff } from './types.js';

/**
 * `juesuan diff --format html`: one self-contained page (no script, no network: the
 * Content-Security-Policy admits only the inline style, by hash), well-formed XML as well as HTML.
 * Everything from the workbooks is escaped.
 */

const CSS = `
body { margin: 0 auto; max-width: 1180px; padding: 16px 24px 32px; color: #1f2328; background: #f6f8fa;
  font: 14px/1.55 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
h1 { font-size: 22px; margin: 0 0 8px; }
h2 { font-size: 17px; margin: 0 0 8px; }
section { background: #fff; border: 1px solid #d0d7de; border-radius: 8px; padding: 14px 18px; margin: 14px 0; }
.muted { color: #59636e; }
.note { color: #9a6700; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #d0d7de; padding: 3px 8px; vertical-align: top; }
th { background: #f0f3f6; font-weight: 600; }
td.n { text-align: right; white-space: nowrap; }
tr.flagged td { background: #fff8c5; }
tr.flagged td.change { font-weight: 700; color: #9a6700; }
.status { display: inline-block; border-radius: 8px; padding: 0 6px; font-size: 12px; margin-right: 4px; }
.status.added { background: #dafbe1; color: #1a7f37; }
.status.removed { background: #ffebe9; color: #cf222e; }
svg.chart text { font-size: 12px; fill: #1f2328; }
svg.chart text.value { fill: #59636e; }
svg.chart rect.prior { fill: #afb8c1; }
svg.chart rect.current { fill: #0969da; }
`;

function yearOf(s: DiffSide, fallback: string): string {
  return s.year !== undefined ? `${s.year} 年度` : fallback;
}

function tableSection(table: TableDiff): string {
  const where = table.status === 'added' ? '（仅本年有此表）' : table.status === 'removed' ? '（仅上年有此表）' : '';
  const head = `<section><h2>${esc(`${table.kind} ${table.name}${where}`)}</h2>`;
  if (table.rows.length === 0) return `${head}<p class="muted">无变动。</p></section>`;
  const rows: string[] = [];
  for (const row of table.rows) {
    const status = STATUS_ZH[row.status];
    const label = `${status ? `<span class="status ${row.status}">${esc(status)}</span>` : ''}${esc(row.label)}`;
    if (row.changes.length === 0) {
      rows.push(`<tr><td>${label}</td><td colspan="6" class="muted">（无金额）</td></tr>`);
      continue;
    }
    row.changes.forEach((c, i) => {
      const cells = [c.priorCell && `上年 ${c.priorCell}`, c.currentCell && `本年 ${c.currentCell}`]
        .filter(Boolean)
        .join('；');
      rows.push(
        `<tr${c.flagged ? ' class="flagged"' : ''}>`,
        i === 0 ? `<td rowspan="${row.changes.length}">${label}</td>` : '',
        `<td title="${attr(cells)}">${esc(c.columnName)}</td>`,
        `<td class="n">${esc(amountText(c.prior, c.places))}</td><td class="n">${esc(amountText(c.current, c.places))}</td>`,
        `<td class="n change">${esc(changeText(c))}</td><td class="n change">${esc(rateText(c))}</td>`,
        `<td>${c.flagged ? FLAG_MARK : ''}</td></tr>`,
      );
    });
  }
  const unchanged =
    table.unchangedRows > 0 ? `<p class="muted">${esc(`另有 ${table.unchangedRows} 行未变动。`)}</p>` : '';
  return [
    head,
    `<table><thead><tr><th>行</th><th>列</th><th>上年</th><th>本年</th><th>增减</th><th>增减率</th><th>${FLAG_HEADER}</th></tr></thead><tbody>`,
    rows.join(''),
    '</tbody></table>',
    unchanged,
    '</section>',
  ].join('\n');
}

export function formatDiffHtml(diff: WorkbookDiff): string {
  const title = `决算对比 ${diffTitle(diff)}`;
  const chart = classChart(diff.classTotals, {
    prior: yearOf(diff.prior, '上年'),
    current: yearOf(diff.current, '本年'),
  });
  return htmlPage({
    title,
    css: CSS,
    body: [
      `<h1>${esc(title)}</h1>`,
      `<p>${esc(`上年：${describeSide(diff.prior)}`)}<br/>${esc(`本年：${describeSide(diff.current)}`)}<br/>金额单位：万元</p>`,
      ...diff.notes.map((n) => `<p class="note">${esc(`注意：${n}`)}</p>`),
      `<p><strong>${esc(summaryText(diff))}</strong></p>`,
      chart ? `<section><h2>各类支出（收入支出决算总表）</h2>\n${chart}\n</section>` : '',
      ...diff.tables.map(tableSection),
      '<p class="muted">由 juesuan diff 生成。</p>',
    ],
  });
}
