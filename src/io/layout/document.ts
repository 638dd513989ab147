import type { ParagraphOrigin, SourceDocument, SourceKind } from '../../model/document.js';
import { type CellPlace, EMPTY_CELL, type Grid, type GridCell } from '../../model/grid.js';
import { type FlowItem, type LaidCell, layTable } from './flow.js';

/**
 * How far a table region reaches into the paragraphs around its tables: a table's title, marker,
 * unit and department stand in the few short lines above it, its notes (注：…, 本表无数据) in the
 * few below; tables separated by no more than a title block and notes are one region. These are
 * layout distances, not table knowledge: the recognisers decide what the lines mean.
 */
const BEFORE = 6;
const AFTER = 4;
const GAP = 12;
/** A heading of the report's own text: a part (第一部分) or a chapter (一、); never a table's note. */
const REPORT_HEADING = /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、)/;
/** A paragraph this long is running text, never a title or a unit line above a table. */
const LONG_PARAGRAPH = 60;

interface Region {
  first: number;
  last: number;
}

function regionsOf(items: FlowItem[]): Region[] {
  const regions: Region[] = [];
  let i = 0;
  while (i < items.length) {
    if (items[i]?.kind !== 'table') {
      i += 1;
      continue;
    }
    let first = i;
    const floor = regions.at(-1)?.last ?? -1;
    for (let before = 0; before < BEFORE && first - 1 > floor; before += 1) {
      const previous = items[first - 1];
      if (previous?.kind !== 'paragraph' || previous.text.length > LONG_PARAGRAPH) break;
      first -= 1;
    }
    let last = i;
    for (;;) {
      let next = last + 1;
      while (next < items.length && next - last <= GAP && items[next]?.kind === 'paragraph') next += 1;
      if (next < items.length && next - last <= GAP && items[next]?.kind === 'table') last = next;
      else break;
    }
    // the notes below the last table (AFTER < GAP - BEFORE: never the next region's title block);
    // a heading of the report's text (第一部分…, 一、…) is where the running text starts again
    for (let after = 0; after < AFTER; after += 1) {
      const next = items[last + 1];
      if (next?.kind !== 'paragraph' || REPORT_HEADING.test(next.text.trim())) break;
      last += 1;
    }
    regions.push({ first, last });
    i = last + 1;
  }
  return regions;
}

function placeText(place: CellPlace, kind: SourceKind): string {
  if (kind === 'pdf' && place.page !== undefined) return `第 ${place.page} 页`;
  if (place.line !== undefined) return `第 ${place.line} 行`;
  if (place.table !== undefined) return `表格 ${place.table}`;
  if (place.paragraph !== undefined) return `第 ${place.paragraph} 段`;
  return '';
}

/** The region's name, as a sheet name shows: "第 3–5 页", "第 120–180 行". */
function regionName(kind: SourceKind, first: CellPlace, last: CellPlace, index: number): string {
  if (kind === 'pdf' && first.page !== undefined)
    return first.page === last.page ? `第 ${first.page} 页` : `第 ${first.page}–${last.page} 页`;
  if (first.line !== undefined && last.line !== undefined) return `第 ${first.line}–${last.line} 行`;
  const a = placeText(first, kind);
  return a === '' ? `表格区域 ${index}` : a;
}

interface GridRow {
  cells: LaidCell[];
  place: CellPlace;
}

function gridOf(rows: GridRow[], name: string): Grid {
  const colCount = Math.max(0, ...rows.map((r) => r.cells.length));
  const cells: GridCell[][] = rows.map((r) =>
    r.cells.map((c) => {
      const text = c.text;
      if (text.trim() === '') return c.mergedSlave ? { ...EMPTY_CELL, mergedSlave: true } : EMPTY_CELL;
      return {
        content: c.mergedSlave ? { kind: 'empty' } : { kind: 'text', value: text },
        text,
        mergedSlave: c.mergedSlave,
      };
    }),
  );
  return {
    sheet: name,
    hidden: false,
    rowCount: rows.length,
    colCount,
    hiddenRows: new Set(),
    cell: (r, c) => cells[r - 1]?.[c - 1] ?? EMPTY_CELL,
    place: (r, c) => {
      const row = rows[r - 1];
      if (!row) return {};
      return row.cells[c - 1]?.place ?? row.place;
    },
  };
}

function originOf(file: string, place: CellPlace): ParagraphOrigin {
  const origin: ParagraphOrigin = { file };
  if (place.page !== undefined) origin.page = place.page;
  if (place.line !== undefined) origin.line = place.line;
  if (place.paragraph !== undefined) origin.paragraph = place.paragraph;
  if (place.clipped) origin.clipped = true;
  if (place.clipped && place.piece) origin.piece = true;
  return origin;
}

/**
 * The grids and running text of a published document: each region of tables with the short
 * paragraphs around them becomes one grid (a paragraph is a row with its text in the first
 * column, a table row its cells); every paragraph is running text, in order, with its place.
 */
export function documentOfFlow(file: string, kind: SourceKind, items: FlowItem[]): SourceDocument {
  const grids: Grid[] = [];
  let tableNumber = 0;
  const laid = new Map<number, LaidCell[][]>();
  items.forEach((item, index) => {
    if (item.kind === 'table') laid.set(index, layTable(item, ++tableNumber));
  });
  regionsOf(items).forEach((region, n) => {
    const rows: GridRow[] = [];
    for (let i = region.first; i <= region.last; i += 1) {
      const item = items[i];
      if (!item) continue;
      if (item.kind === 'paragraph') {
        rows.push({ cells: [{ text: item.text, mergedSlave: false, place: item.place }], place: item.place });
      } else {
        const cells = laid.get(i) ?? [];
        item.rows.forEach((row, r) => {
          rows.push({ cells: cells[r] ?? [], place: row.place });
        });
      }
    }
    const first = rows[0]?.place ?? {};
    const last = rows.at(-1)?.place ?? {};
    grids.push(gridOf(rows, regionName(kind, first, last, n + 1)));
  });
  const text = items.flatMap((item) =>
    item.kind === 'paragraph' ? [{ text: item.text, origin: originOf(file, item.place) }] : [],
  );
  return { file, kind, grids, text };
}
