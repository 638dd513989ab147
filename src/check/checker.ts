import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crashResult } from '../batch/crash.js';
import { type BatchInput, expandInputs, type SkippedFile } from '../batch/expand.js';
import { checkBatch } from '../batch/pool.js';
import { parseShard, selectShard } from '../batch/shard.js';
import { type Config, findConfig, loadConfig } from '../config/config.js';
import { InputError } from '../errors/input-error.js';
import { inputError, NO_TABLES_CODES } from '../errors/messages.js';
import { isNarrativeFile } from '../io/narrative/read.js';
import { readInput } from '../io/read-input.js';
import type { SourceDocument } from '../model/document.js';
import { narrativeInDocument } from '../narrative/source.js';
import type { FileResult, RuleInfo } from '../model/results.js';
import type { WorkbookModel } from '../model/types.js';
import { checkTables, checkTextAlone } from './check-document.js';
import { documentContext } from './context.js';
import { loadRuleSetup, type RuleSetup, rulesInForceOf } from './setup.js';
import { checkTemplateName, templateOption } from './template.js';

/** What a checker is made with; every path is resolved against `cwd`. */
export interface CheckerOptions {
  /** The folder relative paths are resolved against (default: the process's working directory). */
  cwd?: string;
  /** A configuration file for every document; default: the nearest juesuan.config.yaml above each one. */
  config?: string;
  /** Extra rule files. */
  rules?: readonly string[];
  /** Rule ids turned off. */
  disable?: readonly string[];
  /** The 情况说明 (.docx/.txt/.md) of the one workbook checked. */
  narrative?: string;
  /** Last year's workbook: the checks that span years (one workbook at a time). */
  previous?: string;
  /** A message slot without data fails the file (internal-error), as a rule tester would: for rule authors' tests. */
  strict?: boolean;
  /**
   * The template set every document follows (rules/catalog/templates: `sichuan`, `mof-export` …),
   * instead of the configuration's `template:` or the set detected from titles and markers. An
   * unknown name throws an InputError when the checker is made.
   */
  template?: string;
}

export interface CheckFilesOptions {
  /** Worker threads for a batch (default: every core; 1: none). */
  jobs?: number;
  /** `i/n`: only part i of n of the files (sorted by path, dealt round-robin), for a CI matrix. */
  shard?: string;
  /** Called once per file as it is finished, in completion order. */
  onProgress?: (done: number, total: number, file: string) => void;
  /**
   * A file whose check crashed (its result says so): the stack, for --debug; also what a library
   * said about a file found unusable (its result is the one sentence).
   */
  onCrash?: (file: string, stack: string) => void;
  /** The worker script; null: never use worker threads. Default: the engine's own (built package only). */
  workerUrl?: URL | null;
}

/** The files a run checks: folders expanded, the shard selected; `total` before sharding. */
export interface Selection {
  inputs: BatchInput[];
  total: number;
}

export interface SelectOptions {
  /** `i/n`: only part i of n of the files. */
  shard?: string;
  /** A spreadsheet in a folder that is not checked (.xls, .csv …), so none is skipped silently. */
  onSkipped?: (skipped: SkippedFile) => void;
}

export interface Checker {
  /** The folder every relative path is resolved against. */
  readonly cwd: string;
  /**
   * Checks one file (.xlsx; .docx/.txt/.md alone for its own arithmetic). Never throws for the
   * file: an unusable one is a result with `error` (what a library said about it goes to
   * `onCrash`, for --debug), and so is an unexpected failure (reported to `onCrash` as well). A
   * bad configuration or rule file throws.
   */
  checkFile(path: string, options?: { onCrash?: (error: unknown) => void }): Promise<FileResult>;
  /** Checks files and folders (every .xlsx below), in path order; a batch runs on worker threads. */
  checkFiles(paths: readonly string[], options?: CheckFilesOptions): Promise<FileResult[]>;
  /**
   * The files checkFiles would check, with the rules of each loaded: a bad configuration or rule
   * file throws here, before any document is read.
   */
  select(paths: readonly string[], options?: SelectOptions): Selection;
  /**
   * What the reader recognised in a document: the template set and why, tables, rows, cells (read
   * against the checker's template, else the configuration's, else the detected one). Unusable
   * input throws an InputError.
   */
  inspect(path: string): Promise<WorkbookModel>;
  /** The rules in force for these files (default: for the cwd), as formatters describe them. */
  rulesInForce(files?: readonly string[]): RuleInfo[];
  /** Configuration, rules and severities for a file (default: for the cwd). */
  ruleSetup(file?: string): RuleSetup;
  /** Last year's model (--previous), read once; undefined without one. Unusable: an InputError. */
  previousModel(): Promise<WorkbookModel | undefined>;
}

/**
 * inspect: the sheet without tables that check reads as the 情况说明 (the same choice, from the same
 * function) is said to be one, not "unused".
 */
function withNarrativeSheet(model: WorkbookModel, document: SourceDocument): WorkbookModel {
  if (document.text) return model;
  const sheet = narrativeInDocument(document, model)?.sheet;
  if (sheet === undefined) return model;
  const ignoredSheets = model.ignoredSheets.map((s) =>
    s.sheet === sheet ? { ...s, readAs: 'narrative' as const } : s,
  );
  return { ...model, ignoredSheets };
}

