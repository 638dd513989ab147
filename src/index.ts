/**
 * juesuan as a library: the engine the CLI is built on. Make a checker once (it resolves paths
 * against its `cwd` and loads each configuration's rules once), check files, format the results.
 *
 *   const checker = createChecker({ cwd: process.cwd() });
 *   const result = await checker.checkFile('report.xlsx');
 *   const text = (await loadFormatter('check', 'stylish'))({ files: [result], failOn: 'error' }, { cwd, color: false });
 */
export {
  type Checker,
  type CheckerOptions,
  type CheckFilesOptions,
  createChecker,
  type RuleSetup,
  type Selection,
  type SelectOptions,
} from './check/index.js';
export type { SkippedFile } from './batch/expand.js';
export { diffWorkbooks } from './diff/compare.js';
export type { Thresholds, WorkbookDiff } from './diff/types.js';
export { DataFileError, type DataFileProblem } from './errors/data-file-error.js';
export { InputError } from './errors/input-error.js';
export { RuleFileError } from './rules/rule-file-error.js';
export type { Finding, FindingLocation, Severity } from './model/finding.js';
export type { CheckReport, Counts, FileResult, RuleInfo } from './model/results.js';
export { countSeverities, exitCodeOf } from './model/results.js';
export type { WorkbookModel } from './model/types.js';
export type { FormatContext, FormatName, Formatter, ReportKind, Reports } from './report/formatters.js';
export { FORMATTERS, formatNames, isFormatName, loadFormatter } from './report/formatters.js';
