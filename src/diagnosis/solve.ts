import { Decimal } from 'decimal.js';
import {
  afterChanges,
  type CellVar,
  type Changes,
  type Constraint,
  currentRadius,
  holds,
  repairDecimals,
  strain,
} from './constraints.js';
import type { Identity } from '../model/identity.js';
import { radiusFor } from '../money/interval.js';
import { getOrCreate } from '../util/memo.js';

/**
 * Which value of one cell (or of two) makes a set of identities hold at once, in exact decimals.
 * Every identity touching a changed cell must hold afterwards: the failing ones of the group being
 * explained, and those that hold now (a repair that breaks another identity is no repair). Failing
 * identities outside the group are free (a warn-level comparison may differ for good reasons).
 */
export interface Problem {
  cells: ReadonlyMap<string, CellVar>;
  /** Every constraint naming the cell (and the constraint of an identity). */
  byCell: {
    get(key: string): readonly Constraint[] | undefined;
    constraint(identity: Identity): Constraint;
  };
  /** Must hold after the repair (currently holding, or a failing identity of the group explained). */
  required: (constraint: Constraint) => boolean;
  /** What one constraint alone allows each kind of cell (see boundsAlone), kept for the diagnosis of one document. */
  alone: Map<Constraint, AloneMemo>;
}

export interface Solution {
  changes: Map<string, Decimal>;
  /** Σ strain of the constraints touched: 0 when every one is exact. */
  score: Decimal;
}

/** Grid points tried for a cell whose interval is bounded on both sides, before sampling instead. */
const MAX_GRID_POINTS = 201;

export interface Bounds {
  low: Decimal | null;
  high: Decimal | null;
}

/**
 * boundsAlone's results for one constraint by kind of cell: its coefficient and weight (the Decimal
 * objects, which the cells of a sum share), then its precision. Equal values held by
 * other objects are only computed again.
 */
export type AloneMemo = Map<Decimal | undefined, Map<Decimal, Map<number, Bounds | null>>>;

function touched(keys: Iterable<string>, problem: Problem): Constraint[] {
  const out = new Set<Constraint>();
  for (const key of keys) for (const c of problem.byCell.get(key) ?? []) out.add(c);
  return [...out];
}

/** The interval of changes δ of `key` allowed by each required constraint, the other changes fixed. */
function boundsOf(key: string, fixed: Changes, problem: Problem, only?: (c: Constraint) => boolean): Bounds | null {
  return boundsOver(key, problem.byCell.get(key) ?? [], fixed, problem, only);
}

/**
 * Whether some change of `key` alone could satisfy these constraints (and leave the cell not
 * negative): a necessary condition of solveCell, from constraints already at hand. A cell of a sum
 * of 10,000 leaves is ruled out by the sum alone, before the identities around it are built.
 */
export function mayRepair(key: string, constraints: readonly Constraint[], problem: Problem): boolean {
  const cell = problem.cells.get(key);
  if (cell?.editable !== true) return false;
  // boundsOver with nothing fixed, each constraint's interval looked up: the cells of a sum of 10,000
  // leaves are alike to it (one coefficient, one precision), so it is worked out once, not per cell
  let low: Decimal | null = null;
  let high: Decimal | null = null;
  if (cell.value.gte(0)) low = cell.value.neg();
  for (const constraint of constraints) {
    if (!problem.required(constraint)) continue;
    const alone = boundsAlone(constraint, key, cell, problem.alone);
    if (alone === null) return false;
    if (alone.low && (low === null || alone.low.gt(low))) low = alone.low;
    if (alone.high && (high === null || alone.high.lt(high))) high = alone.high;
    if (low && high && (low as Decimal).gt(high)) return false;
  }
  return true;
}

const ZERO = new Decimal(0);

/**
 * The changes δ of a cell that one constraint allows with nothing else changed (the cell's
 * non-negativity aside): null when none does. It depends on the cell only through its coefficient,
 * its weight and its precision, so it is kept per constraint for each such kind of cell.
 */
