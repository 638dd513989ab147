import { describe, expect, it } from 'vitest';
import { diagnose, typoDistance } from '../../src/diagnosis/diagnose.js';
import { withDiagnosis } from '../../src/diagnosis/findings.js';
import type { Finding } from '../../src/model/finding.js';
import type { Identity } from '../../src/model/identity.js';
import type { WorkbookModel } from '../../src/model/types.js';
import { builtinRulePaths, loadRuleFiles, runRules } from '../../src/rules/index.js';
import { codeTable, model } from '../helpers/model-builder.js';
import { at, edit, seed } from '../rules/cases/common.js';

const { rules } = loadRuleFiles(builtinRulePaths());

function check(m: WorkbookModel): { findings: Finding[]; identities: Identity[] } {
  const identities: Identity[] = [];
  const findings = runRules(m, rules, { identities });
  return { findings: withDiagnosis(findings, identities, m, { rules }), identities };
}

/** The diagnoses as "cell→value" per alternative, joined by " | ". */
function culprits(m: WorkbookModel): string[] {
  const identities: Identity[] = [];
  runRules(m, rules, { identities });
  return diagnose(identities).map((d) =>
    d.alternatives
      .map((a) => a.map((r) => `${r.location.sheet}!${r.location.cell}→${r.to.toFixed(r.decimals)}`).join(' + '))
      .join(' | '),
  );
}

