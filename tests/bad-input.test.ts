import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli.js';
import { memoryIO } from '../src/cli/io.js';
import { InputError } from '../src/errors/input-error.js';
import {
  INPUT_ERROR_MARKERS,
  renderInputError,
  type InputErrorCode,
  type InputErrorData,
} from '../src/errors/messages.js';
import { cfbDirectoryNames, readWorkbookBytes, ZIP_LIMITS } from '../src/io/guard.js';
import { loadWorkbook } from '../src/io/load-workbook.js';
import { buildCfb } from './helpers/cfb.js';
import { buildZip, deflatedEntry, storedEntry, zerosEntry, type ZipEntrySpec } from './helpers/zip.js';

/**
 * Unusable input at the FILE level: every case is generated here in a temp dir, run through the
 * real CLI in-process, and must end in exit 2 with exactly one sentence on stderr, no stack
 * frames, and the input file's bytes untouched.
 */

let dir: string;
/** A real workbook written by exceljs, holding only text that is no final-accounts table. */
let plainXlsx: Buffer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'juesuan-bad-input-'));
  const workbook = new ExcelJS.Workbook();
  workbook.created = workbook.modified = new Date(Date.UTC(2025, 0, 1));
  const sheet = workbook.addWorksheet('随便写写');
  sheet.addRow(['购物清单', '数量']);
  sheet.addRow(['苹果', 3]);
  sheet.addRow(['今天天气不错']);
  plainXlsx = Buffer.from(await workbook.xlsx.writeBuffer());
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function put(name: string, bytes: Buffer | string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** Deterministic noise (xorshift32), so a failure can be reproduced byte for byte. */
function noise(length: number, seed = 0x2545f491): Buffer {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** The parts every xlsx has besides the workbook: enough for exceljs to start parsing. */
const CONTENT_TYPES = storedEntry(
  '[Content_Types].xml',
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/></Types>',
);
const ROOT_RELS = storedEntry(
  '_rels/.rels',
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
    '</Relationships>',
);
const xlsxLike = (...entries: ZipEntrySpec[]): Buffer => buildZip([CONTENT_TYPES, ROOT_RELS, ...entries]);

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(args: string[]): Promise<RunResult> {
  const io = memoryIO();
  const code = await run(args, io);
  return { code, stdout: io.stdout.join(''), stderr: io.stderr.join('') };
}

async function inspect(path: string, ...flags: string[]): Promise<RunResult> {
  const io = memoryIO();
  const code = await run([...flags, 'inspect', path], io);
  return { code, stdout: io.stdout.join(''), stderr: io.stderr.join('') };
}

/** The contract for every unusable input. */
function expectOneSentence(result: RunResult, code: InputErrorCode): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.endsWith('\n')).toBe(true);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stderr).not.toMatch(/\(.*:\d+:\d+\)/); // a stack frame's "(file:line:col)"
  expect(result.stderr).toContain(INPUT_ERROR_MARKERS[code]);
  expect(result.stderr).not.toContain('内部错误');
}

interface Case {
  title: string;
  name: string;
  code: InputErrorCode;
  /** Bytes to write; undefined creates nothing (the path is missing). */
  bytes?: () => Buffer | string;
  /** Substring the sentence must also contain, beyond the code's marker. */
  mentions?: string;
  /** The command run on the file, when not `inspect` (a document that must have tables). */
  command?: (path: string) => string[];
}

