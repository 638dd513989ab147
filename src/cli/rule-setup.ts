import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { checkRuleIds, findConfig, loadConfig, type Config } from '../config/config.js';
import { InputError } from '../errors/input-error.js';
import type { Severity } from '../model/finding.js';
import { narrativeRulePaths } from '../narrative/rule-paths.js';
import { builtinRulePaths, loadRuleFiles, type Rule } from '../rules/index.js';
import { yearRulePaths } from '../years/rule-paths.js';

export interface RuleOptions {
  config?: string;
  rules?: string[];
  disable?: string[];
  /** --narrative FILE: the 情况说明 of the (one) workbook checked. */
  narrative?: string;
  /** --previous FILE: last year's workbook, for the rules and narrative statements that span years. */
  previous?: string;
  /** --template NAME: the template set, instead of the configuration's or the detected one. */
  template?: string;
}

export interface RuleSetup {
  config: Config;
  rules: Rule[];
  severities: Record<string, Severity | 'off'>;
}

const cache = new Map<string, RuleSetup>();

/**
 * The rules in force for a workbook: built-in rule files, the config's rule files and --rules,
 * re-graded by the config (found upward from the workbook, or --config) and --disable.
 */
export function ruleSetupFor(workbook: string | undefined, options: RuleOptions, cwd: string): RuleSetup {
  const configFile = options.config ?? findConfig(workbook ? dirname(workbook) : cwd);
  // keyed by the config's path and modification time: an edited config is read again
  const key = configFile ? `${configFile}@${statSync(configFile, { throwIfNoEntry: false })?.mtimeMs ?? 0}` : '';
  const cached = cache.get(key);
  if (cached && !options.rules?.length && !options.disable?.length) return cached;
  const config: Config = configFile ? loadConfig(configFile) : { severities: {}, ruleFiles: [], ruleLines: {} };
  const { rules } = loadRuleFiles([
    ...builtinRulePaths(),
    ...narrativeRulePaths(),
    ...yearRulePaths(),
    ...config.ruleFiles,
    ...(options.rules ?? []),
  ]);
  const known = new Set(rules.map((r) => r.id));
  checkRuleIds(config, known);
  const severities: Record<string, Severity | 'off'> = { ...config.severities };
  for (const id of options.disable ?? []) {
    if (!known.has(id))
      throw new InputError('unknown-rule', `--disable 指定的规则「${id}」不存在（juesuan rules 列出全部规则）。`);
    severities[id] = 'off';
  }
  const setup = { config, rules, severities };
  if (!options.rules?.length && !options.disable?.length) cache.set(key, setup);
  return setup;
}
