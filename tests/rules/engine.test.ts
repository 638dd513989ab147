import { describe, expect, it } from 'vitest';
import { builtinRulePaths, loadRuleFiles, parseRuleFile, runRules, type Rule } from '../../src/rules/index.js';
import { codeTable, FILE, model, without } from '../helpers/model-builder.js';
import { at, edit, seed } from './cases/common.js';
import { seedModel } from './seed-model.js';

const { rules } = loadRuleFiles(builtinRulePaths());
const rule = (id: string): Rule => {
  const found = rules.find((r) => r.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
};

describe('runRules', () => {
  it('gives the documented finding shape, with a precise Chinese message', () => {
    const [finding, ...rest] = runRules(edit(['03', 'F2010350', 'basic', '392.48']), [rule('t03.row-total')]);
    expect(rest).toEqual([]);
    expect(finding).toEqual({
      ruleId: 't03.row-total',
      severity: 'error',
      messageId: 'not-equal',
      message:
        '支出决算表 2010350 事业运行「本年支出合计」（支出决算表!C6）为 398.17 万元，「基本支出」 + 「项目支出」 + 「上缴上级支出」 + 「经营支出」 + 「对附属单位补助支出」为 398.27 万元，两者应相等；差额 -0.10 万元，超出舍入容差 0.015。',
      data: expect.objectContaining({
        table: '支出决算表',
        row: '2010350 事业运行',
        column: '本年支出合计',
        cell: '支出决算表!C6',
        actual: '398.17',
        expected: '398.27',
        difference: '-0.10',
        tolerance: '0.015',
        unit: '万元',
        op: '=',
      }),
      location: { file: FILE, sheet: '支出决算表', cell: 'C6', table: '03', rowKey: 'F2010350', column: 'total' },
      // the blank columns of the row are named directly, so they are listed too
      related: expect.arrayContaining([
        expect.objectContaining({ cell: 'D6', column: 'basic' }),
        expect.objectContaining({ cell: 'E6', column: 'project' }),
      ]),
    });
  });

  it('re-grades by configuration and skips rules set to off', () => {
    const m = edit(['03', 'F2010350', 'basic', '392.48']);
    expect(
      runRules(m, [rule('t03.row-total')], { severities: { 't03.row-total': 'warn' } }).map((f) => f.severity),
    ).toEqual(['warn']);
    expect(runRules(m, [rule('t03.row-total')], { severities: { 't03.row-total': 'off' } })).toEqual([]);
  });

  it('renders a rule\u2019s own message template with plain slots', () => {
    const [custom] = parseRuleFile(
      `rules:
  - id: my.row-total
    title: t
    severity: info
    explain: e
    message: "{{row}}：{{actual}} ≠ {{expected}}（容差 {{tolerance}}）"
    table: "03"
    forEach: {}
    assert: { left: total, op: "=", right: { sum: [basic, project] } }
`,
      'my.yaml',
    );
    const findings = runRules(edit(['03', 'F2010350', 'basic', '392.48']), [custom as Rule]);
    expect(findings.map((f) => [f.severity, f.message])).toEqual([
      ['info', '2010350 事业运行：398.17 ≠ 398.27（容差 0.015）'],
    ]);
  });

  it('reports an unreadable cell once, and never evaluates an identity through it', () => {
    const m = edit(['03', 'F2010350', 'basic', '#REF!']);
    const findings = runRules(m, rules);
    expect(findings.map((f) => [f.ruleId, `${f.location.sheet}!${f.location.cell}`])).toEqual([
      ['cells.unreadable', at('03', 'F2010350', 'basic')],
    ]);
    expect(findings[0]?.message).toContain('「#REF!」');
  });

  it('a blank cell is an exact zero: the 25 blank income lines add no tolerance', () => {
    const [finding] = runRules(edit(['01', 'L27', 'amount', '2156.84']), [rule('t01.income-total')]);
    expect(finding?.data).toMatchObject({ difference: '0.02', tolerance: '0.01' });
    // an explicit 0.00 is a rounded value: it widens the interval by 0.005
    const [zero] = runRules(edit(['01', 'L27', 'amount', '2156.84'], ['01', 'L2', 'amount', '0.00']), [
      rule('t01.income-total'),
    ]);
    expect(zero?.data).toMatchObject({ difference: '0.02', tolerance: '0.015' });
    expect(runRules(edit(['01', 'L27', 'amount', '2156.83']), [rule('t01.income-total')])).toEqual([]);
  });

  it('compares across units in the rule table\u2019s unit', () => {
    const yuan = seedModel(
      codeTable('03', [['合计', { total: '21568200.00', basic: '5336500.00', project: '16231700.00' }]], {
        unit: '元',
      }),
    );
    expect(runRules(yuan, [rule('x.t01-t03.expenditure-total')])).toEqual([]);
    const [off] = runRules(withTotal(yuan, '21569200.00'), [rule('x.t01-t03.expenditure-total')]);
    expect(off?.data).toMatchObject({ actual: '2156.82', expected: '2156.92', unit: '万元', tolerance: '0.0050005' });
  });

  it('skips rules on absent tables and columns; tables.missing says so', () => {
    const m = without(edit(['03', 'F2010350', 'basic', '392.48']), '01');
    expect(runRules(m, rules).map((f) => `${f.ruleId} ${f.location.cell ?? ''}`)).toEqual([
      'tables.missing ',
      't03.total-leaves D5',
      't03.row-total C6',
    ]);
    // a 03 without 上缴上级/经营/对附属单位 columns: the identity is checked over the columns it has
    const narrow = model([
      codeTable('03', [['2010350', { total: '398.17', basic: '392.38', project: '5.89' }]], {
        columns: ['total', 'basic', 'project'],
      }),
    ]);
    expect(runRules(narrow, [rule('t03.row-total')]).map((f) => f.data.expected)).toEqual(['398.27']);
  });

  it('sorts by file, sheet, row, column, rule id and removes duplicates', () => {
    const m = edit(
      ['03', 'F2010350', 'basic', '392.48'],
      ['02', 'F2210202', 'fiscal', '8.96'],
      ['01', 'L38', 'amount', '46.20'],
    );
    const findings = runRules(m, [...rules].reverse());
    const key = (f: (typeof findings)[number]) => {
      const [, col = '', row = '0'] = /^([A-Z]+)(\d+)$/.exec(f.location.cell ?? '') ?? [];
      return [f.location.sheet ?? '', Number(row), col.length, col, f.ruleId] as const;
    };
    const ordered = [...findings].sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      for (let i = 0; i < x.length; i += 1) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
      return 0;
    });
    expect(findings.length).toBeGreaterThan(4);
    expect(findings).toEqual(ordered);
    expect(runRules(m, rules)).toEqual(findings);
    expect(runRules(m, [rule('t03.row-total'), rule('t03.row-total')])).toHaveLength(1);
  });

  it('honours when: present / nonEmpty', () => {
    const [custom] = parseRuleFile(
      `rules:
  - id: my.fund-spent
    title: t
    severity: warn
    explain: e
    table: "07"
    when: { present: ["04"], nonEmpty: ["07"] }
    assert:
      left: { cell: { row: { total: true }, column: subtotal } }
      op: ">="
      right: { cell: { row: { total: true }, column: income } }
`,
      'my.yaml',
    );
    const spending = seedModel(codeTable('07', [['合计', { income: '100.00', subtotal: '90.00' }]]));
    expect(runRules(spending, [custom as Rule]).map((f) => f.messageId)).toEqual(['too-small']);
    expect(runRules(seed, [custom as Rule])).toEqual([]); // 07 empty
    expect(runRules(without(spending, '04'), [custom as Rule])).toEqual([]); // 04 absent
  });

  it('a named row that is not found skips the identity: no partial sums, no empty sums', () => {
    // 01 without its 本年收入合计 row: "rows above the total" cannot be told, so nothing is checked
    const m = seedModel();
    const t01 = m.tables.find((t) => t.kind === '01');
    if (t01) t01.rows = t01.rows.filter((r) => !(r.block === 'income' && r.role === 'total'));
    // and 总计 is not compared with a partial sum that leaves the unfound row out
    expect(runRules(m, [rule('t01.income-total'), rule('t01.income-grand-total')])).toEqual([]);
  });

  it('the seed gives nothing', () => {
    expect(runRules(seed, rules)).toEqual([]);
  });
});

function withTotal(m: ReturnType<typeof seedModel>, total: string) {
  return edit(m, ['03', 'TOTAL', 'total', total]);
}
