import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG_PATH, parseCatalogText } from '../src/catalog/load-catalog.js';
import { builtinRulePaths, parseRuleFile } from '../src/rules/load-rules.js';
import { packageRoot } from '../src/util/package-root.js';
import { packagePath, precompiled, sha1 } from '../src/util/precompiled.js';

// The build writes dist/builtin-data.json; a run uses it only where the hashes still match.
describe('precompiled built-in data', () => {
  const data = precompiled();

  it.runIf(data !== null)('holds exactly what parsing the current YAML gives, where its hashes match', () => {
    const catalogFile = join(packageRoot(), ...CATALOG_PATH);
    const catalogText = readFileSync(catalogFile, 'utf8');
    const catalog = parseCatalogText(catalogText, catalogFile);
    if (data?.catalog.sha1 === sha1(catalogText))
      expect(data.catalog.data).toEqual(JSON.parse(JSON.stringify(catalog)));
    for (const file of builtinRulePaths()) {
      const text = readFileSync(file, 'utf8');
      const entry = data?.rules.find((r) => r.path === packagePath(file));
      if (!entry || entry.sha1 !== sha1(text)) continue;
      const fresh = parseRuleFile(text, file, catalog).map((r) => ({
        ...r,
        source: { file: packagePath(file), line: r.source.line },
      }));
      expect(entry.data, file).toEqual(JSON.parse(JSON.stringify(fresh)));
    }
  });
});
