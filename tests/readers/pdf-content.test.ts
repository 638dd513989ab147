/**
 * The path operators read straight from a PDF (src/io/pdf/content.ts) give the ruling lines that
 * pdfjs's operator list gives, page for page; what that reader is unsure of it declines, and
 * pdfjs is asked instead.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { contentOperators } from '../../src/io/pdf/content.js';
import { loadPdfjs } from '../../src/io/pdf/read-pdf.js';
import { type Ops, ruledTables, segmentsOf } from '../../src/io/pdf/rulings.js';
import { ROOT } from '../helpers/dist.js';

// pdfjs and its worker in this thread, loaded as the reader loads them: its legacy build swaps
// Array.prototype.push and JSON.parse/stringify for slow polyfills, which the loader puts back (a
// static import left them in place for every test file this worker ran after this one)
const pdfjs = await loadPdfjs(true);
const OPS = pdfjs.OPS as unknown as Ops & { endPath: number };

async function open(bytes: Buffer) {
  return pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
}

/** Per page: the rulings from pdfjs, and from the file (undefined where declined). */
async function bothWays(bytes: Buffer) {
  const doc = await open(bytes);
  try {
    const fast = contentOperators(bytes, doc.numPages, OPS);
    const pages = [];
    for (let n = 1; n <= doc.numPages; n += 1) {
      const list = await (await doc.getPage(n)).getOperatorList();
      const expected = segmentsOf(list.fnArray, list.argsArray, OPS);
      const own = fast(n);
      const actual = own && segmentsOf(own.fnArray, own.argsArray, OPS);
      pages.push({ expected, actual });
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** A PDF from object bodies (1-based, in order), with a correct cross-reference table. */
function pdf(objects: string[], extra = ''): Buffer {
  let out = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n${extra}`;
  return Buffer.from(out, 'latin1');
}

function stream(content: string, dict = '', compress = true): string {
  const data = compress ? deflateSync(Buffer.from(content, 'latin1')).toString('latin1') : content;
  return `<< ${dict} ${compress ? '/Filter /FlateDecode ' : ''}/Length ${data.length} >>\nstream\n${data}\nendstream`;
}

const GRID =
  '0.5 w 10 10 m 110 10 l S 10 40 m 110 40 l S 10 70 m 110 70 l S 10 10 m 10 70 l S 60 10 m 60 70 l S 110 10 m 110 70 l S';

describe('path operators from the file', () => {
  it('equal pdfjs’s rulings on every page of every PDF fixture', async () => {
    const files = ['fixtures/published', 'fixtures/published/shapes'].flatMap((dir) =>
      readdirSync(join(ROOT, dir))
        .filter((f) => f.endsWith('.pdf'))
        .map((f) => join(ROOT, dir, f)),
    );
    expect(files.length).toBeGreaterThanOrEqual(6);
    let tables = 0;
    for (const file of files) {
      for (const { expected, actual } of await bothWays(readFileSync(file))) {
        expect(actual).toEqual(expected);
        tables += ruledTables(expected.horizontal, expected.vertical).length;
      }
    }
    expect(tables).toBeGreaterThan(40);
  }, 60_000);

  it('follow Form XObjects (matrix, own resources), content arrays, inherited resources and filled rules', async () => {
    const bytes = pdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 /Resources << /XObject << /T1 5 0 R >> >> >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Contents [4 0 R 6 0 R] >>',
      stream('q 1 0 0 1 20 30 cm /T1 Do Q'),
      stream(GRID, '/Type /XObject /Subtype /Form /BBox [0 0 200 200] /Matrix [1 0 0 1 5 5]'),
      stream('BT /F1 9 Tf 12 12 Td <0041> Tj ET q 2 0 0 2 0 0 cm 10 100 50 0.4 re f 10 100 0.4 30 re f* Q', '', false),
    ]);
    const [page] = await bothWays(bytes);
    expect(page?.actual).toEqual(page?.expected);
    expect(page?.actual?.horizontal.length).toBe(4);
    expect(page?.actual?.vertical.length).toBe(4);
  });

  it('find the catalog in an earlier trailer when the last one does not name it (linearized files)', async () => {
    const objects = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Contents 4 0 R >>',
      stream(GRID),
    ];
    const [page] = await bothWays(pdf(objects, 'trailer\n<< /Size 5 >>\n'));
    expect(page?.actual).toEqual(page?.expected);
    expect(page?.actual?.horizontal.length).toBe(3);
  });

  it('decline what they are unsure of: inline images, objects defined twice, encryption, other filters', async () => {
    const page = (contents: string) => [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Contents 4 0 R >>',
      contents,
    ];
    const inline = pdf(page(stream(`${GRID} q 10 0 0 10 0 0 cm BI /W 1 /H 1 /BPC 8 /CS /G ID \x80 EI Q`, '', false)));
    const hex = pdf(
      page(`<< /Filter /ASCIIHexDecode /Length 8 >>\nstream\n${Buffer.from('0 0 m').toString('hex')}>\nendstream`),
    );
    const updated = Buffer.concat([
      pdf(page(stream(GRID))),
      Buffer.from(`4 0 obj\n${stream(GRID)}\nendobj\n`, 'latin1'),
    ]);
    for (const bytes of [inline, hex, updated]) {
      const [result] = await bothWays(bytes);
      expect(result?.actual).toBeUndefined();
    }
    // a form drawn 200 times by a form drawn 200 times … (200^4 draws): declined within its token budget
    const bomb = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Contents 4 0 R /Resources << /XObject << /A 5 0 R >> >> >>',
      stream('/A Do '.repeat(200)),
      stream(
        '/B Do '.repeat(200),
        '/Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources << /XObject << /B 6 0 R >> >>',
      ),
      stream(
        '/C Do '.repeat(200),
        '/Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources << /XObject << /C 7 0 R >> >>',
      ),
      stream(
        '/D Do '.repeat(200),
        '/Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources << /XObject << /D 8 0 R >> >>',
      ),
      stream('0 0 m 1 1 l S', '/Type /XObject /Subtype /Form /BBox [0 0 1 1]'),
    ];
    const started = Date.now();
    expect(contentOperators(pdf(bomb), 1, OPS)(1)).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(20_000);
    const encrypted = readFileSync(join(ROOT, 'fixtures/published/hostile/encrypted.pdf'));
    expect(contentOperators(encrypted, 1, OPS)(1)).toBeUndefined();
    // a page count that differs from pdfjs's
    expect(contentOperators(pdf(page(stream(GRID))), 2, OPS)(1)).toBeUndefined();
  });
});

describe('a reader of path operators is clean', () => {
  const objects = (contents: string, extra: string[] = []) => [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Contents 4 0 R >>',
    contents,
    ...extra,
  ];

  it('while it has read pages that it neither declined nor met a reference cycle in', () => {
    const fast = contentOperators(pdf(objects(stream(GRID))), 1, OPS);
    expect(fast(1)).toBeDefined();
    expect(fast.clean()).toBe(true);
  });

  it('no longer once a page is declined, or a length refers back to its own stream (the cycle reads as null)', () => {
    const inline = contentOperators(pdf(objects(stream(`${GRID} BI /W 1 /H 1 ID \x80 EI`, '', false))), 1, OPS);
    expect(inline(1)).toBeUndefined();
    expect(inline.clean()).toBe(false);
    const data = deflateSync(Buffer.from(GRID, 'latin1')).toString('latin1');
    const cycle = contentOperators(
      pdf(objects(`<< /Filter /FlateDecode /Length 4 0 R >>\nstream\n${data}\nendstream`)),
      1,
      OPS,
    );
    // read all the same (to the endstream keyword), but what a cycle gives depends on where it was entered
    expect(cycle(1)).toBeDefined();
    expect(cycle.clean()).toBe(false);
    expect(contentOperators(Buffer.from('%PDF-1.7\n', 'latin1'), 1, OPS).clean()).toBe(false);
  });
});
