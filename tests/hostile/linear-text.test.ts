import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { textDocument } from '../../src/io/text/read-text.js';
import { parseAmount, parsePercent } from '../../src/reader/amount.js';
import { parseCodeCell } from '../../src/reader/codes.js';
import { matchTitle } from '../../src/reader/titles.js';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { ROOT } from '../helpers/dist.js';
import { workdir } from '../helpers/workdir.js';
import { cli } from '../formatters/seed-broken.js';
import { narrativeOf, narrativeVerdicts } from '../narrative/helpers.js';
import { joinVerticalTables } from '../../src/narrative/extract/vertical-table.js';
import { seedWith, setCell } from './hostile-workbook.js';
import { workRatio } from './work-ratio.js';

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (path.endsWith('.ts')) yield path;
  }
}

/** True when a group quantified without bound (+, *, {n,}) holds a quantifier without bound: star height 2. */
function nestsUnboundedQuantifiers(source: string): boolean {
  const unboundedAt = (j: number): boolean => {
    const c = source[j];
    if (c === '+' || c === '*') return true;
    return c === '{' && /^\{\d+,\}/.test(source.slice(j));
  };
  const groups: boolean[] = [];
  let inClass = false;
  const mark = () => {
    if (groups.length > 0) groups[groups.length - 1] = true;
  };
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i];
    if (c === '\\') {
      i += 1;
      if (!inClass && unboundedAt(i + 1)) mark();
    } else if (inClass) {
      if (c === ']') {
        inClass = false;
        if (unboundedAt(i + 1)) mark();
      }
    } else if (c === '[') inClass = true;
    else if (c === '(') groups.push(false);
    else if (c === ')') {
      const inner = groups.pop() ?? false;
      if (inner && unboundedAt(i + 1)) return true;
      if (inner || unboundedAt(i + 1)) mark();
    } else if (unboundedAt(i)) mark();
  }
  return false;
}

/**
 * Whether a text could hold a pattern that nestsUnboundedQuantifiers finds: it finds one only at a
 * group's closing parenthesis followed by +, * or {n,}, and a regular expression literal is the
 * file's own text. A file without that sequence is not parsed (most of src; the parse was most of
 * the test's time).
 */
const mayNest = (text: string): boolean => /\)(?:[+*]|\{\d+,\})/.test(text);

