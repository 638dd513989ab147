import type { FlowCell } from './flow.js';

/** A piece of text on a line and the horizontal extent it occupies (characters, or PDF points). */
export interface Span {
  start: number;
  end: number;
  text: string;
}

interface Band {
  start: number;
  end: number;
}

function overlap(a: Band, b: Band): number {
  return Math.min(a.end, b.end) - Math.max(a.start, b.start);
}

/**
 * Column bands of a table laid out by position alone (pdftotext -layout, an unruled PDF table):
 * the extents of the pieces on the fullest lines, merged where they overlap. Amounts are
 * right-aligned and labels left-aligned, so one column's pieces overlap from line to line while
 * neighbouring columns keep a gap. Header cells spanning several columns are left out here (they
 * stand on lines with fewer pieces) and placed over the bands they cover afterwards.
 */
export function bandsOf(lines: Span[][]): Band[] {
  const most = Math.max(0, ...lines.map((l) => l.length));
  const anchor = lines.filter((l) => l.length >= Math.max(2, Math.ceil(most * 0.6)));
  const from = anchor.length > 0 ? anchor : lines;
  // a header word over several columns (公务用车购置及运行维护费 over 小计, 购置费, 运行费) stands above
  // two or more pieces of another line: it marks no column of its own
  const spanning = (span: Span, line: Span[]) =>
    !/\d/.test(span.text) &&
    from.some((other) => other !== line && other.filter((o) => overlap(o, span) > 0).length >= 2);
  const extents = from
    .flatMap((line) => line.filter((span) => !spanning(span, line)))
    .map((s) => ({ start: s.start, end: s.end }));
  extents.sort((a, b) => a.start - b.start);
  const bands: Band[] = [];
  for (const e of extents) {
    const last = bands.at(-1);
    if (last && e.start < last.end) last.end = Math.max(last.end, e.end);
    else bands.push({ ...e });
  }
  return joinExclusive(bands, lines);
}

/**
 * Neighbouring bands that no line fills both of are one column printed two ways: a 栏次 number
 * or header word centred over a wide column, the amounts below it right-aligned, so their
 * extents never touch. Two real columns meet on some line (the header, the 栏次 row, a data row).
 * The closest such pair is joined first: a header word spanning several columns (决算数 over four)
 * stands nearer the column it overhangs than one column's two halves stand apart.
 */
function joinExclusive(bands: Band[], lines: Span[][]): Band[] {
  if (bands.length < 2) return bands;
  // the lines each band holds a piece of (a piece over several bands is a spanning header: none)
  const holders = bands.map(() => new Set<number>());
  lines.forEach((line, i) => {
    for (const span of line) {
      const { band, count } = assign(span, bands);
      if (count === 1) holders[band]?.add(i);
    }
  });
  const out = bands.map((b, i) => ({ ...b, held: holders[i] as Set<number> }));
  for (;;) {
    let best = -1;
    for (let i = 0; i + 1 < out.length; i += 1) {
      const [a, b] = [out[i], out[i + 1]] as [(typeof out)[number], (typeof out)[number]];
      if (a.held.size === 0 || b.held.size === 0 || [...b.held].some((l) => a.held.has(l))) continue;
      const gap = b.start - a.end;
      const bestGap = best < 0 ? Number.POSITIVE_INFINITY : (out[best + 1] as Band).start - (out[best] as Band).end;
      if (gap < bestGap) best = i;
    }
    if (best < 0) break;
    const [a, b] = [out[best], out[best + 1]] as [(typeof out)[number], (typeof out)[number]];
    out.splice(best, 2, { start: a.start, end: Math.max(a.end, b.end), held: new Set([...a.held, ...b.held]) });
  }
  return out.map(({ start, end }) => ({ start, end }));
}

/** The band a piece belongs to, and how many bands it covers. */
function assign(span: Span, bands: Band[]): { band: number; count: number } {
  const covered = bands.map((b, i) => [i, overlap(span, b)] as const).filter(([, o]) => o > 0);
  if (covered.length > 0) {
    // a piece that reaches only a sliver into a neighbour (under a quarter of the narrower of the
    // two) belongs to the band it mostly covers
    const width = span.end - span.start;
    const main = covered.filter(
      ([i, o]) =>
        covered.length === 1 || o >= Math.min(width, (bands[i] as Band).end - (bands[i] as Band).start) * 0.25,
    );
    const used = main.length > 0 ? main : covered;
    return { band: used[0]?.[0] ?? 0, count: used.length };
  }
  // in a gap (a centred header over a narrow column): the nearest band by centre
  const centre = (span.start + span.end) / 2;
  let best = 0;
  let distance = Number.POSITIVE_INFINITY;
  bands.forEach((b, i) => {
    const d = Math.abs((b.start + b.end) / 2 - centre);
    if (d < distance) [best, distance] = [i, d];
  });
  return { band: best, count: 1 };
}

/** The lines' pieces as table rows: one cell per band, a piece covering several bands spans them. */
export function alignColumns(lines: Span[][], bands: Band[] = bandsOf(lines)): FlowCell[][] {
  return lines.map((line) => {
    const texts: string[] = bands.map(() => '');
    const spans: number[] = bands.map(() => 1);
    for (const span of [...line].sort((a, b) => a.start - b.start)) {
      const { band, count } = assign(span, bands);
      texts[band] = texts[band] === '' ? span.text : `${texts[band]} ${span.text}`;
      spans[band] = Math.max(spans[band] ?? 1, count);
    }
    const cells: FlowCell[] = [];
    for (let i = 0; i < bands.length; ) {
      const span = texts[i] === '' ? 1 : Math.min(spans[i] ?? 1, bands.length - i);
      // a spanning piece swallows the (empty) bands it covers; text under it stays its own cell
      let width = 1;
      while (width < span && texts[i + width] === '') width += 1;
      cells.push(width > 1 ? { text: texts[i] ?? '', colSpan: width } : { text: texts[i] ?? '' });
      i += width;
    }
    return cells;
  });
}
