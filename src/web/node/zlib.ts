/**
 * `node:zlib` in the browser bundle: raw inflate for the zip guard and the sheet reader, by fflate.
 * The guard reads a part synchronously (src/io/guard.ts part()), which the browser's own
 * DecompressionStream cannot (it is asynchronous only), hence fflate: small, no dependencies, no
 * eval. Output is counted chunk by chunk, so the zip-bomb bounds hold here as they do in Node: the
 * guard stops an entry as soon as it inflates past its declared size, and a part is never inflated
 * past `maxOutputLength`.
 */
import { Inflate, Unzlib } from 'fflate';

type Chunked = Pick<Inflate, 'push' | 'ondata'>;

/** Inflates `data` through a streaming inflater, stopping past `limit` bytes (RangeError). */
function inflateBounded(make: () => Chunked, data: Uint8Array, limit: number): Buffer {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = make();
  inflater.ondata = (chunk) => {
    total += chunk.length;
    if (total > limit) throw new RangeError(`inflated data exceeds ${limit} bytes`);
    chunks.push(chunk);
  };
  pushSliced(inflater, data);
  return Buffer.concat(chunks, total);
}

export function inflateRawSync(data: Uint8Array, options: { maxOutputLength?: number } = {}): Buffer {
  return inflateBounded(() => new Inflate(), data, options.maxOutputLength ?? 2 ** 31);
}

export function inflateSync(data: Uint8Array, options: { maxOutputLength?: number } = {}): Buffer {
  return inflateBounded(() => new Unzlib(), data, options.maxOutputLength ?? 2 ** 31);
}

/**
 * Deflate expands at most about 1,032:1, so feeding 16 KiB of compressed data at a time keeps each
 * step's output under about 16 MiB: a lying entry is stopped after one step past its bound, not
 * after inflating everything it holds.
 */
const SLICE = 16 * 1024;

function pushSliced(inflater: Chunked, data: Uint8Array): void {
  if (data.length === 0) inflater.push(data, true);
  for (let start = 0; start < data.length; start += SLICE)
    inflater.push(data.subarray(start, start + SLICE), start + SLICE >= data.length);
}

type Listener = (value?: unknown) => void;

/**
 * The events of a zlib inflate stream the guard listens to ('data', 'error', 'end'), emitted after
 * the current task like a stream's; `destroy()` stops further events.
 */
class RawInflater {
  private readonly listeners = new Map<string, Listener[]>();
  private destroyed = false;

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  private emit(event: string, value?: unknown): void {
    if (this.destroyed && event !== 'error') return;
    for (const listener of this.listeners.get(event) ?? []) listener(value);
  }

  end(data: Uint8Array): void {
    setTimeout(() => {
      const inflater = new Inflate();
      inflater.ondata = (chunk) => {
        if (this.destroyed) throw new Error('destroyed');
        this.emit('data', chunk);
      };
      try {
        pushSliced(inflater, data);
      } catch (error) {
        if (!this.destroyed) this.emit('error', error);
        return;
      }
      this.emit('end');
    }, 0);
  }

  destroy(): void {
    this.destroyed = true;
  }
}

export function createInflateRaw(_options?: { chunkSize?: number }): RawInflater {
  return new RawInflater();
}
