import type { CliIO } from './io.js';
import { modelToJson } from '../model/serialize.js';
import { inspectText } from '../report/inspect-text.js';
import { createChecker } from '../check/index.js';
import { chooseFormat } from './format-option.js';

const FORMATS = ['text', 'json'] as const;

export async function inspectCommand(file: string, options: { format: string }, io: CliIO): Promise<number> {
  const format = chooseFormat(options.format, FORMATS, '--format');
  const model = await createChecker({ cwd: io.cwd }).inspect(file);
  io.out(format === 'json' ? `${JSON.stringify(modelToJson(model), null, 2)}\n` : inspectText(model));
  return 0;
}
