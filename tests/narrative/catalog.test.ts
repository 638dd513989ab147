import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { NarrativeCatalogError } from '../../src/narrative/catalog/fields.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadClaims, parseClaims, parseTraditional, RESIDUE_CHECKS } from '../../src/narrative/catalog/load-claims.js';
import { buildVocabulary } from '../../src/narrative/vocabulary.js';
import { IMPLEMENTATIONS } from '../../src/rules/registry.js';
import { packageRoot } from '../../src/util/package-root.js';
import { yaml } from '../../src/util/yaml.js';

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

  it('a bad regular expression or traditional pair is reported with its place in the file', () => {
    const data = {
      subjects: [],
      classes: { names: [], link: { table: '01', row: { total: true }, column: 'amount' } },
      cues: { filler: '(' },
    };
    expect(() => parseClaims(data, 'claims.yaml', (c) => c)).toThrow(NarrativeCatalogError);
    expect(() => parseTraditional({ pairs: ['決决 預'] }, 'traditional.yaml')).toThrow(/traditional.yaml: pairs\[0\]/);
  });

  it('a residue pattern names its check from a closed list of registered implementations; another is refused with its key', () => {
    for (const [check, messageId] of Object.entries(RESIDUE_CHECKS))
      expect(Object.keys(IMPLEMENTATIONS.get(check)?.messages ?? {}), check).toContain(messageId);
    const file = join(packageRoot(), 'rules', 'narrative', 'claims.yaml');
    const data = yaml().parse(readFileSync(file, 'utf8'));
    expect(loadClaims().residue.find((r) => r.id === 'placeholder')?.check).toBe('narrative.placeholder');
    expect(loadClaims().residue.find((r) => r.id === 'guidance')?.check).toBe('narrative.template-residue');
    data.residue[0].check = 'narrative.share';
    expect(() => parseClaims(data, 'claims.yaml', (c) => c)).toThrow(
      /claims\.yaml: residue\[0\]\.check.*narrative\.share/,
    );
  });
});
