import type { CliIO } from './io.js';
import { InputError } from '../errors/input-error.js';
import { modelToJson } from '../model/serialize.js';
import { inspectText } from '../report/inspect-text.js';
import { createChecker } from '../check/index.js';

const FORMATS = ['text', 'json'] as const;

/** juesuan inspect FILE: the set (--template, else the configuration's template:, else detected) and what was read. */
export async function inspectCommand(
  file: string,
  options: { format: string; template?: string; config?: string },
  io: CliIO,
): Promise<number> {
  if (!(FORMATS as readonly string[]).includes(options.format)) {
    throw new InputError('bad-format', `不支持的输出格式「${options.format}」：请使用 ${FORMATS.join(' 或 ')}。`);
  }
  const checker = createChecker({
    cwd: io.cwd,
    ...(options.config === undefined ? {} : { config: options.config }),
    ...(options.template === undefined ? {} : { template: options.template }),
  });
  const model = await checker.inspect(file);
  io.out(options.format === 'json' ? `${JSON.stringify(modelToJson(model), null, 2)}\n` : inspectText(model));
  return 0;
}
