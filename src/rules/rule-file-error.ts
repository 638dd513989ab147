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

export class RuleFileError extends Error {
  readonly code: RuleFileErrorCode;
  readonly file: string;
  /** 1-based line in the file (0 when the whole file is at fault). */
  readonly line: number;
  readonly exitCode = 2;
  /** The problem without the file/line prefix. */
  readonly detail: string;
  constructor(code: RuleFileErrorCode, file: string, line: number, detail: string) {
    super(`规则文件 ${file}${line > 0 ? ` 第 ${line} 行` : ''}：${detail}（${code}）`);
    this.name = 'RuleFileError';
    this.code = code;
    this.file = file;
    this.line = line;
    this.detail = detail;
  }
}
