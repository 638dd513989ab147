import { spawnSync } from 'node:child_process';
import { linkSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Decimal } from 'decimal.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { expandInputs } from '../src/batch/expand.js';
import { checkBatch, usesWorkers } from '../src/batch/pool.js';
import { progressBar, progressLine } from '../src/batch/progress.js';
import { parseShard, selectShard } from '../src/batch/shard.js';
import { run } from '../src/cli.js';
import { createChecker, type Checker } from '../src/check/index.js';
import { defaultWorkerUrl } from '../src/check/checker.js';
import { memoryIO } from '../src/cli/io.js';
import { fileSummaryRows, formatFileSummary } from '../src/report/file-summary.js';
import type { CheckReport, Counts, FileResult } from '../src/model/results.js';
import { BIN, DIST_WORKER, ensureDist } from './helpers/dist.js';
import { FIXTURES } from './helpers/fixtures.js';
import { mutatedCopy, workdir } from './helpers/workdir.js';

const dir = workdir();
const sources = join(dir, 'sources');
/** Expected per source workbook: counts, or the error code of an unusable file. */
const expected = new Map<string, { counts: Counts; error?: string }>();
/** Each source's result checked in this thread (beforeAll), what the worker threads must give too. */
const inThread = new Map<string, FileResult>();
let names: string[] = [];

interface JsonReport {
  summary: Counts;
  files: { file: string; counts: Counts; error?: { code: string } }[];
}

/** `count` hard links cycling through the sources, named so that sorting keeps the cycle: 000-seed.xlsx … */
function makeBatch(name: string, count: number): { dir: string; source: Map<string, string> } {
  const target = join(dir, name);
  mkdirSync(join(target, 'nested'), { recursive: true });
  const source = new Map<string, string>();
  for (let i = 0; i < count; i += 1) {
    const from = names[i % names.length] as string;
    const rel = `${i % 2 ? 'nested/' : ''}${String(i).padStart(3, '0')}-${from}`;
    linkSync(join(sources, from), join(target, rel));
    source.set(rel, from);
  }
  // never part of a batch: an Excel lock file, hidden files and folders
  writeFileSync(join(target, `~$${names[0]}`), 'lock');
  mkdirSync(join(target, '.hidden'));
  linkSync(join(sources, 'seed.xlsx'), join(target, '.hidden', 'seed.xlsx'));
  linkSync(join(sources, 'seed.xlsx'), join(target, 'nested', '.seed.xlsx'));
  return { dir: target, source };
}

function expectSummary(report: JsonReport, source: Map<string, string>, prefix: string): void {
  expect(report.files.map((f) => f.file)).toEqual([...source.keys()].sort().map((rel) => join(prefix, rel)));
  const total: Counts = { error: 0, warn: 0, info: 0 };
  for (const file of report.files) {
    const want = expected.get(source.get(file.file.slice(prefix.length + 1)) ?? '');
    expect(file.error?.code, file.file).toBe(want?.error);
    expect(file.counts, file.file).toEqual(want?.counts);
    for (const k of ['error', 'warn', 'info'] as const) total[k] += file.counts[k];
  }
  expect(report.summary).toEqual(total);
}

beforeAll(async () => {
  mkdirSync(sources);
  linkSync(join(FIXTURES, 'seed-2024.xlsx'), join(sources, 'seed.xlsx'));
  for (const v of ['dashes-notes', 'renamed-reordered', 'split-codes', 'stacked', 'text-amounts', 'yuan']) {
    linkSync(join(FIXTURES, 'variants', `${v}.xlsx`), join(sources, `${v}.xlsx`));
  }
  // 03 事业运行 基本支出 392.38 → 393.38; 01 本年收入合计 changed
  await mutatedCopy(
    'seed-2024.xlsx',
    [{ sheet: '支出决算表', cell: 'F9', value: 393.38 }],
    join(sources, 'broken-03.xlsx'),
  );
  await mutatedCopy(
    'seed-2024.xlsx',
    [
      { sheet: '支出决算表', cell: 'F9', value: 393.38 },
      { sheet: '支出决算表', cell: 'G9', value: 1 },
    ],
    join(sources, 'broken-two.xlsx'),
  );
  writeFileSync(join(sources, 'junk.xlsx'), 'not a workbook at all');
  names = [
    'seed.xlsx',
    'dashes-notes.xlsx',
    'renamed-reordered.xlsx',
    'split-codes.xlsx',
    'stacked.xlsx',
    'text-amounts.xlsx',
    'yuan.xlsx',
    'broken-03.xlsx',
    'broken-two.xlsx',
    'junk.xlsx',
  ];
  const results = await createChecker({ cwd: sources }).checkFiles(names, { workerUrl: null });
  for (const r of results) {
    inThread.set(r.file, r);
    const counts: Counts = { error: 0, warn: 0, info: 0 };
    for (const f of r.findings) counts[f.severity] += 1;
    expected.set(r.file, { counts, ...(r.error ? { error: r.error.code } : {}) });
  }
}, 60_000);

