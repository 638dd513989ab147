import { DataFileError, type DataFileProblem } from '../errors/data-file-error.js';

/**
 * A rule file that cannot be used: bad YAML, an unknown key, a reference to a table, column or
 * role the catalog does not know. `code` is stable kebab-case; the CLI maps this error to exit 2.
 */
export type RuleFileErrorCode =
  | 'file-not-found'
  | 'yaml-syntax'
  | 'bad-shape'
  | 'unknown-key'
  | 'missing-key'
  | 'bad-value'
  | 'duplicate-id'
  | 'duplicate-check'
  | 'unknown-table'
  | 'unknown-block'
  | 'unknown-column'
  | 'unknown-role';

/** Every problem of one rule file, one sentence each: `规则文件 my.yaml 第 9 行：…（unknown-column）`. */
export class RuleFileError extends DataFileError {
  declare readonly code: RuleFileErrorCode;

  constructor(file: string, problems: readonly DataFileProblem[]) {
    super('规则文件', file, problems, { showCode: true });
    this.name = 'RuleFileError';
  }

  /** A rule file with one problem (a missing file, an id defined twice across files). */
  static at(code: RuleFileErrorCode, file: string, line: number, detail: string): RuleFileError {
    return new RuleFileError(file, [{ code, line, detail }]);
  }
}
