/**
 * A workbook whose rows break their identities by the thousand (a table shifted by a column, a unit
 * mix-up, or a hostile file) is not a set of typos: the culprit diagnosis is not run over it (its
 * decimal search per group made such a 150 KB workbook take 7 s of CPU and 370 MiB), and one
 * diagnosis.culprit note says why, so nothing is skipped silently. The findings themselves stay.
 */
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/io/limits.js';
import { cli } from '../formatters/seed-broken.js';
import { workdir } from '../helpers/workdir.js';
import { seedWith, setCell } from './hostile-workbook.js';

const dir = workdir();

/** `count` rows of 支出决算表 whose 支出合计 (E) has no 基本支出 or 项目支出 beside it: each breaks its row. */
function brokenRows(count: number): (xml: string) => string {
  const rows: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = 100 + i;
    rows.push(
      `<row r="${n}"><c r="A${n}" t="inlineStr"><is><t>${2010000 + i}</t></is></c><c r="E${n}"><v>${i}.5</v></c></row>`,
    );
  }
  return (xml) => xml.replace('</sheetData>', `${rows.join('')}</sheetData>`);
}

interface Json {
  findings: { ruleId: string; messageId: string; severity: string; message: string }[];
}
async function findingsOf(name: string, edit: (xml: string) => string) {
  const path = seedWith(dir, name, { 'xl/worksheets/sheet3.xml': edit });
  return (JSON.parse((await cli(['check', path, '--format', 'json'], dir)).out) as Json).findings;
}

describe('culprit diagnosis over thousands of failing identities', () => {
  it('beyond the limit: no culprit per group, one note saying how many and why', async () => {
    const findings = await findingsOf('many.xlsx', brokenRows(LIMITS.diagnosisTargets + 200));
    const diagnosis = findings.filter((f) => f.ruleId === 'diagnosis.culprit');
    expect(diagnosis.map((f) => [f.messageId, f.severity])).toEqual([['too-many', 'info']]);
    expect(diagnosis[0]?.message).toContain(`超过 ${LIMITS.diagnosisTargets} 条`);
    expect(findings.filter((f) => f.severity === 'error').length).toBeGreaterThan(LIMITS.diagnosisTargets);
  });

  it('within the limit: the culprit as usual (支出决算表!F9 392.38 typed 392.83)', async () => {
    const findings = await findingsOf('typo.xlsx', setCell('F9', '><v>392.83</v>'));
    const diagnosis = findings.filter((f) => f.ruleId === 'diagnosis.culprit');
    expect(diagnosis.map((f) => f.messageId)).toEqual(['culprit']);
    expect(diagnosis[0]?.message).toContain('支出决算表!F9');
  });
});
