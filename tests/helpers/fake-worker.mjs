// A stand-in batch worker for tests/batch.test.ts: speaks src/batch/protocol.ts, and fails on
// purpose — exit.xlsx ends the thread, throw.xlsx throws from the message handler.
import { basename } from 'node:path';
import { parentPort } from 'node:worker_threads';

parentPort.on('message', ({ index, file }) => {
  const name = basename(file);
  if (name === 'exit.xlsx') process.exit(3);
  if (name === 'throw.xlsx') throw new Error('thrown in the worker');
  parentPort.postMessage({ type: 'result', index, result: { file, findings: [] } });
});
parentPort.postMessage({ type: 'ready' });
