import { join } from 'node:path';
import { run } from '../../src/cli.js';
import { memoryIO } from '../../src/cli/io.js';
import { mutatedCopy } from '../helpers/workdir.js';

/** Every output format, with the extension of its golden file. */
export const FORMAT_FILES = {
  stylish: 'txt',
  json: 'json',
  junit: 'xml',
  sarif: 'sarif',
  github: 'txt',
  markdown: 'md',
  html: 'html',
} as const;

export type FormatName = keyof typeof FORMAT_FILES;

export const FORMAT_LIST = Object.keys(FORMAT_FILES) as FormatName[];

/** The one injected error: 03 事业运行 基本支出 392.38 → 393.38 (支出决算表!F9). */
export const INJECTED = { sheet: '支出决算表', cell: 'F9', value: 393.38 };

export function brokenSeed(dir: string, name = 'broken.xlsx'): Promise<string> {
  return mutatedCopy('seed-2024.xlsx', [INJECTED], join(dir, name));
}

export async function cli(args: string[], cwd: string) {
  const io = memoryIO({ cwd });
  const code = await run(args, io);
  return { code, out: io.stdout.join(''), err: io.stderr.join('') };
}
