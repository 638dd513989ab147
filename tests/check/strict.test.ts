import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../src/check/index.js';
import { FIXTURES } from '../helpers/fixtures.js';

/**
 * Every shipped fixture through the engine with strict messages: every finding's message has data
 * for each of its slots, every messageId is declared by the rule's implementation (the stamp
 * throws otherwise, and the file becomes an internal error).
 */
describe('every fixture, strict', () => {
  // every workbook below fixtures/ (the folder is expanded), and the narrative given alone
  const paths = ['.', ...readdirSync(FIXTURES).filter((f) => /\.(docx|txt)$/.test(f))];

  it('gives no internal error: all findings render completely', async () => {
    const checker = createChecker({ cwd: FIXTURES, strict: true });
    const results = await checker.checkFiles(paths, { workerUrl: null });
    expect(results.length).toBeGreaterThan(10);
    expect(results.filter((r) => r.error?.code === 'internal-error').map((r) => r.error?.message)).toEqual([]);
    expect(results.some((r) => r.findings.length > 0)).toBe(true);
  }, 60_000);

  it('with last year’s workbook too', async () => {
    const checker = createChecker({ cwd: FIXTURES, strict: true, previous: 'prior-2023/contradicting.xlsx' });
    const [result] = await checker.checkFiles(['seed-2024-full.xlsx'], { workerUrl: null });
    expect(result?.error).toBeUndefined();
    expect(result?.findings.some((f) => f.ruleId.startsWith('y.narrative.'))).toBe(true);
  });
});
