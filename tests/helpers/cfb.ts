/**
 * A minimal Compound File Binary ([MS-CFB]) writer, version 3 (512-byte sectors), enough to
 * build the OLE containers of legacy .xls files and password-protected .xlsx files at test time.
 *
 * Layout: header · sector 0 FAT · directory sectors · mini FAT sectors · mini stream sectors.
 * Every stream is smaller than the 4096-byte cutoff, so all stream data lives in the mini
 * stream (64-byte mini sectors) held by the root entry, as real writers do for small streams.
 * Streams sit directly under the root; the sibling tree is a right-leaning chain in CFB name
 * order (shorter names first, then case-insensitive), which is a valid binary search tree.
 */
export interface CfbStream {
  name: string;
  data: Buffer;
}

const SECTOR = 512;
const MINI_SECTOR = 64;
const MINI_CUTOFF = 4096;
const ENTRY = 128;
const FREESECT = 0xffffffff;
const ENDOFCHAIN = 0xfffffffe;
const FATSECT = 0xfffffffd;
const NOSTREAM = 0xffffffff;

export function buildCfb(streams: CfbStream[]): Buffer {
  for (const s of streams) {
    if (s.data.length >= MINI_CUTOFF)
      throw new Error(`test CFB writer: stream ${s.name} must be < ${MINI_CUTOFF} bytes`);
    if (s.name.length > 31) throw new Error(`test CFB writer: name ${s.name} longer than 31 characters`);
  }
  const sorted = [...streams].sort(
    (a, b) => a.name.length - b.name.length || compareCodeUnits(a.name.toUpperCase(), b.name.toUpperCase()),
  );

  // Mini stream: each stream occupies whole 64-byte mini sectors, chained in the mini FAT.
  const miniFat: number[] = [];
  const miniStarts: number[] = [];
  const miniChunks: Buffer[] = [];
  for (const s of sorted) {
    const count = Math.ceil(s.data.length / MINI_SECTOR);
    miniStarts.push(count === 0 ? ENDOFCHAIN : miniFat.length);
    for (let i = 0; i < count; i++) miniFat.push(i === count - 1 ? ENDOFCHAIN : miniFat.length + 1);
    miniChunks.push(Buffer.concat([s.data, Buffer.alloc(count * MINI_SECTOR - s.data.length)]));
  }
  const miniStream = Buffer.concat(miniChunks);

  const dirSectors = Math.ceil((sorted.length + 1) / (SECTOR / ENTRY));
  const miniFatSectors = Math.ceil((miniFat.length * 4) / SECTOR);
  const miniStreamSectors = Math.ceil(miniStream.length / SECTOR);
  const firstDir = 1;
  const firstMiniFat = firstDir + dirSectors;
  const firstMiniStream = firstMiniFat + miniFatSectors;
  const sectorCount = firstMiniStream + miniStreamSectors;
  if (sectorCount > SECTOR / 4) throw new Error('test CFB writer: more sectors than one FAT sector maps');

  // FAT: sector 0 is the FAT itself; then one chain per region.
  const fat = new Array<number>(SECTOR / 4).fill(FREESECT);
  fat[0] = FATSECT;
  const chain = (start: number, length: number): void => {
    for (let i = 0; i < length; i++) fat[start + i] = i === length - 1 ? ENDOFCHAIN : start + i + 1;
  };
  chain(firstDir, dirSectors);
  chain(firstMiniFat, miniFatSectors);
  chain(firstMiniStream, miniStreamSectors);

  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  // 0x08: CLSID, zero
  header.writeUInt16LE(0x003e, 0x18); // minor version
  header.writeUInt16LE(0x0003, 0x1a); // major version 3
  header.writeUInt16LE(0xfffe, 0x1c); // byte order: little-endian
  header.writeUInt16LE(9, 0x1e); // sector shift: 512
  header.writeUInt16LE(6, 0x20); // mini sector shift: 64
  // 0x22: reserved; 0x28: number of directory sectors, must be 0 in version 3
  header.writeUInt32LE(1, 0x2c); // number of FAT sectors
  header.writeUInt32LE(firstDir, 0x30);
  // 0x34: transaction signature, zero
  header.writeUInt32LE(MINI_CUTOFF, 0x38);
  header.writeUInt32LE(miniFatSectors ? firstMiniFat : ENDOFCHAIN, 0x3c);
  header.writeUInt32LE(miniFatSectors, 0x40);
  header.writeUInt32LE(ENDOFCHAIN, 0x44); // first DIFAT sector: none
  header.writeUInt32LE(0, 0x48); // number of DIFAT sectors
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : FREESECT, 0x4c + 4 * i);

  const fatSector = Buffer.alloc(SECTOR);
  for (const [i, next] of fat.entries()) fatSector.writeUInt32LE(next, 4 * i);

  const directory = Buffer.alloc(dirSectors * SECTOR);
  writeEntry(directory, 0, {
    name: 'Root Entry',
    type: 5,
    child: sorted.length ? 1 : NOSTREAM,
    right: NOSTREAM,
    start: miniStream.length ? firstMiniStream : ENDOFCHAIN,
    size: miniStream.length,
  });
  for (const [i, s] of sorted.entries()) {
    writeEntry(directory, i + 1, {
      name: s.name,
      type: 2,
      child: NOSTREAM,
      right: i + 2 <= sorted.length ? i + 2 : NOSTREAM,
      start: miniStarts[i] ?? ENDOFCHAIN,
      size: s.data.length,
    });
  }
  for (let i = sorted.length + 1; i < dirSectors * (SECTOR / ENTRY); i++) {
    // Unused slots: type 0, and no siblings or child.
    const at = i * ENTRY;
    directory.writeUInt32LE(NOSTREAM, at + 68);
    directory.writeUInt32LE(NOSTREAM, at + 72);
    directory.writeUInt32LE(NOSTREAM, at + 76);
  }

  const miniFatBytes = Buffer.alloc(miniFatSectors * SECTOR, 0xff); // unused slots FREESECT
  for (const [i, next] of miniFat.entries()) miniFatBytes.writeUInt32LE(next, 4 * i);
  const miniStreamBytes = Buffer.concat([miniStream, Buffer.alloc(miniStreamSectors * SECTOR - miniStream.length)]);

  return Buffer.concat([header, fatSector, directory, miniFatBytes, miniStreamBytes]);
}

interface EntrySpec {
  name: string;
  type: 2 | 5;
  child: number;
  right: number;
  start: number;
  size: number;
}

function writeEntry(directory: Buffer, index: number, e: EntrySpec): void {
  const at = index * ENTRY;
  directory.write(e.name, at, 'utf16le'); // the rest of the 64 bytes stays zero: NUL terminator
  directory.writeUInt16LE((e.name.length + 1) * 2, at + 64);
  directory.writeUInt8(e.type, at + 66);
  directory.writeUInt8(1, at + 67); // black
  directory.writeUInt32LE(NOSTREAM, at + 68); // left sibling
  directory.writeUInt32LE(e.right, at + 72);
  directory.writeUInt32LE(e.child, at + 76);
  // 80 CLSID, 96 state bits, 100/108 times: zero
  directory.writeUInt32LE(e.start, at + 116);
  directory.writeUInt32LE(e.size, at + 120); // low 32 bits of the size; high 32 bits zero
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