describe('every pattern that sees user text runs in linear time (item 3)', () => {
  it('no regular expression in src nests unbounded quantifiers', () => {
    const offenders: string[] = [];
    for (const file of sources(join(ROOT, 'src'))) {
      const text = readFileSync(file, 'utf8');
      if (!mayNest(text)) continue;
      // no parent pointers (a third of the parse's time): each node's text is asked of the file itself
      const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
      const visit = (node: ts.Node): void => {
        if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
          const literal = node.getText(source);
          if (nestsUnboundedQuantifiers(literal.slice(1, literal.lastIndexOf('/'))))
            offenders.push(
              `${file}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1} ${literal}`,
            );
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    // separator-led repetition: each round starts with a character the repeated class cannot
    // match ([.-] before [a-z0-9]+), so there is one way to match and no backtracking blow-up
    const reviewed = ['/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/'];
    expect(offenders.filter((o) => !reviewed.some((r) => o.endsWith(` ${r}`)))).toEqual([]);
  });

  it('the detector finds what it must', () => {
    expect(nestsUnboundedQuantifiers('^(a+)+$')).toBe(true);
    expect(nestsUnboundedQuantifiers('^[a-z0-9]+(?:-[a-z0-9]+)*$')).toBe(true);
    expect(nestsUnboundedQuantifiers('^(?:\\s+x){2,}$')).toBe(true);
    // a file is parsed only when its text may hold such a pattern: every one found is
    for (const nested of ['/^(a+)+$/', '/^[a-z0-9]+(?:-[a-z0-9]+)*$/', '/^(?:\\s+x){2,}$/'])
      expect(mayNest(nested)).toBe(true);
    expect(mayNest('const x = (a + b) * c; /^(?:a|b)?$/')).toBe(false);
    expect(nestsUnboundedQuantifiers('^\\d{1,3}(?:,\\d{3})+$')).toBe(false);
    expect(nestsUnboundedQuantifiers('^(?:[\\s-]*\\d{2})?$')).toBe(false);
  });

  const adversarial = (n: number): string[] => [
    '1'.repeat(n),
    '1,'.repeat(n / 2),
    `${'1 '.repeat(n / 2)}x`,
    `201${' '.repeat(n)}x`,
    `${'-'.repeat(n)}1`,
    `(${'('.repeat(n)}1`,
    `${'1.'.repeat(n / 2)}%`,
  ];
  it('amount, percent, code and title readers on 10,000 and 80,000 characters: work linear (or bounded)', () => {
    const catalog = loadCatalog();
    const job = (n: number) => {
      for (const text of adversarial(n)) {
        parseAmount(text);
        parsePercent(text);
        parseCodeCell(text, 'function');
        matchTitle(text, catalog);
      }
    };
    expect(workRatio(job, 10_000, 8)).toBeLessThan(24);
    expect(parseAmount('1'.repeat(10_000)).reason).toContain('内容过长');
  });

  it('a 10,000-digit amount cell is an unreadable cell, quickly (the CLI run)', async () => {
    const dir = workdir();
    const path = seedWith(dir, 'long-amount.xlsx', {
      'xl/worksheets/sheet3.xml': setCell('E9', ` t="inlineStr"><is><t>${'1'.repeat(10_000)}</t></is>`),
    });
    const result = await cli(['check', path], dir);
    expect(result.code).toBe(1);
    expect(result.out).toContain('cells.unreadable');
  });
});

describe('narrative extraction is linear (item 6)', () => {
  it('one long paragraph dense with figures: 8× the text, at most 24× the work', () => {
    const sentence = '本年收入合计2156.82万元，占比100%，比上年增加14.96万元，增长0.7%，';
    const job = (n: number) => narrativeVerdicts(narrativeOf([sentence.repeat(n)]));
    expect(workRatio(job, 150, 8, 2)).toBeLessThan(24);
  });

  it('one long paragraph of count phrases (n.restated reads the clause of each): 8× the text, at most 24× the work', () => {
    const clause = (i: number) => `第${(i % 9) + 1}组对本地区${(i % 40) + 2}个乡镇单位开展检查`;
    const clauses = (n: number) => `${Array.from({ length: n }, (_, i) => clause(i)).join('，')}。`;
    const job = (n: number) =>
      narrativeVerdicts(narrativeOf(['2022年度收入总计500万元，支出总计500万元。', clauses(n)]));
    expect(workRatio(job, 800, 8, 2)).toBeLessThan(24);
  });

  it('one long paragraph naming every figure twice (n.restated-named frames each): 8× the text, at most 24× the work', () => {
    const han = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉';
    const name = (i: number) => `${han[i % 20]}${han[Math.floor(i / 20) % 20]}${han[Math.floor(i / 400) % 20]}专项资金`;
    const twice = (n: number) => {
      const once = Array.from({ length: n }, (_, i) => `${name(i)}${100 + (i % 800)}万元`);
      return `经费总额100万元，其中：${[...once, ...once].join('，')}。`;
    };
    const job = (n: number) => narrativeVerdicts(narrativeOf([twice(n)]));
    expect(workRatio(job, 150, 8, 2)).toBeLessThan(24);
  });

  it('many short lines ending in a bar (each could start a table one cell per line), no figure among them: 8× the lines, at most 24× the work', () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `事项${i} |`);
    const job = (n: number) => joinVerticalTables(narrativeOf(lines(n)).paragraphs);
    expect(workRatio(job, 400, 8, 2)).toBeLessThan(24);
  });

  it('a narrative past its documented size is one sentence', async () => {
    const dir = workdir();
    const path = join(dir, 'huge.txt');
    writeFileSync(path, `${'说明文字。'.repeat(130_000)}\n`);
    const result = await cli(['check', path], dir);
    expect(result.code).toBe(2);
    expect(result.err.trim().split('\n')).toHaveLength(1);
    expect(result.err).toContain('超出本工具的处理上限');
  });

  it('a cell longer than Excel allows is one sentence', async () => {
    const dir = workdir();
    const path = seedWith(dir, 'long-cell.xlsx', {
      'xl/worksheets/sheet3.xml': setCell('B9', ` t="inlineStr"><is><t>${'字'.repeat(40_000)}</t></is>`),
    });
    const result = await cli(['check', path], dir);
    expect(result.code).toBe(2);
    expect(result.err).toContain('32767 个字符');
  });
});

describe('a space-aligned text table is read in linear time', () => {
  it('a pdftotext -layout table of many rows: 8× the rows, at most 24× the work', () => {
    // sparse rows, a label beside its code, three amount columns (columns found from the lines of figures)
    const table = (n: number) => {
      const lines = ['科目编码     科目名称                         合计       基本支出     项目支出'];
      for (let i = 0; i < n; i++) {
        const label = i % 7 === 0 ? '行政运行事务及其他相关机构事务' : '行政运行事务';
        const basic = i % 3 === 0 ? ' '.repeat(9) : (i / 2).toFixed(2).padStart(9);
        lines.push(
          `${String(2010101 + i).padEnd(12)} ${label.padEnd(30 - label.length)}${(i + 0.5).toFixed(2).padStart(9)}    ${basic}    ${(i / 3).toFixed(2).padStart(9)}`,
        );
      }
      return lines.join('\n');
    };
    const job = (n: number) => textDocument(table(n), 'a.txt');
    expect(workRatio(job, 250, 8, 2)).toBeLessThan(24);
  });
});

describe('a text of short lines is read in linear time', () => {
  it('lines reading 项目 among many short lines (each could start a table one cell per line): 8× the lines, at most 24× the work', () => {
    const text = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 === 0 ? '项目' : `第${i}项`)).join('\n\n');
    const job = (n: number) => textDocument(text(n), 'a.txt');
    expect(workRatio(job, 400, 8, 2)).toBeLessThan(24);
  });
  it('a long table one cell per line: 8× the rows, at most 24× the work', () => {
    const text = (n: number) =>
      ['项目', '决算数', ...Array.from({ length: n }, (_, i) => [`事项${i}`, `${i}.50`]).flat()].join('\n\n');
    const job = (n: number) => textDocument(text(n), 'a.txt');
    expect(workRatio(job, 400, 8, 2)).toBeLessThan(24);
  });
});
