import type { CliIO } from './io.js';
import { InputError } from '../errors/input-error.js';
import { modelToJson } from '../model/serialize.js';
import { inspectText } from '../report/inspect-text.js';
import { createChecker } from '../check/index.js';

const FORMATS = ['text', 'json'] as const;

export async function inspectCommand(file: string, options: { format: string }, io: CliIO): Promise<number> {
  if (!(FORMATS as readonly string[]).includes(options.format)) {
    throw new InputError('bad-format', `不支持的输出格式「${options.format}」：请使用 ${FORMATS.join(' 或 ')}。`);
  }
  const model = await createChecker({ cwd: io.cwd }).inspect(file);
  io.out(options.format === 'json' ? `${JSON.stringify(modelToJson(model), null, 2)}\n` : inspectText(model));
  return 0;
}
