import type { Grid } from './grid.js';

/** The kinds of input juesuan reads. */
export type SourceKind = 'xlsx' | 'pdf' | 'docx' | 'html' | 'text';

/** Where a paragraph of running text was read. */
export interface ParagraphOrigin {
  file: string;
  /** Paragraphs read from a worksheet: its sheet and cell. */
  sheet?: string;
  cell?: string;
  /** Published reports: the page (PDF) or the line (text) the paragraph starts on. */
  page?: number;
  line?: number;
  /** Word and HTML: the paragraph's number among the document's paragraphs. */
  paragraph?: number;
  /** PDF: the page's right edge cut the paragraph's last line (the rest of it is not printed). */
  clipped?: boolean;
  /**
   * With `clipped`: the cut is the print area's, the line's rest printed on pages beside its own and
   * not read back there (lost, or not proven that line's).
   */
  piece?: boolean;
}

/**
 * One input as every later stage sees it, whatever its format: its table regions as grids, and
 * (for a published report) its running text in reading order, outside the tables. The reader
 * (src/reader) recognises tables in the grids; the narrative checks read the text.
 */
export interface SourceDocument {
  /** The file as the user named it (shown in messages and findings). */
  file: string;
  kind: SourceKind;
  grids: Grid[];
  /** Running text outside the tables, one entry per paragraph; absent for a workbook. */
  text?: { text: string; origin: ParagraphOrigin }[];
}
