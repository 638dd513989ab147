/** The engine: one place that checks a document end to end (see checker.ts). */
export {
  type Checker,
  type CheckerOptions,
  type CheckFilesOptions,
  createChecker,
  type Selection,
  type SelectOptions,
} from './checker.js';
export type { RuleSetup } from './setup.js';
