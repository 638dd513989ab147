import { dirname, extname, resolve } from 'node:path';
import { findConfig, loadConfig } from '../config/config.js';
import { diffWorkbooks } from '../diff/compare.js';
import { thresholdsOf, type ThresholdOptions } from '../diff/thresholds.js';
import { createChecker } from '../check/index.js';
import { InputError } from '../errors/input-error.js';
import { inputError, NO_TABLES_CODES } from '../errors/messages.js';
import { isStdout, OutputWriter } from '../io/output/writer.js';
import type { WorkbookModel } from '../model/types.js';
import { type FormatName, formatNames, loadFormatter } from '../report/formatters.js';
import { chooseFormat } from './format-option.js';
import type { CliIO } from './io.js';
import { runInputs } from './run-inputs.js';

export interface DiffOptions extends ThresholdOptions {
  format?: string;
  output?: string;
  failOnFlagged?: boolean;
  config?: string;
}

/**
 * Reads a document relative to the CLI's cwd, reported under the name given. One without a
 * recognised table (a 情况说明 alone, which check accepts) has no amounts to compare: unusable here.
 */
async function readModelAt(file: string, io: CliIO): Promise<WorkbookModel> {
  let model: WorkbookModel;
  try {
    model = await createChecker({ cwd: io.cwd }).inspect(file);
  } catch (error) {
    if (error instanceof InputError && NO_TABLES_CODES.includes(error.code))
      throw inputError('no-tables-diff', { file }, { cause: error });
    throw error;
  }
  if (model.tables.length === 0) throw inputError('no-tables-diff', { file });
  return model;
}

/** The format an output file's extension names (`-o d.html` without --format); text otherwise. */
const FORMAT_OF_EXTENSION: Record<string, FormatName<'diff'>> = {
  '.html': 'html',
  '.htm': 'html',
  '.json': 'json',
  '.md': 'markdown',
  '.markdown': 'markdown',
};

function formatOfPath(path: string | undefined): FormatName<'diff'> {
  return (path && FORMAT_OF_EXTENSION[extname(path).toLowerCase()]) || 'terminal';
}

/**
 * juesuan diff PREV.xlsx CURR.xlsx: every changed amount, table by table, in 万元.
 * Exit 0; 1 when --fail-on-flagged is given and a change reaches the thresholds; 2 for unusable
 * input or options.
 */
export async function diffCommand(prior: string, current: string, options: DiffOptions, io: CliIO): Promise<number> {
  const output = options.output === undefined || isStdout(options.output) ? undefined : options.output;
  const format = chooseFormat(options.format ?? formatOfPath(output), formatNames('diff'), '--format');
  const configFile = options.config ?? findConfig(dirname(resolve(io.cwd, current)));
  const writer = new OutputWriter({
    cwd: io.cwd,
    inputs: runInputs({ files: [current], previous: prior, configs: [{ file: configFile, ruleFiles: [] }] }, io.cwd),
  });
  if (output !== undefined) writer.check(output, '-o');
  const thresholds = thresholdsOf(options, configFile ? loadConfig(resolve(io.cwd, configFile)).diff : undefined);
  const diff = diffWorkbooks(await readModelAt(prior, io), await readModelAt(current, io), thresholds);
  const color = output === undefined && format === 'terminal' && io.isTTY && io.env.NO_COLOR === undefined;
  const width = output === undefined && io.columns ? { width: io.columns } : {};
  const text = (await loadFormatter('diff', format))(diff, { cwd: io.cwd, color, ...width });
  if (output === undefined) io.out(text);
  else writer.write(output, text, '-o');
  return options.failOnFlagged && diff.summary.flagged > 0 ? 1 : 0;
}
