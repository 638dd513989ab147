/** `node:fs/promises` in the browser bundle: see fs.ts. */
import { promises } from './fs.js';

export const { stat, open, readFile } = promises;
