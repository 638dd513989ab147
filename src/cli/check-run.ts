import { resolve } from 'node:path';
import { InputError } from '../errors/input-error.js';
import { runRules } from '../rules/index.js';
import type { FileResult } from '../report/types.js';
import type { CliIO } from './io.js';
import { readModel } from './inspect.js';
import { ruleSetupFor, type RuleOptions } from './rule-setup.js';

/** Checks one workbook; an unusable file becomes a result with its error, not an exception. */
export async function checkFile(file: string, options: RuleOptions, io: CliIO): Promise<FileResult> {
  const setup = ruleSetupFor(resolve(io.cwd, file), options, io.cwd);
  try {
    const model = await readModel(file);
    return { file, model, findings: runRules(model, setup.rules, { severities: setup.severities }) };
  } catch (error) {
    if (error instanceof InputError) return { file, error: { code: error.code, message: error.message }, findings: [] };
    throw error;
  }
}

/** Checks every file given, in order. */
export async function checkFiles(files: string[], options: RuleOptions, io: CliIO): Promise<FileResult[]> {
  const results: FileResult[] = [];
  for (const file of files) results.push(await checkFile(file, options, io));
  return results;
}
