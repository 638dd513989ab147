import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { InputError } from '../errors/input-error.js';
import {
  FORMAT_NAMES,
  isFormatName,
  loadFormatter,
  type FormatContext,
  type FormatName,
} from '../report/formatters.js';
import type { CheckReport } from '../model/results.js';
import { packageRoot } from '../util/package-root.js';
import { NOTE_SHEET } from '../report/annotations.js';
import { checkAnnotateTarget, writeAnnotated } from './annotate.js';
import type { CliIO } from './io.js';
import { assertNotInput } from './output-guard.js';

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

function formatName(name: string, where: string): FormatName {
  if (isFormatName(name)) return name;
  throw new InputError('bad-format', `不支持的输出格式「${name}」（${where}）：请使用 ${FORMAT_NAMES.join('、')}。`);
}

/**
 * The outputs asked for, checked before any workbook is read: known formats, `-o FORMAT=PATH`
 * well formed, at most one output on stdout, no file named twice, no output that is an input.
 * stdout gets --format; without --format it gets stylish unless -o outputs were given.
 */
export function planOutputs(inputs: readonly string[], options: OutputOptions, cwd: string): OutputTarget[] {
  const targets: OutputTarget[] = [];
  const specs = options.output ?? [];
  if (options.format !== undefined) targets.push({ format: formatName(options.format, '--format') });
  else if (specs.length === 0) targets.push({ format: 'stylish' });
  const seen = new Map<string, string>();
  for (const spec of specs) {
    const match = /^([^=]+)=(.+)$/.exec(spec);
    if (!match)
      throw new InputError('bad-output', `-o 应写成「格式=路径」（例如 -o sarif=juesuan.sarif），而不是「${spec}」。`);
    const format = formatName(match[1] as string, `-o ${spec}`);
    const path = match[2] as string;
    if (path === '-') {
      targets.push({ format });
      continue;
    }
    const key = resolve(cwd, path);
    const previous = seen.get(key);
    if (previous !== undefined)
      throw new InputError('bad-output', `-o ${previous} 与 -o ${spec} 写到同一个文件：每个输出请用不同的路径。`);
    seen.set(key, spec);
    assertNotInput(path, inputs, cwd, `-o ${format}`);
    targets.push({ format, path });
  }
  if (targets.filter((t) => t.path === undefined).length > 1) {
    throw new InputError('bad-output', '只能有一个输出写到标准输出：--format 与 -o 格式=- 请只用一个。');
  }
  if (options.annotate !== undefined) {
    checkAnnotateTarget(options.annotate, inputs, cwd);
    if (seen.has(resolve(cwd, options.annotate)))
      throw new InputError('bad-output', `--annotate ${options.annotate} 与 -o 写到同一个文件：请用不同的路径。`);
  }
  return targets;
}

function toolVersion(): string | undefined {
  try {
    return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

function writeOutput(path: string, text: string, cwd: string): void {
  const target = resolve(cwd, path);
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  } catch (error) {
    throw new InputError(
      'output-write-failed',
      `无法写入 ${path}：${(error as NodeJS.ErrnoException).code ?? String(error)}。`,
      { cause: error },
    );
  }
}

/**
 * Writes the report in every requested format (files first, stdout last) and the annotated copy.
 * Formatters are loaded only when used. The inputs are checked again here: a folder argument may
 * have brought in files that were not named on the command line.
 */
export async function emitReport(report: CheckReport, options: OutputOptions, io: CliIO): Promise<void> {
  const inputs = report.files.map((f) => f.file);
  const targets = planOutputs(inputs, options, io.cwd);
  if (options.annotate !== undefined) {
    const [only] = report.files;
    if (only) {
      const copy = await writeAnnotated(only, options.annotate, io.cwd);
      // findings without a cell would otherwise vanish from the copy without a word
      if (copy.unplaced > 0)
        io.err(
          `juesuan: ${copy.unplaced} 个问题没有对应的单元格（情况说明、缺表等），未标在单元格上，已列在 ${options.annotate} 的工作表「${NOTE_SHEET}」中。\n`,
        );
    }
  }
  const base: Omit<FormatContext, 'color'> = {
    cwd: io.cwd,
    ...(targets.some((t) => t.format === 'sarif') ? { toolVersion: toolVersion() } : {}),
  };
  const ordered = [...targets.filter((t) => t.path !== undefined), ...targets.filter((t) => t.path === undefined)];
  for (const target of ordered) {
    const format = await loadFormatter(target.format);
    if (target.path === undefined) {
      io.out(format(report, { ...base, color: io.isTTY && !io.env.NO_COLOR }));
    } else {
      writeOutput(target.path, format(report, { ...base, color: false }), io.cwd);
    }
  }
}
