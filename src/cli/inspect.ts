import { dirname, resolve } from 'node:path';
import type { CliIO } from './io.js';
import { findConfig, loadConfig } from '../config/config.js';
import { InputError } from '../errors/input-error.js';
import { modelToJson } from '../model/serialize.js';
import type { ReadOptions } from '../reader/read-document.js';
import { inspectText } from '../report/inspect-text.js';
import { readInput } from '../io/read-input.js';
import { checkTemplateName } from './template-name.js';

const FORMATS = ['text', 'json'] as const;

/** --template, else the configuration's `template:` (--config or the nearest one), else detected. */
function templateOf(file: string, options: { template?: string; config?: string }, io: CliIO): ReadOptions {
  if (options.template !== undefined) {
    checkTemplateName(options.template);
    return { template: { name: options.template, how: 'option' } };
  }
  const configFile = options.config ?? findConfig(dirname(resolve(io.cwd, file)));
  const template = configFile ? loadConfig(resolve(io.cwd, configFile)).template : undefined;
  return template ? { template: { name: template, how: 'config' } } : {};
}

export async function inspectCommand(
  file: string,
  options: { format: string; template?: string; config?: string },
  io: CliIO,
): Promise<number> {
  if (!(FORMATS as readonly string[]).includes(options.format)) {
    throw new InputError('bad-format', `不支持的输出格式「${options.format}」：请使用 ${FORMATS.join(' 或 ')}。`);
  }
  const { model } = await readInput(file, resolve(io.cwd, file), templateOf(file, options, io));
  io.out(options.format === 'json' ? `${JSON.stringify(modelToJson(model), null, 2)}\n` : inspectText(model));
  return 0;
}
