/** The rule engine: load declarative rule files, run them on a workbook model. */
export { builtinRulePaths, loadRuleFiles, parseRuleFile } from './load-rules.js';
export { runRules, compareFindings, type RunOptions } from './run-rules.js';
export { RuleFileError, type RuleFileErrorCode } from './rule-file-error.js';
export type { Rule, RuleSet } from './types.js';
