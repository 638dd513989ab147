import type { FlowRow } from './flow.js';

const AMOUNT = /\d[.．]\s*\d/;
const TOTAL_WORD = /^(合计|总计|小计|栏次)/;
const INTEGER = /^\d+$/;

function filled(row: FlowRow): number[] {
  const cols: number[] = [];
  row.cells.forEach((c, i) => {
    if (c.text.trim() !== '') cols.push(i);
  });
  return cols;
}

/**
 * A line that only carries the rest of cells wrapped from the line above ("年初财政拨款结转" /
 * "和结余", "301" / "99"): one or two pieces, each under a filled cell of the line above, no
 * amount on either line, no total word, not long, and not the next number of a running count (行次 9 / 10).
 */
function continues(previous: FlowRow, row: FlowRow): boolean {
  const mine = filled(row);
  const theirs = filled(previous);
  if (mine.length === 0 || mine.length > 2 || mine.length >= theirs.length) return false;
  if (previous.cells.some((c) => (c.colSpan ?? 1) > 1) || row.cells.some((c) => (c.colSpan ?? 1) > 1)) return false;
  // two pieces continue two header words ("本年支出" / "合计"); a number beside a label is a row of its own
  if (mine.length === 2 && mine.some((i) => INTEGER.test((row.cells[i]?.text ?? '').replace(/\s+/g, '')))) return false;
  return mine.every((i) => {
    const text = (row.cells[i]?.text ?? '').replace(/\s+/g, '');
    const above = (previous.cells[i]?.text ?? '').replace(/\s+/g, '');
    if (above === '' || AMOUNT.test(text) || AMOUNT.test(above) || TOTAL_WORD.test(text)) return false;
    // the rest of a wrapped cell is short: a narrow column's second line, not a paragraph
    if (text.length > 40) return false;
    // digits continue digits ("301" / "99"), words continue words; a count's next number is a new row
    if (INTEGER.test(text) !== INTEGER.test(above)) return false;
    if (INTEGER.test(text) && Number(text) === Number(above) + 1) return false;
    return true;
  });
}

/** Rows with cells wrapped onto the following line joined again (the text reader's rows have no geometry). */
export function joinWrappedRows(rows: FlowRow[]): FlowRow[] {
  const out: FlowRow[] = [];
  for (const row of rows) {
    const previous = out.at(-1);
    if (previous && continues(previous, row)) {
      row.cells.forEach((cell, i) => {
        const target = previous.cells[i];
        if (target && cell.text.trim() !== '') target.text = `${target.text.trimEnd()}${cell.text.trim()}`;
      });
      continue;
    }
    out.push({ ...row, cells: row.cells.map((c) => ({ ...c })) });
  }
  return out;
}
