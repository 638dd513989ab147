import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * A minimal zip writer for building hostile archives at test time: the bytes of each entry and
 * the sizes the headers declare are chosen separately, so a header can lie on purpose.
 * No zip64, no data descriptors, no comments: sizes and counts must fit the classic fields.
 */
export interface ZipEntrySpec {
  name: string;
  /** The bytes as stored in the archive (already deflated when method is 8). */
  data: Buffer;
  /** 0 stored, 8 deflated. */
  method: 0 | 8;
  /** What the local header and central directory claim the entry inflates to. */
  uncompressedSize: number;
  crc32: number;
}

export function storedEntry(name: string, content: string | Buffer): ZipEntrySpec {
  const data = Buffer.from(content);
  return { name, data, method: 0, uncompressedSize: data.length, crc32: crc32(data) };
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

/** Local headers and data, then the central directory, then the end-of-central-directory record. */
export function buildZip(entries: ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeCommonFields(local, 4, entry, name.length);
    locals.push(local, name, entry.data);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by: 2.0, MS-DOS
    writeCommonFields(central, 6, entry, name.length);
    // 32 comment length, 34 disk number, 36 internal attrs, 38 external attrs: all zero
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);

    offset += local.length + name.length + entry.data.length;
  }
  const centralDirectory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8); // entries on this disk
  end.writeUInt16LE(entries.length, 10); // entries in total
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDirectory, end]);
}

/** The run of fields shared by local and central headers, from "version needed" to "extra length". */
function writeCommonFields(header: Buffer, at: number, entry: ZipEntrySpec, nameLength: number): void {
  header.writeUInt16LE(20, at); // version needed to extract: 2.0 (deflate)
  header.writeUInt16LE(0x0800, at + 2); // general purpose flags: names are UTF-8
  header.writeUInt16LE(entry.method, at + 4);
  header.writeUInt16LE(0, at + 6); // time 00:00:00
  header.writeUInt16LE(0x21, at + 8); // date 1980-01-01
  header.writeUInt32LE(entry.crc32 >>> 0, at + 10);
  header.writeUInt32LE(entry.data.length, at + 14);
  header.writeUInt32LE(entry.uncompressedSize, at + 18);
  header.writeUInt16LE(nameLength, at + 22);
  header.writeUInt16LE(0, at + 24); // extra field length
}
