import { cuts, type Page } from './page-flow.js';
import { charWeight, type Glyphs, linesOf } from './page-text.js';
import type { RuledTable } from './rulings.js';
import { isAmountCell } from '../../util/amount-text.js';
import { DEPARTMENT_LABEL } from '../../util/department-label.js';

/**
 * Whether a page continues the page to its left as the next piece of a wide sheet printed side by
 * side (see side-pieces.ts), table by table, and the two laid side by side as one page: the
 * evidence of two pages, whichever the printing order puts together.
 */

/** Row lines this close (points) are one line of the sheet drawn on two pieces. */
const SAME_LINE = 1.5;
/**
 * At least this many row lines in common (two rows) before pieces count as one table; two (one
 * row) on the page the printing order expects (see joinSidePieces).
 */
const MIN_LINES = 3;
/** Lines one piece draws beyond the other's top or bottom (a border drawn with the merged cell above). */
const MAX_OVERHANG = 2;

/** A piece of an amount typed with spaces ("2," "156." "82"), a 栏次 or 行次 number, a percentage. */
const NUMBER_PIECE = /^[-−]?[\d,.．]*\d[\d,.．]*%?$/;
/** Three digits or more without a separator or decimals: a 功能分类 or 经济分类 code, a label. */
const CODE = /^\d{3,}$/;

/** A figure of a body row: an amount as the tables print it (a dash or a slash for none, ### too narrow), or a number. */
const isFigure = (text: string): boolean => {
  const t = text.replace(/\s+/g, '');
  return isAmountCell(t) || (NUMBER_PIECE.test(t) && !CODE.test(t));
};

/** The row band (between ys[r] and ys[r + 1], descending) of a run's middle, or -1. */
export function bandOf(table: RuledTable, run: Glyphs): number {
  const y = run.y + run.size * 0.3;
  const x = (run.x + run.right) / 2;
  if (x < (table.xs[0] as number) || x > (table.xs.at(-1) as number)) return -1;
  for (let r = 0; r < table.ys.length - 1; r += 1)
    if (y <= (table.ys[r] as number) && y >= (table.ys[r + 1] as number)) return r;
  return -1;
}

export interface Body {
  /** The top line of the body: the first row holding a figure, or the row below the last text. */
  top: number;
  /** A row of the body holds a figure. */
  figures: boolean;
  /** A row of the body holds a text that is no figure: a code or a name, a label of the piece's own. */
  labels: boolean;
}

/**
 * Where a piece's body starts, and whether it holds figures and labels. A piece without a figure
 * (blank columns under their header) has its body below its last row of text; a block of header
 * rows alone has none (undefined).
 */
export function bodyOf(table: RuledTable, runs: Glyphs[]): Body | undefined {
  // (wrapped header text spilled across a rule into the row below is the header's: page-flow's unspilled)
  const slotted = runs
    .filter((run) => !table.ys.some((y) => cuts(y, run)))
    .map((run) => ({ run, r: bandOf(table, run) }))
    .filter((s) => s.r >= 0);
  const first = Math.min(...slotted.filter((s) => isFigure(s.run.text)).map((s) => s.r));
  if (Number.isFinite(first))
    return {
      top: table.ys[first] as number,
      figures: true,
      labels: slotted.some((s) => s.r >= first && !isFigure(s.run.text)),
    };
  const last = Math.max(-1, ...slotted.map((s) => s.r));
  return last < table.ys.length - 2 ? { top: table.ys[last + 1] as number, figures: false, labels: false } : undefined;
}

const near = (ys: number[], y: number): boolean => ys.some((v) => Math.abs(v - y) <= SAME_LINE);

/**
 * The two pieces draw the same rows: top and bottom lines alike (or, with `overhang`, a line or two
 * more on one side, borders drawn with a merged cell), and inside the rows they share every line of
 * either is the other's too, except in the header band above `bodyTop`.
 */
