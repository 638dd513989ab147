import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';

export const GOLDEN = join(import.meta.dirname, '..', 'golden');

/**
 * Compares text with tests/golden/<name>. `UPDATE_GOLDEN=1 npx vitest run tests/formatters`
 * rewrites the files instead (review the diff before committing it).
 */
export function expectGolden(name: string, actual: string): void {
  const path = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  let expected: string;
  try {
    expected = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`golden file ${name} is missing: run UPDATE_GOLDEN=1 npx vitest run tests/formatters`);
  }
  expect(
    actual,
    `output differs from tests/golden/${name} (UPDATE_GOLDEN=1 npx vitest run tests/formatters rewrites it)`,
  ).toBe(expected);
}
