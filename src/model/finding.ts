/**
 * The one finding type (frozen; documented in README "Finding type").
 * Rules return message ids and data; the engine stamps ruleId, severity and locations.
 */
export type Severity = 'error' | 'warn' | 'info';

export interface FindingLocation {
  file: string;
  sheet?: string;
  cell?: string;
  /** Table kind id ("01") — or "narrative" for the text. */
  table?: string;
  /** RowKey.id of the row, e.g. "F2010350" or "L27". */
  rowKey?: string;
  /** Column id from the catalog, e.g. "basic". */
  column?: string;
  /**
   * A report as published (no sheet!cell): the page of a PDF, the line of a text file, the
   * paragraph of a Word or HTML document, the number of the table in the document and the row
   * and column as printed in it. Absent for a workbook.
   */
  page?: number;
  line?: number;
  paragraph?: number;
  tableNumber?: number;
  row?: number;
  col?: number;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** Rendered message (zh). */
  message: string;
  messageId: string;
  /** Values behind the message as strings (expected, actual, difference, tolerance …). */
  data: Record<string, string>;
  location: FindingLocation;
  /** The other cells involved (the terms of a sum, the compared cell of another table). */
  related: FindingLocation[];
}
