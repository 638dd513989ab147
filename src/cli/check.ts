import { resolve } from 'node:path';
import { InputError } from '../errors/input-error.js';
import type { Severity } from '../model/finding.js';
import { runRules } from '../rules/index.js';
import type { CheckReport, FileResult } from '../report/types.js';
import { exitCodeOf } from '../report/types.js';
import type { CliIO } from './io.js';
import { readModel } from './inspect.js';
import { ruleSetupFor, type RuleOptions } from './rule-setup.js';

export interface CheckOptions extends RuleOptions {
  format: string;
  failOn?: string;
}

const FORMATS = ['stylish', 'json'] as const;
const FAIL_ON: readonly Severity[] = ['error', 'warn', 'info'];

async function checkFile(file: string, options: CheckOptions, io: CliIO): Promise<FileResult> {
  const setup = ruleSetupFor(resolve(io.cwd, file), options, io.cwd);
  try {
    const model = await readModel(file);
    return { file, model, findings: runRules(model, setup.rules, { severities: setup.severities }) };
  } catch (error) {
    if (error instanceof InputError) return { file, error: { code: error.code, message: error.message }, findings: [] };
    throw error;
  }
}

/** juesuan check FILE…: every file is checked; an unusable file is reported and the rest go on. */
export async function checkCommand(files: string[], options: CheckOptions, io: CliIO): Promise<number> {
  if (!(FORMATS as readonly string[]).includes(options.format)) {
    throw new InputError('bad-format', `不支持的输出格式「${options.format}」：请使用 ${FORMATS.join('、')}。`);
  }
  if (options.failOn !== undefined && !(FAIL_ON as readonly string[]).includes(options.failOn)) {
    throw new InputError('bad-fail-on', `--fail-on 应为 ${FAIL_ON.join('、')} 之一，而不是「${options.failOn}」。`);
  }
  const results: FileResult[] = [];
  for (const file of files) results.push(await checkFile(file, options, io));
  for (const r of results) if (r.error) io.err(`juesuan: ${r.error.message}\n`);
  if (results.every((r) => r.error)) return 2;
  const configured = ruleSetupFor(files[0] ? resolve(io.cwd, files[0]) : undefined, options, io.cwd).config.failOn;
  const report: CheckReport = { files: results, failOn: (options.failOn as Severity | undefined) ?? configured ?? 'error' };
  if (options.format === 'json') {
    const { formatJson } = await import('../report/json.js');
    io.out(formatJson(report));
  } else {
    const { formatStylish } = await import('../report/stylish.js');
    io.out(formatStylish(report, { color: io.isTTY && !io.env.NO_COLOR }));
  }
  return exitCodeOf(report);
}
