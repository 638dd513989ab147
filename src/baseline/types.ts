/**
 * Accepted findings (审核说明): a reviewed list of findings the submitter explains instead of
 * fixing. An entry matches a finding by rule id + table + row key + column — never by cell
 * address, because rows move between years; message, cell and file are only for the reader.
 */
export interface BaselineEntry {
  /** Rule id, e.g. "t03.row-total". */
  rule: string;
  /** Table kind ("03"), as the finding's location.table; absent for workbook-level findings. */
  table?: string;
  /** Row key id ("F2010350", "L27"), as location.rowKey. */
  row?: string;
  /** Column id ("basic"), as location.column. */
  column?: string;
  /** Why the finding is accepted: required, filled in by a person. */
  reason: string;
  /** For information only: the message, sheet!cell and workbook when it was recorded. */
  message?: string;
  cell?: string;
  file?: string;
  /** Line of the entry in its file (parsed entries only). */
  line?: number;
}

export interface Baseline {
  /** The file as named to the user. */
  file: string;
  entries: BaselineEntry[];
}

/** The fields an entry is matched by. */
export const MATCH_FIELDS = ['rule', 'table', 'row', 'column'] as const;
/** Every field an entry may have, in the order they are written. */
export const ENTRY_FIELDS = [...MATCH_FIELDS, 'reason', 'message', 'cell', 'file'] as const;
