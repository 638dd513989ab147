import type { Catalog, CatalogTable } from '../../catalog/types.js';
import { EMPTY_CELL, type CellPlace, type Grid, type GridCell } from '../../model/grid.js';
import { labelKey, normalise } from '../../util/text.js';
import { isPrintedAmount } from '../../util/amount-text.js';
import { codeLevel } from '../codes.js';
import type { HeaderColumn, HeaderLayout } from '../header.js';
import { type HeaderMatch, isHeaderWord, knownWords, matchHeader, type SlotGroup } from './header-words.js';
import { type Figure, figureOf, type Placed, type Placement, placedCells, placements } from './placement.js';
import { narrowByTree, type TreeRow } from './tree-sums.js';

/**
 * A table printed with one space between its cells (src/io/text/spaced.ts hands its lines on
 * whole): its header matched to the catalog's columns (header-words.ts), each body line cut into
 * its code, label and figures — two or three such parts side by side on one line where the table
 * prints halves (收入 | 支出, 基本支出表's 人员经费 | 公用经费) — and the figures placed by the
 * table's sums (placement.ts). The result is the grid the other readers give, with the cells no
 * arithmetic can place marked as such, and the header layout over it: the row reader does the rest.
 */

interface Segment {
  code?: string;
  /** 行次, where the table prints one after each label. */
  line?: string;
  label: string[];
  figures: Figure[];
  /** The label has a line printed above the code (a wrapped label cell): its rest may follow below. */
  wrapped?: boolean;
}

/** A line of the table as printed: its words; `held`, the indexes of words standing in figures' cells. */
interface BodyLine {
  row: number;
  words: string[];
  held?: Set<number>;
}

interface Line {
  row: number;
  segments: Segment[];
}

const TOTAL_LABEL = /^(?:合计|总计)$/;
const STUB = /^[栏欄]次$/;
/** The header words over split code columns. */
const CODE_PART_WORD = /^[类款项]$/;
const NUMBERED = /^[一二三四五六七八九十]+、/;

function codeStart(word: string, table: CatalogTable): boolean {
  if (table.rowKey !== 'function-code' && table.rowKey !== 'economic-code') return false;
  const scheme = table.rowKey === 'function-code' ? 'function' : 'economic';
  return /^\d{3}(?:\d{2}){0,2}$/.test(word) && codeLevel(word, scheme) !== null;
}

/** The labels of `table`'s named rows and (where a block lists them) its function classes, as label keys. */
function rowLabels(table: CatalogTable, catalog: Catalog): Map<string, Set<number>> {
  const labels = new Map<string, Set<number>>();
  const add = (label: string, block: number) => {
    const key = labelKey(label);
    labels.set(key, (labels.get(key) ?? new Set()).add(block));
  };
  table.blocks.forEach((block, b) => {
    for (const role of block.roles) for (const l of role.labels) add(l, b);
    if (block.classRows) for (const names of Object.values(catalog.functionClasses)) for (const n of names) add(n, b);
  });
  for (const role of table.summaryRoles)
    for (const l of role.labels)
      table.blocks.forEach((_, b) => {
        add(l, b);
      });
  return labels;
}

/** A label starts a row of its own (line-keyed tables): numbered (一、), or a named row's label. */
function startsRow(word: string, labels: Map<string, Set<number>>): boolean {
  return NUMBERED.test(word) || labels.has(labelKey(word));
}

