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
import { problems } from './helpers.js';
import { type Story, stories } from './stories.js';

let traditional: (text: string) => string = (t) => t;
beforeAll(async () => {
  traditional = await toTraditional(findRepoRoot());
});

const RUNS = 60;
const script = fc.boolean();
const shown = (paragraphs: string[], findings: { ruleId: string; message: string }[]) =>
  `${paragraphs.join('\n')}\n→ ${findings.map((f) => `${f.ruleId}: ${f.message}`).join('\n  ')}`;

describe.each(Object.entries(stories))('narrative properties: %s', (name, story: fc.Arbitrary<Story>) => {
  it('a consistent text gives no finding at warn or above', () => {
    fc.assert(
      fc.property(story, script, (s, hant) => {
        const paragraphs = hant ? s.paragraphs.map(traditional) : s.paragraphs;
        const found = problems(paragraphs);
        expect(found, shown(paragraphs, found)).toEqual([]);
      }),
      { numRuns: RUNS, seed: 12 + name.length },
    );
  });

  it('each change the text alone proves wrong is caught by its rule', () => {
    fc.assert(
      fc.property(story, script, (s, hant) => {
        fc.pre(s.mutations.length > 0);
        for (const m of s.mutations) {
          const paragraphs = hant ? m.paragraphs.map(traditional) : m.paragraphs;
          const found = problems(paragraphs);
          expect(
            found.map((f) => f.ruleId),
            `${m.what}\n${shown(paragraphs, found)}`,
          ).toContain(m.rule);
        }
      }),
      { numRuns: RUNS, seed: 21 + name.length },
    );
  });
});
