import type { Finding, Severity } from '../model/finding.js';
import type { Identity } from '../model/identity.js';
import type { WorkbookModel } from '../model/types.js';
import { checkAssertion, NOT_APPLIED } from './check-assert.js';
import { BUILTIN_CHECKS } from './check-builtin.js';
import { tableIndexes } from './eval/table-index.js';
import { stamp } from './stamp.js';
import type { EvaluatedIdentity, RawFinding, Rule } from './types.js';

export interface RunOptions {
  /** Per-rule severity from configuration; 'off' skips the rule. */
  severities?: Record<string, Severity | 'off'>;
  /** The previous year's workbook (`check --previous`): rules with `previous: true` need it. */
  previous?: WorkbookModel;
  /** A message slot without data is an error (tests; see stamp.ts). */
  strict?: boolean;
  /**
   * When given, receives every identity the assertions evaluated (holding or failing, each failing
   * one linked to its finding): the input of the culprit diagnosis (src/diagnosis).
   */
  identities?: Identity[];
}

/** The table engine's own implementation of a rule: its builtin check, or none (a narrative or prior-year check reports elsewhere). */
function tableCheck(rule: Rule): ((model: WorkbookModel) => RawFinding[]) | undefined {
  if (rule.check === undefined || !Object.hasOwn(BUILTIN_CHECKS, rule.check)) return undefined;
  return BUILTIN_CHECKS[rule.check as keyof typeof BUILTIN_CHECKS];
}

/** "AB12" → [12, "AB"] ordered by row, then column (shorter letters first). */
function cellOrder(cell: string | undefined): [number, number, string] {
  const match = /^([A-Z]+)(\d+)$/.exec(cell ?? '');
  if (!match) return [-1, 0, ''];
  return [Number(match[2]), (match[1] as string).length, match[1] as string];
}

function compareText(a: string | undefined, b: string | undefined): number {
  const x = a ?? '';
  const y = b ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A finding with its cell address parsed, for sorting (parsed once, not once per comparison). */
interface SortKey {
  finding: Finding;
  cell: [number, number, string];
}

const sortKey = (finding: Finding): SortKey => ({ finding, cell: cellOrder(finding.location.cell) });

/** By file, sheet, row and column of the cell, table, rule, message. */
function compareKeys(x: SortKey, y: SortKey): number {
  const a = x.finding;
  const b = y.finding;
  const byFile = compareText(a.location.file, b.location.file) || compareText(a.location.sheet, b.location.sheet);
  if (byFile) return byFile;
  const [ra, la, ca] = x.cell;
  const [rb, lb, cb] = y.cell;
  return (
    ra - rb ||
    la - lb ||
    compareText(ca, cb) ||
    compareText(a.location.table, b.location.table) ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.message, b.message)
  );
}

/** Runs the rules on one workbook model: findings de-duplicated and in a deterministic order. */
export function runRules(model: WorkbookModel, rules: readonly Rule[], options: RunOptions = {}): Finding[] {
  const findings: Finding[] = [];
  // the same finding twice (rule, message id, location and message): by rule, id and message first,
  // and by location (as JSON) only among findings sharing those — made for a few findings, not 10,000
  const seen = new Map<string, Finding | Map<string, Finding>>();
  const earlierOf = (finding: Finding): Finding | undefined => {
    const key = `${finding.ruleId}\u0000${finding.messageId}\u0000${finding.message}`;
    let same = seen.get(key);
    if (same === undefined) {
      seen.set(key, finding);
      return undefined;
    }
    if (!(same instanceof Map)) {
      same = new Map([[JSON.stringify(same.location), same]]);
      seen.set(key, same);
    }
    const where = JSON.stringify(finding.location);
    const earlier = same.get(where);
    if (!earlier) same.set(where, finding);
    return earlier;
  };
  const sink = options.identities;
  // "this identity could not be applied" is reported by the rule that owns the check, so it can be
  // re-graded or turned off on its own (info by default), not at the failed identity's severity
  const notAppliedRule = rules.find((r) => r.check === 'not-applied');
  const notAppliedSeverity = notAppliedRule
    ? (options.severities?.[notAppliedRule.id] ?? notAppliedRule.severity)
    : 'off';
  const indexOf = tableIndexes();
  for (const rule of rules) {
    const severity = options.severities?.[rule.id] ?? rule.severity;
    if (severity === 'off') continue;
    // the evaluated identity is completed in place with the rule's id and severity (see AssertedIdentity):
    // one object per identity, however many a large workbook has
    const onIdentity = sink
      ? (evaluated: EvaluatedIdentity) => {
          const identity = evaluated as Identity;
          identity.ruleId = rule.id;
          identity.severity = severity;
          identity.required = rule.severity === 'error';
          sink.push(identity);
        }
      : undefined;
    const raw = rule.check
      ? (tableCheck(rule)?.(model) ?? [])
      : checkAssertion(rule, model, options.previous, indexOf, onIdentity);
    for (const r of raw) {
      const owner = r.messageId === NOT_APPLIED ? notAppliedRule : rule;
      const ownerSeverity = r.messageId === NOT_APPLIED ? notAppliedSeverity : severity;
      if (!owner || ownerSeverity === 'off') continue;
      const finding = stamp(owner, ownerSeverity, r, { strict: options.strict ?? false });
      const earlier = earlierOf(finding);
      const identity = sink && (r.identity as Identity | undefined);
      if (identity) identity.finding = earlier ?? finding;
      if (earlier) continue;
      findings.push(finding);
    }
  }
  return sortFindings(findings);
}

/** The findings in compareFindings' order. */
function sortFindings(findings: Finding[]): Finding[] {
  return findings
    .map(sortKey)
    .sort(compareKeys)
    .map((k) => k.finding);
}
