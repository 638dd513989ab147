import type { Claim, Span } from '../claims.js';
import { sourceSlice } from '../text/normalise.js';
import { place, sentenceAt } from './para.js';
import type { ParaState } from './state.js';
import { cells } from './table-rows.js';
import { allMatches } from '../../util/matches.js';

/** What may close a column name after its "%": "增长率（%）". */
const HEADER_TAIL = /^\s*[）)]?\s*$/u;

/**
 * A "%" that ends a cell of a table rendered as text ("金额 | 占调整预算% | 比上年增长% |") names a
 * percent column: the figures are in the rows below, so it is neither a rate left unfilled nor
 * template residue. Only running text can leave a "%" without its figure.
 */
function columnName(text: string, span: Span): boolean {
  if (text[span.end - 1] !== '%') return false;
  const cell = cellOf(text, span);
  return cell !== undefined && HEADER_TAIL.test(text.slice(span.end, cell.start + cell.text.length));
}

/**
 * "…收入占比 % 31.97 30.59 -4.32%", "耗材收入占比 % 10.33 11.24 0.91": a table's row printed as text, its heading naming
 * the column's unit and its figures after it, a space between them — a heading followed by its row of figures is no
 * rate left unfilled. Running text never writes two bare figures in a row after a "%".
 */
const ROW_OF_FIGURES =
  /^\s*[-−－]?[0-9][0-9,]*(?:\.[0-9]+)?%?\s+[-−－]?[0-9][0-9,]*(?:\.[0-9]+)?%?(?![0-9.]*\s*(?:万元|亿元|元|个|人|项))/u;

function rowHeading(text: string, span: Span): boolean {
  return text[span.end - 1] === '%' && ROW_OF_FIGURES.test(text.slice(span.end));
}

/**
 * A cell of numbered notes ("1.预算执行率=…，未达到 90% 的需说明原因（100 字以内）；2.年中调整的…；3.…") is the
 * form's own 填表说明, printed on every copy of the form: its wording is the form's, not a cell left unfilled.
 */
const PRINTED_NOTES = /^\s*(?:(?:填表)?说明|注)?[：:]?\s*1[.．、][^|]*[；;。]\s*2[.．、]/u;

/** The cell of a table rendered as text ("a | b | c") that holds `span`, if the text is one. */
function cellOf(text: string, span: Span): { text: string; start: number } | undefined {
  if (!text.includes('|')) return undefined;
  return cells(text).find((c) => c.start <= span.start && span.end <= c.start + c.text.length);
}

function printedNotes(text: string, span: Span): boolean {
  const cell = cellOf(text, span);
  return cell !== undefined && PRINTED_NOTES.test(cell.text);
}

/**
 * Template wording left in the text ("增加（减少）", "（…请依据…进行解释）", "占 %"): one claim per occurrence. Where
 * two cues read overlapping words the longer reading stands: "对本部门（单位）及所属单位构成进行详细说明。如：" is a
 * filler's instruction, not only the "部门（单位）" it holds.
 */
export function residueClaims(s: ParaState): Claim[] {
  const { p, catalog } = s;
  const found: { cue: (typeof catalog.residue)[number]; order: number; span: Span }[] = [];
  catalog.residue.forEach((cue, order) => {
    for (const m of allMatches(p.n.text, cue.pattern)) {
      const span = { start: m.index, end: m.index + m[0].length };
      if (!columnName(p.n.text, span) && !rowHeading(p.n.text, span) && !printedNotes(p.n.text, span))
        found.push({ cue, order, span });
    }
  });
  const length = (span: Span) => span.end - span.start;
  const taken: typeof found = [];
  for (const f of [...found].sort((a, b) => length(b.span) - length(a.span) || a.order - b.order))
    if (!taken.some((t) => f.span.start < t.span.end && t.span.start < f.span.end)) taken.push(f);
  return taken
    .sort((a, b) => a.order - b.order || a.span.start - b.span.start)
    .map(({ cue, span }) => ({
      kind: 'residue' as const,
      residueId: cue.id,
      check: cue.check,
      text: sourceSlice(p.n, span.start, span.end),
      ...place(p, sentenceAt(p, span.start), span),
    }));
}

/**
 * The narrative's last figure with nothing after it ("…财政拨款收入为 989.74 万元，占总收入的 99.8"): the text
 * ends mid-figure — an excerpt, or a page, cut there — and its "%" may be just what the cut took. A rate
 * with no "%" is certain only where the text goes on after it; this one is not said to lack it.
 */
export function dropRateCutAtEnd(s: ParaState, claims: Claim[]): Claim[] {
  const text = s.p.n.text;
  if (!/[0-9]$/u.test(text)) return claims;
  const cut = new Set<string>();
  for (const cue of s.catalog.residue)
    if (cue.check === 'narrative.percent-sign')
      for (const m of allMatches(text, cue.pattern))
        if (m.index + m[0].length === text.length) cut.add(sourceSlice(s.p.n, m.index, text.length));
  return claims.filter((c) => !(c.kind === 'residue' && c.check === 'narrative.percent-sign' && cut.has(c.text)));
}
