import { extname } from 'node:path';
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import type { InputError } from '../errors/input-error.js';
import { inputError, type ZipBombDetail } from '../errors/messages.js';
import { LIMITS } from './limits.js';
import { readGuardedSync } from './read-guarded.js';

/**
 * File-level gate in front of exceljs: read the bytes read-only and prove they are a plausible
 * .xlsx before anything inflates them, so unusable input becomes one InputError sentence
 * instead of a stack trace, a hang, or an out-of-memory crash.
 */

/**
 * Bounds for the zip container. A departmental final-accounts workbook is a few dozen sheets
 * of a few thousand rows: tens of MiB of XML at the very most, well under 1,000 zip entries,
 * and sheet XML deflates about 10–25:1. The bounds leave an order of magnitude of headroom
 * above that and still stop a bomb before exceljs (JSZip) inflates it all into memory.
 */
export const ZIP_LIMITS = {
  /** Sum of the declared uncompressed sizes of all entries. */
  maxTotalUncompressedBytes: 256 * 2 ** 20,
  /** Entries in the central directory. */
  maxEntries: 10_000,
  /** uncompressed / compressed for one entry… */
  maxRatio: 200,
  /** …checked only above this size: tiny parts (empty sheets, rels) legitimately reach high ratios. */
  ratioMinBytes: 2 ** 20,
} as const;

/** Files larger than this are refused before being read into memory (see src/io/limits.ts). */
export const MAX_FILE_BYTES = LIMITS.workbookBytes;

/** Extensions that mean "old binary Excel / WPS spreadsheet", whatever the bytes look like. */
const LEGACY_EXTENSIONS = new Set(['.xls', '.et']);

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * Read `path` and check that it is a zip-packaged workbook that is safe to hand to exceljs.
 * Never writes to the file. Throws InputError (see src/errors/messages.ts) for anything unusable.
 */
export async function readWorkbookBytes(path: string): Promise<Buffer> {
  return (await openWorkbookPackage(path)).bytes;
}

/** A vetted zip package: its bytes and its parts by name, each inflated on demand (sizes proven by the guard). */
export interface OfficePackage {
  bytes: Buffer;
  /** The part's bytes, or undefined when there is no such part. */
  part(name: string): Buffer | undefined;
  /** Every part's name. */
  names(): string[];
}

/** The guard of readWorkbookBytes, handing the vetted parts to the reader (src/io/xlsx/read-xlsx.ts). */
export async function openWorkbookPackage(path: string): Promise<OfficePackage> {
  // read at once: a workbook is at most a few MiB, and a batch of small ones spent more time
  // waiting for the thread pool's five round trips per file than reading them
  const bytes = readGuardedSync(path, { maxBytes: MAX_FILE_BYTES });
  const legacyName = LEGACY_EXTENSIONS.has(extname(path).toLowerCase());

  if (startsWith(bytes, CFB_MAGIC)) throw classifyCompoundFile(path, bytes, legacyName);
  // Every xlsx starts with a local file header "PK\x03\x04"; anything else is not a zip we can use.
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    // .xls exports from some systems are really HTML or XML: the advice (save as .xlsx) is the same.
    throw inputError(legacyName ? 'legacy-xls' : 'not-a-workbook', { file: path });
  }
  const { entries, inflated } = await checkZip(path, bytes);
  return packageOf(path, bytes, entries, inflated);
}

