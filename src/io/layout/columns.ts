import { isPrintedAmount } from '../../util/amount-text.js';
import type { FlowCell } from './flow.js';

/** A piece of text on a line and the horizontal extent it occupies (characters, or PDF points). */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** How many lines around a piece are looked at to tell a merged cell (a header word, a total's label). */
const NEAR_LINES = 12;

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
  const fullest = new Set(lines.filter((l) => l.length >= Math.max(2, Math.ceil(most * 0.6))));
  // and every line of figures: a sparse table (two amounts of seven filled per row) places its
  // labels and codes only on its data lines
  const figures = new Set(
    lines.filter((l) => !fullest.has(l) && l.length >= 2 && l.some((s) => isPrintedAmount(s.text))),
  );
  const from = fullest.size + figures.size > 0 ? lines.filter((l) => fullest.has(l) || figures.has(l)) : lines;
  const over = (span: Span, other: Span[]) =>
    other.length >= 3 && other.filter((o) => overlap(o, span) > 0).length >= 2;
  // the lines a piece is compared with: its neighbours and the table's first lines of columns (its
  // header), never every line (a 10,000-row table would take a hundred million comparisons)
  const index = new Map(lines.map((l, i) => [l, i]));
  const head = lines.filter((l) => l.length >= 3).slice(0, NEAR_LINES);
  const others = (line: Span[]) => {
    const at = index.get(line) ?? 0;
    return [...head, ...lines.slice(Math.max(0, at - NEAR_LINES), at + NEAR_LINES + 1)];
  };
  // a header word over several columns (公务用车购置及运行维护费 over 小计, 购置费, 运行费) stands above
  // two or more pieces of another line, a total label over the code and name columns (人员经费合计
  // under 科目编码 and 科目名称) below them: a merged cell marks no column of its own
  const spanning = (span: Span, line: Span[]) =>
    (figures.has(line) ? !isPrintedAmount(span.text) : !/\d/.test(span.text)) &&
    others(line).some((other) => other !== line && over(span, other));
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
  return splitAtAmounts(joinExclusive(joinByNumbering(bands, lines), lines), lines);
}

/**
 * Bands parted where one line holds an amount and another piece in one of them: an amount is a
 * cell of its own, and two amounts are never one cell.
 * Text running over several columns on other lines (a free form's long cells) can chain the
 * extents of two columns of figures into one band; the cut goes through the gap between the two
 * amounts where the fewest pieces of the other lines cross it (those then span both bands).
 */
function splitAtAmounts(bands: Band[], lines: Span[][]): Band[] {
  let out = bands;
  // each cut adds a band: at most one per amount of the table's lines
  for (let guard = 0; guard < 64; guard += 1) {
    const conflict = amountsInOneBand(out, lines);
    if (!conflict) return out;
    const [a, b, band] = conflict;
    const crossing = (x: number) =>
      lines.reduce((n, line) => n + line.filter((p) => p.start < x && p.end > x).length, 0);
    // a right-aligned amount's column reaches back to the cell before it, a left-aligned text's
    // starts where the text does: among the cuts crossing fewest, the nearest that edge
    const edge = isPrintedAmount(b.text) ? a.end : b.start;
    const candidates = [
      a.end + 0.01,
      b.start - 0.01,
      ...lines.flatMap((line) => line.flatMap((p) => [p.start - 0.01, p.end + 0.01])),
    ].filter((x) => x > a.end && x < b.start);
    const rank = (x: number) => [crossing(x), Math.abs(x - edge)] as const;
    const cut = candidates.reduce((best, x) => {
      const [c, d] = rank(x);
      const [cb, db] = rank(best);
      return c < cb || (c === cb && d < db) ? x : best;
    });
    const whole = out[band] as Band;
    out = [
      ...out.slice(0, band),
      { start: whole.start, end: cut },
      { start: cut, end: whole.end },
      ...out.slice(band + 1),
    ];
  }
  return out;
}

