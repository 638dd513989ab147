import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approx, checkPercent, compareEq, sum } from '../../src/money/interval.js';
import { readXlsxGrids } from '../../src/io/xlsx/read-xlsx.js';
import type { OfficePackage } from '../../src/io/guard.js';
import { parseAmount, parsePercent } from '../../src/reader/amount.js';
import { codeLevel, parseFunctionCode } from '../../src/reader/codes.js';

/** Property tests (fast-check): what must hold for every input, not only the ones we thought of. */

const cents = fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n });
const decimalText = (c: bigint, places: number) => {
  const sign = c < 0n ? '-' : '';
  const digits = (c < 0n ? -c : c).toString().padStart(places + 1, '0');
  return places === 0 ? `${sign}${digits}` : `${sign}${digits.slice(0, -places)}.${digits.slice(-places)}`;
};
const grouped = (text: string) => {
  const [int, frac] = text.replace('-', '').split('.');
  const withCommas = (int ?? '').replace(/\B(?=(\d{3})+$)/g, ',');
  return `${text.startsWith('-') ? '-' : ''}${withCommas}${frac === undefined ? '' : `.${frac}`}`;
};

describe('amount parsing', () => {
  it('a decimal written plainly, with thousands separators, full-width or spaced reads back exactly', () => {
    fc.assert(
      fc.property(cents, fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 3 }), (c, places, style) => {
        const plain = decimalText(c, places);
        const text =
          style === 0
            ? plain
            : style === 1
              ? grouped(plain)
              : style === 2
                ? plain.replace(/[0-9.-]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0))
                : plain.split('').join(' ');
        const parsed = parseAmount(text);
        expect(parsed.state).toBe('number');
        expect(parsed.value?.equals(new Decimal(plain))).toBe(true);
        expect(parsed.decimals).toBe(places);
      }),
    );
  });

  it('never throws, and anything it calls a number is a finite decimal', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.double()), (input) => {
        const parsed = parseAmount(input);
        if (parsed.state === 'number') expect(parsed.value?.isFinite()).toBe(true);
        else expect(parsed.value).toBeNull();
      }),
    );
  });

  it('a JS number (up to 15 significant digits, what a cell holds) reads as its decimal, never -0', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), (n) => {
        const parsed = parseAmount(n);
        expect(parsed.value?.toNumber()).toBeCloseTo(n, 0);
        expect(Object.is(parsed.value?.toNumber(), -0)).toBe(false);
      }),
    );
  });
});

describe('percent parsing', () => {
  it('"p%" with any spacing or full-width forms reads back p with its decimals', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 6n), max: 10n ** 6n }),
        fc.integer({ min: 0, max: 3 }),
        fc.boolean(),
        (c, places, wide) => {
          const text = `${decimalText(c, places)}${wide ? '％' : ' %'}`;
          const parsed = parsePercent(text);
          expect(parsed?.value.equals(new Decimal(decimalText(c, places)))).toBe(true);
          expect(parsed?.decimals).toBe(places);
        },
      ),
    );
  });

  it('never throws on any text', () => {
    expect(() => fc.assert(fc.property(fc.string(), (text) => void parsePercent(text)))).not.toThrow();
  });
});

describe('interval arithmetic', () => {
  const amount = fc.tuple(cents, fc.integer({ min: 0, max: 4 })).map(([c, d]) => approx(decimalText(c, d), d));

  it('a sum is always consistent with its own terms rounded to their decimals', () => {
    fc.assert(
      fc.property(fc.array(cents, { minLength: 1, maxLength: 30 }), (terms) => {
        const exact = terms.reduce((a, b) => a + b, 0n);
        // the published figures: each term and the total rounded to whole yuan from cents
        const round = (c: bigint) => (c >= 0n ? (c + 50n) / 100n : -((-c + 50n) / 100n));
        const total = approx(String(round(exact)), 0);
        const published = terms.map((t) => approx(String(round(t)), 0));
        expect(compareEq(total, sum(published)).consistent).toBe(true);
      }),
    );
  });

  it('equality is symmetric, and the tolerance is the sum of the radii', () => {
    fc.assert(
      fc.property(amount, amount, (a, b) => {
        const ab = compareEq(a, b);
        const ba = compareEq(b, a);
        expect(ab.consistent).toBe(ba.consistent);
        expect(ab.difference.equals(ba.difference.neg())).toBe(true);
        expect(ab.tolerance.equals(a.radius.plus(b.radius))).toBe(true);
      }),
    );
  });

  it('a share computed from the figures and rounded to 2 decimals is always consistent', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 10n ** 12n }), (x, y) => {
        const [part, whole] = x <= y ? [x, y] : [y, x];
        const p = approx(decimalText(part, 2), 2);
        const w = approx(decimalText(whole, 2), 2);
        const stated = new Decimal(decimalText(part, 2)).div(decimalText(whole, 2)).mul(100).toDecimalPlaces(2);
        expect(checkPercent(p, w, { value: stated, decimals: 2 }).consistent).toBe(true);
      }),
    );
  });
});

