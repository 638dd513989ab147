import { resolve, sep } from 'node:path';
import {
  type InputRole,
  outputIsInputError,
  outputTwiceError,
  outputWriteError,
} from '../../errors/output-messages.js';
import { ContentFailure, writeAtomically, writeInPlace } from './atomic.js';
import { caseInsensitiveFolder, type FileIdentity, identityOf, sameFileHow } from './identity.js';
import { OutputProblem, type OutputPlace, placeOf } from './place.js';

export type { InputRole } from '../../errors/output-messages.js';

/** A file the run reads, as the user named it (relative to the cwd, or absolute). */
export interface RunInput {
  path: string;
  role: InputRole;
}

export interface OutputWriterOptions {
  cwd: string;
  /** Every file the run reads: no output may be one of them. */
  inputs: readonly RunInput[];
  /** Whether a folder finds names whatever their case; probed when not given (tests inject it). */
  caseInsensitive?: (dir: string) => boolean;
}

/**
 * Paths that name the process's stdout (`-o -`, `-o json=/dev/stdout`): written by the caller to
 * its stdout stream, never opened (a pipe from a parent process may be a socket, which cannot be).
 */
const STDOUT_PATHS = new Set(['-', '/dev/stdout', '/dev/fd/1', '/proc/self/fd/1']);

export function isStdout(path: string): boolean {
  return STDOUT_PATHS.has(path);
}

interface Claim {
  option: string;
  shown: string;
  identity: FileIdentity;
}

/**
 * The one way juesuan writes a file (check -o, --annotate, diff -o, baseline -o). It knows every
 * input of the run and refuses an output that is one of them — by path, through a symbolic or
 * hard link, or in another case on a case-insensitive folder; refuses one file named by two
 * outputs; creates missing folders; writes beside the target and renames (never half a file);
 * and turns every failure into one sentence (InputError, exit 2).
 */
export class OutputWriter {
  private readonly cwd: string;
  private readonly inputs: readonly RunInput[];
  private identities: { input: RunInput; identity: FileIdentity }[] | undefined;
  private readonly claims: Claim[] = [];
  private readonly caseInsensitive: (dir: string) => boolean;

  constructor(options: OutputWriterOptions) {
    this.cwd = options.cwd;
    this.inputs = options.inputs;
    const probed = new Map<string, boolean>();
    this.caseInsensitive =
      options.caseInsensitive ??
      ((dir) => {
        const known = probed.get(dir);
        if (known !== undefined) return known;
        const answer = caseInsensitiveFolder(dir);
        probed.set(dir, answer);
        return answer;
      });
  }

  /**
   * Checks an output before the run reads anything: a usable path, not an input, not the file of
   * an output checked before. `option` names it in the sentence (`-o sarif`, `--annotate`).
   */
  check(path: string, option: string): void {
    const { abs, place } = this.place(path, option);
    const identity: FileIdentity = {
      abs,
      real: place.kind === 'file' ? place.final : place.path,
      ...(place.existing ? { stat: place.existing } : {}),
    };
    for (const claim of this.claims) {
      if (sameFileHow(place, abs, claim.identity, this.caseInsensitive))
        throw outputTwiceError(`${claim.option}「${claim.shown}」`, `${option}「${path}」`);
    }
    this.claims.push({ option, shown: path, identity });
  }

  /**
   * Writes one output (checked again: the run may have taken a while). Text given in pieces (a
   * report as its formatter makes it) is written as it comes, in writes of at least 64 KiB, never
   * held whole; an error of the code making the pieces is passed on as it is.
   */
  write(path: string, data: string | Uint8Array | Iterable<string>, option: string): void {
    const { place } = this.place(path, option);
    const bytes =
      typeof data === 'string'
        ? Buffer.from(data, 'utf8')
        : data instanceof Uint8Array
          ? data
          : (function* encoded() {
              for (const batch of inBatches(data)) yield Buffer.from(batch, 'utf8');
            })();
    try {
      if (place.kind === 'special') writeInPlace(place.path, bytes, place.existing);
      else writeAtomically(place.final, bytes, place.existing);
    } catch (error) {
      if (error instanceof ContentFailure) throw error.error;
      throw this.failure(error, path, option);
    }
  }

  private place(path: string, option: string): { abs: string; place: OutputPlace } {
    if (path.trim() === '') throw outputWriteError(option, path, 'empty-path');
    const abs = resolve(this.cwd, path);
    let place: OutputPlace;
    try {
      // "out/" or "." names a folder even when it does not exist yet
      if (/[\\/]$/.test(path) || /(^|[\\/])\.\.?$/.test(path)) throw new OutputProblem('is-directory');
      place = placeOf(abs);
    } catch (error) {
      throw this.failure(error, path, option);
    }
    for (const { input, identity } of this.inputIdentities()) {
      const how = sameFileHow(place, abs, identity, this.caseInsensitive);
      if (how) throw outputIsInputError(option, path, { shown: input.path, role: input.role }, how);
    }
    return { abs, place };
  }

  private inputIdentities(): { input: RunInput; identity: FileIdentity }[] {
    this.identities ??= this.inputs.map((input) => ({ input, identity: identityOf(resolve(this.cwd, input.path)) }));
    return this.identities;
  }

  private failure(error: unknown, path: string, option: string): Error {
    const problem = OutputProblem.of(error);
    const at = problem.at === undefined ? undefined : shownRelative(problem.at, this.cwd);
    const code = (problem.cause as NodeJS.ErrnoException | undefined)?.code;
    return outputWriteError(option, path, problem.failure, {
      ...(at !== undefined ? { at } : {}),
      ...(code ? { detail: code } : {}),
      cause: error,
    });
  }
}

/** Pieces of text joined into batches of at least `size` characters (the last may be shorter): a write per batch, not per piece. */
export function* inBatches(pieces: Iterable<string>, size = 65_536): Generator<string> {
  let pending = '';
  for (const piece of pieces) {
    pending += piece;
    if (pending.length >= size) {
      yield pending;
      pending = '';
    }
  }
  if (pending !== '') yield pending;
}

/** A path below the cwd as the user would write it; others in full. */
function shownRelative(path: string, cwd: string): string {
  const prefix = cwd.endsWith(sep) ? cwd : cwd + sep;
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}