/** An amount and another piece of its line that fall in one band (each in that band alone), and the band. */
function amountsInOneBand(bands: Band[], lines: Span[][]): [Span, Span, number] | undefined {
  for (const line of lines) {
    const pieces = [...line].sort((x, y) => x.start - y.start);
    for (let i = 0; i + 1 < pieces.length; i += 1) {
      const [left, right] = [pieces[i] as Span, pieces[i + 1] as Span];
      if (!isPrintedAmount(left.text) && !isPrintedAmount(right.text)) continue;
      const a = assign(left, bands);
      const b = assign(right, bands);
      if (a.count === 1 && b.count === 1 && a.band === b.band && left.end < right.start) return [left, right, a.band];
    }
  }
  return undefined;
}

/** A cell of a numbering row: a column's number, or the row's label. */
const NUMBER = /^\d{1,3}$/;
const NUMBERING_LABEL = /^(?:栏次|行次)$/;

/**
 * The numbering row of a table's header (栏次 1 2 3 …): three or more numbers running on by one,
 * and nothing else but its label. Each number stands in a column of its own.
 */
function numberingLine(lines: Span[][]): Span[] | undefined {
  return lines.find((line) => {
    const numbers = line.filter((s) => !NUMBERING_LABEL.test(s.text));
    if (numbers.length < 3 || !numbers.every((s) => NUMBER.test(s.text))) return false;
    return numbers.every((s, i) => i === 0 || Number(s.text) === Number((numbers[i - 1] as Span).text) + 1);
  });
}

/**
 * Bands of figures under no number of the table's numbering row, placed by that row: an amount is
 * right-aligned in its column, so a figure ending before the next number starts cannot be in that
 * number's column (its column ends right of the number) — it is in the column of the number before
 * it. A wide column whose number is printed at its left and whose figures at its right shows as two
 * bands that no line fills both of (one-row 三公 tables in `pdftotext -layout` text, columns as wide
 * as their header words); without the numbering row the two halves could join the wrong neighbour.
 */