describe('culprit diagnosis', () => {
  it('the engine hands every identity it evaluated, the failing ones linked to their findings', () => {
    const identities: Identity[] = [];
    const findings = runRules(seed, rules, { identities });
    expect(findings).toEqual([]);
    expect(identities.length).toBeGreaterThan(200);
    expect(identities.every((i) => i.holds && !i.finding)).toBe(true);
    const broken: Identity[] = [];
    const found = runRules(edit(['03', 'F2010350', 'basic', '392.83']), rules, { identities: broken });
    const failing = broken.filter((i) => !i.holds);
    expect(new Set(failing.map((i) => i.finding))).toEqual(new Set(found));
    const [row] = failing.filter((i) => i.ruleId === 't03.row-total');
    // total − (basic + project + …): left positive, right negative, each with its cell and value
    expect(row?.terms.map((t) => [t.location.cell, t.coefficient.toString(), t.value.toString(), t.blank])).toEqual([
      ['C6', '1', '398.17', false],
      ['D6', '-1', '392.83', false],
      ['E6', '-1', '5.79', false],
      ['F6', '-1', '0', true],
      ['G6', '-1', '0', true],
      ['H6', '-1', '0', true],
    ]);
    expect([row?.op, row?.difference.toString(), row?.tolerance.toString()]).toEqual(['=', '-0.45', '0.015']);
  });

  it('names the typed cell of an F9-type typo and the one value that clears both identities', () => {
    const m = edit(['03', 'F2010350', 'basic', '392.83']);
    expect(culprits(m)).toEqual([`${at('03', 'F2010350', 'basic')}→392.38`]);
    const { findings } = check(m);
    expect(findings.map((f) => [f.ruleId, f.location.cell, f.data.culprit])).toEqual([
      ['diagnosis.culprit', 'D6', undefined],
      ['t03.total-leaves', 'D5', '支出决算表!D6'],
      ['t03.row-total', 'C6', '支出决算表!D6'],
    ]);
    const [lead, total, row] = findings as [Finding, Finding, Finding];
    expect(lead).toMatchObject({
      severity: 'info',
      messageId: 'culprit',
      location: { sheet: '支出决算表', cell: 'D6', table: '03', rowKey: 'F2010350', column: 'basic' },
      related: [total.location, row.location],
    });
    expect(lead.message).toBe(
      '最可能的出错单元格：支出决算表!D6（改为 392.38 可同时消除 2 个错误）。支出决算表 2010350 事业运行「基本支出」现为 392.83 万元；t03.total-leaves（支出决算表!D5）、t03.row-total（支出决算表!C6）都涉及它，改为 392.38 后全部成立，其他已成立的勾稽关系不受影响。请核对原始数据后再改。',
    );
    // the totals are probably right: they say they disagree with their items, not what they should be
    expect(total.message).toContain('合计与明细不符');
    expect(total.message).toContain('最可能的出错单元格是 支出决算表!D6');
    expect(total.message).not.toContain('应');
    expect(row.data.culpritValue).toBe('392.38');
  });

  it("names the block of a one-row 三公 table's cell: the 决算数 小计, not the 预算数 one of the same row key", () => {
    const m = edit(['09', 'ROW', 'vehicle', '0.50', 'actual']);
    const culprit = check(m).findings.filter((f) => f.ruleId === 'diagnosis.culprit');
    expect(culprit).toHaveLength(1);
    expect(culprit[0]?.message).toContain('决算数「公务用车购置及运行维护费小计」现为 0.50');
    expect(culprit[0]?.message).not.toContain('预算数「公务用车购置及运行维护费小计」');
  });

  it('a total that is itself the culprit keeps saying what it should be', () => {
    const m = edit(['03', 'TOTAL', 'basic', '534.65']);
    expect(culprits(m)).toEqual([`${at('03', 'TOTAL', 'basic')}→533.65`]);
    const { findings } = check(m);
    const explained = findings.filter((f) => f.data.culprit);
    expect(explained.length).toBeGreaterThan(1);
    for (const f of explained.filter((x) => x.location.cell === 'D5')) expect(f.message).toContain('两者应相等');
  });

  it('does not change a cell whose change would break an identity that holds now', () => {
    // 项目支出 of 2010350 is in its row and its column: +1 there breaks both; the row's 本年支出合计
    // would clear the row but break the 合计 column — so it is not offered
    const m = edit(['03', 'F2010350', 'project', '6.79']);
    expect(culprits(m)).toEqual([`${at('03', 'F2010350', 'project')}→5.79`]);
  });

  it('says so when several cells would do, and names none as the culprit', () => {
    // one identity, nothing else to tell its cells apart: 09 决算 合计 = 出国 + 车 + 接待, all blank
    const m = edit(['09', 'ROW', 'total', '1.00', 'actual']);
    const [diagnosis] = culprits(m);
    expect(diagnosis?.split(' | ').length).toBeGreaterThan(1);
    const { findings } = check(m);
    const [lead, ...rest] = findings;
    expect(lead).toMatchObject({ ruleId: 'diagnosis.culprit', messageId: 'culprit-ambiguous' });
    expect(lead?.location.cell).toBeUndefined();
    expect(lead?.message).toContain('无法据勾稽关系判断是哪一个');
    // the explained finding says which group it belongs to, but keeps its wording: no culprit is known
    expect(rest.map((f) => f.data.culprit)).toEqual([lead?.data.cell]);
    expect(rest[0]?.message).toContain('两者应相等');
  });

  it('reports the smallest pair when no single cell explains a group', () => {
    // two typos in one column: the column total names both, each row names one
    const m = edit(['03', 'F2010350', 'basic', '393.38'], ['03', 'F2080505', 'basic', '40.29']);
    expect(culprits(m)).toEqual([`${at('03', 'F2010350', 'basic')}→392.38 + ${at('03', 'F2080505', 'basic')}→39.79`]);
    const { findings } = check(m);
    expect(findings[0]).toMatchObject({ messageId: 'culprit-pair', data: { value: '392.38', value2: '39.79' } });
    expect(findings.slice(1).every((f) => f.data.culprit === findings[0]?.data.cell)).toBe(true);
  });

  it('gives up rather than guess when three typos share a column', () => {
    const m = edit(
      ['03', 'F2010350', 'basic', '393.38'],
      ['03', 'F2080505', 'basic', '40.29'],
      ['03', 'F2210201', 'basic', '45.00'],
    );
    expect(culprits(m)).toEqual([]);
    expect(check(m).findings.some((f) => f.ruleId === 'diagnosis.culprit')).toBe(false);
  });

  it('names both cells of one typo made twice, in 03 and in 05 (the warn comparison 05 ≤ 03 links them)', () => {
    // 事业运行 基本支出 392.38 typed 392.83 in both tables: 05 ≤ 03 still holds, so 03's cell alone
    // cannot be repaired without breaking it — only together with 05's, which the diagnosis of 05 names
    const m = edit(['03', 'F2010350', 'basic', '392.83'], ['05', 'F2010350', 'basic', '392.83']);
    expect(culprits(m).sort()).toEqual(
      [`${at('03', 'F2010350', 'basic')}→392.38`, `${at('05', 'F2010350', 'basic')}→392.38`].sort(),
    );
    // no finding of 03 asks to copy the typo into a correct total
    const { findings } = check(m);
    const t03 = findings.filter((f) => f.ruleId.startsWith('t03.'));
    expect(t03.length).toBeGreaterThan(0);
    for (const f of t03) expect(f.data.culprit).toBe(at('03', 'F2010350', 'basic'));
  });

  it('diagnoses independent groups separately', () => {
    const m = edit(['03', 'F2010350', 'basic', '392.83'], ['09', 'ROW', 'reception', '3.00', 'budget']);
    expect(culprits(m)).toContain(`${at('03', 'F2010350', 'basic')}→392.38`);
    expect(culprits(m)).toHaveLength(2);
  });

  it('works across units: a 元 table under a 万元 rule is repaired in 元', () => {
    const t = codeTable(
      '03',
      [
        ['合计', { total: '100.00', basic: '60.00', project: '40.00' }],
        ['2010350 事业运行', { total: '100.00', basic: '60.00', project: '45.00' }],
      ],
      { unit: '元' },
    );
    const m = model([t]);
    expect(culprits(m)).toEqual([`支出决算表!E6→40.00`]);
  });

  it('is off with its rule', () => {
    const m = edit(['03', 'F2010350', 'basic', '392.83']);
    const identities: Identity[] = [];
    const findings = runRules(m, rules, { identities });
    const off = withDiagnosis(findings, identities, m, { rules, severities: { 'diagnosis.culprit': 'off' } });
    expect(off).toEqual(findings);
  });

  it('ranks a typo-like repair first among equals', () => {
    expect(typoDistance('392.83', '392.38')).toBe(0);
    expect(typoDistance('392.83', '392.93')).toBe(0);
    expect(typoDistance('3928.30', '392.83')).toBe(1);
    expect(typoDistance('392.83', '391.00')).toBe(2);
  });
});
