import type { Unit } from '../../model/types.js';
import type { AmountMention, PercentMention } from '../claims.js';
import { parsePercent } from '../../reader/amount.js';
import { sourceSlice } from '../text/normalise.js';
import type { ParaText } from './para.js';
import { type BarCell, barCells, cellAmount, unitOf } from './table-rows.js';

/**
 * A table rendered as text inside a narrative, one row a paragraph, its cells between bars ("项目 | 预算数 |
 * 决算数", "合计 | 80.70 | 74.23"; a table copied one cell per line is joined into such rows first,
 * vertical-table.ts). Read only where its structure is certain: a header row names the columns, every row
 * of the body is a name followed by figures (or blanks) in those columns, or a name alone (a heading).
 * Anything else inside the body (a second name, a figure with a word: "29.5亩") leaves the table unread.
 */
export interface TextTable {
  /** Each column's name from the header (column 0 is the rows' names; '' where the header leaves it blank). */
  columns: string[];
  rows: TableRow[];
  unit: Unit;
}

/** How a row's name is marked: 其中, an ordinal of one of the outline's kinds, or nothing. */
export type RowMark = 'of-which' | 'cn' | 'paren-cn' | 'num' | 'paren-num' | 'circled' | 'none';

export type TableCell =
  | { kind: 'amount'; amount: AmountMention }
  | { kind: 'percent'; percent: PercentMention }
  | { kind: 'blank' };

export interface TableRow {
  p: ParaText;
  /** The row's name without its ordinal or 其中. */
  name: string;
  mark: RowMark;
  /** Per column (index 0 is the name: always blank here). A heading row has none but blanks. */
  cells: TableCell[];
}

const MARKS: [Exclude<RowMark, 'none' | 'of-which'>, RegExp][] = [
  ['cn', /^[一二三四五六七八九十]{1,3}、/u],
  ['paren-cn', /^（[一二三四五六七八九十]{1,3}）/u],
  ['num', /^[0-9]{1,2}[.、](?![0-9])/u],
  ['paren-num', /^（[0-9]{1,2}）/u],
  ['circled', /^[①-⑳]/u],
];
const OF_WHICH = /^其中[：:]?/u;

function markOf(text: string): { mark: RowMark; name: string } {
  const ofWhich = OF_WHICH.exec(text);
  let rest = ofWhich ? text.slice(ofWhich[0].length) : text;
  let mark: RowMark = ofWhich ? 'of-which' : 'none';
  for (const [kind, re] of MARKS) {
    const m = re.exec(rest);
    if (!m) continue;
    if (!ofWhich) mark = kind;
    rest = rest.slice(m[0].length);
    break;
  }
  return { mark, name: rest.replace(/[：:]$/u, '') };
}

/** A cell that states nothing: empty, or a dash or slash written in its place. */
const BLANK = /^(?:|-{1,2}|—{1,2}|－|\/|／|无)$/u;

function percentCell(p: ParaText, cell: BarCell): PercentMention | undefined {
  if (!/^-?[0-9][0-9,]*(?:\.[0-9]+)?%$/u.test(cell.text)) return undefined;
  const parsed = parsePercent(cell.text.replace(/,/gu, ''));
  if (!parsed) return undefined;
  const end = cell.start + cell.text.length;
  return {
    start: cell.start,
    end,
    value: parsed.value,
    decimals: parsed.decimals,
    text: sourceSlice(p.n, cell.start, end),
  };
}

/** A cell read as a figure, a blank, or (undefined) words. */
function tableCell(p: ParaText, cell: BarCell, unit: Unit): TableCell | undefined {
  if (BLANK.test(cell.text)) return { kind: 'blank' };
  const amount = cellAmount(p, cell, unit);
  if (amount) return { kind: 'amount', amount };
  const percent = percentCell(p, cell);
  return percent ? { kind: 'percent', percent } : undefined;
}

type Line = { kind: 'row'; row: TableRow } | { kind: 'header'; names: string[] } | { kind: 'other' };

/** The cells of a row without the blanks it ends with (a converted table pads its rows with bars). */
function trimmed(text: string): BarCell[] {
  const all = barCells(text);
  while (all.length > 0 && BLANK.test((all.at(-1) as BarCell).text)) all.pop();
  return all;
}

/** A column of words beside the figures ("增减原因", "备注"): what a row writes there is no figure of it. */
const WORDS_COLUMN = /原因|备注|说明/u;

/**
 * One line of a table rendered as text. `header`: the header row right above, as written (its blanks too);
 * where the line has as many cells, the words under a column of words are read as a blank.
 */
function lineOf(p: ParaText, unit: Unit, header: string[] | undefined): Line {
  const all = trimmed(p.n.text);
  const first = all[0];
  if (!first) return { kind: 'other' };
  const aligned = header !== undefined && header.length === barCells(p.n.text).length;
  const read = all
    .slice(1)
    .map((c, i) =>
      aligned && WORDS_COLUMN.test(header[i + 1] ?? '') ? { kind: 'blank' as const } : tableCell(p, c, unit),
    );
  const words = read.filter((c) => c === undefined).length;
  const figures = read.filter((c) => c !== undefined && c.kind !== 'blank').length;
  const named = !BLANK.test(first.text) && tableCell(p, first, unit) === undefined;
  // a header: names only, two or more of them, no figure anywhere
  if (
    figures === 0 &&
    tableCell(p, first, unit)?.kind !== 'amount' &&
    all.filter((c) => !BLANK.test(c.text)).length >= 2
  )
    return { kind: 'header', names: all.map((c) => c.text) };
  if (!named || words > 0) return { kind: 'other' };
  const { mark, name } = markOf(first.text);
  const cells: TableCell[] = [{ kind: 'blank' }, ...(read as TableCell[])];
  return { kind: 'row', row: { p, name, mark, cells } };
}

