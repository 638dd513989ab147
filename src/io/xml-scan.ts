/**
 * A small, linear pull scanner for the XML parts of an Office package. It reads the bytes in
 * slices (cut just before a '<', which never occurs inside a UTF-8 sequence), so memory stays one
 * slice whatever the part's size, and each byte is looked at a bounded number of times: no
 * regular expression backtracks over user text, no tree is built. Namespace prefixes are dropped
 * (`x:row` is `row`), entities decoded (the five named ones and character references; a DTD's
 * own entities are not expanded), comments, processing instructions and DOCTYPE skipped.
 * Malformed markup that cannot be read on throws XmlScanError.
 */
export interface XmlHandler {
  open(name: string, attributes: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Character data (entities decoded), possibly in several pieces. */
  text(value: string): void;
}

export class XmlScanError extends Error {}

const SLICE = 1 << 20;
/** A single tag, comment or CDATA section longer than this is not an Office part. */
const MAX_CONSTRUCT = 8 << 20;

export function scanXml(bytes: Buffer, handler: XmlHandler): void {
  let carry = '';
  let pos = 0;
  while (pos < bytes.length) {
    let end = pos + SLICE >= bytes.length ? bytes.length : bytes.indexOf(0x3c, pos + SLICE);
    if (end < 0) end = bytes.length;
    if (end - pos > 2 * SLICE) {
      // a long run without markup (padding): cut at a character boundary instead
      end = pos + SLICE;
      while (end > pos && (bytes[end] as number) >>> 6 === 0b10) end -= 1;
    }
    const chunk = carry + bytes.toString('utf8', pos, end);
    pos = end;
    carry = scanChunk(chunk, handler, pos >= bytes.length);
    if (carry.length > MAX_CONSTRUCT) throw new XmlScanError('markup too long');
  }
  if (carry !== '') throw new XmlScanError('unterminated markup');
}

/** Scans what is complete in `text`; returns the unfinished tail (an open tag or comment). */
function scanChunk(text: string, handler: XmlHandler, last: boolean): string {
  let i = 0;
  const n = text.length;
  while (i < n) {
    const lt = text.indexOf('<', i);
    if (lt < 0) {
      handler.text(decode(text.slice(i)));
      return '';
    }
    if (lt > i) handler.text(decode(text.slice(i, lt)));
    i = lt;
    if (text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      if (close < 0) return last ? fail('comment') : text.slice(i);
      i = close + 3;
    } else if (text.startsWith('<![CDATA[', i)) {
      const close = text.indexOf(']]>', i + 9);
      if (close < 0) return last ? fail('CDATA') : text.slice(i);
      handler.text(text.slice(i + 9, close));
      i = close + 3;
    } else if (text.startsWith('<?', i)) {
      const close = text.indexOf('?>', i + 2);
      if (close < 0) return last ? fail('processing instruction') : text.slice(i);
      i = close + 2;
    } else if (text.startsWith('<!', i)) {
      const close = doctypeEnd(text, i);
      if (close < 0) return last ? fail('declaration') : text.slice(i);
      i = close;
    } else {
      const close = tagEnd(text, i + 1);
      if (close < 0) return last ? fail('tag') : text.slice(i);
      emitTag(text, i + 1, close, handler);
      i = close + 1;
    }
  }
  return '';
}

/** Index of the '>' closing a tag that starts at `from`, skipping quoted attribute values; one pass. */
function tagEnd(text: string, from: number): number {
  let quote = 0;
  for (let i = from; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x3e) return i;
  }
  return -1;
}

/** End (exclusive) of a <!DOCTYPE …> with an internal subset in brackets. */
function doctypeEnd(text: string, from: number): number {
  const bracket = text.indexOf('[', from);
  const gt = text.indexOf('>', from);
  if (gt < 0) return -1;
  if (bracket < 0 || bracket > gt) return gt + 1;
  const close = text.indexOf(']', bracket);
  if (close < 0) return -1;
  const end = text.indexOf('>', close);
  return end < 0 ? -1 : end + 1;
}

/** The tag between `start` (after '<') and `end` (its '>'), read in place: no copy of the whole tag. */
function emitTag(text: string, start: number, end: number, handler: XmlHandler): void {
  if (text.charCodeAt(start) === 0x2f) {
    handler.close(localName(text.slice(start + 1, end).trim()));
    return;
  }
  const selfClosing = end > start && text.charCodeAt(end - 1) === 0x2f;
  const bodyEnd = selfClosing ? end - 1 : end;
  let nameEnd = start;
  while (nameEnd < bodyEnd && !isSpace(text.charCodeAt(nameEnd))) nameEnd += 1;
  const name = localName(text.slice(start, nameEnd));
  if (name === '') fail('tag name');
  handler.open(name, nameEnd < bodyEnd ? text.slice(nameEnd, bodyEnd) : '', selfClosing);
  if (selfClosing) handler.close(name);
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

/** The attributes of a tag (local names, values decoded); a malformed rest is ignored. */
export function attributesOf(text: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && isSpace(text.charCodeAt(i))) i += 1;
    const eq = text.indexOf('=', i);
    if (eq < 0) break;
    const name = localName(text.slice(i, eq).trim());
    let q = eq + 1;
    while (q < n && isSpace(text.charCodeAt(q))) q += 1;
    const quote = text[q];
    if (quote !== '"' && quote !== "'") break;
    const end = text.indexOf(quote, q + 1);
    if (end < 0) break;
    out[name] = decode(text.slice(q + 1, end));
    i = end + 1;
  }
  return out;
}

/**
 * One attribute of a tag, as attributesOf(text)[name] would give it (the last one of that local
 * name, decoded), without building the record: a worksheet has an attribute list per cell.
 */
export function attributeOf(text: string, wanted: string): string | undefined {
  let found: string | undefined;
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && isSpace(text.charCodeAt(i))) i += 1;
    const eq = text.indexOf('=', i);
    if (eq < 0) break;
    let q = eq + 1;
    while (q < n && isSpace(text.charCodeAt(q))) q += 1;
    const quote = text[q];
    if (quote !== '"' && quote !== "'") break;
    const end = text.indexOf(quote, q + 1);
    if (end < 0) break;
    if (nameIs(text, i, eq, wanted)) found = decode(text.slice(q + 1, end));
    i = end + 1;
  }
  return found;
}

/** Printable ASCII other than space: a character String.prototype.trim never removes. */
function isPlain(code: number): boolean {
  return code > 0x20 && code < 0x7f;
}

/**
 * localName(text.slice(start, end).trim()) === wanted (a local name: no colon), compared in place
 * when the name has no blank at either end (as written by every producer): no string per attribute.
 */
function nameIs(text: string, start: number, end: number, wanted: string): boolean {
  if (end > start && isPlain(text.charCodeAt(start)) && isPlain(text.charCodeAt(end - 1))) {
    const from = end - wanted.length;
    if (from < start || !text.startsWith(wanted, from)) return false;
    // the local name starts after the first colon of the name
    return from === start || text.indexOf(':', start) === from - 1;
  }
  return localName(text.slice(start, end).trim()) === wanted;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/g;

export function decode(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, named: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (named) return NAMED[named] ?? whole;
    const code = dec !== undefined ? Number(dec) : Number.parseInt(hex ?? '', 16);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
  });
}

function fail(what: string): never {
  throw new XmlScanError(`unterminated ${what}`);
}
