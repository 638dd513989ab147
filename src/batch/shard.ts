import { InputError } from '../errors/input-error.js';
import { comparePaths } from './expand.js';

/** `--shard i/n`: this job checks part i (1-based) of n. */
export interface Shard {
  index: number;
  count: number;
}

export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new InputError('bad-shard', `--shard 应写作 i/n（1 ≤ i ≤ n），例如 --shard 2/4，而不是「${text}」。`);
  }
  return { index, count };
}

/**
 * The files of one shard: every path sorted by code unit, then dealt round-robin — the k-th file
 * (0-based) goes to shard k mod n + 1. Every matrix job sees the same checkout and arguments, so
 * the split is the same on each; shards differ in size by at most one file, and neighbouring files
 * (one department's folder, similar sizes) are spread across jobs. A hash of the path would keep a
 * file in its shard when others are added, which CI does not need, at the price of uneven shards.
 */
export function selectShard<T extends { file: string }>(items: readonly T[], shard: Shard): T[] {
  return [...items].sort((a, b) => comparePaths(a.file, b.file)).filter((_, k) => k % shard.count === shard.index - 1);
}
