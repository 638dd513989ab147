import { createHash } from 'node:crypto';
import { escapeAttribute as attr, escapeMarkup as esc } from './markup.js';

export interface PageParts {
  title: string;
  css: string;
  /** Inline script, if the page has one. */
  js?: string;
  /** Body lines, already markup. */
  body: string[];
}

function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * A self-contained HTML page (check report, diff report): inline style and script only, allowed
 * by hash in a content-security policy that forbids everything else, so the file opens offline
 * and nothing in a workbook's text can run.
 */
export function htmlPage(parts: PageParts): string {
  return [...htmlPageChunks(parts)].join('');
}

/** htmlPage as pieces, a body line at a time (a body may be a generator: nothing is held whole). */
export function* htmlPageChunks(parts: Omit<PageParts, 'body'> & { body: Iterable<string> }): Generator<string> {
  const script = parts.js === undefined ? '' : ` script-src ${cspHash(parts.js)};`;
  const csp = `default-src 'none'; style-src ${cspHash(parts.css)};${script} img-src 'none'; form-action 'none'; base-uri 'none'`;
  const head = [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8"/>',
    `<meta http-equiv="Content-Security-Policy" content="${attr(csp)}"/>`,
    '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
    '<meta name="generator" content="juesuan"/>',
    `<title>${esc(parts.title)}</title>`,
    `<style>${parts.css}</style>`,
    '</head>',
    '<body>',
  ];
  yield `${head.join('\n')}\n`;
  for (const line of parts.body) yield `${line}\n`;
  if (parts.js !== undefined) yield `<script>${parts.js}</script>\n`;
  yield '</body>\n</html>\n';
}
