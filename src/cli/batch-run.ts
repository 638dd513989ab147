import { oneLine, terminalSafe } from '../report/terminal-text.js';
import { expandInputs, type BatchInput } from '../batch/expand.js';
import { checkBatch } from '../batch/pool.js';
import { progressBar } from '../batch/progress.js';
import { parseShard, selectShard } from '../batch/shard.js';
import { InputError } from '../errors/input-error.js';
import type { FileResult } from '../report/types.js';
import { setupResolver, type SetupResolver } from './check-run.js';
import type { CliIO } from './io.js';
import type { RuleOptions } from './rule-setup.js';

export interface BatchRunOptions extends RuleOptions {
  /** --jobs N: worker threads (default: every core; 1 = no workers). */
  jobs?: string;
  /** --shard i/n */
  shard?: string;
  debug?: boolean;
}

export interface Selection {
  inputs: BatchInput[];
  setups: SetupResolver;
}

function parseJobs(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const jobs = Number(text);
  if (!/^\d+$/.test(text.trim()) || jobs < 1)
    throw new InputError('bad-jobs', `--jobs 应为正整数（工作线程数），而不是「${text}」。`);
  return jobs;
}

/**
 * The files of this run: folders expanded, then this job's shard; the rule setup of every file is
 * loaded now, so a bad configuration or rule file stops the run (exit 2) before any file is read.
 */
export function selectInputs(paths: readonly string[], options: BatchRunOptions, io: CliIO): Selection {
  parseJobs(options.jobs);
  let inputs = expandInputs(paths, io.cwd, (s) => io.err(`juesuan: 已跳过「${terminalSafe(s.file)}」：${s.why}。\n`));
  if (options.shard !== undefined) {
    const shard = parseShard(options.shard);
    const all = inputs.length;
    inputs = selectShard(inputs, shard);
    io.err(`juesuan: 分片 ${shard.index}/${shard.count}：检查 ${inputs.length} 个文件（共 ${all} 个）。\n`);
  }
  const setups = setupResolver(options, io.cwd);
  for (const input of inputs) if (!input.error) setups(input.file);
  return { inputs, setups };
}

/**
 * Checks the selected files (worker threads for a batch, see src/batch/pool.ts), with a progress
 * bar on a terminal's stderr; every unusable file is named on stderr. Results in input order.
 */
export async function checkInputs(selection: Selection, options: BatchRunOptions, io: CliIO): Promise<FileResult[]> {
  const files = selection.inputs.filter((i) => !i.error).map((i) => i.file);
  const progress = io.errIsTTY && files.length > 1 && !io.env.CI ? progressBar((t) => io.err(t)) : undefined;
  const checked = await checkBatch(files, options, io, {
    jobs: parseJobs(options.jobs),
    setups: selection.setups,
    onProgress: progress ? (done, total, file) => progress.update(done, total, file) : undefined,
    onCrash: options.debug ? (file, stack) => io.err(`${file}：${stack}\n`) : undefined,
  });
  progress?.end();
  let next = 0;
  const results = selection.inputs.map(
    (input): FileResult =>
      input.error ? { file: input.file, error: input.error, findings: [] } : (checked[next++] as FileResult),
  );
  for (const r of results) if (r.error) io.err(`juesuan: ${oneLine(r.error.message)}\n`);
  return results;
}
