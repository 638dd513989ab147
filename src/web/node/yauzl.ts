/**
 * yauzl in the browser bundle: the part of its API the zip guard uses (src/io/guard.ts) —
 * `fromBuffer` with lazy entries, the central directory's records, no inflating — read from the
 * bytes in memory. yauzl itself needs Node's streams and file descriptors. The guard does the
 * rest (declared sizes, ratios, real inflated sizes, encryption) exactly as in Node.
 */

type Handler = (value?: unknown) => void;

export interface Entry {
  /** Raw name bytes (decodeStrings false), as yauzl gives them. */
  fileName: Buffer;
  generalPurposeBitFlag: number;
  compressionMethod: number;
  compressedSize: number;
  uncompressedSize: number;
  relativeOffsetOfLocalHeader: number;
  isEncrypted(): boolean;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;

function u16(b: Uint8Array, at: number): number {
  return (b[at] as number) | ((b[at + 1] as number) << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;
}

function u64(b: Uint8Array, at: number): number {
  return u32(b, at) + u32(b, at + 4) * 2 ** 32;
}

class ZipFile {
  private readonly handlers = new Map<string, { fn: Handler; once: boolean }[]>();
  private next: number;
  private read = 0;

  constructor(
    private readonly bytes: Uint8Array,
    readonly entryCount: number,
    directoryOffset: number,
  ) {
    this.next = directoryOffset;
  }

  on(event: string, fn: Handler): this {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), { fn, once: false }]);
    return this;
  }

  once(event: string, fn: Handler): this {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), { fn, once: true }]);
    return this;
  }

  private emit(event: string, value?: unknown): void {
    const list = this.handlers.get(event) ?? [];
    this.handlers.set(
      event,
      list.filter((h) => !h.once),
    );
    for (const h of list) h.fn(value);
  }

  /** Emits the next record ('entry'), or 'end', or 'error' — after the current task, like yauzl. */
  readEntry(): void {
    setTimeout(() => {
      if (this.read === this.entryCount) return this.emit('end');
      try {
        const entry = this.record();
        this.read++;
        this.emit('entry', entry);
      } catch (error) {
        this.emit('error', error);
      }
    }, 0);
  }

  private record(): Entry {
    const b = this.bytes;
    const at = this.next;
    if (at + 46 > b.length || u32(b, at) !== CENTRAL)
      throw new Error(`invalid central directory file header signature: 0x${u32(b, at).toString(16)}`);
    const flags = u16(b, at + 8);
    const method = u16(b, at + 10);
    let compressed = u32(b, at + 20);
    let uncompressed = u32(b, at + 24);
    const nameLength = u16(b, at + 28);
    const extraLength = u16(b, at + 30);
    const commentLength = u16(b, at + 32);
    let offset = u32(b, at + 42);
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > b.length) throw new Error('central directory record extends past the end of the file');
    const fileName = Buffer.from(b.buffer, b.byteOffset + at + 46, nameLength);
    // zip64: the sizes and offset that are 0xffffffff come from the extended information field
    if (compressed === 0xffffffff || uncompressed === 0xffffffff || offset === 0xffffffff) {
      let extra = at + 46 + nameLength;
      const extraEnd = extra + extraLength;
      while (extra + 4 <= extraEnd) {
        const id = u16(b, extra);
        const size = u16(b, extra + 2);
        if (id === 0x0001) {
          let field = extra + 4;
          if (uncompressed === 0xffffffff) {
            uncompressed = u64(b, field);
            field += 8;
          }
          if (compressed === 0xffffffff) {
            compressed = u64(b, field);
            field += 8;
          }
          if (offset === 0xffffffff) offset = u64(b, field);
          break;
        }
        extra += 4 + size;
      }
    }
    if (method === 0 && compressed !== uncompressed)
      throw new Error(`compressed/uncompressed size mismatch for stored file: ${compressed} != ${uncompressed}`);
    if (offset + 30 > b.length) throw new Error('local file header offset out of bounds');
    this.next = end;
    return {
      fileName,
      generalPurposeBitFlag: flags,
      compressionMethod: method,
      compressedSize: compressed,
      uncompressedSize: uncompressed,
      relativeOffsetOfLocalHeader: offset,
      isEncrypted: () => (flags & 0x1) !== 0,
    };
  }

  close(): void {
    this.handlers.clear();
  }
}

function open(bytes: Uint8Array): ZipFile {
  // the end-of-central-directory record: within the last 65,557 bytes (22 + a comment)
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (u32(bytes, at) !== EOCD) continue;
    if (u16(bytes, at + 4) !== 0 || u16(bytes, at + 6) !== 0) throw new Error('multi-disk zip files are not supported');
    let count = u16(bytes, at + 10);
    let offset = u32(bytes, at + 16);
    if ((count === 0xffff || offset === 0xffffffff) && at >= 20 && u32(bytes, at - 20) === ZIP64_LOCATOR) {
      const record = u64(bytes, at - 20 + 8);
      if (record + 56 > bytes.length || u32(bytes, record) !== ZIP64_EOCD)
        throw new Error('invalid zip64 end of central directory record signature');
      count = u64(bytes, record + 32);
      offset = u64(bytes, record + 48);
    }
    if (offset > bytes.length) throw new Error('central directory offset out of bounds');
    return new ZipFile(bytes, count, offset);
  }
  throw new Error('end of central directory record signature not found');
}

function fromBuffer(
  bytes: Uint8Array,
  _options: { lazyEntries?: boolean; validateEntrySizes?: boolean; decodeStrings?: boolean },
  callback: (error: Error | null, zip: ZipFile) => void,
): void {
  let zip: ZipFile;
  try {
    zip = open(bytes);
  } catch (error) {
    callback(error as Error, undefined as unknown as ZipFile);
    return;
  }
  callback(null, zip);
}

export default { fromBuffer };