/** The parts of a body line: [code] label words, then figures; a code, or a word after figures, starts the next. */
function segmentsOf(
  words: string[],
  table: CatalogTable,
  labels: Map<string, Set<number>>,
  held: ReadonlySet<number> = new Set(),
  numbered = false,
): Segment[] {
  const segments: Segment[] = [];
  let current: Segment | undefined;
  const open = (): Segment => {
    current = { label: [], figures: [] };
    segments.push(current);
    return current;
  };
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i] as string;
    const figure = held.has(i) ? { text: word, value: null, decimals: 2, word: true } : figureOf(word);
    if (
      codeStart(word, table) &&
      (figure === undefined || !current || current.figures.length > 0 || current.label.length > 0 || current.code)
    ) {
      const segment = open();
      segment.code = word;
      // a code printed in parts: 201 03 50, 301 01
      while (segment.code.length < 7 && /^\d{2}$/.test(words[i + 1] ?? '')) {
        segment.code += words[i + 1];
        i += 1;
      }
      continue;
    }
    // the 行次 after a label (a table with a 行次 column): the row's number, not a figure
    const at = current as Segment | undefined;
    if (numbered && /^\d{1,3}$/.test(word)) {
      if (at && at.line === undefined && at.figures.length === 0) at.line = word;
      // (a half without a label: its 行次 alone)
      else open().line = word;
      continue;
    }
    if (figure) {
      (current ?? open()).figures.push(figure);
      continue;
    }
    const last = current as Segment | undefined;
    if (
      !last ||
      last.figures.length > 0 ||
      last.line !== undefined ||
      (last.label.length > 0 && table.rowKey === 'line' && startsRow(word, labels))
    )
      open().label.push(word);
    else last.label.push(word);
  }
  return segments;
}

/** Whether a line's parts make a row (rather than the wrapped rest of a label). */
function isRow(segments: Segment[], table: CatalogTable, labels: Map<string, Set<number>>): boolean {
  return segments.some(
    (s) =>
      s.code !== undefined ||
      s.figures.length > 0 ||
      TOTAL_LABEL.test(normalise(s.label.join(''))) ||
      (table.rowKey === 'line' && s.label.length > 0 && startsRow(s.label[0] as string, labels)) ||
      labels.has(labelKey(s.label.join(''))),
  );
}

/** The groups a part may stand in when a line has fewer parts than the table has groups (one when sure). */
function groupsOf(
  segment: Segment,
  groups: SlotGroup[],
  table: CatalogTable,
  labels: Map<string, Set<number>>,
  lastClass: (string | undefined)[],
): number[] {
  const all = groups.map((_, i) => i);
  if (segment.code !== undefined) {
    const hits = lastClass.flatMap((c, g) => (c !== undefined && c === segment.code?.slice(0, 3) ? [g] : []));
    if (hits.length === 1) return hits;
    // parts that hold the same columns (基本支出表's halves): a row known by its code stands in any of them
    const ids = (g: SlotGroup) => g.slots.map((slot) => slot.column.id).join();
    const alike = groups.every((g) => ids(g) === ids(groups[0] as SlotGroup));
    return segment.figures.length === 0 || alike ? [groups.length - 1] : all;
  }
  const key = labelKey(segment.label.join(''));
  let blocks = labels.get(key);
  if (!blocks && key.length >= 4)
    for (const [label, b] of labels) if (label.startsWith(key)) blocks = new Set([...(blocks ?? []), ...b]);
  const candidates = groups.flatMap((g, i) =>
    blocks && [...blocks].some((b) => g.slots[0]?.block === table.blocks[b]) ? [i] : [],
  );
  return candidates.length > 0 ? candidates : all;
}

export interface SpacedRead {
  grid: Grid;
  layout: HeaderLayout;
}

export interface SpacedUnmatched {
  /** The header's words that name no column of the table. */
  unmatched: string[];
}

/** The first and last rows of the lines a text reader handed on whole under a title; undefined when none. */
function spacedRows(grid: Grid, top: number, lastRow: number): number[] {
  const rows: number[] = [];
  for (let r = top + 1; r <= lastRow; r += 1) if (grid.place?.(r, 1)?.spaced) rows.push(r);
  return rows;
}

const wordsOf = (grid: Grid, row: number) =>
  grid
    .cell(row, 1)
    .text.trim()
    .split(/\s+/)
    .filter((w) => w !== '');

