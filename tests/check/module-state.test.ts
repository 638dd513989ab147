import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/dist.js';

/**
 * No module-level cache of a run's data: what one check computes (rule setups, last year's model,
 * the narrative and its verdicts, table indexes) lives in the checker or the per-document context
 * (src/check), so two checkers — two configurations, two cwds, a web server's requests — never
 * share or leak state. The module-level memos left are of immutable built-in data, each listed
 * here with why; a new one fails this test until it is justified here.
 */
const ALLOWED: Record<string, string> = {
  'src/catalog/load-catalog.ts': 'the built-in table catalog, parsed once per process',
  'src/catalog/templates.ts': 'the built-in template sets, parsed once per process',
  'src/narrative/catalog/load-claims.ts':
    'the built-in claims catalog and traditional→simplified map, parsed once per process',
  'src/reader/titles.ts': 'title patterns indexed per catalog, longest first (keyed by the immutable catalog object)',
  'src/completeness/checks.ts': 'constant sets of budget block and column ids',
  'src/util/precompiled.ts': 'the build’s precompiled rules and catalog',
  'src/util/package-root.ts': 'the installed package’s folder',
  'src/util/yaml.ts': 'the yaml module, loaded on first use',
  'src/money/interval.ts': 'one Decimal radius per number of decimals (immutable values)',
  'src/rules/eval/micros.ts':
    'one Decimal and one text per sum of radii in millionths (immutable values, at most 4,096 each)',
  'src/reader/rows.ts': 'function class names indexed per catalog (keyed by the immutable catalog object)',
  'src/reader/header.ts':
    'row label keys and normalised column aliases per catalog table or block (keyed by the immutable catalog objects)',
  'src/reader/template.ts':
    'per template set its compiled markers and normalised titles, and the catalog it claims (keyed by the immutable set and catalog objects)',
  'src/rules/registry.ts': 'the registry of rule implementations (constant)',
  'src/io/guard.ts': 'a constant set of file extensions',
  'src/io/docx/read-docx.ts': 'a constant set of Word element names whose content is not text',
  'src/io/html/read-html.ts': 'constant sets of HTML element names (block, skipped, void)',
  'src/io/pdf/radicals.ts': 'a constant table of supplementary radicals and the ideographs they stand for',
  'src/io/output/writer.ts': 'a constant set of the paths that name stdout',
  'src/util/package-version.ts': 'the installed package’s version, read once',
  'src/narrative/register/build.ts': 'a constant set of subject ids a text may restate',
  'src/narrative/catalog/partitions.ts':
    'every covering of every partition per claims catalog (keyed by the immutable partitions array)',
  'src/narrative/register/key.ts': 'a constant set of the totals that name no fund of their own',
  'src/narrative/extract/share.ts':
    'the share cue anchored after a figure, compiled once per catalog cue (keyed by the immutable RegExp)',
  'src/narrative/vocabulary.ts':
    'the subjects, names by first character and outdated class names of a pair of catalogs (keyed by the immutable catalog objects)',
  'src/narrative/text/normalise.ts':
    'what each UTF-16 unit becomes in matching text, per simplify table (keyed by its function; a pure function of the unit)',
  'src/web/node/volume.ts':
    'the browser bundle’s in-memory files (only in the page: Node never loads it); each check replaces its inputs',
  'src/web/node/fs.ts': 'the open descriptors of the browser bundle’s in-memory files (only in the page)',
  'src/web/page.ts': 'the page’s own state: the files the officer chose, the engine connection (browser only)',
  'src/report/wrap.ts':
    'the grapheme segmenter, made on first use (building it loads ICU rules: not at start-up), and the terminal width of each plain UTF-16 unit (Unicode data, 64 KiB)',
};

const STATE =
  /^(?:export )?(?:let|var) |^(?:export )?const [A-Za-z_$][\w$]*\s*(?::[^=]+)?=\s*new (?:Weak)?(?:Map|Set)\b/m;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('module-level state in src/', () => {
  const stateful = files(join(ROOT, 'src'))
    .filter((f) => STATE.test(readFileSync(f, 'utf8')))
    .map((f) => relative(ROOT, f).split('\\').join('/'));

  it('is only memoised immutable built-in data, each file listed with its reason', () => {
    expect(stateful.filter((f) => !(f in ALLOWED))).toEqual([]);
  });

  it('the list has no stale entries (and the scan finds what it should)', () => {
    expect(Object.keys(ALLOWED).filter((f) => !stateful.includes(f))).toEqual([]);
  });
});
