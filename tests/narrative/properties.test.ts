/**
 * Property tests of the narrative checker (fast-check): a text written consistently from exact
 * figures gives no finding at warn or above (a false alarm costs more than a miss), and one change
 * the text alone proves wrong is caught by its rule. Seeds are fixed so every run draws the same
 * texts; a counterexample found here becomes a plain unit test or shape before its fix.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { findRepoRoot } from '../../scripts/fixtures/build.js';
import { toTraditional } from '../../scripts/fixtures/narrative-shapes.js';
import { laidOutText, layout, type Layout } from './consistent-text.js';
import { paragraphsOfText, problems } from './helpers.js';
import { type Story, stories } from './stories.js';
import { widerStories } from './stories-wider.js';

let traditional: (text: string) => string = (t) => t;
beforeAll(async () => {
  traditional = await toTraditional(findRepoRoot());
});

/** Runs per property: the first stories more, the wider ones fewer, so the whole file stays fast. */
const RUNS: Record<string, number> = { wider: 25, first: 40 };
const script = fc.boolean();
/** The paragraphs as the reader gives them back from a plain text of that layout (headings are paragraphs too). */
const read = (paragraphs: string[], hant: boolean, l: Layout) =>
  paragraphsOfText(laidOutText(hant ? paragraphs.map(traditional) : paragraphs, l), 'notes.txt', false).map(
    (p) => p.text,
  );
const shown = (paragraphs: string[], findings: { ruleId: string; message: string }[]) =>
  `${paragraphs.join('\n')}\n→ ${findings.map((f) => `${f.ruleId}: ${f.message}`).join('\n  ')}`;

const all = [
  ...Object.entries(stories).map(([name, story]) => ({ name, story, runs: RUNS.first as number })),
  ...Object.entries(widerStories).map(([name, story]) => ({ name, story, runs: RUNS.wider as number })),
];

describe.each(all)(
  'narrative properties: $name',
  ({ name, story, runs }: { name: string; story: fc.Arbitrary<Story>; runs: number }) => {
    it('a consistent text gives no finding at warn or above', () => {
      fc.assert(
        fc.property(story, script, layout, (s, hant, l) => {
          const paragraphs = read(s.paragraphs, hant, l);
          const found = problems(paragraphs);
          expect(found, shown(paragraphs, found)).toEqual([]);
        }),
        { numRuns: runs, seed: 12 + name.length },
      );
    });

    it('each change the text alone proves wrong is caught by its rule', () => {
      fc.assert(
        fc.property(story, script, layout, (s, hant, l) => {
          fc.pre(s.mutations.length > 0);
          for (const m of s.mutations) {
            const paragraphs = read(m.paragraphs, hant, l);
            const found = problems(paragraphs);
            expect(
              found.map((f) => f.ruleId),
              `${m.what}\n${shown(paragraphs, found)}`,
            ).toContain(m.rule);
          }
        }),
        { numRuns: runs, seed: 21 + name.length },
      );
    });
  },
);