describe('code parsing', () => {
  const functionCode = fc.tuple(
    fc.integer({ min: 201, max: 234 }),
    fc.integer({ min: 1, max: 99 }),
    fc.integer({ min: 1, max: 99 }),
    fc.integer({ min: 1, max: 3 }),
  );
  it('a function code written whole, spaced or with its name parses to its digits and level', () => {
    fc.assert(
      fc.property(
        functionCode,
        fc.constantFrom('', ' ', '-'),
        fc.constantFrom('', ' 事业运行'),
        ([c, k, x, parts], sep, name) => {
          const segments = [String(c), String(k).padStart(2, '0'), String(x).padStart(2, '0')].slice(0, parts);
          const code = segments.join('');
          const parsed = parseFunctionCode(`${segments.join(sep)}${name}`);
          expect(parsed?.code).toBe(code);
          expect(parsed?.level).toBe(codeLevel(code, 'function'));
          if (name) expect(parsed?.name).toBe(name.trim());
        },
      ),
    );
  });

  it('never throws, and a parsed code is always 3, 5 or 7 digits', () => {
    // most random strings hold no code: the property is checked on what does parse, and nothing throws
    expect(() =>
      fc.assert(
        fc.property(fc.string(), (text) => {
          const parsed = parseFunctionCode(text);
          if (parsed && !/^\d{3}(\d{2}){0,2}$/.test(parsed.code)) throw new Error(`code ${parsed.code}`);
        }),
      ),
    ).not.toThrow();
  });
});

describe('the sheet reader on random grids', () => {
  const cell = fc.oneof(
    fc
      .double({ noNaN: true, noDefaultInfinity: true })
      .map((n) => ({ xml: `<v>${n}</v>`, kind: 'number' as const, n })),
    fc
      .string({ minLength: 1 })
      .filter((s) => s.trim() !== '')
      .map((s) => ({ xml: s, kind: 'text' as const, n: 0 })),
  );
  /** XML markup characters as character references (the reader decodes them); what XML cannot hold at all dropped. */
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML cannot hold are what this drops
  const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udfff]/g;
  const xmlText = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`).replace(NOT_XML, '');

  it('every stored cell comes back at its address with its value; nothing else is stored', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.integer({ min: 1, max: 1_048_576 }), fc.integer({ min: 1, max: 16_384 })), {
          maxLength: 40,
          selector: ([r, c]) => `${r}:${c}`,
        }),
        fc.array(cell, { minLength: 40, maxLength: 40 }),
        (places, values) => {
          const letters = (c: number): string =>
            c > 0 ? letters(Math.floor((c - 1) / 26)) + String.fromCharCode(65 + ((c - 1) % 26)) : '';
          const cells = places.map(([r, c], i) => ({ r, c, value: values[i] as (typeof values)[number] }));
          const rows = [...new Set(cells.map((x) => x.r))].sort((a, b) => a - b);
          const sheetXml = `<worksheet><sheetData>${rows
            .map(
              (r) =>
                `<row r="${r}">${cells
                  .filter((x) => x.r === r)
                  .sort((a, b) => a.c - b.c)
                  .map((x) =>
                    x.value.kind === 'number'
                      ? `<c r="${letters(x.c)}${r}">${x.value.xml}</c>`
                      : `<c r="${letters(x.c)}${r}" t="inlineStr"><is><t>${xmlText(x.value.xml)}</t></is></c>`,
                  )
                  .join('')}</row>`,
            )
            .join('')}</sheetData></worksheet>`;
          const parts: Record<string, string> = {
            'xl/workbook.xml': '<workbook><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>',
            'xl/_rels/workbook.xml.rels':
              '<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
            'xl/worksheets/sheet1.xml': sheetXml,
          };
          const pkg: OfficePackage = {
            bytes: Buffer.alloc(0),
            names: () => Object.keys(parts),
            part: (name) => (parts[name] === undefined ? undefined : Buffer.from(parts[name] as string, 'utf8')),
          };
          const [grid] = readXlsxGrids(pkg, 'random.xlsx');
          let stored = 0;
          for (const r of grid?.storedRows?.() ?? []) stored += grid?.storedCols?.(r).length ?? 0;
          const expected = cells.filter((x) => x.value.kind === 'number' || xmlText(x.value.xml).trim() !== '');
          expect(stored).toBe(expected.length);
          for (const x of expected) {
            const content = grid?.cell(x.r, x.c).content;
            if (x.value.kind === 'number')
              expect(content).toEqual({ kind: 'number', value: x.value.n === 0 ? 0 : x.value.n });
            else
              expect(content).toEqual({
                kind: 'text',
                value: xmlText(x.value.xml).replace(/&#(\d+);/g, (_, d: string) => String.fromCharCode(Number(d))),
              });
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
