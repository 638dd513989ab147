import type { FlowCell, FlowRow } from '../layout/flow.js';
import { holdsAmount } from '../../util/amount-text.js';

/**
 * Labels wrapped over two lines in a table without rules whose cells are centred on their rows (a
 * browser's print of a web page, a word processor's table set to centre vertically): the label's
 * first line stands half a line above the row's figures and its second half a line below, each a
 * line of its own. Read line by line, the first line joined the row above as the rest of its label
 * and the second stood alone. A line of words alone (one or two cells), half a line from a line of
 * figures whose cells under it are empty, is the start of that row's label; one half a line below
 * a row, the rest of its label.
 */

/** Where a line of the table stands: its baseline, its size, its page. */
export interface LineGeometry {
  y: number;
  size: number;
  page: number;
}

/** A line this share of its size from the next, or less (but more than a third), stands half a line away. */
const HALF_LINE = [0.3, 0.9] as const;

/** The band each cell of the row starts at (cells spanning bands count their span). */
function starts(row: FlowRow): number[] {
  let band = 0;
  return row.cells.map((cell) => {
    const at = band;
    band += cell.colSpan ?? 1;
    return at;
  });
}

function cellAt(row: FlowRow, band: number): FlowCell | undefined {
  const at = starts(row).indexOf(band);
  return at < 0 ? undefined : row.cells[at];
}

const figures = (row: FlowRow) => row.cells.some((c) => holdsAmount(c.text));

/** The bands of a line of words alone: one or two filled cells, no figure, none spanning bands. */
function wordsAlone(row: FlowRow): number[] | undefined {
  if (figures(row)) return undefined;
  const at = starts(row);
  const filled = row.cells.flatMap((cell, i) => (cell.text.trim() === '' ? [] : [i]));
  if (filled.length === 0 || filled.length > 2) return undefined;
  if (filled.some((i) => (row.cells[i]?.colSpan ?? 1) > 1)) return undefined;
  return filled.map((i) => at[i] as number);
}

function halfLine(upper: LineGeometry, lower: LineGeometry): boolean {
  const apart = (upper.y - lower.y) / Math.max(upper.size, lower.size);
  return upper.page === lower.page && apart > HALF_LINE[0] && apart < HALF_LINE[1];
}

/** The rows with centred labels' lines joined to the row whose figures they stand around. */
export function joinCentredWraps(printed: FlowRow[], lines: LineGeometry[]): FlowRow[] {
  const rows = [...printed];
  const out: { row: FlowRow; line: LineGeometry }[] = [];
  for (let k = 0; k < rows.length; k += 1) {
    const row = { ...(rows[k] as FlowRow), cells: (rows[k] as FlowRow).cells.map((c) => ({ ...c })) };
    const line = lines[k] as LineGeometry;
    const bands = wordsAlone(row);
    const next = rows[k + 1];
    const nextLine = lines[k + 1];
    // the label's first line, half a line above its row's figures, over empty cells of that row
    if (
      bands &&
      next &&
      nextLine &&
      figures(next) &&
      halfLine(line, nextLine) &&
      bands.every((b) => cellAt(next, b)?.text.trim() === '')
    ) {
      const merged = { ...next, cells: next.cells.map((c) => ({ ...c })) };
      for (const b of bands) {
        const target = cellAt(merged, b);
        const source = cellAt(row, b);
        if (target && source) target.text = source.text;
      }
      rows[k + 1] = merged;
      continue;
    }
    // its last line, half a line below the row, under that row's (now filled) label cells
    const last = out.at(-1);
    if (
      bands &&
      last &&
      figures(last.row) &&
      halfLine(last.line, line) &&
      bands.every((b) => (cellAt(last.row, b)?.text.trim() ?? '') !== '')
    ) {
      for (const b of bands) {
        const target = cellAt(last.row, b);
        const source = cellAt(row, b);
        if (target && source) target.text = `${target.text}${source.text.trim()}`;
      }
      continue;
    }
    out.push({ row, line });
  }
  return out.map((o) => o.row);
}
