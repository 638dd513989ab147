/** Accepted findings (审核说明): create, parse, serialise, apply. Pure functions; the CLI reads and writes files. */
export type { Baseline, BaselineEntry } from './types.js';
export { entriesFromResults, entryKey } from './entries.js';
export { formatBaseline } from './format.js';
export { BaselineError, parseBaseline } from './parse.js';
export { applyBaseline, type StampSetup, staleFindings } from './apply.js';
