import type { RuleInfo } from '../report/types.js';
import type { RuleSetup } from './rule-setup.js';

/**
 * The rules in force over a run, for formatters that describe rules: every rule that is not off
 * for at least one file, in rule-file order, with the severity of the first file it is on for.
 */
export function rulesInForce(files: readonly string[], setupOf: (file: string) => RuleSetup): RuleInfo[] {
  const rules = new Map<string, RuleInfo>();
  const seen = new Set<RuleSetup>();
  for (const file of files) {
    const setup = setupOf(file);
    if (seen.has(setup)) continue;
    seen.add(setup);
    for (const rule of setup.rules) {
      const severity = setup.severities[rule.id] ?? rule.severity;
      if (severity === 'off' || rules.has(rule.id)) continue;
      rules.set(rule.id, { id: rule.id, title: rule.title, severity, explain: rule.explain });
    }
  }
  return [...rules.values()];
}