export function sameRows(left: RuledTable, right: RuledTable, bodyTop: number, overhang: boolean): boolean {
  const hi = Math.min(left.ys[0] as number, right.ys[0] as number);
  const lo = Math.max(left.ys.at(-1) as number, right.ys.at(-1) as number);
  const within = (y: number) => y <= hi + SAME_LINE && y >= lo - SAME_LINE;
  const outside = (ys: number[]) => ys.filter((y) => !within(y)).length;
  if (
    overhang
      ? outside(left.ys) > MAX_OVERHANG || outside(right.ys) > MAX_OVERHANG
      : outside(left.ys) + outside(right.ys) > 0
  )
    return false;
  if (right.ys.filter((y) => within(y) && near(left.ys, y)).length < 2) return false;
  const header = (y: number) => y > bodyTop + SAME_LINE;
  return (
    left.ys.every((y) => !within(y) || near(right.ys, y) || header(y)) &&
    right.ys.every((y) => !within(y) || near(left.ys, y) || header(y))
  );
}

/** Larger than the tables' text by this much, a line above them is a title. */
export const TITLE_SIZE = 1.2;

/** The runs above the page's tables in a size larger than theirs: a sheet's title, on one of its pieces. */
export function titleRuns(page: Page): Glyphs[] {
  const top = Math.max(...page.tables.map((t) => t.ys[0] as number));
  const inTables = page.runs.filter((run) => page.tables.some((t) => bandOf(t, run) >= 0)).map((run) => run.size);
  const size = Math.min(...inTables);
  return page.runs.filter((run) => run.y > top && run.size >= size * TITLE_SIZE);
}

/**
 * A title line whole over the page's tables: a sheet's own title. One merged over the sheet's
 * pieces and centred on the whole width runs past the columns of the piece it starts or ends on.
 */
function ownTitle(page: Page): boolean {
  const from = Math.min(...page.tables.map((t) => t.xs[0] as number)) - SAME_LINE;
  const to = Math.max(...page.tables.map((t) => t.xs.at(-1) as number)) + SAME_LINE;
  return linesOf(titleRuns(page)).some((line) => {
    const start = Math.min(...line.items.map((run) => run.x));
    const end = Math.max(...line.items.map((run) => run.right));
    return start >= from && end <= to;
  });
}

/**
 * A 部门 line (部门：, 编制单位：, 单位名称：…) starting at the left of the page's sheet, above a
 * table: in the table's first cell, within its padding of the column line, or left of the table
 * (a blank margin column), not cut by the page's edge. That is where a template's line under the
 * title starts (部门 left, 金额单位 right), so the page is a sheet's first piece. Templates that
 * put the unit's name at the right of that line (or centre it) print it further right, on a later
 * piece too, where it marks nothing: a piece further right has that line's middle or its end.
 */
function departmentAtLeft(page: Page): boolean {
  return page.tables.some((t) =>
    page.runs.some(
      (run) =>
        run.y > (t.ys[0] as number) &&
        run.x >= (page.left ?? 0) - 0.5 &&
        run.x <= (t.xs[0] as number) + run.size &&
        DEPARTMENT_LABEL.test(run.text.trim()),
    ),
  );
}

/** Text the page's left edge cuts: a cell merged or overflowing across the cut, drawn on both pieces. */
export function cutAtLeft(page: Page): boolean {
  return page.runs.some((run) => run.x < (page.left ?? 0) - 0.5);
}

/** The run's characters whose middles fall on the side of `cut` kept, each placed by its share of the width. */
function clipped(run: Glyphs, cut: number, keepLeft: boolean): Glyphs | undefined {
  if (keepLeft ? run.right <= cut : run.x >= cut) return run;
  const chars = [...run.text];
  const weights = chars.map(charWeight);
  const scale =
    (run.right - run.x) /
    Math.max(
      weights.reduce((a, b) => a + b, 0),
      0.1,
    );
  let at = run.x;
  let text = '';
  let x = Number.POSITIVE_INFINITY;
  let right = run.x;
  chars.forEach((ch, i) => {
    const w = (weights[i] as number) * scale;
    if (keepLeft ? at + w / 2 < cut : at + w / 2 >= cut) {
      text += ch;
      x = Math.min(x, at);
      right = at + w;
    }
    at += w;
  });
  return text.trim() === '' ? undefined : { ...run, text, x, right };
}

