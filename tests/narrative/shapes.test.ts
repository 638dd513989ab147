/**
 * The narrative shapes (fixtures/src/narrative-shapes.yaml → fixtures/narrative/): every fixture
 * is what the builder makes of the source, byte for byte; checked alone, every fixture gives
 * exactly the findings its {rule-id} markers name, at their paragraphs (the consistent texts:
 * none at all, at any severity); every text-only narrative rule has a wrong text that shows it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findRepoRoot } from '../../scripts/fixtures/build.js';
import {
  loadShapes,
  markers,
  type Shape,
  SHAPES_DIR_REL,
  SHAPES_SOURCE_REL,
  shapeFixtureTexts,
  stripMarkers,
} from '../../scripts/fixtures/narrative-shapes.js';
import { checkNarrative } from '../../src/narrative/check.js';
import { figuresOf } from '../../src/report/figures.js';
import { narrativeRules, paragraphsOfText } from './helpers.js';

const root = findRepoRoot();
const dir = path.join(root, SHAPES_DIR_REL);
/** What the builder writes (file name → text), made in memory: a thousand files, each read back, cost seconds of I/O. */
let built = new Map<string, string>();
let written: string[] = [];
/** The source's shapes, parsed once for the file (330 KB of YAML: 0.1–0.3 s a parse). */
let shapes: Shape[] = [];

beforeAll(async () => {
  shapes = await loadShapes(path.join(root, SHAPES_SOURCE_REL));
  built = await shapeFixtureTexts(root, shapes);
  written = [...built.keys()];
});

/**
 * Rules about a whole 情况说明, not about a shape in it: where it was read (n.source) and a text
 * that states no figure at all (n.no-claims, tested on its own in claims.test.ts) — a shape is an
 * excerpt, and some consistent ones state no figure.
 */
const WHOLE_TEXT = new Set(['n.source', 'n.no-claims']);

/**
 * Expected and actual findings of one fixture, as "rule P#" (whole-text rules aside), and the
 * findings whose 应为 or 实为 every format would show blank (src/report/figures.ts), as "rule/messageId".
 */
function compare(name: string): { expected: string[]; actual: string[]; blankFigures: string[] } {
  const text = readFileSync(path.join(dir, name), 'utf8');
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const paragraphs = paragraphsOfText(stripMarkers(text), name, false);
  // a marker's paragraph: the reader may join lines, so count paragraphs by the stripped line's text
  const expected: string[] = [];
  for (const line of lines) {
    const stripped = stripMarkers(line).trim();
    const para = paragraphs.find((p) => p.text.includes(stripped));
    for (const rule of markers(line)) expected.push(`${rule} ${para?.id ?? '?'}`);
  }
  const narrative = { file: name, source: 'alone' as const, paragraphs };
  const findings = checkNarrative({ narrative, rules: narrativeRules, strict: true }).findings;
  const actual = findings.filter((f) => !WHOLE_TEXT.has(f.ruleId)).map((f) => `${f.ruleId} ${f.location.rowKey ?? ''}`);
  // n.source: the summary of what was read, not a discrepancy
  const blankFigures = findings
    .filter((f) => f.ruleId !== 'n.source')
    .filter((f) => {
      const { expected, actual } = figuresOf(f);
      return expected === '' || actual === '';
    })
    .map((f) => `${f.ruleId}/${f.messageId}`);
  return { expected: expected.sort(), actual: actual.sort(), blankFigures };
}

describe('narrative shapes', () => {
  it('the committed fixtures are the builder output, byte for byte, and nothing else', () => {
    const committed = readdirSync(dir).sort();
    expect(committed).toEqual([...written].sort());
    for (const [name, text] of built) expect(readFileSync(path.join(dir, name), 'utf8') === text, name).toBe(true);
  });

  it('every shape has a consistent and a wrong text in simplified and traditional characters', () => {
    expect(shapes.length).toBeGreaterThanOrEqual(35);
    expect(written.filter((n) => n.endsWith('.txt'))).toHaveLength(shapes.length * 4);
  });

  it('every text-only narrative rule is shown by a wrong text', () => {
    const shown = new Set(shapes.flatMap((s) => s.bad.flatMap(markers)));
    const needTables = new Set(['n.amount', 'n.includes']);
    const textOnly = narrativeRules
      .map((r) => r.id)
      .filter((id) => id.startsWith('n.') && !needTables.has(id) && !WHOLE_TEXT.has(id));
    expect(textOnly.filter((id) => !shown.has(id))).toEqual([]);
  });

  it.each(
    readdirSync(dir)
      .filter((n) => n.endsWith('.txt'))
      .sort(),
  )('%s gives exactly its marked findings, each with an 应为 and an 实为', (name) => {
    const { expected, actual, blankFigures } = compare(name);
    expect(actual).toEqual(expected);
    expect(blankFigures).toEqual([]);
  });
});
