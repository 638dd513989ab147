// npm run fuzz -- --count N --seed S [--jobs J] [--out DIR]: a campaign of hostile inputs made from
// the fixtures, each run through bin/juesuan.js under time and memory bounds, and a table of the
// outcomes by class and by mutation. Failing cases are kept under DIR (default .fuzz/) to replay.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../../src/util/package-root.js';
import { type FuzzCase, loadCorpus, makeCase } from './cases.js';
import { classify, LIMIT_SECONDS, type Outcome, OUTCOMES, type RunResult } from './classify.js';

interface Options {
  count: number;
  seed: number;
  jobs: number;
  out: string;
}

function parseArgs(argv: string[]): Options {
  const value = (name: string, fallback: string): string => {
    const i = argv.indexOf(name);
    return i >= 0 && argv[i + 1] !== undefined ? (argv[i + 1] as string) : fallback;
  };
  return {
    count: Number(value('--count', '200')),
    seed: Number(value('--seed', '1')),
    jobs: Number(value('--jobs', '2')),
    out: value('--out', join(packageRoot(), '.fuzz')),
  };
}

const TIME = '/usr/bin/time';
/** A run is killed after this much wall time (a hang); CPU time decides "over 5 s". */
const WALL_LIMIT_MS = 60_000;

const hash = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function runCase(c: FuzzCase, dir: string): Promise<RunResult> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const before = new Map<string, string>();
  for (const [name, bytes] of Object.entries(c.files)) {
    writeFileSync(join(dir, name), bytes);
    before.set(name, hash(bytes));
  }
  const bin = join(packageRoot(), 'bin', 'juesuan.js');
  const measured = existsSync(TIME);
  const command = measured ? TIME : process.execPath;
  const args = measured ? ['-f', '@@fuzz %U %S %M', process.execPath, bin, ...c.args] : [bin, ...c.args];
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1', CI: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 1_000_000) stderr += chunk.toString('utf8');
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, WALL_LIMIT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      const stats = /@@fuzz ([\d.]+) ([\d.]+) (\d+)\s*$/.exec(stderr);
      const ownStderr = stderr.replace(/(?:Command exited with non-zero status \d+\n)?@@fuzz [^\n]*\n?$/, '');
      let inputsChanged = false;
      for (const [name, digest] of before) {
        const path = join(dir, name);
        if (!existsSync(path) || hash(readFileSync(path)) !== digest) inputsChanged = true;
      }
      resolve({
        code: timedOut ? null : code,
        stderr: ownStderr,
        ...(stats ? { cpuSeconds: Number(stats[1]) + Number(stats[2]), rssMiB: Number(stats[3]) / 1024 } : {}),
        timedOut,
        inputsChanged,
      });
    });
  });
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const corpus = loadCorpus(packageRoot());
  rmSync(options.out, { recursive: true, force: true });
  const work = join(tmpdir(), `juesuan-fuzz-${process.pid}`);
  const counts = new Map<Outcome, number>(OUTCOMES.map((o) => [o, 0]));
  const byKind = new Map<string, Map<Outcome, number>>();
  let next = 0;
  let done = 0;
  let maxCpu = 0;
  let maxRss = 0;
  const started = Date.now();
  const worker = async (slot: number): Promise<void> => {
    for (;;) {
      const index = next++;
      if (index >= options.count) return;
      const c = makeCase(corpus, options.seed, index);
      const dir = join(work, String(slot));
      const result = await runCase(c, dir);
      const outcome = classify(result);
      maxCpu = Math.max(maxCpu, result.cpuSeconds ?? 0);
      maxRss = Math.max(maxRss, result.rssMiB ?? 0);
      counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
      const kind = byKind.get(c.kind) ?? new Map<Outcome, number>();
      kind.set(outcome, (kind.get(outcome) ?? 0) + 1);
      byKind.set(c.kind, kind);
      if (outcome !== 'ok') keep(options.out, c, outcome, result);
      done += 1;
      if (done % 50 === 0) process.stderr.write(`fuzz: ${done}/${options.count}\n`);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.jobs) }, (_, slot) => worker(slot)));
  rmSync(work, { recursive: true, force: true });

  const lines = [
    `juesuan fuzz — ${options.count} runs, seed ${options.seed}, ${options.jobs} at a time, ${((Date.now() - started) / 1000).toFixed(0)} s`,
    `bounds: ${LIMIT_SECONDS} s CPU, 300 MiB RSS; largest seen: ${maxCpu.toFixed(2)} s CPU, ${maxRss.toFixed(0)} MiB RSS`,
    '',
    `| outcome | runs |`,
    `|---|---:|`,
    ...OUTCOMES.map((o) => `| ${o} | ${counts.get(o) ?? 0} |`),
    '',
    `| mutation | runs | not ok |`,
    `|---|---:|---:|`,
    ...[...byKind.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([kind, m]) => {
        const total = [...m.values()].reduce((a, b) => a + b, 0);
        const bad = total - (m.get('ok') ?? 0);
        return `| ${kind} | ${total} | ${bad} |`;
      }),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const failures = options.count - (counts.get('ok') ?? 0);
  if (failures > 0) process.stdout.write(`\n${failures} failing cases kept in ${options.out}\n`);
  process.exitCode = failures > 0 ? 1 : 0;
}

/** A failing case, kept to replay: its files, the command, what it printed. */
function keep(out: string, c: FuzzCase, outcome: Outcome, result: RunResult): void {
  const dir = join(out, outcome.replace(/\W+/g, '-'), `${c.id}-${c.kind}`);
  mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of Object.entries(c.files)) writeFileSync(join(dir, name), bytes);
  writeFileSync(
    join(dir, 'run.txt'),
    `juesuan ${c.args.join(' ')}\nexit ${result.code} cpu ${result.cpuSeconds ?? '?'} s rss ${result.rssMiB?.toFixed(0) ?? '?'} MiB\n\n${result.stderr}`,
  );
}

await main();
