/**
 * Ruling lines of a PDF page and the tables they draw. Lines come as stroked paths (m/l/re + S)
 * or as thin filled rectangles (Word and WPS export cell borders so); both become horizontal and
 * vertical segments in page space. Segments that touch form a table; its distinct rows and
 * columns of lines cut it into slots, and a missing line between two slots merges them.
 */
export interface Segment {
  /** Horizontal: y fixed, x from a to b. Vertical: x fixed, y from a to b. */
  at: number;
  a: number;
  b: number;
}

export interface RuledTable {
  /** Column boundaries left to right, row boundaries top to bottom (y decreasing, PDF space). */
  xs: number[];
  ys: number[];
  /** Whether the line between two slots is drawn: vertical lines per row band, horizontal per column band. */
  vertical: boolean[][];
  horizontal: boolean[][];
  /** The side whose edge no border draws: the rules run on to it (see withOpenEdge). */
  open?: 'left' | 'right';
  /** The page's end cut the first (top) or last (bottom) row: the rest of it is on the page before or after (see withCutRows). */
  cut?: { top?: boolean; bottom?: boolean };
}

type Matrix = [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** The operator numbers this file needs (pdfjs's OPS table). */
export interface Ops {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
}

/** Draw codes inside a constructPath buffer (pdfjs DrawOPS). */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

/** Thinner than this (points) a filled rectangle is a line; longer than MIN_LENGTH it counts. */
const THIN = 2.5;
const MIN_LENGTH = 3;
/** At most this many path operations are looked at on one page (a hostile page cannot spin). */
const MAX_OPERATIONS = 500_000;

export function segmentsOf(
  fnArray: readonly number[],
  argsArray: readonly unknown[],
  ops: Ops,
): { horizontal: Segment[]; vertical: Segment[] } {
  const horizontal: Segment[] = [];
  const vertical: Segment[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  const addLine = (x1: number, y1: number, x2: number, y2: number) => {
    if (Math.abs(y1 - y2) < 0.8 && Math.abs(x2 - x1) >= MIN_LENGTH)
      horizontal.push({ at: (y1 + y2) / 2, a: Math.min(x1, x2), b: Math.max(x1, x2) });
    else if (Math.abs(x1 - x2) < 0.8 && Math.abs(y2 - y1) >= MIN_LENGTH)
      vertical.push({ at: (x1 + x2) / 2, a: Math.min(y1, y2), b: Math.max(y1, y2) });
  };
  const addBox = (x1: number, y1: number, x2: number, y2: number, filled: boolean) => {
    const w = Math.abs(x2 - x1);
    const h = Math.abs(y2 - y1);
    if (filled) {
      // a thin filled rectangle is a rule; a larger one is shading, not a line
      if (h <= THIN && w >= MIN_LENGTH) addLine(Math.min(x1, x2), (y1 + y2) / 2, Math.max(x1, x2), (y1 + y2) / 2);
      else if (w <= THIN && h >= MIN_LENGTH) addLine((x1 + x2) / 2, Math.min(y1, y2), (x1 + x2) / 2, Math.max(y1, y2));
      return;
    }
    addLine(x1, y1, x2, y1);
    addLine(x1, y2, x2, y2);
    addLine(x1, y1, x1, y2);
    addLine(x2, y1, x2, y2);
  };
  let budget = MAX_OPERATIONS;
  for (let i = 0; i < fnArray.length && budget > 0; i += 1) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === ops.transform && args) ctm = multiply(args as Matrix, ctm);
    else if (fn === ops.paintFormXObjectBegin && args) {
      stack.push(ctm);
      const m = args[0] as Matrix | null;
      if (m && m.length === 6) ctm = multiply(m, ctm);
    } else if (fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? IDENTITY;
    else if (fn === ops.constructPath && args) {
      const op = args[0] as number;
      const buffer = (args[1] as (Float32Array | null)[] | undefined)?.[0];
      if (!buffer) continue;
      const filled = op === ops.fill || op === ops.eoFill;
      const stroked =
        op === ops.stroke ||
        op === ops.closeStroke ||
        op === ops.fillStroke ||
        op === ops.eoFillStroke ||
        op === ops.closeFillStroke ||
        op === ops.closeEOFillStroke;
      if (!filled && !stroked) continue;
      // walk the subpaths: a 4-corner closed axis-aligned path is a box, other pieces are lines
      let points: [number, number][] = [];
      let hasCurve = false;
      const flush = (closed: boolean) => {
        if (points.length >= 2 && !hasCurve) {
          const xs = points.map((p) => p[0]);
          const ys = points.map((p) => p[1]);
          const box = (points.length === 4 || points.length === 5) && new Set(xs.map((x) => x.toFixed(1))).size <= 2;
          if (box && (filled || closed))
            addBox(Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys), filled);
          else if (stroked) {
            for (let k = 1; k < points.length; k += 1) {
              const p = points[k - 1] as [number, number];
              const q = points[k] as [number, number];
              addLine(p[0], p[1], q[0], q[1]);
            }
          }
        }
        points = [];
        hasCurve = false;
      };
      for (let k = 0; k < buffer.length && budget > 0; budget -= 1) {
        const code = buffer[k++];
        if (code === MOVE) {
          flush(false);
          points.push(apply(ctm, buffer[k] as number, buffer[k + 1] as number));
          k += 2;
        } else if (code === LINE) {
          points.push(apply(ctm, buffer[k] as number, buffer[k + 1] as number));
          k += 2;
        } else if (code === CURVE) {
          hasCurve = true;
          k += 6;
        } else if (code === QUAD) {
          hasCurve = true;
          k += 4;
        } else if (code === CLOSE) {
          const first = points[0];
          if (first && points.length >= 3) points.push(first);
          flush(true);
        } else break;
      }
      flush(false);
    }
  }
  return { horizontal, vertical };
}

/**
 * Positions this close (points) are one line: the strokes of a border drawn by each cell on its
 * side, the edges of a thin filled rectangle, a line's width.
 */
const SNAP = 2;

/** The line of `lines` at `x` (within SNAP: one line), or -1. */
export function lineAt(lines: number[], x: number): number {
  return lines.findIndex((l) => Math.abs(l - x) <= SNAP);
}

/**
 * Two tables drawn with the same column (or row) lines, one for one, within SNAP: what one page
 * takes for one line, two pages drawing the same table take for one too (a table continued on the
 * next page, the pages of one column of a wide sheet's pieces).
 */
export function sameLines(a: number[] | undefined, b: number[] | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  return a.every((x, i) => Math.abs(x - (b[i] as number)) <= SNAP);
}

/** Distinct positions, within SNAP points of each other taken as one. */
function distinct(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of sorted) {
    const last = out.at(-1);
    if (last !== undefined && v - last <= SNAP) continue;
    out.push(v);
  }
  return out;
}

