import type { CliIO } from './io.js';
import { InputError } from '../errors/input-error.js';

export async function inspectCommand(file: string, options: { format: string }, io: CliIO): Promise<number> {
  void file;
  void io;
  if (options.format !== 'text' && options.format !== 'json') {
    throw new InputError('bad-format', `不支持的输出格式「${options.format}」：请使用 text 或 json。`);
  }
  return 0;
}
