// Copied to dist/bundle/load.js by scripts/bundle.ts: runs the CLI bundle (dist/bundle/juesuan.cjs)
// with V8's code cache when the build left one for this very bundle and this Node.
//
// Node 20 has no compile cache of its own for modules (module.enableCompileCache came in 22), and
// compiling the bundle's functions was about a quarter of a short check. So the build compiles it
// once, runs a check of the seed workbook in it and stores what V8 compiled (scripts/bundle/warm.js):
// a later run deserialises that instead of parsing and compiling again. The cache is named after
// the bundle's own hash (its first line), so a bundle rebuilt under a running suite never meets
// another bundle's cache; V8 itself refuses a cache of another Node, V8 version or set of flags
// (`cachedDataRejected`), and then the bundle is simply compiled as without one.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const file = join(dirname(fileURLToPath(import.meta.url)), 'juesuan.cjs');

/** The code cache file of the bundle whose first line is `source`'s (see scripts/bundle.ts). */
export function cacheFileOf(source) {
  const id = /^\/\/ juesuan bundle ([0-9a-f]{12,40})\n/.exec(source)?.[1];
  return id === undefined ? undefined : join(dirname(file), `juesuan-${id}.v8cache`);
}

/**
 * The bundle's exports ({ run, startWorker }), and the compiled script (the build asks it for its
 * code cache). `cache: false` compiles afresh.
 */
export function loadBundle({ cache = true } = {}) {
  const source = readFileSync(file, 'utf8');
  const cacheFile = cacheFileOf(source);
  let cachedData;
  if (cache && cacheFile !== undefined) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // no cache for this bundle (not built yet, or being rebuilt): compiled as it is
    }
  }
  // A CommonJS module body: the same wrapper as Node's own, on the bundle's first line (line numbers
  // in stack traces stay the file's). Dynamic import() does not work in a vm script: the bundle
  // loads ES-module-only packages through `importModule` (scripts/bundle.ts rewrites them to it).
  const script = new Script(
    `(function (exports, require, module, __filename, __dirname, importModule) {'use strict';${source}\n})`,
    { filename: file, cachedData },
  );
  const module = { exports: {} };
  script.runInThisContext()(
    module.exports,
    createRequire(file),
    module,
    file,
    dirname(file),
    (specifier) => import(specifier),
  );
  return { exports: module.exports, script, cacheFile };
}