/**
 * The columns' names for a body `width` cells wide: the lowest header row as wide as the body, or one
 * cell narrower (the name column's header merged into the row above: "项目 | 预算数 | 决算数" over
 * "合计 | 一般公共预算 | 政府性基金 | 合计 | …"). undefined when no header row fits.
 */
function columnsFor(headers: string[][], width: number): string[] | undefined {
  // the two rows right above the body: a line further up ("项目名称 | …") names no column of it
  const rows = headers.slice(-2).map(withoutTrailingBlanks);
  const [upper, lower] = rows.length === 2 ? rows : [undefined, rows[0]];
  const fits = (names: string[] | undefined) =>
    names?.length === width ? names : names?.length === width - 1 ? ['', ...names] : undefined;
  return fits(lower) ?? (upper && lower ? grouped(upper, lower, width) : undefined) ?? fits(upper);
}

/** A header row's names without the blanks it ends with. */
export function withoutTrailingBlanks(names: string[]): string[] {
  const out = names.slice();
  while (out.length > 0 && BLANK.test(out.at(-1) as string)) out.pop();
  return out;
}

/** The header of the rows' names: "项目", "项目及编号", "科目名称", "支出类别". */
const ROWS_NAMED = /^(?:项目|科目|名称|类别|内容|指标)|(?:项目|科目|名称|类别)(?:及编号|编号)?$/u;

/**
 * "项目 | 2023年预算数 | 2024年预算数 | 比上年增减情况" over "增减金额 | 增减幅度": the upper row's last name heads a
 * group of the last columns, merged over them, and the row below names each of them — as many as the columns the
 * upper row leaves unnamed. Each column of the group is named with the group's name and its own.
 */
export function grouped(upper: string[], lower: string[], width: number): string[] | undefined {
  const group = upper.length - 1;
  if (group < 1 || lower.length < 2 || lower.length !== width - group) return undefined;
  // the upper row must head the rows' names too ("项目"): one that starts with a figure column's name ("合计 |
  // 一般公共预算 | …") leaves the name column's header to the row above, and its last name heads no group
  if (!ROWS_NAMED.test(upper[0] as string)) return undefined;
  const head = upper[group] as string;
  return [...upper.slice(0, group), ...lower.map((name) => `${head}${name}`)];
}

/**
 * "二、增减变化原因说明：……。 |": a sentence in the one cell of its line is running text after the table that a
 * conversion left a bar beside — the table ends there, as at a line without bars; no row of it.
 */
function runningText(p: ParaText): boolean {
  const cells = trimmed(p.n.text);
  return cells.length === 1 && /。/u.test((cells[0] as BarCell).text);
}

/**
 * The tables rendered as text in a run of paragraphs: each run of rows with bars, its header rows, and the
 * body below them up to the run's end or the next header. A body holding a row that is neither a name
 * with figures nor a heading is no table read (its columns are not certain).
 */
export function textTables(paras: readonly ParaText[]): TextTable[] {
  const out: TextTable[] = [];
  let unit: Unit = '万元';
  let headers: string[][] = [];
  let body: TableRow[] = [];
  let broken = false;
  /** The last header row as written, its blank cells too. */
  let written: string[] | undefined;
  /** How many bar-separated cells the body's rows are written with. */
  let width = 0;
  const close = () => {
    const columns = columnsFor(headers, Math.max(0, ...body.map((r) => r.cells.length)));
    if (!broken && columns && body.some((r) => r.cells.some((c) => c.kind !== 'blank')))
      out.push({
        columns,
        // every row as wide as the header: the blanks a row ends with are written as blanks
        rows: body.map((r) => ({
          ...r,
          cells: [
            ...r.cells,
            ...Array.from({ length: columns.length - r.cells.length }, () => ({ kind: 'blank' as const })),
          ],
        })),
        unit,
      });
    body = [];
    broken = false;
  };
  for (const p of paras) {
    if (!p.n.text.includes('|') || runningText(p)) {
      close();
      headers = [];
      written = undefined;
      unit = unitOf(p) ?? unit;
      continue;
    }
    const line = lineOf(p, unit, written);
    const bars = p.n.text.split('|').length;
    if (line.kind === 'header') {
      if (body.length > 0) {
        close();
        headers = [];
      }
      headers.push(line.names);
      written = barCells(p.n.text).map((c) => c.text);
      continue;
    }
    // a table converted from a page writes every row of its body with as many bars: a row with another count
    // leaves which rows belong together uncertain (a row cut short, or the next table's rows without a header)
    if (body.length === 0) width = bars;
    else if (bars !== width) broken = true;
    if (line.kind === 'row') body.push(line.row);
    else if (body.length > 0) broken = true;
  }
  close();
  return out;
}
