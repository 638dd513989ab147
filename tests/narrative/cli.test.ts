import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { run } from '../../src/cli.js';
import { memoryIO } from '../../src/cli/io.js';
import type { Finding } from '../../src/model/finding.js';
import { FIXTURES } from '../helpers/fixtures.js';
import { workdir } from '../helpers/workdir.js';
import { buildZip, storedEntry, zerosEntry } from '../helpers/zip.js';
import { INPUT_ERROR_MARKERS } from '../../src/errors/messages.js';

const dir = workdir();
const source = YAML.parse(readFileSync(join(FIXTURES, 'src', 'seed-2024-narrative.yaml'), 'utf8')) as {
  expected: { rule: string; paragraph: string }[];
};
const expected = source.expected.map((e) => `${e.rule} ${e.paragraph}`).sort();

async function cli(args: string[]) {
  const io = memoryIO({ cwd: dir });
  const code = await run(args, io);
  return { code, out: io.stdout.join(''), err: io.stderr.join('') };
}

async function json(args: string[]): Promise<{ code: number; findings: Finding[] }> {
  const { code, out, err } = await cli([...args, '--format', 'json', '--jobs', '1']);
  if (code === 2) throw new Error(err);
  return { code, findings: (JSON.parse(out) as { findings: Finding[] }).findings };
}

const problems = (findings: Finding[]) =>
  findings
    .filter((f) => f.severity !== 'info')
    .map((f) => `${f.ruleId} ${f.location.rowKey ?? ''}`)
    .sort();
const source_ = (findings: Finding[]) => findings.find((f) => f.ruleId === 'n.source');

describe('juesuan check with a narrative', () => {
  it('reads the 情况说明 sheet of the workbook and says so', async () => {
    const { code, findings } = await json(['check', join(FIXTURES, 'seed-2024-full.xlsx')]);
    expect(code).toBe(1);
    expect(problems(findings)).toEqual(expected);
    expect(source_(findings)?.message).toContain('工作表「情况说明」');
    expect(source_(findings)?.data).toMatchObject({ paragraphs: '99' });
  });

  it('--narrative FILE (.docx) beside the nine tables', async () => {
    const { findings } = await json([
      'check',
      join(FIXTURES, 'seed-2024.xlsx'),
      '--narrative',
      join(FIXTURES, 'seed-2024-narrative.docx'),
    ]);
    expect(problems(findings)).toEqual(expected);
    expect(source_(findings)?.message).toContain('--narrative');
  });

  it('picks up a same-named .docx beside the workbook and says so', async () => {
    copyFileSync(join(FIXTURES, 'seed-2024.xlsx'), join(dir, '决算.xlsx'));
    copyFileSync(join(FIXTURES, 'seed-2024-narrative.docx'), join(dir, '决算.docx'));
    const { findings } = await json(['check', '决算.xlsx']);
    expect(problems(findings)).toEqual(expected);
    expect(source_(findings)?.message).toContain('与工作簿同名的 决算.docx（自动读取）');
    const stylish = await cli(['check', '决算.xlsx', '--jobs', '1']);
    expect(stylish.out).toContain('情况说明取自 与工作簿同名的 决算.docx');
  });

  it('checks a narrative given alone (notes.docx) for its own arithmetic', async () => {
    copyFileSync(join(FIXTURES, 'seed-2024-narrative.docx'), join(dir, 'notes.docx'));
    const { code, findings } = await json(['check', 'notes.docx']);
    expect(code).toBe(1);
    expect(problems(findings)).toEqual(expected);
    expect(findings.every((f) => f.location.file === 'notes.docx' && f.location.table === 'narrative')).toBe(true);
  });

  it('a clean draft alone exits 0', async () => {
    writeFileSync(
      join(dir, 'draft.txt'),
      '2024年度收入合计2156.82万元，与2023年度相比，收入合计增加14.96万元，增长0.7%。\n',
    );
    expect((await cli(['check', 'draft.txt'])).code).toBe(0);
  });

  it('a .docx that is not one is unusable input: exit 2, one sentence', async () => {
    writeFileSync(join(dir, 'broken.docx'), 'not a zip at all');
    const { code, err } = await cli(['check', 'broken.docx']);
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain('broken.docx');
  });

  it('a .docx zip bomb is refused before it is inflated: exit 2, one sentence', async () => {
    writeFileSync(
      join(dir, 'bomb.docx'),
      buildZip([storedEntry('[Content_Types].xml', '<Types/>'), zerosEntry('word/document.xml', 300)]),
    );
    const { code, err } = await cli(['check', 'bomb.docx']);
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain(INPUT_ERROR_MARKERS['zip-bomb']);
  });
});

describe('narrative rules are rules like the others', () => {
  it('juesuan rules lists them with their default severity; explain explains them', async () => {
    const rules = JSON.parse((await cli(['rules', '--format', 'json'])).out) as { id: string; severity: string }[];
    expect(rules).toEqual(
      expect.arrayContaining([
        { id: 'n.rate-capped-100', severity: 'warn', title: expect.any(String), table: null },
        expect.objectContaining({ id: 'p.sum', severity: 'error' }),
      ]),
    );
    const explain = await cli(['explain', 'n.rate-capped-100']);
    expect(explain.code).toBe(0);
    expect(explain.out).toContain('112.05%');
  });

  it('--disable and a configuration re-grade them', async () => {
    const file = join(FIXTURES, 'seed-2024-full.xlsx');
    const disabled = await json(['check', file, '--disable', 'n.template-residue']);
    expect(problems(disabled.findings).some((f) => f.startsWith('n.template-residue'))).toBe(false);
    writeFileSync(
      join(dir, 'house.yaml'),
      'rules:\n  n.rate-capped-100: off\n  n.list-sum: warn\n  n.direction: warn\n',
    );
    const regraded = await json(['check', file, '--config', join(dir, 'house.yaml')]);
    expect(regraded.code).toBe(0);
    expect(regraded.findings.some((f) => f.ruleId === 'n.rate-capped-100')).toBe(false);
    expect(regraded.findings.find((f) => f.ruleId === 'n.list-sum')?.severity).toBe('warn');
  });
});
