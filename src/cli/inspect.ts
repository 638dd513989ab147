import type { CliIO } from './io.js';
import { modelToJson } from '../model/serialize.js';
import { inspectText } from '../report/inspect-text.js';
import { createChecker } from '../check/index.js';
import { chooseFormat } from './format-option.js';

const FORMATS = ['text', 'json'] as const;

/** juesuan inspect FILE: the set (--template, else the configuration's template:, else detected) and what was read. */
export async function inspectCommand(
  file: string,
  options: { format: string; template?: string; config?: string },
  io: CliIO,
): Promise<number> {
  const format = chooseFormat(options.format, FORMATS, '--format');
  const checker = createChecker({
    cwd: io.cwd,
    ...(options.config === undefined ? {} : { config: options.config }),
    ...(options.template === undefined ? {} : { template: options.template }),
  });
  const model = await checker.inspect(file);
  io.out(format === 'json' ? `${JSON.stringify(modelToJson(model), null, 2)}\n` : inspectText(model));
  return 0;
}