const cases: Case[] = [
  { title: 'a missing path', name: 'missing.xlsx', code: 'file-not-found' },
  { title: 'an empty file', name: 'empty.xlsx', code: 'empty-file', bytes: () => '' },
  {
    title: 'a text file named .xlsx',
    name: 'notes.xlsx',
    code: 'not-a-workbook',
    bytes: () => '收入支出决算总表\n项目,金额\n这其实是一个文本文件\n',
  },
  { title: 'random bytes', name: 'noise.xlsx', code: 'not-a-workbook', bytes: () => noise(4096) },
  {
    title: 'a zip cut in half',
    name: 'truncated.xlsx',
    code: 'corrupt-zip',
    bytes: () => plainXlsx.subarray(0, Math.floor(plainXlsx.length / 2)),
  },
  {
    title: 'a zip whose central directory is overwritten',
    name: 'flipped.xlsx',
    code: 'corrupt-zip',
    bytes: () => {
      const bytes = Buffer.from(plainXlsx);
      const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
      const centralDirectory = bytes.readUInt32LE(eocd + 16);
      for (let i = 0; i < 16; i++) bytes[centralDirectory + i] ^= 0xff; // signature and first fields
      return bytes;
    },
  },
  {
    title: 'a zip whose deflate data is garbage',
    name: 'bad-deflate.xlsx',
    code: 'corrupt-zip',
    // 0xff first: BFINAL=1 with the reserved block type 3, which zlib always rejects.
    bytes: () =>
      xlsxLike({ name: 'xl/workbook.xml', data: Buffer.alloc(64, 0xff), method: 8, uncompressedSize: 500, crc32: 0 }),
  },
  {
    title: 'a password-protected xlsx (CFB with EncryptionInfo and EncryptedPackage)',
    name: 'locked.xlsx',
    code: 'encrypted-workbook',
    bytes: () =>
      buildCfb([
        { name: '\u0006DataSpaces', data: Buffer.alloc(0) },
        { name: 'EncryptionInfo', data: Buffer.concat([Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]), noise(200, 7)]) },
        {
          name: 'EncryptedPackage',
          data: Buffer.concat([Buffer.from([0x10, 0x27, 0, 0, 0, 0, 0, 0]), noise(1000, 9)]),
        },
      ]),
  },
  {
    title: 'a legacy .xls (CFB with a Workbook stream)',
    name: 'report.xls',
    code: 'legacy-xls',
    mentions: '「report.xls」',
    bytes: () =>
      buildCfb([
        { name: 'Workbook', data: Buffer.from([0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00]) }, // BIFF8 BOF
        { name: '\u0005SummaryInformation', data: noise(100, 3) },
      ]),
  },
  {
    title: 'a BIFF5 workbook (CFB with a Book stream) misnamed .xlsx',
    name: 'old.xlsx',
    code: 'legacy-xls',
    bytes: () => buildCfb([{ name: 'Book', data: Buffer.from([0x09, 0x08, 0x08, 0x00, 0x00, 0x05, 0x05, 0x00]) }]),
  },
  {
    title: 'an HTML table saved as .xls (as some finance systems export)',
    name: 'export.xls',
    code: 'legacy-xls',
    bytes: () => '<html><body><table><tr><td>收入支出决算总表</td></tr></table></body></html>',
  },
  {
    title: 'some other OLE document (a .doc) named .xlsx',
    name: 'letter.xlsx',
    code: 'not-a-workbook',
    bytes: () => buildCfb([{ name: 'WordDocument', data: noise(300, 11) }]),
  },
  {
    title: 'a zip bomb: one entry of 300 MiB of zeros (caught by its ratio)',
    name: 'bomb.xlsx',
    code: 'zip-bomb',
    mentions: '压缩比',
    bytes: () => xlsxLike(deflatedEntry('xl/workbook.xml', '<workbook/>'), zerosEntry('xl/worksheets/sheet1.xml', 300)),
  },
  {
    title: 'a zip bomb of 300 entries of 1 MiB each, none dense enough alone (caught by the total)',
    name: 'spread.xlsx',
    code: 'zip-bomb',
    mentions: '300 MiB',
    bytes: () => {
      const oneMiB = zerosEntry('', 1); // deflated once, reused: building stays fast
      return xlsxLike(
        deflatedEntry('xl/workbook.xml', '<workbook/>'),
        ...Array.from({ length: 300 }, (_, i) => ({ ...oneMiB, name: `xl/media/zeros${i}.bin` })),
      );
    },
  },
  {
    title: 'a zip bomb by ratio: 8 MiB of zeros in about 8 KiB',
    name: 'dense.xlsx',
    code: 'zip-bomb',
    mentions: 'xl/worksheets/sheet1.xml',
    bytes: () => xlsxLike(deflatedEntry('xl/workbook.xml', '<workbook/>'), zerosEntry('xl/worksheets/sheet1.xml', 8)),
  },
  {
    title: 'a zip bomb by entry count',
    name: 'crowded.xlsx',
    code: 'zip-bomb',
    mentions: String(ZIP_LIMITS.maxEntries + 1),
    bytes: () =>
      xlsxLike(
        deflatedEntry('xl/workbook.xml', '<workbook/>'),
        ...Array.from({ length: ZIP_LIMITS.maxEntries - 2 }, (_, i) => storedEntry(`xl/x/${i}`, '')),
      ),
  },
  {
    title: 'a zip bomb whose headers lie: declares 1,000 bytes, inflates to 8 MiB',
    name: 'liar.xlsx',
    code: 'zip-bomb',
    mentions: '1000 字节',
    bytes: () => xlsxLike({ ...zerosEntry('xl/workbook.xml', 8), uncompressedSize: 1000 }),
  },
  {
    // a Word document is a report as published: read, and refused where tables are needed (--previous);
    // inspect and check read one without tables as a 情况说明 (tests/inspect.test.ts)
    title: 'a .docx without any table as last year (--previous): no amounts to compare (not "no 情况说明" either)',
    name: 'notes.docx',
    code: 'no-tables-diff',
    command: (path) => ['check', path, '--previous', path],
    bytes: () =>
      buildZip([
        CONTENT_TYPES,
        storedEntry('_rels/.rels', '<Relationships/>'),
        deflatedEntry('word/document.xml', '<w:document><w:body><w:p>决算说明</w:p></w:body></w:document>'),
      ]),
  },
  {
    title: 'a plain .zip renamed .xlsx',
    name: 'archive.xlsx',
    code: 'not-xlsx',
    bytes: () => buildZip([deflatedEntry('readme.txt', '请查收附件'), storedEntry('data/', '')]),
  },
  {
    title: 'an xlsx whose workbook.xml is not XML',
    name: 'mangled.xlsx',
    code: 'corrupt-workbook',
    bytes: () => xlsxLike(deflatedEntry('xl/workbook.xml', '<workbook><<<这不是 XML')),
  },
];

