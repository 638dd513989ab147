import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { textDocument } from '../../src/io/text/read-text.js';
import { readDocument } from '../../src/reader/read-document.js';
import { canonical } from '../helpers/canonical.js';
import { FIXTURES, readFixture } from '../helpers/fixtures.js';

describe('seed text', () => {
  it('reads to the workbook canonical model', async () => {
    const file = join(FIXTURES, 'published', 'seed-2024.txt');
    const model = readDocument(textDocument(readFileSync(file, 'utf8'), file));
    const expected = canonical(await readFixture('seed-2024-full.xlsx'));
    const actual = canonical(model);
    const diff: string[] = [];
    for (const k of new Set([...Object.keys(expected), ...Object.keys(actual)]))
      if (expected[k] !== actual[k]) diff.push(`${k}: ${expected[k]} != ${actual[k]}`);
    expect(diff).toEqual([]);
  });
});
