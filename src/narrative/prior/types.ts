import type { CheckedRawFinding } from '../../rules/types.js';

/** What a year-over-year check says before its rule's metadata is stamped on (src/rules/stamp.ts). */
export type YearRawFinding = CheckedRawFinding;
