import { inflateSync } from 'node:zlib';

/**
 * Bounds on a PDF before pdfjs reads it. pdfjs inflates every stream it needs whole, in memory:
 * a few KiB of deflate can claim gigabytes. Each Flate stream is inflated here once, with a cap,
 * and the file is refused past it. A departmental report is tens of pages; its largest streams
 * (embedded fonts, page content) are a few MiB.
 */
export const PDF_LIMITS = {
  maxPages: 1000,
  maxStreamBytes: 64 * 2 ** 20,
  maxTotalStreamBytes: 512 * 2 ** 20,
  /** Reading stops past this (pages are read one after the other). */
  maxSeconds: 30,
} as const;

const STREAM = Buffer.from('stream');
const END = Buffer.from('endstream');

/** undefined when within bounds, else what was too large (for the sentence). */
export function streamBomb(bytes: Buffer): string | undefined {
  let total = 0;
  let from = 0;
  for (;;) {
    const at = bytes.indexOf(STREAM, from);
    if (at < 0) return undefined;
    from = at + STREAM.length;
    // "endstream" also contains "stream"; the keyword that opens data follows the dictionary's ">>"
    if (at >= 3 && bytes.subarray(at - 3, at).toString('latin1') === 'end') continue;
    const dictStart = bytes.lastIndexOf('<<', at);
    const dict = dictStart >= 0 && at - dictStart < 4096 ? bytes.subarray(dictStart, at).toString('latin1') : '';
    let start = at + STREAM.length;
    if (bytes[start] === 0x0d) start += 1;
    if (bytes[start] === 0x0a) start += 1;
    const end = bytes.indexOf(END, start);
    if (end < 0) return undefined;
    from = end + END.length;
    if (!/\/FlateDecode|\/Fl\b/.test(dict)) continue;
    let inflated: Buffer;
    try {
      inflated = inflateSync(bytes.subarray(start, end), { maxOutputLength: PDF_LIMITS.maxStreamBytes + 1 });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError)
        return `一个数据流解压后超过 ${PDF_LIMITS.maxStreamBytes / 2 ** 20} MiB`;
      continue; // truncated or encrypted data: pdfjs decides what it is
    }
    if (inflated.length > PDF_LIMITS.maxStreamBytes)
      return `一个数据流解压后超过 ${PDF_LIMITS.maxStreamBytes / 2 ** 20} MiB`;
    total += inflated.length;
    if (total > PDF_LIMITS.maxTotalStreamBytes)
      return `数据流解压后共超过 ${PDF_LIMITS.maxTotalStreamBytes / 2 ** 20} MiB`;
  }
}
