import { inside, type Page } from './page-flow.js';
import { charWeight, type Glyphs, isPageNumber, linesOf, mainSize, type TextLine } from './page-text.js';

/**
 * A sheet of running text (a 情况说明 sheet) whose cells hold lines longer than the print area and
 * do not wrap, printed as it stands: the suite prints what runs past the print area on pages of
 * their own beside the sheet's page, one piece a page, each line at its row's height, every piece
 * from the page's left edge; and it cuts each piece at the print area, not at the page's edge, so
 * nothing runs past an edge to show the cut. Its text layer keeps some characters past the cut on
 * both sides: a piece's line starts with the end of the line it continues. Read page by page, each
 * line stops mid-sentence and its rest stands on the later pages as lines of their own.
 *
 * A page of lines alone (no table), each starting at its left edge, is a piece of the page to its
 * left (one of the pages before it: the sheet's page rows come first when printed down, then over)
 * when each of its lines stands at the height of one of that page's lines that runs to the page's
 * right end. A line of the piece whose start is the end of that line (the same characters, the same
 * shift for every line so proven) continues it, and is read as its rest. Where the piece's text is
 * lost (the suite drops what no page prints) nothing proves a line the other's: that line was cut
 * there, and what the piece holds of it is not read (its start is not printed: no sentence in it is
 * whole). A piece proven no page's is read as a page of its own.
 */

/** Characters a piece's line must share with the line it continues (its start, that line's end). */
const MIN_OVERLAP = 4;
/** How far back a piece's neighbour is looked for: the page rows of one sheet printed down, then over. */
const LOOK_BACK = 12;

interface Line {
  line: TextLine;
  size: number;
  start: number;
  end: number;
  /** The line's text without spaces (the pieces space what they print their own way). */
  text: string;
  /** Each character's left x, in the order of `text`. */
  xs: number[];
}

function lineOf(line: TextLine): Line {
  let text = '';
  const xs: number[] = [];
  for (const run of line.items) {
    const chars = [...run.text].filter((ch) => ch.trim() !== '');
    const weight = chars.reduce((n, ch) => n + charWeight(ch), 0);
    const scale = (run.right - run.x) / Math.max(weight, 0.1);
    let at = run.x;
    for (const ch of chars) {
      text += ch;
      xs.push(at);
      at += charWeight(ch) * scale;
    }
  }
  const first = line.items[0] as Glyphs;
  const last = line.items.at(-1) as Glyphs;
  return { line, size: mainSize(line), start: first.x, end: last.right, text, xs };
}

/** The page's lines of running text (outside its tables), page numbers aside. */
function linesOfPage(page: Page): Line[] {
  const free = page.runs.filter((run) => !page.tables.some((t) => inside(t, run)));
  return linesOf(free)
    .map(lineOf)
    .filter((l) => l.text !== '' && !isPageNumber(l.text));
}

/** The longest start of `piece` that ends `left`, in characters (0 when under MIN_OVERLAP). */
function overlap(left: string, piece: string): number {
  const head = piece.slice(0, MIN_OVERLAP);
  if (head.length < MIN_OVERLAP) return 0;
  // (the places the piece's first characters stand in the line, longest overlap first)
  for (let at = left.indexOf(head); at >= 0; at = left.indexOf(head, at + 1))
    if (piece.startsWith(left.slice(at))) return left.length - at;
  return 0;
}

/** One line of a piece with the line to its left it stands beside, and the characters they share. */
interface Pair {
  piece: Line;
  left: Line;
  shared: number;
}

/**
 * The piece's lines each with the line of `left` it stands beside (same baseline and size, running to
 * the page's right end), and whether their shared characters prove it: undefined when a line has none.
 */
function pairsWith(left: Line[], piece: Line[]): { pairs: Pair[]; proven: boolean } | undefined {
  const right = Math.max(...left.map((l) => l.end));
  const pairs: Pair[] = [];
  for (const p of piece) {
    const l = left.find(
      (c) =>
        Math.abs(c.line.y - p.line.y) <= p.size * 0.1 &&
        Math.abs(c.size - p.size) <= p.size * 0.05 &&
        c.end >= right - 2 * c.size,
    );
    if (!l) return undefined;
    pairs.push({ piece: p, left: l, shared: overlap(l.text, p.text) });
  }
  // the shared characters stand where the left line's end was printed: one shift for every line
  const shifts = pairs
    .filter((q) => q.shared > 0)
    .map((q) => (q.left.xs[q.left.text.length - q.shared] as number) - q.piece.start);
  const proven =
    shifts.length > 0 && shifts.every((d) => Math.abs(d - (shifts[0] as number)) <= (pairs[0]?.piece.size ?? 0));
  if (!proven) for (const q of pairs) q.shared = 0;
  return { pairs, proven };
}

