// A stand-in for pdfjs's worker thread (tests/readers/pdfjs-thread.test.ts): answers every message
// on the port it is given with the same data.
import { workerData } from 'node:worker_threads';

workerData.port.on('message', (data) => workerData.port.postMessage(data));
