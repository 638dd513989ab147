import type { FindingLocation } from '../../model/finding.js';

/** What a year-over-year check says before its rule's metadata is stamped on (see stamp.ts). */
export interface YearRawFinding {
  ruleId: string;
  messageId: string;
  data: Record<string, string>;
  location: FindingLocation;
  related: FindingLocation[];
}
