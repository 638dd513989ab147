import type { Finding, FindingLocation } from '../model/finding.js';

/**
 * An amount printed as ### (列宽不足) is a finding of its own cell, and the machine formats and the
 * baseline keep it so (the baseline matches by row: one entry per column would hide a new ### in a
 * column already accepted). A reader is served better by one line per column: an export with
 * narrow columns gives dozens of them, which bury the other findings. So the human formats
 * (stylish, markdown, html) list findings through `listedFindings`; their counts stay the findings'.
 */

/** One line of a human format: a finding, or a summary standing for the ### cells of a column. */
export interface ListedFinding {
  /** The finding listed; for a column, a summary built from its cells (rule, severity, table, column). */
  finding: Finding;
  /** The findings the line stands for: the finding alone, or the column's cells in reading order. */
  members: readonly Finding[];
  /** Where a column's summary is ("第 3 页 · 支出决算表 · 基本支出 列"); a finding's own place otherwise. */
  place?: string;
}

const NARROW = 'column-too-narrow';

/** Findings of one column of one table, by the same rule at the same severity, go together. */
function columnKey(f: Finding): string | undefined {
  const l = f.location;
  if (f.messageId !== NARROW || l.table === undefined || l.column === undefined) return undefined;
  return JSON.stringify([f.ruleId, f.severity, l.file, l.sheet, l.table, l.column]);
}

/** "3" or "3–4" for the numbers a column's cells lie on (pages, lines). */
function span(values: (number | undefined)[]): string | undefined {
  const known = values.filter((v): v is number => v !== undefined);
  if (known.length !== values.length || known.length === 0) return undefined;
  const low = Math.min(...known);
  const high = Math.max(...known);
  return low === high ? `${low}` : `${low}–${high}`;
}

/**
 * Where the cells lie, as the cells' own places say it: the pages of a PDF, the lines of a text, the
 * table of a Word or HTML document, the first and last cell of a workbook's sheet; then the table
 * (unless the sheet is named so) and the column.
 */
function columnPlace(cells: readonly Finding[]): string {
  const first = (cells[0] as Finding).location;
  const last = (cells[cells.length - 1] as Finding).location;
  const locations: FindingLocation[] = cells.map((c) => c.location);
  const pages = span(locations.map((l) => l.page));
  const lines = span(locations.map((l) => l.line));
  const where =
    pages !== undefined
      ? `第 ${pages} 页`
      : lines !== undefined
        ? `第 ${lines} 行`
        : first.tableNumber !== undefined
          ? `表 ${first.tableNumber}`
          : `${first.sheet}!${first.cell}…${last.cell}`;
  const { table, column } = (cells[0] as Finding).data;
  return [where, table !== first.sheet ? table : undefined, `${column} 列`].filter((p) => p).join(' · ');
}

/** The line standing for a column's cells: where, how many, from which row to which, and what to do. */
function columnSummary(cells: readonly Finding[], place: string): Finding {
  const first = cells[0] as Finding;
  const rows = cells.map((c) => c.data.row ?? '');
  const named = rows.length === 2 ? rows.join('、') : `${rows[0]} … ${rows[rows.length - 1]}`;
  return {
    ...first,
    message: `${place}：${cells.length} 个单元格显示 ###（${named}）：列宽不足，金额太长显示不下，印成了 #；这些格无法读取，涉及它们的校验均未进行。请加宽该列后重新导出，或对照原表核对这些数。`,
    data: { ...first.data, count: String(cells.length) },
  };
}

/**
 * The findings as a human format lists them, in their order: the ### cells of a column of a table
 * (two or more) as one line where the first of them stands, every other finding as itself.
 */
export function listedFindings(findings: readonly Finding[]): ListedFinding[] {
  const columns = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = columnKey(f);
    if (key === undefined) continue;
    const cells = columns.get(key);
    if (cells) cells.push(f);
    else columns.set(key, [f]);
  }
  const listed: ListedFinding[] = [];
  for (const f of findings) {
    const key = columnKey(f);
    const cells = key === undefined ? undefined : columns.get(key);
    if (!cells || cells.length < 2) listed.push({ finding: f, members: [f] });
    else if (cells[0] === f) {
      const place = columnPlace(cells);
      listed.push({ finding: columnSummary(cells, place), members: cells, place });
    }
  }
  return listed;
}

/** How many findings the lines stand for. */
export function findingsCount(listed: readonly ListedFinding[]): number {
  return listed.reduce((n, l) => n + l.members.length, 0);
}