function boundsAlone(constraint: Constraint, key: string, cell: CellVar, aloneMemo: Problem['alone']): Bounds | null {
  const c = constraint.coefficients.get(key);
  const weight = constraint.weights.get(key) ?? ZERO;
  // what else the bounds depend on: a written cell's precision (its repair's follows from it), or a
  // blank cell's repair precision (negative, apart)
  const kind = cell.blank ? -1 - repairDecimals(cell) : cell.decimals;
  const byCoefficient = getOrCreate(aloneMemo, constraint, () => new Map());
  const byWeight = getOrCreate(byCoefficient, c, () => new Map());
  const memo = getOrCreate(byWeight, weight, () => new Map());
  if (memo.has(kind)) return memo.get(kind) as Bounds | null;
  let bounds: Bounds | null;
  const t = constraint.tolerance.plus(weight.mul(radiusFor(repairDecimals(cell)).minus(currentRadius(cell))));
  const d = constraint.difference;
  if (!c) bounds = holds(constraint.op, d, t) ? { low: null, high: null } : null;
  else {
    // d + c·δ within [−t, t] ('='), ≤ t ('<='), ≥ −t ('>='), as boundsOver works it out
    const upper = t.minus(d).div(c);
    const lowerEnd = t.neg().minus(d).div(c);
    const positive = c.gt(0);
    bounds = { low: null, high: null };
    if (constraint.op === '=' || constraint.op === '<=') {
      if (positive) bounds.high = upper;
      else bounds.low = upper;
    }
    if (constraint.op === '=' || constraint.op === '>=') {
      if (positive) bounds.low = lowerEnd;
      else bounds.high = lowerEnd;
    }
  }
  memo.set(kind, bounds);
  return bounds;
}

/** boundsOf over the given constraints (an empty interval is known as soon as it is empty). */
function boundsOver(
  key: string,
  constraints: Iterable<Constraint>,
  fixed: Changes,
  problem: Problem,
  only?: (c: Constraint) => boolean,
): Bounds | null {
  const cell = problem.cells.get(key) as CellVar;
  let low: Decimal | null = null;
  let high: Decimal | null = null;
  const raise = (v: Decimal) => {
    if (low === null || v.gt(low)) low = v;
  };
  const lower = (v: Decimal) => {
    if (high === null || v.lt(high)) high = v;
  };
  // published amounts are not negative: a repair does not make one so (unless it is already)
  if (cell.value.gte(0)) raise(cell.value.neg());
  for (const constraint of constraints) {
    if (!problem.required(constraint) || (only && !only(constraint))) continue;
    const c = constraint.coefficients.get(key);
    const weight = constraint.weights.get(key) ?? new Decimal(0);
    const base = afterChanges(constraint, fixed, problem.cells);
    const t = base.tolerance.plus(weight.mul(radiusFor(repairDecimals(cell)).minus(currentRadius(cell))));
    const d = base.difference;
    if (!c) {
      if (!holds(constraint.op, d, t)) return null;
      continue;
    }
    // d + c·δ within [−t, t] ('='), ≤ t ('<='), ≥ −t ('>=')
    const upper = t.minus(d).div(c);
    const lowerEnd = t.neg().minus(d).div(c);
    const positive = c.gt(0);
    if (constraint.op === '=' || constraint.op === '<=') positive ? lower(upper) : raise(upper);
    if (constraint.op === '=' || constraint.op === '>=') positive ? raise(lowerEnd) : lower(lowerEnd);
    if (low && high && (low as Decimal).gt(high)) return null;
  }
  const result: Bounds = { low, high };
  if (result.low && result.high && result.low.gt(result.high)) return null;
  return result;
}

/** A value on the cell's grid (10⁻ᵈ), rounded the given way, as a change from the written value. */
function onGrid(cell: CellVar, delta: Decimal, rounding: Decimal.Rounding): Decimal {
  return cell.value.plus(delta).toDecimalPlaces(repairDecimals(cell), rounding).minus(cell.value);
}

