import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { FileResult } from '../model/results.js';
import { crashResult } from './crash.js';
import type { FromWorker, ToWorker } from './protocol.js';
import { fromWire } from './transfer.js';

/** Fewer files than this are checked in this thread: starting a worker costs about one file's check. */
export const IN_PROCESS_BELOW = 4;

/**
 * What one worker thread costs before it checks at full speed, measured on a 2-core machine: V8
 * compiles and optimises code per thread (isolate), so every worker repeats the warm-up the main
 * thread has already paid — loading the bundle and the rules (~0.1 s), its first ~30 files through
 * cold code (several times the steady cost each), and ~2 s of CPU on V8's background threads
 * optimising the hot functions of the reader and the rules engine. About 2.5 s of CPU in all, some
 * 150 files of the bench batch at the steady cost: on 2 cores a batch of 200 is done sooner by this
 * thread alone (a single-thread run already keeps the second core ~40% busy with that background
 * compilation and GC). A default batch starts threads only when the work left outweighs it.
 */
export const WORKER_START_MS = 2500;

/** Files handed to a worker ahead of its results: it never waits for this thread between two files. */
const AHEAD = 2;

export interface BatchOptions {
  /**
   * Worker threads. Default: this thread checks while the work left is small, and workers (one per
   * other core) join it when the files left, at the measured cost per file, pay for their start;
   * 1 checks everything in this thread; n > 1: n workers check every file.
   */
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
  /** Cores to plan a default batch for (default os.availableParallelism()). */
  cores?: number;
}

/** How many threads a batch of `files` uses: never more than the files, at least one. */
export function workerCount(files: number, jobs: number = availableParallelism()): number {
  return Math.max(1, Math.min(jobs, files));
}

/** Whether a batch of this size may run on worker threads (the rest run in this thread). */
export function usesWorkers(files: number, jobs: number | undefined, workerUrl: URL | null): boolean {
  return workerUrl !== null && files >= IN_PROCESS_BELOW && workerCount(files, jobs) > 1;
}

/**
 * Whether `extra` worker threads pay for themselves: the work left (files × measured cost per file)
 * shared by this thread and them, plus their start, against this thread doing it alone.
 */
export function workersPay(filesLeft: number, msPerFile: number, extra: number, startMs = WORKER_START_MS): boolean {
  if (extra < 1 || filesLeft < 2) return false;
  const alone = filesLeft * msPerFile;
  const shared = startMs + (filesLeft * msPerFile) / (extra + 1);
  return shared < alone * 0.9;
}

const stackOf = (error: unknown): string => (error instanceof Error ? (error.stack ?? error.message) : String(error));

/**
 * Checks every file, in this thread or spread over worker threads; results come back in input
 * order. An unusable file is its own result with an error, and so is a file whose check crashed —
 * even one that took its worker down (the worker is replaced and the batch goes on). Knows nothing
 * of what a check is: the engine (src/check) gives the check of one file and the worker script.
 */
export async function checkBatch(files: readonly string[], batch: BatchOptions): Promise<FileResult[]> {
  const url = batch.workerUrl;
  const queue = new Queue(files, batch);
  if (url === null || !usesWorkers(files.length, batch.jobs, url)) {
    await checkHere(queue, batch);
    return queue.results;
  }
  // loaded when the first thread starts: a check of one file, or a default batch that stays in
  // this thread, never loads it
  const threadsOf = async () => new Threads(queue, url, batch, (await import('node:worker_threads')).Worker);
  if (batch.jobs !== undefined) {
    const threads = await threadsOf();
    for (let i = workerCount(files.length, batch.jobs); i > 0; i -= 1) threads.start();
  } else {
    const cores = batch.cores ?? availableParallelism();
    const plan = new Plan(cores);
    let threads: Threads | undefined;
    await checkHere(queue, batch, (ms) => {
      switch (plan.next(queue, ms, threads?.ready ?? false)) {
        case 'start':
          void threadsOf().then((started) => {
            if (queue.left === 0) return;
            threads = started;
            for (let i = plan.workers; i > 0; i -= 1) started.start();
          });
          break;
        case 'stop':
          threads?.stop();
          break;
      }
    });
  }
  await queue.finished;
  return queue.results;
}

/** Files this thread checks before deciding: the first ones run cold code and are not counted. */
const COLD = 20;
const SAMPLE = 6;

/**
 * The default batch's decisions, from what this run measures: this thread checks files alone
 * until its code is warm and measures the cost per file; workers start only when some core is
 * idle (the load average leaves one free) and the work left pays for their start; once they have
 * been checking for a while, they stay only if files are now done clearly faster than this thread
 * did alone. On a machine whose cores are busy with other work they would not be: two busy threads
 * on this 2-core machine each run at about half speed.
 */
class Plan {
  private phase: 'alone' | 'shared' | 'settled' = 'alone';
  private here = 0;
  private warmMs = 0;
  private aloneMs = 0;
  private since = 0;
  private doneAtStart = 0;
  workers = 0;

  constructor(private readonly cores: number) {}

