import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readZip, writeZip, type ZipPart } from '../../scripts/fuzz/zip.js';
import { FIXTURES } from '../helpers/fixtures.js';

/** The seed workbook's parts (sheet3.xml is 支出决算表, sheet1.xml 收入支出决算总表). */
export function seedParts(): ZipPart[] {
  return readZip(readFileSync(join(FIXTURES, 'seed-2024.xlsx')));
}

/** A copy of the seed with some parts' XML edited, written to `dir/name`. */
export function seedWith(dir: string, name: string, edits: Record<string, (xml: string) => string>): string {
  const parts = seedParts().map((p) => {
    const edit = edits[p.name];
    return edit ? { name: p.name, data: Buffer.from(edit(p.data.toString('utf8')), 'utf8') } : p;
  });
  const path = join(dir, name);
  writeFileSync(path, writeZip(parts));
  return path;
}

/** Adds a <mergeCells> entry (or the element) to a worksheet's XML. */
export function addMerge(ref: string): (xml: string) => string {
  return (xml) =>
    xml.includes('<mergeCells')
      ? xml.replace(
          /<mergeCells count="(\d+)">/,
          (_, n: string) => `<mergeCells count="${Number(n) + 1}"><mergeCell ref="${ref}"/>`,
        )
      : xml.replace('</sheetData>', `</sheetData><mergeCells count="1"><mergeCell ref="${ref}"/></mergeCells>`);
}

/** Appends a row holding one cell to a worksheet's sheetData. */
export function addCell(ref: string, cellXml: string): (xml: string) => string {
  const row = ref.replace(/^[A-Z]+/, '');
  return (xml) => xml.replace('</sheetData>', `<row r="${row}"><c r="${ref}"${cellXml}</c></row></sheetData>`);
}

/** Replaces one cell's XML (`<c r="E9" …>…</c>` or `<c r="E9" …/>`). */
export function setCell(ref: string, cellXml: string): (xml: string) => string {
  return (xml) => xml.replace(new RegExp(`<c r="${ref}"[^>]*?(?:/>|>.*?</c>)`), `<c r="${ref}"${cellXml}</c>`);
}