describe('unusable input files end in one sentence and exit 2', () => {
  for (const c of cases) {
    it(`${c.title} → ${c.code}`, async () => {
      const path = join(dir, c.name);
      const before = c.bytes ? await readFile(await put(c.name, c.bytes())) : undefined;

      const result = c.command ? await cli(c.command(path)) : await inspect(path);

      expectOneSentence(result, c.code);
      expect(result.stderr).toContain(`「${c.name}」`); // the base name, not the temp path
      expect(result.stderr).not.toContain(dir);
      if (c.mentions) expect(result.stderr).toContain(c.mentions);
      if (before) expect(sha256(await readFile(path))).toBe(sha256(before));
    });
  }

  it('a directory → is-directory', async () => {
    const path = join(dir, 'folder.xlsx');
    await mkdir(path);
    await writeFile(join(path, 'inside.txt'), 'x');
    expectOneSentence(await inspect(path), 'is-directory');
    expect((await stat(path)).isDirectory()).toBe(true);
  });

  it.skipIf(process.platform === 'win32')('a named pipe → read-failed, without blocking on open', async () => {
    const path = join(dir, 'pipe.xlsx');
    execFileSync('mkfifo', [path]);
    const result = await inspect(path);
    expectOneSentence(result, 'read-failed');
    expect(result.stderr).toContain('不是普通文件');
  });

  it('a valid workbook without any final-accounts table → no-tables', async () => {
    const path = await put('plain.xlsx', plainXlsx);
    expectOneSentence(await inspect(path), 'no-tables');
    expect(sha256(await readFile(path))).toBe(sha256(plainXlsx));
  });

  it('a file name with a line break still yields one line', async () => {
    const result = await inspect(join(dir, 'two\nlines.xlsx'));
    expectOneSentence(result, 'file-not-found');
    expect(result.stderr).toContain('two\\u000alines.xlsx');
  });

  it('--debug adds the stack after the sentence', async () => {
    const path = await put(
      'locked-debug.xlsx',
      buildCfb([
        { name: 'EncryptionInfo', data: noise(64) },
        { name: 'EncryptedPackage', data: noise(64, 5) },
      ]),
    );
    const result = await inspect(path, '--debug');
    expect(result.code).toBe(2);
    const [first, ...rest] = result.stderr.trimEnd().split('\n');
    expect(first).toContain(INPUT_ERROR_MARKERS['encrypted-workbook']);
    expect(rest.some((line) => /^\s+at /.test(line))).toBe(true);
  });
});