function packageOf(path: string, bytes: Buffer, entries: Entry[], inflated: Map<Entry, Buffer>): OfficePackage {
  const byName = new Map<string, Entry>();
  for (const entry of entries) if (!byName.has(entryName(entry))) byName.set(entryName(entry), entry);
  return {
    bytes,
    names: () => [...byName.keys()],
    part(name) {
      const entry = byName.get(name);
      if (!entry) return undefined;
      // a small part the guard inflated to prove its size is not inflated again (once: the reader
      // reads each part once, and the bytes go with the first reading)
      const ready = inflated.get(entry);
      if (ready) {
        inflated.delete(entry);
        return ready;
      }
      const data = entryData(bytes, entry);
      if (data === undefined) throw inputError('corrupt-zip', { file: path });
      if (entry.compressionMethod === 0) return data;
      try {
        return inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
      } catch (error) {
        throw inputError('corrupt-zip', { file: path }, { cause: error });
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// OLE / Compound File Binary containers (.xls, .et, and password-protected .xlsx)

/** Always returns an error: no CFB container is usable, only the advice differs. */
function classifyCompoundFile(path: string, bytes: Buffer, legacyName: boolean): InputError {
  const names = new Set(cfbDirectoryNames(bytes).map((name) => name.toUpperCase()));
  // Checked first: Office writes an encrypted .xlsx as CFB with these two streams, whatever the extension.
  if (names.has('ENCRYPTEDPACKAGE') || names.has('ENCRYPTIONINFO')) {
    return inputError('encrypted-workbook', { file: path });
  }
  // BIFF8 (Excel 97–2003, WPS .et) keeps the sheets in "Workbook"; BIFF5 (Excel 5/95) in "Book".
  if (names.has('WORKBOOK') || names.has('BOOK') || legacyName) return inputError('legacy-xls', { file: path });
  return inputError('not-a-workbook', { file: path }); // e.g. a .doc or .msg
}

const CFB_MAX_REGULAR_SECTOR = 0xfffffffa;

/**
 * Names of the directory entries of a CFB file ([MS-CFB] §2.2, §2.6), following the directory
 * sector chain through the FAT. Tolerates truncated or inconsistent files: it returns what it
 * could read, and every loop is bounded (visited sets, file length), so hostile input cannot spin.
 */
export function cfbDirectoryNames(bytes: Buffer): string[] {
  if (bytes.length < 512 || !startsWith(bytes, CFB_MAGIC)) return [];
  const sectorShift = bytes.readUInt16LE(0x1e);
  if (sectorShift !== 9 && sectorShift !== 12) return []; // v3: 512-byte sectors, v4: 4096
  const sectorSize = 2 ** sectorShift;
  const idsPerSector = sectorSize / 4;
  /** File offset of sector `id`, or undefined when the sector lies (partly) past the end. */
  const sectorOffset = (id: number): number | undefined => {
    const offset = (id + 1) * sectorSize; // sector 0 follows the header, which fills one sector
    return offset + sectorSize <= bytes.length ? offset : undefined;
  };

  // The FAT's own sectors: the first 109 are listed in the header, the rest in the DIFAT chain.
  const fatSectors: number[] = [];
  const addFatSector = (id: number): void => {
    if (id <= CFB_MAX_REGULAR_SECTOR) fatSectors.push(id);
  };
  for (let i = 0; i < 109; i++) addFatSector(bytes.readUInt32LE(0x4c + 4 * i));
  const seenDifat = new Set<number>();
  for (let id = bytes.readUInt32LE(0x44); id <= CFB_MAX_REGULAR_SECTOR && !seenDifat.has(id); ) {
    seenDifat.add(id);
    const offset = sectorOffset(id);
    if (offset === undefined) break;
    for (let i = 0; i < idsPerSector - 1; i++) addFatSector(bytes.readUInt32LE(offset + 4 * i));
    id = bytes.readUInt32LE(offset + sectorSize - 4); // the last slot links to the next DIFAT sector
  }
  const nextSector = (id: number): number | undefined => {
    const fatSector = fatSectors[Math.floor(id / idsPerSector)];
    const offset = fatSector === undefined ? undefined : sectorOffset(fatSector);
    return offset === undefined ? undefined : bytes.readUInt32LE(offset + 4 * (id % idsPerSector));
  };

  const names: string[] = [];
  const seen = new Set<number>();
  for (
    let id: number | undefined = bytes.readUInt32LE(0x30);
    id !== undefined && id <= CFB_MAX_REGULAR_SECTOR && !seen.has(id);
    id = nextSector(id)
  ) {
    seen.add(id);
    const offset = sectorOffset(id);
    if (offset === undefined) break;
    for (let entry = offset; entry < offset + sectorSize; entry += 128) {
      const name = directoryEntryName(bytes, entry);
      if (name !== undefined) names.push(name);
    }
  }
  return names;
}

/** The name of the 128-byte directory entry at `offset`, or undefined for unused/invalid slots. */
function directoryEntryName(bytes: Buffer, offset: number): string | undefined {
  const objectType = bytes[offset + 66]; // 1 storage, 2 stream, 5 root; 0 unused
  if (objectType !== 1 && objectType !== 2 && objectType !== 5) return undefined;
  const nameBytes = bytes.readUInt16LE(offset + 64); // UTF-16LE, including the NUL terminator
  if (nameBytes < 2 || nameBytes > 64 || nameBytes % 2 !== 0) return undefined;
  return bytes.toString('utf16le', offset, offset + nameBytes - 2);
}

// ---------------------------------------------------------------------------------------------
// Zip container

/**
 * The zip checks of a workbook (entry count, declared and real inflated sizes, zip encryption)
 * for another Office package, e.g. a Word document: `requiredEntry` missing → `not-xlsx`; the
 * package's parts are then read as the workbook's are (inflated on demand, within their proven size).
 */
export async function openOfficePackage(
  path: string,
  bytes: Buffer,
  requiredEntry: string,
  maxTotalUncompressedBytes: number = ZIP_LIMITS.maxTotalUncompressedBytes,
): Promise<OfficePackage> {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw inputError('not-a-workbook', { file: path });
  const { entries, inflated } = await checkZip(path, bytes, requiredEntry, maxTotalUncompressedBytes);
  return packageOf(path, bytes, entries, inflated);
}

/** The vetted entries, and the small parts inflated on the way (to be handed to the reader). */
interface CheckedZip {
  entries: Entry[];
  inflated: Map<Entry, Buffer>;
}

async function checkZip(
  path: string,
  bytes: Buffer,
  requiredEntry = 'xl/workbook.xml',
  maxTotal: number = ZIP_LIMITS.maxTotalUncompressedBytes,
): Promise<CheckedZip> {
  const zip = await openZip(path, bytes);
  try {
    if (zip.entryCount > ZIP_LIMITS.maxEntries) {
      throw bomb(path, { kind: 'entry-count', count: zip.entryCount, limit: ZIP_LIMITS.maxEntries });
    }
    const entries = await readCentralDirectory(path, zip);
    checkDeclaredSizes(path, entries, maxTotal);
    if (!entries.some((entry) => entryName(entry) === requiredEntry)) {
      throw inputError('not-xlsx', { file: path });
    }
    // Zip-level (ZipCrypto) encryption: neither Excel nor exceljs writes it, nothing can read it.
    if (entries.some((entry) => entry.isEncrypted())) throw inputError('encrypted-workbook', { file: path });
    return { entries, inflated: await checkInflatedSizes(path, bytes, entries) };
  } finally {
    zip.close();
  }
}

function openZip(path: string, bytes: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    // lazyEntries: nothing is read until we ask; fromBuffer never inflates anything by itself.
    // Its callback runs exactly once (EOCD found or not); a synchronous throw rejects via the executor.
    // decodeStrings false: yauzl would reject names such as "/xl/workbook.xml" that exceljs accepts,
    // and path-safety checks are moot because nothing is extracted to disk. Names stay raw bytes.
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, decodeStrings: false }, (error, zip) => {
      if (error) reject(inputError('corrupt-zip', { file: path }, { cause: error }));
      else resolve(zip);
    });
  });
}

