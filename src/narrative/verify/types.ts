import type { CheckedRawFinding } from '../../rules/types.js';
import type { Claim } from '../claims.js';

/** What a narrative check says before the rule naming it is stamped on (src/rules/stamp.ts). */
export type NarrativeRawFinding = CheckedRawFinding;

/** One claim's verdict: compared and found consistent, compared and found wrong, or nothing to compare with. */
export interface Verdict {
  claim: Claim;
  outcome: 'pass' | 'fail' | 'unverifiable';
  findings: NarrativeRawFinding[];
}
