import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli.js';
import { memoryIO } from '../src/cli/io.js';
import { ROOT } from './helpers/dist.js';
import { FIXTURES } from './helpers/fixtures.js';
import { workdir } from './helpers/workdir.js';

/**
 * The README's examples work as written: every `juesuan …` command it shows (in code blocks, inline,
 * and the command table's synopses with their placeholders filled in) runs without a usage error, in
 * a folder holding files of the names it uses; the configuration snippet and the accepted-findings
 * snippet are loaded as juesuan.config.yaml and accepted.yaml. A rule id that does not exist, an
 * option that was renamed, a command that needs an argument the example leaves out: exit 2, and
 * this test names the example.
 */

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const dir = workdir();

/** Files the examples name, made from the fixtures. */
function setUp(): void {
  const seed = join(FIXTURES, 'seed-2024.xlsx');
  for (const name of ['2024.xlsx', 'a.xlsx', '部门决算.xlsx', 'report.xlsx']) copyFileSync(seed, join(dir, name));
  copyFileSync(join(FIXTURES, 'prior-2023.xlsx'), join(dir, '2023.xlsx'));
  copyFileSync(join(FIXTURES, 'seed-2024-narrative.docx'), join(dir, '说明.docx'));
  copyFileSync(join(FIXTURES, 'published', 'seed-2024-embedded.pdf'), join(dir, 'report.pdf'));
  for (const folder of ['submissions', 'dir']) {
    mkdirSync(join(dir, folder), { recursive: true });
    copyFileSync(seed, join(dir, folder, 'one.xlsx'));
    copyFileSync(join(FIXTURES, 'prior-2023.xlsx'), join(dir, folder, 'two.xlsx'));
  }
}

function blocks(language: string): string[] {
  return [...README.matchAll(new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``, 'g'))].map((m) => m[1] as string);
}

/** Placeholders of the synopses, filled in. */
const PLACEHOLDERS: [RegExp, string][] = [
  [/FILE\|DIR…/g, '2024.xlsx dir'],
  [/FILE…/g, '2024.xlsx 2023.xlsx'],
  [/PREV\.xlsx/g, '2023.xlsx'],
  [/CURR\.xlsx/g, '2024.xlsx'],
  [/OUT\.xlsx/g, 'annotated.xlsx'],
  [/NAME=PATH/g, 'json=out/report.json'],
  [/RULE-ID/g, 't03.row-total'],
  [/\bNAME\b/g, 'json'],
  [/\bFILE\b/g, '2024.xlsx'],
  [/\bDIR\b/g, 'dir'],
  [/…/g, '2024.xlsx'],
];

/** A synopsis with its optional parts, the first of each set of alternatives. */
function instantiate(command: string): string {
  let text = command.replace(/\\\|/g, '|').replace('[-o FILE]', '-o out/diff.txt');
  // `--annotate` takes one workbook: the synopsis' FILE… stays one file when it is used
  if (text.includes('--annotate')) text = text.replace('FILE…', 'FILE');
  text = text.replace(/\[([^\]]*)\]…?/g, '$1').replace(/(\w+)\|[\w|]+/g, '$1');
  for (const [pattern, value] of PLACEHOLDERS) text = text.replace(pattern, value);
  return text;
}

function commands(): string[] {
  const found = new Set<string>();
  for (const m of README.matchAll(/`([^`\n]*\bjuesuan [^`\n]*)`/g)) found.add(m[1] as string);
  for (const block of [...blocks('sh'), ...blocks('yaml')])
    for (const line of block.split('\n'))
      if (/\bjuesuan (check|diff|inspect|rules|explain|baseline)\b/.test(line)) found.add(line);
  return (
    [...found]
      .map((c) =>
        c
          .replace(/^.*?(?:&& |run: |npx )(?=juesuan )/, '')
          .replace(/\s+#.*$/, '')
          // a pipe to another program (`| head`): juesuan's part is the example
          .replace(/\s+\|\s.*$/, ''),
      )
      // `serve` runs until interrupted: tests/web/page.test.ts starts it as a process of its own
      .filter((c) => c.startsWith('juesuan ') && !c.includes('/path/to/') && !c.startsWith('juesuan serve'))
      .map(instantiate)
  );
}

async function cli(line: string): Promise<{ code: number; out: string; err: string }> {
  const args = line
    .replace(/\$GITHUB_STEP_SUMMARY/g, 'out/summary.md')
    .replace(/\$\{\{ matrix\.shard \}\}/g, '1')
    .split(/\s+/)
    .slice(1);
  // the quick start names the shipped fixture: it runs in the checkout
  const io = memoryIO({ cwd: args.some((a) => a.startsWith('fixtures/')) ? ROOT : dir });
  const code = await run(args, io);
  return { code, out: io.stdout.join(''), err: io.stderr.join('') };
}

describe('README examples', () => {
  setUp();

  it('finds the examples (the synopses, the narrative, year-over-year, baseline and CI ones)', () => {
    const all = commands();
    expect(all.length).toBeGreaterThan(12);
    for (const verb of ['check', 'diff', 'inspect', 'rules', 'explain', 'baseline'])
      expect(
        all.some((c) => c.startsWith(`juesuan ${verb}`)),
        verb,
      ).toBe(true);
  });

  it.each(commands())('%s', async (line) => {
    const { code, err } = await cli(line);
    expect(code, err).not.toBe(2);
  });

  it('the quick start prints 未发现问题 for the shipped seed', async () => {
    const io = memoryIO({ cwd: ROOT });
    expect(await run(['check', 'fixtures/seed-2024.xlsx'], io)).toBe(0);
    expect(io.stdout.join('')).toContain('未发现问题');
  });

  it('the configuration snippet and the accepted-findings snippet are valid as written', async () => {
    const config = blocks('yaml').find((b) => b.includes('failOn:'));
    const accepted = blocks('yaml').find((b) => b.includes('accepted:'));
    expect(config).toBeDefined();
    expect(accepted).toBeDefined();
    const folder = join(dir, 'configured');
    mkdirSync(folder, { recursive: true });
    copyFileSync(join(FIXTURES, 'seed-2024.xlsx'), join(folder, 'report.xlsx'));
    writeFileSync(join(folder, 'juesuan.config.yaml'), config as string);
    writeFileSync(join(folder, 'accepted.yaml'), accepted as string);
    // the rule file the snippet names: any valid one
    writeFileSync(
      join(folder, 'our-rules.yaml'),
      'rules:\n  - id: our.basic\n    title: t\n    severity: info\n    explain: e\n    table: "03"\n    forEach: {}\n    assert: { left: basic, op: "<=", right: total }\n',
    );
    const { code, err } = await cli('juesuan check configured/report.xlsx');
    expect(code, err).not.toBe(2);
    // formats: a sarif file relative to the configuration
    expect(existsSync(join(folder, 'out', 'juesuan.sarif'))).toBe(true);
  });
});
