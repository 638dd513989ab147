// Build step: the CLI as one CommonJS bundle (dist/bundle/juesuan.cjs) run through its loader
// (scripts/bundle/load.js) with V8's code cache, which scripts/bundle/warm.js makes right after.
// A check then reads a handful of files instead of the hundred-odd modules of dist/src and of the
// small dependencies, and compiles next to nothing; bin/juesuan.js runs it (dist/bundle/cli.js),
// a batch worker too (dist/bundle/worker.js). src/ stays the source, dist/src the library (package
// exports).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, sep } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { packageRoot } from '../src/util/package-root.js';

/** Big packages loaded only by the commands or documents that need them, from node_modules as installed. */
export const EXTERNAL = [
  // --annotate only (src/io/excel.ts requires one file of it)
  'exceljs',
  // PDF reports only; it finds its CMaps and standard fonts in its own folder
  'pdfjs-dist',
  // user YAML only (built-in data is precompiled)
  'yaml',
  // its code-page tables are megabytes of data, required on first use of each encoding
  'iconv-lite',
];

/**
 * commander requires child_process at load time (for executable subcommands, which juesuan has
 * none of); loading it pulls in net and dgram. Here it is loaded on first use instead.
 */
const lazyChildProcess: Plugin = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes(`${sep}commander${sep}`)
        ? { path: 'child_process', namespace: 'lazy-builtin' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
      loader: 'js',
    }));
  },
};

/**
 * iconv-lite is needed only for a text or web page in another encoding than UTF-8, but its module
 * (with Node's stream machinery) was required as the bundle started: its default export is now a
 * stand-in that requires the package on first use.
 */
const lazyIconv: Plugin = {
  name: 'lazy-iconv',
  setup(b) {
    b.onResolve({ filter: /^iconv-lite$/ }, (args) =>
      args.namespace === 'lazy-iconv' ? undefined : { path: 'iconv-lite', namespace: 'lazy-iconv' },
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-iconv' }, () => ({
      contents: "export default new Proxy({}, { get: (_, key) => require('iconv-lite')[key] });",
      loader: 'js',
    }));
  },
};

/**
 * A script run by node:vm has no import(): `await import('pdfjs-dist/…')` and the like (packages and
 * Node's modules; our own modules are bundled) call the loader's importModule instead, which is
 * import() of an ES module. The build fails below if any import() is left.
 */
