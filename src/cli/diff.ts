import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { findConfig, loadConfig } from '../config/config.js';
import { diffWorkbooks } from '../diff/compare.js';
import { formatDiffHtml } from '../diff/format-html.js';
import { formatDiffJson } from '../diff/format-json.js';
import { formatDiffMarkdown } from '../diff/format-markdown.js';
import { formatDiffTerminal } from '../diff/format-terminal.js';
import { thresholdsOf, type ThresholdOptions } from '../diff/thresholds.js';
import type { WorkbookDiff } from '../diff/types.js';
import { InputError } from '../errors/input-error.js';
import type { WorkbookModel } from '../model/types.js';
import type { CliIO } from './io.js';
import { createChecker } from '../check/index.js';

export const DIFF_FORMATS = ['terminal', 'json', 'markdown', 'html'] as const;
type DiffFormat = (typeof DIFF_FORMATS)[number];

export interface DiffOptions extends ThresholdOptions {
  format?: string;
  output?: string;
  failOnFlagged?: boolean;
  config?: string;
}

/** Reads a workbook relative to the CLI's cwd, reported under the name given. */
async function readModelAt(file: string, io: CliIO): Promise<WorkbookModel> {
  return createChecker({ cwd: io.cwd }).inspect(file);
}

function render(diff: WorkbookDiff, format: DiffFormat, color: boolean): string {
  switch (format) {
    case 'json':
      return formatDiffJson(diff);
    case 'markdown':
      return formatDiffMarkdown(diff);
    case 'html':
      return formatDiffHtml(diff);
    case 'terminal':
      return formatDiffTerminal(diff, { color });
  }
}

/**
 * juesuan diff PREV.xlsx CURR.xlsx: every changed amount, table by table, in 万元.
 * Exit 0; 1 when --fail-on-flagged is given and a change reaches the thresholds; 2 for unusable
 * input or options.
 */
export async function diffCommand(prior: string, current: string, options: DiffOptions, io: CliIO): Promise<number> {
  const format = (options.format ?? 'terminal') as DiffFormat;
  if (!DIFF_FORMATS.includes(format)) {
    throw new InputError('bad-format', `不支持的输出格式「${options.format}」：请使用 ${DIFF_FORMATS.join('、')}。`);
  }
  const configFile = options.config ?? findConfig(dirname(resolve(io.cwd, current)));
  const thresholds = thresholdsOf(options, configFile ? loadConfig(resolve(io.cwd, configFile)).diff : undefined);
  const output = options.output === undefined ? undefined : resolve(io.cwd, options.output);
  if (output !== undefined && [prior, current].some((f) => resolve(io.cwd, f) === output)) {
    throw new InputError(
      'output-is-input',
      `-o 的输出文件「${options.output}」是输入的工作簿之一；juesuan 从不改写输入，请另选文件名。`,
    );
  }
  const diff = diffWorkbooks(await readModelAt(prior, io), await readModelAt(current, io), thresholds);
  const color = output === undefined && format === 'terminal' && io.isTTY && io.env.NO_COLOR === undefined;
  const text = render(diff, format, color);
  if (output === undefined) io.out(text);
  else writeFileSync(output, text);
  return options.failOnFlagged && diff.summary.flagged > 0 ? 1 : 0;
}
