/** The rule engine: load declarative rule files, run them on a workbook model. */
export { builtinRulePaths, loadRuleFiles, parseRuleFile } from './load-rules.js';
export { runRules } from './run-rules.js';
export { RuleFileError } from './rule-file-error.js';
export type { Rule } from './types.js';
