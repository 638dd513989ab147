import { LIMITS } from '../io/limits.js';
import { readGuardedTextSync } from '../io/read-guarded.js';
import { relative, resolve } from 'node:path';
import { applyBaseline, parseBaseline, staleFindings, type Baseline, type StampSetup } from '../baseline/index.js';
import type { BatchInput } from '../batch/expand.js';
import { InputError } from '../errors/input-error.js';
import type { FileResult } from '../model/results.js';
import type { Checker } from '../check/index.js';
import type { CliIO } from './io.js';

export interface BaselineOptions {
  /** --baseline FILE for every workbook; false: --no-baseline; undefined: each config's `baseline:`. */
  baseline?: string | false;
}

/** A baseline and the workbooks it applies to. */
export interface BaselineGroup {
  baseline: Baseline;
  files: Set<string>;
  /** The rules in force for its first workbook: baseline.stale is stamped (and re-graded) by them. */
  setup: StampSetup;
}

function readBaseline(path: string, display: string, origin?: { config: string; line: number }): Baseline {
  let text: string;
  try {
    text = readGuardedTextSync(path, { maxBytes: LIMITS.baselineBytes, what: '审核说明' });
  } catch (error) {
    if (error instanceof InputError && error.code !== 'file-not-found') throw error;
    const where = origin ? `配置文件 ${origin.config} 第 ${origin.line} 行指定的` : '';
    throw new InputError(
      'baseline-not-found',
      `找不到${where}审核说明「${display}」，请检查路径，或先用 juesuan baseline 生成。`,
    );
  }
  return parseBaseline(text, display, { requireReasons: true });
}

/**
 * The baseline of every selected workbook, each file read and validated once, before any workbook
 * is checked: an empty reason stops the run (exit 2) with the file and line.
 */
export function baselineGroups(
  inputs: readonly BatchInput[],
  options: BaselineOptions,
  checker: Checker,
  io: CliIO,
): BaselineGroup[] {
  if (options.baseline === false) return [];
  const groups = new Map<string, BaselineGroup>();
  for (const input of inputs) {
    if (input.error) continue;
    let path: string;
    let display: string;
    let origin: { config: string; line: number } | undefined;
    if (typeof options.baseline === 'string') {
      path = resolve(io.cwd, options.baseline);
      display = options.baseline;
    } else {
      const config = checker.ruleSetup(input.file).config;
      if (!config.baseline) continue;
      path = config.baseline;
      display = relative(io.cwd, path) || path;
      origin = { config: config.file ?? '', line: config.baselineLine ?? 0 };
    }
    let group = groups.get(path);
    if (!group) {
      const { rules, severities } = checker.ruleSetup(input.file);
      group = { baseline: readBaseline(path, display, origin), files: new Set(), setup: { rules, severities } };
      groups.set(path, group);
    }
    group.files.add(input.file);
  }
  return [...groups.values()];
}

/**
 * Drops accepted findings. Entries that matched nothing are listed as baseline.stale info findings
 * in a result of their own (the baseline file) — only when every workbook of the baseline was
 * checked: with --shard, or when one of them was unusable, absence proves nothing.
 */
export function acceptFindings(
  results: readonly FileResult[],
  groups: readonly BaselineGroup[],
  sharded: boolean,
  io: CliIO,
): FileResult[] {
  let out = [...results];
  const staleResults: FileResult[] = [];
  for (const { baseline, files, setup } of groups) {
    const mine = out.filter((r) => files.has(r.file));
    const applied = applyBaseline(mine, baseline);
    const replaced = new Map(mine.map((r, k) => [r, applied.results[k] as FileResult]));
    out = out.map((r) => replaced.get(r) ?? r);
    const complete = !sharded && mine.every((r) => !r.error);
    if (complete && applied.stale.length > 0)
      staleResults.push({
        file: baseline.file,
        findings: staleFindings(baseline, applied.stale, setup),
        baseline: true,
      });
    const staleText = complete
      ? `，${applied.stale.length} 条不再出现`
      : applied.stale.length > 0
        ? '（未全部检查，不列出不再出现的条目）'
        : '';
    io.err(`juesuan: 审核说明 ${baseline.file}：已接受 ${applied.accepted} 个问题${staleText}。\n`);
  }
  return [...out, ...staleResults];
}