/**
 * The table under the title at `top` read from its single-space lines, when it has such lines:
 * the grid laid out by columns and its header layout, or the header words no column is named by.
 */
export function readSpacedTable(
  grid: Grid,
  table: CatalogTable,
  catalog: Catalog,
  top: number,
  lastRow: number,
): SpacedRead | SpacedUnmatched | undefined {
  const rows = spacedRows(grid, top, lastRow);
  if (rows.length === 0) return undefined;
  const labels = rowLabels(table, catalog);
  const parsed: BodyLine[] = rows.map((row) => ({ row, words: wordsOf(grid, row) }));
  const amountAt = parsed.findIndex(({ words }) => words.some(isPrintedAmount));
  const numbered = parsed
    .slice(0, amountAt < 0 ? parsed.length : amountAt)
    .some(({ words }) => words.some((w) => normalise(w) === '行次'));
  const known = knownWords(table, catalog);
  // (a 栏次 row's numbers are the header's too)
  const headerWord = (w: string) => /^\d{1,2}$/.test(w) || isHeaderWord(w, known);
  // 类 款 项 printed at the start of the first row (the header's last row beside 合计): the header's
  for (const line of parsed) {
    let lead = 0;
    while (lead < line.words.length - 1 && CODE_PART_WORD.test(line.words[lead] as string)) lead += 1;
    if (lead >= 2 && line.words.slice(lead).some((w) => figureOf(w) !== undefined)) line.words = line.words.slice(lead);
  }
  const first = parsed.findIndex(({ words }) => {
    // the 栏次 row (栏次 1 2 3 …) is the header's
    if (STUB.test(words[0] ?? '') || words.every((w) => /^\d{1,2}$/.test(w))) return false;
    const segments = segmentsOf(words, table, labels, undefined, numbered);
    if (segments.some((s) => s.figures.length > 0)) return true;
    // a row without figures, unless all its words are the header's (小计 一般公共预算财政拨款 …)
    // 合计 alone (its figures blank): the total row of a table printed empty
    if (words.length === 1 && TOTAL_LABEL.test(normalise(words[0] ?? ''))) return table.rowKey !== 'single';
    return table.rowKey !== 'single' && isRow(segments, table, labels) && !words.every(headerWord);
  });
  // the first line of a label wrapped around the first row's figures stands above it: no header word
  let start = first;
  while (start > 0 && (parsed[start - 1] as { words: string[] }).words.some((w) => !headerWord(w))) start -= 1;
  const body = first < 0 ? [] : parsed.slice(start);
  const header = (first < 0 ? parsed : parsed.slice(0, start)).map((p) => p.words);
  // the header's last row printed in the first body line (合计 … 合计 基本支出 项目支出 …): its words are the header's
  const firstLine = body[first - start];
  if (firstLine && table.blocks.length === 1) {
    const match = matchHeader([firstLine.words.slice(1).filter((w) => !figureOf(w))], table, catalog, true);
    const named = 'groups' in match ? match.groups.flatMap((g) => g.slots.map((s) => s.word)) : [];
    if (named.length >= 2) {
      // (they stand in the row's cells: held there as words, so that the figures keep their places)
      header.push(firstLine.words.slice(1).filter((w) => !figureOf(w)));
      firstLine.held = new Set(firstLine.words.flatMap((w, i) => (i > 0 && !figureOf(w) ? [i] : [])));
    }
  }
  const empty = !body.some(({ words }) => words.some((w) => figureOf(w) !== undefined));
  const match: HeaderMatch = matchHeader(empty ? parsed.map((p) => p.words) : header, table, catalog, empty);
  if ('unmatched' in match) return { unmatched: match.unmatched };
  const { groups } = match;
  const lines = linesOf(body, table, labels, numbered);
  return laidOut(grid, table, groups, lines, rows, first < 0 ? undefined : (rows[start] as number), labels, numbered);
}

