import type { FindingLocation, Severity } from '../model/finding.js';
import type { Identity } from '../model/identity.js';
import type { CodeLevel } from '../model/types.js';

/**
 * The rule language as parsed (see rules/README.md). Everything here is data: the engine
 * interprets it, nothing is ever compiled or eval'ed.
 */

/** A code in a filter: a literal code, or `$code`, the current row's code inside a forEach. */
export type CodeRef = string;

/** Row selection shared by `forEach` and `sumRows.where`; every present condition must hold. */
export interface RowFilter {
  block?: string;
  level?: CodeLevel[];
  role?: string[];
  hasCode?: boolean;
  /** Code-keyed row with (false: without) no other row below it in the code tree. */
  leaf?: boolean;
  /** Code-keyed row with (false: without) no ancestor row in the table. */
  top?: boolean;
  /** The 合计 row of a code-keyed table (RowKey.total). */
  total?: boolean;
  /** Strict descendants of a code. */
  under?: CodeRef;
  /** Descendants with no row of the table between them and the code (direct children as listed). */
  childOf?: CodeRef;
  /** Code equals or starts with one of these. */
  prefix?: CodeRef[];
  notPrefix?: CodeRef[];
  codeIn?: CodeRef[];
  codeNotIn?: CodeRef[];
  /** Rows of the same block above (below) the row holding this role. */
  above?: string;
  below?: string;
}

/** How a single row is named in a `cell` reference. */
export interface RowSelector {
  role?: string;
  line?: number;
  code?: CodeRef;
  label?: string;
  total?: true;
}

/** `$column` stands for the current column of `forEach.columns`. */
export type ColumnRef = string;

/** `previous`: the cell(s) of the previous year's workbook (`check --previous`), same table unless `table` says. */
export type Expr =
  | { kind: 'column'; column: ColumnRef }
  | { kind: 'cell'; table?: string; block?: string; row: RowSelector; column: ColumnRef; previous?: true }
  | { kind: 'sum'; plus: Expr[]; minus: Expr[] }
  | { kind: 'sumRows'; table?: string; block?: string; where: RowFilter; column: ColumnRef; previous?: true };

export type Op = '=' | '<=' | '>=';

export interface Assertion {
  left: Expr;
  op: Op;
  right: Expr;
}

export interface ForEach extends RowFilter {
  /** Repeat the assertion for these amount columns ('all': every column of the row's block). */
  columns?: 'all' | string[];
}

export interface When {
  present?: string[];
  nonEmpty?: string[];
}

export interface Rule {
  id: string;
  title: string;
  severity: Severity;
  explain: string;
  /** Table kind id ("03"); absent for builtin checks that look at the whole workbook. */
  table?: string;
  when?: When;
  forEach?: ForEach;
  assert?: Assertion;
  /**
   * The implementation the rule runs instead of `assert`: a name of the closed registry
   * (registry.ts), e.g. `unreadable-cells`, `narrative.share`, `prior.change`.
   */
  check?: string;
  /** Template overriding the default message of the rule's main messageId. */
  message?: string;
  /** It compares with the previous year's workbook: checked only when one is given (`check --previous`). */
  previous?: true;
  source: { file: string; line: number };
}

export interface RuleSet {
  rules: Rule[];
  files: string[];
}

/** What a check returns; the engine adds ruleId, severity and the rendered message. */
export interface RawFinding {
  messageId: string;
  data: Record<string, string>;
  location: FindingLocation;
  related: FindingLocation[];
  /** The failing identity behind an assertion's finding (a side channel: not part of the Finding). */
  identity?: EvaluatedIdentity;
}

/** A raw finding of a named implementation (narrative, prior year): stamped by the rule that names it. */
export interface CheckedRawFinding extends RawFinding {
  check: string;
}
/** An identity as checkAssertion evaluated it; the engine adds the rule id and severity in force. */
export type EvaluatedIdentity = Omit<Identity, 'ruleId' | 'severity' | 'required' | 'finding'>;
