import { joinChineseLines } from '../../src/util/text.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRulePaths, loadRuleFiles, parseRuleFile, RuleFileError } from '../../src/rules/index.js';
import { failure } from '../helpers/rule-file.js';

const RULE = `rules:
  - id: my.rule
    title: 测试
    severity: error
    explain: 说明
    table: "03"
    forEach: {}
    assert:
      left: total
      op: "="
      right: { sum: [basic, project] }
`;

describe('rule files', () => {
  it('built-in files: rules/*.yaml without the catalog, all valid', () => {
    const paths = builtinRulePaths();
    expect(paths.map((p) => p.split('/').pop())).toEqual([
      'baseline.yaml',
      'cells.yaml',
      'completeness.yaml',
      'cross.yaml',
      'diagnosis.yaml',
      't01.yaml',
      't02.yaml',
      't03.yaml',
      't04.yaml',
      't05.yaml',
      't06.yaml',
      't07.yaml',
      't08.yaml',
      't09.yaml',
      'xk-fiscal.yaml',
      'xk-general.yaml',
      'xk-other.yaml',
      'y.yaml',
    ]);
    expect(loadRuleFiles(paths).rules.length).toBeGreaterThan(60);
  });

  it('parses a rule into data, keeping its line', () => {
    const [rule] = parseRuleFile(RULE, 'my.yaml');
    expect(rule).toMatchObject({ id: 'my.rule', table: '03', severity: 'error', source: { file: 'my.yaml', line: 2 } });
    expect(rule?.assert).toEqual({
      left: { kind: 'column', column: 'total' },
      op: '=',
      right: {
        kind: 'sum',
        plus: [
          { kind: 'column', column: 'basic' },
          { kind: 'column', column: 'project' },
        ],
        minus: [],
      },
    });
  });

  it('accepts table by Chinese name, unquoted kind, column by Chinese name, ≤ and codes as numbers', () => {
    const text = RULE.replace('table: "03"', 'table: 支出决算表')
      .replace('left: total', 'left: 基本支出')
      .replace('"="', '"≤"');
    expect(parseRuleFile(text, 'my.yaml')[0]?.assert).toMatchObject({ left: { column: 'basic' }, op: '<=' });
    expect(parseRuleFile(RULE.replace('table: "03"', 'table: 03'), 'my.yaml')[0]?.table).toBe('03');
    const codes = RULE.replace(
      'right: { sum: [basic, project] }',
      'right: { sumRows: { where: { codeIn: [2010350], under: 201 }, column: total } }',
    );
    expect(parseRuleFile(codes, 'my.yaml')[0]?.assert?.right).toEqual({
      kind: 'sumRows',
      where: { codeIn: ['2010350'], under: '201' },
      column: 'total',
    });
  });

  it.each([
    ['YAML syntax', 'yaml-syntax', 11, RULE.replace('op: "="', 'op: "="\n   bad: [unclosed')],
    ['unknown rule key', 'unknown-key', 6, RULE.replace('    table: "03"', '    tabel: "03"')],
    [
      'unknown key in an expression',
      'unknown-key',
      11,
      RULE.replace('{ sum: [basic, project] }', '{ sum: [basic], plus: [project] }'),
    ],
    [
      'two forms in one expression',
      'bad-value',
      11,
      RULE.replace('{ sum: [basic, project] }', '{ cell: { row: { total: true }, column: total }, sumRows: {} }'),
    ],
    ['missing assert', 'missing-key', 2, RULE.split('    assert:')[0] ?? ''],
    ['bad severity', 'bad-value', 4, RULE.replace('severity: error', 'severity: fatal')],
    ['bad op', 'bad-value', 10, RULE.replace('op: "="', 'op: "=="')],
    ['bad id', 'bad-value', 2, RULE.replace('my.rule', 'My Rule')],
    ['unknown table', 'unknown-table', 6, RULE.replace('table: "03"', 'table: "13"')],
    ['unknown column', 'unknown-column', 9, RULE.replace('left: total', 'left: totl')],
    ['column of another table', 'unknown-column', 9, RULE.replace('left: total', 'left: subtotal')],
    ['unknown block', 'unknown-block', 7, RULE.replace('forEach: {}', 'forEach: { block: income }')],
    [
      'unknown role',
      'unknown-role',
      8,
      RULE.replace('table: "03"', 'table: "01"')
        .replace('    forEach: {}\n', '')
        .replace('left: total', 'left: { cell: { row: { role: totl }, column: amount } }'),
    ],
    ['$column without forEach.columns', 'bad-value', 9, RULE.replace('left: total', 'left: $column')],
    [
      '$code outside forEach',
      'bad-value',
      10,
      RULE.replace('    forEach: {}\n', '').replace(
        '{ sum: [basic, project] }',
        '{ sumRows: { where: { childOf: $code }, column: total } }',
      ),
    ],
    [
      'bad code',
      'bad-value',
      11,
      RULE.replace('{ sum: [basic, project] }', '{ sumRows: { where: { prefix: [20] }, column: total } }'),
    ],
    ['bad level', 'bad-value', 7, RULE.replace('forEach: {}', 'forEach: { level: 目 }')],
    ['unknown message slot', 'bad-value', 6, RULE.replace('    table:', '    message: "{{total}} 不对"\n    table:')],
    [
      'check and assert together',
      'bad-shape',
      6,
      RULE.replace('    table: "03"', '    check: missing-tables\n    table: "03"'),
    ],
    ['unknown check', 'bad-value', 6, `${RULE.split('    table:')[0]}    check: everything\n`],
    ['top level not under rules:', 'unknown-key', 1, RULE.replace('rules:', 'rule:')],
  ])('%s → %s at line %i', (_, code, line, text) => {
    expect(failure(text)).toMatchObject({ code, line });
  });

  it('reports every problem of a file at once, one sentence each, in line order', () => {
    const text = `rules:
  - id: a.one
    title: 一
    severity: fatal
    explain: 说明
    table: "03"
    assert: { left: totl, op: "=", right: basic }
  - id: a.two
    titel: 二
    severity: error
    explian: 说明
    check: missing-tables
  - id: a.three
    title: 三
    severity: info
    explain: 说明
    check: missing-tables
  - id: a.three
    title: 三
    severity: info
    explain: 说明
    check: missing-tables
`;
    let error: unknown;
    try {
      parseRuleFile(text, 'my.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RuleFileError);
    const { problems, message, code, line } = error as RuleFileError;
    expect(problems.map((p) => [p.code, p.line])).toEqual([
      ['bad-value', 4],
      ['unknown-column', 7],
      ['unknown-key', 9],
      ['unknown-key', 11],
    ]);
    expect({ code, line }).toEqual({ code: 'bad-value', line: 4 });
    const lines = message.split('\n');
    expect(lines).toHaveLength(4);
    for (const [k, l] of lines.entries())
      expect(l).toMatch(new RegExp(`^规则文件 my\\.yaml 第 ${problems[k]?.line} 行：`));
    // the same id three times: each repeat at its line
    const dir = mkdtempSync(join(tmpdir(), 'juesuan-rules-'));
    const rule = '  - id: a.x\n    title: 三\n    severity: info\n    explain: 说明\n    check: missing-tables\n';
    const thrice = join(dir, 'thrice.yaml');
    writeFileSync(thrice, `rules:\n${rule}${rule}${rule}`);
    expect(() => loadRuleFiles([thrice])).toThrow(
      expect.objectContaining({
        problems: [expect.objectContaining({ code: 'duplicate-id', line: 7 }), expect.objectContaining({ line: 12 })],
      }),
    );
  });

  it('names file and line in the message, and rejects duplicate ids across files', () => {
    expect(failure(RULE.replace('left: total', 'left: totl')).message).toMatch(
      /^规则文件 my\.yaml 第 9 行：.*totl.*（unknown-column）$/,
    );
    const dir = mkdtempSync(join(tmpdir(), 'juesuan-rules-'));
    const a = join(dir, 'a.yaml');
    const b = join(dir, 'b.yaml');
    writeFileSync(a, RULE);
    writeFileSync(b, RULE);
    expect(() => loadRuleFiles([a, b])).toThrow(expect.objectContaining({ code: 'duplicate-id', file: b, line: 2 }));
    expect(() => loadRuleFiles([join(dir, 'none.yaml')])).toThrow(expect.objectContaining({ code: 'file-not-found' }));
  });
});

describe('explanations read as Chinese prose', () => {
  it('no half-width space after Chinese punctuation or between Chinese characters (YAML folds lines with one)', async () => {
    const { narrativeRulePaths, priorRulePaths } = await import('../../src/narrative/rule-paths.js');
    const { rules } = loadRuleFiles([...builtinRulePaths(), ...narrativeRulePaths(), ...priorRulePaths()]);
    const stray = rules.filter((r) => /[，。；：、！？）」』] |\p{Script=Han} \p{Script=Han}/u.test(r.explain));
    expect(stray.map((r) => `${r.id}: ${r.explain}`)).toEqual([]);
    // spaces around symbols, digits and Latin words stay
    expect(joinChineseLines('合计 = 基本支出 + 项目支出，\n 2010350 事业运行； 结果 ok 一样')).toBe(
      '合计 = 基本支出 + 项目支出，\n 2010350 事业运行；结果 ok 一样',
    );
  });
});