/**
 * All central-directory records, without touching any file data. With lazyEntries every
 * readEntry() yields exactly one of "entry", "end" or "error", so the promise always settles.
 */
function readCentralDirectory(path: string, zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    // `on`, not `once`: an EventEmitter "error" without a listener would crash the process.
    zip.on('error', (error: Error) => reject(inputError('corrupt-zip', { file: path }, { cause: error })));
    zip.readEntry();
  });
}

/**
 * The entry's name as JSZip/exceljs will see it. With decodeStrings false yauzl leaves the raw
 * bytes in `fileName` (its typings say string). Bit 11 flags UTF-8; other names are in a legacy
 * code page, which only matters for display since the names we look for are ASCII.
 */
function entryName(entry: Entry): string {
  const raw: unknown = entry.fileName;
  const name = Buffer.isBuffer(raw)
    ? raw.toString(entry.generalPurposeBitFlag & 0x800 ? 'utf8' : 'latin1')
    : String(raw);
  return name.startsWith('/') ? name.slice(1) : name; // exceljs strips one leading slash too
}

/** The cheap bomb checks: on declared sizes only, before a single byte is inflated. */
function checkDeclaredSizes(path: string, entries: Entry[], maxTotal: number): void {
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (entry.uncompressedSize > ZIP_LIMITS.ratioMinBytes && ratio > ZIP_LIMITS.maxRatio) {
      throw bomb(path, { kind: 'ratio', entry: entryName(entry), ratio, limit: ZIP_LIMITS.maxRatio });
    }
  }
  if (total > maxTotal) {
    throw bomb(path, { kind: 'total-size', declaredBytes: total, limitBytes: maxTotal });
  }
}

/**
 * Parts declared up to this size are inflated at once (output bounded by the declared size) and
 * kept for the reader, up to KEPT_BYTES in all; larger ones are streamed, so memory stays one zlib
 * chunk whatever their size.
 */
