/**
 * The committed narrative fixtures must be what the builder makes of
 * fixtures/src/seed-2024-narrative.yaml: the .txt and .docx byte for byte (the .docx is written
 * with stored entries and a fixed date, so it is deterministic), the workbook cell by cell.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { readInput } from '../../src/io/read-input.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRepoRoot, SOURCE_REL } from '../../scripts/fixtures/build.js';
import { buildNarrativeFixtures, NARRATIVE_FILES, NARRATIVE_SOURCE_REL } from '../../scripts/fixtures/narrative.js';
import { loadSource } from '../../scripts/fixtures/source.js';

const root = findRepoRoot();
const fixtures = path.join(root, 'fixtures');
let outDir = '';
let paragraphs: string[] = [];

async function cells(file: string): Promise<Record<string, Record<string, unknown>>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: Record<string, Record<string, unknown>> = {};
  for (const ws of wb.worksheets) {
    const sheet: Record<string, unknown> = { merges: [...ws.model.merges].sort() };
    ws.eachRow((row) => row.eachCell((c) => (sheet[c.address] = c.type === ExcelJS.ValueType.Merge ? null : c.value)));
    out[ws.name] = sheet;
  }
  return out;
}

beforeAll(async () => {
  outDir = await mkdtemp(path.join(os.tmpdir(), 'juesuan-narrative-'));
  const source = await buildNarrativeFixtures(
    await loadSource(path.join(root, SOURCE_REL)),
    path.join(root, NARRATIVE_SOURCE_REL),
    outDir,
  );
  paragraphs = source.paragraphs;
});

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe('narrative fixtures match their source', () => {
  it.each([NARRATIVE_FILES.text, NARRATIVE_FILES.docx])('%s is rebuilt byte for byte', async (name) => {
    expect((await readFile(path.join(outDir, name))).equals(await readFile(path.join(fixtures, name)))).toBe(true);
  });

  it(`${NARRATIVE_FILES.workbook}: every sheet and cell equals the rebuilt one`, async () => {
    expect(await cells(path.join(outDir, NARRATIVE_FILES.workbook))).toEqual(
      await cells(path.join(fixtures, NARRATIVE_FILES.workbook)),
    );
  });

  it('the .docx reads back as the source paragraphs', async () => {
    const file = path.join(fixtures, NARRATIVE_FILES.docx);
    const { document } = await readInput(file, file, { want: 'text' });
    expect(document.text?.map((p) => p.text)).toEqual(paragraphs);
  });
});
