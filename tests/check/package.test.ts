import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { memoryIO } from '../../src/cli/io.js';
import type { Finding } from '../../src/model/finding.js';
import { ensureDist, ROOT } from '../helpers/dist.js';
import { FIXTURES } from '../helpers/fixtures.js';
import { mutatedCopy, workdir } from '../helpers/workdir.js';

/**
 * The package as a user gets it: `npm pack`, then `npm ci` in a fresh project that depends on the
 * tarball, `import { createChecker } from 'juesuan'`. Offline and quick: the project's lockfile
 * takes juesuan from the tarball and links its dependencies to the ones this checkout installed
 * (they are the same versions), so nothing is downloaded and only juesuan is unpacked.
 */
const dir = workdir();
const project = join(dir, 'project');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

type Lock = { packages: Record<string, Record<string, unknown>> };

function writeProject(tarball: string): void {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    version: string;
    dependencies: Record<string, string>;
    bin: Record<string, string>;
    overrides?: Record<string, string>;
  };
  const repoLock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as Lock;
  const spec = `file:${relative(project, tarball)}`;
  const root = { name: 'probe', dependencies: { juesuan: spec }, overrides: manifest.overrides ?? {} };
  const packages: Lock['packages'] = {
    '': root,
    'node_modules/juesuan': {
      version: manifest.version,
      resolved: spec,
      integrity: `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`,
      dependencies: manifest.dependencies,
      bin: manifest.bin,
    },
  };
  for (const [key, entry] of Object.entries(repoLock.packages)) {
    if (!/^node_modules\/(@[^/]+\/)?[^/]+$/.test(key) || entry.dev || entry.link) continue;
    const target = relative(project, join(ROOT, key));
    const { resolved: _r, integrity: _i, ...rest } = entry;
    packages[key] = { resolved: target, link: true };
    packages[target] = rest;
  }
  writeFileSync(join(project, 'package.json'), JSON.stringify({ ...root, private: true, type: 'module' }, null, 2));
  writeFileSync(
    join(project, 'package-lock.json'),
    JSON.stringify({ name: 'probe', lockfileVersion: 3, requires: true, packages }, null, 2),
  );
}