describe('error sentences', () => {
  const samples: { [C in InputErrorCode]: InputErrorData[C] } = {
    'file-not-found': { file: '/a/b/report.xlsx' },
    'is-directory': { file: '/a/b/report.xlsx' },
    'empty-file': { file: '/a/b/report.xlsx' },
    'not-a-workbook': { file: '/a/b/report.xlsx' },
    'corrupt-zip': { file: '/a/b/report.xlsx' },
    'not-xlsx': { file: '/a/b/report.xlsx' },
    'encrypted-workbook': { file: '/a/b/report.xlsx' },
    'legacy-xls': { file: '/a/b/report.xlsx' },
    'zip-bomb': { file: '/a/b/report.xlsx', detail: { kind: 'entry-count', count: 20000, limit: 10000 } },
    'corrupt-workbook': { file: '/a/b/report.xlsx' },
    'no-tables': { file: '/a/b/report.xlsx' },
    'no-workbooks': { file: '/a/b/report.xlsx' },
    'read-failed': { file: '/a/b/report.xlsx', reason: 'permission', detail: 'EACCES' },
    'over-limit': { file: '/a/b/report.xlsx', what: '工作表超过 1000 张' },
    'undecodable-text': { file: '/a/b/report.xlsx' },
    'scanned-pdf': { file: '/a/b/report.xlsx' },
    'encrypted-pdf': { file: '/a/b/report.xlsx' },
    'pdf-bomb': { file: '/a/b/report.xlsx', detail: '共 100000 页，超过上限 2000 页' },
    'corrupt-pdf': { file: '/a/b/report.xlsx' },
    'corrupt-docx': { file: '/a/b/report.xlsx' },
    'no-tables-published': { file: '/a/b/report.xlsx' },
    'no-tables-diff': { file: '/a/b/report.xlsx' },
  };
  const codes = Object.keys(samples) as InputErrorCode[];

  it('each marker identifies exactly one code, and each sentence is one line naming the file', () => {
    for (const code of codes) {
      const sentence = renderInputError(code, samples[code]);
      expect(sentence).toContain('「report.xlsx」');
      expect(sentence).not.toContain('/a/b');
      expect(sentence).not.toContain('\n');
      expect(sentence.endsWith('。')).toBe(true);
      for (const other of codes) {
        expect(sentence.includes(INPUT_ERROR_MARKERS[other]), `${other} marker in ${code}`).toBe(other === code);
      }
    }
  });
});

describe('guard and loader on usable input', () => {
  it('pass a real workbook through unchanged', async () => {
    const path = await put('ok.xlsx', plainXlsx);
    expect((await readWorkbookBytes(path)).equals(plainXlsx)).toBe(true);
    const workbook = await loadWorkbook(path);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['随便写写']);
    expect(workbook.worksheets[0]?.getCell('A2').value).toBe('苹果');
  });

  it('accept an xlsx that was merely renamed .xls', async () => {
    const path = await put('renamed.xls', plainXlsx);
    expect((await readWorkbookBytes(path)).equals(plainXlsx)).toBe(true);
  });

  it('accept part names with a leading slash, which exceljs reads', async () => {
    const path = await put('slash.xlsx', xlsxLike(deflatedEntry('/xl/workbook.xml', '<workbook/>')));
    await expect(readWorkbookBytes(path)).resolves.toBeInstanceOf(Buffer);
  });

  it('keep the exceljs exception as the cause of corrupt-workbook', async () => {
    const path = await put('mangled-cause.xlsx', xlsxLike(deflatedEntry('xl/workbook.xml', '<workbook><<<')));
    const error: unknown = await loadWorkbook(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).code).toBe('corrupt-workbook');
    expect((error as InputError).cause).toBeInstanceOf(Error);
  });
});

describe('test helpers build what they claim', () => {
  it('zerosEntry is an honest deflate stream with a matching CRC', () => {
    const entry = zerosEntry('z', 3);
    const inflated = inflateRawSync(entry.data);
    expect(inflated.length).toBe(3 * 2 ** 20);
    expect(inflated.every((b) => b === 0)).toBe(true);
    expect(crc32(inflated)).toBe(entry.crc32);
  });

  it('buildCfb writes a directory the guard can walk', () => {
    const names = cfbDirectoryNames(
      buildCfb([
        { name: 'EncryptedPackage', data: noise(10) },
        { name: 'Workbook', data: Buffer.alloc(0) },
      ]),
    );
    expect(names).toEqual(['Root Entry', 'Workbook', 'EncryptedPackage']);
  });
});
