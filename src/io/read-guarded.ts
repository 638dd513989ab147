import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { InputError } from '../errors/input-error.js';
import { inputError, type ReadFailureReason } from '../errors/messages.js';

/**
 * The one way juesuan reads a file it was given (workbook, narrative, configuration, rule file,
 * baseline, last year's workbook, a published report): a regular file only (a FIFO, a device
 * such as /dev/zero or a socket is refused before it is opened), opened read-only and
 * non-blocking, at most `maxBytes` read whatever its size claims (files under /proc claim 0),
 * every failure one InputError sentence. Never writes.
 */
export interface GuardOptions {
  /** Refuse the file beyond this many bytes (see src/io/limits.ts). */
  maxBytes: number;
  /** What the file is, for the advice: 配置文件, 规则文件, 审核说明, 情况说明 …; default a workbook. */
  what?: string;
  /** An empty file is fine (an empty YAML file is an empty configuration). Default: refused. */
  allowEmpty?: boolean;
}

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
const CHUNK = 1 << 20;
const MIN_CHUNK = 1 << 12;

/**
 * The next read's buffer: what the file's size says is left and one byte more (the read that
 * finds the end, or finds that the file grew), at least 4 KiB (files under /proc claim 0) and at
 * most 1 MiB, never past maxBytes + 1. A fixed 1 MiB made a rule file of a few KiB cost two fresh
 * 1 MiB buffers (the second only to see the end): some 30 MiB for the built-in rule files of a run.
 */
function chunkSize(total: number, size: number, maxBytes: number): number {
  return Math.min(CHUNK, maxBytes + 1 - total, Math.max(MIN_CHUNK, size - total + 1));
}

export async function readGuarded(path: string, options: GuardOptions): Promise<Buffer> {
  try {
    // stat before open: opening a FIFO or a device for reading can block forever.
    vetStat(path, await stat(path), options);
    const handle = await open(path, OPEN_FLAGS);
    try {
      // the path may have been swapped between stat and open: vet what was opened
      const opened = await handle.stat();
      vetStat(path, opened, options);
      const chunks: Buffer[] = [];
      let total = 0;
      for (;;) {
        const chunk = Buffer.allocUnsafe(chunkSize(total, opened.size, options.maxBytes));
        const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
        if (bytesRead === 0) break;
        chunks.push(chunk.subarray(0, bytesRead));
        total += bytesRead;
        if (total > options.maxBytes) throw tooLarge(path, options);
      }
      return finish(path, Buffer.concat(chunks, total), options);
    } finally {
      // a failed close of a read-only handle loses nothing; it must not replace the real error
      await handle.close().catch(() => undefined);
    }
  } catch (error) {
    throw asInputError(path, error, options);
  }
}

/** The same guard for the synchronous readers (configuration, rule files, baselines). */
export function readGuardedSync(path: string, options: GuardOptions): Buffer {
  try {
    vetStat(path, statSync(path), options);
    const fd = openSync(path, OPEN_FLAGS);
    try {
      const opened = fstatSync(fd);
      vetStat(path, opened, options);
      const chunks: Buffer[] = [];
      let total = 0;
      for (;;) {
        const chunk = Buffer.allocUnsafe(chunkSize(total, opened.size, options.maxBytes));
        const bytesRead = readSync(fd, chunk, 0, chunk.length, null);
        if (bytesRead === 0) break;
        chunks.push(chunk.subarray(0, bytesRead));
        total += bytesRead;
        if (total > options.maxBytes) throw tooLarge(path, options);
      }
      return finish(path, Buffer.concat(chunks, total), options);
    } finally {
      try {
        closeSync(fd);
      } catch {
        // as above: nothing is lost by a failed close of a read-only descriptor
      }
    }
  } catch (error) {
    throw asInputError(path, error, options);
  }
}

/** UTF-8 text of a guarded file (a leading BOM dropped), for YAML and the like. */
export function readGuardedTextSync(path: string, options: GuardOptions): string {
  return readGuardedSync(path, { allowEmpty: true, ...options })
    .toString('utf8')
    .replace(/^\ufeff/, '');
}

function vetStat(path: string, info: { isDirectory(): boolean; isFile(): boolean; size: number }, o: GuardOptions) {
  if (info.isDirectory()) throw inputError('is-directory', { file: path });
  if (!info.isFile()) throw readFailed(path, 'not-regular-file', o);
  if (info.size > o.maxBytes) throw tooLarge(path, o);
}

function finish(path: string, bytes: Buffer, options: GuardOptions): Buffer {
  if (bytes.length === 0 && !options.allowEmpty) throw inputError('empty-file', { file: path });
  return bytes;
}

function tooLarge(path: string, options: GuardOptions): InputError {
  return readFailed(path, 'too-large', options, `超过 ${describeBytes(options.maxBytes)}`);
}

export function describeBytes(bytes: number): string {
  if (bytes >= 2 ** 20) return `${+(bytes / 2 ** 20).toFixed(1)} MiB`;
  if (bytes >= 2 ** 10) return `${+(bytes / 2 ** 10).toFixed(1)} KiB`;
  return `${bytes} 字节`;
}

function readFailed(path: string, reason: ReadFailureReason, o: GuardOptions, detail?: string, cause?: unknown) {
  const data = { file: path, reason, ...(o.what ? { what: o.what } : {}), ...(detail ? { detail } : {}) };
  return inputError('read-failed', data, { cause });
}

/** Map an fs error to the sentence the user needs; InputErrors pass through. */
function asInputError(path: string, error: unknown, options: GuardOptions): InputError {
  if (error instanceof InputError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR': // a path component is a file
      return inputError('file-not-found', { file: path }, { cause: error });
    case 'EISDIR':
      return inputError('is-directory', { file: path }, { cause: error });
    case 'EACCES':
    case 'EPERM':
      return readFailed(path, 'permission', options, code, error);
    case 'EBUSY':
    case 'ETXTBSY':
    case 'EAGAIN': // a non-blocking read with nothing to give: not a file on disk
      return readFailed(path, code === 'EAGAIN' ? 'not-regular-file' : 'busy', options, undefined, error);
    case 'ERR_FS_FILE_TOO_LARGE':
      return tooLarge(path, options);
    default:
      return readFailed(path, 'other', options, code, error);
  }
}
