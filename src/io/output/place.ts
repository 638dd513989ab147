import { lstatSync, readlinkSync, realpathSync, type Stats, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { type WriteFailure, writeFailureOf } from '../../errors/output-messages.js';

/** Why an output cannot go where it was asked to; the writer turns it into the user's sentence. */
export class OutputProblem extends Error {
  constructor(
    readonly failure: WriteFailure,
    /** The path component at fault (a file in the way, a folder that cannot be created). */
    readonly at?: string,
    options?: { cause?: unknown },
  ) {
    super(failure, options);
  }

  static of(error: unknown, at?: string): OutputProblem {
    return error instanceof OutputProblem ? error : new OutputProblem(writeFailureOf(error), at, { cause: error });
  }
}

/**
 * Where writing a path lands. A regular file (or nothing yet) is written beside itself and renamed
 * over `final`, the real path with every symbolic link followed; a device, a FIFO or the like
 * (/dev/stdout, /dev/null) is written in place.
 */
export type OutputPlace =
  | { kind: 'file'; final: string; existing?: Stats }
  | { kind: 'special'; path: string; existing: Stats };

/** A chain of links longer than this is a loop (the limit Linux applies). */
const MAX_LINKS = 40;

function statOrNothing(path: string, follow: boolean): Stats | undefined {
  try {
    return (follow ? statSync : lstatSync)(path, { throwIfNoEntry: false });
  } catch (error) {
    throw OutputProblem.of(error, underFileOf(path));
  }
}

/** The nearest ancestor of `path` that exists and is not a folder: what ENOTDIR is about. */
function underFileOf(path: string): string | undefined {
  for (let dir = dirname(path); dir !== dirname(dir); dir = dirname(dir)) {
    const st = statSync(dir, { throwIfNoEntry: false });
    if (st) return st.isDirectory() ? undefined : dir;
  }
  return undefined;
}

function followLink(path: string, hops: number): string {
  if (hops >= MAX_LINKS) throw new OutputProblem('link-loop');
  return resolve(dirname(path), readlinkSync(path));
}

/** The real path a folder has, or will have once the missing part is created. */
export function realFolder(dir: string, hops = 0): string {
  const st = statOrNothing(dir, true);
  if (st) {
    if (!st.isDirectory()) throw new OutputProblem('under-file', dir);
    return realpathSync.native(dir);
  }
  // a dangling link: the folder is created where it points
  if (statOrNothing(dir, false)?.isSymbolicLink()) return realFolder(followLink(dir, hops), hops + 1);
  const parent = dirname(dir);
  return parent === dir ? dir : join(realFolder(parent, hops), basename(dir));
}

/** Where writing the absolute path `abs` lands (see OutputPlace). Throws OutputProblem. */
export function placeOf(abs: string): OutputPlace {
  let path = abs;
  for (let hops = 0; ; hops++) {
    const st = statOrNothing(path, true);
    if (st?.isDirectory()) throw new OutputProblem('is-directory');
    if (st && !st.isFile()) return { kind: 'special', path, existing: st };
    if (st) return { kind: 'file', final: realpathSync.native(path), existing: st };
    // nothing there, or a link to nothing: written where the link points
    if (statOrNothing(path, false)?.isSymbolicLink()) {
      path = followLink(path, hops);
      continue;
    }
    return { kind: 'file', final: join(realFolder(dirname(path)), basename(path)) };
  }
}
