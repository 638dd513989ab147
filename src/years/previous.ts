import { resolve } from 'node:path';
import { InputError } from '../errors/input-error.js';
import type { WorkbookModel } from '../model/types.js';
import { readInput } from '../io/read-input.js';

const cache = new Map<string, Promise<WorkbookModel>>();

/**
 * --previous FILE: last year's workbook, read once per thread (shown as given). An unusable file
 * is an InputError whose sentence says it is the previous year's.
 */
export function previousModel(file: string, cwd: string): Promise<WorkbookModel> {
  const path = resolve(cwd, file);
  let model = cache.get(path);
  if (!model) {
    model = (async () => {
      try {
        return (await readInput(file, path)).model;
      } catch (error) {
        if (error instanceof InputError)
          throw new InputError(error.code, `上年工作簿（--previous）：${error.message}`, { cause: error });
        throw error;
      }
    })();
    cache.set(path, model);
    // a failure is not cached: the next run in this thread (tests) tries again
    model.catch(() => cache.delete(path));
  }
  return model;
}

/**
 * `check --previous` up front: one workbook of this year (last year's file describes one unit), and
 * a usable prior file — otherwise exit 2 before anything is checked.
 */
export async function checkPreviousOption(file: string, inputs: number, cwd: string): Promise<void> {
  if (inputs > 1)
    throw new InputError(
      'previous-several',
      `--previous 只用于检查一个工作簿（本年的决算工作簿），而这里有 ${inputs} 个；请逐个检查。`,
    );
  await previousModel(file, cwd);
}