  /** `threadsReady`: some worker has checked a file. */
  next(queue: Queue, ms: number, threadsReady: boolean): 'start' | 'stop' | 'none' {
    this.here += 1;
    if (this.phase === 'alone') {
      if (this.here > COLD) this.warmMs += ms;
      if (this.here < COLD + SAMPLE) return 'none';
      this.aloneMs = this.warmMs / SAMPLE;
      this.phase = 'settled';
      // cores other processes leave idle (load average over the last minute; 0 where unknown)
      const idle = Math.floor(this.cores - (loadavg()[0] ?? 0));
      this.workers = Math.min(this.cores - 1, idle, queue.left - 1);
      if (!workersPay(queue.left, this.aloneMs, this.workers)) return 'none';
      this.phase = 'shared';
      return 'start';
    }
    if (this.phase === 'shared') {
      if (!threadsReady) return 'none';
      if (this.since === 0) {
        this.since = performance.now();
        this.doneAtStart = queue.done;
        return 'none';
      }
      const elapsed = performance.now() - this.since;
      const done = queue.done - this.doneAtStart;
      if (elapsed < Math.max(1500, 15 * this.aloneMs) || queue.left === 0) return 'none';
      this.phase = 'settled';
      // files per ms together against this thread alone, with a margin for the measurement
      return done / elapsed > 1.25 / this.aloneMs ? 'none' : 'stop';
    }
    return 'none';
  }
}

/** The files not yet taken (a crashed worker's other files come back first) and the results so far. */
class Queue {
  readonly results: FileResult[];
  readonly finished: Promise<void>;
  private next = 0;
  private readonly again: number[] = [];
  done = 0;
  private settle!: (error?: Error) => void;
  failed = false;

  constructor(
    readonly files: readonly string[],
    private readonly batch: BatchOptions,
  ) {
    this.results = new Array<FileResult>(files.length);
    this.finished = new Promise((resolve, reject) => {
      this.settle = (error) => (error ? reject(error) : resolve());
    });
    if (files.length === 0) this.settle();
  }

  get left(): number {
    return this.files.length - this.next + this.again.length;
  }

  take(): number | undefined {
    if (this.failed) return undefined;
    const again = this.again.shift();
    if (again !== undefined) return again;
    return this.next < this.files.length ? this.next++ : undefined;
  }

  giveBack(index: number): void {
    this.again.push(index);
  }

  record(index: number, result: FileResult): void {
    this.results[index] = result;
    this.done += 1;
    this.batch.onProgress?.(this.done, this.files.length, this.files[index] ?? '');
    if (this.done === this.files.length) this.settle();
  }

  fail(error: Error): void {
    this.failed = true;
    this.settle(error);
  }
}

/** This thread's share: one file after another; `measured` hears how long each took (ms). */
async function checkHere(queue: Queue, batch: BatchOptions, measured?: (ms: number) => void): Promise<void> {
  for (let index = queue.take(); index !== undefined; index = queue.take()) {
    const file = queue.files[index] ?? '';
    const crashed = (error: unknown) => batch.onCrash?.(file, stackOf(error));
    const start = performance.now();
    let result: FileResult;
    try {
      result = await batch.checkHere(file, crashed);
    } catch (error) {
      crashed(error);
      result = crashResult(file, error);
    }
    queue.record(index, result);
    measured?.(performance.now() - start);
  }
}

/** Worker threads taking files from the queue, AHEAD at a time; a dead one is replaced. */
class Threads {
  started = false;
  /** Some worker has checked a file (start-up is over). */
  ready = false;
  /** Live workers and the files posted to each, in the order it checks them. */
  private readonly live = new Map<Worker, number[]>();

  constructor(
    private readonly queue: Queue,
    private readonly url: URL,
    private readonly batch: BatchOptions,
    private readonly Thread: typeof Worker,
  ) {
    void queue.finished.then(
      () => this.stopAll(),
      () => this.stopAll(),
    );
  }

  private stopAll(): void {
    for (const worker of this.live.keys()) void worker.terminate();
    this.live.clear();
  }

  /** Ends every worker; the files they held go back to the queue (for this thread). */
  stop(): void {
    for (const [worker, held] of this.live) {
      for (const index of held) this.queue.giveBack(index);
      void worker.terminate();
    }
    this.live.clear();
  }

  start(): void {
    this.started = true;
    const { queue, batch, url } = this;
    const worker = new this.Thread(url, { workerData: batch.workerData });
    /** Files posted to it, in the order it checks them. */
    const held: number[] = [];
    this.live.set(worker, held);
    let ready = false;
    let lastError: Error | undefined;

    const feed = (): void => {
      while (held.length < AHEAD) {
        const index = queue.take();
        if (index === undefined) break;
        held.push(index);
        const message: ToWorker = { index, file: queue.files[index] ?? '' };
        worker.postMessage(message);
      }
      if (held.length === 0 && this.live.delete(worker)) void worker.terminate();
    };

    worker.on('message', (message: FromWorker) => {
      if (!this.live.has(worker)) return;
      if (message.type === 'ready') {
        ready = true;
        feed();
        return;
      }
      const at = held.indexOf(message.index);
      if (at >= 0) held.splice(at, 1);
      this.ready = true;
      if (message.stack) batch.onCrash?.(queue.files[message.index] ?? '', message.stack);
      queue.record(message.index, fromWire(message.result));
      feed();
    });
    worker.on('error', (error) => {
      lastError = error;
    });
    worker.on('exit', (code) => {
      if (!this.live.delete(worker)) return; // terminated on purpose
      if (!ready) {
        queue.fail(
          new Error(`无法启动检查线程 ${fileURLToPath(url)}（${lastError?.message ?? `退出码 ${code}`}）`, {
            cause: lastError,
          }),
        );
        return;
      }
      // it checks its files in order: the first it held is the one it died on, the rest go back
      const crashed = held.shift();
      for (const index of held) queue.giveBack(index);
      if (queue.left > 0) this.start(); // a replacement takes the rest of the queue
      if (crashed !== undefined) {
        const error = lastError ?? new Error(`退出码 ${code}`);
        batch.onCrash?.(queue.files[crashed] ?? '', stackOf(error));
        queue.record(crashed, crashResult(queue.files[crashed] ?? '', error, 'worker-crashed'));
      }
    });
  }
}
