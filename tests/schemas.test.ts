import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadCatalog } from '../src/catalog/load-catalog.js';
import { templateNames } from '../src/catalog/templates.js';
import { CONFIG_KEYS, loadConfig, NARRATIVE_CONVENTIONS } from '../src/config/config.js';
import { narrativeRulePaths, priorRulePaths } from '../src/narrative/rule-paths.js';
import { formatNames } from '../src/report/formatters.js';
import { builtinRulePaths, parseRuleFile } from '../src/rules/index.js';
import { FILTER_KEYS } from '../src/rules/parse/filter.js';
import { RULE_KEYS } from '../src/rules/parse/rule.js';
import { IMPLEMENTATIONS } from '../src/rules/registry.js';
import { packageRoot } from '../src/util/package-root.js';
import { workdir, writeText } from './helpers/workdir.js';

/**
 * The JSON Schemas shipped for editors (schemas/*.json: completion and checking of
 * juesuan.config.yaml and rule files as one types) must say what the reader accepts: every
 * built-in rule file and every documented configuration validates; the keys they list are the
 * reader's closed vocabularies; a typo the reader refuses, the schema refuses too.
 */
type Schema = {
  properties: Record<string, unknown>;
  definitions: Record<string, { properties: Record<string, unknown>; oneOf?: unknown[] }>;
};
const read = (name: string) => JSON.parse(readFileSync(join(packageRoot(), 'schemas', name), 'utf8')) as Schema;
const rulesSchema = read('rules.schema.json');
const configSchema = read('juesuan.config.schema.json');
const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
const validRules = ajv.compile(rulesSchema);
const validConfig = ajv.compile(configSchema);

function errors(validate: ValidateFunction, data: unknown): string[] {
  return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

const dir = workdir();

describe('schemas/rules.schema.json', () => {
  const files = [...builtinRulePaths(), ...narrativeRulePaths(), ...priorRulePaths()];

  it.each(files.map((f) => [f.slice(packageRoot().length + 1), f]))('%s validates', (_, file) => {
    expect(errors(validRules, parse(readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('lists the reader’s keys: a rule’s, a row filter’s, forEach’s, the registry’s implementations', () => {
    const defs = rulesSchema.definitions;
    expect(Object.keys(defs.rule?.properties ?? {}).sort()).toEqual([...RULE_KEYS].sort());
    expect(Object.keys(defs.filter?.properties ?? {}).sort()).toEqual([...FILTER_KEYS].sort());
    expect(Object.keys(defs.forEach?.properties ?? {}).sort()).toEqual([...FILTER_KEYS, 'columns'].sort());
    // check: names one implementation of the closed registry (src/rules/registry.ts), in its order
    expect((defs.rule?.properties.check as { enum: string[] } | undefined)?.enum).toEqual([...IMPLEMENTATIONS.keys()]);
  });

  it('refuses what the reader refuses: misspelt keys, a bad severity, two expression forms, check with assert', () => {
    const rule = readFileSync(builtinRulePaths().find((f) => f.endsWith('t03.yaml')) as string, 'utf8');
    const mutations: [string, string][] = [
      ['    table: "03"', '    tabel: "03"'],
      ['severity: error', 'severity: fatal'],
      ['forEach: {}', 'forEach: { levle: 项 }'],
      ['      op: "="', '      op: "=="'],
      [
        '      left: total',
        '      left: { cell: { row: { total: true }, column: total }, sumRows: { column: total } }',
      ],
      ['      left: total', '      left: { cell: { row: { role: total, line: 3 }, column: total } }'],
      ['    table: "03"', '    check: missing-tables\n    table: "03"'],
    ];
    for (const [from, to] of mutations) {
      const text = rule.replace(from, to);
      expect(text, from).not.toBe(rule);
      expect(() => parseRuleFile(text, 'my.yaml'), to).toThrow();
      expect(errors(validRules, parse(text)), to).not.toEqual([]);
    }
  });
  it('check: takes a registered implementation’s name and nothing else, for both', () => {
    const ruleWith = (check: string) =>
      `rules:\n  - id: my.rule\n    title: 测试\n    severity: warn\n    explain: 说明\n    check: ${check}\n`;
    expect(errors(validRules, parse(ruleWith('narrative.share')))).toEqual([]);
    expect(() => parseRuleFile(ruleWith('narrative.share'), 'my.yaml')).not.toThrow();
    // the old catch-all name, and a misspelt one
    for (const name of ['narrative', 'narrative.shares']) {
      expect(errors(validRules, parse(ruleWith(name))), name).not.toEqual([]);
      expect(() => parseRuleFile(ruleWith(name), 'my.yaml'), name).toThrow(/第 6 行/);
    }
  });
});

describe('schemas/juesuan.config.schema.json', () => {
  const readme = readFileSync(join(packageRoot(), 'README.md'), 'utf8');
  const example = /### Configuration[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';

  it('the README’s configuration validates, and the reader reads it', () => {
    expect(example).toContain('failOn:');
    expect(errors(validConfig, parse(example))).toEqual([]);
    expect(() => loadConfig(writeText(dir, 'readme.config.yaml', example))).not.toThrow();
  });

  it.each([
    ['an empty file', ''],
    ['every key', 'failOn: warn\nrules:\n  t03.row-total: { severity: info }\nruleFiles: [a.yaml]\nbaseline: b.yaml\n'],
    [
      'formats and thresholds',
      'formats:\n  json: out/r.json\n  stylish: stdout\ndiff: { thresholdRate: 12.5, thresholdAmount: "3" }\n',
    ],
    ['conventions', 'narrative:\n  rate100WhenOverBudget: accept\n  sharesNudgedTo100: { severity: warn }\n'],
    ['a template set', 'template: sichuan\n'],
  ])('%s: valid for both', (_, text) => {
    expect(errors(validConfig, parse(text) ?? null)).toEqual([]);
    expect(() => loadConfig(writeText(dir, 'ok.yaml', text))).not.toThrow();
  });

  it.each([
    ['a misspelt key', 'failon: warn\n'],
    ['a bad severity', 'rules:\n  t03.row-total: loud\n'],
    ['an unknown format', 'formats:\n  pdf: out.pdf\n'],
    ['an unknown convention', 'narrative:\n  roundedUp: accept\n'],
    ['a misspelt threshold', 'diff: { thresholdRat: 30 }\n'],
    ['an empty baseline', 'baseline: ""\n'],
    ['an unknown template set', 'template: atlantis\n'],
  ])('%s: refused by both', (_, text) => {
    expect(errors(validConfig, parse(text))).not.toEqual([]);
    expect(() => loadConfig(writeText(dir, 'bad.yaml', text))).toThrow();
  });

  it('lists the reader’s keys, conventions, formats and template sets', () => {
    expect(Object.keys(configSchema.properties).sort()).toEqual([...CONFIG_KEYS].sort());
    const narrative = configSchema.properties.narrative as { properties: Record<string, unknown> };
    expect(Object.keys(narrative.properties).sort()).toEqual(Object.keys(NARRATIVE_CONVENTIONS).sort());
    const formats = configSchema.properties.formats as { propertyNames: { enum: string[] } };
    expect(formats.propertyNames.enum).toEqual(formatNames('check'));
    const template = configSchema.properties.template as { enum: string[] };
    expect(template.enum).toEqual(templateNames(loadCatalog()));
  });

  it('ships in the package', () => {
    const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { files: string[] };
    expect(pkg.files).toContain('schemas');
  });
});
