import { deflateRawSync } from 'node:zlib';

/**
 * A zip archive whose entries are stored (exceljs writes the annotated copy so when asked: its own
 * compressor is JavaScript, and deflating a copy with thousands of comments in it took longer than
 * checking the workbook), with every stored entry deflated by Node's zlib instead. Names, dates,
 * CRCs (of the uncompressed data, so unchanged), attributes and the order of the entries are kept;
 * an entry that does not shrink stays stored. An archive this does not expect (a data descriptor,
 * ZIP64, a header out of place) is returned as it is: still a valid zip, only larger.
 */
export function deflateStoredZip(zip: Uint8Array): Uint8Array {
  const bytes = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = endOfDirectory(bytes);
  if (end < 0) return zip;
  const count = bytes.readUInt16LE(end + 10);
  const directorySize = bytes.readUInt32LE(end + 12);
  const directoryStart = bytes.readUInt32LE(end + 16);
  if (directoryStart + directorySize > end || count === 0xffff || directoryStart === 0xffffffff) return zip;
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  let p = directoryStart;
  for (let n = 0; n < count; n += 1) {
    if (p + 46 > end || bytes.readUInt32LE(p) !== 0x02014b50) return zip;
    const centralLength = 46 + bytes.readUInt16LE(p + 28) + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
    const local = bytes.readUInt32LE(p + 42);
    if (local + 30 > directoryStart || bytes.readUInt32LE(local) !== 0x04034b50) return zip;
    const flags = bytes.readUInt16LE(local + 6);
    const method = bytes.readUInt16LE(local + 8);
    const size = bytes.readUInt32LE(local + 18);
    const headerLength = 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const dataStart = local + headerLength;
    // sizes after the data (bit 3) or past 4 GiB (ZIP64): not what exceljs writes here
    if (flags & 0x0008 || size === 0xffffffff || dataStart + size > directoryStart) return zip;
    const data = bytes.subarray(dataStart, dataStart + size);
    const deflated = method === 0 && size > 0 ? deflateRawSync(data) : undefined;
    const shrinks = deflated !== undefined && deflated.length < size;
    const header = Buffer.from(bytes.subarray(local, dataStart));
    const central = Buffer.from(bytes.subarray(p, p + centralLength));
    if (shrinks) {
      // method 8 (deflate), version 2.0 needed to extract it, the compressed size
      header.writeUInt16LE(20, 4);
      header.writeUInt16LE(8, 8);
      header.writeUInt32LE(deflated.length, 18);
      central.writeUInt16LE(20, 6);
      central.writeUInt16LE(8, 10);
      central.writeUInt32LE(deflated.length, 20);
    }
    central.writeUInt32LE(offset, 42);
    const body = shrinks ? deflated : data;
    locals.push(header, body);
    centrals.push(central);
    offset += header.length + body.length;
    p += centralLength;
  }
  const directory = Buffer.concat(centrals);
  const tail = Buffer.from(bytes.subarray(end));
  tail.writeUInt32LE(directory.length, 12);
  tail.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, tail]);
}

/** Where the end-of-central-directory record starts (after it only its comment), or −1. */
function endOfDirectory(bytes: Buffer): number {
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i -= 1)
    if (bytes.readUInt32LE(i) === 0x06054b50 && i + 22 + bytes.readUInt16LE(i + 20) === bytes.length) return i;
  return -1;
}
