import { describe, expect, it } from 'vitest';
import { checkNarrative } from '../../src/narrative/check.js';
import { narrativeRulePaths, priorRulePaths } from '../../src/narrative/rule-paths.js';
import { builtinRulePaths, loadRuleFiles, parseRuleFile, RuleFileError, type Rule } from '../../src/rules/index.js';
import { slotsOf } from '../../src/rules/messages.js';
import { IMPLEMENTATIONS } from '../../src/rules/registry.js';
import { stamp, stampChecked } from '../../src/rules/stamp.js';
import { workdir, writeText } from '../helpers/workdir.js';
import { narrativeOf } from '../narrative/helpers.js';
import { failure } from '../helpers/rule-file.js';

const dir = workdir();
const { rules } = loadRuleFiles([...builtinRulePaths(), ...narrativeRulePaths(), ...priorRulePaths()]);

function ruleText(fields: string): string {
  return `rules:\n  - id: my.rule\n    title: 测试\n    severity: warn\n    explain: 说明\n${fields}`;
}

describe('the registry of rule implementations', () => {
  it('is complete: every implementation is named by exactly one built-in rule, every check rule names one', () => {
    const named = rules.filter((r) => r.check !== undefined).map((r) => r.check as string);
    expect(named.sort()).toEqual([...IMPLEMENTATIONS.keys()].sort());
    expect(new Set(named).size).toBe(named.length);
    expect(named.length).toBeGreaterThan(20);
  });

  it('every implementation declares its messages, each a template with slots', () => {
    for (const [name, implementation] of IMPLEMENTATIONS) {
      const templates = Object.values(implementation.messages);
      expect(templates.length, name).toBeGreaterThan(0);
      for (const template of templates) expect(slotsOf(template).length, name).toBeGreaterThan(0);
      for (const template of templates)
        expect(implementation.slots, name).toEqual(expect.arrayContaining(slotsOf(template)));
    }
  });

  it('families: the narrative, 绩效自评表 and prior-year rules name their own implementations', () => {
    const family = (prefix: string) => rules.filter((r) => r.id.startsWith(prefix)).map((r) => r.check?.split('.')[0]);
    expect(new Set(family('n.'))).toEqual(new Set(['narrative']));
    expect(new Set(family('p.'))).toEqual(new Set(['performance']));
    expect(new Set(family('y.narrative.'))).toEqual(new Set(['prior']));
  });
});

describe('a rule file naming an implementation', () => {
  it('an unknown implementation is a rule-file error with file and line', () => {
    const error = failure(ruleText('    check: narrative.shares\n'));
    expect(error).toMatchObject({ code: 'bad-value', line: 6 });
    expect(error.message).toContain('my.yaml 第 6 行');
    expect(error.message).toContain('narrative.shares');
    // the old catch-all name is gone too
    expect(failure(ruleText('    check: narrative\n')).line).toBe(6);
  });

  it('a narrative rule’s message may use its own slots: {{where}} {{quote}} loads', () => {
    const [rule] = parseRuleFile(
      ruleText('    check: narrative.share\n    message: "{{where}} {{quote}}"\n'),
      'my.yaml',
    );
    expect(rule?.message).toBe('{{where}} {{quote}}');
    const error = failure(ruleText('    check: narrative.share\n    message: "{{where}} {{cellar}}"\n'));
    expect(error).toMatchObject({ code: 'bad-value', line: 7 });
    expect(error.message).toContain('{{cellar}}');
  });

  it('a table rule’s message is checked against the table slots: {{quote}} is refused', () => {
    const text = ruleText(
      '    table: "03"\n    forEach: {}\n    assert: { left: total, op: "=", right: { sum: [basic, project] } }\n    message: "{{quote}}"\n',
    );
    expect(failure(text)).toMatchObject({ code: 'bad-value', line: 9 });
  });

  it('two rules naming one implementation: the second is an error at its line', () => {
    const text = `${ruleText('    check: narrative.share\n')}  - id: my.other\n    title: 又一条\n    severity: info\n    explain: 说明\n    check: narrative.share\n`;
    const path = writeText(dir, 'two.yaml', text);
    try {
      loadRuleFiles([path]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RuleFileError);
      expect((error as RuleFileError).code).toBe('duplicate-check');
      expect((error as RuleFileError).line).toBe(7);
    }
  });
});

