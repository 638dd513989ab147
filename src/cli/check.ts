import { InputError } from '../errors/input-error.js';
import type { Severity } from '../model/finding.js';
import type { CheckReport } from '../report/types.js';
import { exitCodeOf } from '../report/types.js';
import { emitReport, planOutputs, type OutputOptions } from './check-output.js';
import { checkInputs, selectInputs, type BatchRunOptions, type Selection } from './batch-run.js';
import { acceptFindings, baselineGroups, type BaselineOptions } from './check-baseline.js';
import type { CliIO } from './io.js';
import { rulesInForce } from './report-rules.js';
import { checkPreviousOption } from '../years/previous.js';
import { checkTemplateName } from './template-name.js';

export interface CheckOptions extends BatchRunOptions, BaselineOptions, OutputOptions {
  failOn?: string;
}

const FAIL_ON: readonly Severity[] = ['error', 'warn', 'info'];

function validate(options: CheckOptions): void {
  if (options.template !== undefined) checkTemplateName(options.template);
  if (options.failOn !== undefined && !(FAIL_ON as readonly string[]).includes(options.failOn)) {
    throw new InputError('bad-fail-on', `--fail-on 应为 ${FAIL_ON.join('、')} 之一，而不是「${options.failOn}」。`);
  }
}

/** Without --format and -o, the outputs of the configuration (`formats:`) of the first workbook. */
function withConfiguredFormats(options: CheckOptions, selection: Selection): CheckOptions {
  if (options.format !== undefined || (options.output?.length ?? 0) > 0) return options;
  const first = selection.inputs.find((i) => !i.error);
  const formats = first ? selection.setups(first.file).config.formats : undefined;
  return formats ? { ...options, output: formats } : options;
}

/**
 * juesuan check FILE|DIR…: every workbook is checked (folders expanded, --shard applied); an
 * unusable file is reported on stderr and the rest go on; exit 2 only when no file could be used.
 * An empty shard is not a failure (exit 0).
 */
export async function checkCommand(paths: string[], options: CheckOptions, io: CliIO): Promise<number> {
  validate(options);
  const selection = selectInputs(paths, options, io);
  if (options.previous !== undefined) await checkPreviousOption(options.previous, selection.inputs.length, io.cwd);
  options = withConfiguredFormats(options, selection);
  planOutputs(
    selection.inputs.map((i) => i.file),
    options,
    io.cwd,
  );
  const groups = baselineGroups(selection.inputs, options, selection.setups, io);
  const checked = await checkInputs(selection, options, io);
  if (checked.length > 0 && checked.every((r) => r.error)) return 2;
  const results = acceptFindings(checked, groups, options.shard !== undefined, io);
  const first = selection.inputs.find((i) => !i.error);
  const configured = first ? selection.setups(first.file).config.failOn : undefined;
  const report: CheckReport = {
    files: results,
    failOn: (options.failOn as Severity | undefined) ?? configured ?? 'error',
    rules: rulesInForce(
      checked.map((r) => r.file),
      selection.setups,
    ),
  };
  await emitReport(report, options, io);
  return exitCodeOf(report);
}
