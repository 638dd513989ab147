import iconv from 'iconv-lite';

/**
 * Bytes of a text or HTML file as a string. Chinese Windows tools save text as GBK/GB18030
 * (Notepad before 2019, WPS) or UTF-16 (Notepad's "Unicode"): read as UTF-8, such a file becomes
 * mojibake and yields nothing, so it would pass unnoticed. The order: a byte-order mark; else a
 * charset the file declares (HTML meta), when the bytes really are in it; else strict UTF-8;
 * else GB18030. A decoding that produces control bytes is not taken, nor one other than UTF-8 that produces
 * replacement characters: `undefined` means no encoding fits (the caller refuses the file in one sentence).
 */
export interface Decoded {
  text: string;
  /** The encoding used: utf-8, utf-16le, utf-16be, gb18030 (GBK and GB2312 are subsets). */
  encoding: string;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Encodings a declaration may name, by the name iconv-lite knows (GB2312/GBK are read as their superset). */
const DECLARED: Record<string, string> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  gb2312: 'gb18030',
  gbk: 'gb18030',
  gb18030: 'gb18030',
  'x-gbk': 'gb18030',
  cp936: 'gb18030',
  'windows-936': 'gb18030',
  'utf-16': 'utf-16le',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  big5: 'big5',
  'big5-hkscs': 'big5',
};

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Text that no honest decoding produces: C0 controls other than tab/newlines, NUL. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f]/;
/**
 * What a decoding into another encoding than UTF-8 must not produce: controls, or U+FFFD (bytes it could not map). Valid
 * UTF-8 may hold U+FFFD as written — a page that had lost a character before it was saved — and is read so: the
 * narrative reports the lost character where it stands (n.figure-garbled) instead of the whole file being refused.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for
const GARBAGE = /[\ufffd\u0000-\u0008\u000b\u000e-\u001f]/;

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function decodeAs(bytes: Uint8Array, encoding: string): string | undefined {
  if (encoding === 'utf-8') return strictUtf8(bytes);
  if (!iconv.encodingExists(encoding)) return undefined;
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
  return GARBAGE.test(text) ? undefined : text;
}

/**
 * UTF-16 without a BOM: Notepad always writes one, but other tools may not. Half the bytes of
 * ASCII-rich UTF-16 are NUL, which no 8-bit encoding of Chinese text contains.
 */
function utf16WithoutBom(bytes: Uint8Array): string | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul += 1;
    if (bytes[i + 1] === 0) oddNul += 1;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.3 && evenNul === 0) return decodeAs(bytes, 'utf-16le');
  if (evenNul > pairs * 0.3 && oddNul === 0) return decodeAs(bytes, 'utf-16be');
  return undefined;
}

/**
 * Most of a real Chinese text in GBK is in GB2312's area (lead and trail bytes A1–FE); text in
 * another encoding read as GBK (UTF-8 bytes, say) falls mostly outside it. A GB18030 decoding is
 * taken only when at least 80% of its double-byte characters lie in that area.
 */
function plausibleGb(bytes: Uint8Array): boolean {
  let common = 0;
  let other = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    const t = bytes[i + 1] ?? 0;
    if (t >= 0x30 && t <= 0x39) {
      other += 1; // four-byte GB18030 sequence: rare characters
      i += 4;
      continue;
    }
    if (b >= 0xa1 && b <= 0xf7 && t >= 0xa1 && t <= 0xfe) common += 1;
    else other += 1;
    i += 2;
  }
  return common >= (common + other) * 0.8;
}

export function decodeText(bytes: Uint8Array, declared?: string): Decoded | undefined {
  if (startsWith(bytes, UTF8_BOM)) {
    const text = strictUtf8(bytes.subarray(3));
    return text === undefined || CONTROL.test(text) ? undefined : { text, encoding: 'utf-8' };
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const text = decodeAs(bytes.subarray(2), encoding);
    return text === undefined ? undefined : { text, encoding };
  }
  const utf16 = utf16WithoutBom(bytes);
  if (utf16 !== undefined) return { text: utf16, encoding: bytes[1] === 0 ? 'utf-16le' : 'utf-16be' };
  // valid UTF-8 with non-ASCII text is UTF-8 whatever a meta tag says: GBK text is never valid UTF-8
  const utf8 = strictUtf8(bytes);
  if (utf8 !== undefined && !CONTROL.test(utf8)) return { text: utf8, encoding: 'utf-8' };
  const named = declared ? DECLARED[declared.trim().toLowerCase()] : undefined;
  if (named && named !== 'utf-8' && named !== 'gb18030') {
    const text = decodeAs(bytes, named);
    if (text !== undefined) return { text, encoding: named };
  }
  if (!plausibleGb(bytes)) return undefined;
  const gb = decodeAs(bytes, 'gb18030');
  return gb === undefined ? undefined : { text: gb, encoding: 'gb18030' };
}
