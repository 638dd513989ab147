import type { Partition } from './types.js';

/** The parts the catalog's partitions give a total (none for a total of no partition). */
export function partsOf(partitions: readonly Partition[], total: string | undefined): readonly string[] {
  return partitions.find((x) => x.total === total)?.parts ?? [];
}

/** The parts of a total and their own parts, all the way down ("公务用车购置费" is a part of a part of “三公”经费). */
export function allPartsOf(partitions: readonly Partition[], total: string): Set<string> {
  const out = new Set<string>();
  const walk = (id: string) => {
    for (const p of partsOf(partitions, id)) {
      if (out.has(p)) continue;
      out.add(p);
      walk(p);
    }
  };
  walk(total);
  return out;
}

/**
 * The ways `total`'s parts may be written, each as the subjects it names: its own parts, and any of them by its own
 * parts ("公务用车购置及运行维护费" or "公务用车购置费" and "公务用车运行维护费").
 */
export function coverings(total: string, partitions: readonly Partition[]): string[][] {
  const own = partitions.find((x) => x.total === total)?.parts;
  if (!own) return [];
  let out: string[][] = [[]];
  for (const part of own) {
    const ways = [[part], ...coverings(part, partitions)];
    out = out.flatMap((head) => ways.map((w) => [...head, ...w]));
  }
  return out;
}

const everyCovering = new WeakMap<readonly Partition[], { total: string; ids: string[] }[]>();

/**
 * Every way every total of the catalog may be written as its parts (coverings of each partition's total), worked
 * once per catalog: the share readers and checks look a set of named parts up in it for each paragraph.
 */
export function allCoverings(partitions: readonly Partition[]): { total: string; ids: string[] }[] {
  let ways = everyCovering.get(partitions);
  if (!ways) {
    ways = partitions.flatMap((x) => coverings(x.total, partitions).map((ids) => ({ total: x.total, ids })));
    everyCovering.set(partitions, ways);
  }
  return ways;
}
