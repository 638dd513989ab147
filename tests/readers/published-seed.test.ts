/**
 * The seed report as published — text, Word, HTML (GBK; also under a lying meta charset) and PDF
 * (a non-embedded CID font with stroked rules; an embedded subset with rules as filled rectangles)
 * — reads to the same tables as the workbook: every amount and label compared.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInput } from '../../src/io/read-input.js';
import { canonical } from '../helpers/canonical.js';
import { canonicalFixture, FIXTURES } from '../helpers/fixtures.js';

const FORMS = [
  'seed-2024.txt',
  'seed-2024.docx',
  'seed-2024.html',
  'seed-2024-lying-charset.html',
  'seed-2024-cid.pdf',
  'seed-2024-embedded.pdf',
];

describe('the seed as published reads to the workbook tables', () => {
  for (const name of FORMS) {
    it(name, async () => {
      const file = join(FIXTURES, 'published', name);
      // the way every input is read: through the input guard and its limits, by kind
      const actual = canonical((await readInput(file, file, { want: 'tables' })).model);
      const expected = await canonicalFixture('seed-2024-full.xlsx');
      const diff: string[] = [];
      for (const k of new Set([...Object.keys(expected), ...Object.keys(actual)]))
        if (expected[k] !== actual[k]) diff.push(`${k}: ${expected[k]} != ${actual[k]}`);
      expect(diff).toEqual([]);
    });
  }
});
