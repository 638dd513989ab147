import type { ParagraphOrigin } from '../model/document.js';
import { allMatches } from '../util/matches.js';

/**
 * The narrative (情况说明) as the checker sees it: numbered paragraphs, each traceable to where it
 * was read (a file, or a sheet!cell of the workbook).
 */
export type NarrativeSourceKind = 'sheet' | 'option' | 'sibling' | 'alone' | 'document';

export interface Paragraph {
  /** 1-based, in reading order. */
  n: number;
  /** "P12": the rowKey findings use. */
  id: string;
  text: string;
  origin: ParagraphOrigin;
  /** Set on every paragraph of a document of the Republic of China's own: its bare "110年" is a 民國 year. */
  roc?: boolean;
}

export interface Narrative {
  /** The file the paragraphs came from (the workbook for a sheet). */
  file: string;
  /**
   * How it was found: a sheet of the workbook, --narrative, a same-named file beside it, given
   * alone, or the running text of the document whose tables are checked (a published report).
   */
  source: NarrativeSourceKind;
  /** Sheet name when source is 'sheet'. */
  sheet?: string;
  paragraphs: Paragraph[];
}

/** A clause's end: what comes after the last one in a cut paragraph was cut mid-clause. */
const CLAUSE_END = /[，,；;。！!？?：:]/g;

/**
 * What a paragraph cut at the print says whole: its text through the last clause it finishes. A
 * claim in the clause the cut runs through is not all printed (完成预算的10 of 100%, 主要原因是
 * before the reason, a list without its last items), so no claim is read from it.
 */
function printedClauses(text: string): string {
  const ends = [...allMatches(text, CLAUSE_END)];
  const last = ends.at(-1);
  return last ? text.slice(0, (last.index ?? 0) + 1) : '';
}

/**
 * Builds numbered paragraphs from texts in reading order; blank texts are dropped. A paragraph the
 * print cut (ParagraphOrigin.clipped) is read through the last clause it finishes.
 */
export function numberParagraphs(items: { text: string; origin: ParagraphOrigin }[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const item of items) {
    const text = (item.origin.clipped ? printedClauses(item.text) : item.text).trim();
    if (text === '') continue;
    const n = out.length + 1;
    out.push({ n, id: `P${n}`, text, origin: item.origin });
  }
  return out;
}
