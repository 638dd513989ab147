import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { FileResult } from '../model/results.js';
import { crashResult } from './crash.js';
import type { FromWorker, ToWorker } from './protocol.js';
import { fromWire } from './transfer.js';

/** Fewer files than this are checked in this thread: starting a worker costs about one file's check. */
export const IN_PROCESS_BELOW = 4;

export interface BatchOptions {
  /** Worker threads; default os.availableParallelism(); 1 checks everything in this thread. */
  jobs?: number;
  /** Called in completion order, once per file. */
  onProgress?: (done: number, total: number, file: string) => void;
  /** A file whose check threw unexpectedly (its result is an internal-error result): for --debug. */
  onCrash?: (file: string, stack: string) => void;
  /** Checks one file in this thread; reports an unexpected error through `crashed` (its result is then the caller's). */
  checkHere: (file: string, crashed: (error: unknown) => void) => Promise<FileResult>;
  /**
   * The worker script (it speaks protocol.ts: `workerData` to start, one file per message), or
   * null to check every file in this thread.
   */
  workerUrl: URL | null;
  /** What each worker is started with (plain data: it is cloned into the thread). */
  workerData?: unknown;
}

/** How many threads a batch of `files` uses: never more than the files, at least one. */
export function workerCount(files: number, jobs: number = availableParallelism()): number {
  return Math.max(1, Math.min(jobs, files));
}

/** Whether a batch of this size runs on worker threads (the rest run in this thread). */
export function usesWorkers(files: number, jobs: number | undefined, workerUrl: URL | null): boolean {
  return workerUrl !== null && files >= IN_PROCESS_BELOW && workerCount(files, jobs) > 1;
}

const stackOf = (error: unknown): string => (error instanceof Error ? (error.stack ?? error.message) : String(error));

/**
 * Checks every file, spread over worker threads; results come back in input order. An unusable
 * file is its own result with an error, and so is a file whose check crashed — even one that
 * took its worker down (the worker is replaced and the batch goes on). Knows nothing of what a
 * check is: the engine (src/check) gives the check of one file and the worker script.
 */
export async function checkBatch(files: readonly string[], batch: BatchOptions): Promise<FileResult[]> {
  const url = batch.workerUrl;
  if (url === null || !usesWorkers(files.length, batch.jobs, url)) return inThisThread(files, batch);
  // loaded here, not at start-up: a check of one file never starts a thread
  const { Worker } = await import('node:worker_threads');
  return onWorkers(files, url, workerCount(files.length, batch.jobs), batch, Worker);
}

async function inThisThread(files: readonly string[], batch: BatchOptions): Promise<FileResult[]> {
  const results: FileResult[] = [];
  for (const file of files) {
    const crashed = (error: unknown) => batch.onCrash?.(file, stackOf(error));
    let result: FileResult;
    try {
      result = await batch.checkHere(file, crashed);
    } catch (error) {
      crashed(error);
      result = crashResult(file, error);
    }
    results.push(result);
    batch.onProgress?.(results.length, files.length, file);
  }
  return results;
}

function onWorkers(
  files: readonly string[],
  url: URL,
  count: number,
  batch: BatchOptions,
  Thread: typeof Worker,
): Promise<FileResult[]> {
  return new Promise((resolveAll, rejectAll) => {
    const results = new Array<FileResult>(files.length);
    const live = new Set<Worker>();
    let next = 0;
    let done = 0;
    let settled = false;

    const settle = (error?: Error): void => {
      settled = true;
      for (const worker of live) void worker.terminate();
      live.clear();
      if (error) rejectAll(error);
      else resolveAll(results);
    };

    const record = (index: number, result: FileResult): void => {
      results[index] = result;
      done += 1;
      batch.onProgress?.(done, files.length, files[index] ?? '');
      if (done === files.length) settle();
    };

    const start = (): void => {
      const worker = new Thread(url, { workerData: batch.workerData });
      live.add(worker);
      let ready = false;
      let current: number | undefined;
      let lastError: Error | undefined;

      const feed = (): void => {
        if (settled) return;
        if (next >= files.length) {
          current = undefined;
          live.delete(worker);
          void worker.terminate();
          return;
        }
        current = next;
        next += 1;
        const message: ToWorker = { index: current, file: files[current] ?? '' };
        worker.postMessage(message);
      };

      worker.on('message', (message: FromWorker) => {
        if (settled) return;
        if (message.type === 'ready') {
          ready = true;
          feed();
          return;
        }
        current = undefined;
        if (message.stack) batch.onCrash?.(files[message.index] ?? '', message.stack);
        record(message.index, fromWire(message.result));
        feed();
      });
      worker.on('error', (error) => {
        lastError = error;
      });
      worker.on('exit', (code) => {
        const wasLive = live.delete(worker);
        if (settled || !wasLive) return; // terminated on purpose
        if (!ready) {
          settle(
            new Error(`无法启动检查线程 ${fileURLToPath(url)}（${lastError?.message ?? `退出码 ${code}`}）`, {
              cause: lastError,
            }),
          );
          return;
        }
        const crashed = current;
        current = undefined;
        if (next < files.length) start(); // a replacement takes the rest of the queue
        if (crashed !== undefined) {
          const error = lastError ?? new Error(`退出码 ${code}`);
          batch.onCrash?.(files[crashed] ?? '', stackOf(error));
          record(crashed, crashResult(files[crashed] ?? '', error, 'worker-crashed'));
        } else if (live.size === 0 && next >= files.length && done < files.length) {
          settle(new Error('检查线程全部退出，但仍有文件未完成'));
        }
      });
    };

    for (let i = 0; i < count; i += 1) start();
  });
}
