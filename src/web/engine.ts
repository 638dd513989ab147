/**
 * The browser's I/O boundary of the engine: bytes in, findings and reports out. The page (or its
 * Web Worker) hands over the files the officer chose as bytes; they are put in the in-memory
 * volume (src/web/node/volume.ts) the browser bundle reads through, and checked by the same
 * engine as `juesuan check` (createChecker, the same readers, guard, limits and rules), then
 * formatted by the same formatters. Nothing is sent anywhere.
 */
import { loadCatalog } from '../catalog/load-catalog.js';
import { loadTemplates } from '../catalog/templates.js';
import { createChecker } from '../check/index.js';
import { CONFIG_NAMES } from '../config/config.js';
import { InputError } from '../errors/input-error.js';
import type { Finding, Severity } from '../model/finding.js';
import { type CheckReport, countSeverities, type FileResult } from '../model/results.js';
import { loadFormatter } from '../report/formatters.js';
import { packageVersion } from '../util/package-version.js';
import { clearDir, putFile, WORK_DIR } from './node/volume.js';
import { type WebFinding, webFindings } from './web-findings.js';

export type { WebFinding };

export interface WebFile {
  name: string;
  bytes: Uint8Array;
}

/** The formats the page offers for download (and html, shown on the page). */
export const WEB_FORMATS = ['html', 'json', 'sarif', 'markdown'] as const;
export type WebFormat = (typeof WEB_FORMATS)[number];

export interface WebRequest {
  /** Workbooks (.xlsx), reports as published (.docx/.html/.txt/.md) or 情况说明 drafts. */
  files: WebFile[];
  /** The 情况说明 (.docx/.txt/.md) of the one workbook (--narrative). */
  narrative?: WebFile;
  /** Last year's workbook (--previous); one workbook at a time. */
  previous?: WebFile;
  /** The template set (--template); default detected. */
  template?: string;
  /** Rule re-grading, as the configuration file's `rules:`. */
  severities?: Record<string, Severity | 'off'>;
  failOn?: Severity;
}

export interface WebFileResult {
  file: string;
  error?: string;
  findings: WebFinding[];
  /** A workbook with findings: the findings as the engine made them, for the annotated copy. */
  annotate?: Finding[];
}

export interface WebResponse {
  files: WebFileResult[];
  counts: { error: number; warn: number; info: number };
  outputs: Record<WebFormat, string>;
  /** A problem with the request itself (a configuration the engine refused …): nothing was checked. */
  error?: string;
}

/** What the page offers to choose: the template sets and the rules with their default severity. */
export interface WebChoices {
  version: string;
  templates: { name: string; title: string }[];
  rules: { id: string; title: string; severity: Severity }[];
}

/** Every file of a request sits in one folder, named as chosen (as when the command line runs in that folder). */
const INPUT_DIR = `${WORK_DIR}/files`;

export function choices(): WebChoices {
  const checker = createChecker({ cwd: WORK_DIR });
  return {
    version: packageVersion(),
    templates: loadTemplates(loadCatalog()).map((t) => ({ name: t.name, title: t.title })),
    rules: checker.rulesInForce().map((r) => ({ id: r.id, title: r.title, severity: r.severity })),
  };
}

/**
 * File names safe in the volume: no folders, no control characters; a name taken (two files of one
 * name from different folders, or the name of the configuration the page writes) numbered.
 */
function uniqueNames(files: readonly WebFile[]): string[] {
  const used = new Set<string>(CONFIG_NAMES);
  return files.map((f) => {
    const clean =
      [...f.name]
        .map((c) => (c === '/' || c === '\\' || c < ' ' ? '_' : c))
        .join('')
        .replace(/^\.+$/, '_') || '_';
    let name = clean;
    for (let n = 2; used.has(name); n++) {
      const dot = clean.lastIndexOf('.');
      name = dot > 0 ? `${clean.slice(0, dot)} (${n})${clean.slice(dot)}` : `${clean} (${n})`;
    }
    used.add(name);
    return name;
  });
}

/** The configuration file the page's choices stand for (the engine reads it with its own strict reader). */
function configText(request: WebRequest): string {
  const lines: string[] = [];
  if (request.template) lines.push(`template: ${JSON.stringify(request.template)}`);
  if (request.failOn) lines.push(`failOn: ${request.failOn}`);
  const severities = Object.entries(request.severities ?? {});
  if (severities.length > 0) {
    lines.push('rules:');
    for (const [id, severity] of severities) lines.push(`  ${JSON.stringify(id)}: ${severity}`);
  }
  return `${lines.join('\n')}\n`;
}

function webResult(result: FileResult): WebFileResult {
  return {
    file: result.file,
    ...(result.error ? { error: result.error.message } : {}),
    findings: webFindings(result.findings, result.file, WORK_DIR),
    ...(!result.error && result.findings.length > 0 && /\.xlsx$/i.test(result.file)
      ? { annotate: result.findings }
      : {}),
  };
}

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Checks the files of a request one by one (reporting progress, letting the page repaint between
 * files), then formats the report in every web format.
 */
export async function checkRequest(
  request: WebRequest,
  onProgress: (done: number, total: number, file: string) => void = () => undefined,
): Promise<WebResponse> {
  clearDir(WORK_DIR);
  const all = [
    ...request.files,
    ...(request.narrative ? [request.narrative] : []),
    ...(request.previous ? [request.previous] : []),
  ];
  const allNames = uniqueNames(all);
  for (const [i, f] of all.entries()) putFile(`${INPUT_DIR}/${allNames[i]}`, f.bytes);
  const names = allNames.slice(0, request.files.length);
  const [narrative, previous] = [
    request.narrative ? allNames[request.files.length] : undefined,
    request.previous ? allNames[allNames.length - 1] : undefined,
  ];
  putFile(`${INPUT_DIR}/${CONFIG_NAMES[0]}`, new TextEncoder().encode(configText(request)));
  const empty = { files: [], counts: { error: 0, warn: 0, info: 0 } };
  let checker: ReturnType<typeof createChecker>;
  try {
    checker = createChecker({
      cwd: INPUT_DIR,
      ...(narrative ? { narrative } : {}),
      ...(previous ? { previous } : {}),
    });
    checker.ruleSetup();
    if (request.previous) await checker.previousModel();
  } catch (error) {
    if (error instanceof InputError || (error instanceof Error && error.name.endsWith('Error')))
      return { ...empty, outputs: { html: '', json: '', sarif: '', markdown: '' }, error: (error as Error).message };
    throw error;
  }
  const results: FileResult[] = [];
  for (const [i, name] of names.entries()) {
    onProgress(i, names.length, name);
    await yieldToPage();
    results.push(await checker.checkFile(name));
  }
  onProgress(names.length, names.length, '');
  const report: CheckReport = {
    files: results,
    failOn: checker.ruleSetup().config.failOn ?? request.failOn ?? 'error',
    rules: checker.rulesInForce(results.map((r) => r.file)),
  };
  const outputs = {} as Record<WebFormat, string>;
  for (const format of WEB_FORMATS) {
    const formatter = await loadFormatter('check', format);
    outputs[format] = formatter(report, {
      cwd: INPUT_DIR,
      color: false,
      ...(format === 'sarif' ? { toolVersion: packageVersion() } : {}),
    });
  }
  return {
    files: results.map(webResult),
    counts: countSeverities(results.flatMap((r) => r.findings)),
    outputs,
  };
}
