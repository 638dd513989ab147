// Copied to dist/bundle/load.js by scripts/bundle.ts: runs the CLI bundle (dist/bundle/juesuan.cjs)
// with V8's code cache when the build left one for this very bundle and this Node, pdfjs-dist
// from its own script chunks (dist/bundle/pdfjs-display.cjs, pdfjs-worker.cjs) with their own
// caches when a PDF is read, and exceljs's Workbook (dist/bundle/exceljs.cjs) with its own when an
// annotated copy is written.
//
// Node 20 has no compile cache of its own for modules (module.enableCompileCache came in 22), and
// compiling the bundle's functions was about a quarter of a short check. So the build compiles it
// once, runs a check of the seed workbook and of the PDF fixtures in it and stores what V8 compiled
// (scripts/bundle/warm.js): a later run deserialises that instead of parsing and compiling again.
// Each cache is named after its script's own hash (its first line), so a script rebuilt under a
// running suite never meets another one's cache; V8 itself refuses a cache of another Node, V8
// version or set of flags (`cachedDataRejected`), and then the script is simply compiled as
// without one.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const folder = dirname(fileURLToPath(import.meta.url));
const file = join(folder, 'juesuan.cjs');
const require = createRequire(file);

/** The code cache file of the script whose first line is `source`'s (see scripts/bundle.ts). */
export function cacheFileOf(source, path = file) {
  const id = /^\/\/ [\w .-]*?bundle ([0-9a-f]{12,40})\n/.exec(source)?.[1];
  return id === undefined ? undefined : path.replace(/\.cjs$/, `-${id}.v8cache`);
}

/** The scripts compiled in this process, by file, for the build's code caches (warm.js). */
export const compiled = new Map();

/**
 * Compiles and runs a CommonJS script body with the parameters' names bound to their values,
 * from the code cache of exactly this script when there is one. `cache: false` compiles afresh.
 */
function runScript(path, source, params, cache) {
  const cacheFile = cacheFileOf(source, path);
  let cachedData;
  if (cache && cacheFile !== undefined) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // no cache for this script (not built yet, or being rebuilt): compiled as it is
    }
  }
  // A function body on the script's first line (line numbers in stack traces stay the file's).
  const names = Object.keys(params);
  const script = new Script(`(function (${names.join(', ')}) {'use strict';${source}\n})`, {
    filename: path,
    cachedData,
  });
  compiled.set(path, { script, cacheFile });
  script.runInThisContext()(...names.map((name) => params[name]));
  return script;
}

/**
 * Node's fetch classes are made on first use of any of them (undici, ~45 ms of start-up), and pdfjs
 * looks at Response.prototype.bytes as it loads (to polyfill it; Node 20 has it): its Response is
 * this stand-in, which makes Node's own only when pdfjs builds one (saving a document, never here).
 */
function LazyResponse(...args) {
  return new globalThis.Response(...args);
}
// what pdfjs looks for (a Response made here is Node's own, which has it)
LazyResponse.prototype.bytes = () => {
  throw new TypeError('not a Response');
};

/**
 * pdfjs-dist's display layer and its worker (its minified legacy build), as the build copied them
 * into two scripts: each loaded only when a PDF is read, with its code cache (half of a short PDF
 * check was compiling pdfjs otherwise); the display layer in the main thread, the worker on
 * pdfjs's own thread (pdf-worker.js), or both in the main thread where there is none. A chunk
 * missing or made from another version of pdfjs-dist than the installed one (whose CMaps and fonts
 * it reads) is not used: the package is imported as it is.
 */
const PDFJS_CHUNKS = {
  'pdfjs-dist/legacy/build/pdf.min.mjs': join(folder, 'pdfjs-display.cjs'),
  'pdfjs-dist/legacy/build/pdf.worker.min.mjs': join(folder, 'pdfjs-worker.cjs'),
};
/**
 * A chunk's text when the build made it from the installed version of `pkg` (its first line names
 * them: `// pkg VERSION bundle …`); undefined when it is missing or was made from another one.
 */
function chunkSource(path, pkg) {
  try {
    const source = readFileSync(path, 'utf8');
    const installed = require(`${pkg}/package.json`).version;
    return source.startsWith(`// ${pkg} ${installed} `) ? source : undefined;
  } catch {
    return undefined;
  }
}

/** Each chunk's exports once run (false: it could not be used). */
const chunkExports = new Map();
/** Runs a script chunk of the build once, with `globals` beside exports and module; undefined when unusable. */
function runChunk(path, packageName, globals) {
  const known = chunkExports.get(path);
  if (known !== undefined) return known || undefined;
  chunkExports.set(path, false);
  const source = chunkSource(path, packageName);
  if (source === undefined) return undefined;
  const module = { exports: {} };
  runScript(path, source, { exports: module.exports, module, ...globals }, cacheEnabled);
  chunkExports.set(path, module.exports);
  return module.exports;
}

/**
 * pdfjs's display layer requires @napi-rs/canvas as it loads, in Node, only to put its DOMMatrix,
 * ImageData and Path2D on globalThis for drawing pages: a native library whose loading was ~25 ms
 * of CPU and ~27 MiB of memory of every PDF check, before the first page could be asked for.
 * juesuan never draws a page (it takes text and operator lists, which never build any of them);
 * the one such object pdfjs makes as it loads is an identity DOMMatrix (a constant of its canvas
 * code). So the display layer's `require` gets stand-ins for the package: DOMMatrix with no
 * arguments, and nothing else, which refuse any other use with a clear error.
 */
