// Build step: parse the built-in catalog and rule files once, write dist/builtin-data.json.
// The JSON is data (what the YAML says), checked against the YAML's hash at every load.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { CATALOG_PATH, parseCatalogText } from '../src/catalog/load-catalog.js';
import { parseTemplateTexts, templateTexts } from '../src/catalog/templates.js';
import { builtinRulePaths, parseRuleFile } from '../src/rules/load-rules.js';
import { narrativeRulePaths, priorRulePaths } from '../src/narrative/rule-paths.js';
import { packagePath, PRECOMPILED_FILE, sha1, type Precompiled } from '../src/util/precompiled.js';
import { packageRoot } from '../src/util/package-root.js';

const root = packageRoot();
const catalogFile = join(root, ...CATALOG_PATH);
const catalogText = readFileSync(catalogFile, 'utf8');
const catalog = parseCatalogText(catalogText, catalogFile);
const data: Precompiled = {
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
  templates: (() => {
    const { files, sha1: hash } = templateTexts();
    const sets = parseTemplateTexts(files, catalog).map((s) => ({ ...s, source: packagePath(s.source) }));
    return { path: 'rules/catalog/templates', sha1: hash, catalogSha1: sha1(catalogText), data: sets };
  })(),
};
const json = JSON.stringify(data);
// parsed rules are plain data; a value JSON cannot carry would silently change a rule
if (!isDeepStrictEqual(JSON.parse(json), data)) throw new Error('precompiled data does not survive JSON');
writeFileSync(join(root, PRECOMPILED_FILE), json);