/** Body lines as rows: the wrapped rest of a label joins its row's label, a line of figures alone its row's. */
function linesOf(body: BodyLine[], table: CatalogTable, labels: Map<string, Set<number>>, numbered: boolean): Line[] {
  const lines: Line[] = [];
  let loose: string[] = [];
  const keyed = table.rowKey === 'function-code' || table.rowKey === 'economic-code';
  for (const { row, words, held } of body) {
    const segments = segmentsOf(words, table, labels, held, numbered);
    const previous = lines.at(-1);
    const figuresOnly = segments.length === 1 && segments[0]?.label.length === 0 && segments[0].code === undefined;
    if (figuresOnly && keyed && previous) {
      // the figures of a row whose code and label went on the lines above (a label wrapped around them)
      const waiting = previous.segments.find((s) => s.code !== undefined && s.figures.length === 0);
      if (waiting) {
        waiting.figures.push(...(segments[0] as Segment).figures);
        continue;
      }
    }
    if (!isRow(segments, table, labels)) {
      // the wrapped rest of a label: with the row above, unless the row below waits for its label
      loose.push(words.join(' '));
      continue;
    }
    if (loose.length > 0) {
      // a label wrapped around its row's figures: its first line above the row, its last below;
      // between two such rows the first loose line ends the row above, the rest start the row below
      const open = previous?.segments.find((s) => s.wrapped);
      const bare = segments.find((s) => s.label.length === 0 && keyed);
      if (open) {
        open.label.push(...(bare ? loose.slice(0, 1) : loose));
        open.wrapped = false;
        loose = bare ? loose.slice(1) : [];
      }
      if (bare && loose.length > 0) {
        bare.label.push(...loose);
        bare.wrapped = true;
      } else if (previous && loose.length > 0) attach(previous, loose);
      loose = [];
    }
    lines.push({ row, segments });
  }
  const last = lines.at(-1);
  if (loose.length > 0 && last) attach(last, loose);
  return lines;
}

function attach(line: Line, words: string[]): void {
  const target =
    line.segments.find((s) => s.wrapped) ?? line.segments.find((s) => s.label.length === 0) ?? line.segments.at(-1);
  target?.label.push(...words);
}

