/**
 * Acceptance on the seed as published: `check` on each form gives exactly the primer's six
 * discrepancies at warn or above (the expected list beside the narrative source, compared as rule
 * ids: paragraph numbers differ from form to form) and no table finding; every claim that names a
 * figure of the tables is verified; hostile inputs are one sentence, exit 2, and stay unchanged.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { run } from '../../src/cli.js';
import { memoryIO } from '../../src/cli/io.js';
import { readInput } from '../../src/io/read-input.js';
import { narrativeOfText } from '../../src/narrative/source.js';
import type { Narrative } from '../../src/narrative/types.js';
import { checkReport, reportFindings } from '../helpers/check-report.js';
import { FIXTURES } from '../helpers/fixtures.js';
import { narrativeVerdicts } from '../narrative/helpers.js';

const PUBLISHED = join(FIXTURES, 'published');
const expected = (
  YAML.parse(readFileSync(join(FIXTURES, 'src', 'seed-2024-narrative.yaml'), 'utf8')) as {
    expected: { rule: string }[];
  }
).expected
  .map((e) => e.rule)
  .sort();

async function cli(args: string[]) {
  const io = memoryIO({ cwd: PUBLISHED });
  const code = await run(args, io);
  return { code, out: io.stdout.join(''), err: io.stderr.join('') };
}

const FORMS = ['seed-2024.txt', 'seed-2024.docx', 'seed-2024.html', 'seed-2024-cid.pdf', 'seed-2024-embedded.pdf'];

describe('check on the seed as published', () => {
  for (const name of FORMS) {
    it(`${name}: exactly the six discrepancies, no table finding`, async () => {
      // the report pdf-bundle.test.ts compares the built CLI's with: made once per worker
      const file = join(PUBLISHED, name);
      expect((await checkReport(file)).code).toBe(1);
      const findings = await reportFindings(file);
      expect(
        findings
          .filter((f) => f.severity !== 'info')
          .map((f) => f.ruleId)
          .sort(),
      ).toEqual(expected);
      expect(findings.filter((f) => f.location.table !== 'narrative')).toEqual([]);
      // narrative findings name where the paragraph is: the line, page or paragraph
      const placed = findings.find((f) => f.ruleId === 'n.direction')?.location;
      expect(placed?.line ?? placed?.page ?? placed?.paragraph).toBeGreaterThan(0);
    });
  }

  it('the seed text: every claim that names a figure of the tables is verified', async () => {
    const input = await readInput(join(PUBLISHED, 'seed-2024.txt'));
    const verdicts = narrativeVerdicts(narrativeOfText(input.document, 'document') as Narrative, input.model);
    // a figure of the tables: a subject linked to a table cell, as the tables state it (not a 年初预算,
    // not a change from last year, which needs last year's tables)
    const ofTables = verdicts.filter(
      (v) =>
        v.claim.kind !== 'yoy' &&
        !('role' in v.claim && v.claim.role === 'budget') &&
        !('subject' in v.claim && v.claim.subject && !('link' in v.claim.subject && v.claim.subject.link)),
    );
    const verified = ofTables.filter((v) => v.outcome !== 'unverifiable');
    expect(verdicts.length).toBeGreaterThanOrEqual(125);
    expect(verified.length / ofTables.length).toBeGreaterThanOrEqual(0.95);
  });
});

describe('unusable published inputs: one sentence, exit 2, input unchanged', () => {
  const cases: [string, string][] = [
    ['hostile/scanned.pdf', '扫描件没有文字层，请提供可复制文字的 PDF 或原始工作簿'],
    ['hostile/encrypted.pdf', '已加密'],
    ['hostile/page-bomb.pdf', '规模异常'],
    ['hostile/stream-bomb.pdf', '规模异常'],
    ['hostile/undecodable.txt', '文字编码无法识别'],
  ];
  for (const [name, marker] of cases) {
    it(name, async () => {
      const path = join(PUBLISHED, name);
      const before = createHash('sha256').update(readFileSync(path)).digest('hex');
      const { code, out, err } = await cli(['check', name]);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err.trimEnd().split('\n')).toHaveLength(1);
      expect(err).toContain(marker);
      expect(err).not.toMatch(/\bat \S+ \(|Error:/);
      expect(createHash('sha256').update(readFileSync(path)).digest('hex')).toBe(before);
    });
  }
});
