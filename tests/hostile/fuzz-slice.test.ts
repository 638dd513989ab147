import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus, makeCase } from '../../scripts/fuzz/cases.js';
import { classify, hasEnglish } from '../../scripts/fuzz/classify.js';
import { run } from '../../src/cli.js';
import { memoryIO } from '../../src/cli/io.js';
import { ROOT } from '../helpers/dist.js';
import { workdir } from '../helpers/workdir.js';

/**
 * The fuzzer's deterministic slice for CI: the first cases of seed 1 (the heavy mutations, many
 * rows and padded sheets, are left to `npm run fuzz`), run in-process: every outcome must be ok.
 * Time and memory bounds are the campaign's business (a separate process per run).
 */
const SLICE = 24;
const HEAVY = new Set(['structure.many-rows', 'structure.many-findings', 'xml.whitespace-padding', 'narrative.text']);

describe('fuzz slice (seed 1)', () => {
  const corpus = loadCorpus(ROOT);
  const dir = workdir();
  const cases = Array.from({ length: SLICE }, (_, i) => makeCase(corpus, 1, i)).filter((c) => !HEAVY.has(c.kind));

  it('the same seed makes the same cases', () => {
    const again = makeCase(loadCorpus(ROOT), 1, 3);
    expect(again.args).toEqual(cases.find((c) => c.id === 3)?.args ?? again.args);
    const digest = (c: typeof again) =>
      createHash('sha256')
        .update(
          JSON.stringify(Object.entries(c.files).map(([n, b]) => [n, createHash('sha256').update(b).digest('hex')])),
        )
        .digest('hex');
    expect(digest(again)).toBe(digest(makeCase(corpus, 1, 3)));
  });

  it('English text is recognised outside quoted names only', () => {
    expect(hasEnglish('juesuan: 工作簿「Annual Report Final.xlsx」内容已损坏。')).toBe(false);
    expect(hasEnglish('juesuan: Cannot read properties of null')).toBe(true);
  });

  for (const c of cases) {
    it(`#${c.id} ${c.kind}: ${c.args.join(' ')}`, async () => {
      const folder = join(dir, String(c.id));
      mkdirSync(folder, { recursive: true });
      for (const [name, bytes] of Object.entries(c.files)) writeFileSync(join(folder, name), bytes);
      const io = memoryIO({ cwd: folder, env: { CI: '1' } });
      // --rules and --config are read relative to the process's folder, not io.cwd (the CLI runs in it)
      const args = c.args.map((a, i) => (['--rules', '--config'].includes(c.args[i - 1] ?? '') ? join(folder, a) : a));
      const code = await run(args, io);
      const inputsChanged = Object.entries(c.files).some(
        ([name, bytes]) => !readFileSync(join(folder, name)).equals(bytes),
      );
      const stderr = io.stderr.join('');
      expect(classify({ code, stderr, inputsChanged }), stderr).toBe('ok');
    }, 60_000);
  }
});
