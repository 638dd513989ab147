import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../errors/input-error.js';

/** Same file: the same resolved path, or (both existing) the same device and inode — links included. */
export function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/** juesuan never writes to its input: an output that is one of the inputs is a usage error (exit 2). */
export function assertNotInput(output: string, inputs: readonly string[], cwd: string, what: string): void {
  const out = resolve(cwd, output);
  for (const input of inputs) {
    if (sameFile(out, resolve(cwd, input))) {
      throw new InputError(
        'output-is-input',
        `${what} 的输出文件 ${output} 就是输入的工作簿 ${input}：juesuan 从不改写输入，请另选一个文件名。`,
      );
    }
  }
}
