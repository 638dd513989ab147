import { Decimal } from 'decimal.js';
import { radiusFor } from '../../money/interval.js';
import type { Figure, Placement } from './placement.js';

/**
 * The placements of a code-keyed table's lines narrowed by its column sums: in each column a 类
 * is the sum of its 款, a 款 of its 项, and the 合计 row of the rows at the top of the tree — the
 * identities the table's rules check (t03.rollup, t05.total-leaves …). Where a line's figures
 * can stand in two columns (`1,700.57 1,700.57` under 合计 | 基本支出 | 项目支出), the parent's
 * figure in each column often leaves one way only: 20701's 基本支出 is the sum of its 项' 基本支出,
 * so a 项 whose figure would make that sum too large cannot have it there.
 *
 * A placement goes only where no combination of the other rows' placements keeps the sum; a sum
 * no combination keeps (a table that breaks its own identities, or too many combinations to try)
 * rules nothing out. So what stays is certain for a table that adds up, and a table that does not
 * is left as its lines alone place it (its rules then say where it breaks).
 */

export interface TreeRow {
  /** The row's code; undefined for the 合计 row. */
  code?: string;
  total: boolean;
  figures: readonly Figure[];
  /** The placements its own line allows (narrowed here). */
  found: Placement[];
}

/** The most combinations of the children's values tried for one sum. */
const MAX_COMBINATIONS = 4096;
const MAX_ROUNDS = 8;
const BLANK_RADIUS = radiusFor(2);
const ZERO = new Decimal(0);

/** The row one level up present in the table (or the 合计 row for the rows at the top), by index. */
function parentsOf(rows: readonly TreeRow[]): (number | undefined)[] {
  const byCode = new Map<string, number>();
  rows.forEach((r, i) => {
    if (r.code !== undefined && !byCode.has(r.code)) byCode.set(r.code, i);
  });
  const total = rows.findIndex((r) => r.total);
  return rows.map((r) => {
    if (r.code === undefined) return undefined;
    for (let len = r.code.length - 2; len >= 3; len -= 2) {
      const at = byCode.get(r.code.slice(0, len));
      if (at !== undefined) return at;
    }
    return total >= 0 ? total : undefined;
  });
}

interface Value {
  value: Decimal;
  radius: Decimal;
}

function valueAt(row: TreeRow, placement: Placement, col: number): Value {
  const f = row.figures[placement[col] as number];
  return f?.value ? { value: f.value, radius: radiusFor(f.decimals) } : { value: ZERO, radius: BLANK_RADIUS };
}

/** The distinct values a row's placements give a column, each with the placements giving it. */
function valuesOf(row: TreeRow, col: number): { v: Value; key: string }[] {
  const seen = new Map<string, Value>();
  for (const p of row.found) {
    // a word where a figure stands holds nothing known: no sum over it says anything
    if (row.figures[p[col] as number]?.word) return [];
    const v = valueAt(row, p, col);
    seen.set(v.value.toString(), v);
  }
  return [...seen].map(([key, v]) => ({ v, key }));
}

/** What one sum allows: each row's values some consistent combination uses; `none` when no combination keeps it. */
type Allowed = Map<number, Set<string>> | 'none' | 'too-many';

/**
 * One sum (parent = Σ children) in one column: the values of each row that some consistent
 * combination uses, or why there are none to say.
 */
function allowed(rows: readonly TreeRow[], family: number[], col: number): Allowed {
  const options = family.map((i) => valuesOf(rows[i] as TreeRow, col));
  let count = 1;
  for (const o of options) {
    // (a row its own line places nowhere holds anything: the sum says nothing)
    if (o.length === 0) return 'too-many';
    count *= o.length;
    if (count > MAX_COMBINATIONS) return 'too-many';
  }
  const keep = new Map<number, Set<string>>(family.map((i) => [i, new Set<string>()]));
  let any = false;
  const pick: number[] = new Array<number>(family.length).fill(0);
  for (let n = 0; n < count; n += 1) {
    let rest = n;
    for (let k = 0; k < family.length; k += 1) {
      const size = (options[k] as unknown[]).length;
      pick[k] = rest % size;
      rest = Math.floor(rest / size);
    }
    const chosen = pick.map((p, k) => (options[k] as { v: Value; key: string }[])[p] as { v: Value; key: string });
    const [parent, ...children] = chosen;
    let gap = (parent as { v: Value }).v.value;
    let radius = (parent as { v: Value }).v.radius;
    for (const c of children) {
      gap = gap.minus(c.v.value);
      radius = radius.plus(c.v.radius);
    }
    if (gap.abs().gt(radius)) continue;
    any = true;
    chosen.forEach((c, k) => {
      keep.get(family[k] as number)?.add(c.key);
    });
  }
  return any ? keep : 'none';
}

/** Whether some sum of the tree no combination of the rows' placements keeps: the table does not add up. */
function breaksASum(rows: readonly TreeRow[], families: Map<number, number[]>, columns: number): boolean {
  for (const [parent, children] of families)
    for (let col = 0; col < columns; col += 1) if (allowed(rows, [parent, ...children], col) === 'none') return true;
  return false;
}

/**
 * Narrows each row's placements by the column sums of the code tree (see above), in place; not at
 * all when the table breaks one of its sums before or after (a table that does not add up places
 * nothing by arithmetic: a coincidence of its wrong figures could).
 */
export function narrowByTree(rows: TreeRow[], columns: number): void {
  const parents = parentsOf(rows);
  const families = new Map<number, number[]>();
  parents.forEach((p, i) => {
    if (p !== undefined) families.set(p, [...(families.get(p) ?? []), i]);
  });
  if (breaksASum(rows, families, columns)) return;
  const before = rows.map((r) => r.found);
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    let changed = false;
    for (const [parent, children] of families) {
      const family = [parent, ...children];
      // only a family one of whose rows is still in doubt can narrow anything
      if (family.every((i) => (rows[i] as TreeRow).found.length <= 1)) continue;
      for (let col = 0; col < columns; col += 1) {
        const keep = allowed(rows, family, col);
        if (typeof keep === 'string') continue;
        for (const i of family) {
          const row = rows[i] as TreeRow;
          const ok = keep.get(i) as Set<string>;
          const narrowed = row.found.filter((p) => ok.has(valueAt(row, p, col).value.toString()));
          if (narrowed.length > 0 && narrowed.length < row.found.length) {
            row.found = narrowed;
            changed = true;
          }
        }
      }
    }
    if (!changed) break;
  }
  // families narrowed one by one may not fit together: then nothing is certain
  if (breaksASum(rows, families, columns))
    rows.forEach((r, i) => {
      r.found = before[i] as Placement[];
    });
}
