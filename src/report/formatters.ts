import type { FormatContext } from './common.js';
import type { CheckReport } from '../model/results.js';

export type { FormatContext } from './common.js';

/** A formatter: a pure function from the report to text (no clock, no file system, no environment). */
export type Formatter = (report: CheckReport, context: FormatContext) => string;

/**
 * Every output format by name, each loaded only when asked for: start-up pays for none of them.
 * `stylish` is the terminal default; the others are for CI (json, junit, sarif, github),
 * pull requests (markdown) and reviewers (html).
 */
export const FORMATTERS = {
  stylish: async (): Promise<Formatter> => {
    const { formatStylish } = await import('./stylish.js');
    return (report, context) => formatStylish(report, { color: context.color });
  },
  json: async (): Promise<Formatter> => (await import('./json.js')).formatJson,
  junit: async (): Promise<Formatter> => (await import('./junit.js')).formatJunit,
  sarif: async (): Promise<Formatter> => (await import('./sarif.js')).formatSarif,
  github: async (): Promise<Formatter> => (await import('./github.js')).formatGithub,
  markdown: async (): Promise<Formatter> => {
    const { formatMarkdown } = await import('./markdown.js');
    return (report, context) => formatMarkdown(report, context);
  },
  html: async (): Promise<Formatter> => (await import('./html.js')).formatHtml,
} as const;

export type FormatName = keyof typeof FORMATTERS;

export const FORMAT_NAMES = Object.keys(FORMATTERS) as FormatName[];

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(FORMATTERS, name);
}

export async function loadFormatter(name: FormatName): Promise<Formatter> {
  return FORMATTERS[name]();
}