/** Changes worth trying: each failing equality made exact, the ends and the middle of the interval. */
function candidateDeltas(key: string, bounds: Bounds, fixed: Changes, problem: Problem): Decimal[] {
  const cell = problem.cells.get(key) as CellVar;
  const out: Decimal[] = [];
  for (const constraint of problem.byCell.get(key) ?? []) {
    const c = constraint.coefficients.get(key);
    // a failing comparison outside the group is no constraint, but a value that clears it too is a good guess
    if (!c || constraint.op !== '=') continue;
    const d = afterChanges(constraint, fixed, problem.cells).difference;
    out.push(onGrid(cell, d.neg().div(c), Decimal.ROUND_HALF_UP));
  }
  const { low, high } = bounds;
  if (low) out.push(onGrid(cell, low, Decimal.ROUND_CEIL));
  if (high) out.push(onGrid(cell, high, Decimal.ROUND_FLOOR));
  if (low && high) out.push(onGrid(cell, low.plus(high).div(2), Decimal.ROUND_HALF_UP));
  return out.filter((d) => !d.isZero() && (!low || d.gte(low)) && (!high || d.lte(high)));
}

/** The required identities must hold; every identity touched counts towards the score (exact is best). */
function evaluate(changes: Map<string, Decimal>, problem: Problem): Solution | null {
  let score = new Decimal(0);
  for (const constraint of touched(changes.keys(), problem)) {
    const { difference, tolerance } = afterChanges(constraint, changes, problem.cells);
    if (problem.required(constraint) && !holds(constraint.op, difference, tolerance)) return null;
    score = score.plus(strain(constraint, changes, problem.cells));
  }
  return { changes, score };
}

function better(a: Solution | null, b: Solution | null): Solution | null {
  if (!a) return b;
  if (!b) return a;
  const byScore = a.score.comparedTo(b.score);
  if (byScore !== 0) return byScore < 0 ? a : b;
  return size(a).lte(size(b)) ? a : b;
}

function size(s: Solution): Decimal {
  let total = new Decimal(0);
  for (const d of s.changes.values()) total = total.plus(d.abs());
  return total;
}

/** The best value of one cell, other changes fixed; null when no value makes every identity hold. */
export function solveCell(key: string, problem: Problem, fixed: Changes = new Map()): Solution | null {
  const cell = problem.cells.get(key);
  if (!cell?.editable) return null;
  const bounds = boundsOf(key, fixed, problem);
  if (!bounds) return null;
  let best: Solution | null = null;
  for (const delta of candidateDeltas(key, bounds, fixed, problem)) {
    best = better(best, evaluate(new Map([...fixed, [key, delta]]), problem));
  }
  return best;
}

/** Changes of `key` to try when it is one of a pair: every grid point of its own interval, or a sample. */
function pairDeltas(key: string, other: string, problem: Problem): Decimal[] | null {
  const cell = problem.cells.get(key) as CellVar;
  const own = (c: Constraint) => !c.coefficients.has(other) && !c.weights.has(other);
  const bounds = boundsOf(key, new Map(), problem, own);
  if (!bounds?.low || !bounds.high) return null;
  const step = new Decimal(10).pow(-repairDecimals(cell));
  const first = onGrid(cell, bounds.low, Decimal.ROUND_CEIL);
  const last = onGrid(cell, bounds.high, Decimal.ROUND_FLOOR);
  if (first.gt(last)) return [];
  const count = last.minus(first).div(step).toNumber() + 1;
  if (count > MAX_GRID_POINTS) {
    const sample = candidateDeltas(key, bounds, new Map(), {
      ...problem,
      required: (c) => problem.required(c) && own(c),
    });
    return sample;
  }
  const out: Decimal[] = [];
  for (let i = 0; i < count; i++) {
    const d = first.plus(step.mul(i));
    if (!d.isZero()) out.push(d);
  }
  return out;
}

/**
 * The best values of two cells changed together; null when none works. One cell must be pinned by
 * identities of its own (a bounded interval): two cells free to move together are no diagnosis.
 */
export function solvePair(a: string, b: string, problem: Problem): Solution | null {
  if (!problem.cells.get(a)?.editable || !problem.cells.get(b)?.editable) return null;
  for (const [first, second] of [
    [a, b],
    [b, a],
  ] as const) {
    const deltas = pairDeltas(first, second, problem);
    if (!deltas) continue;
    let best: Solution | null = null;
    for (const delta of deltas) best = better(best, solveCell(second, problem, new Map([[first, delta]])));
    return best;
  }
  return null;
}
