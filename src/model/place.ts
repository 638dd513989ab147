import type { FindingLocation } from './finding.js';
import type { CellPlace } from './grid.js';
import type { CellRef, Table } from './types.js';

/**
 * Where a cell or paragraph of a published report is, as a reader finds it on paper or screen:
 * "第 5 页 · 表 3 第 12 行第 4 列" (PDF), "第 120 行第 4 列" (text), "表 3 第 12 行第 4 列" (Word,
 * HTML), "第 12 段" (a paragraph of Word or HTML); a cell of a recognised table by its names:
 * "第 5 页 · 支出决算表 · 2010350 事业运行 · 基本支出", "第 120 行 · …", "表 3 · …".
 */
export function placeText(place: CellPlace): string {
  const names = place.names;
  if (names) {
    // where on paper (the page, the line, the table's number), then what the cell is
    const where =
      place.page !== undefined
        ? `第 ${place.page} 页`
        : place.line !== undefined
          ? `第 ${place.line} 行`
          : place.table !== undefined
            ? `表 ${place.table}`
            : '';
    return [where, names.table, names.row, names.column].filter((p) => p !== '').join(' · ');
  }
  const parts: string[] = [];
  if (place.page !== undefined) parts.push(`第 ${place.page} 页`);
  const cell = place.row !== undefined && place.col !== undefined ? `第 ${place.row} 行第 ${place.col} 列` : '';
  if (place.line !== undefined) parts.push(`第 ${place.line} 行${place.col !== undefined ? `第 ${place.col} 列` : ''}`);
  else if (place.table !== undefined) parts.push(`表 ${place.table}${cell ? ` ${cell}` : ''}`);
  if (place.paragraph !== undefined) parts.push(`第 ${place.paragraph} 段`);
  return parts.join(' · ');
}

/** A cell as messages name it: sheet!A1 in a workbook, its place in a published report. */
export function refText(ref: CellRef): string {
  return ref.place ? placeText(ref.place) : `${ref.sheet}!${ref.cell}`;
}

/** The place fields of a finding location (absent for a workbook cell). */
export function placeFields(place: CellPlace | undefined): Partial<FindingLocation> {
  if (!place) return {};
  const out: Partial<FindingLocation> = {};
  if (place.page !== undefined) out.page = place.page;
  if (place.line !== undefined) out.line = place.line;
  if (place.paragraph !== undefined) out.paragraph = place.paragraph;
  if (place.table !== undefined) out.tableNumber = place.table;
  if (place.row !== undefined) out.row = place.row;
  if (place.col !== undefined) out.col = place.col;
  return out;
}

/** A finding location's published place, or '' for a workbook location. */
export function locationPlaceText(location: FindingLocation): string {
  const place: CellPlace = {};
  if (location.page !== undefined) place.page = location.page;
  if (location.line !== undefined) place.line = location.line;
  if (location.paragraph !== undefined) place.paragraph = location.paragraph;
  if (location.tableNumber !== undefined) place.table = location.tableNumber;
  if (location.row !== undefined) place.row = location.row;
  if (location.col !== undefined) place.col = location.col;
  return placeText(place);
}

/** A table read from a published report (its cells have places, not worksheet addresses). */
export function publishedTable(t: Table): boolean {
  return t.rows.some((r) => Object.values(r.cells).some((c) => c.ref.place !== undefined));
}

/** Where a published table was found: the pages (PDF), lines (text) or table number (Word, HTML) of its cells. */
export function tablePlace(t: Table): string {
  const places = t.rows.flatMap((r) => Object.values(r.cells).flatMap((c) => (c.ref.place ? [c.ref.place] : [])));
  const span = (values: number[], unit: string) => {
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    return lo === hi ? `第 ${lo} ${unit}` : `第 ${lo}–${hi} ${unit}`;
  };
  const pages = places.flatMap((p) => (p.page !== undefined ? [p.page] : []));
  const lines = places.flatMap((p) => (p.line !== undefined ? [p.line] : []));
  const tables = places.flatMap((p) => (p.table !== undefined ? [p.table] : []));
  if (pages.length > 0) return span(pages, '页');
  if (lines.length > 0) return span(lines, '行');
  return tables.length > 0 ? `表格 ${span(tables, '个').replace(/^第 | 个$/g, '')}` : t.sheet;
}
