import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/dist.js';

const SRC = join(ROOT, 'src');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** The src folder (first segment) each relative import or dynamic import of a file lands in. */
function importedFolders(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*)'(\.{1,2}\/[^']+)'/g)].map((m) => m[1] as string);
  return specs.map((spec) => {
    const target = relative(SRC, resolve(dirname(file), spec));
    const [first] = target.split(sep);
    return target.includes(sep) ? (first as string) : target.replace(/\.js$/, '');
  });
}

describe('the folders import along the flow', () => {
  it.each(['batch', 'check'])('src/%s imports nothing from src/cli', (folder) => {
    const offenders = files(join(SRC, folder)).filter((f) => importedFolders(f).some((d) => d === 'cli'));
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('src/batch knows nothing of the engine (src/check): the engine uses the pool, not the other way', () => {
    const offenders = files(join(SRC, 'batch')).filter((f) => importedFolders(f).includes('check'));
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('the scan sees imports at all (it would pass on nothing otherwise)', () => {
    expect(importedFolders(join(SRC, 'check', 'checker.ts'))).toContain('batch');
    expect(importedFolders(join(SRC, 'cli', 'check.ts'))).toContain('check');
  });
});
