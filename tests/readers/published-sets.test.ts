/**
 * Every province's template set (fixtures/src/sets: its own table order, titles, numbering and
 * table shapes) as published — a ruled PDF, its `pdftotext -layout` text and a tab-separated copy
 * (scripts/fixtures/report-text.ts: wrapped labels, page numbers inside tables, 类/款/项 over one
 * code column, a 收入支出决算总表 without 行次) — reads to the same tables as its workbook, in the
 * set's order, detected as that set, with no table finding.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path, { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRepoRoot } from '../../scripts/fixtures/build.js';
import { setReportItems, shapeBytes, type ShapeForm } from '../../scripts/fixtures/published-shapes.js';
import { type SetManifestFile, SETS_SOURCE_DIR, setSheets } from '../../scripts/fixtures/sets/build.js';
import { loadSetSource } from '../../scripts/fixtures/sets/source.js';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { loadTemplates } from '../../src/catalog/templates.js';
import { run } from '../../src/cli.js';
import { memoryIO } from '../../src/cli/io.js';
import { readInput } from '../../src/io/read-input.js';
import type { Finding } from '../../src/model/finding.js';
import { canonical } from '../helpers/canonical.js';
import { FIXTURES, readFixture } from '../helpers/fixtures.js';

const root = findRepoRoot();
const manifest = JSON.parse(readFileSync(join(FIXTURES, 'sets.json'), 'utf8')) as { files: SetManifestFile[] };
// the complete report of each set (its variants drop or empty tables on purpose)
// (the 财政部 export is known by its sheet codes, which a printed report does not carry)
const complete = manifest.files.filter(
  (f) => f.expected.length === 0 && !/-(without|traditional)/.test(f.file) && f.template !== 'mof-export',
);
const FORMS: ShapeForm[] = (process.env.FORMS?.split(',') as ShapeForm[] | undefined) ?? [
  'cid.pdf',
  'layout.txt',
  'tabs.txt',
];

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'juesuan-sets-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function published(f: SetManifestFile, form: ShapeForm): Promise<string> {
  const sets = loadTemplates(loadCatalog());
  const src = await loadSetSource(join(root, SETS_SOURCE_DIR, `${f.template}.yaml`));
  const set = sets.find((s) => s.name === f.template);
  if (!set) throw new Error(`no set ${f.template}`);
  const items = setReportItems(setSheets(src, set, root, undefined).sheets);
  const name = `${f.template}.${form}`;
  await writeFile(join(dir, name), shapeBytes(items, form, `${src.department}${src.year}年度部门决算`));
  return name;
}

describe.each(complete)('template set $template as published', (f) => {
  for (const form of FORMS) {
    it(`${form}: its set, every table in order, the workbook's amounts, no table finding`, async () => {
      const name = await published(f, form);
      const file = join(dir, name);
      const model = (await readInput(file, file, { want: 'tables' })).model;
      expect(model.template?.name, model.template?.reason).toBe(f.template);
      expect(
        model.tables.map((t) => t.kind),
        JSON.stringify(model.missingTables),
      ).toEqual(f.tables);
      const wanted = canonical(await readFixture(f.file));
      const actual = canonical(model);
      const diff = [...new Set([...Object.keys(wanted), ...Object.keys(actual)])]
        .filter((k) => wanted[k] !== actual[k])
        .map((k) => `${k}: ${wanted[k]} != ${actual[k]}`);
      expect(diff, diff.slice(0, 12).join('\n')).toEqual([]);
      const io = memoryIO({ cwd: dir });
      await run(['check', name, '--format', 'json'], io);
      const findings = (JSON.parse(io.stdout.join('')) as { findings: Finding[] }).findings;
      expect(
        findings.filter((x) => x.location.table !== 'narrative' && x.severity !== 'info').map((x) => x.message),
      ).toEqual([]);
    });
  }
});
