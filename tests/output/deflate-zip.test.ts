import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readZip, writeZip, type ZipPart } from '../../scripts/fuzz/zip.js';
import { deflateStoredZip } from '../../src/io/output/deflate-zip.js';
import { FIXTURES } from '../helpers/fixtures.js';
import { comparableParts } from '../helpers/zip.js';

/** The compression method of each entry, from the central directory. */
function methods(zip: Buffer): number[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const out: number[] = [];
  let p = zip.readUInt32LE(end + 16);
  for (let n = 0; n < zip.readUInt16LE(end + 10); n++) {
    out.push(zip.readUInt16LE(p + 10));
    // the local header says the same
    expect(zip.readUInt16LE(zip.readUInt32LE(p + 42) + 8)).toBe(zip.readUInt16LE(p + 10));
    p += 46 + zip.readUInt16LE(p + 28) + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return out;
}

describe('output/deflate-zip: a stored zip deflated by zlib', () => {
  const parts: ZipPart[] = readZip(readFileSync(join(FIXTURES, 'seed-2024.xlsx')));
  parts.push({ name: 'tiny.txt', data: Buffer.from('x') }, { name: 'empty.txt', data: Buffer.alloc(0) });

  it('keeps every entry, name and content, deflating those that shrink', () => {
    const stored = writeZip(parts, { store: true });
    const deflated = Buffer.from(deflateStoredZip(stored));
    expect(comparableParts(readZip(deflated))).toEqual(comparableParts(parts));
    expect(deflated.length).toBeLessThan(stored.length / 3);
    expect(methods(deflated)).toEqual(parts.map((p) => (p.data.length > 100 ? 8 : 0)));
  });

  it('leaves deflated entries as they are, and an archive it does not expect', () => {
    const deflatedAlready = writeZip(parts);
    expect(Buffer.from(deflateStoredZip(deflatedAlready)).equals(deflatedAlready)).toBe(true);
    for (const bytes of [Buffer.from('not a zip at all'), Buffer.alloc(0), writeZip(parts).subarray(0, 500)])
      expect(deflateStoredZip(bytes)).toBe(bytes);
  });
});
