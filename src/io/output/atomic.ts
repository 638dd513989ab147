import { randomBytes } from 'node:crypto';
import {
  accessSync,
  chmodSync,
  closeSync,
  constants,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  type Stats,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { OutputProblem } from './place.js';

/** What an output holds: its bytes, or its bytes a piece at a time (a report written as it is made). */
export type Content = Uint8Array | Iterable<Uint8Array>;

/** A failure of the content itself (the code making a report), not of the write: passed on as it is. */
export class ContentFailure extends Error {
  constructor(readonly error: unknown) {
    super('content', { cause: error });
  }
}

function writeBytes(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
}

function writeAll(fd: number, content: Content): void {
  if (content instanceof Uint8Array) {
    writeBytes(fd, content);
    return;
  }
  const pieces = content[Symbol.iterator]();
  for (;;) {
    let next: IteratorResult<Uint8Array>;
    try {
      next = pieces.next();
    } catch (error) {
      throw new ContentFailure(error);
    }
    if (next.done) return;
    writeBytes(fd, next.value);
  }
}

/**
 * Creates the missing folders of `dir` one by one, top down. Not mkdir's `recursive`: in Node 20
 * it loops forever where a folder cannot be created although its parent exists (under /proc).
 */
function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let d = dir; !statSync(d, { throwIfNoEntry: false }); d = dirname(d)) {
    if (dirname(d) === d) break;
    missing.unshift(d);
  }
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && statSync(folder).isDirectory()) continue;
      const problem = OutputProblem.of(error, folder);
      throw problem.failure === 'no-folder' || problem.failure === 'other'
        ? new OutputProblem('no-folder', folder, { cause: error })
        : problem;
    }
  }
}

/**
 * Writes `bytes` to a new file beside `final` and renames it over `final`: a failure (a full disk,
 * a killed process) leaves the old file, or none, never half of one. An existing file keeps its
 * permissions, and one without write permission is not replaced. Missing folders are created.
 */
export function writeAtomically(final: string, bytes: Content, existing?: Stats): void {
  const dir = dirname(final);
  // a file the user may not write stays protected, although renaming over it would succeed
  if (existing) {
    try {
      accessSync(final, constants.W_OK);
    } catch (error) {
      throw OutputProblem.of(error);
    }
  }
  try {
    makeFolders(dir);
  } catch (error) {
    throw OutputProblem.of(error, dir);
  }
  // hidden, beside the target (a rename never crosses file systems), short whatever the name
  const temp = join(dir, `.${basename(final).slice(0, 32)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o666);
    writeAll(fd, bytes);
    try {
      fsyncSync(fd);
    } catch {
      // some file systems cannot sync; the rename still keeps the old file whole
    }
    closeSync(fd);
    fd = undefined;
    if (existing) chmodSync(temp, existing.mode & 0o7777);
    renameSync(temp, final);
  } catch (error) {
    try {
      if (fd !== undefined) closeSync(fd);
      unlinkSync(temp);
    } catch {
      // never created, or already renamed
    }
    if (error instanceof ContentFailure) throw error;
    throw OutputProblem.of(error);
  }
}

/**
 * Writes to a device, a FIFO or the like in place (/dev/stdout, /dev/null): nothing to rename.
 * A FIFO is opened without blocking first, so one that nobody reads is an error, not a hang.
 */
export function writeInPlace(path: string, bytes: Content, existing: Stats): void {
  let fd: number | undefined;
  try {
    if (existing.isFIFO()) closeSync(openSync(path, constants.O_WRONLY | constants.O_NONBLOCK));
    fd = openSync(path, constants.O_WRONLY);
    writeAll(fd, bytes);
  } catch (error) {
    if (error instanceof ContentFailure) throw error;
    throw OutputProblem.of(error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
