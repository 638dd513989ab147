import type { Page } from './page-flow.js';
import { isPageNumber, linesOf } from './page-text.js';
import { type RuledTable, sameLines } from './rulings.js';
import {
  bandOf,
  type Body,
  bodyOf,
  cutAtLeft,
  joined,
  pairsOf,
  sameRows,
  TITLE_SIZE,
  titleRuns,
} from './piece-pairing.js';

/**
 * A sheet wider than the page, printed without fit-to-width (the default of LibreOffice Calc and
 * Excel), comes out in pieces side by side: the left piece holds the row labels (codes, names) and
 * the first columns, the next page the columns after them at the same row heights, with no labels
 * of their own, each piece starting at the page's left margin. Read page by page, the pieces are
 * tables of amounts without a row to name them. A piece is laid back to the right of the page
 * before it where the rows prove it: the same row lines top to bottom (the header band aside,
 * where each piece merges cells its own way), and either nothing in the body rows but figures, or
 * text cut by the page's left edge (a merged title, a wrapped header carried over the cut), or the
 * sheet's title on it and none on the page to its left. What a new sheet looks like keeps it
 * apart: a title of its own on both pages, or a first column that would have fitted on the page to
 * its left (the suite fills a page with every column that fits). The joined page is one page to
 * everything after: its tables, titles and notes read as the sheet.
 */

/** How far back a piece's left neighbour is looked for: the page rows of one sheet printed down, then over. */
const LOOK_BACK = 12;

/**
 * The column lines of a page's first table: the pages of one column of pieces share them. (Not a
 * table open on one side: the rows of a merged header at the page's edge, its column lines not drawn.)
 */
function columnsOf(page: Page): number[] | undefined {
  return page.tables.find((t) => !t.open)?.xs;
}

/**
 * The pages a piece may continue: the last run of pages with the same columns (pages without a
 * table, the notes of a sheet run on below it, in between). Calc prints a sheet "top to bottom,
 * then left to right" by default: the left pieces of all its page rows, then the pieces beside
 * them in the same order; the other order ("left to right, then down") puts each piece after the
 * one to its left. Either way the piece's neighbour is in that run.
 */
function candidates(out: Page[]): number[] {
  const run: number[] = [];
  let columns: number[] | undefined;
  for (let k = out.length - 1; k >= 0 && k >= out.length - LOOK_BACK; k -= 1) {
    const own = columnsOf(out[k] as Page);
    if (!own) continue;
    if (columns && !sameLines(columns, own)) break;
    columns = own;
    run.unshift(k);
  }
  return run;
}

/** The band at the foot of a page where its running footer stands (as page-flow's margins). */
const FOOT = 0.08;

/**
 * The page ends in a table's title (its last line below its tables, the footer aside, in a larger
 * size than their text, or naming a table: …表): the table starts on the next page.
 */
function endsInTitle(page: Page): boolean {
  const bottom = Math.min(...page.tables.map((t) => t.ys.at(-1) as number));
  const foot = page.bottom + (page.top - page.bottom) * FOOT;
  const below = page.runs.filter((run) => run.y < bottom && run.y > foot && !isPageNumber(run.text));
  const last = linesOf(below).at(-1);
  if (!last) return false;
  const text = last.items.map((run) => run.text).join('');
  const sizes = page.runs.filter((run) => page.tables.some((t) => bandOf(t, run) >= 0)).map((run) => run.size);
  return /表$/.test(text) || (sizes.length > 0 && last.size >= Math.min(...sizes) * TITLE_SIZE);
}

/**
 * The tables of the pages in `run` whose rows `page`'s tables continue, as a piece's would; `bodies` are the bodies
 * of `page`'s tables (bodyOf), worked out once for every table they are set against.
 */
function rowsAlike(
  out: Page[],
  run: number[],
  page: Page,
  bodies: (Body | undefined)[],
): { k: number; table: RuledTable }[] {
  const tops = page.tables.map((b, i) => bodies[i]?.top ?? (b.ys.at(-1) as number));
  return run.flatMap((k) =>
    (out[k] as Page).tables
      .filter((a) => page.tables.some((b, i) => sameRows(a, b, tops[i] as number, true)))
      .map((table) => ({ k, table })),
  );
}

/**
 * A piece no page took (its rows not proven any page row's): its text cut by its left edge, or
 * tables of figures alone under no title. Neither begins a table of its own: its labels are on a
 * page before it; so a page with the rows it continues lacks its columns. Tables of figures alone
 * are a piece only beside such a page, and not after a page ending in a title (a one-row table,
 * 三公 经费, whose title ended the page before).
 */
