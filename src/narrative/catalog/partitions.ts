import type { Partition } from './types.js';

/** The parts the catalog's partitions give a total (none for a total of no partition). */
export function partsOf(partitions: readonly Partition[], total: string | undefined): readonly string[] {
  return partitions.find((x) => x.total === total)?.parts ?? [];
}
