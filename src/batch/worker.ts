/**
 * A batch worker thread (src/batch/pool.ts starts it from the built dist/ only): loads the rules
 * once per configuration, then checks one file per message and posts the result back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkFile, setupResolver } from '../cli/check-run.js';
import type { CliIO } from '../cli/io.js';
import type { RuleOptions } from '../cli/rule-setup.js';
import { muteConsole } from '../util/quiet-console.js';
import { toWire } from './transfer.js';
import type { FromWorker, ToWorker, WorkerInit } from './protocol.js';

// a worker's console writes to the process's own stdout/stderr: library chatter stays in the worker
muteConsole();

const { options, cwd } = workerData as WorkerInit;
const port = parentPort;
if (!port) throw new Error('src/batch/worker.ts runs only as a worker thread');

const silent = (): void => {};
const io: CliIO = { out: silent, err: silent, isTTY: false, env: {}, cwd };
const setups = setupResolver(options as RuleOptions, cwd);

port.on('message', (message: ToWorker) => {
  void (async () => {
    let stack: string | undefined;
    const result = await checkFile(message.file, options, io, setups(message.file), (_, error) => {
      stack = error instanceof Error ? error.stack : String(error);
    });
    const reply: FromWorker = {
      type: 'result',
      index: message.index,
      result: toWire(result),
      ...(stack ? { stack } : {}),
    };
    port.postMessage(reply);
  })();
});

const ready: FromWorker = { type: 'ready' };
port.postMessage(ready);
