import type { FlowRow } from './flow.js';

const AMOUNT = /\d[.．]\s*\d/;
// traditional forms too: a mirror site's converted copy (合計, 總計, 小計, 欄次)
const TOTAL_WORD = /^(合[计計]|[总總][计計]|小[计計]|[栏欄]次)/;
const INTEGER = /^\d+$/;
const TOTAL_END = /(合[计計]|[总總][计計])$/;
/** A label that starts an item of its own: 十三、… （二）… 3. … 其中：… */
const ITEM_START = /^(?:其中|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[、.．](?!\d))/;

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
 * Also the row a word processor starts a page with when it breaks a row over two (read-pdf.ts).
 */
export function continues(previous: FlowRow, row: FlowRow): boolean {
  const mine = filled(row);
  const theirs = filled(previous);
  if (mine.length === 0 || mine.length > 2) return false;
  // a row of fewer pieces; or, where the reader knows the label above reached its column's edge,
  // the rest of that label alone (a row of one label: 十四、资源勘探工业信息等支 / 出), not a new item
  const restOfFull =
    mine.length === 1 &&
    previous.cells[mine[0] as number]?.full === true &&
    !ITEM_START.test((row.cells[mine[0] as number]?.text ?? '').trim());
  if (mine.length >= theirs.length && !restOfFull) return false;
  if (previous.cells.some((c) => (c.colSpan ?? 1) > 1) || row.cells.some((c) => (c.colSpan ?? 1) > 1)) return false;
  // two pieces continue two header words ("本年支出" / "合计"); a number beside a label is a row of its own
  if (mine.length === 2 && mine.some((i) => INTEGER.test((row.cells[i]?.text ?? '').replace(/\s+/g, '')))) return false;
  // two labels side by side wrapped on the same line of figures (年初… / 和结余 beside 年末… / 和结余)
  // leave rests clearly shorter than their heads; two labels as long are rows of their own (a
  // 财政拨款收入支出决算总表 without 行次: 一般公共预算财政拨款 under 年初财政拨款结转和结余)
  const figures = previous.cells.some((c) => AMOUNT.test(c.text));
  return mine.every((i) => {
    const text = (row.cells[i]?.text ?? '').replace(/\s+/g, '');
    const above = (previous.cells[i]?.text ?? '').replace(/\s+/g, '');
    if (above === '' || AMOUNT.test(text) || AMOUNT.test(above) || TOTAL_WORD.test(text)) return false;
    // a new item (十三、…, （二）…) starts a row; a total's label (本年收入合计) is whole
    if (ITEM_START.test(text) || TOTAL_END.test(above)) return false;
    // the rest of a wrapped cell is short: a narrow column's second line, not a paragraph
    if (text.length > 40) return false;
    if (mine.length === 2 && figures && text.length * 4 > above.length * 3) return false;
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
        if (!target || cell.text.trim() === '') return;
        target.text = `${target.text.trimEnd()}${cell.text.trim()}`;
        // the joined cell now ends where its last line ends
        if (target.full !== undefined) target.full = cell.full;
      });
      continue;
    }
    out.push({ ...row, cells: row.cells.map((c) => ({ ...c })) });
  }
  return out;
}
