import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startPdfjsThread } from '../../src/io/pdf/pdfjs-thread.js';

// pdfjs's worker on a thread of its own (the built bundle's pdf-worker.js): the port reaches the
// thread, and a thread that cannot load fails what waits on it, so the reader can fall back to
// pdfjs in this thread instead of waiting for ever.
const helper = (name: string) => pathToFileURL(join(import.meta.dirname, '..', 'helpers', name));

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
});
