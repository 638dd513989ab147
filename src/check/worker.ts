/**
 * A batch worker thread (src/batch/pool.ts starts it from the built dist/ only): makes a checker
 * with the options of the run, then checks one file per message and posts the result back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { FromWorker, ToWorker } from '../batch/protocol.js';
import { toWire } from '../batch/transfer.js';
import { muteConsole } from '../util/quiet-console.js';
import { type CheckerOptions, createChecker } from './checker.js';

// a worker's console writes to the process's own stdout/stderr: library chatter stays in the worker
muteConsole();

const port = parentPort;
if (!port) throw new Error('src/check/worker.ts runs only as a worker thread');

const checker = createChecker(workerData as CheckerOptions);

/**
 * One message at a time, in the order posted: the pool hands out files ahead, and the first one it
 * still waits for is the one a crash happened on.
 */
function inOrder<T>(handle: (message: T) => Promise<void>): (message: T) => void {
  let tail = Promise.resolve();
  return (message) => {
    tail = tail.then(() => handle(message));
  };
}

port.on(
  'message',
  inOrder(async (message: ToWorker) => {
    let stack: string | undefined;
    const result = await checker.checkFile(message.file, {
      onCrash: (error) => {
        stack = error instanceof Error ? error.stack : String(error);
      },
    });
    const reply: FromWorker = {
      type: 'result',
      index: message.index,
      result: toWire(result),
      ...(stack ? { stack } : {}),
    };
    port.postMessage(reply);
  }),
);

const ready: FromWorker = { type: 'ready' };
port.postMessage(ready);
