import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { existsSync, linkSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import { CULPRIT_BORDER_ARGB, CULPRIT_FILL_ARGB, FILL_ARGB, NOTE_SHEET } from '../../src/report/annotations.js';
import { mutatedCopy, workdir } from '../helpers/workdir.js';
import { brokenSeed, cli } from './seed-broken.js';

const dir = workdir();
let broken = '';
let findings: Finding[] = [];

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

async function readBack(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** Every cell of every sheet: "sheet!A1" → what --annotate may change (fill, note) and what it must not (value). */
function cellsOf(wb: ExcelJS.Workbook): Map<string, { fill: string; note: string; value: string }> {
  const cells = new Map<string, { fill: string; note: string; value: string }>();
  wb.eachSheet((ws) => {
    ws.eachRow({ includeEmpty: true }, (row) => {
      row.eachCell({ includeEmpty: true }, (cell) => {
        const note = typeof cell.note === 'string' ? cell.note : (cell.note?.texts ?? []).map((t) => t.text).join('');
        cells.set(`${ws.name}!${cell.address}`, {
          fill: JSON.stringify(cell.fill ?? null),
          note,
          value: JSON.stringify(cell.value),
        });
      });
    });
  });
  return cells;
}

/**
 * `check broken --annotate out/annotated.xlsx` (no narrative: every finding has a cell), run and read
 * back once for the three tests that look at that copy: the run, the workbook and the input's hash
 * before it.
 */
let plainCopy: Promise<{ code: number; err: string; inputBefore: string; copy: ExcelJS.Workbook }> | undefined;
function annotatedPlain() {
  plainCopy ??= (async () => {
    const inputBefore = sha256(broken);
    const { code, err } = await cli(['check', broken, '--annotate', 'out/annotated.xlsx'], dir);
    return { code, err, inputBefore, copy: await readBack(join(dir, 'out/annotated.xlsx')) };
  })();
  return plainCopy;
}

beforeAll(async () => {
  broken = await brokenSeed(dir);
  findings = (JSON.parse((await cli(['check', broken, '--format', 'json'], dir)).out) as { findings: Finding[] })
    .findings;
});

describe('check --annotate OUT.xlsx', () => {
  it('fills and comments exactly the offending cells; everything else and the input are unchanged', async () => {
    const { code, err, inputBefore, copy } = await annotatedPlain();
    expect(err).toBe('');
    expect(code).toBe(1);
    expect(sha256(broken)).toBe(inputBefore);

    const original = cellsOf(await readBack(broken));
    const annotated = cellsOf(copy);
    const offending = new Set(findings.map((f) => `${f.location.sheet}!${f.location.cell}`));
    // the two totals the identities are stated for, and the culprit the diagnosis names
    expect(offending).toEqual(new Set(['支出决算表!E9', '支出决算表!F8', '支出决算表!F9']));

    const changed = [...annotated.keys()].filter((k) => {
      const a = annotated.get(k);
      const o = original.get(k);
      return a?.fill !== o?.fill || a?.note !== o?.note;
    });
    expect(new Set(changed)).toEqual(offending);
    for (const [key, cell] of annotated) expect(cell.value, key).toBe(original.get(key)?.value ?? cell.value);
    expect(annotated.size).toBeGreaterThanOrEqual(original.size);

    for (const f of findings.filter((x) => x.ruleId !== 'diagnosis.culprit')) {
      const cell = annotated.get(`${f.location.sheet}!${f.location.cell}`);
      expect(JSON.parse(cell?.fill ?? 'null')).toMatchObject({
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb: FILL_ARGB.error },
      });
      expect(cell?.note).toContain(f.ruleId);
      expect(cell?.note).toContain(f.message);
    }
  });

  it('marks the culprit of an F9-type typo apart (fill and frame) and comments it first, with the repair value', async () => {
    const wb = (await annotatedPlain()).copy;
    const f9 = wb.getWorksheet('支出决算表')?.getCell('F9');
    expect(f9?.fill).toMatchObject({ fgColor: { argb: CULPRIT_FILL_ARGB } });
    expect(f9?.border?.left).toMatchObject({ style: 'medium', color: { argb: CULPRIT_BORDER_ARGB } });
    const note = typeof f9?.note === 'string' ? f9.note : (f9?.note?.texts ?? []).map((t) => t.text).join('');
    expect(note.split('\n\n')[1]).toMatch(
      /^\[诊断\] diagnosis\.culprit：最可能的出错单元格：支出决算表!F9（改为 392\.38 可同时消除 2 个错误）/,
    );
    // the totals keep the severity fill, and their comments name the culprit
    const f8 = wb.getWorksheet('支出决算表')?.getCell('F8');
    expect(f8?.fill).toMatchObject({ fgColor: { argb: FILL_ARGB.error } });
    expect(f8?.border?.left?.style).not.toBe('medium');
  });

  it('lists the findings about no cell on a note sheet, and says on stderr how many', async () => {
    const narrative = join(import.meta.dirname, '..', '..', 'fixtures', 'seed-2024-narrative.txt');
    const { err } = await cli(['check', broken, '--narrative', narrative, '--annotate', 'out/notes.xlsx'], dir);
    const json = JSON.parse((await cli(['check', broken, '--narrative', narrative, '--format', 'json'], dir)).out) as {
      findings: Finding[];
    };
    const unplaced = json.findings.filter((f) => !(f.location.sheet && f.location.cell));
    expect(unplaced.length).toBeGreaterThan(5);
    expect(err).toBe(
      `juesuan: ${unplaced.length} 个问题没有对应的单元格（情况说明、缺表等），未标在单元格上，已列在 out/notes.xlsx 的工作表「${NOTE_SHEET}」中。\n`,
    );
    const sheet = (await readBack(join(dir, 'out/notes.xlsx'))).getWorksheet(NOTE_SHEET);
    expect(sheet?.getRow(1).values).toEqual([undefined, '级别', '规则', '位置', '说明']);
    const rows = (sheet?.getSheetValues() ?? []).slice(2) as unknown[][];
    expect(rows.map((r) => r[2])).toEqual(unplaced.map((f) => f.ruleId));
    expect(rows.map((r) => r[4])).toEqual(unplaced.map((f) => f.message));
    // a check whose findings all have a cell adds no sheet and says nothing
    const plain = await annotatedPlain();
    expect(plain.err).toBe('');
    expect(plain.copy.getWorksheet(NOTE_SHEET)).toBeUndefined();
  });

  it('joins several findings on one cell in one comment', async () => {
    // a wrong 合计 of 本年支出合计 (E8) breaks its row sum and its column sum, both stated for E8
    const twice = await mutatedCopy(
      'seed-2024.xlsx',
      [{ sheet: '支出决算表', cell: 'E8', value: 1 }],
      join(dir, 'twice.xlsx'),
    );
    const json = JSON.parse((await cli(['check', twice, '--format', 'json'], dir)).out) as { findings: Finding[] };
    const onE8 = json.findings.filter((f) => f.location.sheet === '支出决算表' && f.location.cell === 'E8');
    expect(onE8.length).toBeGreaterThan(1);
    await cli(['check', twice, '--annotate', 'twice-annotated.xlsx'], dir);
    const note = cellsOf(await readBack(join(dir, 'twice-annotated.xlsx'))).get('支出决算表!E8')?.note ?? '';
    for (const f of onE8) expect(note).toContain(f.ruleId);
  });

  it('refuses to write over the input: same path, a hard link, a symbolic link', async () => {
    const before = sha256(broken);
    linkSync(broken, join(dir, 'hard.xlsx'));
    symlinkSync(broken, join(dir, 'soft.xlsx'));
    for (const out of [broken, 'broken.xlsx', './sub/../broken.xlsx', 'hard.xlsx', 'soft.xlsx']) {
      const { code, out: stdout, err } = await cli(['check', broken, '--annotate', out], dir);
      expect(code, out).toBe(2);
      expect(stdout).toBe('');
      expect(err.trim().split('\n'), out).toHaveLength(1);
      expect(err).toContain('从不改写输入');
    }
    expect(sha256(broken)).toBe(before);
  });

  it('is for one workbook and an .xlsx name', async () => {
    const several = await cli(['check', broken, join(dir, 'hard.xlsx'), '--annotate', 'x.xlsx'], dir);
    expect(several.code).toBe(2);
    expect(several.err).toContain('只能用于一个工作簿');
    const notXlsx = await cli(['check', broken, '--annotate', 'x.xls'], dir);
    expect(notXlsx.code).toBe(2);
    expect(notXlsx.err).toContain('.xlsx');
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
  });
});
