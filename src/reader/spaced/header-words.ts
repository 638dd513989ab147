import type { Catalog, CatalogBlock, CatalogColumn, CatalogTable } from '../../catalog/types.js';
import { normalise } from '../../util/text.js';

/**
 * The columns a single-space table's header names, in the order printed. Such a header is broken:
 * its rows flattened onto lines, a cell's words split over the lines above and below the row in
 * the middle (`对附属单位` … `本年支出合计 基本支出 项目支出 上缴上级支出 经营支出` … `补助支出`), so
 * no position can be read from it. The columns are the catalog's own for the table, each found as
 * its header word or the word split over lines (pieces on later lines, in order), taken in the
 * catalog's order; words on one line must stand in that order. A word that belongs to no known
 * header word (a column the catalog does not have) leaves the header unmatched: the table is then
 * reported found but not mapped, never mapped by guess.
 */

export interface Slot {
  block: CatalogBlock;
  column: CatalogColumn;
  /** The header word as printed (its pieces joined). */
  word: string;
}

/** Columns a line's figures are laid into together: a block, or (三公, 预算数 | 决算数 by item) the whole table. */
export interface SlotGroup {
  slots: Slot[];
  /** Sums over the group's slots (indexes): the first is the sum of the others. */
  sums: number[][];
}

interface Word {
  line: number;
  at: number;
  text: string;
  used: boolean;
}

/**
 * Header words no column of the table is named by, beyond the catalog's structural words (项目, 科目编码, 行次 …,
 * added in knownWords): pieces of a wrapped code header, the 栏次 row, and generic amount words a header band may
 * print over columns named otherwise.
 */
const FURNITURE = [
  '功能分类',
  '经济分类',
  '栏次',
  '决算数',
  '预算数',
  '本年支出',
  '本年收入',
  '合计',
  '小计',
  '金额',
  '收入',
  '支出',
];

/** The longest pieces a word may be split into over lines. */
const MAX_PIECES = 3;

/** Words of `words` on strictly later lines, in order, whose texts join to `target` (unused ones only). */
function chainOf(words: Word[], target: string): Word[] | undefined {
  // the word whole first: 项目 … 支出 on two lines must not take the 项目支出 printed in one piece
  const whole = words.find((w) => !w.used && w.text === target);
  if (whole) return [whole];
  const walk = (rest: string, afterLine: number, depth: number): Word[] | undefined => {
    for (const w of words) {
      if (w.used || w.line <= afterLine || !rest.startsWith(w.text) || w.text === '') continue;
      if (w.text === rest) return [w];
      if (depth + 1 >= MAX_PIECES) continue;
      const tail = walk(rest.slice(w.text.length), w.line, depth + 1);
      if (tail) return [w, ...tail];
    }
    return undefined;
  };
  return walk(target, -1, 0);
}

function aliasesOf(column: CatalogColumn): string[] {
  return [...new Set([column.name, ...column.aliases].map(normalise))].sort((a, b) => b.length - a.length);
}

/** The first unused word (or word split over lines) naming `column`; its words marked used. */
function take(words: Word[], column: CatalogColumn): { words: Word[]; text: string } | undefined {
  for (const alias of aliasesOf(column)) {
    const chain = chainOf(words, alias);
    if (chain) {
      for (const w of chain) w.used = true;
      return { words: chain, text: alias };
    }
  }
  return undefined;
}

/** Whether the slots' words that share a line stand in the slots' order on it. */
function inOrder(found: { words: Word[] }[]): boolean {
  for (let i = 0; i < found.length; i += 1)
    for (let j = i + 1; j < found.length; j += 1)
      for (const a of (found[i] as { words: Word[] }).words)
        for (const b of (found[j] as { words: Word[] }).words) if (a.line === b.line && a.at > b.at) return false;
  return true;
}

/** Every word the table's header may hold, for telling a known word's piece from an unknown column. */
export function knownWords(table: CatalogTable, catalog: Catalog): string[] {
  const words = new Set(FURNITURE);
  // a band over the whole header restating the title's stem (财政拨款“三公”经费)
  for (const title of table.titles) words.add(normalise(title));
  for (const list of Object.values(catalog.structural)) for (const w of list) words.add(normalise(w));
  for (const block of table.blocks) {
    words.add(normalise(block.name));
    for (const a of block.aliases) words.add(normalise(a));
    for (const column of block.columns) for (const a of aliasesOf(column)) words.add(a);
  }
  return [...words];
}

/** The fewest characters of a piece of a header word run together with another (收入决算数). */
const MIN_PIECE = 2;

/**
 * Whether a header word is (a piece of) a known one, or two or three such pieces run together
 * (收入决算数, 一般公共预算财政拨款支出决算数: a band over the columns naming the title's stem).
 */