function joinByNumbering(bands: Band[], lines: Span[][]): Band[] {
  const numbering = numberingLine(lines);
  if (!numbering || bands.length < 2) return bands;
  const numbers = numbering.filter((s) => NUMBER.test(s.text));
  const numbered = bands.map((b) => numbers.some((n) => overlap(n, b) > 0));
  // the lines holding a piece in each band, and whether a band holds anything but figures
  const holders = bands.map(() => new Set<number>());
  const onlyFigures = bands.map(() => true);
  lines.forEach((line, i) => {
    for (const span of line) {
      const { band, count } = assign(span, bands);
      if (count !== 1) continue;
      holders[band]?.add(i);
      if (!isPrintedAmount(span.text)) onlyFigures[band] = false;
    }
  });
  const out: (Band & { held: Set<number>; numbered: boolean })[] = [];
  bands.forEach((band, i) => {
    const last = out.at(-1);
    const held = holders[i] as Set<number>;
    const next = numbers.find((n) => n.start >= band.end);
    const join =
      last?.numbered === true &&
      !numbered[i] &&
      onlyFigures[i] === true &&
      held.size > 0 &&
      (next === undefined || band.end <= next.start) &&
      ![...held].some((l) => last.held.has(l));
    if (join) {
      last.end = Math.max(last.end, band.end);
      for (const l of held) last.held.add(l);
    } else out.push({ ...band, held: new Set(held), numbered: numbered[i] === true });
  });
  return out.map(({ start, end }) => ({ start, end }));
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
  const numbers = bands.map(() => false);
  // where each band's amounts end (a column's amounts share their right edge)
  const amountEnds = bands.map(() => new Set<number>());
  lines.forEach((line, i) => {
    for (const span of line) {
      const { band, count } = assign(span, bands);
      if (count === 1) holders[band]?.add(i);
      if (count === 1 && /\d/.test(span.text)) numbers[band] = true;
      if (count === 1 && isPrintedAmount(span.text)) amountEnds[band]?.add(Math.round(span.end));
    }
  });
  const out = bands.map((b, i) => ({
    ...b,
    held: holders[i] as Set<number>,
    numbers: numbers[i] === true,
    ends: amountEnds[i] as Set<number>,
  }));
  for (;;) {
    let best = -1;
    for (let i = 0; i + 1 < out.length; i += 1) {
      const [a, b] = [out[i], out[i + 1]] as [(typeof out)[number], (typeof out)[number]];
      if (a.held.size === 0 || b.held.size === 0 || [...b.held].some((l) => a.held.has(l))) continue;
      // one of them holds numbers (amounts, 栏次): two text columns (项 over the codes, the names) stay apart
      if (!a.numbers && !b.numbers) continue;
      // amounts ending apart in both are two columns of figures (a page's last total under a column
      // empty above it), not one column's halves
      if (a.ends.size > 0 && b.ends.size > 0 && ![...a.ends].some((e) => [...b.ends].some((f) => Math.abs(e - f) <= 1)))
        continue;
      const gap = b.start - a.end;
      const bestGap = best < 0 ? Number.POSITIVE_INFINITY : (out[best + 1] as Band).start - (out[best] as Band).end;
      if (gap < bestGap) best = i;
    }
    if (best < 0) break;
    const [a, b] = [out[best], out[best + 1]] as [(typeof out)[number], (typeof out)[number]];
    out.splice(best, 2, {
      start: a.start,
      end: Math.max(a.end, b.end),
      held: new Set([...a.held, ...b.held]),
      numbers: a.numbers || b.numbers,
      ends: new Set([...a.ends, ...b.ends]),
    });
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
/**
 * The pieces of a line below a header word that it is centred over (公务用车购置及运行维护费 over
 * 小计, 购置费 and 运行费): the run of that line's pieces it overlaps, two or more, widened on the
 * side that brings the run's centre nearer the word's; the longest such run of any line.
 */
function centredOver(span: Span, lines: Span[][], at: number): Span[] | undefined {
  if (/\d/.test(span.text)) return undefined;
  const centre = (span.start + span.end) / 2;
  const off = (run: Span[]) => Math.abs(((run[0] as Span).start + (run.at(-1) as Span).end) / 2 - centre);
  let best: Span[] | undefined;
  // a line of columns below the word (a header row, the 栏次 row), not a unit line beside a label
  // (one of the next few lines: a header word spans the columns right under it)
  for (const other of lines.slice(at + 1, at + 1 + NEAR_LINES)) {
    if (other.length < 3) continue;
    const sorted = [...other].sort((a, b) => a.start - b.start);
    const hit = sorted.flatMap((o, i) => (overlap(o, span) > 0 ? [i] : []));
    if (hit.length < 2) continue;
    let [i0, i1] = [hit[0] as number, hit.at(-1) as number];
    for (;;) {
      const now = off(sorted.slice(i0, i1 + 1));
      const left = i0 > 0 ? off(sorted.slice(i0 - 1, i1 + 1)) : Number.POSITIVE_INFINITY;
      const right = i1 + 1 < sorted.length ? off(sorted.slice(i0, i1 + 2)) : Number.POSITIVE_INFINITY;
      if (left < now && left <= right) i0 -= 1;
      else if (right < now) i1 += 1;
      else break;
    }
    if (!best || i1 - i0 + 1 > best.length) best = sorted.slice(i0, i1 + 1);
  }
  return best;
}

/** The band a piece starts in and how many it covers; a centred header word covers the columns below it. */
function placeOf(span: Span, bands: Band[], lines: Span[][], at: number): { band: number; count: number } {
  const own = assign(span, bands);
  const run = centredOver(span, lines, at);
  if (!run) return own;
  const first = assign(run[0] as Span, bands);
  const last = assign(run.at(-1) as Span, bands);
  const to = last.band + last.count - 1;
  return to > first.band ? { band: first.band, count: to - first.band + 1 } : own;
}

export function alignColumns(lines: Span[][], bands: Band[] = bandsOf(lines)): FlowCell[][] {
  return lines.map((line, at) => {
    const texts: string[] = bands.map(() => '');
    const spans: number[] = bands.map(() => 1);
    for (const span of [...line].sort((a, b) => a.start - b.start)) {
      const { band, count } = placeOf(span, bands, lines, at);
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
