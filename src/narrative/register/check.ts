import type { Claim } from '../claims.js';
import { sameOwner } from '../extract/owner.js';
import type { Statement } from './build.js';

/** A quantity stated twice with values that do not meet: the later statement and the first one. */
export interface Restatement<C extends Claim> {
  earlier: C;
  later: C;
  /** A level's role in the key both share (a budget's part may be written without 预算). */
  role?: 'actual' | 'budget';
}

/**
 * Statements of one quantity (one key, one owner) whose values `agree` says do not meet, each later one against
 * the first. Per key, the first statement of each body the text names is kept (a round-up states several
 * bodies' figures); a statement naming no body, after statements of two bodies, is left out — whose it is (or a
 * sum of theirs: 全局) is not certain.
 */
export function restatements<C extends Claim>(
  statements: Statement<C>[],
  agree: (earlier: C, later: C) => boolean,
): Restatement<C>[] {
  const first = new Map<string, Statement<C>[]>();
  const out: Restatement<C>[] = [];
  for (const s of statements) {
    const stated = first.get(s.key) ?? [];
    if (s.owner === '' && new Set(stated.map((e) => e.owner)).size > 1) continue;
    const earlier = stated.find((e) => sameOwner(e.owner, s.owner));
    if (!earlier) {
      first.set(s.key, [...stated, s]);
      continue;
    }
    if (!agree(earlier.claim, s.claim))
      out.push({ earlier: earlier.claim, later: s.claim, ...(s.role ? { role: s.role } : {}) });
  }
  return out;
}
