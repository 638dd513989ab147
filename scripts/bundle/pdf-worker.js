// Copied to dist/bundle/pdf-worker.js by scripts/bundle.ts: pdfjs-dist's worker (the part that
// parses the file: content streams, fonts, CMaps, text) on a thread of its own, which
// src/io/pdf/pdfjs-thread.ts starts for each PDF the bundle reads. It answers pdfjs's display layer
// in the main thread over the MessagePort it is given, so the pages are parsed while the main
// thread lays out the ones already read. pdfjs comes from its script chunk with its code cache
// (scripts/bundle/load.js), as in the main thread.
import { workerData } from 'node:worker_threads';
import { importModule } from './load.js';

// pdfjs's legacy build swaps some built-ins for core-js versions as it loads (Array.prototype.push
// among them, several times slower on Node 20, and pdfjs pushes a lot): put back as they were
const natives = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };
const { WorkerMessageHandler } = await importModule('pdfjs-dist/legacy/build/pdf.worker.min.mjs');
const put = (target, key, value) => {
  if (target[key] !== value) Object.defineProperty(target, key, { value, writable: true, configurable: true });
};
put(Array.prototype, 'push', natives.push);
put(JSON, 'parse', natives.parse);
put(JSON, 'stringify', natives.stringify);

WorkerMessageHandler.initializeFromPort(workerData.port);
