import { statSync } from 'node:fs';
import { LIMITS } from '../io/limits.js';
import { readGuardedTextSync } from '../io/read-guarded.js';
import { resolve } from 'node:path';
import { entriesFromResults, entryKey, formatBaseline, parseBaseline, type BaselineEntry } from '../baseline/index.js';
import type { Checker, Selection } from '../check/index.js';
import { isStdout, OutputWriter, type RunInput } from '../io/output/writer.js';
import { type RunOptions, checkSelection, checkerFor, selectInputs } from './run-checks.js';
import type { CliIO } from './io.js';
import { runInputs } from './run-inputs.js';

export interface BaselineCommandOptions extends Omit<RunOptions, 'shard'> {
  /** -o FILE; stdout when absent. */
  output?: string;
}

/** The entries of the baseline being updated: only a regular file is read (never /dev/full, a FIFO …). */
function previousEntries(path: string, shown: string): BaselineEntry[] {
  // only a file on disk holds entries to keep: a device or a FIFO (/dev/stdout, a pipe) is an
  // output only, never read or waited on (the writer opens it without blocking)
  if (!statSync(path, { throwIfNoEntry: false })?.isFile()) return [];
  const text = readGuardedTextSync(path, { maxBytes: LIMITS.baselineBytes, what: '审核说明' });
  return parseBaseline(text, shown, { requireReasons: false }).entries;
}

/** Every file this run reads; the baseline being updated is its output, not one of them. */
function inputsOf(selection: Selection, checker: Checker, options: BaselineCommandOptions, cwd: string): RunInput[] {
  const configs = selection.inputs
    .filter((i) => !i.error)
    .map((i) => checker.ruleSetup(i.file).config)
    .map((config) => ({ file: config.file, ruleFiles: config.ruleFiles }));
  return runInputs({ files: selection.inputs.map((i) => i.file), rules: options.rules, configs }, cwd);
}

/**
 * juesuan baseline FILE|DIR… -o accepted.yaml: records every current finding as an accepted entry
 * with an empty reason to fill in. When the file exists, reasons already written are kept for the
 * findings that still occur; entries that no longer occur are dropped — unless some workbook could
 * not be read, in which case they are kept (their absence proves nothing). Exit 2 when no
 * workbook could be used; nothing is written then.
 */
export async function baselineCommand(paths: string[], options: BaselineCommandOptions, io: CliIO): Promise<number> {
  const checker = await checkerFor(options, io);
  const selection = selectInputs(checker, paths, options, io);
  const out = options.output === undefined || isStdout(options.output) ? undefined : options.output;
  const writer = new OutputWriter({ cwd: io.cwd, inputs: inputsOf(selection, checker, options, io.cwd) });
  if (out !== undefined) writer.check(out, '-o');
  const previous = out === undefined ? [] : previousEntries(resolve(io.cwd, out), out);
  const results = await checkSelection(checker, selection, options, io);
  if (results.length === 0 || results.every((r) => r.error)) return 2;
  const entries = entriesFromResults(results, previous);
  const found = new Set(entries.map(entryKey));
  const gone = previous.filter((e) => !found.has(entryKey(e)));
  const keepGone = results.some((r) => r.error);
  if (keepGone) entries.push(...gone);
  const text = formatBaseline(entries);
  if (out !== undefined) writer.write(out, text, '-o');
  else io.out(text);
  const filled = entries.filter((e) => e.reason.trim() !== '').length;
  const goneText =
    gone.length === 0
      ? ''
      : keepGone
        ? `；${gone.length} 条本次未出现，因有文件无法检查而保留`
        : `；${gone.length} 条不再出现，已删除`;
  io.err(
    `juesuan: 审核说明${out !== undefined ? ` ${out}` : ''}：${entries.length} 条，其中 ${entries.length - filled} 条待填写 reason${goneText}。\n`,
  );
  return 0;
}
