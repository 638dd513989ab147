import { lstatSync, opendirSync, realpathSync, type Stats, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { SameFileHow } from '../../errors/output-messages.js';
import type { OutputPlace } from './place.js';
import { realFolder } from './place.js';

/** A file as the run knows it: its real path and, when it exists, its device and inode. */
export interface FileIdentity {
  /** Absolute path as given (resolved against the cwd, links not followed). */
  abs: string;
  /** Every symbolic link followed. */
  real: string;
  stat?: Stats;
}

export function identityOf(abs: string): FileIdentity {
  const stat = statSync(abs, { throwIfNoEntry: false });
  let real = abs;
  try {
    real = stat ? realpathSync.native(abs) : join(realFolder(dirname(abs)), basename(abs));
  } catch {
    // an input that cannot be resolved cannot be written through either; compare as given
  }
  return { abs, real, ...(stat ? { stat } : {}) };
}

/** Case folding as case-insensitive file systems do it (close enough: NFC, then lower case). */
function fold(path: string): string {
  return path.normalize('NFC').toLowerCase();
}

function swapCase(name: string): string {
  return [...name].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('');
}

function sameInode(a: Stats | undefined, b: Stats | undefined): boolean {
  return a !== undefined && b !== undefined && a.dev === b.dev && a.ino === b.ino;
}

/**
 * Does the folder find its entries whatever their case (macOS and Windows by default, a casefold
 * ext4 folder)? Probed without writing: an entry whose name has letters is looked up again with
 * their case swapped; a folder with no such entry asks the same of its parent on the same device.
 */
export function caseInsensitiveFolder(dir: string): boolean {
  let folder: Stats | undefined;
  try {
    folder = statSync(dir);
    const handle = opendirSync(dir);
    try {
      for (let n = 0; n < 256; n++) {
        const entry = handle.readSync();
        if (!entry) break;
        const swapped = swapCase(entry.name);
        if (swapped === entry.name) continue;
        const other = lstatSync(join(dir, swapped), { throwIfNoEntry: false });
        return sameInode(other, lstatSync(join(dir, entry.name)));
      }
    } finally {
      handle.closeSync();
    }
  } catch {
    return false;
  }
  const parent = dirname(dir);
  if (parent === dir || statSync(parent, { throwIfNoEntry: false })?.dev !== folder.dev) return false;
  return caseInsensitiveFolder(parent);
}

/** Is writing `place` writing `input`, and how: the same path, through a link, a hard link or case? */
export function sameFileHow(
  place: OutputPlace,
  abs: string,
  input: FileIdentity,
  caseInsensitive: (dir: string) => boolean,
): SameFileHow | undefined {
  if (abs === input.abs) return 'path';
  const final = place.kind === 'file' ? place.final : place.path;
  const same =
    final === input.real ||
    sameInode(place.existing, input.stat) ||
    (fold(final) === fold(input.real) && caseInsensitive(dirname(final)));
  if (!same) return undefined;
  if (fold(abs) === fold(input.abs) || (final !== input.real && fold(final) === fold(input.real))) return 'case';
  return final === input.real || place.kind === 'special' ? 'symlink' : 'hard-link';
}