describe('the sources of the batch', () => {
  it('are what the tests assume: clean fixtures, two broken copies, one unusable file', () => {
    for (const name of names.slice(0, 7))
      expect(expected.get(name), name).toEqual({ counts: { error: 0, warn: 0, info: 0 } });
    expect(expected.get('broken-03.xlsx')?.counts.error).toBeGreaterThan(0);
    expect(expected.get('broken-two.xlsx')?.counts.error).toBeGreaterThan(
      expected.get('broken-03.xlsx')?.counts.error ?? 0,
    );
    expect(expected.get('junk.xlsx')?.error).toBe('not-a-workbook');
  });
});

describe('expanding folders', () => {
  it('takes every .xlsx below a folder, sorted by path, without lock files and hidden files', () => {
    const batch = makeBatch('expand', 12);
    const inputs = expandInputs(['expand'], dir);
    expect(inputs.map((i) => i.file)).toEqual([...batch.source.keys()].sort().map((rel) => join('expand', rel)));
    expect(inputs.some((i) => /~\$|\/\./.test(i.file))).toBe(false);
  });

  it('keeps other paths as given, checks a file named twice once, reports a folder without workbooks', () => {
    mkdirSync(join(dir, 'empty', '.git'), { recursive: true });
    writeFileSync(join(dir, 'empty', '~$x.xlsx'), 'lock');
    const inputs = expandInputs(['missing.xlsx', 'sources/seed.xlsx', join(dir, 'sources', 'seed.xlsx'), 'empty'], dir);
    expect(inputs.map((i) => i.file)).toEqual(['missing.xlsx', 'sources/seed.xlsx', 'empty']);
    expect(inputs[2]?.error?.code).toBe('no-workbooks');
    expect(inputs[2]?.error?.message).toContain('「empty」');
  });
});

describe('--shard i/n', () => {
  const paths = Array.from({ length: 200 }, (_, i) => ({ file: `dept-${(i * 7919) % 200}/${i % 3 ? 'b' : 'a'}.xlsx` }));

  it('splits are disjoint, cover the set, differ in size by at most one, whatever the input order', () => {
    for (const n of [1, 2, 3, 7, 16]) {
      const shards = Array.from({ length: n }, (_, i) =>
        selectShard(paths, { index: i + 1, count: n }).map((p) => p.file),
      );
      const all = shards.flat();
      expect(new Set(all).size).toBe(all.length);
      expect(new Set(all)).toEqual(new Set(paths.map((p) => p.file)));
      const sizes = shards.map((s) => s.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      expect(selectShard([...paths].reverse(), { index: 1, count: n })).toEqual(
        selectShard(paths, { index: 1, count: n }),
      );
    }
  });

  it('parses i/n and rejects anything else', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '1/0', '1', 'a/b', '-1/3', '1/2/3'])
      expect(() => parseShard(bad), bad).toThrow(/--shard/);
  });

  it('through the CLI: every file is checked by exactly one shard', async () => {
    const batch = makeBatch('shards', 12);
    const seen: string[] = [];
    for (let i = 1; i <= 3; i += 1) {
      const io = memoryIO({ cwd: dir });
      await run(['check', 'shards', '--shard', `${i}/3`, '--format', 'json'], io);
      expect(io.stderr.join('')).toContain(`分片 ${i}/3`);
      seen.push(...(JSON.parse(io.stdout.join('')) as JsonReport).files.map((f) => f.file));
    }
    expect(seen.sort()).toEqual([...batch.source.keys()].sort().map((rel) => join('shards', rel)));
    const empty = memoryIO({ cwd: dir });
    expect(await run(['check', 'sources/seed.xlsx', '--shard', '2/2', '--format', 'json'], empty)).toBe(0);
    expect((JSON.parse(empty.stdout.join('')) as JsonReport).files).toEqual([]);
  });
});

