import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MessageChannel, Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { startPdfjsThread } from '../../src/io/pdf/pdfjs-thread.js';

// pdfjs's worker on a thread of its own (the built bundle's pdf-worker.js): the port reaches the
// thread, and a thread that cannot load fails what waits on it, so the reader can fall back to
// pdfjs in this thread instead of waiting for ever.
const helper = (name: string) => pathToFileURL(join(import.meta.dirname, '..', 'helpers', name));

/** A thread as the CLI starts one before it loads the bundle (scripts/bundle/load.js): unreferenced, in globalThis. */
function startEarly(name: string) {
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(helper(name), { workerData: { port: port2 }, transferList: [port2] });
  const early = { worker, port: port1, events: [] as [string, unknown][] };
  worker.on('error', (error) => early.events.push(['error', error]));
  worker.on('exit', (code) => early.events.push(['exit', code]));
  worker.unref();
  port1.unref();
  (globalThis as Record<symbol, unknown>)[Symbol.for('juesuan.pdfjs-thread')] = early;
  return early;
}

describe('pdfjs worker thread', () => {
  it('is not started where there is no worker script (the library, these tests)', () => {
    expect(startPdfjsThread()).toBeUndefined();
  });

  it('talks through its port and stops', async () => {
    const thread = startPdfjsThread(helper('echo-port-worker.mjs'));
    if (!thread) throw new Error('no thread');
    const answer = new Promise((resolve) => thread.port.once('message', resolve));
    thread.port.postMessage({ hello: 1 });
    expect(await thread.guard(answer)).toEqual({ hello: 1 });
    await thread.stop();
    expect(thread.failed()).toBe(false);
  });

  it('fails what waits on it when its script cannot load', async () => {
    const thread = startPdfjsThread(helper('broken-worker.mjs'));
    if (!thread) throw new Error('no thread');
    await expect(thread.guard(new Promise(() => undefined))).rejects.toThrow(/cannot load/);
    expect(thread.failed()).toBe(true);
    await thread.stop();
  });

  it('takes the thread the CLI started early, once', async () => {
    const early = startEarly('echo-port-worker.mjs');
    const thread = startPdfjsThread(helper('broken-worker.mjs'));
    if (!thread) throw new Error('no thread');
    expect(thread.port).toBe(early.port);
    const answer = new Promise((resolve) => thread.port.once('message', resolve));
    thread.port.postMessage({ early: 1 });
    expect(await thread.guard(answer)).toEqual({ early: 1 });
    expect((globalThis as Record<symbol, unknown>)[Symbol.for('juesuan.pdfjs-thread')]).toBeUndefined();
    await thread.stop();
    expect(thread.failed()).toBe(false);
  });

  it('starts another thread when the early one has already ended', async () => {
    const early = startEarly('broken-worker.mjs');
    await new Promise((resolve) => early.worker.once('exit', resolve));
    const thread = startPdfjsThread(helper('echo-port-worker.mjs'));
    if (!thread) throw new Error('no thread');
    expect(thread.port).not.toBe(early.port);
    const answer = new Promise((resolve) => thread.port.once('message', resolve));
    thread.port.postMessage({ later: 1 });
    expect(await thread.guard(answer)).toEqual({ later: 1 });
    await thread.stop();
  });
});
