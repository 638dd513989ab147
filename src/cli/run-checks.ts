import { progressBar } from '../batch/progress.js';
import { parseShard } from '../batch/shard.js';
import type { Checker, Selection } from '../check/index.js';
import { InputError } from '../errors/input-error.js';
import type { FileResult } from '../model/results.js';
import { oneLine, terminalSafe } from '../report/terminal-text.js';
import type { CliIO } from './io.js';

/** The options check and baseline share: what the checker is made with, and how a batch runs. */
export interface RunOptions {
  config?: string;
  rules?: string[];
  disable?: string[];
  narrative?: string;
  previous?: string;
  /** --template NAME: the template set of every workbook (instead of the configuration's or the detected one). */
  template?: string;
  /** --jobs N: worker threads (default: every core; 1 = no workers). */
  jobs?: string;
  /** --shard i/n */
  shard?: string;
  debug?: boolean;
}

export function parseJobs(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const jobs = Number(text);
  if (!/^\d+$/.test(text.trim()) || jobs < 1)
    throw new InputError('bad-jobs', `--jobs 应为正整数（工作线程数），而不是「${text}」。`);
  return jobs;
}

/**
 * The files of this run (folders expanded, this job's shard, said on stderr); the checker loads
 * the rules of every file now, so a bad configuration or rule file stops the run (exit 2) before
 * any document is read.
 */
export function selectInputs(checker: Checker, paths: readonly string[], options: RunOptions, io: CliIO): Selection {
  parseJobs(options.jobs);
  const selection = checker.select(paths, {
    ...(options.shard === undefined ? {} : { shard: options.shard }),
    onSkipped: (s) => io.err(`juesuan: 已跳过「${terminalSafe(s.file)}」：${s.why}。\n`),
  });
  if (options.shard !== undefined) {
    const { index, count } = parseShard(options.shard);
    io.err(`juesuan: 分片 ${index}/${count}：检查 ${selection.inputs.length} 个文件（共 ${selection.total} 个）。\n`);
  }
  return selection;
}

/**
 * Checks the selected files (worker threads for a batch), with a progress bar on a terminal's
 * stderr; every unusable file is named on stderr. Results in input order.
 */
export async function checkSelection(
  checker: Checker,
  selection: Selection,
  options: RunOptions,
  io: CliIO,
): Promise<FileResult[]> {
  const files = selection.inputs.map((i) => i.file);
  const usable = selection.inputs.filter((i) => !i.error).length;
  const progress = usable > 1 && io.errIsTTY && !io.env.CI ? progressBar((t) => io.err(t)) : undefined;
  const jobs = parseJobs(options.jobs);
  const results = await checker.checkFiles(files, {
    ...(jobs === undefined ? {} : { jobs }),
    ...(progress
      ? { onProgress: (done: number, total: number, file: string) => progress.update(done, total, file) }
      : {}),
    ...(options.debug ? { onCrash: (file: string, stack: string) => io.err(`${file}：${stack}\n`) } : {}),
  });
  progress?.end();
  for (const r of results) if (r.error) io.err(`juesuan: ${oneLine(r.error.message)}\n`);
  return results;
}

/** The checker of a check or baseline run, every path resolved against the CLI's cwd. */
export async function checkerFor(options: RunOptions, io: CliIO): Promise<Checker> {
  const { createChecker } = await import('../check/index.js');
  return createChecker({
    cwd: io.cwd,
    ...(options.config === undefined ? {} : { config: options.config }),
    ...(options.rules ? { rules: options.rules } : {}),
    ...(options.disable ? { disable: options.disable } : {}),
    ...(options.narrative === undefined ? {} : { narrative: options.narrative }),
    ...(options.previous === undefined ? {} : { previous: options.previous }),
    ...(options.template === undefined ? {} : { template: options.template }),
  });
}
