import { resolve } from 'node:path';
import { InputError } from '../errors/input-error.js';
import type { Severity } from '../model/finding.js';
import type { CheckReport } from '../report/types.js';
import { exitCodeOf } from '../report/types.js';
import { emitReport, planOutputs, type OutputOptions } from './check-output.js';
import { checkFiles } from './check-run.js';
import type { CliIO } from './io.js';
import { rulesInForce } from './report-rules.js';
import { ruleSetupFor, type RuleOptions } from './rule-setup.js';

export interface CheckOptions extends RuleOptions, OutputOptions {
  failOn?: string;
}

const FAIL_ON: readonly Severity[] = ['error', 'warn', 'info'];

function validate(options: CheckOptions): void {
  if (options.failOn !== undefined && !(FAIL_ON as readonly string[]).includes(options.failOn)) {
    throw new InputError('bad-fail-on', `--fail-on 应为 ${FAIL_ON.join('、')} 之一，而不是「${options.failOn}」。`);
  }
}

/**
 * juesuan check FILE…: every file is checked; an unusable file is reported on stderr and the
 * rest go on; exit 2 only when no file could be used.
 */
export async function checkCommand(files: string[], options: CheckOptions, io: CliIO): Promise<number> {
  validate(options);
  planOutputs(files, options, io.cwd);
  const results = await checkFiles(files, options, io);
  for (const r of results) if (r.error) io.err(`juesuan: ${r.error.message}\n`);
  if (results.every((r) => r.error)) return 2;
  const configured = ruleSetupFor(files[0] ? resolve(io.cwd, files[0]) : undefined, options, io.cwd).config.failOn;
  const report: CheckReport = {
    files: results,
    failOn: (options.failOn as Severity | undefined) ?? configured ?? 'error',
    rules: rulesInForce(results.map((r) => r.file), (file) => ruleSetupFor(resolve(io.cwd, file), options, io.cwd)),
  };
  await emitReport(report, options, io);
  return exitCodeOf(report);
}
