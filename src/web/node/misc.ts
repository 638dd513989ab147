/**
 * The rest of Node the engine's modules import, in the browser bundle: no threads (a batch runs in
 * one Web Worker, src/web/worker.ts), one "core", URLs of the volume, and the yaml package for
 * the configuration the page writes (createRequire).
 */
import * as yamlPackage from 'yaml';

// node:os
export function availableParallelism(): number {
  return 1;
}
export function cpus(): unknown[] {
  return [{}];
}
export function loadavg(): number[] {
  return [0, 0, 0];
}

// node:worker_threads
export const isMainThread = true;
export const parentPort = null;
export const workerData = undefined;
export class Worker {
  constructor() {
    throw new Error('worker_threads are not available in the browser');
  }
}

// node:url
export function fileURLToPath(url: string | URL): string {
  return decodeURIComponent(new URL(String(url)).pathname);
}
export function pathToFileURL(path: string): URL {
  return new URL(`file://${encodeURI(path)}`);
}

// node:module
const PACKAGES: Record<string, unknown> = { yaml: yamlPackage };
export function createRequire(_from: string | URL) {
  return (id: string): unknown => {
    const found = PACKAGES[id];
    if (!found) throw new Error(`${id} is not part of the browser bundle`);
    return found;
  };
}

// node:util
export function format(...args: unknown[]): string {
  return args.map((a) => (typeof a === 'string' ? a : String(a))).join(' ');
}
export function isDeepStrictEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
