// What the build precompiles: the built-in catalog, rule files, narrative claims and template sets, parsed from
// their YAML into the JSON a run loads instead (dist/builtin-data.json, see src/util/precompiled.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOG_PATH, parseCatalogText } from '../src/catalog/load-catalog.js';
import { parseTemplateTexts, templateTexts } from '../src/catalog/templates.js';
import {
  CLAIMS_PATH,
  parseClaimsText,
  parseTraditionalText,
  TRADITIONAL_PATH,
} from '../src/narrative/catalog/load-claims.js';
import { narrativeRulePaths, priorRulePaths } from '../src/narrative/rule-paths.js';
import { builtinRulePaths, parseRuleFile } from '../src/rules/load-rules.js';
import { packagePath, sha1, type Precompiled } from '../src/util/precompiled.js';
import { packageRoot } from '../src/util/package-root.js';

/** Parses every built-in data file of the package now. */
export function builtinData(): Precompiled {
  const root = packageRoot();
  const catalogFile = join(root, ...CATALOG_PATH);
  const catalogText = readFileSync(catalogFile, 'utf8');
  const catalog = parseCatalogText(catalogText, catalogFile);
  const claimsFile = join(root, ...CLAIMS_PATH);
  const claimsText = readFileSync(claimsFile, 'utf8');
  const tradFile = join(root, ...TRADITIONAL_PATH);
  const tradText = readFileSync(tradFile, 'utf8');
  const templates = templateTexts();
  return {
    version: 1,
    catalog: { path: packagePath(catalogFile), sha1: sha1(catalogText), data: catalog },
    rules: [...builtinRulePaths(), ...narrativeRulePaths(), ...priorRulePaths()].map((file) => {
      const text = readFileSync(file, 'utf8');
      const rules = parseRuleFile(text, file, catalog).map((r) => ({
        ...r,
        source: { file: packagePath(file), line: r.source.line },
      }));
      return { path: packagePath(file), sha1: sha1(text), catalogSha1: sha1(catalogText), data: rules };
    }),
    claims: {
      path: packagePath(claimsFile),
      sha1: sha1(claimsText),
      data: parseClaimsText(claimsText, claimsFile),
      traditional: {
        path: packagePath(tradFile),
        sha1: sha1(tradText),
        data: parseTraditionalText(tradText, tradFile),
      },
    },
    templates: {
      path: 'rules/catalog/templates',
      sha1: templates.sha1,
      catalogSha1: sha1(catalogText),
      data: parseTemplateTexts(templates.files, catalog).map((s) => ({ ...s, source: packagePath(s.source) })),
    },
  };
}
