import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { docxOf } from '../../scripts/fixtures/docx.js';
import { writePdf } from '../../scripts/fixtures/pdf.js';
import { run } from '../../src/cli.js';
import { memoryIO } from '../../src/cli/io.js';
import { INPUT_ERROR_MARKERS } from '../../src/errors/messages.js';
import { FIXTURES } from '../helpers/fixtures.js';
import { workdir } from '../helpers/workdir.js';

/**
 * A document without a recognisable table has no amounts to compare: `diff` refuses it with one
 * Chinese sentence and exit 2 (it used to print 两年金额没有变动 and exit 0), whatever its kind,
 * on either side. `check` reads the same document as a 情况说明 alone, which is legitimate.
 */

const dir = workdir();
const TEXT = [
  '一、部门职责',
  '本部门负责全市财政资金的管理工作。',
  '二、收入支出决算总体情况说明',
  '2024年度收入总计100.00万元。',
];

async function cli(args: string[]) {
  const io = memoryIO({ cwd: dir });
  const code = await run(args, io);
  return { code, out: io.stdout.join(''), err: io.stderr.join('') };
}

const NO_TABLES: Record<string, () => Buffer | Promise<Buffer>> = {
  'notes.docx': () => docxOf(TEXT),
  'notes.txt': () => Buffer.from(`${TEXT.join('\n')}\n`),
  'notes.md': () => Buffer.from(`# ${TEXT.join('\n\n')}\n`),
  'notes.html': () => Buffer.from(`<html><body>${TEXT.map((p) => `<p>${p}</p>`).join('')}</body></html>`),
  'notes.pdf': () =>
    writePdf([{ runs: TEXT.map((text, i) => ({ x: 72, y: 760 - 24 * i, size: 12, text })), lines: [], rects: [] }], {
      font: 'cid',
    }),
  'plain.xlsx': async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.created = workbook.modified = new Date(Date.UTC(2025, 0, 1));
    const sheet = workbook.addWorksheet('随便写写');
    sheet.addRow(['购物清单', '数量']);
    sheet.addRow(['苹果', 3]);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  },
};

beforeAll(async () => {
  for (const [name, bytes] of Object.entries(NO_TABLES)) writeFileSync(join(dir, name), await bytes());
  copyFileSync(join(FIXTURES, 'seed-2024.xlsx'), join(dir, 'seed.xlsx'));
});

function expectRefused(result: { code: number; out: string; err: string }, file: string) {
  expect(result.code).toBe(2);
  expect(result.out).toBe('');
  expect(result.err).not.toContain('两年金额没有变动');
  expect(result.err).toContain(`「${file}」`);
  expect(result.err).toContain(INPUT_ERROR_MARKERS['no-tables-diff']);
  // one sentence on one line, nothing in English
  expect(result.err.trimEnd().split('\n')).toHaveLength(1);
  expect(result.err).toMatch(/^juesuan: [^A-Za-z]*「/u);
}

describe('diff of documents without tables', () => {
  it.each(Object.keys(NO_TABLES))('%s on both sides → one sentence, exit 2', async (name) => {
    expectRefused(await cli(['diff', name, name]), name);
  });

  it.each(['notes.docx', 'notes.txt', 'plain.xlsx'])('%s on one side only → exit 2, naming it', async (name) => {
    expectRefused(await cli(['diff', 'seed.xlsx', name]), name);
    expectRefused(await cli(['diff', name, 'seed.xlsx']), name);
  });

  it('the json format is refused the same way (no empty diff written)', async () => {
    expectRefused(await cli(['diff', 'notes.docx', 'notes.docx', '--format', 'json']), 'notes.docx');
  });
});

describe('check of the same documents', () => {
  it.each(['notes.docx', 'notes.txt', 'notes.md', 'notes.html', 'notes.pdf'])(
    '%s is a 情况说明 alone: checked, not refused',
    async (name) => {
      const { code, out, err } = await cli(['check', name, '--format', 'json']);
      expect(err).toBe('');
      expect(code).toBe(0);
      const report = JSON.parse(out) as { files: { error?: unknown }[]; findings: { ruleId: string }[] };
      expect(report.files[0]?.error).toBeUndefined();
      expect(report.findings.map((f) => f.ruleId)).toContain('n.source');
    },
  );

  it('a workbook without tables stays unusable for check', async () => {
    const { code, err } = await cli(['check', 'plain.xlsx']);
    expect(code).toBe(2);
    expect(err).toContain(INPUT_ERROR_MARKERS['no-tables']);
  });

  it('a web page with neither tables nor text stays unusable', async () => {
    writeFileSync(join(dir, 'empty.html'), '<html><body><img src="x.png"></body></html>');
    const { code, err } = await cli(['check', 'empty.html']);
    expect(code).toBe(2);
    expect(err).toContain(INPUT_ERROR_MARKERS['no-tables-published']);
  });
});
