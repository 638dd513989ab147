import type { CliIO } from './io.js';
import { InputError } from '../errors/input-error.js';
import { inputError } from '../errors/messages.js';
import { loadWorkbook } from '../io/load-workbook.js';
import { modelToJson } from '../model/serialize.js';
import { readWorkbook } from '../reader/read-workbook.js';
import { inspectText } from '../report/inspect-text.js';
import type { WorkbookModel } from '../model/types.js';

const FORMATS = ['text', 'json'] as const;

/** Loads and reads one workbook; a workbook without any recognisable table is unusable input. */
export async function readModel(file: string): Promise<WorkbookModel> {
  const workbook = await loadWorkbook(file);
  const model = readWorkbook(workbook, file);
  if (model.tables.length === 0) throw inputError('no-tables', { file });
  return model;
}

export async function inspectCommand(file: string, options: { format: string }, io: CliIO): Promise<number> {
  if (!(FORMATS as readonly string[]).includes(options.format)) {
    throw new InputError('bad-format', `不支持的输出格式「${options.format}」：请使用 ${FORMATS.join(' 或 ')}。`);
  }
  const model = await readModel(file);
  io.out(options.format === 'json' ? `${JSON.stringify(modelToJson(model), null, 2)}\n` : inspectText(model));
  return 0;
}