/** The worker script beside this module: it exists only in the built package, so under vitest (src/*.ts) a batch runs in this thread. */
export function defaultWorkerUrl(): URL | null {
  const url = new URL('./worker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : null;
}

/**
 * The engine: checks documents end to end (tables, narrative, prior year) with the rules in force
 * for each. It resolves every path once against its cwd and owns every cache of a run: the rule
 * setup of each configuration, last year's model. The CLI, the batch workers and library users
 * all go through it.
 */
export function createChecker(options: CheckerOptions = {}): Checker {
  const cwd = resolve(options.cwd ?? process.cwd());
  const configFile = options.config === undefined ? undefined : resolve(cwd, options.config);
  const extraRules = (options.rules ?? []).map((r) => resolve(cwd, r));
  const disable = options.disable ?? [];
  const narrative =
    options.narrative === undefined ? undefined : { file: options.narrative, path: resolve(cwd, options.narrative) };
  const strict = options.strict ?? false;
  if (options.template !== undefined) checkTemplateName(options.template);
  const setups = new Map<string, RuleSetup>();
  let previous: Promise<WorkbookModel> | undefined;

  /** The configuration file in force for a file (default: for the cwd); '' for none. */
  const configKey = (file?: string): string =>
    configFile ?? findConfig(file === undefined ? cwd : dirname(resolve(cwd, file))) ?? '';

  /**
   * How a file is read when its rules are not needed (inspect, last year's workbook): against the
   * checker's template, else the `template:` of the configuration in force for it (its rules are not loaded).
   */
  const readOptions = (file: string) => {
    const key = configKey(file);
    const config: Config | undefined = key === '' ? undefined : (setups.get(key)?.config ?? loadConfig(key));
    return { want: 'tables' as const, ...templateOption(options.template, config) };
  };

  const ruleSetup = (file?: string): RuleSetup => {
    const key = configKey(file);
    let setup = setups.get(key);
    if (!setup) {
      setup = loadRuleSetup(key || undefined, extraRules, disable);
      setups.set(key, setup);
    }
    return setup;
  };

  const previousModel = (): Promise<WorkbookModel | undefined> => {
    if (options.previous === undefined) return Promise.resolve(undefined);
    const file = options.previous;
    // a bad configuration beside it is said as last year's too
    previous ??= Promise.resolve()
      .then(() => readInput(file, resolve(cwd, file), readOptions(file)))
      .then(
        ({ model }) => model,
        (error: unknown) => {
          if (!(error instanceof InputError)) throw error;
          // a document without tables (a 情况说明 alone) has no amounts to compare, as in diff
          const said = NO_TABLES_CODES.includes(error.code) ? inputError('no-tables-diff', { file }) : error;
          throw new InputError(said.code, `上年工作簿（--previous）：${said.message}`, { cause: error });
        },
      );
    return previous;
  };

  const checkFile = async (file: string, hooks: { onCrash?: (error: unknown) => void } = {}): Promise<FileResult> => {
    // a bad configuration or rule file is the caller's error (thrown), not the document's
    const setup = ruleSetup(file);
    try {
      const path = resolve(cwd, file);
      const { document, model } = await readInput(file, path, templateOption(options.template, setup.config));
      // a document of running text alone (a narrative draft) is checked for its own arithmetic
      if (model.tables.length === 0)
        return await checkTextAlone(documentContext({ file, path, document, model, setup, strict }));
      const prior = await previousModel();
      const context = documentContext({
        file,
        path,
        document,
        model,
        setup,
        strict,
        ...(prior ? { previous: prior } : {}),
        ...(narrative ? { narrative } : {}),
      });
      return await checkTables(context);
    } catch (error) {
      if (error instanceof InputError) {
        // what a library said about an unusable file is for --debug only
        if (error.cause !== undefined) hooks.onCrash?.(error.cause);
        return { file, error: { code: error.code, message: error.message }, findings: [] };
      }
      hooks.onCrash?.(error);
      return crashResult(file, error);
    }
  };

  const select = (paths: readonly string[], selectOptions: SelectOptions = {}): Selection => {
    let inputs = expandInputs(paths, cwd, selectOptions.onSkipped);
    const total = inputs.length;
    if (selectOptions.shard !== undefined) inputs = selectShard(inputs, parseShard(selectOptions.shard));
    if (options.previous !== undefined && inputs.length > 1)
      throw new InputError(
        'previous-several',
        `--previous 只用于检查一个工作簿（本年的决算工作簿），而这里有 ${inputs.length} 个；请逐个检查。`,
      );
    for (const input of inputs) if (!input.error) ruleSetup(input.file);
    return { inputs, total };
  };

  return {
    cwd,
    checkFile,
    select,
    ruleSetup,
    previousModel,
    async checkFiles(paths, run = {}) {
      const { inputs } = select(paths, run.shard === undefined ? {} : { shard: run.shard });
      const files = inputs.filter((i) => !i.error).map((i) => i.file);
      const checked = await checkBatch(files, {
        ...(run.jobs === undefined ? {} : { jobs: run.jobs }),
        ...(run.onProgress ? { onProgress: run.onProgress } : {}),
        ...(run.onCrash ? { onCrash: run.onCrash } : {}),
        checkHere: (file, crashed) => checkFile(file, { onCrash: crashed }),
        workerUrl: run.workerUrl === undefined ? defaultWorkerUrl() : run.workerUrl,
        workerData: { ...options, cwd } satisfies CheckerOptions,
      });
      let next = 0;
      return inputs.map(
        (input): FileResult =>
          input.error ? { file: input.file, error: input.error, findings: [] } : (checked[next++] as FileResult),
      );
    },
    async inspect(file) {
      // a .docx/.txt/.md without tables is a 情况说明 (check reads it so), not an unusable file
      const options = isNarrativeFile(file) ? { ...readOptions(file), want: undefined } : readOptions(file);
      const { document, model } = await readInput(file, resolve(cwd, file), options);
      return withNarrativeSheet(model, document);
    },
    rulesInForce(files) {
      return rulesInForceOf(files === undefined ? [ruleSetup()] : files.map((f) => ruleSetup(f)));
    },
  };
}