const importThroughLoader: Plugin = {
  name: 'import-through-loader',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      return { contents: text.replace(/\bawait import\((['"])(?![./])/g, 'await importModule($1'), loader: 'ts' };
    });
  },
};

const root = packageRoot();
const outdir = join(root, 'dist', 'bundle');
const BUNDLE = 'juesuan.cjs';

const result = await build({
  write: false,
  absWorkingDir: root,
  entryPoints: { juesuan: 'src/bundle-entry.ts' },
  outdir,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  plugins: [lazyChildProcess, lazyIconv, importThroughLoader],
  // the module's URL for the few places that locate files beside it (package root, worker, require)
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "var __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  legalComments: 'linked',
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});

/** The first line names a script by its hash: the loader finds the code cache made for exactly it. */
const named = (label: string, code: string) =>
  Buffer.from(`// ${label} bundle ${createHash('sha1').update(code).digest('hex').slice(0, 16)}\n${code}`);

const outputs = result.outputFiles.map((file) => {
  if (basename(file.path) !== BUNDLE) return { path: file.path, contents: file.contents };
  const code = file.text;
  if (/\bimport\(|import\.meta/.test(code)) throw new Error(`${BUNDLE}: import() or import.meta left in the bundle`);
  return { path: file.path, contents: named('juesuan', code) };
});

/**
 * pdfjs-dist's minified legacy display layer and worker as two CommonJS scripts, so a PDF check
 * compiles them from a code cache too (an ES module cannot have one on Node 20): the loader runs
 * each when the bundle (or pdfjs's worker thread, pdf-worker.js) imports its file
 * (scripts/bundle/load.js); a thread deserialises the code of its own part only. Their first line
 * names the pdfjs version they were made from; the loader imports the package instead when another
 * one is installed. `import.meta.url` becomes the installed pdf.min.mjs's URL, which the loader
 * passes in.
 */
const pdfjsVersion = (
  JSON.parse(readFileSync(join(root, 'node_modules', 'pdfjs-dist', 'package.json'), 'utf8')) as {
    version: string;
  }
).version;
for (const [name, file, mark] of [
  ['pdfjs-display.cjs', 'pdf.min.mjs', /getDocument/],
  ['pdfjs-worker.cjs', 'pdf.worker.min.mjs', /WorkerMessageHandler/],
] as const) {
  const chunk = await build({
    write: false,
    absWorkingDir: root,
    stdin: { contents: `export * from 'pdfjs-dist/legacy/build/${file}';`, resolveDir: root, loader: 'js' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    define: { 'import.meta.url': '__pdfjsUrl' },
    legalComments: 'inline',
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
  });
  const code = chunk.outputFiles[0]?.text ?? '';
  if (!mark.test(code)) throw new Error(`${name}: the pdfjs-dist chunk lacks ${mark.source}`);
  outputs.push({ path: join(outdir, name), contents: named(`pdfjs-dist ${pdfjsVersion}`, code) });
}

/**
 * exceljs's Workbook (src/io/excel.ts, --annotate only) as one CommonJS script with its code cache:
 * required from the package, compiling exceljs and its dependencies took about half a second of
 * every annotated copy. The loader runs it when the bundle imports that file; its first line names
 * the exceljs version it was made from, and another installed version is required as it is.
 */
const exceljsVersion = (
  JSON.parse(readFileSync(join(root, 'node_modules', 'exceljs', 'package.json'), 'utf8')) as { version: string }
).version;
{
  const chunk = await build({
    write: false,
    absWorkingDir: root,
    stdin: { contents: "module.exports = require('exceljs/lib/doc/workbook.js');", resolveDir: root, loader: 'js' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    legalComments: 'inline',
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
  });
  const code = chunk.outputFiles[0]?.text ?? '';
  if (!/addWorksheet/.test(code)) throw new Error('exceljs.cjs: the exceljs chunk lacks addWorksheet');
  outputs.push({ path: join(outdir, 'exceljs.cjs'), contents: named(`exceljs ${exceljsVersion}`, code) });
}

// Each file replaced whole (written aside, then renamed), the bundle before the loader and the
// entries that run it: a CLI started while the tests rebuild sees the old bundle or the new one,
// never half of one (an old code cache never meets a new bundle: it is named after its bundle).
mkdirSync(outdir, { recursive: true });
const written = new Set<string>();
const put = (name: string, contents: string | Uint8Array) => {
  const path = join(outdir, name);
  const aside = `${path}.${process.pid}.tmp`;
  writeFileSync(aside, contents);
  renameSync(aside, path);
  written.add(name);
};
for (const file of outputs) put(basename(file.path), file.contents);
for (const script of ['load.js', 'pdf-worker.js']) {
  const aside = join(outdir, `${script}.${process.pid}.tmp`);
  copyFileSync(join(root, 'scripts', 'bundle', script), aside);
  renameSync(aside, join(outdir, script));
  written.add(script);
}
put(
  'cli.js',
  "// The CLI (bin/juesuan.js): the bundle run by its loader (scripts/bundle.ts).\nimport { loadBundle } from './load.js';\n\nexport const { run } = loadBundle().exports;\n",
);
put(
  'worker.js',
  "// A batch worker thread (src/check/checker.ts starts it): the bundle's worker loop.\nimport { loadBundle } from './load.js';\n\nawait loadBundle().exports.startWorker();\n",
);
for (const name of readdirSync(outdir)) if (!written.has(name)) rmSync(join(outdir, name), { force: true });

// The code cache, made by checking the seed workbook in a fresh process (scripts/bundle/warm.js).
execFileSync(process.execPath, [join(root, 'scripts', 'bundle', 'warm.js'), outdir, root], { stdio: 'inherit' });
