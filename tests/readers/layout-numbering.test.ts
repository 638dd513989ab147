/**
 * A one-row 三公 table in `pdftotext -layout` text whose columns are as wide as their header words:
 * the 栏次 numbers stand at the left of their columns, the figures right-aligned at the right, so a
 * wide column shows as two bands no line fills both of. The numbering row places the figures: each
 * figure ending before the next number starts is in the column of the number before it (as a
 * Jiangxi city's report printed it; numbers our own).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { memoryIO } from '../../src/cli/io.js';
import type { Finding } from '../../src/model/finding.js';
import { textDocument } from '../../src/io/text/read-text.js';
import { readDocument } from '../../src/reader/read-document.js';

/** Display width: CJK and full-width characters two columns, the rest one. */
const width = (s: string) => [...s].reduce((n, ch) => n + ((ch.codePointAt(0) ?? 0) > 0x2ff ? 2 : 1), 0);
const left = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));

/** The columns of one block (预算数 or 决算数), each as wide as its widest header word below the top row. */
const WIDTHS = [6, 16, 6, 14, 14, 10];
const GAP = 3;
/** The top header row's words and the columns each spans (公务用车购置及运行费 over three). */
const TOP: [string, number][] = [
  ['合计', 1],
  ['因公出国（境）费', 1],
  ['公务用车购置及运行费', 3],
  ['公务接待费', 1],
];
const SUB = ['', '', '小计', '公务用车购置费', '公务用车运行费', ''];

/** A line with each text placed at a column position (display columns). */
function placed(cells: [number, string][]): string {
  let out = '';
  for (const [at, text] of cells) out = left(out, at) + text;
  return out.trimEnd();
}

/** The table as printed: 12 figures, 预算数 then 决算数. */
function sangong(figures: string[]): string {
  const widths = [...WIDTHS, ...WIDTHS];
  const starts = widths.map((_, i) => widths.slice(0, i).reduce((n, w) => n + w + GAP, 0));
  const end = (i: number) => (starts[i] as number) + (widths[i] as number);
  const top: [number, string][] = [];
  for (const block of [0, 6]) {
    let col = block;
    for (const [text, span] of TOP) {
      const from = starts[col] as number;
      const to = end(col + span - 1);
      top.push([from + Math.max(0, Math.floor((to - from - width(text)) / 2)), text]);
      col += span;
    }
  }
  return [
    '2021年度一般公共预算财政拨款“三公”经费支出决算表',
    '单位：某市文学艺术界联合会                    金额单位：万元',
    placed([
      [Math.floor(end(5) / 2) - 3, '预算数'],
      [Math.floor(((starts[6] as number) + end(11)) / 2) - 3, '决算数'],
    ]),
    placed(top),
    placed(SUB.concat(SUB).map((t, i) => [starts[i] as number, t])),
    placed(widths.map((_, i) => [starts[i] as number, String(i + 1)])),
    placed(widths.map((_, i) => [end(i) - width(figures[i] ?? ''), figures[i] ?? ''])),
    '',
  ].join('\n');
}

const CONSISTENT = [
  '18.86',
  '0.00',
  '12.07',
  '0.00',
  '12.07',
  '6.79',
  '17.16',
  '0.00',
  '11.37',
  '0.00',
  '11.37',
  '5.79',
];

describe('a one-row 三公 table in space-aligned text with wide columns', () => {
  const dir = mkdtempSync(join(os.tmpdir(), 'juesuan-numbering-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const tableFindings = async (text: string): Promise<string[]> => {
    writeFileSync(join(dir, 'a.txt'), text);
    const io = memoryIO({ cwd: dir });
    await run(['check', 'a.txt', '--format', 'json'], io);
    const { findings } = JSON.parse(io.stdout.join('')) as { findings: Finding[] };
    return findings
      .filter((f) => f.location.table === '09')
      .map((f) => `${f.ruleId} ${f.severity}`)
      .sort();
  };

  it('reads twelve columns, each figure under its header', () => {
    const model = readDocument(textDocument(sangong(CONSISTENT), 'a.txt'));
    const table = model.tables.find((t) => t.kind === '09');
    expect(table?.columns.map((c) => `${c.block}/${c.id}`)).toEqual([
      'budget/total',
      'budget/abroad',
      'budget/vehicle',
      'budget/vehicle-purchase',
      'budget/vehicle-operation',
      'budget/reception',
      'actual/total',
      'actual/abroad',
      'actual/vehicle',
      'actual/vehicle-purchase',
      'actual/vehicle-operation',
      'actual/reception',
    ]);
    const actual = table?.rows.find((r) => r.block === 'actual');
    expect(actual?.cells['vehicle-operation']?.value?.toFixed(2)).toBe('11.37');
    expect(actual?.cells.reception?.value?.toFixed(2)).toBe('5.79');
  });
  it('consistent figures: no finding; 决算 小计 0.50 over 购置 + 运行: t09.vehicle and t09.total', async () => {
    expect(await tableFindings(sangong(CONSISTENT))).toEqual([]);
    const planted = [...CONSISTENT];
    planted[8] = '11.87';
    expect((await tableFindings(sangong(planted))).filter((f) => !f.endsWith(' info'))).toEqual([
      't09.total error',
      't09.vehicle error',
    ]);
  });
});

describe('two figures read into one cell (the gap between two columns lost)', () => {
  const dir = mkdtempSync(join(os.tmpdir(), 'juesuan-merged-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  /** The 预算数 公务接待费 and the 决算数 合计 printed one space apart: one piece of text. */
  const squeezed = () => {
    const lines = sangong(CONSISTENT).split('\n');
    const at = lines.findIndex((l) => l.includes('6.79'));
    lines[at] = (lines[at] as string).replace(/6\.79 +17\.16/, (m) => `${' '.repeat(m.length - 10)}6.79 17.16`);
    return lines.join('\n');
  };
  it('is a note at the cell, not an unreadable-cell error; no other table finding follows from it', async () => {
    writeFileSync(join(dir, 'a.txt'), squeezed());
    const io = memoryIO({ cwd: dir });
    await run(['check', 'a.txt', '--format', 'json'], io);
    const { findings } = JSON.parse(io.stdout.join('')) as { findings: Finding[] };
    const in09 = findings.filter((f) => f.location.table === '09');
    expect(in09.map((f) => `${f.ruleId} ${f.severity}`)).toEqual(['cells.merged-figures info']);
    expect(in09[0]?.message).toContain('「6.79 17.16」');
  });
});
