import { type Config, checkRuleIds, loadConfig } from '../config/config.js';
import { InputError } from '../errors/input-error.js';
import type { Severity } from '../model/finding.js';
import { implementationOf } from '../rules/registry.js';
import type { RuleInfo } from '../model/results.js';
import { narrativeRulePaths, priorRulePaths } from '../narrative/rule-paths.js';
import { builtinRulePaths, loadRuleFiles, type Rule } from '../rules/index.js';

/** The rules in force for the workbooks under one configuration. */
export interface RuleSetup {
  config: Config;
  rules: Rule[];
  severities: Record<string, Severity | 'off'>;
}

const NO_CONFIG: Config = { severities: {}, ruleFiles: [], ruleLines: {} };

/**
 * The rules in force under a configuration file (absolute path; none: the defaults): the built-in
 * rule files, the config's rule files and `extraRules` (absolute paths), re-graded by the config
 * and turned off by `disable`. A bad config or rule file, or an unknown rule id, is an error here.
 */
export function loadRuleSetup(
  configFile: string | undefined,
  extraRules: readonly string[],
  disable: readonly string[],
): RuleSetup {
  const config = configFile ? loadConfig(configFile) : NO_CONFIG;
  const { rules } = loadRuleFiles([
    ...builtinRulePaths(),
    ...narrativeRulePaths(),
    ...priorRulePaths(),
    ...config.ruleFiles,
    ...extraRules,
  ]);
  const known = new Set(rules.map((r) => r.id));
  checkRuleIds(config, known);
  const severities: Record<string, Severity | 'off'> = { ...config.severities };
  for (const id of disable) {
    if (!known.has(id))
      throw new InputError('unknown-rule', `--disable 指定的规则「${id}」不存在（juesuan rules 列出全部规则）。`);
    severities[id] = 'off';
  }
  return { config, rules, severities };
}

/**
 * The rules in force over several setups, for formatters that describe rules: every rule that is
 * not off under at least one of them, in rule-file order, with the severity of the first it is on in.
 */
export function rulesInForceOf(setups: Iterable<RuleSetup>): RuleInfo[] {
  const rules = new Map<string, RuleInfo>();
  for (const setup of new Set(setups)) {
    for (const rule of setup.rules) {
      const severity = setup.severities[rule.id] ?? rule.severity;
      if (severity === 'off' || rules.has(rule.id)) continue;
      const scope = implementationOf(rule).family === 'baseline' ? { scope: 'baseline' as const } : {};
      rules.set(rule.id, { id: rule.id, title: rule.title, severity, explain: rule.explain, ...scope });
    }
  }
  return [...rules.values()];
}