/** The README's "Use from code" example, as written. */
function readmeExample(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Use from code'));
  const block = /```js\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('README has no js example under "## Use from code"');
  return block;
}

const CHECK_SCRIPT = `
import { createChecker } from 'juesuan';
const checker = createChecker({ cwd: process.cwd() });
const results = await checker.checkFiles(process.argv.slice(2));
process.stdout.write(JSON.stringify(results.map((r) => ({ file: r.file, error: r.error, findings: r.findings }))));
`;

const TYPED_USE = `
import { createChecker, diffWorkbooks, formatNames, loadFormatter } from 'juesuan';
import type { CheckReport, FileResult, Finding } from 'juesuan';

const checker = createChecker({ cwd: '.', disable: ['n.source'] });
const result: FileResult = await checker.checkFile('fixtures/seed-2024.xlsx');
const findings: Finding[] = result.findings;
const ids: string[] = findings.map((f) => f.ruleId + f.location.file + (f.location.cell ?? ''));
const report: CheckReport = { files: [result], failOn: 'warn', rules: checker.rulesInForce() };
const text: string = (await loadFormatter('check', formatNames('check')[0] ?? 'stylish'))(report, { cwd: checker.cwd, color: false });
const model = await checker.inspect('fixtures/seed-2024.xlsx');
const changed: number = diffWorkbooks(model, model).summary.flagged;
// @ts-expect-error terminal is a format of diff, not of check
const notCheck = loadFormatter('check', 'terminal');
// @ts-expect-error a severity is one of three words
const wrong: Finding['severity'] = 'fatal';
// @ts-expect-error a file name is a string (were the types lost to \`any\`, these would not be errors)
const notANumber: number = result.file;
export { ids, text, changed, notCheck, wrong, notANumber };
`;

let mutated = '';

beforeAll(async () => {
  ensureDist();
  mkdirSync(join(project, 'fixtures'), { recursive: true });
  const packed = JSON.parse(
    execFileSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], {
      cwd: ROOT,
      encoding: 'utf8',
    }),
  ) as { filename: string }[];
  writeProject(join(dir, packed[0]?.filename ?? ''));
  execFileSync(npm, ['ci', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], {
    cwd: project,
    stdio: 'pipe',
  });
  copyFileSync(join(FIXTURES, 'seed-2024.xlsx'), join(project, 'fixtures', 'seed-2024.xlsx'));
  // 03 事业运行 基本支出 392.38 → 393.38 breaks the row total and the 合计 column sum
  mutated = await mutatedCopy(
    'seed-2024.xlsx',
    [{ sheet: '支出决算表', cell: 'F9', value: 393.38 }],
    join(project, 'fixtures', 'broken.xlsx'),
  );
}, 240_000);

function node(script: string, args: string[] = []) {
  const file = join(project, `script-${createHash('sha1').update(script).digest('hex').slice(0, 8)}.mjs`);
  writeFileSync(file, script);
  return spawnSync(process.execPath, [file, ...args], { cwd: project, encoding: 'utf8' });
}

describe('the packed package, installed in another project', () => {
  it('import { createChecker } from "juesuan": the seed has no findings; a mutated copy has the CLI’s', async () => {
    const result = node(CHECK_SCRIPT, ['fixtures/seed-2024.xlsx', 'fixtures/broken.xlsx']);
    expect(result.stderr).toBe('');
    const [seed, broken] = JSON.parse(result.stdout) as { file: string; error?: unknown; findings: Finding[] }[];
    expect(seed).toEqual({ file: 'fixtures/seed-2024.xlsx', findings: [] });
    const io = memoryIO({ cwd: project });
    expect(await run(['check', 'fixtures/broken.xlsx', '--format', 'json'], io)).toBe(1);
    const cli = JSON.parse(io.stdout.join('')) as { findings: Finding[] };
    expect(broken?.findings.length).toBeGreaterThan(0);
    expect(broken?.findings).toEqual(cli.findings);
    expect(relative(project, mutated)).toBe(join('fixtures', 'broken.xlsx'));
  });

  it('the juesuan bin npm linked checks a workbook as the CLI does: exit 1, the same report', async () => {
    const bin = join(project, 'node_modules', '.bin', process.platform === 'win32' ? 'juesuan.cmd' : 'juesuan');
    const result = spawnSync(bin, ['check', 'fixtures/broken.xlsx', '--format', 'json'], {
      cwd: project,
      encoding: 'utf8',
      shell: process.platform === 'win32',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const io = memoryIO({ cwd: project });
    await run(['check', 'fixtures/broken.xlsx', '--format', 'json'], io);
    expect(result.stdout).toBe(io.stdout.join(''));
  });

  it('the README example runs as written', () => {
    const result = node(readmeExample());
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('未发现问题');
  });

  it('types resolve under tsc --strict (exports.types): right uses compile, wrong ones are type errors', () => {
    writeFileSync(join(project, 'use.ts'), TYPED_USE);
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          target: 'ES2022',
          // a Node project's library: the language's declarations without the DOM's (40,000 of the
          // 105,000 lines tsc parsed, about 0.4 s of its 2 s CPU)
          lib: ['ES2022'],
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          noEmit: true,
          // the consumer's usual setting: our declarations are used, not re-checked with their dependencies'
          skipLibCheck: true,
          types: ['node'],
          typeRoots: [join(ROOT, 'node_modules', '@types')],
        },
        files: ['use.ts'],
      }),
    );
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', project], {
      encoding: 'utf8',
    });
    expect(tsc.stdout).toBe('');
    expect(tsc.status).toBe(0);
  }, 60_000);
});
