import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * Just enough zip for building hostile Office files from the fixtures: read the entries of a
 * well-formed archive, write entries back (deflated or stored), honest headers. The fuzzer's
 * container-level mutations then damage the bytes on purpose.
 */
export interface ZipPart {
  name: string;
  data: Buffer;
}

export function readZip(bytes: Buffer): ZipPart[] {
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip file');
  const count = bytes.readUInt16LE(end + 10);
  let p = bytes.readUInt32LE(end + 16);
  const parts: ZipPart[] = [];
  for (let n = 0; n < count; n++) {
    const method = bytes.readUInt16LE(p + 10);
    const compressed = bytes.readUInt32LE(p + 20);
    const nameLength = bytes.readUInt16LE(p + 28);
    const name = bytes.toString('utf8', p + 46, p + 46 + nameLength);
    const local = bytes.readUInt32LE(p + 42);
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const raw = bytes.subarray(start, start + compressed);
    parts.push({ name, data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw) });
    p += 46 + nameLength + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
  }
  return parts;
}

export function writeZip(parts: readonly ZipPart[], options: { store?: boolean } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const method = options.store ? 0 : 8;
    const data = method === 8 ? deflateRawSync(part.data) : part.data;
    const common = Buffer.alloc(26);
    common.writeUInt16LE(20, 0); // version needed
    common.writeUInt16LE(0x0800, 2); // UTF-8 names
    common.writeUInt16LE(method, 4);
    common.writeUInt16LE(0, 6);
    common.writeUInt16LE(0x21, 8);
    common.writeUInt32LE(crc32(part.data) >>> 0, 10);
    common.writeUInt32LE(data.length, 14);
    common.writeUInt32LE(part.data.length, 18);
    common.writeUInt16LE(name.length, 22);
    common.writeUInt16LE(0, 24);
    const local = Buffer.concat([u32(0x04034b50), common]);
    locals.push(local, name, data);
    centrals.push(centralHeader(common, offset), name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Central directory header: signature, made-by, the common fields, then comment/disk/attrs/offset. */
function centralHeader(common: Buffer, offset: number): Buffer {
  const tail = Buffer.alloc(14);
  // 0 comment length, 2 disk number start, 4 internal attributes, 6 external attributes (4), 10 offset
  tail.writeUInt32LE(offset, 10);
  return Buffer.concat([u32(0x02014b50), u16(20), common, tail]);
}

function u32(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(value >>> 0, 0);
  return b;
}

function u16(value: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(value, 0);
  return b;
}
