import type { Decimal } from 'decimal.js';
import type { FindingLocation } from '../model/finding.js';
import type { Identity } from '../model/identity.js';
import {
  afterChanges,
  type CellVar,
  type Changes,
  cellKey,
  type Constraint,
  holds,
  repairDecimals,
  toConstraint,
} from './constraints.js';
import { mayRepair, type Problem, type Solution, solveCell, solvePair } from './solve.js';

/**
 * Culprit diagnosis: the failing identities of a document are grouped (identities sharing a cell),
 * and for each group we look for the smallest set of cells whose change alone makes every identity
 * of the group hold while every identity that holds now still holds — one cell first (it must lie
 * in every identity of the group), then, within a bounded search, two.
 *
 * Only identities the rule files state as errors are explained (whatever the configuration made of
 * them): a warn or info comparison may differ for good reasons and is not evidence of a typo (it is
 * listed as explained when the repair also clears it).
 */
export interface Repair {
  location: FindingLocation;
  /** The value written now ('0' for a blank cell) and whether the cell is blank. */
  from: Decimal;
  blank: boolean;
  /** The value that clears the group, at the cell's precision (at least two decimals). */
  to: Decimal;
  decimals: number;
}

export interface Diagnosis {
  /**
   * Each alternative is one set of repairs that clears the group, best first. One alternative of one
   * cell is a culprit; several alternatives mean the identities cannot tell which cell is wrong.
   */
  alternatives: Repair[][];
  /** The failing identities the (first) alternative clears: the group, and any failing comparison it fixes too. */
  explains: Identity[];
}

/** Pairs tried per group at most, so a document with many errors stays fast. */
const MAX_PAIRS = 4000;
/** Alternatives listed when several would do. */
export const MAX_ALTERNATIVES = 6;

function isTarget(identity: Identity): boolean {
  return !identity.holds && identity.required;
}

