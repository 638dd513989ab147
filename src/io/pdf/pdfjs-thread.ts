import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { MessagePort, Worker } from 'node:worker_threads';

/**
 * pdfjs-dist's worker on a thread of its own, for one document: pdfjs parses the pages there (its
 * larger part: content streams, fonts, CMaps, text) while this thread lays out the pages already
 * read, and pdfjs's garbage is collected in that thread's heap. Only the built bundle has the
 * worker script (dist/bundle/pdf-worker.js); elsewhere (the library in dist/src, the tests on
 * src/) pdfjs runs its worker in this thread, with the same results.
 */
export interface PdfjsThread {
  /** The port pdfjs's display layer talks to the worker through (`new PDFWorker({ port })`). */
  port: MessagePort;
  /** `work`, unless the thread fails first (it could not start, or died): then that error. */
  guard<T>(work: Promise<T>): Promise<T>;
  /** Whether the thread has failed (ended before stop()). */
  failed(): boolean;
  /** Ends the thread. */
  stop(): Promise<void>;
}

const require = createRequire(import.meta.url);

function workerScript(): URL | undefined {
  try {
    const url = new URL('./pdf-worker.js', import.meta.url);
    return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : undefined;
  } catch {
    // no file URL for this module (a browser bundle)
    return undefined;
  }
}

/**
 * A thread the CLI started as it began, before it loaded the bundle, because an argument names a
 * PDF (scripts/bundle/load.js, startPdfjsThreadEarly): pdfjs loads there meanwhile, which the
 * first page waited for. Unreferenced until taken, so an unused one never keeps the process alive;
 * what happened to it before (an error, its end) is in `events`.
 */
interface EarlyThread {
  worker: Worker;
  port: MessagePort;
  events: ['error' | 'exit', unknown][];
}

const EARLY = Symbol.for('juesuan.pdfjs-thread');

function takeEarlyThread(): EarlyThread | undefined {
  const slot = globalThis as { [EARLY]?: EarlyThread };
  const early = slot[EARLY];
  delete slot[EARLY];
  return early;
}

/** `script`: the worker script (default: the bundle's, when there is one). */
export function startPdfjsThread(script: URL | undefined = workerScript()): PdfjsThread | undefined {
  if (script === undefined) return undefined;
  const early = takeEarlyThread();
  if (early?.events.some(([kind]) => kind === 'exit')) early.port.close();
  else if (early) {
    early.worker.ref();
    early.port.ref();
    return threadOf(early.worker, early.port, early.events);
  }
  const { Worker: Thread, MessageChannel } = require('node:worker_threads') as typeof import('node:worker_threads');
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    // none of this process's Node options: a preload (--import) or `-e` code is not for this thread
    worker = new Thread(script, { workerData: { port: port2 }, transferList: [port2], execArgv: [] });
  } catch {
    // no thread to be had: pdfjs runs its worker in this thread, as without the script
    port1.close();
    return undefined;
  }
  return threadOf(worker, port1, []);
}

function threadOf(worker: Worker, port1: MessagePort, before: EarlyThread['events']): PdfjsThread {
  let stopped = false;
  let ended = false;
  let lastError: unknown = before.find(([kind]) => kind === 'error')?.[1];
  const failure = new Promise<never>((_, reject) => {
    worker.on('error', (error) => {
      lastError = error;
    });
    worker.on('exit', (code) => {
      if (stopped) return;
      ended = true;
      reject(lastError ?? new Error(`pdfjs worker thread exited (${code})`));
    });
  });
  // only a race that is lost reports it; a thread that dies unobserved is not an error of the run
  failure.catch(() => undefined);
  return {
    port: port1,
    guard: (work) => Promise.race([work, failure]),
    failed: () => ended,
    async stop() {
      stopped = true;
      port1.close();
      await worker.terminate();
    },
  };
}
