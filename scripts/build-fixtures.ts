/**
 * Rebuilds the committed fixtures: fixtures/seed-2024.xlsx, fixtures/variants/*.xlsx and
 * fixtures/variants.json from fixtures/src/seed-2024.yaml; fixtures/prior-2023.xlsx,
 * fixtures/prior-2023/*.xlsx and fixtures/prior-2023.json from fixtures/src/seed-2023.yaml;
 * fixtures/published/ (the seed as published, and files its readers refuse) from
 * fixtures/src/seed-2024-published.txt;
 * fixtures/narrative/ (the narrative shapes) from fixtures/src/narrative-shapes.yaml.
 *   npx tsc -p tsconfig.build.json && node dist/scripts/build-fixtures.js
 * tests/fixtures-build.test.ts fails when the committed files drift from the source.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildFixtures, findRepoRoot } from './fixtures/build.js';
import { buildPublished } from './fixtures/published.js';
import { buildShapeFixtures, SHAPES_DIR_REL } from './fixtures/narrative-shapes.js';
import { buildPriorFixtures, PRIOR_MANIFEST_NAME, PRIOR_SOURCE_REL } from './fixtures/prior.js';
import { buildSetFixtures, SETS_MANIFEST } from './fixtures/sets/build.js';

export { buildFixtures } from './fixtures/build.js';

async function main(): Promise<void> {
  const outDir = path.join(findRepoRoot(), 'fixtures');
  const manifest = await buildFixtures(outDir);
  for (const f of manifest.files) process.stdout.write(`wrote ${path.join('fixtures', f.file)}\n`);
  process.stdout.write(`wrote ${path.join('fixtures', 'variants.json')}\n`);
  // the report as published (text, Word, HTML, PDF) and the inputs its readers must refuse
  for (const f of await buildPublished(outDir)) process.stdout.write(`wrote ${path.join('fixtures', f)}\n`);
  const prior = await buildPriorFixtures(outDir, path.join(findRepoRoot(), PRIOR_SOURCE_REL));
  for (const f of prior.files) process.stdout.write(`wrote ${path.join('fixtures', f.file)}\n`);
  process.stdout.write(`wrote ${path.join('fixtures', PRIOR_MANIFEST_NAME)}\n`);
  const sets = await buildSetFixtures(findRepoRoot());
  for (const f of sets) process.stdout.write(`wrote ${path.join('fixtures', f.file)}\n`);
  process.stdout.write(`wrote ${path.join('fixtures', SETS_MANIFEST)}\n`);
  const shapes = await buildShapeFixtures(findRepoRoot(), path.join(findRepoRoot(), SHAPES_DIR_REL));
  process.stdout.write(`wrote ${shapes.length} files in ${SHAPES_DIR_REL}\n`);
}

// Run only as a program, so tests can import this module without rebuilding fixtures/.
const invoked = process.argv[1];
if (invoked !== undefined && import.meta.url === pathToFileURL(invoked).href) {
  main().catch((err: unknown) => {
    process.stderr.write(`build-fixtures: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}
