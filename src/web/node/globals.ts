/** Globals Node modules expect, injected into the browser bundle (esbuild `inject`). */
import { Buffer } from 'buffer';
import { WORK_DIR } from './volume.js';

const process = {
  cwd: () => WORK_DIR,
  env: {} as Record<string, string | undefined>,
  platform: 'browser',
  versions: {} as Record<string, string>,
  argv: [] as string[],
  emitWarning: () => undefined,
  nextTick: (fn: (...args: unknown[]) => void, ...args: unknown[]) => queueMicrotask(() => fn(...args)),
};

export { Buffer, process };
