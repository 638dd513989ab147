import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import {
  loadTemplates,
  parseReportPartsText,
  parseTemplateText,
  parseTemplateTexts,
  REPORT_PARTS_PATH,
  TEMPLATES_DIR,
  TemplateError,
  templateTexts,
} from '../../src/catalog/templates.js';
import { packageRoot } from '../../src/util/package-root.js';

/**
 * The template-set files (rules/catalog/templates/*.yaml, report-parts.yaml) go through the one
 * strict YAML reader: closed mappings, every problem at once, each at its line.
 */
const catalog = loadCatalog();
const partsText = readFileSync(join(packageRoot(), ...REPORT_PARTS_PATH), 'utf8');
const parts = parseReportPartsText(partsText, 'report-parts.yaml');
const sichuan = readFileSync(join(packageRoot(), ...TEMPLATES_DIR, 'sichuan.yaml'), 'utf8');
const lineOf = (text: string, fragment: string) => text.split('\n').findIndex((l) => l.includes(fragment)) + 1;

function problemsOf(read: () => unknown): [string, number][] {
  try {
    read();
  } catch (error) {
    if (error instanceof TemplateError) return error.problems.map((p) => [p.code, p.line]);
    throw error;
  }
  throw new Error('no error');
}

describe('template-set files', () => {
  it('read as the loaded sets', () => {
    const { files } = templateTexts();
    const parsed = parseTemplateTexts(files, catalog).map((s) => ({ ...s, source: '' }));
    expect(parsed).toEqual(loadTemplates(catalog).map((s) => ({ ...s, source: '' })));
  });

  it('are closed: misspelt keys, an unknown kind and an unknown part in one file are all reported, each at its line', () => {
    const broken = sichuan
      .replace('tablesAt: after-narrative', 'tablesAt: after-narative')
      .replace('{ kind: "02", number: 表1-1,', '{ kind: "02", numbr: 表1-1,')
      .replace('{ kind: gp-project,', '{ kind: gp-projects,')
      .replace('parts: [duties,', 'parts: [dutys,');
    expect(problemsOf(() => parseTemplateText(broken, 'sichuan.yaml', catalog, parts))).toEqual([
      ['bad-value', lineOf(sichuan, 'tablesAt:')],
      ['unknown-key', lineOf(sichuan, '{ kind: "02", number: 表1-1,')],
      ['unknown-kind', lineOf(sichuan, '{ kind: gp-project,')],
      ['unknown-part', lineOf(sichuan, 'parts: [duties,')],
    ]);
  });

  it('the message names the kind of file, the file and the line', () => {
    expect(() => parseTemplateText(sichuan.replace('title:', 'titel:'), 'sichuan.yaml', catalog, parts)).toThrow(
      /^表套文件 sichuan\.yaml 第 \d+ 行：/,
    );
    expect(() => parseReportPartsText('parts: [', 'report-parts.yaml')).toThrow(
      /^表套文件 report-parts\.yaml 第 1 行：YAML 语法错误/,
    );
  });

  it('report-parts.yaml: a part without labels and a duplicate id are reported at their lines', () => {
    const text =
      'parts:\n  - { id: a, name: 甲, labels: [甲] }\n  - { id: b, name: 乙, labels: [] }\n  - { id: a, name: 丙, labels: [丙] }\n';
    expect(problemsOf(() => parseReportPartsText(text, 'report-parts.yaml'))).toEqual([
      ['bad-value', 3],
      ['duplicate', 4],
    ]);
  });

  it('two files naming the same set: the second is refused at its template: line', () => {
    const { files } = templateTexts();
    const [partsFile, first] = files;
    if (!partsFile || !first) throw new Error('no template files');
    const copy = { path: 'copy.yaml', text: `# a copy\n${first.text}` };
    expect(problemsOf(() => parseTemplateTexts([partsFile, first, copy], catalog))).toEqual([
      ['duplicate', lineOf(copy.text, 'template:')],
    ]);
  });
});
