/**
 * The culprit diagnosis on a report as published: a typo in a table of the text form is named by
 * its place in the file (line and column; no sheet!cell exists), with its repair value, and the
 * findings it explains name it the same way.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { memoryIO } from '../../src/cli/io.js';
import type { Finding } from '../../src/model/finding.js';
import { FIXTURES } from '../helpers/fixtures.js';

describe('diagnosis on a published report', () => {
  it('the text form with 392.38 typed 392.83 (05 事业运行 基本支出): the culprit is line 243, column 6', async () => {
    const lines = readFileSync(join(FIXTURES, 'published', 'seed-2024.txt'), 'utf8').split('\n');
    expect(lines[242]).toMatch(/^2010350\t+事业运行\t398\.17\t392\.38\t5\.79/);
    lines[242] = (lines[242] as string).replace('392.38', '392.83');
    const dir = mkdtempSync(join(tmpdir(), 'juesuan-published-'));
    writeFileSync(join(dir, 'typo.txt'), lines.join('\n'));
    const io = memoryIO({ cwd: dir });
    await run(['check', 'typo.txt', '--format', 'json'], io);
    const findings = (JSON.parse(io.stdout.join('')) as { findings: Finding[] }).findings;
    const culprits = findings.filter((f) => f.ruleId === 'diagnosis.culprit');
    expect(culprits).toHaveLength(1);
    const culprit = culprits[0] as Finding;
    expect(culprit.location).toMatchObject({ line: 243, col: 6, table: '05' });
    expect(culprit.message).toContain('最可能的出错单元格：第 243 行第 6 列（改为 392.38 可同时消除');
    const explained = findings.filter((f) => f.data.culprit === culprit.data.cell);
    expect(explained.map((f) => f.ruleId).sort()).toEqual(['t05.row-subtotal', 't05.total-leaves', 'x.t03-t05.within']);
    // the totals it explains point at it, and no longer say what they should be
    for (const f of explained.filter((e) => e.ruleId.startsWith('t05.')))
      expect(f.message).toContain('最可能的出错单元格是 第 243 行第 6 列');
  });
});
