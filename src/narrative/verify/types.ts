import type { FindingLocation } from '../../model/finding.js';
import type { Claim } from '../claims.js';

/** What a check says before the runner stamps rule metadata and renders the message. */
export interface NarrativeRawFinding {
  ruleId: string;
  messageId: string;
  data: Record<string, string>;
  location: FindingLocation;
  related: FindingLocation[];
}

/** One claim's verdict: compared and found consistent, compared and found wrong, or nothing to compare with. */
export interface Verdict {
  claim: Claim;
  outcome: 'pass' | 'fail' | 'unverifiable';
  findings: NarrativeRawFinding[];
}
