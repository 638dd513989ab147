/** Messages between the page and the engine (in a Web Worker or in the page itself). */
import type { Finding } from '../model/finding.js';
import type { WebChoices, WebRequest, WebResponse } from './engine.js';

export type ToEngine = { type: 'choices'; id: number } | { type: 'check'; id: number; request: WebRequest };

export type FromEngine =
  | { type: 'ready' }
  | { type: 'choices'; id: number; choices: WebChoices }
  | { type: 'progress'; id: number; done: number; total: number; file: string }
  | { type: 'result'; id: number; response: WebResponse }
  | { type: 'failed'; id: number; message: string };

/** What the engine bundle offers on globalThis when it runs in the page. */
export interface EngineInPage {
  answer(message: ToEngine, post: (message: FromEngine) => void): Promise<void>;
}

/** What the annotated-workbook bundle (annotate-entry.ts) offers on globalThis. */
export interface AnnotateInPage {
  annotate(
    name: string,
    bytes: Uint8Array,
    findings: Finding[],
  ): Promise<{ bytes: Uint8Array; cells: number; unplaced: number }>;
}
