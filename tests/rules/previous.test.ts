import { describe, expect, it } from 'vitest';
import { parseRuleFile, RuleFileError, runRules } from '../../src/rules/index.js';
import { edit, seed } from './cases/common.js';

/** `previous: true` in the rule language: parsed, marked on the rule, and inert without a previous workbook. */

const rule = (right: string) => `rules:
  - id: my.opening
    title: 年初等于上年年末
    severity: error
    explain: 说明
    table: "01"
    assert:
      left: { cell: { block: income, row: { role: opening-balance }, column: amount } }
      op: "="
      right: ${right}
`;

describe('previous: true', () => {
  it('marks the expression and the rule', () => {
    const [parsed] = parseRuleFile(
      rule('{ cell: { previous: true, block: expenditure, row: { role: closing-balance }, column: amount } }'),
      'my.yaml',
    );
    expect(parsed?.previous).toBe(true);
    expect(parsed?.assert?.right).toMatchObject({ kind: 'cell', previous: true, block: 'expenditure' });
    const [plain] = parseRuleFile(
      rule('{ cell: { block: expenditure, row: { role: closing-balance }, column: amount } }'),
      'my.yaml',
    );
    expect(plain?.previous).toBeUndefined();
  });

  it('inside a sum and in sumRows too', () => {
    const [parsed] = parseRuleFile(
      rule(
        '{ sum: [{ sumRows: { previous: true, block: expenditure, where: { role: closing-balance }, column: amount } }] }',
      ),
      'my.yaml',
    );
    expect(parsed?.previous).toBe(true);
  });

  it('accepts only true, with the line', () => {
    let error: unknown;
    try {
      parseRuleFile(
        rule('{ cell: { previous: yes please, block: expenditure, row: { role: closing-balance }, column: amount } }'),
        'my.yaml',
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RuleFileError);
    expect(error).toMatchObject({ code: 'bad-value', line: 10 });
  });

  it('a rule that needs last year reports nothing without it, and compares with it when given', () => {
    const [parsed] = parseRuleFile(
      rule('{ cell: { previous: true, block: expenditure, row: { role: closing-balance }, column: amount } }'),
      'my.yaml',
    );
    if (!parsed) throw new Error('no rule');
    const opening = edit(['01', 'L29', 'amount', '10.00']);
    expect(runRules(opening, [parsed])).toEqual([]);
    expect(runRules(opening, [parsed], { previous: seed }).map((f) => f.data.expected)).toEqual(['0.00']);
  });
});
