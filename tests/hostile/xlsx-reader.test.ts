import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWorkbook } from '../../src/io/load-workbook.js';
import { readWorkbookDocument } from '../../src/io/read-input.js';
import { xlsxDocument } from '../../src/io/xlsx/document.js';
import { modelToJson } from '../../src/model/serialize.js';
import { readDocument } from '../../src/reader/read-document.js';
import { FIXTURES } from '../helpers/fixtures.js';

const workbooks = [
  ...readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx')),
  ...readdirSync(join(FIXTURES, 'variants')).map((f) => join('variants', f)),
  ...readdirSync(join(FIXTURES, 'prior-2023')).map((f) => join('prior-2023', f)),
];

describe('the sheet reader reads every fixture as exceljs does', () => {
  for (const name of workbooks) {
    it(name, async () => {
      const file = join(FIXTURES, name);
      const ours = readDocument(await readWorkbookDocument(file));
      const theirs = readDocument(xlsxDocument(await loadWorkbook(file), file));
      expect(modelToJson(ours)).toEqual(modelToJson(theirs));
    });
  }
});
