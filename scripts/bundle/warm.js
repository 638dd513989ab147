// Run by scripts/bundle.ts in a fresh node process: compiles the bundle (dist/bundle/juesuan.cjs),
// checks the seed workbook in it as a user would (JSON and the terminal report), and writes the
// code V8 compiled for that as the bundle's code cache (see scripts/bundle/load.js). Nothing is
// written but the cache; without the seed workbook (a package built elsewhere) no cache is made.
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [bundleDir, root] = process.argv.slice(2);
const seed = join(root, 'fixtures', 'seed-2024.xlsx');
if (!existsSync(seed)) process.exit(0);

const { loadBundle } = await import(pathToFileURL(join(bundleDir, 'load.js')).href);
const { exports, script, cacheFile } = loadBundle({ cache: false });
if (cacheFile === undefined) throw new Error('the bundle has no id line');
const io = { out: () => undefined, err: () => undefined, isTTY: false, errIsTTY: false, env: {}, cwd: root };
for (const format of [['--format', 'json'], []]) {
  const code = await exports.run(['check', seed, ...format], io);
  if (code !== 0) throw new Error(`the seed workbook checked with exit code ${code}`);
}
const aside = `${cacheFile}.${process.pid}.tmp`;
writeFileSync(aside, script.createCachedData());
renameSync(aside, cacheFile);
