// npm test: the lint (npm run lint: Biome, tsc, knip) beside vitest, not before it. tsc is most of the
// lint and works on one core; run first, it left the other core idle for as long as it took. The
// lint's output is held and printed whole when it ends (vitest's summary stays the last lines); a
// failed lint stops vitest, as `lint && vitest` did, and fails the run. Arguments go to `vitest run`.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

// The sources are type-checked by their build (tsc -b tsconfig.build.json), and the lint checks the
// tests against the declarations it wrote (tsconfig.lint.json). Brought up to date here, before the
// lint and vitest start: were the sources changed since the last build, the lint's tsc and a CLI
// test's build (tests/helpers/dist.ts) would otherwise write dist/ at once. Up to date (a fresh
// clone: npm ci built it) it takes a fraction of a second. Its type errors are the lint's to report.
spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', 'tsconfig.build.json'], {
  cwd: root,
  stdio: 'ignore',
});

const lint = spawn(npm, ['run', '-s', 'lint'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
const held = [];
lint.stdout.on('data', (chunk) => held.push(chunk));
lint.stderr.on('data', (chunk) => held.push(chunk));

const vitest = spawn(
  process.execPath,
  [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
  },
);

/** The child's exit code (1 when a signal ended it or it could not start). */
const ended = (child) =>
  new Promise((resolve) => {
    child.on('error', () => resolve(1));
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });

const vitestEnded = ended(vitest);
const lintCode = await ended(lint).then((code) => {
  process.stdout.write(Buffer.concat(held));
  if (code !== 0) {
    process.stderr.write(`npm test: the lint failed (exit ${code}); vitest stopped\n`);
    vitest.kill('SIGTERM');
  }
  return code;
});
const vitestCode = await vitestEnded;
process.exit(lintCode !== 0 ? lintCode : vitestCode);