const AT_ONCE_BYTES = 1 << 20;
const KEPT_BYTES = 4 << 20;

/**
 * Declared sizes can lie, and JSZip (inside exceljs) inflates to whatever the data yields. So
 * inflate each entry once, and stop as soon as it passes its declared size: a small one at once
 * into a buffer of its declared size (kept for the reader, which would inflate it again), a large
 * one streamed, its output discarded. Total work is bounded by maxTotalUncompressedBytes.
 */
async function checkInflatedSizes(path: string, bytes: Buffer, entries: Entry[]): Promise<Map<Entry, Buffer>> {
  const inflated = new Map<Entry, Buffer>();
  let kept = 0;
  for (const entry of entries) {
    const data = entryData(bytes, entry);
    if (data === undefined) throw inputError('corrupt-zip', { file: path });
    if (entry.compressionMethod === 0) continue; // stored: yauzl checked compressed === uncompressed
    // Excel, WPS and exceljs only ever store or deflate; JSZip cannot read anything else either.
    if (entry.compressionMethod !== 8) throw inputError('corrupt-zip', { file: path });
    const atOnce = entry.uncompressedSize <= AT_ONCE_BYTES ? inflateAtOnce(data, entry.uncompressedSize) : undefined;
    if (atOnce) {
      if (kept + atOnce.length <= KEPT_BYTES) {
        inflated.set(entry, atOnce);
        kept += atOnce.length;
      }
      continue;
    }
    const outcome = await inflateWithin(data, entry.uncompressedSize);
    if (outcome === 'too-big') {
      throw bomb(path, { kind: 'inflated-size', entry: entryName(entry), declaredBytes: entry.uncompressedSize });
    }
    if (outcome === 'corrupt') throw inputError('corrupt-zip', { file: path });
  }
  return inflated;
}

/**
 * The inflated bytes when `data` inflates to exactly `declaredBytes` (zlib stops one byte past it,
 * so a lying entry costs no more); undefined for anything else, which the streamed check then
 * names (too big or corrupt) exactly as it always has, in Node and in the page's zlib alike.
 */
function inflateAtOnce(data: Buffer, declaredBytes: number): Buffer | undefined {
  if (data.length === 0) return undefined;
  try {
    const out = inflateRawSync(data, { maxOutputLength: declaredBytes + 1 });
    return out.length === declaredBytes ? out : undefined;
  } catch {
    return undefined;
  }
}

/** The compressed bytes of `entry`, located through its local header; undefined if out of bounds. */
function entryData(bytes: Buffer, entry: Entry): Buffer | undefined {
  const header = entry.relativeOffsetOfLocalHeader;
  if (header + 30 > bytes.length || bytes.readUInt32LE(header) !== 0x04034b50) return undefined;
  const start = header + 30 + bytes.readUInt16LE(header + 26) + bytes.readUInt16LE(header + 28);
  const end = start + entry.compressedSize;
  return end <= bytes.length ? bytes.subarray(start, end) : undefined;
}

type InflateOutcome = 'ok' | 'too-big' | 'corrupt';

/** Inflate `data` counting the output; settles on the first of: too big, zlib error, end. */
function inflateWithin(data: Buffer, declaredBytes: number): Promise<InflateOutcome> {
  if (data.length === 0) return Promise.resolve(declaredBytes === 0 ? 'ok' : 'corrupt');
  return new Promise((resolve) => {
    const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
    let produced = 0;
    let settled = false;
    const settle = (outcome: InflateOutcome): void => {
      if (settled) return;
      settled = true;
      inflater.destroy();
      resolve(outcome);
    };
    inflater.on('data', (chunk: Buffer) => {
      produced += chunk.length;
      if (produced > declaredBytes) settle('too-big');
    });
    // Stays attached after settling: a late zlib error must not become an uncaught exception.
    inflater.on('error', () => settle('corrupt'));
    // Truncated deflate data ends in an error, never in silence, so one of these always fires.
    inflater.on('end', () => settle(produced === declaredBytes ? 'ok' : 'corrupt'));
    inflater.end(data);
  });
}

function bomb(path: string, detail: ZipBombDetail): InputError {
  return inputError('zip-bomb', { file: path, detail });
}

function startsWith(bytes: Buffer, prefix: Buffer): boolean {
  return bytes.length >= prefix.length && bytes.subarray(0, prefix.length).equals(prefix);
}
