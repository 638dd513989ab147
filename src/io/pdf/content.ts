import { inflateSync } from 'node:zlib';
import { PDF_LIMITS } from './bounds.js';
import type { Ops } from './rulings.js';

/**
 * The path operators of each page read straight from the file, for the ruling lines: pdfjs's
 * getOperatorList also builds every glyph of every text run and copies the whole list between
 * its worker and this thread, which made it a third of a PDF's reading time, while the rulings
 * need only q/Q/cm, the path operators and Form XObjects. The result has the shape of pdfjs's
 * operator list (save, restore, transform, constructPath with a Float32Array of draw codes,
 * paintFormXObjectBegin/End), so the same segmentsOf reads either.
 *
 * This reader is deliberately small: objects are found by scanning the file for `N G obj`
 * (including those packed in object streams), and it declines (undefined) whatever it is not
 * sure of — an object defined twice (an incremental update), encryption, a filter other than
 * plain Flate, inline images, a page count that differs from pdfjs's — and the caller then asks
 * pdfjs for that page's operator list as before.
 */

export interface OperatorList {
  fnArray: number[];
  argsArray: unknown[];
}

interface Ref {
  ref: number;
}
interface Name {
  name: string;
}
type Value = number | boolean | null | string | Name | Ref | Value[] | Dict;
type Dict = Map<string, Value>;

class Decline extends Error {}

function decline(why: string): never {
  throw new Decline(why);
}

const WHITE = new Uint8Array(256);
for (const c of [0, 9, 10, 12, 13, 32]) WHITE[c] = 1;
const DELIMITER = new Uint8Array(256);
for (const c of '()<>[]{}/%') DELIMITER[c.charCodeAt(0)] = 1;

/** A cursor over a latin1 string (one character a byte) with the PDF object syntax. */
class Lexer {
  pos: number;
  constructor(
    readonly text: string,
    start = 0,
    readonly end = text.length,
  ) {
    this.pos = start;
  }

  skipSpace(): void {
    const { text, end } = this;
    while (this.pos < end) {
      const c = text.charCodeAt(this.pos);
      if (WHITE[c]) this.pos += 1;
      else if (c === 0x25) {
        // a comment runs to the end of the line
        while (this.pos < end && text.charCodeAt(this.pos) !== 10 && text.charCodeAt(this.pos) !== 13) this.pos += 1;
      } else break;
    }
  }

  /** A regular word (operator, keyword or number) from pos. */
  word(): string {
    const { text, end } = this;
    const start = this.pos;
    while (this.pos < end) {
      const c = text.charCodeAt(this.pos);
      if (c > 255 || WHITE[c] || DELIMITER[c]) break;
      this.pos += 1;
    }
    return text.slice(start, this.pos);
  }

