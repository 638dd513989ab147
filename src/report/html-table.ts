import type { Finding, Severity } from '../model/finding.js';
import type { AmountCell, Table, TableColumn, TableRow } from '../model/types.js';
import { SEVERITY_ZH, worstOf } from './common.js';
import { escapeAttribute as attr, escapeMarkup as esc } from './markup.js';

/** Findings that name a cell: as its location (primary) or among the cells involved (related). */
export interface CellMark {
  primary: number[];
  related: number[];
}

export interface TableContext {
  findings: Finding[];
  /** "sheet!cell" → marks. */
  marks: Map<string, CellMark>;
  /** "sheet!cell" of the cells the culprit diagnosis names: marked apart from every severity. */
  culprits: ReadonlySet<string>;
  /** Element ids of the cells rendered so far (findings link only to these). */
  rendered: Set<string>;
  /** Element id of a cell ("c0-2-F9"). */
  cellId(sheet: string, cell: string): string;
  /** Element id of a finding ("f0-3"). */
  findingId(index: number): string;
}

const LEVEL_CLASS: Record<string, string> = { 类: 'lv1', 款: 'lv2', 项: 'lv3' };

/** Amounts as a reader expects them: thousands separated, at least two decimals. */
function amountText(cell: AmountCell): string {
  if (cell.state !== 'number' || cell.value === null) return cell.raw;
  const fixed = cell.value.toFixed(Math.max(2, cell.decimals));
  const [whole = '', fraction] = fixed.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign ? whole.slice(1) : whole;
  return `${sign}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction === undefined ? '' : `.${fraction}`}`;
}

function findingLine(f: Finding): string {
  return `[${SEVERITY_ZH[f.severity]}] ${f.ruleId}：${f.message}`;
}

function amountCell(table: Table, cell: AmountCell | undefined, ctx: TableContext): string {
  if (!cell) return '<td class="amt"></td>';
  const address = `${table.sheet}!${cell.ref.cell}`;
  const mark = ctx.marks.get(address);
  const classes = ['amt'];
  if (cell.state === 'unreadable') classes.push('unreadable');
  const tip = [address];
  if (cell.state === 'unreadable' && cell.reason) tip.push(`不能识别：${cell.reason}`);
  if (cell.fromFormula) tip.push('公式结果');
  let content = esc(amountText(cell));
  let data = '';
  if (mark) {
    const primary = mark.primary.map((i) => ctx.findings[i]);
    const worst: Severity | undefined = worstOf(primary);
    if (worst) classes.push('hit', worst);
    else classes.push('rel');
    if (ctx.culprits.has(address)) {
      classes.push('culprit');
      tip.splice(1, 0, '最可能的出错单元格');
    }
    tip.push(...primary.map(findingLine));
    tip.push(...mark.related.map((i) => `（相关）${findingLine(ctx.findings[i])}`));
    const ids = [...mark.primary, ...mark.related].map((i) => ctx.findingId(i));
    data = ` data-f="${ids.join(' ')}"`;
    content = `<a href="#${ids[0]}">${content || '\u00a0'}</a>`;
  }
  const id = ctx.cellId(table.sheet, cell.ref.cell);
  ctx.rendered.add(id);
  return `<td id="${id}" class="${classes.join(' ')}" title="${attr(tip.join('\n'))}"${data}>${content}</td>`;
}

interface Block {
  id: string;
  title: string;
  columns: TableColumn[];
  /** Whether the block's rows have a 行次/code, a label (09 has neither): columns shown only if so. */
  keys: boolean;
  labels: boolean;
}

/** Blocks in sheet order; a block's title is the first header level its columns share ("收入", "预算数"). */
function blocksOf(table: Table): Block[] {
  const blocks: Block[] = [];
  for (const column of table.columns) {
    let block = blocks.find((b) => b.id === column.block);
    if (!block) {
      const rows = table.rows.filter((r) => r.block === column.block);
      block = {
        id: column.block,
        title: column.header.split('/')[0]?.replace(/\s+/g, '') ?? '',
        columns: [],
        keys: rows.some((r) => keyText(r) !== ''),
        labels: rows.some((r) => r.label !== ''),
      };
      blocks.push(block);
    }
    block.columns.push(column);
  }
  return blocks;
}

function keyText(row: TableRow): string {
  if (row.key.line !== undefined) return String(row.key.line);
  return row.key.code ?? '';
}

function keyHeading(rows: TableRow[]): string {
  return rows.some((r) => r.key.line !== undefined) ? '行次' : '科目编码';
}

function blockCells(table: Table, block: Block, row: TableRow | undefined, ctx: TableContext): string {
  const level = row?.key.level ? ` ${LEVEL_CLASS[row.key.level] ?? ''}` : '';
  const code = block.keys ? `<td class="code">${esc(row ? keyText(row) : '')}</td>` : '';
  const label = block.labels ? `<td class="label${level}">${esc(row?.label ?? '')}</td>` : '';
  return (
    code +
    label +
    block.columns.map((c) => (row ? amountCell(table, row.cells[c.id], ctx) : '<td class="amt"></td>')).join('')
  );
}

/** One table of the model as laid out in the sheet: blocks side by side, one line per sheet row. */
export function renderTable(table: Table, ctx: TableContext): string {
  const blocks = blocksOf(table);
  const lines = new Map<number, Map<string, TableRow>>();
  for (const row of table.rows) {
    const line = lines.get(row.sheetRow) ?? new Map<string, TableRow>();
    line.set(row.block, row);
    lines.set(row.sheetRow, line);
  }
  const head: string[] = [];
  if (blocks.length > 1) {
    head.push(
      `<tr><th class="rn" rowspan="2"></th>${blocks.map((b) => `<th class="block" colspan="${b.columns.length + Number(b.keys) + Number(b.labels)}">${esc(b.title)}</th>`).join('')}</tr>`,
    );
  }
  const names = blocks
    .map((b) => {
      const rows = table.rows.filter((r) => r.block === b.id);
      const columns = b.columns.map(
        (c) =>
          `<th title="${attr(`${c.col} 列：${c.header}`)}">${esc(c.name)}<span class="col">${esc(c.col)}</span></th>`,
      );
      return `${b.keys ? `<th>${keyHeading(rows)}</th>` : ''}${b.labels ? '<th>项目</th>' : ''}${columns.join('')}`;
    })
    .join('');
  head.push(`<tr>${blocks.length > 1 ? '' : '<th class="rn"></th>'}${names}</tr>`);
  const body = [...lines.entries()]
    .sort(([a], [b]) => a - b)
    .map(([sheetRow, byBlock]) => {
      const rows = [...byBlock.values()];
      const classes = [
        rows.some((r) => r.key.total || r.role?.endsWith('total')) ? 'total' : '',
        rows.some((r) => r.hidden) ? 'hidden-row' : '',
      ]
        .filter((c) => c !== '')
        .join(' ');
      const title = `第 ${sheetRow} 行${rows.some((r) => r.hidden) ? '（隐藏行）' : ''}`;
      const cells = blocks.map((b) => blockCells(table, b, byBlock.get(b.id), ctx)).join('');
      return `<tr${classes ? ` class="${classes}"` : ''}><th class="rn" title="${attr(title)}">${sheetRow}</th>${cells}</tr>`;
    });
  return `<table class="grid"><thead>${head.join('')}</thead><tbody>\n${body.join('\n')}\n</tbody></table>`;
}
