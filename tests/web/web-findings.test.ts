import { beforeAll, describe, expect, it } from 'vitest';
import { createChecker } from '../../src/check/index.js';
import type { Finding } from '../../src/model/finding.js';
import { webFindings } from '../../src/web/web-findings.js';
import { workdir, writeText } from '../helpers/workdir.js';

/**
 * The web page lists findings as the other human formats do: the ### cells of one column of a table are
 * one line saying how many they are and where, so the page and its counts agree with stylish/markdown/html;
 * every other finding is placed as those formats place it.
 * The report: 基本支出 printed as ### in three rows, 项目支出 in one (a line of its own).
 */
const REPORT = [
  '2025年度支出决算表',
  '单位：万元',
  '科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出',
  '合计\t\t60.00\t###\t20.00',
  '2010101\t行政运行\t20.00\t###\t',
  '2050101\t学前教育\t20.00\t###\t',
  '2130599\t其他扶贫支出\t20.00\t\t###',
];

let findings: Finding[] = [];
let dir = '';

beforeAll(async () => {
  dir = workdir();
  writeText(dir, 'narrow.txt', `${REPORT.join('\n')}\n`);
  findings = (await createChecker({ cwd: dir }).checkFile('narrow.txt')).findings.filter(
    (f) => f.messageId === 'column-too-narrow',
  );
});

describe('the web page’s list of findings', () => {
  it('lists the ### cells of a column as one line with their count and place; a single ### as itself', () => {
    expect(findings).toHaveLength(4);
    const listed = webFindings(findings, 'narrow.txt', dir);
    expect(listed.map((f) => [f.ruleId, f.count, f.cell])).toEqual([
      [findings[0]?.ruleId, 3, '第 4–6 行 · 支出决算表 · 基本支出 列'],
      [findings[0]?.ruleId, undefined, '第 7 行第 5 列'],
    ]);
    expect(listed[0]?.message).toContain('3 个单元格显示 ###');
    expect(listed.reduce((n, f) => n + (f.count ?? 1), 0)).toBe(findings.length);
  });
});