function unjoinedPiece(out: Page[], k: number, before: Page | undefined): { k: number; table: RuledTable }[] {
  const page = out[k] as Page;
  if (page.tables.length === 0) return [];
  const bodies = page.tables.map((t) => bodyOf(t, page.runs));
  const alike = rowsAlike(out, candidates(out.slice(0, k)), page, bodies);
  const own = page.tables.map((table) => ({ k, table }));
  if (cutAtLeft(page)) return [...own, ...alike];
  const figuresAlone = bodies.every((b) => b?.figures && !b.labels) && titleRuns(page).length === 0;
  if (!figuresAlone || alike.length === 0 || (before && endsInTitle(before))) return [];
  return [...own, ...alike];
}

/**
 * Of the pages in `unruled` (their rules not read: running text alone, by its lines), those that
 * may be the piece to the left of a later page's, whose text its left edge cuts (a wide sheet's
 * first column alone on its pages has one text to a line, like running text).
 */
export function leftPiecesUnruled(pages: Page[], unruled: Set<number>): number[] {
  const found = new Set<number>();
  pages.forEach((page, k) => {
    if (!cutAtLeft(page)) return;
    for (let j = Math.max(0, k - LOOK_BACK); j < k; j += 1) {
      const n = (pages[j] as Page).number;
      if (unruled.has(n)) found.add(n);
    }
  });
  return [...found].sort((a, b) => a - b);
}

/**
 * Pages with the side-by-side pieces of a wide sheet joined into one page each (see above). A piece
 * whose rows more than one page of the run could take is left alone, unless one of them is the page
 * after the last piece's neighbour.
 *
 * A piece joined to a page with pages after it in the run (its page rows printed down, then over)
 * shows the order of the sheet's pages: those page rows, from its neighbour on, take the pieces
 * after it in turn, the next column of pieces starting again at the top. The page row the order
 * expects takes a piece on less evidence: labels of its own (a sheet of several tables one below
 * the other holds other tables' names in its later columns), one row in common, a line or two more
 * above or below (a border drawn with a merged cell), a table where the page row drew no rules.
 * A piece no page row takes ends the sheet.
 */
export function joinSidePieces(pages: Page[]): Page[] {
  // how far right the tables reach on pages of each width: where the printable area ends, or short of it
  const reach = new Map<number, number>();
  for (const page of pages) {
    const width = Math.round(page.width);
    for (const t of page.tables) reach.set(width, Math.max(reach.get(width) ?? 0, t.xs.at(-1) as number));
  }
  const out: Page[] = [];
  // how far right each page's last piece was moved (0: none joined): its own right edge lies that much left
  const shifts: number[] = [];
  let lastNeighbour = -1;
  // the page rows of the sheet printed down then over (indices into out), while its pieces come
  let rows: number[] | undefined;
  const join = (page: Page, run: number[], expected: number, inOrder: boolean) => {
    const before = pages[pages.indexOf(page) - 1];
    const afterTitle = before !== undefined && endsInTitle(before);
    const found = run.flatMap((k) => {
      const width = reach.get(Math.round(page.width)) ?? 0;
      const pairs = pairsOf(out[k] as Page, shifts[k] ?? 0, page, width, inOrder && k === expected, afterTitle);
      return pairs ? [{ k, ...pairs }] : [];
    });
    const chosen = found.length === 1 ? found[0] : found.find((f) => f.k === expected);
    if (!chosen) return undefined;
    out[chosen.k] = joined(out[chosen.k] as Page, page, chosen);
    shifts[chosen.k] = chosen.dx;
    lastNeighbour = chosen.k;
    return chosen.k;
  };
  for (const page of pages) {
    if (rows) {
      const expected = lastNeighbour === rows.at(-1) ? (rows[0] as number) : lastNeighbour + 1;
      if (join(page, rows, expected, true) !== undefined) continue;
      rows = undefined;
    }
    const run = candidates(out);
    const k = join(page, run, lastNeighbour < 0 ? -1 : lastNeighbour + 1, false);
    if (k === undefined) {
      out.push(page);
      shifts.push(0);
    } else if (k < (run.at(-1) as number)) rows = run.filter((j) => j >= k);
  }
  // the pieces left on their own, and the tables whose columns they hold: read in part
  // (each page of out keeps the number of the page it started from, numbered in order)
  const first = pages[0]?.number ?? 1;
  const partial = new Map<number, Set<RuledTable>>();
  out.forEach((_, k) => {
    const before = pages[(out[k] as Page).number - first - 1];
    for (const { k: j, table } of unjoinedPiece(out, k, before))
      partial.set(j, (partial.get(j) ?? new Set()).add(table));
  });
  return out.map((page, k) => {
    const tables = partial.get(k);
    return tables ? { ...page, partial: [...(page.partial ?? []), ...tables] } : page;
  });
}