/** Tables side by side, the right one already moved into place: its first column line is the left one's last. */
function sideBySide(a: RuledTable, b: RuledTable): RuledTable {
  const ys: number[] = [];
  for (const y of [...a.ys, ...b.ys].sort((p, q) => q - p)) if (!near(ys, y)) ys.push(y);
  const lineOf = (t: RuledTable, y: number) => t.ys.findIndex((v) => Math.abs(v - y) <= SAME_LINE);
  const bandAt = (t: RuledTable, y: number) => {
    for (let r = 0; r < t.ys.length - 1; r += 1) if (y < (t.ys[r] as number) && y > (t.ys[r + 1] as number)) return r;
    return -1;
  };
  const vertical = ys.slice(1).map((y, r) => {
    const mid = ((ys[r] as number) + y) / 2;
    const ra = bandAt(a, mid);
    const rb = bandAt(b, mid);
    const left = a.xs.map((_, k) => ra >= 0 && (a.vertical[ra]?.[k] ?? false));
    const right = b.xs.map((_, k) => rb >= 0 && (b.vertical[rb]?.[k] ?? false));
    left[left.length - 1] = (left.at(-1) ?? false) || (right[0] ?? false);
    return [...left, ...right.slice(1)];
  });
  const horizontal = ys.map((y) => {
    const la = lineOf(a, y);
    const lb = lineOf(b, y);
    return [
      ...a.xs.slice(1).map((_, c) => la >= 0 && (a.horizontal[la]?.[c] ?? false)),
      ...b.xs.slice(1).map((_, c) => lb >= 0 && (b.horizontal[lb]?.[c] ?? false)),
    ];
  });
  return { xs: [...a.xs, ...b.xs.slice(1)], ys, vertical, horizontal };
}

function moved(table: RuledTable, dx: number): RuledTable {
  return { ...table, xs: table.xs.map((x) => x + dx) };
}

/**
 * Each table of `right` with the table of `left` whose rows it continues, all alike moved; undefined
 * when one has none. `shift`: how far right the last piece joined into `left` was moved.
 * `expected`: `left` is the page row the printing order of a sheet printed down then over puts
 * next (see joinSidePieces), which takes the piece on less evidence. A piece proven one by that,
 * or by text its left edge cuts, may draw a line or two beyond its neighbour's table (a border
 * drawn with a merged cell), and a table where its neighbour drew no rules (`alone`).
 */
export function pairsOf(
  left: Page,
  shift: number,
  right: Page,
  reach: number,
  expected: boolean,
  afterTitle: boolean,
): Pairing | undefined {
  const cut = cutAtLeft(right);
  // a table under a title that ended the page before starts there: figures alone prove no piece
  if (afterTitle && !cut && !expected) return undefined;
  // (a piece proven one may draw a table where its neighbour drew none: see `alone`)
  if (right.tables.length === 0 || (right.tables.length > left.tables.length && !cut && !expected)) return undefined;
  // the suite fills a page with every column that fits: a first column that would have fitted
  // beside the page to the left is no piece of its sheet (a sheet ended there; the next one starts)
  const edge = Math.max(...left.tables.map((t) => t.xs.at(-1) as number)) - shift;
  const first = Math.min(...right.tables.map((t) => (t.xs[1] as number) - (t.xs[0] as number)));
  if (edge + first <= reach + SAME_LINE) return undefined;
  if (departmentAtLeft(right)) return undefined;
  // labels of its own make a piece a table of its own, unless the page's edge cuts text, or the
  // sheet's title is on it and not on the page to its left (a title centred over three pieces)
  // two titles of their own: two sheets, whatever their rows
  if (ownTitle(left) && ownTitle(right)) return undefined;
  // on the order's evidence, a title that starts on the piece (one its left edge does not cut)
  // under a title on the page row: a new sheet's, centred over its own pieces
  const onPage = (run: Glyphs) => run.x >= (right.left ?? 0) - 0.5;
  if (expected && titleRuns(left).length > 0 && titleRuns(right).some(onPage)) return undefined;
  const proven = cut || expected;
  const ownLabelsAllowed = proven || (titleRuns(left).length === 0 && titleRuns(right).length > 0);
  const pairs: [RuledTable, RuledTable][] = [];
  const alone: RuledTable[] = [];
  let figures = false;
  let shared = 0;
  for (const b of right.tables) {
    const body = bodyOf(b, right.runs);
    if (body?.labels && !ownLabelsAllowed) return undefined;
    figures ||= body?.figures ?? false;
    const bodyTop = body?.top ?? (b.ys.at(-1) as number);
    const a = left.tables.find((t) => !pairs.some(([u]) => u === t) && sameRows(t, b, bodyTop, proven));
    if (!a && proven && !left.tables.some((t) => overlap(t, b))) {
      alone.push(b);
      continue;
    }
    if (!a) return undefined;
    pairs.push([a, b]);
    shared += b.ys.filter((y) => near(a.ys, y)).length;
  }
  if ((!figures && !ownLabelsAllowed) || shared < (expected ? 2 : MIN_LINES)) return undefined;
  const dxs = pairs.map(([a, b]) => (a.xs.at(-1) as number) - (b.xs[0] as number));
  const dx = dxs[0] as number;
  return dxs.every((d) => Math.abs(d - dx) <= SAME_LINE) ? { pairs, alone, dx } : undefined;
}

