import type { WireResult } from './transfer.js';

/** Main → worker: check the file at this position of the batch. */
export interface ToWorker {
  index: number;
  file: string;
}

/** Worker → main: loaded and waiting, or one file's result (with the stack of a crash, for --debug). */
export type FromWorker = { type: 'ready' } | { type: 'result'; index: number; result: WireResult; stack?: string };
