/**
 * The engine bundle's entry (dist/web/engine-HASH.js), one classic script for two places: loaded
 * as a Web Worker it answers the page's messages (a batch does not freeze the page); loaded by a
 * <script> element (where a worker cannot start, e.g. a page opened from disk in Chromium) it
 * offers the same calls on `globalThis.juesuanEngine`.
 */
import { checkRequest, choices, type WebRequest } from './engine.js';
import type { FromEngine, ToEngine } from './protocol.js';

interface WorkerScope {
  postMessage(message: FromEngine): void;
  onmessage: ((event: { data: ToEngine }) => void) | null;
}

const scope = globalThis as unknown as Partial<WorkerScope> & { document?: unknown; juesuanEngine?: unknown };

async function answer(message: ToEngine, post: (m: FromEngine) => void): Promise<void> {
  try {
    if (message.type === 'choices') post({ type: 'choices', id: message.id, choices: choices() });
    else {
      const response = await checkRequest(message.request as WebRequest, (done, total, file) =>
        post({ type: 'progress', id: message.id, done, total, file }),
      );
      post({ type: 'result', id: message.id, response });
    }
  } catch (error) {
    post({
      type: 'failed',
      id: message.id,
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
}

if (scope.document === undefined && typeof scope.postMessage === 'function') {
  const post = (m: FromEngine) => (scope as WorkerScope).postMessage(m);
  scope.onmessage = (event) => void answer(event.data, post);
  post({ type: 'ready' });
} else {
  scope.juesuanEngine = { answer };
}
