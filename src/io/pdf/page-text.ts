import type { Span } from '../layout/columns.js';

/** A run of text on a PDF page in page space (y up): its left, right, baseline and size. */
export interface Glyphs {
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
  /** The page the run was drawn on, where it differs from the page it is read with (a wide sheet's piece). */
  page?: number;
  /**
   * The rest of a line printed on in pieces beside its page (side-text.ts): 'joined', read back from
   * them (the line is its paragraph's whole end: it wraps into nothing); 'cut', lost there.
   */
  beyond?: 'joined' | 'cut';
}

/** Estimated advance of a character in em: CJK and full-width forms one, the rest half. */
export function charWeight(ch: string): number {
  return (ch.codePointAt(0) ?? 0) <= 0x2ff ? 0.5 : 1;
}

export interface TextLine {
  /** Baseline of the line's main text (the most common one: digits drawn lower do not move it). */
  y: number;
  top: number;
  bottom: number;
  size: number;
  items: Glyphs[];
}

/**
 * The size most of a line's characters are set in: the Latin digits an office suite sets a size up
 * beside its Chinese text (11 pt in 10.5 pt) do not change it, whichever run comes first.
 */
export function mainSize(line: TextLine): number {
  const weights = new Map<number, number>();
  for (const run of line.items)
    weights.set(run.size, (weights.get(run.size) ?? 0) + [...run.text].reduce((n, ch) => n + charWeight(ch), 0));
  let main = line.size;
  let most = 0;
  for (const [size, weight] of weights)
    if (weight > most) {
      main = size;
      most = weight;
    }
  return main;
}

/**
 * Runs grouped into lines: runs whose vertical extents overlap by half the smaller height are one
 * line, so digits that an office suite draws a point or two below the Chinese beside them stay in
 * their sentence instead of forming a line of their own.
 */
export function linesOf(runs: Glyphs[]): TextLine[] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: TextLine[] = [];
  for (const run of sorted) {
    const top = run.y + run.size * 0.8;
    const bottom = run.y - run.size * 0.2;
    let line: TextLine | undefined;
    for (let i = lines.length - 1; i >= 0 && i >= lines.length - 4; i -= 1) {
      const l = lines[i] as TextLine;
      const overlap = Math.min(l.top, top) - Math.max(l.bottom, bottom);
      if (overlap >= Math.min(l.top - l.bottom, top - bottom) * 0.5) {
        line = l;
        break;
      }
    }
    if (line) {
      line.items.push(run);
      if (run.size > line.size * 1.05) {
        // the larger text decides the line's baseline
        line.y = run.y;
        line.size = run.size;
      }
      line.top = Math.max(line.top, top);
      line.bottom = Math.min(line.bottom, bottom);
    } else lines.push({ y: run.y, top, bottom, size: run.size, items: [run] });
  }
  for (const line of lines) line.items.sort((a, b) => a.x - b.x);
  return lines.sort((a, b) => b.y - a.y);
}

const ASCII_END = /[A-Za-z0-9.,%)]$/;
const ASCII_START = /^[A-Za-z0-9(]/;

/** Two runs' texts joined: a space where the gap is a word space between Latin words or numbers. */
export function joinRun(left: string, right: string, gap: number, size: number): string {
  if (gap > size * 0.2 && ASCII_END.test(left) && ASCII_START.test(right)) return `${left} ${right}`;
  return left + right;
}

/**
 * A line's pieces: runs closer than `gap` em are one piece (one phrase or one cell); farther
 * apart, they are separate pieces (columns of an unruled table, or a 部门 … 单位 line).
 */
export function piecesOfLine(line: TextLine, gapEm = 1.5): Span[] {
  const pieces: Span[] = [];
  for (const run of line.items) {
    const last = pieces.at(-1);
    const gap = last ? run.x - last.end : Number.POSITIVE_INFINITY;
    if (last && gap < line.size * gapEm) {
      last.text = joinRun(last.text, run.text, gap, line.size);
      last.end = Math.max(last.end, run.right);
    } else pieces.push({ start: run.x, end: run.right, text: run.text });
  }
  return pieces.map((p) => ({ ...p, text: p.text.replace(/\s+/g, ' ').trim() })).filter((p) => p.text !== '');
}

/** Texts of runs inside one cell, lines top to bottom, joined without a break (a wrapped label is one label). */
export function cellText(runs: Glyphs[]): string {
  let out = '';
  for (const line of linesOf(runs)) {
    const text = piecesOfLine(line, 3)
      .map((p) => p.text)
      .join(' ');
    out = out === '' ? text : joinRun(out, text, 0, 1);
  }
  return out;
}

const PAGE_NUMBER = [
  /^[-—–－]\s*\d{1,4}\s*[-—–－]$/,
  /^[—–]{1,2}\s*\d{1,4}\s*[—–]{1,2}$/,
  /^第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$/,
  /^\d{1,4}$/,
  /^\d{1,4}\s*\/\s*\d{1,4}$/,
  /^(?:page\s*)?\d{1,4}(?:\s*of\s*\d{1,4})?$/i,
];

export function isPageNumber(text: string): boolean {
  const t = text.replace(/\s+/g, ' ').trim();
  return PAGE_NUMBER.some((p) => p.test(t));
}