function covers(segments: Segment[], at: number, from: number, to: number): boolean {
  const mid = (from + to) / 2;
  return segments.some((s) => Math.abs(s.at - at) <= SNAP && s.a - SNAP <= mid && s.b + SNAP >= mid);
}

/**
 * Collinear segments that overlap or touch, merged: a table drawn cell by cell repeats every
 * border (each cell strokes its own four sides), which would make the grouping below quadratic
 * in the number of cells instead of in the number of lines.
 */
function merged(segments: Segment[]): Segment[] {
  const byPosition = [...segments].sort((a, b) => a.at - b.at);
  const out: Segment[] = [];
  // one line: positions within half a point of the next; two tables on a page whose borders stand
  // 0.5 pt apart (322.3 and 321.8) are two runs of one line, each kept where it is drawn — sorting by
  // position alone would end the first table's run at the second's and drop the other one
  for (let i = 0; i < byPosition.length; ) {
    let j = i + 1;
    while (j < byPosition.length && (byPosition[j] as Segment).at - (byPosition[j - 1] as Segment).at <= 0.5) j += 1;
    let run: Segment | undefined;
    for (const s of byPosition.slice(i, j).sort((a, b) => a.a - b.a)) {
      if (run && s.a <= run.b + SNAP) run.b = Math.max(run.b, s.b);
      else {
        run = { ...s };
        out.push(run);
      }
    }
    i = j;
  }
  return out;
}

/**
 * The column lines with the table's edge on a side it draws no border: where a merged cell runs on
 * over the page's edge to a wide sheet's next piece (项目 over the label columns, at the foot of a
 * page), the piece rules its rows up to the page's edge with the border on the other side only.
 * Every row line (two or more) runs on past the last column line to one end, and the line on the
 * other side is drawn top to bottom: that end is the table's edge. A table open on both sides
 * (rules alone, no border) is left as its column lines draw it.
 */
function withOpenEdge(
  xs: number[],
  horizontal: Segment[],
  vertical: Segment[],
): { xs: number[]; open?: 'left' | 'right' } {
  if (xs.length === 0 || horizontal.length < 2) return { xs };
  const top = Math.max(...horizontal.map((s) => s.at));
  const bottom = Math.min(...horizontal.map((s) => s.at));
  const whole = (x: number) =>
    vertical.some((s) => Math.abs(s.at - x) <= SNAP && s.a <= bottom + SNAP && s.b >= top - SNAP);
  const ends = (values: number[]) => Math.max(...values) - Math.min(...values) <= SNAP;
  const first = xs[0] as number;
  const last = xs.at(-1) as number;
  const starts = horizontal.map((s) => s.a);
  const stops = horizontal.map((s) => s.b);
  const openLeft = starts.every((a) => a < first - SNAP) && ends(starts);
  const openRight = stops.every((b) => b > last + SNAP) && ends(stops);
  if (openLeft && !openRight && whole(last)) return { xs: [Math.min(...starts), ...xs], open: 'left' };
  if (openRight && !openLeft && whole(first)) return { xs: [...xs, Math.max(...stops)], open: 'right' };
  return { xs };
}

