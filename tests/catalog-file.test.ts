import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG_PATH, CatalogError, loadCatalog, parseCatalogText } from '../src/catalog/load-catalog.js';
import { packageRoot } from '../src/util/package-root.js';

const text = readFileSync(join(packageRoot(), ...CATALOG_PATH), 'utf8');

function problemsOf(yaml: string): [string, number][] {
  try {
    parseCatalogText(yaml, 'tables.yaml');
  } catch (error) {
    if (error instanceof CatalogError) return error.problems.map((p) => [p.code, p.line]);
    throw error;
  }
  throw new Error('no error');
}

describe('the table catalog (rules/catalog/tables.yaml)', () => {
  it('reads as the loaded catalog', () => {
    expect(parseCatalogText(text, 'tables.yaml')).toEqual(loadCatalog());
  });

  it('is closed: misspelt keys and bad values in several tables are all reported, each at its line', () => {
    const lines = text.split('\n');
    const lineOf = (fragment: string, from = 0) => lines.findIndex((l, i) => i >= from && l.includes(fragment)) + 1;
    const broken = text
      .replace('    titles: [收入支出决算总表,', '    titels: [收入支出决算总表,')
      .replace('rowKey: function-code', 'rowKey: function-codes')
      .replace('{ id: basic, name: 基本支出, aliases:', '{ id: basic, nmae: 基本支出, aliases:');
    expect(problemsOf(broken)).toEqual([
      ['unknown-key', lineOf('    titles: [收入支出决算总表,')],
      ['bad-value', lineOf('rowKey: function-code')],
      ['unknown-key', lineOf('{ id: basic, name: 基本支出, aliases:')],
    ]);
  });

  it('a block’s sums name its own columns, two or more each', () => {
    const lines = text.split('\n');
    const lineOf = (fragment: string) => lines.findIndex((l) => l.includes(fragment)) + 1;
    const broken = text
      .replace('sums: [[total, basic, project, remit, operating, subsidiary]]', 'sums: [[total, basic, projekt]]')
      .replace('sums: [[subtotal, general, fund, state-capital]]', 'sums: [[subtotal]]');
    expect(problemsOf(broken)).toEqual([
      ['bad-value', lineOf('sums: [[total, basic, project, remit, operating, subsidiary]]')],
      ['bad-value', lineOf('sums: [[subtotal, general, fund, state-capital]]')],
    ]);
  });

  it('a YAML mistake is named at its line, and the message names the file', () => {
    expect(() => parseCatalogText('structural: [', 'tables.yaml')).toThrow(
      /^表目录 tables\.yaml 第 1 行：YAML 语法错误/,
    );
    expect(problemsOf('structural: {}\ntables: []\nfunctionClasses:\n  "2O1": [一般公共服务支出]\n')).toEqual([
      ['bad-value', 4],
    ]);
  });

  it('functionClassRenamed names former class names with the year of the change, each mistake at its line', () => {
    const classes = 'structural: {}\ntables: []\nfunctionClasses:\n  "210": [卫生健康支出, 医疗卫生与计划生育支出]\n';
    expect(
      parseCatalogText(`${classes}functionClassRenamed:\n  医疗卫生与计划生育支出: 2019\n`, 't.yaml')
        .functionClassRenamed,
    ).toEqual({
      医疗卫生与计划生育支出: 2019,
    });
    // the name in force is no former name; a year must be a year
    expect(
      problemsOf(`${classes}functionClassRenamed:\n  卫生健康支出: 2019\n  医疗卫生与计划生育支出: 十九\n`),
    ).toEqual([
      ['bad-value', 6],
      ['bad-value', 7],
    ]);
  });
});
