import { BASELINE_CHECKS } from '../baseline/messages.js';
import { DIAGNOSIS_CHECKS } from '../diagnosis/messages.js';
import { NARRATIVE_CHECKS, NARRATIVE_SLOTS } from '../narrative/messages.js';
import { PRIOR_CHECKS, PRIOR_SLOTS } from '../narrative/prior/messages.js';
import { ASSERT_MESSAGES, SLOTS, slotsOf, TABLE_CHECKS } from './messages.js';
import type { Rule } from './types.js';

/**
 * Every implementation a rule's `check:` may name — a closed registry, resolved when a rule file
 * is loaded (an unknown name is a rule-file error with its line) — with the messages it reports.
 * The templates live beside each family's code (rules/messages.ts, narrative/messages.ts,
 * narrative/prior/messages.ts); this is the one place that lists them all.
 *
 * - table: run by the rule engine on the model (check-builtin.ts);
 * - narrative: reported by the narrative checker (情况说明 claims, 绩效自评表 forms);
 * - prior: reported by the year-over-year narrative checks (`check --previous`);
 * - diagnosis: reported by the culprit diagnosis (src/diagnosis) from the identities the table
 *   engine evaluated;
 * - baseline: reported when an accepted-findings file is applied (its entries that no longer occur).
 */
export type Family = 'table' | 'narrative' | 'prior' | 'diagnosis' | 'baseline';

export interface Implementation {
  family: Family;
  /** messageId → default template. A finding with another messageId is a programming error. */
  messages: Readonly<Record<string, string>>;
  /** The slots a rule's own `message:` may use: those of the templates, and what every finding of the family carries. */
  slots: readonly string[];
}

function family(
  name: Family,
  checks: Record<string, Readonly<Record<string, string>>>,
  extra: readonly string[],
): [string, Implementation][] {
  return Object.entries(checks).map(([check, messages]) => [
    check,
    {
      family: name,
      messages,
      slots: [...new Set([...Object.values(messages).flatMap(slotsOf), ...extra])],
    },
  ]);
}

export const IMPLEMENTATIONS: ReadonlyMap<string, Implementation> = new Map([
  ...family('table', TABLE_CHECKS, SLOTS),
  ...family('narrative', NARRATIVE_CHECKS, NARRATIVE_SLOTS),
  ...family('prior', PRIOR_CHECKS, PRIOR_SLOTS),
  ...family('diagnosis', DIAGNOSIS_CHECKS, []),
  ...family('baseline', BASELINE_CHECKS, []),
]);

/** An `assert` rule: the table engine's comparisons. */
const ASSERTION: Implementation = { family: 'table', messages: ASSERT_MESSAGES, slots: SLOTS };

/** What a rule runs: its named implementation, or the assertion engine. */
export function implementationOf(rule: Pick<Rule, 'check'>): Implementation {
  if (rule.check === undefined) return ASSERTION;
  const found = IMPLEMENTATIONS.get(rule.check);
  if (!found) throw new Error(`规则引用了未注册的实现「${rule.check}」`);
  return found;
}
