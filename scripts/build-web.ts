// npm run build:web: the page (dist/web/index.html plus hashed assets), bundled by esbuild from the
// same engine as the command line. Node's modules are replaced by their browser counterparts in
// src/web/node/ (an in-memory volume for files, fflate for inflate, our own zip directory
// reader), the package's data files are embedded, and nothing is fetched at run time.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { REPORT_CSS, REPORT_JS } from '../src/report/html-assets.js';
import { packageRoot } from '../src/util/package-root.js';
import { PRECOMPILED_FILE } from '../src/util/precompiled.js';

const root = packageRoot();
const out = join(root, 'dist', 'web');
const shim = (name: string) => join(root, 'src', 'web', 'node', `${name}.ts`);

/** Node's modules → their browser counterparts. */
const NODE_MODULES: Record<string, string> = {
  fs: shim('fs'),
  'fs/promises': shim('fs-promises'),
  path: shim('path'),
  zlib: shim('zlib'),
  crypto: shim('crypto'),
  url: shim('misc'),
  os: shim('misc'),
  module: shim('misc'),
  util: shim('misc'),
  worker_threads: shim('misc'),
  yauzl: shim('yauzl'),
};

/** The package's data (rules/, the precompiled JSON, package.json), path → text. */
function builtinFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  const add = (file: string) => {
    files[relative(root, file).split(sep).join('/')] = readFileSync(file, 'utf8');
  };
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.yaml')) add(path);
    }
  };
  walk(join(root, 'rules'));
  add(join(root, PRECOMPILED_FILE));
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
  files['package.json'] = JSON.stringify({ name: manifest.name, version: manifest.version });
  return files;
}

const browserPlugin: Plugin = {
  name: 'juesuan-browser',
  setup(b) {
    b.onResolve(
      { filter: /^(node:)?(fs|fs\/promises|path|zlib|crypto|url|os|module|util|worker_threads)$|^yauzl$/ },
      (args) => {
        const name = args.path.replace(/^node:/, '');
        const target = NODE_MODULES[name];
        return target ? { path: target } : undefined;
      },
    );
    // exceljs (the annotated copy): its own browser build instead of its Node entry
    b.onResolve({ filter: /\/excel\.js$/ }, (args) =>
      args.importer.endsWith(join('io', 'load-workbook.ts'))
        ? { path: join(root, 'src', 'web', 'excel.ts') }
        : undefined,
    );
    b.onResolve({ filter: /^juesuan:builtin-files$/ }, () => ({ path: 'builtin-files', namespace: 'juesuan' }));
    b.onLoad({ filter: /.*/, namespace: 'juesuan' }, () => ({
      contents: JSON.stringify(builtinFiles()),
      loader: 'json',
    }));
    // PDF: pdfjs needs a module worker the page cannot start from disk; the page says so instead
    b.onResolve({ filter: /^pdfjs-dist/ }, () => ({ path: 'pdfjs', namespace: 'juesuan-pdf' }));
    b.onLoad({ filter: /.*/, namespace: 'juesuan-pdf' }, () => ({
      contents: 'export function getDocument() { throw new Error("PDF is not read in the browser"); }',
      loader: 'js',
    }));
  },
};

function hashed(name: string, ext: string, contents: string | Uint8Array): string {
  const hash = createHash('sha256').update(contents).digest('hex').slice(0, 10);
  const file = `${name}-${hash}.${ext}`;
  writeFileSync(join(out, file), contents);
  return file;
}

function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The Function-constructor fallbacks in exceljs's browser build that a browser never reaches: the
 * global object when neither `self` nor `global` exists (lodash, core-js style), and setImmediate's
 * polyfill given a string instead of a function. Any other eval or Function constructor fails the build.
 */
const UNREACHED_FALLBACKS = ['Function("return this")()', 'new Function(""+'];

function assertNoEval(name: string, code: string, allowed: readonly string[] = []): void {
  let rest = code;
  for (const fallback of allowed) rest = rest.split(fallback).join('');
  for (const banned of [/\bnew Function\b/, /\bFunction\(/, /\beval\(/])
    if (banned.test(rest)) throw new Error(`the ${name} bundle calls ${banned.source}: the page's CSP forbids eval`);
}

async function bundle(entry: string, inject: boolean): Promise<string> {
  const result = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: ['chrome110', 'firefox115', 'edge110', 'safari16'],
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    plugins: [browserPlugin],
    ...(inject ? { inject: [join(root, 'src', 'web', 'node', 'globals.ts')] } : {}),
    define: {
      'import.meta.url': JSON.stringify('file:///juesuan/dist/src/web/engine.js'),
      global: 'globalThis',
    },
    logLevel: 'warning',
  });
  const [file] = result.outputFiles;
  if (!file) throw new Error(`esbuild wrote nothing for ${entry}`);
  return file.text;
}

/** Writes dist/web and returns the files written with their sizes. */
export async function buildWeb(): Promise<{ file: string; bytes: number }[]> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const engineCode = await bundle('src/web/engine-entry.ts', true);
  assertNoEval('engine', engineCode);
  const engine = hashed('engine', 'js', engineCode);
  const annotateCode = await bundle('src/web/annotate-entry.ts', true);
  assertNoEval('annotate', annotateCode, UNREACHED_FALLBACKS);
  const annotate = hashed('annotate', 'js', annotateCode);
  const pageCode = await bundle('src/web/page.ts', false);
  const page = hashed('page', 'js', pageCode);
  const style = hashed('page', 'css', readFileSync(join(root, 'src', 'web', 'page.css'), 'utf8'));
  const csp = [
    "default-src 'none'",
    `script-src 'self' ${cspHash(REPORT_JS)}`,
    `style-src 'self' ${cspHash(REPORT_CSS)}`,
    "worker-src 'self'",
    "img-src 'self' data:",
    "connect-src 'none'",
    "frame-src 'self'",
    "form-action 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ');
  // the page's source is a template (its %NAME% slots are filled here), hence not an .html file
  const template = readFileSync(join(root, 'src', 'web', 'index.html.tmpl'), 'utf8');
  const html = template
    .replace('%CSP%', csp)
    .replace('%STYLE%', style)
    .replace('%PAGE%', page)
    .replace('%ENGINE%', engine)
    .replace('%ANNOTATE%', annotate);
  writeFileSync(join(out, 'index.html'), html);
  return ['index.html', page, style, engine, annotate].map((file) => ({ file, bytes: statSync(join(out, file)).size }));
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split(sep).join('/'))) {
  const files = await buildWeb();
  for (const { file, bytes } of files) process.stdout.write(`dist/web/${file}  ${(bytes / 1024).toFixed(0)} KiB\n`);
}
