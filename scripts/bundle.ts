// Build step: the CLI as one ESM bundle (dist/bundle/cli.js) with lazily loaded chunks, and the batch
// worker beside it. A check then reads a handful of files instead of the hundred-odd modules of
// dist/src and of the small dependencies; bin/juesuan.js runs it. src/ stays the source, dist/src
// the library (package exports).
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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

const root = packageRoot();
const outdir = join(root, 'dist', 'bundle');

const result = await build({
  write: false,
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli.ts', worker: 'src/check/worker.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  chunkNames: 'chunk-[hash]',
  plugins: [lazyChildProcess],
  inject: [join(root, 'scripts', 'bundle', 'require-shim.js')],
  legalComments: 'linked',
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});

// Each file replaced whole (written aside, then renamed), chunks before the entries that import
// them: a CLI started while the tests rebuild sees the old bundle or the new one, never half of one.
mkdirSync(outdir, { recursive: true });
const written = new Set<string>();
const entries = (path: string) => /[\\/](cli|worker)\.js$/.test(path);
for (const file of [...result.outputFiles].sort((a, b) => Number(entries(a.path)) - Number(entries(b.path)))) {
  const aside = `${file.path}.${process.pid}.tmp`;
  writeFileSync(aside, file.contents);
  renameSync(aside, file.path);
  written.add(basename(file.path));
}
for (const name of readdirSync(outdir)) if (!written.has(name)) rmSync(join(outdir, name), { force: true });
