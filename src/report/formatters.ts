import type { WorkbookDiff } from '../diff/types.js';
import type { FormatContext } from './common.js';
import type { CheckReport } from '../model/results.js';

export type { FormatContext } from './common.js';

/** A formatter: a pure function from a report to text (no clock, no file system, no environment). */
export type Formatter<R> = (report: R, context: FormatContext) => string;

/**
 * Every output format of `check`, by name, each loaded only when asked for: start-up pays for none
 * of them. `stylish` is the terminal default; the others are for CI (json, junit, sarif, github),
 * pull requests (markdown) and reviewers (html).
 */
const CHECK_FORMATTERS = {
  stylish: async (): Promise<Formatter<CheckReport>> => {
    const { formatStylish } = await import('./stylish.js');
    return (report, context) =>
      formatStylish(report, { color: context.color, ...(context.width ? { width: context.width } : {}) });
  },
  json: async (): Promise<Formatter<CheckReport>> => (await import('./json.js')).formatJson,
  junit: async (): Promise<Formatter<CheckReport>> => (await import('./junit.js')).formatJunit,
  sarif: async (): Promise<Formatter<CheckReport>> => (await import('./sarif.js')).formatSarif,
  github: async (): Promise<Formatter<CheckReport>> => (await import('./github.js')).formatGithub,
  markdown: async (): Promise<Formatter<CheckReport>> => {
    const { formatMarkdown } = await import('./markdown.js');
    return (report, context) => formatMarkdown(report, context);
  },
  html: async (): Promise<Formatter<CheckReport>> => (await import('./html.js')).formatHtml,
};

/** A formatter writing its report a piece at a time: the pieces joined are the formatter's text. */
export type ChunkedFormatter<R> = (report: R, context: FormatContext) => Iterable<string>;

/**
 * The formats whose reports grow with the findings, as pieces: the CLI writes a report of 10,000
 * findings to stdout without ever holding it whole (nor every finding's object tree at once).
 */
const CHECK_CHUNKS: Partial<Record<string, () => Promise<ChunkedFormatter<CheckReport>>>> = {
  stylish: async () => {
    const { stylishChunks } = await import('./stylish.js');
    return (report, context) =>
      stylishChunks(report, { color: context.color, ...(context.width ? { width: context.width } : {}) });
  },
  json: async () => (await import('./json.js')).jsonChunks,
  sarif: async () => (await import('./sarif.js')).sarifChunks,
  html: async () => (await import('./html.js')).htmlChunks,
};

/** A check format as pieces (a format without pieces of its own is one piece). */
export async function loadCheckChunks(name: FormatName<'check'>): Promise<ChunkedFormatter<CheckReport>> {
  const chunked = CHECK_CHUNKS[name];
  if (chunked) return chunked();
  const format = await loadFormatter('check', name);
  return (report, context) => [format(report, context)];
}

/** Every output format of `diff` (last year against this year); `terminal` is the default. */
const DIFF_FORMATTERS = {
  terminal: async (): Promise<Formatter<WorkbookDiff>> => {
    const { formatDiffTerminal } = await import('../diff/format-terminal.js');
    return (diff, context) =>
      formatDiffTerminal(diff, { color: context.color, ...(context.width ? { width: context.width } : {}) });
  },
  json: async (): Promise<Formatter<WorkbookDiff>> => (await import('../diff/format-json.js')).formatDiffJson,
  markdown: async (): Promise<Formatter<WorkbookDiff>> =>
    (await import('../diff/format-markdown.js')).formatDiffMarkdown,
  html: async (): Promise<Formatter<WorkbookDiff>> => (await import('../diff/format-html.js')).formatDiffHtml,
};

/** The one registry: the formats of each report, by name. */
export const FORMATTERS = { check: CHECK_FORMATTERS, diff: DIFF_FORMATTERS } as const;

export type ReportKind = keyof typeof FORMATTERS;
/** What each kind of report is. */
export interface Reports {
  check: CheckReport;
  diff: WorkbookDiff;
}
export type FormatName<K extends ReportKind = 'check'> = keyof (typeof FORMATTERS)[K] & string;

/** The format names of a report, in the registry's order (the first is the default). */
export function formatNames<K extends ReportKind>(kind: K): FormatName<K>[] {
  return Object.keys(FORMATTERS[kind]) as FormatName<K>[];
}

export function isFormatName<K extends ReportKind>(kind: K, name: string): name is FormatName<K> {
  return Object.hasOwn(FORMATTERS[kind], name);
}

export async function loadFormatter<K extends ReportKind>(
  kind: K,
  name: FormatName<K>,
): Promise<Formatter<Reports[K]>> {
  const load = (FORMATTERS[kind] as unknown as Record<string, () => Promise<Formatter<Reports[K]>>>)[name];
  if (!load) throw new Error(`no ${kind} formatter ${name}`);
  return load();
}

/** The one sentence for a format name a command does not have (the CLI and the config file say it alike). */
export function unknownFormatText(name: string, names: readonly string[], where?: string): string {
  return `不支持的输出格式「${name}」${where ? `（${where}）` : ''}，请使用 ${names.join('、')}`;
}
