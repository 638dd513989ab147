import type { Decimal } from 'decimal.js';
import type { Finding, FindingLocation, Severity } from './finding.js';

/**
 * One table identity as the engine evaluated it, kept beside the findings so that a diagnosis can
 * reason about every identity of a document at once (which single cell would make all the failing
 * ones hold). Plain data: the terms are the cells with their written values and coefficients.
 *
 * The identity reads Σ coefficient·value  op  0 (left side positive, right side negative), so
 * `difference` is left − right as in the finding, and it holds when |difference| ≤ tolerance
 * ('='), difference ≤ tolerance ('<='), difference ≥ −tolerance ('>=').
 */
export interface IdentityTerm {
  location: FindingLocation;
  /** The amount as written, in the cell's own table unit; 0 for a blank cell. */
  value: Decimal;
  blank: boolean;
  /** Decimal places written (the cell's rounding interval is ½·10⁻ᵈ unless blank). */
  decimals: number;
  /** ±1 times the factor bringing the cell's unit to the rule's unit (元 → 万元 is 0.0001). */
  coefficient: Decimal;
  /** The cell belongs to the document being checked (not to last year's workbook). */
  editable: boolean;
}

export type IdentityOp = '=' | '<=' | '>=';

export interface Identity {
  ruleId: string;
  /** The severity in force (after configuration). */
  severity: Severity;
  /**
   * The rule file states it as an error: it must hold, whatever the configuration made of it (a warn
   * or info rule compares figures that may differ for good reasons).
   */
  required: boolean;
  op: IdentityOp;
  terms: IdentityTerm[];
  /**
   * The places of the cells its terms name, in order (as `terms[i].location` has them), when known
   * without building the terms: the diagnosis indexes every identity by cell, and building the terms
   * of tens of thousands of identities only for that was most of its time.
   */
  places?: readonly Pick<FindingLocation, 'file' | 'sheet' | 'cell'>[];
  /** left − right, in the rule's unit. */
  difference: Decimal;
  /** The sum of the terms' rounding radii, in the rule's unit. */
  tolerance: Decimal;
  holds: boolean;
  /** The finding reported for a failing identity (the de-duplicated one when two rules coincide). */
  finding?: Finding;
}
