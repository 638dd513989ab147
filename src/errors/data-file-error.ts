import { InputError } from './input-error.js';
import { printable } from './messages.js';

/** One thing wrong in a data file (rules, configuration, baseline, catalog, claims), at its line. */
export interface DataFileProblem {
  /** Stable kebab-case: unknown-key, missing-key, bad-value, yaml-syntax … */
  code: string;
  /** 1-based; 0 when the whole file is at fault. */
  line: number;
  /** What is wrong and what to write instead, without the file and line. */
  detail: string;
}

/** A file with this many problems is shown with its first ones and a count of the rest. */
const MAX_SHOWN = 20;

/**
 * A data file that cannot be used, with every problem found in it: one sentence per problem, each
 * naming the file and line (`规则文件 my.yaml 第 9 行：…`), so one run shows all that needs fixing.
 * `code`, `line` and `detail` are the first problem's (sorted by line). Exit 2.
 */
export class DataFileError extends InputError {
  readonly file: string;
  readonly problems: readonly DataFileProblem[];
  readonly line: number;
  readonly detail: string;

  constructor(
    /** What the file is, as the sentence names it: 规则文件, 配置文件 … */
    label: string,
    file: string,
    problems: readonly DataFileProblem[],
    options: { codePrefix?: string; showCode?: boolean } = {},
  ) {
    const sorted = [...problems].sort((a, b) => a.line - b.line);
    const [first] = sorted;
    if (!first) throw new Error('DataFileError without a problem');
    const sentence = (p: DataFileProblem) =>
      `${label} ${printable(file)}${p.line > 0 ? ` 第 ${p.line} 行` : ''}：${p.detail}${options.showCode ? `（${p.code}）` : ''}`;
    const shown = sorted.slice(0, MAX_SHOWN).map(sentence);
    if (sorted.length > MAX_SHOWN)
      shown.push(`${label} ${printable(file)}：另有 ${sorted.length - MAX_SHOWN} 处问题未列出，请先改正以上各处。`);
    super(`${options.codePrefix ?? ''}${first.code}`, shown.join('\n'));
    this.name = 'DataFileError';
    this.file = file;
    this.problems = sorted;
    this.line = first.line;
    this.detail = first.detail;
  }
}