/** Text starting at `x` starts at the page's left edge (no margin: a piece, its text cut there). */
function atLeftEdge(page: Page, x: number, size: number): boolean {
  return x <= (page.left ?? 0) + 1.5 * size;
}

/** Every line of the page starts at its left edge. */
function startsAtLeftEdge(page: Page, lines: Line[]): boolean {
  return lines.every((l) => atLeftEdge(page, l.start, l.size));
}

function cutAtLeft(page: Page, lines: Line[]): boolean {
  return lines.some((l) => l.start < (page.left ?? 0) - 0.5);
}

/**
 * Pages with the pieces of long lines printed beside them read back into their lines: each line
 * continued on a piece gets the piece's rest as a run of its own after its end (marked `beyond:
 * 'joined'`), each line whose rest was lost is marked cut (`beyond: 'cut'`), and the pieces are
 * dropped. Pages no piece stands beside are returned as they were.
 */
export function joinTextPieces(pages: Page[]): Page[] {
  // (a page's lines worked out when asked: only pages with text at their left edge, and the pages before them)
  const known = new Map<number, Line[]>();
  const linesAt = (k: number): Line[] => {
    const page = pages[k] as Page;
    let lines = known.get(k);
    if (!lines) {
      lines = page.tables.length === 0 ? linesOfPage(page) : [];
      known.set(k, lines);
    }
    return lines;
  };
  const isPiece = pages.map(() => false);
  /** For a line: the piece line that continues it, with the characters they share. */
  const next = new Map<Line, Pair>();
  const cut = new Set<Line>();
  pages.forEach((page, k) => {
    if (page.tables.length > 0 || !page.runs.some((run) => atLeftEdge(page, run.x, run.size))) return;
    const own = linesAt(k);
    if (own.length === 0 || !startsAtLeftEdge(page, own)) return;
    const found: { pairs: Pair[]; proven: boolean }[] = [];
    for (let j = k - 1; j >= 0 && j >= k - LOOK_BACK; j -= 1) {
      const left = linesAt(j);
      if (left.length === 0) continue;
      const pairing = pairsWith(left, own);
      if (pairing) found.push(pairing);
      if (pairing?.proven) break;
    }
    const proven = found.find((f) => f.proven);
    // a page cut at its left edge beside no page that proves it: its lines' left neighbours are cut
    // there (every page it may stand beside: which one, nothing tells)
    const chosen = proven ? [proven] : cutAtLeft(page, own) ? found : [];
    if (chosen.length === 0) return;
    isPiece[k] = true;
    for (const { pairs } of chosen)
      for (const pair of pairs) {
        if (pair.shared > 0) next.set(pair.left, pair);
        else cut.add(pair.left);
      }
  });
  if (!isPiece.some(Boolean)) return pages;
  const pieceLines = new Set([...next.values()].map((p) => p.piece));
  return pages.flatMap((page, k) => {
    if (isPiece[k]) return [];
    const own = known.get(k) ?? [];
    const ends = new Map<Glyphs, Glyphs>();
    for (const line of own) {
      if (pieceLines.has(line)) continue;
      let rest = '';
      let at: Line = line;
      for (let step = next.get(at); step; step = next.get(at)) {
        rest += step.piece.text.slice(step.shared);
        at = step.piece;
      }
      const lost = cut.has(at);
      if (rest === '' && !lost) continue;
      const last = line.line.items.at(-1) as Glyphs;
      ends.set(last, {
        text: rest,
        x: last.right,
        right: last.right,
        y: last.y,
        size: last.size,
        beyond: lost ? 'cut' : 'joined',
      });
    }
    if (ends.size === 0) return [page];
    return [{ ...page, runs: page.runs.flatMap((run) => (ends.has(run) ? [run, ends.get(run) as Glyphs] : [run])) }];
  });
}