/** Failing error identities connected through a shared editable cell (union–find). */
function groupsOf(targets: Constraint[], cells: ReadonlyMap<string, CellVar>): Constraint[][] {
  const parent = targets.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  const owner = new Map<string, number>();
  targets.forEach((constraint, i) => {
    for (const key of constraint.coefficients.keys()) {
      if (!cells.get(key)?.editable) continue;
      const j = owner.get(key);
      if (j === undefined) owner.set(key, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, Constraint[]>();
  targets.forEach((constraint, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(constraint);
    else groups.set(root, [constraint]);
  });
  return [...groups.values()];
}

function editableKeys(constraint: Constraint, cells: ReadonlyMap<string, CellVar>): string[] {
  return [...constraint.coefficients.keys()].filter((k) => cells.get(k)?.editable);
}

/** Cells lying in every identity of the group. */
function common(group: Constraint[], cells: ReadonlyMap<string, CellVar>): string[] {
  const [first, ...rest] = group;
  if (!first) return [];
  return editableKeys(first, cells).filter((k) => rest.every((c) => c.coefficients.has(k)));
}

/** Pairs {a, b} such that every identity of the group names a or b (one of them lies in the smallest identity). */
function coveringPairs(group: Constraint[], cells: ReadonlyMap<string, CellVar>): [string, string][] {
  const smallest = [...group].sort((x, y) => x.coefficients.size - y.coefficients.size)[0];
  if (!smallest) return [];
  const seen = new Set<string>();
  const pairs: [string, string][] = [];
  for (const a of editableKeys(smallest, cells)) {
    const rest = group.filter((c) => !c.coefficients.has(a));
    if (rest.length === 0) continue;
    for (const b of common(rest, cells)) {
      const id = a < b ? `${a}\u0001${b}` : `${b}\u0001${a}`;
      if (b === a || seen.has(id)) continue;
      seen.add(id);
      pairs.push([a, b]);
      if (pairs.length >= MAX_PAIRS) return pairs;
    }
  }
  return pairs;
}

function repairsOf(solution: Solution, cells: ReadonlyMap<string, CellVar>): Repair[] {
  return [...solution.changes].map(([key, delta]) => {
    const cell = cells.get(key) as CellVar;
    const decimals = repairDecimals(cell);
    return { location: cell.location, from: cell.value, blank: cell.blank, to: cell.value.plus(delta), decimals };
  });
}

/** The group, plus failing identities outside it that the repair clears as well. */
function explained(group: Constraint[], solution: Solution, problem: Problem): Identity[] {
  const out = new Set<Identity>(group.map((c) => c.identity));
  for (const key of solution.changes.keys()) {
    for (const constraint of problem.byCell.get(key) ?? []) {
      if (constraint.identity.holds || out.has(constraint.identity)) continue;
      const { difference, tolerance } = afterChanges(constraint, solution.changes, problem.cells);
      if (holds(constraint.op, difference, tolerance)) out.add(constraint.identity);
    }
  }
  return [...out];
}

/** A typo an officer makes (digits swapped, one digit wrong, a decimal point moved) ranks first among equals. */
function plausibility(repairs: Repair[]): number {
  return repairs.reduce((total, r) => total + typoDistance(r.from.toFixed(r.decimals), r.to.toFixed(r.decimals)), 0);
}

/** 0 for a swap of two adjacent digits or one digit changed, 1 for a decimal shift, 2 otherwise. */
export function typoDistance(written: string, meant: string): number {
  if (written.length === meant.length) {
    const diff = [...written].map((ch, i) => (ch === meant[i] ? -1 : i)).filter((i) => i >= 0);
    if (diff.length === 1) return 0;
    const [i, j] = diff;
    if (diff.length === 2 && j === (i as number) + 1 && written[i as number] === meant[j as number]) {
      if (written[j as number] === meant[i as number]) return 0;
    }
  }
  const digits = (text: string) => text.replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  if (digits(written) === digits(meant)) return 1;
  return 2;
}

interface Candidate {
  repairs: Repair[];
  explains: Identity[];
  score: Solution['score'];
  changes: Changes;
}

/** A diagnosis and, when it names one repair for certain, that repair's changes. */
interface Diagnosed extends Diagnosis {
  changes: Changes | undefined;
}

/**
 * The candidates that clear the most failing identities (the group, and failing comparisons of any
 * severity besides), a typo-like repair first among those, then the one leaving the identities nearest
 * to exact. Candidates clearing fewer are dropped: they explain less of what the document shows.
 */
function best(candidates: Candidate[]): Candidate[] {
  const most = Math.max(...candidates.map((c) => c.explains.length));
  return candidates
    .filter((c) => c.explains.length === most)
    .sort((x, y) => plausibility(x.repairs) - plausibility(y.repairs) || x.score.comparedTo(y.score));
}

function diagnoseGroup(group: Constraint[], problem: Problem): Diagnosed | null {
  const own = groupProblem(group, problem);
  const candidate = (solution: Solution): Candidate => ({
    repairs: repairsOf(solution, problem.cells),
    explains: explained(group, solution, own),
    score: solution.score,
    changes: solution.changes,
  });
  let found: Candidate[] = [];
  for (const key of common(group, problem.cells)) {
    if (!mayRepair(key, group, own)) continue;
    const solution = solveCell(key, own);
    if (solution) found.push(candidate(solution));
  }
  if (found.length === 0) {
    const without = new Map<string, Constraint[]>();
    for (const [a, b] of coveringPairs(group, problem.cells)) {
      // whatever a becomes, b alone must satisfy the identities of the group that do not name a
      let withoutA = without.get(a);
      if (!withoutA) {
        withoutA = group.filter((c) => !c.coefficients.has(a) && !c.weights.has(a));
        without.set(a, withoutA);
      }
      if (!mayRepair(b, withoutA, own)) continue;
      const solution = solvePair(a, b, own);
      if (solution) found.push(candidate(solution));
    }
  }
  if (found.length === 0) return null;
  found = best(found);
  return {
    alternatives: found.map((c) => c.repairs),
    explains: (found[0] as Candidate).explains,
    changes: found.length === 1 ? (found[0] as Candidate).changes : undefined,
  };
}

/**
 * A group no single cell explains on its own, because the repair breaks a comparison that holds now
 * — the same typo made in two tables (事业运行 392.83 in 03 and in 05: 05 ≤ 03 holds, and repairing 03
 * alone breaks it). Its cell is solved with the culprits already certain elsewhere (`certain`)
 * repaired, and named only when it is the one cell that does it and the joint repair keeps every
 * identity that holds now holding: it clears both groups and breaks nothing.
 */
function diagnoseWithOthers(group: Constraint[], problem: Problem, certain: Changes): Diagnosed | null {
  const own = groupProblem(group, problem);
  const found: Candidate[] = [];
  for (const key of common(group, problem.cells)) {
    if (certain.has(key)) continue;
    const joint = solveCell(key, own, certain);
    const delta = joint?.changes.get(key);
    if (!joint || !delta || !intact(joint.changes, problem)) continue;
    const solution: Solution = { changes: new Map([[key, delta]]), score: joint.score };
    found.push({
      repairs: repairsOf(solution, problem.cells),
      explains: explained(group, solution, own),
      score: solution.score,
      changes: solution.changes,
    });
  }
  // one cell, or nothing: which of several would do is not known
  if (found.length !== 1) return null;
  const [only] = found as [Candidate];
  return { alternatives: [only.repairs], explains: only.explains, changes: only.changes };
}

/** Whether every identity that holds now and names a changed cell still holds after the changes. */
function intact(changes: Changes, problem: Problem): boolean {
  for (const key of changes.keys())
    for (const c of problem.byCell.get(key) ?? []) {
      if (!c.identity.holds) continue;
      const { difference, tolerance } = afterChanges(c, changes, problem.cells);
      if (!holds(c.op, difference, tolerance)) return false;
    }
  return true;
}

/** The failing identities of this group must hold after the repair; other failing ones are free. */
function groupProblem(group: Constraint[], problem: Problem): Problem {
  const members = new Set(group);
  return { ...problem, required: (c) => c.identity.holds || members.has(c) };
}

/**
 * Constraints by cell, built on first use: a diagnosis looks at the few identities around the failing
 * ones, so the hundreds that hold elsewhere in the document are never turned into constraints.
 */
function lazyIndex(identities: readonly Identity[], cells: Map<string, CellVar>): Problem['byCell'] {
  const byKey = new Map<string, Identity[]>();
  // a cell lies in several identities: its key is made once (places are the model's own objects)
  const keys = new Map<object, string>();
  for (const identity of identities) {
    for (const place of identity.places ?? identity.terms.map((t) => t.location)) {
      let key = keys.get(place);
      if (key === undefined) {
        key = cellKey(place);
        keys.set(place, key);
      }
      const list = byKey.get(key);
      if (!list) byKey.set(key, [identity]);
      else if (list[list.length - 1] !== identity) list.push(identity);
    }
  }
  const built = new Map<Identity, Constraint>();
  const constraint = (identity: Identity): Constraint => {
    let c = built.get(identity);
    if (!c) {
      c = toConstraint(identity, cells);
      built.set(identity, c);
    }
    return c;
  };
  const lists = new Map<string, Constraint[]>();
  return {
    constraint,
    get(key) {
      let list = lists.get(key);
      if (!list) {
        list = (byKey.get(key) ?? []).map(constraint);
        lists.set(key, list);
      }
      return list;
    },
  };
}

/** Diagnoses of every group of failing error identities, the best first (one cell before a pair, more cleared first). */
export function diagnose(identities: readonly Identity[]): Diagnosis[] {
  const cells = new Map<string, CellVar>();
  const targets = identities.filter(isTarget);
  if (targets.length === 0) return [];
  const problem: Problem = {
    cells,
    byCell: lazyIndex(identities, cells),
    required: (c) => c.identity.holds,
    alone: new Map(),
  };
  const constraints = targets.map((i) => problem.byCell.constraint(i));
  const groups = groupsOf(constraints, cells);
  const found = groups.map((group) => diagnoseGroup(group, problem));
  // a group left unexplained may be the other half of a typo made twice: see diagnoseWithOthers
  const certain = new Map<string, Decimal>();
  for (const d of found) for (const [key, delta] of d?.changes ?? []) certain.set(key, delta);
  if (certain.size > 0)
    groups.forEach((group, i) => {
      found[i] ??= diagnoseWithOthers(group, problem, certain);
    });
  const diagnoses: Diagnosis[] = [];
  for (const d of found) if (d) diagnoses.push({ alternatives: d.alternatives, explains: d.explains });
  const order = (d: Diagnosis) => [
    d.alternatives.length === 1 ? 0 : 1,
    (d.alternatives[0] as Repair[]).length,
    -d.explains.length,
  ];
  return diagnoses.sort((x, y) => {
    const [a, b] = [order(x), order(y)];
    return (
      (a[0] as number) - (b[0] as number) || (a[1] as number) - (b[1] as number) || (a[2] as number) - (b[2] as number)
    );
  });
}
