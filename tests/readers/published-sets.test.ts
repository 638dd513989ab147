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
import { createChecker } from '../../src/check/index.js';
import type { ReportItem } from '../../scripts/fixtures/report.js';
import { canonical } from '../helpers/canonical.js';
import { canonicalFixture, FIXTURES } from '../helpers/fixtures.js';

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

/** A set's report (its items and page header), made once for all its forms. */
const reports = new Map<string, Promise<{ items: ReportItem[]; header: string }>>();
function report(template: string): Promise<{ items: ReportItem[]; header: string }> {
  let made = reports.get(template);
  if (!made) {
    made = loadSetSource(join(root, SETS_SOURCE_DIR, `${template}.yaml`)).then((src) => {
      const set = loadTemplates(loadCatalog()).find((s) => s.name === template);
      if (!set) throw new Error(`no set ${template}`);
      return {
        items: setReportItems(setSheets(src, set, root, undefined).sheets),
        header: `${src.department}${src.year}年度部门决算`,
      };
    });
    reports.set(template, made);
  }
  return made;
}

async function published(f: SetManifestFile, form: ShapeForm): Promise<string> {
  const { items, header } = await report(f.template);
  const name = `${f.template}.${form}`;
  await writeFile(join(dir, name), shapeBytes(items, form, header));
  return name;
}

describe.each(complete)('template set $template as published', (f) => {
  for (const form of FORMS) {
    it(`${form}: its set, every table in order, the workbook's amounts, no table finding`, async () => {
      const name = await published(f, form);
      // one check: it reads the report as inspect does (the same reader, the same model) and gives the findings too
      const { model, error, findings } = await createChecker({ cwd: dir }).checkFile(name);
      expect(error).toBeUndefined();
      if (!model) throw new Error(`${name}: no model`);
      expect(model.template?.name, model.template?.reason).toBe(f.template);
      expect(
        model.tables.map((t) => t.kind),
        JSON.stringify(model.missingTables),
      ).toEqual(f.tables);
      const wanted = await canonicalFixture(f.file);
      const actual = canonical(model);
      const diff = [...new Set([...Object.keys(wanted), ...Object.keys(actual)])]
        .filter((k) => wanted[k] !== actual[k])
        .map((k) => `${k}: ${wanted[k]} != ${actual[k]}`);
      expect(diff, diff.slice(0, 12).join('\n')).toEqual([]);
      expect(
        findings.filter((x) => x.location.table !== 'narrative' && x.severity !== 'info').map((x) => x.message),
      ).toEqual([]);
    });
  }
});
