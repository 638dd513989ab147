/**
 * `node:fs` in the browser bundle: the calls the engine makes to read its data and the officer's
 * files (read-only, synchronous and promise forms), answered from the in-memory volume. Writing is
 * not possible: the page downloads what it makes instead.
 */
import { fileAt, isDir, namesIn } from './volume.js';

function fsError(code: string, path: string): Error {
  return Object.assign(new Error(`${code}: ${path}`), { code, path });
}

export const constants = { O_RDONLY: 0, O_NONBLOCK: 0o4000 };

interface Stats {
  size: number;
  isFile(): boolean;
  isDirectory(): boolean;
  isFIFO(): boolean;
  isSymbolicLink(): boolean;
}

function statsOf(path: string): Stats | undefined {
  const bytes = fileAt(path);
  if (!bytes && !isDir(path)) return undefined;
  return {
    size: bytes?.length ?? 0,
    isFile: () => bytes !== undefined,
    isDirectory: () => bytes === undefined,
    isFIFO: () => false,
    isSymbolicLink: () => false,
  };
}

export function statSync(path: string): Stats {
  const stats = statsOf(path);
  if (!stats) throw fsError('ENOENT', path);
  return stats;
}

export function existsSync(path: string): boolean {
  return statsOf(path) !== undefined;
}

export function readFileSync(path: string, encoding?: string | { encoding?: string }): Buffer | string {
  const bytes = fileAt(path);
  if (!bytes) throw fsError(isDir(path) ? 'EISDIR' : 'ENOENT', path);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const enc = typeof encoding === 'string' ? encoding : encoding?.encoding;
  return enc ? buffer.toString(enc as BufferEncoding) : buffer;
}

export function readdirSync(dir: string, options?: { withFileTypes?: boolean }): unknown[] {
  if (!isDir(dir) || fileAt(dir)) throw fsError(fileAt(dir) ? 'ENOTDIR' : 'ENOENT', dir);
  const entries = namesIn(dir).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (!options?.withFileTypes) return entries.map((e) => e.name);
  return entries.map((e) => ({
    name: e.name,
    isFile: () => e.file,
    isDirectory: () => !e.file,
    isSymbolicLink: () => false,
  }));
}

// descriptors: an open file is its path and a read position
const open = new Map<number, { path: string; bytes: Uint8Array; position: number }>();
let nextFd = 3;

export function openSync(path: string): number {
  const bytes = fileAt(path);
  if (!bytes) throw fsError(isDir(path) ? 'EISDIR' : 'ENOENT', path);
  const fd = nextFd++;
  open.set(fd, { path, bytes, position: 0 });
  return fd;
}

function described(fd: number) {
  const file = open.get(fd);
  if (!file) throw fsError('EBADF', String(fd));
  return file;
}

export function fstatSync(fd: number): Stats {
  return statSync(described(fd).path);
}

export function readSync(fd: number, buffer: Uint8Array, offset: number, length: number, position: number | null) {
  const file = described(fd);
  const from = position ?? file.position;
  const chunk = file.bytes.subarray(from, Math.min(from + length, file.bytes.length));
  buffer.set(chunk, offset);
  if (position === null) file.position += chunk.length;
  return chunk.length;
}

export function closeSync(fd: number): void {
  open.delete(fd);
}

/** `node:fs/promises` (the same volume). */
export const promises = {
  async stat(path: string): Promise<Stats> {
    return statSync(path);
  },
  async open(path: string) {
    const fd = openSync(path);
    return {
      stat: async () => fstatSync(fd),
      read: async (buffer: Uint8Array, offset: number, length: number, position: number | null) => ({
        bytesRead: readSync(fd, buffer, offset, length, position),
        buffer,
      }),
      close: async () => closeSync(fd),
    };
  },
  async readFile(path: string, encoding?: string) {
    return readFileSync(path, encoding);
  },
};
