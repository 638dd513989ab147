import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import {
  CLAIMS_PATH,
  ClaimsError,
  loadClaims,
  parseClaimsText,
  parseTraditionalText,
  RESIDUE_CHECKS,
} from '../../src/narrative/catalog/load-claims.js';
import { buildVocabulary } from '../../src/narrative/vocabulary.js';
import { IMPLEMENTATIONS } from '../../src/rules/registry.js';
import { packageRoot } from '../../src/util/package-root.js';

describe('claims catalog (rules/narrative/claims.yaml)', () => {
  it('loads; every subject link names a table and column of the table catalog', () => {
    const claims = loadClaims();
    const tables = loadCatalog().tables;
    for (const s of claims.subjects) {
      for (const link of [s.link, s.budget]) {
        if (!link) continue;
        const table = tables.find((t) => t.kind === link.table);
        expect(table, `${s.id}: table ${link.table}`).toBeDefined();
        expect(
          table?.blocks.flatMap((b) => b.columns.map((c) => c.id)),
          `${s.id}: column`,
        ).toContain(link.column);
      }
    }
  });

  it('names in the vocabulary are unique to one subject (an ambiguous name could not be linked)', () => {
    const vocabulary = buildVocabulary(loadClaims(), loadCatalog());
    const owners = new Map<string, string>();
    for (const s of vocabulary.subjects) {
      for (const name of s.names) {
        expect(owners.get(name) ?? s.id, name).toBe(s.id);
        owners.set(name, s.id);
      }
    }
  });

  it('a bad regular expression or traditional pair is reported with its file and line', () => {
    const claims = readFileSync(join(packageRoot(), ...CLAIMS_PATH), 'utf8');
    const badCue = claims.replace(/^ {2}filler: .*$/m, '  filler: "("');
    const line = badCue.split('\n').findIndex((l) => l.startsWith('  filler:')) + 1;
    expect(() => parseClaimsText(badCue, 'claims.yaml')).toThrow(
      new RegExp(`^情况说明词表 claims\\.yaml 第 ${line} 行：cues\\.filler 的正则表达式无效`),
    );
    expect(() => parseTraditionalText('pairs:\n  - "決决 預"\n', 'traditional.yaml')).toThrow(
      /^情况说明词表 traditional\.yaml 第 2 行：「預」应为两个字/,
    );
  });

  it('is closed: a misspelt key is an error at its line (a typo switched the 三公 and 政府采购 sums off)', () => {
    const claims = readFileSync(join(packageRoot(), ...CLAIMS_PATH), 'utf8');
    const typos = claims
      .replace(/^partitions:$/m, 'partitons:')
      .replace('  - { id: breakdown, intro:', '  - { id: breakdown, intr:')
      .replace(
        '    link: { table: "01", block: income, row: { role: grand-total }, column: amount }',
        '    link: { table: "01", blok: income, row: { role: grand-total }, column: amount }',
      );
    let error: unknown;
    try {
      parseClaimsText(typos, 'claims.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ClaimsError);
    const lineOf = (text: string) => typos.split('\n').findIndex((l) => l.includes(text)) + 1;
    expect((error as ClaimsError).problems.map((p) => [p.code, p.line])).toEqual([
      ['unknown-key', lineOf('blok: income')],
      ['unknown-key', lineOf('partitons:')],
      ['unknown-key', lineOf('intr:')],
    ]);
    expect((error as ClaimsError).message).toContain('不认识的键「partitons」');
  });

  it('a partition names its parts written bare one for one; fewer is an error at its line', () => {
    const claims = readFileSync(join(packageRoot(), ...CLAIMS_PATH), 'utf8');
    const short = claims.replace('bare: [basic, project]', 'bare: [basic]');
    expect(short).not.toBe(claims);
    const line = short.split('\n').findIndex((l) => l.includes('bare: [basic]')) + 1;
    expect(() => parseClaimsText(short, 'claims.yaml')).toThrow(
      new RegExp(`第 ${line} 行：partitions\\[[0-9]+\\]\\.bare 应与 parts 一一对应`),
    );
  });

  it('a residue pattern names its check from a closed list of registered implementations; another is an error at its line', () => {
    for (const [check, messageId] of Object.entries(RESIDUE_CHECKS))
      expect(Object.keys(IMPLEMENTATIONS.get(check)?.messages ?? {}), check).toContain(messageId);
    expect(loadClaims().residue.find((r) => r.id === 'placeholder')?.check).toBe('narrative.placeholder');
    expect(loadClaims().residue.find((r) => r.id === 'guidance')?.check).toBe('narrative.template-residue');
    const claims = readFileSync(join(packageRoot(), ...CLAIMS_PATH), 'utf8');
    const wrong = claims.replace('    check: narrative.placeholder', '    check: narrative.share');
    const line = wrong.split('\n').indexOf('    check: narrative.share') + 1;
    expect(line).toBeGreaterThan(0);
    expect(() => parseClaimsText(wrong, 'claims.yaml')).toThrow(
      new RegExp(
        `^情况说明词表 claims\\.yaml 第 ${line} 行：residue\\[[0-9]+\\]\\.check「narrative\\.share」不是可用的检查`,
      ),
    );
  });
});
