import { existsSync, writeFileSync } from 'node:fs';
import { LIMITS } from '../io/limits.js';
import { readGuardedTextSync } from '../io/read-guarded.js';
import { resolve } from 'node:path';
import { entriesFromResults, entryKey, formatBaseline, parseBaseline, type BaselineEntry } from '../baseline/index.js';
import { InputError } from '../errors/input-error.js';
import { type RunOptions, checkSelection, checkerFor, selectInputs } from './run-checks.js';
import type { CliIO } from './io.js';

export interface BaselineCommandOptions extends Omit<RunOptions, 'shard'> {
  /** -o FILE; stdout when absent. */
  output?: string;
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
  const out = options.output === undefined || options.output === '-' ? undefined : resolve(io.cwd, options.output);
  if (out && selection.inputs.some((i) => resolve(io.cwd, i.file) === out)) {
    throw new InputError(
      'baseline-over-input',
      `-o 指定的「${options.output}」是要检查的工作簿，juesuan 不会覆盖输入文件；请换一个文件名，例如 accepted.yaml。`,
    );
  }
  let previous: BaselineEntry[] = [];
  if (out && existsSync(out))
    previous = parseBaseline(
      readGuardedTextSync(out, { maxBytes: LIMITS.baselineBytes, what: '审核说明' }),
      options.output ?? out,
      { requireReasons: false },
    ).entries;
  const results = await checkSelection(checker, selection, options, io);
  if (results.length === 0 || results.every((r) => r.error)) return 2;
  const entries = entriesFromResults(results, previous);
  const found = new Set(entries.map(entryKey));
  const gone = previous.filter((e) => !found.has(entryKey(e)));
  const keepGone = results.some((r) => r.error);
  if (keepGone) entries.push(...gone);
  const text = formatBaseline(entries);
  if (out) writeFileSync(out, text);
  else io.out(text);
  const filled = entries.filter((e) => e.reason.trim() !== '').length;
  const goneText =
    gone.length === 0
      ? ''
      : keepGone
        ? `；${gone.length} 条本次未出现，因有文件无法检查而保留`
        : `；${gone.length} 条不再出现，已删除`;
  io.err(
    `juesuan: 审核说明${out ? ` ${options.output}` : ''}：${entries.length} 条，其中 ${entries.length - filled} 条待填写 reason${goneText}。\n`,
  );
  return 0;
}
