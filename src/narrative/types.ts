/**
 * The narrative (情况说明) as the checker sees it: numbered paragraphs, each traceable to where it
 * was read (a file, or a sheet!cell of the workbook).
 */
export type NarrativeSourceKind = 'sheet' | 'option' | 'sibling' | 'alone' | 'document';

export interface ParagraphOrigin {
  file: string;
  /** Only for paragraphs read from a workbook sheet. */
  sheet?: string;
  cell?: string;
  /** A report as published: the page (PDF), line (text) or paragraph (Word, HTML) it starts on. */
  page?: number;
  line?: number;
  paragraph?: number;
}

export interface Paragraph {
  /** 1-based, in reading order. */
  n: number;
  /** "P12": the rowKey findings use. */
  id: string;
  text: string;
  origin: ParagraphOrigin;
}

export interface Narrative {
  /** The file the paragraphs came from (the workbook for a sheet). */
  file: string;
  /** How it was found: a sheet of the workbook, --narrative, a same-named file beside it, or given alone. */
  source: NarrativeSourceKind;
  /** Sheet name when source is 'sheet'. */
  sheet?: string;
  paragraphs: Paragraph[];
}

/** Builds numbered paragraphs from texts in reading order; blank texts are dropped. */
export function numberParagraphs(items: { text: string; origin: ParagraphOrigin }[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const item of items) {
    const text = item.text.trim();
    if (text === '') continue;
    const n = out.length + 1;
    out.push({ n, id: `P${n}`, text, origin: item.origin });
  }
  return out;
}
