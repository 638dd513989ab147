import { describe, expect, it } from 'vitest';
import { builtinData } from '../scripts/builtin-data.js';
import { precompiled } from '../src/util/precompiled.js';

// The build writes dist/builtin-data.json; a run uses each entry only while its hashes match the
// YAML. What is there must be exactly what parsing the current YAML gives — and the comparison must
// have compared something: a stale or missing file would otherwise pass by skipping everything.
describe('precompiled built-in data', () => {
  it('holds exactly what parsing the current YAML gives, where its hashes match; at least the catalog does', () => {
    const data = precompiled();
    expect(data, 'dist/builtin-data.json is missing: run npm run build').not.toBeNull();
    const fresh = JSON.parse(JSON.stringify(builtinData())) as ReturnType<typeof builtinData>;
    const compared: string[] = [];
    if (data?.catalog.sha1 === fresh.catalog.sha1) {
      expect(data.catalog).toEqual(fresh.catalog);
      compared.push(fresh.catalog.path);
    }
    for (const entry of fresh.rules) {
      const pre = data?.rules.find((r) => r.path === entry.path);
      if (!pre || pre.sha1 !== entry.sha1 || pre.catalogSha1 !== entry.catalogSha1) continue;
      expect(pre, entry.path).toEqual(entry);
      compared.push(entry.path);
    }
    const claims = data?.claims;
    if (
      claims &&
      fresh.claims &&
      claims.sha1 === fresh.claims.sha1 &&
      claims.traditional.sha1 === fresh.claims.traditional.sha1
    ) {
      expect(claims).toEqual(fresh.claims);
      compared.push(fresh.claims.path);
    }
    expect(compared.length, 'nothing compared: dist/builtin-data.json is stale, run npm run build').toBeGreaterThan(0);
    expect(compared).toContain('rules/catalog/tables.yaml');
  });
});
