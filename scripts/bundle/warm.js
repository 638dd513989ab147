// Run by scripts/bundle.ts in a fresh node process: compiles the bundle (dist/bundle/juesuan.cjs),
// checks the seed workbook in it as a user would (JSON and the terminal report, then an annotated
// copy in a scratch folder: the exceljs chunk), then the seed's published PDFs (a non-embedded CID
// font and an embedded subset: the pdfjs chunk and the bundle's PDF reader; pdfjs's worker once
// more in this thread), and writes the code V8 compiled for that as each script's code cache (see
// scripts/bundle/load.js). Nothing is left but the caches; without the seed workbook (a package
// built elsewhere) no cache is made.
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [bundleDir, root] = process.argv.slice(2);
const seed = join(root, 'fixtures', 'seed-2024.xlsx');
if (!existsSync(seed)) process.exit(0);

const { loadBundle, compiled, importModule } = await import(pathToFileURL(join(bundleDir, 'load.js')).href);
const { exports, cacheFile } = loadBundle({ cache: false });
if (cacheFile === undefined) throw new Error('the bundle has no id line');
const io = { out: () => undefined, err: () => undefined, isTTY: false, errIsTTY: false, env: {}, cwd: root };
for (const format of [['--format', 'json'], []]) {
  const code = await exports.run(['check', seed, ...format], io);
  if (code !== 0) throw new Error(`the seed workbook checked with exit code ${code}`);
}
// an annotated copy of the seed (exceljs's chunk reads and writes a workbook), in a folder of its own
// removed after
const scratch = mkdtempSync(join(tmpdir(), 'juesuan-warm-'));
try {
  const code = await exports.run(['check', seed, '--annotate', join(scratch, 'annotated.xlsx')], io);
  if (code !== 0) throw new Error(`the seed workbook annotated with exit code ${code}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
for (const name of ['seed-2024-cid.pdf', 'seed-2024-embedded.pdf']) {
  const pdf = join(root, 'fixtures', 'published', name);
  if (!existsSync(pdf)) continue;
  // the seed's six discrepancies: exit code 1
  const code = await exports.run(['check', pdf, '--format', 'json'], io);
  if (code !== 1) throw new Error(`${name} checked with exit code ${code}`);
}
// A check runs pdfjs's worker on a thread of its own (pdf-worker.js), whose compiled code stays in
// that thread: the same PDFs are read here once more with pdfjs's worker in this thread, so the
// chunk's cache holds the worker's code as well as the display layer's.
const pdfjs = await importModule('pdfjs-dist/legacy/build/pdf.min.mjs');
globalThis.pdfjsWorker = await importModule('pdfjs-dist/legacy/build/pdf.worker.min.mjs');
const pdfjsFolder = dirname(createRequire(join(root, 'package.json')).resolve('pdfjs-dist/package.json'));
for (const name of ['seed-2024-cid.pdf', 'seed-2024-embedded.pdf']) {
  const pdf = join(root, 'fixtures', 'published', name);
  if (!existsSync(pdf)) continue;
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(readFileSync(pdf)),
    cMapUrl: `${join(pdfjsFolder, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${join(pdfjsFolder, 'standard_fonts')}/`,
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  for (let n = 1; n <= doc.numPages; n += 1) await (await doc.getPage(n)).getTextContent();
  await doc.destroy();
}
for (const [, { script, cacheFile: file }] of compiled) {
  if (file === undefined) continue;
  const aside = `${file}.${process.pid}.tmp`;
  writeFileSync(aside, script.createCachedData());
  renameSync(aside, file);
}