describe('juesuan check DIR (in this thread: vitest runs src/, where no worker file exists)', () => {
  it('does not use workers from src/', () => {
    expect(defaultWorkerUrl()).toBeNull();
    expect(usesWorkers(200, 4, null)).toBe(false);
    expect(usesWorkers(3, 4, new URL('file:///w.js'))).toBe(false);
    expect(usesWorkers(4, 1, new URL('file:///w.js'))).toBe(false);
    expect(usesWorkers(4, 2, new URL('file:///w.js'))).toBe(true);
  });

  it('checks every workbook with a correct per-file summary; the unusable one is named on stderr', async () => {
    const batch = makeBatch('small', 12);
    const io = memoryIO({ cwd: dir });
    const code = await run(['check', 'small', '--format', 'json'], io);
    // an unusable file fails the run (exit 2); with --skip-unusable the findings decide (1)
    expect(code).toBe(2);
    expect(await run(['check', 'small', '--format', 'json', '--skip-unusable'], memoryIO({ cwd: dir }))).toBe(1);
    const report = JSON.parse(io.stdout.join('')) as JsonReport;
    expectSummary(report, batch.source, 'small');
    const junk = [...batch.source].filter(([, from]) => from === 'junk.xlsx').length;
    expect(io.stderr.join('').match(/不是 Excel 工作簿/g)).toHaveLength(junk);
  }, 60_000);

  it('exit 2 when a file is unusable; --skip-unusable: exit 2 only when every file is', async () => {
    const none = memoryIO({ cwd: dir });
    expect(await run(['check', 'sources/junk.xlsx', 'empty', 'nope.xlsx'], none)).toBe(2);
    expect(none.stderr.join('').trim().split('\n')).toHaveLength(3);
    expect(await run(['check', 'sources/junk.xlsx', 'sources/seed.xlsx'], memoryIO({ cwd: dir }))).toBe(2);
    expect(
      await run(['check', 'sources/junk.xlsx', 'sources/seed.xlsx', '--skip-unusable'], memoryIO({ cwd: dir })),
    ).toBe(0);
  });

  it('a file whose check crashes is that file’s error; the others are checked', async () => {
    const checker: Checker = createChecker({ cwd: sources });
    const stacks: string[] = [];
    const results = await checkBatch(['seed.xlsx', 'junk.xlsx', 'yuan.xlsx'], {
      workerUrl: null,
      checkHere: async (file, crashed) => {
        if (file === 'seed.xlsx') throw new Error('a rule implementation failed');
        return checker.checkFile(file, { onCrash: crashed });
      },
      onCrash: (file, stack) => stacks.push(`${file} ${stack}`),
    });
    expect(results.map((r) => r.error?.code)).toEqual(['internal-error', 'not-a-workbook', undefined]);
    expect(results[0]?.error?.message).toContain('「seed.xlsx」');
    expect(stacks).toHaveLength(1);
    expect(stacks[0]).toMatch(/^seed\.xlsx .*\n\s+at /s);
  });

  it('the per-file summary table for the stylish report', () => {
    const clean: FileResult = { file: 'a.xlsx', findings: [] };
    const warned: FileResult = {
      file: 'b.xlsx',
      findings: [
        {
          ruleId: 'r',
          severity: 'warn',
          message: 'm',
          messageId: 'x',
          data: {},
          location: { file: 'b.xlsx' },
          related: [],
        },
      ],
    };
    const bad: FileResult = { file: 'c.xlsx', error: { code: 'not-a-workbook', message: '…' }, findings: [] };
    const report: CheckReport = { files: [clean, warned, bad], failOn: 'warn' };
    expect(fileSummaryRows(report).map((r) => [r.file, r.status, r.counts.warn])).toEqual([
      ['a.xlsx', 'pass', 0],
      ['b.xlsx', 'fail', 1],
      ['c.xlsx', 'unusable', 0],
    ]);
    const text = formatFileSummary(report, { color: false });
    expect(text.split('\n').filter((l) => /[abc]\.xlsx/.test(l))).toHaveLength(3);
    expect(text).toContain('✖ 未通过');
    expect(formatFileSummary({ files: [clean], failOn: 'error' }, { color: false })).toBe('');
  });

  it('the progress bar redraws in place, throttled, and clears itself', () => {
    expect(progressLine(50, 200, 'a/b/report.xlsx')).toMatch(/^\[█{6}░{18}\] 50\/200 25% report\.xlsx$/);
    const written: string[] = [];
    let now = 0;
    const bar = progressBar(
      (t) => written.push(t),
      () => now,
    );
    bar.update(1, 3, 'a.xlsx');
    bar.update(2, 3, 'b.xlsx'); // within the interval: skipped
    now = 1000;
    bar.update(3, 3, 'c.xlsx');
    bar.end();
    expect(written).toHaveLength(3);
    expect(written[1]).toContain('3/3 100%');
    expect(written[2]).toBe('\r\x1b[2K');
    const io = memoryIO({ cwd: dir, errIsTTY: true });
    return run(['check', 'sources/seed.xlsx', 'sources/yuan.xlsx', '--format', 'json'], io).then(() => {
      expect(io.stderr.join('')).toContain('2/2 100%');
    });
  });
});