function notDrawn(name) {
  return class {
    constructor(...args) {
      if (name !== 'DOMMatrix' || args.length > 0)
        throw new Error(`${name}: juesuan does not draw PDF pages (no @napi-rs/canvas loaded)`);
    }
  };
}
const CANVAS_STAND_INS = Object.freeze({
  DOMMatrix: notDrawn('DOMMatrix'),
  ImageData: notDrawn('ImageData'),
  Path2D: notDrawn('Path2D'),
});

/** `process` as pdfjs's display chunk sees it: Node's own, except that @napi-rs/canvas is the stand-ins. */
function processWithoutCanvas() {
  const builtin = (id) => {
    const found = process.getBuiltinModule(id);
    if (id !== 'module' && id !== 'node:module') return found;
    return {
      ...found,
      createRequire(url) {
        const real = found.createRequire(url);
        const wrapped = (specifier) => (specifier === '@napi-rs/canvas' ? CANVAS_STAND_INS : real(specifier));
        return Object.assign(wrapped, { resolve: real.resolve, cache: real.cache });
      },
    };
  };
  // inherits everything else (pdfjs tells Node by `process + ''`, which stays "[object process]")
  return Object.create(process, { getBuiltinModule: { value: builtin } });
}

function pdfjsChunk(path) {
  return runChunk(path, 'pdfjs-dist', {
    // pdfjs locates its data (and would locate @napi-rs/canvas) from its own file, as when it is imported
    __pdfjsUrl: pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.min.mjs')).href,
    // the display layer only (the worker loads no canvas): see processWithoutCanvas
    ...(path === PDFJS_CHUNKS['pdfjs-dist/legacy/build/pdf.min.mjs'] ? { process: processWithoutCanvas() } : {}),
    Response: LazyResponse,
    // pdfjs inflates each content stream through Node's DecompressionStream (web streams over
    // zlib, dozens of promises a stream) and falls back to its own synchronous inflate, with the
    // same bytes, wherever that fails: for a page's few kilobytes its own is the cheaper one
    DecompressionStream: undefined,
  });
}

/**
 * exceljs's Workbook (--annotate) as the build bundled it (dist/bundle/exceljs.cjs), with its code
 * cache: what import() of the package's file gives ({ default: the class }), or undefined when the
 * chunk is missing or made from another exceljs than the installed one.
 */
const EXCELJS_SPECIFIER = 'exceljs/lib/doc/workbook.js';
function exceljsChunk() {
  const path = join(folder, 'exceljs.cjs');
  const exports = runChunk(path, 'exceljs', { require, __filename: path, __dirname: folder });
  return exports && { default: exports };
}

/**
 * import() for the bundle: pdfjs-dist and exceljs's Workbook from their chunks where they can be,
 * anything else as imported. (pdf-worker.js, pdfjs's worker thread, loads pdfjs through it too.)
 */
export async function importModule(specifier) {
  if (specifier === EXCELJS_SPECIFIER) return exceljsChunk() || import(specifier);
  const path = PDFJS_CHUNKS[specifier];
  return (path && pdfjsChunk(path)) || import(specifier);
}

let cacheEnabled = true;

const EARLY = Symbol.for('juesuan.pdfjs-thread');

/**
 * pdfjs's worker thread (pdf-worker.js) started now, before the bundle is loaded, for a run that
 * names a PDF: it loads pdfjs while this thread loads the CLI, instead of after (the first page
 * waited for it). src/io/pdf/pdfjs-thread.ts takes it from globalThis when the first PDF is read;
 * until then it is unreferenced (a run that reads no PDF exits as without it) and its error or
 * end is noted for whoever takes it.
 */
export function startPdfjsThreadEarly() {
  if (globalThis[EARLY] !== undefined) return;
  try {
    const { Worker, MessageChannel } = require('node:worker_threads');
    const { port1, port2 } = new MessageChannel();
    // none of this process's Node options, as for a thread started later
    const worker = new Worker(new URL('./pdf-worker.js', import.meta.url), {
      workerData: { port: port2 },
      transferList: [port2],
      execArgv: [],
    });
    const early = { worker, port: port1, events: [] };
    worker.on('error', (error) => early.events.push(['error', error]));
    worker.on('exit', (code) => early.events.push(['exit', code]));
    worker.unref();
    port1.unref();
    globalThis[EARLY] = early;
  } catch {
    // no thread now: the reader starts one when it needs it, or reads in this thread
  }
}

/**
 * The bundle's exports ({ run, startWorker }), and the compiled script (the build asks it for its
 * code cache). `cache: false` compiles afresh (this script and any chunk it loads later).
 */
export function loadBundle({ cache = true } = {}) {
  cacheEnabled = cache;
  const source = readFileSync(file, 'utf8');
  // A CommonJS module body with the same parameters as Node's own wrapper. Dynamic import() does
  // not work in a vm script: the bundle loads ES-module-only packages through `importModule`
  // (scripts/bundle.ts rewrites them to it).
  const module = { exports: {} };
  const script = runScript(
    file,
    source,
    { exports: module.exports, require, module, __filename: file, __dirname: folder, importModule },
    cache,
  );
  return { exports: module.exports, script, cacheFile: cacheFileOf(source) };
}
