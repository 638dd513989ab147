import { endsInAmount } from '../../util/amount-text.js';
import type { Span } from '../layout/columns.js';
import { type Glyphs, linesOf, piecesOfLine, type TextLine } from './page-text.js';

/**
 * Print titles: a spreadsheet printed with "rows to repeat at top" prints the header rows of the
 * sheet's first table again at the top of every page, also over another table the page goes on
 * with (continued from the page before, or starting below them under its own title). Such a band
 * is the page's first lines repeating, at the same places, lines printed on an earlier page; it
 * belongs to no table on its page: the table continued there joins the page before without it (as
 * when no header is repeated), a table starting there has its own header.
 */

/** Points within which two prints of one line stand at the same place. */
const SAME_PLACE = 1.5;

/** Where a run lies: in a row of a ruled table that holds an amount, in another row of one, or in none. */
export type RuledPlace = 'figures' | 'ruled' | undefined;

interface PrintedLine {
  line: TextLine;
  pieces: Span[];
  key: string;
  /**
   * It holds an amount, or lies in a ruled row that does (the first line of a label wrapped over
   * the line its row's figures are centred on): a row of data, never a header's.
   */
  figures: boolean;
  /** Some of it lies inside a ruled table. */
  ruled: boolean;
}

function printed(line: TextLine, places: RuledPlace[]): PrintedLine {
  const pieces = piecesOfLine(line);
  // a header band holds no amount (a row of figures is data, even when it repeats)
  const figures = pieces.some((p) => endsInAmount(p.text)) || places.includes('figures');
  return {
    line,
    pieces,
    key: pieces.map((p) => p.text).join('|'),
    figures,
    ruled: places.some((p) => p !== undefined),
  };
}

/** The same words at the same places across (its height on the page aside). */
function samePlaces(a: PrintedLine, b: PrintedLine): boolean {
  return (
    a.key === b.key &&
    Math.abs(a.line.size - b.line.size) <= 0.5 &&
    a.pieces.every((p, i) => Math.abs(p.start - (b.pieces[i]?.start ?? Number.NaN)) <= SAME_PLACE)
  );
}

/**
 * How many of `top`'s first lines repeat `earlier` from its line `at` on, line for line, as far
 * apart as there (none where a line repeats its words out of place); none unless they start a table there (nothing of a table above them: not the
 * middle of a form whose sections repeat from project to project) and rows of figures follow
 * them (the header of a table, not the part of a header the page's end cut, which an office suite
 * prints again on the next page).
 */
function repeated(top: PrintedLine[], earlier: PrintedLine[], at: number): number {
  const above = earlier[at - 1];
  if (above?.ruled || above?.figures) return 0;
  const y0 = (top[0] as PrintedLine).line.y;
  const e0 = (earlier[at] as PrintedLine).line.y;
  let k = 0;
  while (k < top.length && at + k < earlier.length) {
    const a = top[k] as PrintedLine;
    const b = earlier[at + k] as PrintedLine;
    // a line of a data row there (a blank row's label wrapped alike here) ends the header
    if (!samePlaces(a, b) || b.figures) break;
    // the same words a few points off their place: a header whose rows a word processor repeats,
    // one of them drawn a little taller or shorter here; no band can be told line by line, and the
    // part in place dropped would leave the rest as a row of the table (whose repeated rows are the
    // table's to drop, read-pdf.ts)
    if (Math.abs(a.line.y - y0 - (b.line.y - e0)) > SAME_PLACE) return 0;
    k += 1;
  }
  return earlier.slice(at + k).some((l) => l.figures) ? k : 0;
}

export interface PrintTitlePage {
  runs: Glyphs[];
}

/**
 * The runs of repeated header bands to leave out of the pages. `keep` tells the page's lines from
 * its running header and footer (not looked at); `placeOf` where a run lies in the page's ruled tables.
 * A band starts a page's text, is header rows of a table (each line inside a ruled table or in two
 * pieces or more, one at least in two, none with an amount: a title repeated at the top of each
 * page is no band), and repeats lines that start a table on an earlier page, above rows of
 * figures. It is kept
 * where it can be the header of a table starting at the top of its page: the page before ended in
 * text (a title, a note), and a row follows it rather than a title.
 */
export function printTitleRuns<P extends PrintTitlePage>(
  pages: P[],
  keep: (page: P, line: TextLine) => boolean,
  placeOf: (page: P, run: Glyphs) => RuledPlace,
): Set<Glyphs> {
  const out = new Set<Glyphs>();
  const seen: PrintedLine[][] = [];
  // where each line's words were printed before: page (in `seen`) and line
  const places = new Map<string, [number, number][]>();
  let endedInTable = false;
  pages.forEach((page) => {
    const lines = linesOf(page.runs)
      .filter((line) => keep(page, line))
      .map((line) =>
        printed(
          line,
          line.items.map((run) => placeOf(page, run)),
        ),
      )
      .filter((l) => l.pieces.length > 0);
    // the lines a band can hold: header rows of a table (in its rules, or in columns), up to a title,
    // a note or a row of figures (data rows the page before may happen to print alike)
    const end = lines.findIndex((l) => (l.pieces.length < 2 && !l.ruled) || l.figures);
    const top = lines.slice(0, end < 0 ? lines.length : end);
    let band = 0;
    for (const [p, at] of top[0] ? (places.get(top[0].key) ?? []) : [])
      band = Math.max(band, repeated(top, seen[p] ?? [], at));
    // a header spreads over columns: a lone label at the top (the rest of a row the page's end broke) is none
    if (!top.slice(0, band).some((l) => l.pieces.length >= 2)) band = 0;
    const next = lines[band];
    const ownHeader = !endedInTable && next !== undefined && next.pieces.length >= 2;
    if (band > 0 && next !== undefined && !ownHeader)
      for (const l of lines.slice(0, band)) for (const run of l.line.items) out.add(run);
    const last = lines.at(-1);
    endedInTable = last !== undefined && (last.pieces.length >= 3 || last.figures || last.ruled);
    lines.forEach((l, i) => {
      const list = places.get(l.key) ?? [];
      list.push([seen.length, i]);
      places.set(l.key, list);
    });
    seen.push(lines);
  });
  return out;
}