  name(): Name {
    this.pos += 1; // the slash
    const raw = this.word();
    return {
      name: raw.includes('#') ? raw.replace(/#([0-9A-Fa-f]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))) : raw,
    };
  }

  /** A literal string, balanced parentheses and escapes skipped; its text is not needed here. */
  skipLiteral(): void {
    const { text, end } = this;
    let depth = 0;
    while (this.pos < end) {
      const c = text.charCodeAt(this.pos);
      this.pos += 1;
      if (c === 0x5c) this.pos += 1;
      else if (c === 0x28) depth += 1;
      else if (c === 0x29) {
        depth -= 1;
        if (depth === 0) return;
      }
    }
  }

  skipHex(): void {
    const at = this.text.indexOf('>', this.pos);
    this.pos = at < 0 || at >= this.end ? this.end : at + 1;
  }

  /**
   * The next value: numbers, names, arrays, dictionaries, references (`N G R`, when refs is on),
   * keywords as strings; strings are skipped and read as ''. undefined at the end.
   */
  value(refs: boolean, depth = 0): Value | undefined {
    if (depth > 64) decline('nested too deep');
    this.skipSpace();
    if (this.pos >= this.end) return undefined;
    const { text } = this;
    const c = text.charCodeAt(this.pos);
    if (c === 0x2f) return this.name();
    if (c === 0x28) {
      this.skipLiteral();
      return '';
    }
    if (c === 0x3c) {
      if (text.charCodeAt(this.pos + 1) === 0x3c) {
        this.pos += 2;
        return this.dict(refs, depth + 1);
      }
      this.skipHex();
      return '';
    }
    if (c === 0x5b) {
      this.pos += 1;
      const items: Value[] = [];
      for (;;) {
        this.skipSpace();
        if (this.pos >= this.end) return items;
        if (text.charCodeAt(this.pos) === 0x5d) {
          this.pos += 1;
          return items;
        }
        const item = this.value(refs, depth + 1);
        if (item === undefined) return items;
        items.push(item);
      }
    }
    if (DELIMITER[c]) {
      // a stray delimiter (`]`, `>`, `)`, braces): one character, read as a keyword
      this.pos += 1;
      return String.fromCharCode(c);
    }
    const word = this.word();
    if (word === '') {
      this.pos += 1; // a character outside latin1 cannot occur in a latin1 string; guard anyway
      return '?';
    }
    const n = numberOf(word);
    if (n === undefined) return word === 'true' ? true : word === 'false' ? false : word === 'null' ? null : word;
    if (refs && Number.isInteger(n) && n >= 0) {
      // `N G R`: look ahead without consuming unless it is one
      const save = this.pos;
      this.skipSpace();
      const gen = numberOf(this.word());
      if (gen !== undefined && Number.isInteger(gen)) {
        this.skipSpace();
        if (text.charCodeAt(this.pos) === 0x52 && this.boundaryAt(this.pos + 1)) {
          this.pos += 1;
          return { ref: n };
        }
      }
      this.pos = save;
    }
    return n;
  }

  boundaryAt(at: number): boolean {
    if (at >= this.end) return true;
    const c = this.text.charCodeAt(at);
    return WHITE[c] === 1 || DELIMITER[c] === 1;
  }

  dict(refs: boolean, depth: number): Dict {
    const map: Dict = new Map();
    for (;;) {
      this.skipSpace();
      if (this.pos >= this.end) return map;
      if (this.text.charCodeAt(this.pos) === 0x3e) {
        this.pos += this.text.charCodeAt(this.pos + 1) === 0x3e ? 2 : 1;
        return map;
      }
      const key = this.value(refs, depth);
      if (key === undefined) return map;
      if (typeof key !== 'object' || key === null || !('name' in key)) continue;
      const value = this.value(refs, depth);
      if (value === undefined) return map;
      map.set(key.name, value);
    }
  }
}

/** A number as PDF writes one (digits, one point, a sign); undefined for any other word. */
function numberOf(word: string): number | undefined {
  const c = word.charCodeAt(0);
  // the first character decides most words cheaply: operators start with a letter or a quote
  if (!((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) || word.length > 40) return undefined;
  // Number() also takes forms PDF does not write (1e5, 0x1f): those stay words, as in pdfjs
  for (let i = 1; i < word.length; i += 1) {
    const d = word.charCodeAt(i);
    if (!((d >= 0x30 && d <= 0x39) || d === 0x2b || d === 0x2d || d === 0x2e)) return undefined;
  }
  const n = Number(word);
  return Number.isFinite(n) ? n : undefined;
}

const isRef = (v: Value | undefined): v is Ref => typeof v === 'object' && v !== null && 'ref' in v;
const isName = (v: Value | undefined): v is Name => typeof v === 'object' && v !== null && 'name' in v;
const isDict = (v: unknown): v is Dict => v instanceof Map;
const isRaw = (v: unknown): v is RawStream => typeof v === 'object' && v !== null && 'raw' in v;

interface Located {
  /** Where the object's value starts (after `obj`), or its place inside an object stream. */
  at: number;
  inStream?: number;
}

interface Stream {
  dict: Dict;
  /** The decoded data as latin1 text (one character a byte). */
  data: string;
}

/** A stream object as found: its dictionary and raw bytes, decoded on first use. */
interface RawStream {
  dict: Dict;
  raw: Buffer;
  decoded?: string;
}

/** The file's objects, found by scanning; undefined when it holds something this reader declines. */
class PdfObjects {
  private readonly located = new Map<number, Located>();
  private readonly cache = new Map<number, Value | RawStream>();
  private readonly text: string;
  trailer: Dict | undefined;
  private inflated = 0;
  /** The objects being read (a reference back to one of them is a cycle, which reads as null). */
  private readonly reading = new Set<number>();
  /** A read met a reference cycle: what it gave depends on where the reading entered the cycle. */
  cycleMet = false;

  constructor(readonly bytes: Buffer) {
    this.text = bytes.toString('latin1');
    if (this.text.includes('/Encrypt')) decline('encrypted');
    const special: number[] = [];
    const header = /(\d+)\s+(\d+)\s+obj\b/g;
    for (let m = header.exec(this.text); m; m = header.exec(this.text)) {
      const num = Number(m[1]);
      if (this.located.has(num)) decline(`object ${num} defined twice`);
      const at = m.index + m[0].length;
      this.located.set(num, { at });
      // skip the stream's data: bytes in it are not object headers
      const lexer = new Lexer(this.text, at);
      const value = lexer.value(true);
      if (isDict(value)) {
        lexer.skipSpace();
        if (this.text.startsWith('stream', lexer.pos)) {
          const end = this.text.indexOf('endstream', lexer.pos);
          if (end < 0) decline('unterminated stream');
          header.lastIndex = end;
          const type = value.get('Type');
          if (isName(type) && (type.name === 'ObjStm' || type.name === 'XRef')) special.push(num);
        }
      }
    }
    // objects packed in object streams (PDF 1.5+), once every direct one is known
    for (const num of special) {
      const object = this.stream({ ref: num });
      if (!object) decline('bad object stream');
      const type = (object.dict.get('Type') as Name).name;
      if (type === 'XRef') {
        if (object.dict.has('Root')) this.trailer ??= object.dict;
        continue;
      }
      const n = object.dict.get('N');
      const first = object.dict.get('First');
      if (typeof n !== 'number' || typeof first !== 'number' || n > 1_000_000) decline('bad object stream');
      const lexer = new Lexer(object.data);
      for (let i = 0; i < n; i += 1) {
        const inner = lexer.value(false);
        const offset = lexer.value(false);
        if (typeof inner !== 'number' || typeof offset !== 'number') decline('bad object stream header');
        if (this.located.has(inner)) decline(`object ${inner} defined twice`);
        this.located.set(inner, { at: first + offset, inStream: num });
      }
    }
    // the last trailer that names the catalog (a linearized file's last one may not)
    for (let at = this.text.lastIndexOf('trailer'); at >= 0; at = this.text.lastIndexOf('trailer', at - 1)) {
      const value = new Lexer(this.text, at + 'trailer'.length).value(true);
      if (isDict(value) && value.has('Root')) {
        this.trailer = value;
        break;
      }
      if (at === 0) break;
    }
  }

  resolve(v: Value | undefined): Value | undefined {
    const r = isRef(v) ? this.object(v.ref) : v;
    return isRaw(r) ? undefined : r;
  }

  dictOf(v: Value | undefined): Dict | undefined {
    const r = isRef(v) ? this.object(v.ref) : v;
    if (isRaw(r)) return r.dict;
    return isDict(r) ? r : undefined;
  }

  object(num: number): Value | RawStream | undefined {
    if (this.cache.has(num)) {
      if (this.reading.has(num)) this.cycleMet = true;
      return this.cache.get(num);
    }
    const where = this.located.get(num);
    if (!where) return undefined;
    this.cache.set(num, null); // a reference cycle reads as null
    this.reading.add(num);
    let result: Value | RawStream | undefined;
    if (where.inStream !== undefined) {
      const packed = this.stream({ ref: where.inStream });
      result = packed ? new Lexer(packed.data, where.at).value(true) : undefined;
    } else {
      const lexer = new Lexer(this.text, where.at);
      const value = lexer.value(true);
      lexer.skipSpace();
      if (isDict(value) && this.text.startsWith('stream', lexer.pos)) {
        let start = lexer.pos + 'stream'.length;
        if (this.bytes[start] === 13) start += 1;
        if (this.bytes[start] === 10) start += 1;
        const length = this.resolve(value.get('Length'));
        let end = typeof length === 'number' ? start + length : -1;
        if (end < start || end > this.bytes.length || !/^\s*endstream/.test(this.text.slice(end, end + 24)))
          end = this.text.indexOf('endstream', start);
        if (end < 0) decline('unterminated stream');
        result = { dict: value, raw: this.bytes.subarray(start, end) };
      } else result = value;
    }
    this.cache.set(num, result ?? null);
    this.reading.delete(num);
    return result;
  }

  private decode(dict: Dict, raw: Buffer): string {
    let filter = this.resolve(dict.get('Filter'));
    if (Array.isArray(filter)) {
      if (filter.length > 1) decline('chained filters');
      filter = filter[0];
    }
    if (filter === undefined || filter === null) return raw.toString('latin1');
    if (!isName(filter as Value) || !['FlateDecode', 'Fl'].includes((filter as Name).name)) decline('filter');
    const parms = this.resolve(dict.get('DecodeParms'));
    const parmsDict = Array.isArray(parms) ? this.dictOf(parms[0]) : this.dictOf(parms as Value);
    if (parmsDict && (parmsDict.get('Predictor') ?? 1) !== 1) decline('predictor');
    const out = inflateSync(raw, { maxOutputLength: PDF_LIMITS.maxStreamBytes });
    this.inflated += out.length;
    if (this.inflated > PDF_LIMITS.maxTotalStreamBytes) decline('too much data');
    return out.toString('latin1');
  }

  stream(v: Value | undefined): Stream | undefined {
    const r = isRef(v) ? this.object(v.ref) : undefined;
    if (!isRaw(r)) return undefined;
    r.decoded ??= this.decode(r.dict, r.raw);
    return { dict: r.dict, data: r.decoded };
  }

  /** The leaves of the page tree in order, each with its inherited resources. */
  pages(): { page: Dict; resources: Dict | undefined }[] {
    const root = this.dictOf(this.trailer?.get('Root'));
    const top = root && this.dictOf(root.get('Pages'));
    if (!top) decline('no page tree');
    const out: { page: Dict; resources: Dict | undefined }[] = [];
    const seen = new Set<Dict>();
    const walk = (node: Dict, resources: Dict | undefined, depth: number) => {
      if (seen.has(node) || depth > 64 || out.length > PDF_LIMITS.maxPages) decline('page tree');
      seen.add(node);
      const own = this.dictOf(node.get('Resources')) ?? resources;
      const kids = this.resolve(node.get('Kids'));
      const type = node.get('Type');
      if (Array.isArray(kids) && !(isName(type) && type.name === 'Page')) {
        for (const kid of kids) {
          const dict = this.dictOf(kid);
          if (!dict) decline('page tree');
          walk(dict, own, depth + 1);
        }
      } else out.push({ page: node, resources: own });
    };
    walk(top, undefined, 0);
    return out;
  }
}

/** pdfjs's draw codes inside a constructPath buffer (see rulings.ts). */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const CLOSE = 4;

/** Operand counts of the operators read here. */
const PATH_ARGS: Record<string, number> = { m: 2, l: 2, c: 6, v: 4, y: 4, re: 4, h: 0, cm: 6 };

/** Form XObjects drawn inside each other at most this deep. */
const MAX_FORM_DEPTH = 12;
/**
 * Tokens read for one page at most, forms included (a form drawn a thousand times by a form drawn
 * a thousand times cannot make a page spin): past it the page is left to pdfjs, as before.
 */
const MAX_TOKENS = 1_000_000;

/** An operator this reader acts on, as a token (a false alarm only costs the quick skip below). */
const ACTED_ON = /(?:^|[\s\]>)])(?:re|[mlcvyhSsFBbnqQ]|f\*?|[Bb]\*|cm|Do|BI)(?=[\s[<(/%]|$)/;
const TEXT_END = /(?:^|[\s\]>)])ET(?=[\s[<(/%]|$)/g;

/**
 * Where reading resumes after BT: past the matching ET when the text object holds no literal
 * string (whose bytes could fake a token) and no operator this reader acts on, else right here.
 * Text objects are most of a page's content; their glyph strings need no reading for rulings.
 */
function textObjectEnd(data: string, from: number): number {
  TEXT_END.lastIndex = from;
  const end = TEXT_END.exec(data);
  if (!end) return from;
  const body = data.slice(from, end.index + 1);
  if (body.includes('(') || ACTED_ON.test(body)) return from;
  return TEXT_END.lastIndex;
}

class ContentReader {
  readonly fnArray: number[] = [];
  readonly argsArray: unknown[] = [];
  private readonly paint: Record<string, number>;
  private tokens = 0;

  constructor(
    private readonly objects: PdfObjects,
    private readonly ops: Ops & { endPath: number },
  ) {
    this.paint = {
      S: ops.stroke,
      s: ops.closeStroke,
      f: ops.fill,
      F: ops.fill,
      'f*': ops.eoFill,
      B: ops.fillStroke,
      'B*': ops.eoFillStroke,
      b: ops.closeFillStroke,
      'b*': ops.closeEOFillStroke,
      n: ops.endPath,
    };
  }

  read(data: string, resources: Dict | undefined, depth: number): void {
    const lexer = new Lexer(data);
    const operands: Value[] = [];
    let path: number[] = [];
    let x = 0;
    let y = 0;
    for (;;) {
      const value = lexer.value(false);
      if (value === undefined) break;
      this.tokens += 1;
      if (this.tokens > MAX_TOKENS) decline('too many operators');
      if (typeof value !== 'string' || value === '') {
        operands.push(value);
        if (operands.length > 64) operands.shift();
        continue;
      }
      const op = value;
      const need = PATH_ARGS[op];
      let args: number[] = [];
      if (need !== undefined) {
        // pdfjs: too few operands skips the operator, too many keeps the last ones
        let usable = operands.length >= need;
        for (let k = operands.length - need; usable && k < operands.length; k += 1)
          usable = typeof operands[k] === 'number';
        if (!usable) {
          operands.length = 0;
          continue;
        }
        args = (need === 0 ? [] : operands.slice(operands.length - need)) as number[];
      }
      switch (op) {
        case 'q':
          this.add(this.ops.save, null);
          break;
        case 'Q':
          this.add(this.ops.restore, null);
          break;
        case 'cm':
          this.add(this.ops.transform, args);
          break;
        case 're': {
          const [rx, ry, w, h] = args as [number, number, number, number];
          x = rx;
          y = ry;
          if (w === 0 || h === 0) path.push(MOVE, rx, ry, LINE, rx + w, ry + h, CLOSE);
          else path.push(MOVE, rx, ry, LINE, rx + w, ry, LINE, rx + w, ry + h, LINE, rx, ry + h, CLOSE);
          break;
        }
        case 'm':
          [x, y] = args as [number, number];
          path.push(MOVE, x, y);
          break;
        case 'l':
          [x, y] = args as [number, number];
          path.push(LINE, x, y);
          break;
        case 'c':
          path.push(CURVE, ...args);
          x = args[4] as number;
          y = args[5] as number;
          break;
        case 'v':
          path.push(CURVE, x, y, ...args);
          x = args[2] as number;
          y = args[3] as number;
          break;
        case 'y':
          path.push(
            CURVE,
            args[0] as number,
            args[1] as number,
            args[2] as number,
            args[3] as number,
            args[2] as number,
            args[3] as number,
          );
          x = args[2] as number;
          y = args[3] as number;
          break;
        case 'h':
          path.push(CLOSE);
          break;
        case 'BI':
          decline('inline image');
          break;
        case 'BT':
          lexer.pos = textObjectEnd(data, lexer.pos);
          break;
        case 'Do': {
          const name = operands.at(-1);
          if (isName(name)) this.form(name.name, resources, depth);
          break;
        }
        default: {
          const fn = this.paint[op];
          if (fn !== undefined) {
            if (op === 's' || op === 'b' || op === 'b*') path.push(CLOSE);
            this.add(this.ops.constructPath, [fn, [path.length > 0 ? new Float32Array(path) : null], null]);
            path = [];
          }
        }
      }
      operands.length = 0;
    }
  }

  private form(name: string, resources: Dict | undefined, depth: number): void {
    const xobjects = resources && this.objects.dictOf(resources.get('XObject'));
    const stream = xobjects && this.objects.stream(xobjects.get(name));
    if (!stream) return;
    const subtype = stream.dict.get('Subtype');
    if (!isName(subtype) || subtype.name !== 'Form') return;
    if (depth >= MAX_FORM_DEPTH) decline('forms nested too deep');
    const matrix = this.objects.resolve(stream.dict.get('Matrix'));
    const m =
      Array.isArray(matrix) && matrix.length === 6 && matrix.every((n) => typeof n === 'number') ? matrix : null;
    this.add(this.ops.paintFormXObjectBegin, [m, null]);
    this.read(stream.data, this.objects.dictOf(stream.dict.get('Resources')) ?? resources, depth + 1);
    this.add(this.ops.paintFormXObjectEnd, []);
  }

  private add(fn: number, args: unknown): void {
    this.fnArray.push(fn);
    this.argsArray.push(args);
  }
}

/** A file or page this reader leaves to pdfjs: declined, or data zlib could not inflate within bounds. */
function declined(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return (
    error instanceof Decline ||
    error instanceof RangeError ||
    (typeof code === 'string' && (code.startsWith('Z_') || code === 'ERR_BUFFER_TOO_LARGE'))
  );
}

/** Per page number (1-based), the page's path operators, or undefined for a page (or a file) this reader declines. */
export interface PathOperators {
  (page: number): OperatorList | undefined;
  /**
   * Every read so far declined nothing, failed nowhere and met no reference cycle: then the objects
   * it has kept are each what the file says, whichever pages were read before, and each page's
   * operators are what reading that page alone gives.
   */
  clean(): boolean;
}

export function contentOperators(bytes: Buffer, numPages: number, ops: Ops & { endPath: number }): PathOperators {
  let pages: { page: Dict; resources: Dict | undefined }[];
  let objects: PdfObjects;
  try {
    objects = new PdfObjects(bytes);
    pages = objects.pages();
    if (pages.length !== numPages) decline('page count');
  } catch (error) {
    if (declined(error)) return Object.assign(() => undefined, { clean: () => false });
    throw error;
  }
  let failed = false;
  const read = (n: number): OperatorList | undefined => {
    const leaf = pages[n - 1];
    if (!leaf) return undefined;
    try {
      const entry = leaf.page.get('Contents');
      const list = objects.resolve(entry);
      // one stream, an array of streams, or none (an empty page)
      const parts = Array.isArray(list) ? list : entry === undefined ? [] : [entry];
      const streams = parts.map((p) => objects.stream(p));
      if (streams.some((s) => !s)) return undefined;
      const joined = streams.map((s) => (s as Stream).data).join('\n');
      const reader = new ContentReader(objects, ops);
      reader.read(joined, leaf.resources, 0);
      return { fnArray: reader.fnArray, argsArray: reader.argsArray };
    } catch (error) {
      failed = true;
      if (declined(error)) return undefined;
      throw error;
    }
  };
  return Object.assign(
    (n: number) => {
      const list = read(n);
      if (list === undefined) failed = true;
      return list;
    },
    { clean: () => !failed && !objects.cycleMet },
  );
}