/** The grid of the table's rows laid out by column, and its layout; rows outside the lines as they were. */
function laidOut(
  grid: Grid,
  table: CatalogTable,
  groups: SlotGroup[],
  lines: Line[],
  spaced: number[],
  dataStart: number | undefined,
  labels: Map<string, Set<number>>,
  numbered: boolean,
): SpacedRead {
  const keyed = table.rowKey === 'function-code' || table.rowKey === 'economic-code';
  // columns: per group [code] label amounts…
  const columns: HeaderColumn[] = [];
  const starts: number[] = [];
  let col = 1;
  for (const group of groups) {
    const block = (group.slots[0] as SlotGroup['slots'][number]).block;
    starts.push(col);
    if (keyed) columns.push({ col: col++, levels: ['科目编码'], role: { kind: 'structural', role: 'code' }, block });
    columns.push({ col: col++, levels: ['项目'], role: { kind: 'structural', role: 'label' }, block });
    if (numbered) columns.push({ col: col++, levels: ['行次'], role: { kind: 'structural', role: 'line' }, block });
    for (const slot of group.slots)
      columns.push({
        col: col++,
        levels: [slot.word],
        role: { kind: 'amount', id: slot.column.id },
        block: slot.block,
        column: slot.column,
      });
  }
  const width = col - 1;
  // each line's parts, the groups they stand in, and the placements their own figures allow
  const lastClass: (string | undefined)[] = groups.map(() => undefined);
  const parts = lines.flatMap((line) => {
    // a line without codes in a code table of parts alike (基本支出表's 人员经费合计 | 公用经费合计): in order
    const ids = (g: SlotGroup) => g.slots.map((slot) => slot.column.id).join();
    const alike = groups.every((g) => ids(g) === ids(groups[0] as SlotGroup));
    const assigned: number[][] =
      line.segments.length === groups.length || (keyed && alike && line.segments.every((seg) => seg.code === undefined))
        ? line.segments.map((_, i) => [i])
        : line.segments.length < groups.length
          ? line.segments.map((seg) => groupsOf(seg, groups, table, labels, lastClass))
          : line.segments.map(() => []);
    const taken = new Set(assigned.flatMap((a) => (a.length === 1 ? a : [])));
    return line.segments.flatMap((segment, s) => {
      const sure = assigned[s]?.length === 1;
      // a part whose half is not known: its row in each half it may be, its figures in neither
      const into = sure ? (assigned[s] as number[]) : (assigned[s] ?? []).filter((g) => !taken.has(g));
      if (!sure && segment.figures.length === 0) return [];
      if (sure && segment.code) lastClass[into[0] as number] = segment.code.slice(0, 3);
      return into.map((g) => {
        const group = groups[g] as SlotGroup;
        const found = sure ? placements(segment.figures, group.slots.length, group.sums) : [];
        return { row: line.row, segment, group: g, found };
      });
    });
  });
  // a table of one group keyed by codes: its column sums narrow what its lines leave open
  if (keyed && groups.length === 1) {
    const tree: TreeRow[] = parts.map((p) => ({
      ...(p.segment.code ? { code: p.segment.code } : {}),
      total: p.segment.code === undefined && TOTAL_LABEL.test(normalise(p.segment.label.join(''))),
      figures: p.segment.figures,
      found: p.found,
    }));
    narrowByTree(tree, (groups[0] as SlotGroup).slots.length);
    tree.forEach((t, i) => {
      (parts[i] as { found: Placement[] }).found = t.found;
    });
  }
  const laid = new Map<number, GridCell[]>();
  for (const { row, segment, group: g, found } of parts) {
    const cells = laid.get(row) ?? new Array<GridCell>(width).fill(EMPTY_CELL);
    const group = groups[g] as SlotGroup;
    let at = starts[g] as number;
    if (keyed) cells[at++ - 1] = textCell(segment.code ?? '');
    cells[at++ - 1] = textCell(segment.label.join(''));
    if (numbered) cells[at++ - 1] = textCell(segment.line ?? '');
    placedCells(segment.figures, found, group.slots.length).forEach((placed, k) => {
      cells[at + k - 1] = cellOf(placed, segment.figures);
    });
    laid.set(row, cells);
  }
  for (const line of lines) if (!laid.has(line.row)) laid.set(line.row, new Array<GridCell>(width).fill(EMPTY_CELL));
  const blankRows = new Set(spaced.filter((r) => !laid.has(r)));
  const relaid: Grid = {
    ...grid,
    colCount: Math.max(grid.colCount, width),
    cell: (r, c) => laid.get(r)?.[c - 1] ?? (blankRows.has(r) ? EMPTY_CELL : grid.cell(r, c)),
    place: (r, c): CellPlace => grid.place?.(r, laid.has(r) ? 1 : c) ?? {},
  };
  delete (relaid as { storedCols?: unknown }).storedCols;
  const headerRows = spaced.filter((r) => dataStart === undefined || r < dataStart);
  const layout: HeaderLayout = {
    dataStart: dataStart ?? (spaced.at(-1) as number) + 1,
    headerRows,
    columns,
    unmapped: [],
  };
  return { grid: relaid, layout };
}

function textCell(text: string): GridCell {
  return text === '' ? EMPTY_CELL : { content: { kind: 'text', value: text }, text, mergedSlave: false };
}

function cellOf(placed: Placed, figures: Figure[]): GridCell {
  if ('figure' in placed) return textCell((figures[placed.figure] as Figure).text);
  if ('blank' in placed) return EMPTY_CELL;
  return { content: { kind: 'unplaced', figures: figures.map((f) => f.text) }, text: '', mergedSlave: false };
}
