import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { RunInput } from '../io/output/writer.js';
import { NARRATIVE_EXTENSIONS } from '../io/narrative/read.js';
import { packageRoot } from '../util/package-root.js';

/** What a run was told to read besides its workbooks (plain data: the CLI fills it from its options). */
export interface RunInputSources {
  /** Workbooks and documents checked (folders already expanded), usable or not. */
  files: readonly string[];
  previous?: string | undefined;
  narrative?: string | undefined;
  /** --rules FILE… */
  rules?: readonly string[] | undefined;
  /** --baseline FILE (false: --no-baseline). */
  baseline?: string | false | undefined;
  /** The configuration of each file (--config, or the one found upward) as loaded. */
  configs?: readonly (
    | { file?: string | undefined; ruleFiles: readonly string[]; baseline?: string | undefined }
    | undefined
  )[];
}

/** Rule, catalog and claims files shipped with juesuan: read by every run. */
function builtinDataFiles(dir = join(packageRoot(), 'rules')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return builtinDataFiles(path);
    return /\.ya?ml$/.test(entry.name) ? [path] : [];
  });
}

/** X.docx, X.txt, X.md beside the workbook X.xlsx that exist: the narrative read when none is named. */
function siblingNarratives(file: string, cwd: string): string[] {
  const stem = join(dirname(file), basename(file, extname(file)));
  return NARRATIVE_EXTENSIONS.map((ext) => stem + ext).filter(
    (p) => p !== file && statSync(resolve(cwd, p), { throwIfNoEntry: false })?.isFile(),
  );
}

/**
 * Every file a run reads, with what it is read as: the workbooks and documents, a narrative beside
 * a workbook, --previous, --narrative, the configurations and their rule files and baselines,
 * --rules, --baseline and the built-in rule files. The output writer refuses to write any of them.
 */
export function runInputs(sources: RunInputSources, cwd: string): RunInput[] {
  const inputs: RunInput[] = [];
  const add = (path: string | false | undefined, role: RunInput['role']) => {
    if (typeof path === 'string' && path !== '') inputs.push({ path, role });
  };
  for (const file of sources.files) {
    add(file, 'workbook');
    for (const sibling of siblingNarratives(file, cwd)) add(sibling, 'narrative');
  }
  add(sources.previous, 'previous');
  add(sources.narrative, 'narrative');
  for (const config of sources.configs ?? []) {
    add(config?.file, 'config');
    for (const rules of config?.ruleFiles ?? []) add(rules, 'rules');
    add(config?.baseline, 'baseline');
  }
  for (const rules of sources.rules ?? []) add(rules, 'rules');
  add(sources.baseline, 'baseline');
  for (const file of builtinDataFiles()) add(file, 'builtin');
  return inputs;
}
