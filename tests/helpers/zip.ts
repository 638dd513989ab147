import { constants, crc32, deflateRawSync } from 'node:zlib';

import { buildZip, storedEntry, type ZipEntrySpec } from '../../scripts/fixtures/zip.js';
import type { ZipPart } from '../../scripts/fuzz/zip.js';

/**
 * Hostile archives at test time: the bytes of each entry and the sizes the headers declare are
 * chosen separately (the writer is the fixtures' one, scripts/fixtures/zip.ts), so a header can lie.
 */
export { buildZip, storedEntry, type ZipEntrySpec };

/**
 * Entries to compare with toEqual: each one's bytes as latin1 text (one character a byte, so
 * equal text is equal bytes, and a differing XML part shows as text). vitest's deep equality
 * walks a Buffer index by index: comparing a workbook's parts as Buffers took a third of a second.
 */
export function comparableParts(parts: ZipPart[]): { name: string; bytes: string }[] {
  return parts.map(({ name, data }) => ({ name, bytes: data.toString('latin1') }));
}

export function deflatedEntry(name: string, content: string | Buffer): ZipEntrySpec {
  const raw = Buffer.from(content);
  return { name, data: deflateRawSync(raw), method: 8, uncompressedSize: raw.length, crc32: crc32(raw) };
}

const MIB = 2 ** 20;

/**
 * An honest deflate stream that inflates to `mebibytes` MiB of zeros, built in milliseconds:
 * one MiB is deflated once and ended with a FULL flush (byte-aligned, dictionary reset, not
 * final), so copies of that segment can be concatenated; an empty final block closes the stream.
 * About 1 KiB of output per MiB, so even hundreds of MiB cost no memory to build.
 */
export function zerosEntry(name: string, mebibytes: number): ZipEntrySpec {
  const zeroMiB = Buffer.alloc(MIB);
  const segment = deflateRawSync(zeroMiB, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const finalEmptyBlock = Buffer.from([0x03, 0x00]); // BFINAL=1, fixed Huffman, end-of-block
  let crc = 0;
  for (let i = 0; i < mebibytes; i++) crc = crc32(zeroMiB, crc);
  return {
    name,
    data: Buffer.concat([...Array.from({ length: mebibytes }, () => segment), finalEmptyBlock]),
    method: 8,
    uncompressedSize: mebibytes * MIB,
    crc32: crc,
  };
}
