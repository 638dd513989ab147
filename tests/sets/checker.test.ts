import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createChecker } from '../../src/check/index.js';
import { InputError } from '../../src/errors/input-error.js';
import type { FileResult } from '../../src/model/results.js';
import { DIST_WORKER, ensureDist } from '../helpers/dist.js';
import { FIXTURES } from '../helpers/fixtures.js';
import { workdir, writeText } from '../helpers/workdir.js';

/**
 * The template set through the engine (createChecker): `template` of the checker wins over the
 * configuration's `template:`, which wins over detection; the same for checkFile, inspect and a
 * batch on worker threads.
 */
const dir = workdir();
mkdirSync(join(dir, 'configured'));
copyFileSync(join(FIXTURES, 'sets', 'shanghai.xlsx'), join(dir, 'shanghai.xlsx'));
copyFileSync(join(FIXTURES, 'sets', 'shanghai.xlsx'), join(dir, 'configured', 'shanghai.xlsx'));
writeText(join(dir, 'configured'), 'juesuan.config.yaml', 'template: beijing\n');

/** The kinds the set in force asks for and the workbook lacks (tables.missing). */
function missingKinds(result: FileResult): string[] {
  return result.findings.filter((f) => f.ruleId === 'tables.missing').map((f) => f.data.kind as string);
}

const BEIJING_LACKS = ['fund-basic', 'procurement', 'purchase-services'];

describe('the template set in the engine', () => {
  it('detected when nobody names one', async () => {
    const result = await createChecker({ cwd: dir }).checkFile('shanghai.xlsx');
    expect(result.model?.template).toMatchObject({ name: 'shanghai', how: 'detected' });
    expect(missingKinds(result)).toEqual([]);
  });

  it('named by the checker: read and checked as that set', async () => {
    const checker = createChecker({ cwd: dir, template: 'beijing' });
    const result = await checker.checkFile('shanghai.xlsx');
    expect(result.model?.template).toMatchObject({ name: 'beijing', how: 'option' });
    expect(missingKinds(result)).toEqual(BEIJING_LACKS);
    expect((await checker.inspect('shanghai.xlsx')).template?.how).toBe('option');
  });

  it('named by the configuration of the document, unless the checker names another', async () => {
    const configured = await createChecker({ cwd: dir }).checkFile('configured/shanghai.xlsx');
    expect(configured.model?.template).toMatchObject({ name: 'beijing', how: 'config' });
    expect(missingKinds(configured)).toEqual(BEIJING_LACKS);
    expect((await createChecker({ cwd: dir }).inspect('configured/shanghai.xlsx')).template?.how).toBe('config');
    const named = await createChecker({ cwd: dir, template: 'shanghai' }).checkFile('configured/shanghai.xlsx');
    expect(named.model?.template).toMatchObject({ name: 'shanghai', how: 'option' });
  });

  it('last year’s workbook (--previous) is read the same way: named, configured, else detected', async () => {
    const named = createChecker({ cwd: dir, template: 'beijing', previous: 'shanghai.xlsx' });
    expect((await named.previousModel())?.template).toMatchObject({ name: 'beijing', how: 'option' });
    const configured = createChecker({ cwd: dir, previous: 'configured/shanghai.xlsx' });
    expect((await configured.previousModel())?.template).toMatchObject({ name: 'beijing', how: 'config' });
    const detected = createChecker({ cwd: dir, previous: 'shanghai.xlsx' });
    expect((await detected.previousModel())?.template).toMatchObject({ name: 'shanghai', how: 'detected' });
  });

  it('an unknown name is an InputError when the checker is made', () => {
    expect(() => createChecker({ cwd: dir, template: 'atlantis' })).toThrow(InputError);
  });

  describe('on worker threads (the built dist/)', () => {
    beforeAll(() => ensureDist(), 120_000);

    it('the workers read with the checker’s set as this thread does', async () => {
      const checker = createChecker({ cwd: dir, template: 'beijing' });
      const files = ['shanghai.xlsx', 'configured/shanghai.xlsx'];
      const threaded = await checker.checkFiles(files, { workerUrl: pathToFileURL(DIST_WORKER), jobs: 2 });
      expect(threaded.map((r) => r.model?.template?.name)).toEqual(['beijing', 'beijing']);
      expect(threaded.map(missingKinds)).toEqual([BEIJING_LACKS, BEIJING_LACKS]);
    }, 60_000);
  });
});