export function isHeaderWord(word: string, known: readonly string[]): boolean {
  const w = normalise(word);
  const piece = (text: string) => known.some((k) => k.includes(text));
  if (piece(w)) return true;
  const n = w.length;
  for (let i = MIN_PIECE; i <= n - MIN_PIECE; i += 1) {
    if (!piece(w.slice(0, i))) continue;
    const rest = w.slice(i);
    if (piece(rest)) return true;
    for (let j = MIN_PIECE; j <= rest.length - MIN_PIECE; j += 1)
      if (piece(rest.slice(0, j)) && piece(rest.slice(j))) return true;
  }
  return false;
}

/** The block words of a header line naming the blocks one by one (收入 支出; 预算数 决算数 …), or undefined. */
function blockLine(tokens: string[], blocks: readonly CatalogBlock[]): CatalogBlock[] | undefined {
  if (tokens.length < 2) return undefined;
  const named = tokens.map((t) =>
    blocks.find((b) => b.aliases.some((a) => normalise(a) === t) || normalise(b.name) === t),
  );
  return named.every((b) => b !== undefined) ? (named as CatalogBlock[]) : undefined;
}

function sumsOver(slots: Slot[], blocks: readonly CatalogBlock[]): number[][] {
  const sums: number[][] = [];
  for (const block of blocks)
    for (const list of block.sums) {
      const at = (id: string) => slots.findIndex((s) => s.block === block && s.column.id === id);
      const whole = at(list[0] as string);
      // a column the table does not print is blank: the sum holds without it
      const parts = list
        .slice(1)
        .map(at)
        .filter((i) => i >= 0);
      if (whole >= 0 && parts.length > 0) sums.push([whole, ...parts]);
    }
  return sums;
}

export type HeaderMatch = { groups: SlotGroup[] } | { unmatched: string[] };

/**
 * The slot groups a header's lines (each a list of words) name for `table`; or the words that
 * name no column of it. `lenient` (an empty table: no figure to place) keeps the columns found and
 * lets unknown words be.
 */
export function matchHeader(
  lines: readonly string[][],
  table: CatalogTable,
  catalog: Catalog,
  lenient = false,
): HeaderMatch {
  // (the 栏次 row's numbers name no column)
  const tokens = lines.map((l) => l.map(normalise).filter((t) => t !== '' && !/^\d{1,2}$/.test(t)));
  // a line naming each block once per column (预算数 决算数 预算数 决算数 …): the blocks share their columns
  const ids = (b: CatalogBlock) => b.columns.map((c) => c.id).join();
  const shared =
    table.rowKey === 'single' &&
    table.blocks.length > 1 &&
    table.blocks.every((b) => ids(b) === ids(table.blocks[0] as CatalogBlock));
  const bandAt = shared ? tokens.findIndex((t) => blockLine(t, table.blocks) !== undefined) : -1;
  const words: Word[] = tokens.flatMap((line, l) =>
    l === bandAt ? [] : line.map((text, at) => ({ line: l, at, text, used: false })),
  );
  const blocks = bandAt >= 0 ? [table.blocks[0] as CatalogBlock] : table.blocks;
  const found: { slot: Slot; words: Word[] }[] = [];
  for (const block of blocks)
    for (const column of block.columns) {
      const hit = take(words, column);
      if (hit) found.push({ slot: { block, column, word: hit.text }, words: hit.words });
    }
  const known = knownWords(table, catalog);
  const unknown = words.filter((w) => !w.used && !isHeaderWord(w.text, known)).map((w) => w.text);
  if (found.length === 0 || (!lenient && (unknown.length > 0 || !inOrder(found))))
    return {
      unmatched: unknown.length > 0 ? unknown : found.length === 0 ? tokens.flat() : ['（列的次序与标准表不同）'],
    };
  if (bandAt >= 0)
    return {
      groups: [
        sharedGroup(
          found.map((f) => f.slot),
          blockLine(tokens[bandAt] as string[], table.blocks) as CatalogBlock[],
          table,
        ),
      ],
    };
  const groups: SlotGroup[] = [];
  for (const block of table.blocks) {
    const slots = found.filter((f) => f.slot.block === block).map((f) => f.slot);
    if (slots.length > 0) groups.push({ slots, sums: sumsOver(slots, [block]) });
  }
  return { groups };
}

/**
 * One group over every block of a table whose blocks share their columns (三公: 预算数 and 决算数 of
 * each item), laid out as the band line names them: each block once (all items of the first block,
 * then of the next), or by item (预算数 决算数 under each item).
 */
function sharedGroup(items: Slot[], band: CatalogBlock[], table: CatalogTable): SlotGroup {
  const blocks = [...new Set(band)];
  const byItem = band.length === items.length * blocks.length;
  const slots: Slot[] = [];
  if (byItem) for (const item of items) for (const block of blocks) slots.push({ ...item, block });
  else for (const block of blocks) for (const item of items) slots.push({ ...item, block });
  return { slots, sums: sumsOver(slots, table.blocks) };
}
