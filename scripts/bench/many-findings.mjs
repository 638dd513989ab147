// Writes the fuzzer's many-rows shape (scripts/fuzz/cases.ts, structure.many-rows): the seed
// workbook with `count` rows appended below a table's sheet, each a function code with its amount
// in two columns, so every row breaks an identity: as many findings as rows.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readZip, writeZip } from '../../dist/scripts/fuzz/zip.js';

/** sheet5 is the seed's 一般公共预算财政拨款支出决算表: a finding per row, and a failing sum of all of them. */
export function writeManyFindings(root, file, count = 10_000, sheet = 'xl/worksheets/sheet5.xml') {
  const parts = readZip(readFileSync(join(root, 'fixtures', 'seed-2024.xlsx')));
  const rows = [];
  for (let i = 0; i < count; i++) {
    const n = 100 + i;
    rows.push(
      `<row r="${n}"><c r="A${n}" t="inlineStr"><is><t>${2010000 + i}</t></is></c><c r="E${n}"><v>${i}.5</v></c><c r="F${n}"><v>${i}.5</v></c></row>`,
    );
  }
  const edited = parts.map((p) =>
    p.name === sheet
      ? {
          name: p.name,
          data: Buffer.from(p.data.toString('utf8').replace('</sheetData>', `${rows.join('')}</sheetData>`)),
        }
      : p,
  );
  writeFileSync(file, writeZip(edited));
}
