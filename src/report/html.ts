import type { Finding, FindingLocation } from '../model/finding.js';
import type { WorkbookModel } from '../model/types.js';
import {
  displayPath,
  fails,
  placeOf,
  rulesOf,
  SEVERITIES,
  SEVERITY_ZH,
  whereOf,
  worstOf,
  type FormatContext,
} from './common.js';
import { culpritKeys, groupedOrder, isDiagnosis } from '../diagnosis/groups.js';
import { figuresOf } from './figures.js';
import { listedFindings, type ListedFinding } from './narrow-columns.js';
import { REPORT_CSS, REPORT_JS } from './html-assets.js';
import { htmlPageChunks } from './html-page.js';
import { renderTable, type CellMark, type TableContext } from './html-table.js';
import { escapeAttribute as attr, escapeMarkup as esc } from './markup.js';
import {
  countSeverities,
  exitCodeOf,
  type CheckReport,
  type Counts,
  type FileResult,
  type RuleInfo,
} from '../model/results.js';

/**
 * `--format html`: one self-contained page for reviewers: a summary per file, the findings, and
 * every table of the model laid out as in the workbook with the offending cells marked (fill by
 * severity; the other cells of the identity outlined). Hover shows a cell's address and findings
 * (title); a click lists them in a panel and outlines their cells (inline script); without the
 * script the marked cells still link to their findings. No network: a Content-Security-Policy
 * admits only the inline style and script, by hash. Everything from the workbook is escaped, and
 * the page is well-formed XML as well as HTML (the tests parse it as XML).
 */

function badges(counts: Counts): string {
  return SEVERITIES.map((s) => `<span class="badge ${s}">${counts[s]} 个${SEVERITY_ZH[s]}</span>`).join(' ');
}

/** Marks by "sheet!cell" (a column's ### cells each marked for its line), and the element id scheme for one file. */
function fileContext(fileIndex: number, listed: ListedFinding[], model: WorkbookModel | undefined): TableContext {
  const findings = listed.map((l) => l.finding);
  const sheets = new Map<string, number>();
  for (const t of model?.tables ?? []) if (!sheets.has(t.sheet)) sheets.set(t.sheet, sheets.size);
  const marks = new Map<string, CellMark>();
  const mark = (key: string): CellMark => {
    const existing = marks.get(key);
    if (existing) return existing;
    const created: CellMark = { primary: [], related: [] };
    marks.set(key, created);
    return created;
  };
  // by the cell of the grid the tables are laid out from (sheet!cell), in a report as published too,
  // whose printed place (第 5 页 · 表 3 第 12 行第 4 列) names no grid cell
  const gridCell = (l: FindingLocation): string => `${l.sheet}!${l.cell}`;
  // indexes are pushed in increasing order: finding i is already on a mark only as its last entry
  listed.forEach(({ finding: f, members }, i) => {
    for (const { location: l } of members) if (l.sheet && l.cell) mark(gridCell(l)).primary.push(i);
    for (const r of f.related) {
      if (!r.sheet || !r.cell) continue;
      const m = mark(gridCell(r));
      if (m.related[m.related.length - 1] !== i && m.primary[m.primary.length - 1] !== i) m.related.push(i);
    }
  });
  return {
    findings,
    marks,
    culprits: culpritKeys(findings),
    rendered: new Set<string>(),
    cellId: (sheet, cell) => {
      if (!sheets.has(sheet)) sheets.set(sheet, sheets.size);
      return `c${fileIndex}-${sheets.get(sheet)}-${cell}`;
    },
    findingId: (i) => `f${fileIndex}-${i}`,
  };
}

function factsList(m: WorkbookModel): string {
  const facts: [string, string][] = [
    ['部门', m.department ?? '未识别'],
    ['年度', m.year ? `${m.year} 年度` : '未识别'],
    ['单位', m.unit ?? '未识别'],
    ['识别的表', m.tables.map((t) => `${t.kind} ${t.name}`).join('、') || '无'],
  ];
  if (m.missingTables.length > 0)
    facts.push(['缺少的表', m.missingTables.map((t) => `${t.kind} ${t.name}`).join('、')]);
  if (m.ignoredSheets.length > 0)
    facts.push(['未识别的工作表', m.ignoredSheets.map((s) => `${s.sheet}（${s.reason}）`).join('；')]);
  return `<dl class="facts">${facts.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`;
}

function figures(f: Finding): string {
  const parts: string[] = [];
  const { expected, actual, difference } = figuresOf(f);
  if (expected !== '') parts.push(`应为 ${expected}`);
  if (actual !== '') parts.push(`实为 ${actual}`);
  if (difference !== '') parts.push(`差额 ${difference}`);
  return parts.length > 0 ? `<span class="figures">${esc(parts.join(' · '))}</span>` : '';
}

