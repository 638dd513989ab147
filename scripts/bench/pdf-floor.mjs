// pdfjs-dist alone on a PDF, as juesuan calls it (the same build, options and page loop): load
// it, open the file, take every page's text. No ruling lines, tables, rules or narrative: what a
// PDF check cannot go below with this library on this machine, measured beside the check.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const folder = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const push = Array.prototype.push;
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.min.mjs');
globalThis.pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.min.mjs');
Array.prototype.push = push;
const doc = await pdfjs.getDocument({
  data: new Uint8Array(readFileSync(process.argv[2])),
  cMapUrl: `${join(folder, 'cmaps')}/`,
  cMapPacked: true,
  standardFontDataUrl: `${join(folder, 'standard_fonts')}/`,
  disableFontFace: true,
  useSystemFonts: false,
  isEvalSupported: false,
  verbosity: 0,
}).promise;
for (let n = 1; n <= doc.numPages; n += 1) {
  const page = await doc.getPage(n);
  await page.getTextContent();
  page.cleanup();
}
await doc.destroy();
