import { resolve } from 'node:path';
import { InputError } from '../errors/input-error.js';
import { deflateStoredZip } from '../io/output/deflate-zip.js';
import { inBatches, isStdout, type OutputWriter } from '../io/output/writer.js';
import { type FormatContext, type FormatName, formatNames, loadCheckChunks } from '../report/formatters.js';
import type { CheckReport, FileResult } from '../model/results.js';
import { packageVersion } from '../util/package-version.js';
import { NOTE_SHEET } from '../report/annotations.js';
import { type AnnotatedCopy, annotatedCopy, checkAnnotateTarget } from './annotate.js';
import { chooseFormat } from './format-option.js';
import type { CliIO } from './io.js';

export interface OutputOptions {
  /** Format on stdout; default stylish unless only -o outputs are given. */
  format?: string;
  /** `-o FORMAT=PATH`, repeatable; PATH `-` is stdout. */
  output?: string[];
  /** `--annotate OUT.xlsx`: a copy of the (single) input with the offending cells marked. */
  annotate?: string;
}

/** One output: a format and where it goes (undefined: stdout). */
export interface OutputTarget {
  format: FormatName;
  path?: string;
}

/** The outputs of one check run, checked before any workbook is read. */
export interface OutputPlan {
  targets: OutputTarget[];
  annotate?: string;
}

/**
 * The outputs asked for, checked before any workbook is read: known formats, `-o FORMAT=PATH`
 * well formed, at most one output on stdout, and every file through the writer (no file named
 * twice, no output that is an input, a usable path). stdout gets --format; without --format it
 * gets stylish unless -o outputs were given. `files`: how many workbooks the run checks.
 */
export function planOutputs(options: OutputOptions, writer: OutputWriter, files: number): OutputPlan {
  const names = formatNames('check');
  const targets: OutputTarget[] = [];
  const specs = options.output ?? [];
  if (options.format !== undefined) targets.push({ format: chooseFormat(options.format, names, '--format') });
  else if (specs.length === 0) targets.push({ format: 'stylish' });
  for (const spec of specs) {
    const match = /^([^=]+)=(.+)$/.exec(spec);
    if (!match)
      throw new InputError('bad-output', `-o 应写成「格式=路径」（例如 -o sarif=juesuan.sarif），而不是「${spec}」。`);
    const format = chooseFormat(match[1] as string, names, `-o ${spec}`);
    const path = match[2] as string;
    if (isStdout(path)) {
      targets.push({ format });
      continue;
    }
    writer.check(path, `-o ${format}`);
    targets.push({ format, path });
  }
  if (targets.filter((t) => t.path === undefined).length > 1) {
    throw new InputError('bad-output', '只能有一个输出写到标准输出：--format 与 -o 格式=- 请只用一个。');
  }
  if (options.annotate === undefined) return { targets };
  checkAnnotateTarget(options.annotate, files);
  writer.check(options.annotate, '--annotate');
  return { targets, annotate: options.annotate };
}

/** Writes the report in every planned format (files first, stdout last) and the annotated copy. */
export async function emitReport(
  report: CheckReport,
  plan: OutputPlan,
  io: CliIO,
  writer: OutputWriter,
): Promise<void> {
  if (plan.annotate !== undefined) {
    const [only] = report.files;
    if (only) {
      const copy = await writeAnnotated(only, plan.annotate, io.cwd, writer);
      // findings without a cell would otherwise vanish from the copy without a word
      if (copy.unplaced > 0)
        io.err(
          `juesuan: ${copy.unplaced} 个问题没有对应的单元格（情况说明、缺表等），未标在单元格上，已列在 ${plan.annotate} 的工作表「${NOTE_SHEET}」中。\n`,
        );
    }
  }
  const { targets } = plan;
  const base: Omit<FormatContext, 'color'> = {
    cwd: io.cwd,
    ...(targets.some((t) => t.format === 'sarif') ? { toolVersion: packageVersion() } : {}),
  };
  const ordered = [...targets.filter((t) => t.path !== undefined), ...targets.filter((t) => t.path === undefined)];
  for (const target of ordered) {
    const format = await loadCheckChunks(target.format);
    if (target.path === undefined) {
      await writeOut(
        format(report, { ...base, color: io.isTTY && !io.env.NO_COLOR, ...(io.columns ? { width: io.columns } : {}) }),
        io,
      );
    } else {
      writer.write(target.path, format(report, { ...base, color: false }), `-o ${target.format}`);
    }
  }
}

/**
 * A report's pieces to stdout, in writes of at least 64 KiB (not a write per finding), each made
 * once stdout has taken the one before: into a slow pipe the pieces wait unmade (20 MB of report
 * into a slow reader held 356 MiB when every write was queued at once).
 */
async function writeOut(pieces: Iterable<string>, io: CliIO): Promise<void> {
  for (const batch of inBatches(pieces)) {
    io.out(batch);
    if (io.drained) await io.drained();
  }
}

/**
 * Writes the annotated copy of the checked workbook to `out` only, through the run's writer (which
 * refuses every input of the run); the input is never written.
 */
async function writeAnnotated(
  result: FileResult,
  out: string,
  cwd: string,
  writer: OutputWriter,
): Promise<AnnotatedCopy> {
  // written stored by exceljs, deflated by Node's zlib: exceljs's JavaScript deflate took a third
  // of the time of a copy with thousands of comments
  const { bytes, ...copy } = await annotatedCopy(resolve(cwd, result.file), result.findings, { stored: true });
  writer.write(out, deflateStoredZip(bytes), '--annotate');
  return copy;
}