function* findingsTableLines(
  findings: readonly Finding[],
  listed: ListedFinding[],
  ctx: TableContext,
  rules: Map<string, RuleInfo>,
  failOn: CheckReport['failOn'],
  where: (f: Finding) => string,
): Generator<string> {
  if (findings.length === 0) {
    yield '<p class="verdict pass">✔ 未发现问题</p>';
    return;
  }
  const row = ({ finding: f, members, place: column }: ListedFinding, i: number): string => {
    const place = column ?? (where(f) || '工作簿');
    const cells = [...members.map((m) => m.location), ...f.related]
      .filter((l) => l.sheet && l.cell)
      .map((l) => ctx.cellId(l.sheet as string, l.cell as string))
      .filter((id) => ctx.rendered.has(id));
    const primaryId = f.location.sheet && f.location.cell ? ctx.cellId(f.location.sheet, f.location.cell) : '';
    const placeHtml = ctx.rendered.has(primaryId)
      ? `<a class="goto" href="#${primaryId}">${esc(place)}</a>`
      : esc(place);
    const rule = rules.get(f.ruleId);
    const related = f.related.map(placeOf).filter((p) => p !== '');
    const relatedTitle = related.length > 0 ? ` title="${attr(`相关单元格：${related.join('、')}`)}"` : '';
    const group = isDiagnosis(f) ? ' lead' : f.data.culprit !== undefined ? ' explained' : '';
    const badge = isDiagnosis(f) ? `<span class="badge culprit">诊断</span>` : '';
    return [
      `<tr id="${ctx.findingId(i)}" class="finding${group}" data-severity="${f.severity}" data-cells="${cells.join(' ')}">`,
      `<td class="sev"><span class="badge ${f.severity}">${SEVERITY_ZH[f.severity]}</span>${badge}</td>`,
      `<td class="place"${relatedTitle}>${placeHtml}</td>`,
      `<td class="rule"${rule?.explain ? ` title="${attr(rule.explain)}"` : ''}><code>${esc(f.ruleId)}</code>${rule?.title ? `<span class="title">${esc(rule.title)}</span>` : ''}</td>`,
      `<td><span class="message">${esc(f.message)}</span>${figures(f)}</td>`,
      '</tr>',
    ].join('');
  };
  const failing = findings.filter((f) => fails(f, failOn)).length;
  const caption = failing > 0 ? `其中 ${failing} 个达到 --fail-on ${failOn}` : `均低于 --fail-on ${failOn}`;
  yield `<p class="muted">${esc(`共 ${findings.length} 个问题，${caption}。点击位置跳到表中的单元格。`)}</p>`;
  yield '<table class="findings"><thead><tr><th>级别</th><th>位置</th><th>规则</th><th>说明</th></tr></thead><tbody>';
  for (let i = 0; i < listed.length; i++) yield row(listed[i] as ListedFinding, i);
  yield '</tbody></table>';
}

/** Up to this many files, every table is rendered; a larger batch renders only the tables with findings. */
export const FULL_REPORT_FILES = 10;

/** A file's section, a line at a time (the lines joined by line breaks are the section). */
function* fileSectionLines(
  file: FileResult,
  index: number,
  report: CheckReport,
  rules: Map<string, RuleInfo>,
  context: FormatContext,
): Generator<string> {
  const name = displayPath(file.file, context.cwd);
  const head = `<section class="file" id="file${index}">\n<h2>${esc(name)}</h2>`;
  if (file.error || !file.model) {
    yield `${head}\n<p class="verdict fail">无法检查：${esc(file.error?.message ?? '没有读到工作簿')}</p>\n</section>`;
    return;
  }
  const model = file.model;
  // a diagnosis directly before the findings it explains; the ### cells of a column as one line
  const listed = listedFindings(groupedOrder(file.findings));
  const ctx = fileContext(index, listed, model);
  const full = report.files.length <= FULL_REPORT_FILES;
  const involved = new Set(file.findings.flatMap((f) => [f.location, ...f.related]).map((l) => l.sheet));
  const shown = model.tables.filter((t) => full || involved.has(t.sheet));
  const tables = shown.map((table) => {
    const ti = model.tables.indexOf(table);
    const grid = renderTable(table, ctx);
    const hits = file.findings.filter((f) => f.location.sheet === table.sheet && f.location.table === table.kind);
    const summary = [
      `${table.marker ?? `${table.kind}`} ${table.name}`,
      `${table.sheet}!${table.range}${table.hiddenSheet ? '（隐藏工作表）' : ''}`,
      `单位：${table.unit}`,
    ].join(' · ');
    const worst = worstOf(hits);
    const count = worst ? ` <span class="badge ${worst}">${hits.length} 个问题</span>` : '';
    const notes = table.notes.length > 0 ? `\n<p class="notes">${table.notes.map(esc).join('<br/>')}</p>` : '';
    return `<details class="table" id="t${index}-${ti}"${worst ? ' open="open"' : ''}><summary>${esc(summary)}${count}</summary>\n<div class="scroll">${grid}</div>${notes}\n</details>`;
  });
  yield* [head, factsList(model), `<p>${badges(countSeverities(file.findings))}</p>`, '<h3>问题</h3>'];
  yield* findingsTableLines(file.findings, listed, ctx, rules, report.failOn, (f) =>
    whereOf(f.location, file.file, context.cwd),
  );
  yield* [
    '<h3>表格</h3>',
    `<p class="legend muted">${SEVERITIES.map((s) => `<span><i class="${s}"></i>${SEVERITY_ZH[s]}</span>`).join('')}<span><i class="rel"></i>相关单元格</span><span><i class="culprit"></i>最可能的出错单元格</span>悬停单元格显示地址与问题，点击显示详情。</p>`,
    ...tables,
    ...(shown.length < model.tables.length
      ? [
          `<p class="muted">${esc(`其余 ${model.tables.length - shown.length} 张表没有问题；检查超过 ${FULL_REPORT_FILES} 个文件时只呈现有问题的表。`)}</p>`,
        ]
      : []),
    '</section>',
  ];
}