describe('worker threads (the built dist/)', () => {
  beforeAll(() => ensureDist(), 120_000);

  it('give the same results as this thread, models revived with their decimals, in input order', async () => {
    const files = ['seed.xlsx', 'broken-03.xlsx', 'junk.xlsx', 'stacked.xlsx', 'yuan.xlsx', 'broken-two.xlsx'];
    const checker = createChecker({ cwd: sources });
    const here = files.map((file) => inThread.get(file));
    const done: number[] = [];
    const threaded = await checker.checkFiles(files, {
      workerUrl: pathToFileURL(DIST_WORKER),
      jobs: 2,
      onProgress: (n) => done.push(n),
    });
    expect(done).toEqual([1, 2, 3, 4, 5, 6]);
    expect(threaded.map((r) => r.file)).toEqual(files);
    expect(JSON.parse(JSON.stringify(threaded))).toEqual(JSON.parse(JSON.stringify(here)));
    const cell = threaded[0]?.model?.tables[0]?.rows
      .flatMap((r) => Object.values(r.cells))
      .find((c) => c.state === 'number');
    expect(cell?.value).toBeInstanceOf(Decimal);
  }, 60_000);

  it('a worker that dies or throws on a file costs that file only; one that cannot start fails the batch', async () => {
    const fake = pathToFileURL(join(import.meta.dirname, 'helpers', 'fake-worker.mjs'));
    const files = ['a.xlsx', 'exit.xlsx', 'b.xlsx', 'throw.xlsx', 'c.xlsx', 'd.xlsx', 'e.xlsx'];
    const checker = createChecker({ cwd: dir });
    const viaFake = (workerUrl: URL) =>
      checkBatch(files, { workerUrl, jobs: 2, checkHere: (file) => checker.checkFile(file) });
    const results = await viaFake(fake);
    expect(results.map((r) => r.file)).toEqual(files);
    expect(results.map((r) => r.error?.code)).toEqual([
      undefined,
      'worker-crashed',
      undefined,
      'worker-crashed',
      undefined,
      undefined,
      undefined,
    ]);
    expect(results[3]?.error?.message).toContain('thrown in the worker');
    const broken = pathToFileURL(join(import.meta.dirname, 'helpers', 'broken-worker.mjs'));
    await expect(viaFake(broken)).rejects.toThrow(/cannot load/);
  }, 30_000);

  // 50 workbooks: every source five times, each worker taking many files in turn (a larger batch
  // checks nothing more, it only costs the suite more time)
  it('bin/juesuan.js check DIR --skip-unusable: 50 workbooks on every core, a correct summary, exit 1', () => {
    const batch = makeBatch('batch-50', 50);
    const result = spawnSync(process.execPath, [BIN, 'check', 'batch-50', '--format', 'json', '--skip-unusable'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(result.status, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.files).toHaveLength(50);
    expectSummary(report, batch.source, 'batch-50');
    expect(report.files.filter((f) => f.error)).toHaveLength(5);
  }, 120_000);
});