/**
 * The row lines with a line where the page cut a row: a browser breaks the page inside a table's
 * row, drawing the row's column lines on to the page's margin but no rule under it (or, on the
 * page it continues on, over it). Where both outer column lines run on unbroken past the last
 * (first) rule to one end, that end closes the row, so its cells are read apart like every other
 * row's instead of as one line of text beside the table. A break inside a header whose first row
 * has cells merged down over the next (科目名称 beside 功能分类科目编码 over 类 | 款 | 项) cuts
 * those cells alone: the column lines from one outer edge inward run on to one end, the rest stop
 * at the rule closing the cell they divide; that end closes the row too.
 */
function withCutRows(ys: number[], xs: number[], vertical: Segment[]): { ys: number[]; cut?: RuledTable['cut'] } {
  // (a header row alone at the page's foot, cut, draws one rule: the one over it)
  if (ys.length < 1 || xs.length < 2) return { ys };
  // (collinear segments are merged: the one through a rule runs on as far as the line is unbroken)
  const lines = xs.map((x) => vertical.filter((s) => Math.abs(s.at - x) <= SNAP));
  const cut = (rule: number, down: boolean): number | undefined => {
    // where each column line drawn through the rule ends on the side away from the table
    const ends = lines.map((on) => {
      const through = on.filter((s) => s.a - SNAP <= rule && s.b + SNAP >= rule);
      if (through.length === 0) return undefined;
      return down ? Math.min(...through.map((s) => s.a)) : Math.max(...through.map((s) => s.b));
    });
    const runsOn = ends.map((e) => e !== undefined && Math.abs(e - rule) > SNAP * 2);
    const [first, last] = [ends[0], ends.at(-1)];
    if (runsOn[0] && runsOn.at(-1)) return Math.abs((first as number) - (last as number)) <= SNAP ? first : undefined;
    // one outer line runs on, the other stops at the rule; those running on are the ones next to it
    const inward = runsOn[0] ? ends : runsOn.at(-1) ? [...ends].reverse() : undefined;
    const other = inward?.at(-1);
    if (!inward || other === undefined || Math.abs(other - rule) > SNAP) return undefined;
    const n = inward.findIndex((e) => e === undefined || Math.abs(e - rule) <= SNAP * 2);
    const end = inward[0] as number;
    const running = inward.slice(0, n);
    const beyond = inward.slice(n).some((e) => e !== undefined && Math.abs(e - rule) > SNAP * 2);
    return n >= 2 && !beyond && running.every((e) => Math.abs((e as number) - end) <= SNAP) ? end : undefined;
  };
  const below = cut(ys.at(-1) as number, true);
  const above = cut(ys[0] as number, false);
  if (above === undefined && below === undefined) return { ys };
  return {
    ys: [...(above === undefined ? [] : [above]), ...ys, ...(below === undefined ? [] : [below])],
    cut: { ...(above === undefined ? {} : { top: true }), ...(below === undefined ? {} : { bottom: true }) },
  };
}

/** Tables of touching segments on one page: at least two lines each way (the edge of an open side counting as one). */
export function ruledTables(rawHorizontal: Segment[], rawVertical: Segment[]): RuledTable[] {
  const horizontal = merged(rawHorizontal);
  const vertical = merged(rawVertical);
  // group segments that touch (union-find over horizontal × vertical intersections)
  const all = [...horizontal.map((s) => ({ s, h: true })), ...vertical.map((s) => ({ s, h: false }))];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  const hs = all.flatMap((x, i) => (x.h ? [i] : []));
  const vs = all.flatMap((x, i) => (x.h ? [] : [i]));
  for (const i of hs) {
    const h = (all[i] as { s: Segment }).s;
    for (const j of vs) {
      const v = (all[j] as { s: Segment }).s;
      if (v.at >= h.a - SNAP && v.at <= h.b + SNAP && h.at >= v.a - SNAP && h.at <= v.b + SNAP)
        parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, { h: Segment[]; v: Segment[] }>();
  all.forEach((x, i) => {
    const root = find(i);
    let g = groups.get(root);
    if (!g) {
      g = { h: [], v: [] };
      groups.set(root, g);
    }
    (x.h ? g.h : g.v).push(x.s);
  });
  const tables: RuledTable[] = [];
  for (const g of groups.values()) {
    const { xs, open } = withOpenEdge(distinct(g.v.map((s) => s.at)), g.h, g.v);
    const { ys, cut } = withCutRows(distinct(g.h.map((s) => s.at)).reverse(), xs, g.v);
    if (xs.length < 2 || ys.length < 2) continue;
    // each line's segments found once (every cell's side looked through all of them: rows × columns × segments)
    const onX = xs.map((x) => g.v.filter((s) => Math.abs(s.at - x) <= SNAP));
    const onY = ys.map((y) => g.h.filter((s) => Math.abs(s.at - y) <= SNAP));
    const vertical = ys.slice(1).map((y, r) => xs.map((x, c) => covers(onX[c] as Segment[], x, y, ys[r] as number)));
    const horizontal = ys.map((y, r) => xs.slice(1).map((x, c) => covers(onY[r] as Segment[], y, xs[c] as number, x)));
    tables.push({ xs, ys, vertical, horizontal, ...(open ? { open } : {}), ...(cut ? { cut } : {}) });
  }
  return tables;
}
