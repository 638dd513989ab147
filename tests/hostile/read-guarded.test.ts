import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGuarded, readGuardedSync } from '../../src/io/read-guarded.js';
import { workdir } from '../helpers/workdir.js';

const dir = workdir();

/** Bytes that differ from position to position, so a piece read twice or left out shows. */
function pattern(length: number): Buffer {
  const bytes = Buffer.allocUnsafe(length);
  for (let i = 0; i < length; i += 1) bytes[i] = (i * 31 + (i >> 8)) & 0xff;
  return bytes;
}

describe('the guarded read sizes its reads by the file, and reads every byte', () => {
  // a few bytes, one past a 4 KiB read, and past the 1 MiB a read takes at most
  for (const length of [5, 4097, (1 << 20) * 2 + 17]) {
    it(`${length} bytes: the same bytes both ways`, async () => {
      const file = join(dir, `bytes-${length}.bin`);
      const bytes = pattern(length);
      writeFileSync(file, bytes);
      const options = { maxBytes: 4 << 20 };
      expect(readGuardedSync(file, options).equals(bytes)).toBe(true);
      expect((await readGuarded(file, options)).equals(bytes)).toBe(true);
    });
  }

  it('a file one byte past the limit is refused both ways', async () => {
    const file = join(dir, 'one-past.bin');
    writeFileSync(file, pattern(4097));
    expect(() => readGuardedSync(file, { maxBytes: 4096 })).toThrow(/超过 4 KiB/);
    await expect(readGuarded(file, { maxBytes: 4096 })).rejects.toThrow(/超过 4 KiB/);
  });

  // a file under /proc claims 0 bytes and holds more (a process's memory map: far past one 4 KiB read)
  it.skipIf(!existsSync('/proc/self/smaps'))('/proc/self/smaps (its size says 0): read to its end', () => {
    expect(statSync('/proc/self/smaps').size).toBe(0);
    const read = readGuardedSync('/proc/self/smaps', { maxBytes: 64 << 20 }).toString('utf8');
    expect(read.length).toBeGreaterThan(4096);
    expect(read.endsWith('\n')).toBe(true);
  });
});
