import type { Checker, Selection } from '../check/index.js';
import { InputError } from '../errors/input-error.js';
import { OutputWriter, type RunInput } from '../io/output/writer.js';
import type { Severity } from '../model/finding.js';
import { type CheckReport, exitCodeOf, type FileResult } from '../model/results.js';
import type { WorkbookModel } from '../model/types.js';
import { type BaselineOptions, acceptFindings, baselineGroups } from './check-baseline.js';
import { type OutputOptions, emitReport, planOutputs } from './check-output.js';
import type { CliIO } from './io.js';
import { type RunOptions, checkSelection, checkerFor, selectInputs } from './run-checks.js';
import { runInputs } from './run-inputs.js';

export interface CheckOptions extends RunOptions, BaselineOptions, OutputOptions {
  failOn?: string;
  /** --skip-unusable: an unusable file does not fail the run (exit from the usable ones). */
  skipUnusable?: boolean;
}

const FAIL_ON: readonly Severity[] = ['error', 'warn', 'info'];

function validate(options: CheckOptions): void {
  if (options.failOn !== undefined && !(FAIL_ON as readonly string[]).includes(options.failOn)) {
    throw new InputError('bad-fail-on', `--fail-on 应为 ${FAIL_ON.join('、')} 之一，而不是「${options.failOn}」。`);
  }
}

/** Without --format and -o, the outputs of the configuration (`formats:`) of the first workbook. */
function withConfiguredFormats(options: CheckOptions, selection: Selection, checker: Checker): CheckOptions {
  if (options.format !== undefined || (options.output?.length ?? 0) > 0) return options;
  const first = selection.inputs.find((i) => !i.error);
  const formats = first ? checker.ruleSetup(first.file).config.formats : undefined;
  return formats ? { ...options, output: formats } : options;
}

/** Every file this run reads: no output may be one of them. */
function inputsOf(selection: Selection, checker: Checker, options: CheckOptions, cwd: string): RunInput[] {
  const usable = selection.inputs.filter((i) => !i.error);
  return runInputs(
    {
      files: selection.inputs.map((i) => i.file),
      previous: options.previous,
      narrative: options.narrative,
      rules: options.rules,
      baseline: options.baseline,
      configs: usable.map((i) => checker.ruleSetup(i.file).config),
    },
    cwd,
  );
}

/**
 * --previous names last year's workbook: one whose year is not earlier than the year checked is
 * most likely the wrong file or the two swapped (the year-over-year checks would compare nonsense),
 * so stderr says so, as `diff` does in its report.
 */
function warnPreviousYear(
  prior: WorkbookModel | undefined,
  file: string | undefined,
  results: readonly FileResult[],
  io: CliIO,
): void {
  if (prior?.year === undefined || file === undefined) return;
  for (const r of results) {
    const year = r.model?.year;
    if (year === undefined || prior.year < year) continue;
    io.err(
      `juesuan: 注意：上年工作簿 ${file} 的年度（${prior.year}）不早于 ${r.file}（${year}），请确认 --previous 给的是上一年度的工作簿。\n`,
    );
  }
}

/**
 * juesuan check FILE|DIR…: every workbook is checked (folders expanded, --shard applied); an
 * unusable file is reported on stderr and the rest go on; exit 2 only when no file could be used.
 * An empty shard is not a failure (exit 0).
 */
export async function checkCommand(paths: string[], options: CheckOptions, io: CliIO): Promise<number> {
  validate(options);
  const checker = await checkerFor(options, io);
  const selection = selectInputs(checker, paths, options, io);
  options = withConfiguredFormats(options, selection, checker);
  const writer = new OutputWriter({ cwd: io.cwd, inputs: inputsOf(selection, checker, options, io.cwd) });
  const plan = planOutputs(options, writer, selection.inputs.length);
  // --previous: an unusable prior file is exit 2 before anything is checked
  await checker.previousModel();
  const groups = baselineGroups(selection.inputs, options, checker, io);
  const checked = await checkSelection(checker, selection, options, io);
  const noneUsable = checked.length > 0 && checked.every((r) => r.error);
  warnPreviousYear(await checker.previousModel(), options.previous, checked, io);
  const results = acceptFindings(checked, groups, options.shard !== undefined, io);
  const first = selection.inputs.find((i) => !i.error);
  const configured = first ? checker.ruleSetup(first.file).config.failOn : undefined;
  const report: CheckReport = {
    files: results,
    failOn: (options.failOn as Severity | undefined) ?? configured ?? 'error',
    rules: checker.rulesInForce(checked.map((r) => r.file)),
  };
  // nothing usable: the reports asked for are written all the same (an upload step finds them,
  // saying why), but the default terminal report would only repeat the sentences on stderr
  const requested = options.format !== undefined || (options.output?.length ?? 0) > 0;
  if (!noneUsable || requested) await emitReport(report, noneUsable ? { targets: plan.targets } : plan, io, writer);
  return exitCodeOf(report, { skipUnusable: options.skipUnusable === true });
}
