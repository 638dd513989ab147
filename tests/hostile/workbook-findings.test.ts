import { describe, expect, it } from 'vitest';
import { cli } from '../formatters/seed-broken.js';
import { workdir } from '../helpers/workdir.js';
import { seedWith } from './hostile-workbook.js';

const dir = workdir();

interface Json {
  findings: { ruleId: string; message: string; location: { sheet?: string } }[];
}
const findings = async (path: string, id: string) =>
  (JSON.parse((await cli(['check', path, '--format', 'json'], dir)).out) as Json).findings.filter(
    (f) => f.ruleId === id,
  );

describe('a workbook that passes silently no more (item 14)', () => {
  it('two copies of 三公 (a second sheet on the same part): tables.duplicate at the copy', async () => {
    const path = seedWith(dir, 'copy.xlsx', {
      'xl/workbook.xml': (x) =>
        x.replace('</sheets>', '<sheet sheetId="10" name="三公（旧）" state="visible" r:id="rId12"/></sheets>'),
    });
    const found = await findings(path, 'tables.duplicate');
    expect(found).toHaveLength(1);
    expect(found[0]?.location.sheet).toBe('三公（旧）');
    expect(found[0]?.message).toContain('只校验了第一张');
  });

  it('every sheet hidden: sheets.all-hidden', async () => {
    const path = seedWith(dir, 'hidden.xlsx', {
      'xl/workbook.xml': (x) => x.replaceAll('state="visible"', 'state="hidden"'),
    });
    expect(await findings(path, 'sheets.all-hidden')).toHaveLength(1);
  });
});
