/**
 * What juesuan reads, at most (README "Limits"). Each bound is an order of magnitude above what
 * a real department's files need and low enough that the worst input allowed is still checked in
 * seconds within a few hundred MiB of memory. Past a bound the input is refused with one
 * sentence (exit 2); nothing is cut silently. One bound limits work, not input: past
 * diagnosisTargets the culprit diagnosis is not run, and a diagnosis.culprit note says so.
 */
const KiB = 2 ** 10;
const MiB = 2 ** 20;

export const LIMITS = {
  /** A workbook file (.xlsx). Real ones are well under 10 MiB. */
  workbookBytes: 64 * MiB,
  /** A Word document (.docx): a report as published or a 情况说明. */
  docxBytes: 32 * MiB,
  /** All parts of a .docx inflated: the Word reader holds the body as a tree, a few bytes per byte of XML. */
  docxInflatedBytes: 24 * MiB,
  /** A .txt/.md report or 情况说明 (a 300-page report is about 1 MiB of text). */
  textBytes: 2 * MiB,
  /** A report as a web page (.html/.htm): its text with the markup around it. */
  htmlBytes: 16 * MiB,
  /** A report as a PDF: fonts and the odd image beside the text (real ones are a few MiB). */
  pdfBytes: 64 * MiB,
  /** A configuration file (juesuan.config.yaml); real ones are a few KiB. YAML takes ~150× its text in memory. */
  configBytes: 256 * KiB,
  /** A rule file. The shipped ones are tens of KiB. */
  ruleFileBytes: 1 * MiB,
  /** A baseline (accepted findings) file: about 100 bytes an entry. */
  baselineBytes: 1 * MiB,
  /** Entries of a baseline's accepted list. */
  baselineEntries: 10_000,
  /** Entries of a configuration's rules: map (there are a few hundred rules). */
  configRuleEntries: 5_000,
  /** Rules in one rule file. */
  rulesPerFile: 5_000,
  /** Worksheets in a workbook (Excel's own files hold dozens). */
  sheets: 1_000,
  /** Cells that hold something, over all sheets of a workbook. */
  cells: 1_000_000,
  /** Characters of one cell's text: Excel's own limit. */
  cellChars: 32_767,
  /**
   * Failing error identities over which the culprit diagnosis still runs. A real report with typos
   * has a handful; thousands mean a shifted table, a unit mix-up or a hostile file, where a cell-by-cell
   * search explains nothing and took seconds and hundreds of MiB (its decimal search per group).
   */
  diagnosisTargets: 1_000,
  /** Characters of a document's running text after reading, whatever the file (about 600 pages of Chinese). */
  narrativeChars: 600_000,
  /**
   * Elements open at once in a web page or a Word document's body. Real reports nest a few dozen
   * deep (Chromium's own HTML parser stops nesting at 512); the HTML tokenizer's work grows with
   * the square of the depth.
   */
  markupDepth: 512,
} as const;

/**
 * A bound of LIMITS passed inside a reader that does not know the file's name; the caller says it
 * as the file's 'over-limit' sentence. `what` completes 「…超出本工具的处理上限（what）」.
 */
export class LimitExceeded extends Error {
  constructor(readonly what: string) {
    super(what);
    this.name = 'LimitExceeded';
  }
}

export { KiB, MiB };
