/**
 * What the CLI bundle exports (scripts/bundle.ts builds dist/bundle/juesuan.cjs from this file):
 * the CLI, and the loop of a batch worker thread (dist/bundle/worker.js starts it), so a worker runs
 * the same compiled code, from the same code cache, as the main thread.
 */
export { run } from './cli.js';

export async function startWorker(): Promise<void> {
  await import('./check/worker.js');
}
