import { basename, dirname, resolve } from 'node:path';
import { findConfig } from '../config/config.js';
import { InputError } from '../errors/input-error.js';
import { runRules } from '../rules/index.js';
import { checkNarrativeAlone, isNarrativeFile, narrativeFindings } from '../narrative/wiring.js';
import type { FileResult } from '../report/types.js';
import { previousModel } from '../years/previous.js';
import type { CliIO } from './io.js';
import { ruleSetupFor, type RuleOptions, type RuleSetup } from './rule-setup.js';
import { readInput } from '../io/read-input.js';
import type { ReadOptions } from '../reader/read-document.js';

/** The rules in force for a workbook path. */
export type SetupResolver = (file: string) => RuleSetup;

/**
 * Rule setups for one run, memoised by configuration file: each configuration (and its rule
 * files, --rules and --disable) is loaded once per run — once per worker in a batch.
 */
export function setupResolver(options: RuleOptions, cwd: string): SetupResolver {
  const byConfig = new Map<string, RuleSetup>();
  return (file) => {
    const workbook = resolve(cwd, file);
    const key = options.config ?? findConfig(dirname(workbook)) ?? '';
    let setup = byConfig.get(key);
    if (!setup) {
      setup = ruleSetupFor(workbook, options, cwd);
      byConfig.set(key, setup);
    }
    return setup;
  };
}

/** A file whose check threw something unexpected: the file's error, not the batch's. */
export function crashResult(file: string, error: unknown, code = 'internal-error'): FileResult {
  const text = error instanceof Error ? error.message : String(error);
  const what = code === 'worker-crashed' ? '工作线程意外退出' : '出现内部错误';
  return {
    file,
    error: {
      code,
      message: `检查「${basename(file) || file}」时${what}（${text.split('\n')[0]}），已跳过该文件，其余文件照常检查；请用 --debug 重新运行并报告此问题。`,
    },
    findings: [],
  };
}

/** --template wins over the configuration's `template:`; neither: the set is detected. */
export function templateOption(options: RuleOptions, setup: RuleSetup): ReadOptions {
  if (options.template) return { template: { name: options.template, how: 'option' } };
  if (setup.config.template) return { template: { name: setup.config.template, how: 'config' } };
  return {};
}

/**
 * Checks one workbook (read relative to io.cwd, reported under the name given): an unusable file
 * becomes a result with its error; anything unexpected becomes an internal-error result and is
 * passed to onCrash (for --debug), so one bad file never stops a batch.
 */
export async function checkFile(
  file: string,
  options: RuleOptions,
  io: CliIO,
  setup: RuleSetup = ruleSetupFor(resolve(io.cwd, file), options, io.cwd),
  onCrash?: (file: string, error: unknown) => void,
): Promise<FileResult> {
  try {
    // narrative wiring: a .docx/.txt/.md given alone is checked for its own arithmetic
    if (isNarrativeFile(file)) return await checkNarrativeAlone(file, io.cwd, setup);
    const { workbook, model } = await readInput(file, resolve(io.cwd, file), templateOption(options, setup));
    const previous = options.previous === undefined ? undefined : await previousModel(options.previous, io.cwd);
    const findings = runRules(model, setup.rules, { severities: setup.severities, ...(previous ? { previous } : {}) });
    // narrative wiring: the workbook's 情况说明 (--narrative, its sheet, or a same-named file) and 绩效自评表
    findings.push(...(await narrativeFindings(file, io.cwd, workbook, model, options.narrative, setup)));
    if (previous) {
      // --previous: the narrative's year-over-year statements against last year's workbook
      const { yearFindings } = await import('../years/check.js');
      findings.push(...(await yearFindings(file, io.cwd, workbook, model, previous, options.narrative, setup)));
    }
    return { file, model, findings };
  } catch (error) {
    if (error instanceof InputError) return { file, error: { code: error.code, message: error.message }, findings: [] };
    onCrash?.(file, error);
    return crashResult(file, error);
  }
}

/** Checks every file given, in order, in this thread (see src/batch/pool.ts for the parallel run). */
export async function checkFiles(files: string[], options: RuleOptions, io: CliIO): Promise<FileResult[]> {
  const setups = setupResolver(options, io.cwd);
  const results: FileResult[] = [];
  for (const file of files) results.push(await checkFile(file, options, io, setups(file)));
  return results;
}