/** The two tables share some height of the page. */
function overlap(a: RuledTable, b: RuledTable): boolean {
  return (
    Math.min(a.ys[0] as number, b.ys[0] as number) > Math.max(a.ys.at(-1) as number, b.ys.at(-1) as number) + SAME_LINE
  );
}

/**
 * How a piece continues the page to its left: each of its tables with the table whose rows it
 * continues; `alone`, tables of a piece proven one (its left edge cuts text, or it is the page
 * row expected) where the page to its left drew no table at that height (a header whose cells
 * merged on that piece draw no column line: no ruled table there), moved beside it as they are.
 */
interface Pairing {
  pairs: [RuledTable, RuledTable][];
  alone: RuledTable[];
  dx: number;
}

/** `right` laid to the right of `left`, each of its tables beside the table whose rows it continues. */
export function joined(left: Page, right: Page, { pairs, alone, dx }: Pairing): Page {
  const leftEdge = Math.max(...pairs.map(([a]) => a.xs.at(-1) as number));
  const rightEdge = Math.min(...pairs.map(([, b]) => b.xs[0] as number));
  const runs: Glyphs[] = [];
  // text cut by the seam: its part on the left page, waiting for its part on the right one
  const cutLeft: Glyphs[] = [];
  for (const run of left.runs) {
    const kept = clipped(run, leftEdge, true);
    if (kept) (kept === run ? runs : cutLeft).push(kept);
  }
  for (const run of right.runs) {
    const kept = clipped(run, rightEdge, false);
    if (!kept) continue;
    const placed = { ...kept, x: kept.x + dx, right: kept.right + dx, page: run.page ?? right.number };
    // one text over the seam (a long label run on over the blank cell beside it) stays one run
    const start = kept === run ? -1 : cutLeft.findIndex((l) => l.size === run.size && Math.abs(l.y - run.y) < 0.5);
    const head = cutLeft[start];
    if (head) {
      cutLeft.splice(start, 1);
      runs.push({ ...head, text: head.text + placed.text, right: placed.right });
    } else runs.push(placed);
  }
  runs.push(...cutLeft);
  // a table read in part stays so once joined further
  const partial = new Set(left.partial ?? []);
  const tables = left.tables.map((a) => {
    const b = pairs.find(([u]) => u === a)?.[1];
    if (!b) return a;
    const both = sideBySide(a, moved(b, dx));
    if (partial.delete(a)) partial.add(both);
    return both;
  });
  for (const b of alone) {
    const placed = moved(b, dx);
    if (unruledBeside(left, placed)) partial.add(placed);
    tables.push(placed);
  }
  return {
    ...left,
    top: Math.max(left.top, right.top),
    bottom: Math.min(left.bottom, right.bottom),
    width: Math.max(left.width, right.width + dx),
    runs,
    tables,
    ...(partial.size > 0 ? { partial: [...partial] } : {}),
  };
}

/**
 * Text of the page to the left in the rows of a table laid beside it alone, left of it and in none
 * of its tables: cells of the same rows whose column lines that page did not draw (a header's
 * merged cells, ruled on one piece and only text on the other). Where those cells' columns start
 * is not known, nor so which of the rows below them each header cell names: the table is read in
 * part (and said to be), not guessed.
 */
function unruledBeside(left: Page, table: RuledTable): boolean {
  const top = table.ys[0] as number;
  const bottom = table.ys.at(-1) as number;
  return left.runs.some((run) => {
    const y = run.y + run.size * 0.3;
    return (
      y < top &&
      y > bottom &&
      run.right <= (table.xs[0] as number) + SAME_LINE &&
      left.tables.every((t) => bandOf(t, run) < 0)
    );
  });
}
