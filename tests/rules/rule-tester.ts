import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import type { WorkbookModel } from '../../src/model/types.js';
import { runRules, type Rule } from '../../src/rules/index.js';

/**
 * A rule tester in the spirit of ESLint's RuleTester: every rule needs at least one passing and
 * one failing case, and a failing case states exactly which findings it gives (count, rule id,
 * cell), so a rule that reports too much or too little fails its test.
 */
export interface ExpectedFinding {
  /** "sheet!A1" of the finding's location; null for findings without a cell (tables.missing). */
  cell: string | null;
  /** Defaults to the rule under test. */
  ruleId?: string;
  messageId?: string;
  /** A subset of the finding's data that must match (expected, actual, difference, tolerance …). */
  data?: Record<string, string>;
  /** Cells ("sheet!A1") that must be among the related cells. */
  related?: string[];
}

export interface ValidCase {
  name: string;
  model: WorkbookModel;
  /** The previous year's workbook, for rules that compare with it (`previous: true`). */
  previous?: WorkbookModel;
}

export interface InvalidCase extends ValidCase {
  findings: ExpectedFinding[];
}

export interface RuleCases {
  ruleId: string;
  /** Rules run together with this one (a rule that reports on others: rules.not-applied). */
  alongside?: string[];
  valid: ValidCase[];
  invalid: InvalidCase[];
}

function cellOf(f: Finding): string | null {
  return f.location.cell ? `${f.location.sheet ?? ''}!${f.location.cell}` : null;
}

export function runRuleCases(rules: readonly Rule[], cases: readonly RuleCases[]): void {
  for (const c of cases) {
    describe(c.ruleId, () => {
      const rule = rules.find((r) => r.id === c.ruleId);

      it('exists and has at least one passing and one failing case', () => {
        expect(rule, `rule ${c.ruleId} is not in the rule files`).toBeDefined();
        expect(c.valid.length, 'passing cases').toBeGreaterThan(0);
        expect(c.invalid.length, 'failing cases').toBeGreaterThan(0);
      });
      if (!rule) return;
      const ruleSet = [rule, ...rules.filter((r) => c.alongside?.includes(r.id))];

      for (const v of c.valid) {
        it(`passes: ${v.name}`, () => {
          expect(runRules(v.model, ruleSet, { previous: v.previous, strict: true }).map((f) => f.message)).toEqual([]);
        });
      }
      for (const inv of c.invalid) {
        it(`fails: ${inv.name}`, () => {
          const findings = runRules(inv.model, ruleSet, { previous: inv.previous, strict: true });
          const shown = findings.map((f) => f.message).join('\n');
          expect(
            findings.map((f) => ({ ruleId: f.ruleId, cell: cellOf(f) })),
            shown,
          ).toEqual(inv.findings.map((e) => ({ ruleId: e.ruleId ?? c.ruleId, cell: e.cell })));
          inv.findings.forEach((e, i) => {
            const f = findings[i] as Finding;
            if (e.messageId) expect(f.messageId).toBe(e.messageId);
            if (e.data) expect(f.data).toMatchObject(e.data);
            const related = f.related.map((l) => `${l.sheet ?? ''}!${l.cell ?? ''}`);
            for (const r of e.related ?? []) expect(related, shown).toContain(r);
          });
        });
      }
    });
  }
}