function summaryTable(report: CheckReport, context: FormatContext): string {
  const rows = report.files.map((file, i) => {
    const name = `<a href="#file${i}">${esc(displayPath(file.file, context.cwd))}</a>`;
    if (file.error) return `<tr><td>${name}</td><td colspan="5">${esc(`无法检查：${file.error.message}`)}</td></tr>`;
    const c = countSeverities(file.findings);
    const m = file.model;
    return `<tr><td>${name}</td><td>${esc(m?.department ?? '未识别')}</td><td>${m?.year ?? '未识别'}</td><td class="n">${c.error}</td><td class="n">${c.warn}</td><td class="n">${c.info}</td></tr>`;
  });
  return [
    `<table class="summary"><thead><tr><th>文件</th><th>部门</th><th>年度</th>${SEVERITIES.map((s) => `<th>${SEVERITY_ZH[s]}</th>`).join('')}</tr></thead><tbody>`,
    ...rows,
    '</tbody></table>',
  ].join('\n');
}

function rulesSection(report: CheckReport, rules: RuleInfo[]): string {
  const used = new Set(report.files.flatMap((f) => f.findings.map((x) => x.ruleId)));
  const items = rules.filter((r) => used.has(r.id));
  if (items.length === 0) return '';
  const entries = items.map((r) => `<dt><code>${esc(r.id)}</code> ${esc(r.title)}</dt><dd>${esc(r.explain)}</dd>`);
  return [
    '<section class="rules">',
    '<h2>涉及的规则</h2>',
    '<dl class="rules">',
    ...entries,
    '</dl>',
    '</section>',
  ].join('\n');
}

export function formatHtml(report: CheckReport, context: FormatContext): string {
  return [...htmlChunks(report, context)].join('');
}

/** The page a line at a time: a finding's row is made when it is written. */
export function* htmlChunks(report: CheckReport, context: FormatContext): Generator<string> {
  const ruleList = rulesOf(report);
  const rules = new Map(ruleList.map((r) => [r.id, r]));
  const counts = countSeverities(report.files.flatMap((f) => f.findings));
  const failed = exitCodeOf(report) !== 0;
  const title = `juesuan 决算校验报告`;
  function* body(): Generator<string> {
    yield* [
      '<header>',
      `<h1>${esc(title)}</h1>`,
      `<p><span class="verdict ${failed ? 'fail' : 'pass'}">${failed ? '✖ 未通过' : '✔ 通过'}</span> <span class="muted">${esc(`${report.files.length} 个文件 · --fail-on ${report.failOn}`)}</span> ${badges(counts)}</p>`,
      summaryTable(report, context),
      '</header>',
      '<main>',
    ];
    for (const [i, f] of report.files.entries()) yield* fileSectionLines(f, i, report, rules, context);
    yield* [
      rulesSection(report, ruleList),
      '</main>',
      '<footer>由 juesuan 生成。表格按工作簿中的行列呈现：行号为工作表行号，列名下为列字母；金额为表内单位。</footer>',
      '<div id="panel" hidden="hidden" role="dialog" aria-label="单元格的问题"><button id="panel-close" type="button" aria-label="关闭">×</button><div id="panel-list"></div></div>',
    ];
  }
  yield* htmlPageChunks({ title, css: REPORT_CSS, js: REPORT_JS, body: body() });
}