describe('implementation problems through the strict reader: every one at once, each at its line', () => {
  const rule = (id: string, fields: string) =>
    `  - id: ${id}\n    title: 测试\n    severity: warn\n    explain: 说明\n${fields}`;

  it('an unknown implementation and a bad message slot in other rules are reported together', () => {
    const text = `rules:\n${rule('my.one', '    check: narrative.shares\n')}${rule('my.two', '    check: narrative.share\n    message: "{{cellar}}"\n')}`;
    try {
      parseRuleFile(text, 'my.yaml');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RuleFileError);
      expect((error as RuleFileError).problems.map((p) => [p.code, p.line])).toEqual([
        ['bad-value', 6],
        ['bad-value', 12],
      ]);
      const lines = (error as RuleFileError).message.split('\n');
      expect(lines[0]).toMatch(/^规则文件 my\.yaml 第 6 行：.*不认识「narrative\.shares」（bad-value）$/);
      expect(lines[1]).toMatch(/^规则文件 my\.yaml 第 12 行：.*\{\{cellar\}\}.*（bad-value）$/);
    }
  });

  it('a repeated implementation and a repeated id in one file: both named, at their rules’ lines', () => {
    const text = `rules:\n${rule('my.a', '    check: narrative.share\n')}${rule('my.b', '    check: narrative.share\n')}${rule('my.a', '    check: narrative.rate\n')}`;
    try {
      loadRuleFiles([writeText(dir, 'repeats.yaml', text)]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RuleFileError);
      expect((error as RuleFileError).problems.map((p) => [p.code, p.line])).toEqual([
        ['duplicate-check', 7],
        ['duplicate-id', 12],
      ]);
      expect((error as RuleFileError).message.split('\n')).toHaveLength(2);
    }
  });
});

describe('the one stamp', () => {
  const share = rules.find((r) => r.id === 'n.share') as Rule;
  const raw = { messageId: 'share-mismatch', data: {}, location: { file: 'a.txt' }, related: [] };

  it('refuses a messageId its implementation does not declare', () => {
    expect(() => stamp(share, 'error', { ...raw, messageId: 'rate-mismatch' })).toThrow(/n\.share.*rate-mismatch/);
  });

  it('strict (tests): a slot without data fails; otherwise it renders empty', () => {
    expect(() => stamp(share, 'error', raw, { strict: true })).toThrow(/\{\{where\}\}/);
    expect(stamp(share, 'error', raw).message).toContain('情况说明  写');
  });

  it('a rule’s own message is used for the narrative rules too (it was ignored for the prior-year ones)', () => {
    const own = [{ ...share, message: '{{where}}：{{quote}}' }];
    const [finding] = stampChecked([{ ...raw, check: 'narrative.share', data: { where: 'P3', quote: '占 50%' } }], own);
    expect(finding?.message).toBe('P3：占 50%');
    const prior = rules.find((r) => r.id === 'y.narrative.change') as Rule;
    const [year] = stampChecked(
      [
        {
          check: 'prior.change',
          messageId: 'prior-change',
          data: { where: 'P1' },
          location: { file: 'a' },
          related: [],
        },
      ],
      [{ ...prior, message: '{{where}} 不对' }],
    );
    expect(year?.message).toBe('P1 不对');
  });

  it('the narrative checker’s findings render every slot of their messages (strict)', () => {
    const findings = checkNarrative({
      narrative: narrativeOf([
        '收入合计 100 万元，其中财政拨款收入 60 万元，占 70%；其他收入 40 万元，占 40%。',
        '共涉及项目 3 个：1. 甲项目 1 万元；2. 乙项目 2 万元。',
      ]),
      rules,
      strict: true,
    }).findings;
    expect(findings.map((f) => f.ruleId)).toContain('n.share');
  });
});
