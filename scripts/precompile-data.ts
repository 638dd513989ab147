// Build step: parse the built-in catalog, rule files, narrative claims and template sets once, write dist/builtin-data.json.
// The JSON is data (what the YAML says), checked against the YAML's hash at every load.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { packageRoot } from '../src/util/package-root.js';
import { PRECOMPILED_FILE } from '../src/util/precompiled.js';
import { builtinData } from './builtin-data.js';

const data = builtinData();
const json = JSON.stringify(data);
// parsed rules are plain data; a value JSON cannot carry would silently change a rule
if (!isDeepStrictEqual(JSON.parse(json), data)) throw new Error('precompiled data does not survive JSON');
writeFileSync(join(packageRoot(), PRECOMPILED_FILE), json);
