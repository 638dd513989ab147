import { Decimal } from 'decimal.js';
import type { FindingLocation } from '../model/finding.js';
import type { Identity, IdentityOp, IdentityTerm } from '../model/identity.js';
import { radiusFor } from '../money/interval.js';

/**
 * An identity as a linear constraint over its cells: Σ cᵢ·xᵢ op 0 within a tolerance that is the
 * sum of the cells' rounding radii. A cell named twice (a row both in a sum and its total) is one
 * variable with the net coefficient; its share of the tolerance counts every occurrence.
 */
export interface CellVar {
  key: string;
  location: FindingLocation;
  value: Decimal;
  blank: boolean;
  decimals: number;
  editable: boolean;
}

export interface Constraint {
  identity: Identity;
  op: IdentityOp;
  difference: Decimal;
  tolerance: Decimal;
  /** Net coefficient of each cell (cells whose occurrences cancel out are left out). */
  coefficients: Map<string, Decimal>;
  /** Σ |coefficient| over the occurrences of each cell: its weight in the tolerance. */
  weights: Map<string, Decimal>;
}

export function cellKey(location: Pick<FindingLocation, 'file' | 'sheet' | 'cell'>): string {
  return `${location.file}\u0000${location.sheet ?? ''}!${location.cell ?? ''}`;
}

/** A repaired value is written with at least the two decimals of the published tables. */
export function repairDecimals(cell: CellVar): number {
  return Math.max(cell.decimals, 2);
}

/** The rounding radius of a cell as written now (a blank cell is an exact zero). */
export function currentRadius(cell: Pick<CellVar, 'blank' | 'decimals'>): Decimal {
  return cell.blank ? new Decimal(0) : radiusFor(cell.decimals);
}

export function toConstraint(identity: Identity, cells: Map<string, CellVar>): Constraint {
  const coefficients = new Map<string, Decimal>();
  const weights = new Map<string, Decimal>();
  // the terms of a sum share a handful of coefficient objects (1, −1): their absolute values are
  // shared too (one object for a run of the same coefficient, not a Decimal per term)
  let lastCoefficient: Decimal | undefined;
  let lastAbs: Decimal | undefined;
  const absOf = (c: Decimal): Decimal => {
    if (c !== lastCoefficient || lastAbs === undefined) {
      lastCoefficient = c;
      lastAbs = c.isNeg() ? c.neg() : c;
    }
    return lastAbs;
  };
  for (const term of identity.terms) {
    const key = cellKey(term.location);
    if (!cells.has(key)) cells.set(key, cellVar(key, term));
    // a cell named once (nearly every one) keeps its term's coefficient: no Decimal made
    const coefficient = coefficients.get(key);
    const weight = weights.get(key);
    coefficients.set(key, coefficient ? coefficient.plus(term.coefficient) : term.coefficient);
    weights.set(key, weight ? weight.plus(absOf(term.coefficient)) : absOf(term.coefficient));
  }
  for (const [key, c] of coefficients) if (c.isZero()) coefficients.delete(key);
  return {
    identity,
    op: identity.op,
    difference: identity.difference,
    tolerance: identity.tolerance,
    coefficients,
    weights,
  };
}

function cellVar(key: string, term: IdentityTerm): CellVar {
  return {
    key,
    location: term.location,
    value: term.value,
    blank: term.blank,
    decimals: term.decimals,
    editable: term.editable,
  };
}

/** A cell's change: its new value minus the written one. */
export type Changes = ReadonlyMap<string, Decimal>;

/** Difference and tolerance of a constraint after the changes (repaired cells written at repairDecimals). */
export function afterChanges(
  constraint: Constraint,
  changes: Changes,
  cells: ReadonlyMap<string, CellVar>,
): { difference: Decimal; tolerance: Decimal } {
  let difference = constraint.difference;
  let tolerance = constraint.tolerance;
  for (const [key, delta] of changes) {
    const c = constraint.coefficients.get(key);
    const weight = constraint.weights.get(key);
    const cell = cells.get(key);
    if (!weight || !cell) continue;
    if (c) difference = difference.plus(c.mul(delta));
    tolerance = tolerance.plus(weight.mul(radiusFor(repairDecimals(cell)).minus(currentRadius(cell))));
  }
  return { difference, tolerance };
}

export function holds(op: IdentityOp, difference: Decimal, tolerance: Decimal): boolean {
  if (op === '=') return difference.abs().lte(tolerance);
  if (op === '<=') return difference.lte(tolerance);
  return difference.gte(tolerance.neg());
}

/** How far from exact a constraint is after the changes, relative to its tolerance (0 = exact). */
export function strain(constraint: Constraint, changes: Changes, cells: ReadonlyMap<string, CellVar>): Decimal {
  const { difference, tolerance } = afterChanges(constraint, changes, cells);
  if (constraint.op === '=') return difference.abs().div(tolerance.isZero() ? 1 : tolerance);
  // an inequality that holds with room to spare is not strained
  const excess = constraint.op === '<=' ? difference : difference.neg();
  return excess.gt(0) ? excess.div(tolerance.isZero() ? 1 : tolerance) : new Decimal(0);
}
