import type { AmountMention, PercentMention, Span, SubjectMention } from '../claims.js';
import { outlineLevel } from '../../util/outline.js';
import { normaliseText, sourceSlice, type NormalText } from '../text/normalise.js';
import type { Paragraph } from '../types.js';
import type { Vocabulary } from '../vocabulary.js';
import { bracketNamedTotals } from './apposition.js';
import { amountsIn, percentsIn, subjectsIn } from './mentions.js';
import { countEndingBy } from './spans.js';

/** One paragraph read once: normalised text, sentences, and every amount, percent and subject in it. */
export interface ParaText {
  para: Paragraph;
  n: NormalText;
  /** Outline level: 0 第X部分, 1 一、, 2 （一）, 3 1., 4 （1）; undefined for running text. */
  level: number | undefined;
  sentences: Span[];
  amounts: AmountMention[];
  percents: PercentMention[];
  subjects: SubjectMention[];
  /** Worked out on first use (state.ts): per set of marks, just after the last mark before each position. */
  markStarts?: Map<string, Int32Array>;
  /** Worked out on first use (state.ts): per set of marks, the first mark at or after each position. */
  markEnds?: Map<string, Int32Array>;
  /** Worked out on first use (state.ts): every match of a keyword pattern, in order. */
  matches?: Map<RegExp, Span[]>;
  /** Worked out on first use (state.ts): how many （ and ） stand before each position. */
  brackets?: BracketCounts;
  /** Worked out on first use (year-frames.ts): every 20XX年 of the text, in order. */
  years?: RegExpExecArray[];
}

export interface BracketCounts {
  opens: Int32Array;
  closes: Int32Array;
}

function sentencesOf(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    // "…400 万元。）比上年…": a full stop inside brackets does not end the sentence the bracket is in
    if ('。！？'.includes(text[i] as string) && text[i + 1] !== '）') {
      out.push({ start, end: i + 1 });
      start = i + 1;
    }
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

/** What a heading line may carry that a heading reader allows: a comma, a closing full stop ("（二）…情况说明。"). */
export interface HeadingAllowance {
  comma?: boolean;
  closingStop?: boolean;
}

/**
 * An outline line short enough to be a heading ("（一）2023 年一般公共预算执行情况"): an outline mark, at most 40
 * characters, no sentence end inside. One reader's heading is another's sentence, so a comma and a closing stop are
 * each reader's choice.
 */
export function outlineHeading(p: ParaText, allow: HeadingAllowance = {}): boolean {
  if (p.level === undefined || p.n.text.length > 40) return false;
  const text = allow.closingStop ? p.n.text.trim().replace(/[。；]$/u, '') : p.n.text;
  return !(allow.comma ? /[。；]/u : /[。；，]/u).test(text);
}

export function analyse(para: Paragraph, vocabulary: Vocabulary, simplify: (c: string) => string): ParaText {
  const n = normaliseText(para.text, simplify, para.roc);
  return {
    para,
    n,
    level: outlineLevel(n.text),
    sentences: sentencesOf(n.text),
    amounts: amountsIn(n),
    percents: percentsIn(n),
    subjects: bracketNamedTotals(n.text, subjectsIn(n.text, vocabulary)),
  };
}

export function sentenceAt(p: ParaText, index: number): Span {
  // sentences tile the text in order: the one holding index is the first that ends after it
  const found = p.sentences[countEndingBy(p.sentences, index)];
  return found && index >= found.start ? found : { start: 0, end: p.n.text.length };
}

const QUOTE_MAX = 90;

/** The sentence as written, shortened around the claim when it is long (a list of eleven projects is one sentence). */
export function quoteOf(p: ParaText, sentence: Span, focus: Span = sentence): string {
  let { start, end } = sentence;
  if (end - start > QUOTE_MAX) {
    start = Math.max(sentence.start, Math.min(focus.start - 20, sentence.end - QUOTE_MAX));
    end = Math.min(sentence.end, start + QUOTE_MAX);
  }
  const text = sourceSlice(p.n, start, end);
  return `${start > sentence.start ? '…' : ''}${text}${end < sentence.end ? '…' : ''}`;
}

export function place(p: ParaText, sentence: Span, focus?: Span) {
  return { para: p.para, sentence, quote: quoteOf(p, sentence, focus) };
}
