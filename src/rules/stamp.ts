import type { Finding, Severity } from '../model/finding.js';
import { missingSlots, render } from './messages.js';
import { implementationOf } from './registry.js';
import type { CheckedRawFinding, RawFinding, Rule } from './types.js';

export interface StampOptions {
  /** Per-rule severity from configuration; 'off' drops the rule's findings. */
  severities?: Record<string, Severity | 'off'>;
  /**
   * Fail on a message slot without data, as ESLint's RuleTester does: for tests. Without it the
   * slot renders empty (a user's `message:` may name a slot only some findings carry).
   */
  strict?: boolean;
}

/**
 * The one stamp for every finding, table, narrative and prior-year alike: the engine, not the
 * check, says who reported what (a check cannot forge its metadata). The template is the rule's
 * own `message:` or its implementation's default for the messageId; a messageId the
 * implementation does not declare, or a finding without a file, is a programming error.
 */
export function stamp(
  rule: Rule,
  severity: Severity,
  raw: RawFinding,
  options: Pick<StampOptions, 'strict'> = {},
): Finding {
  const declared = implementationOf(rule).messages[raw.messageId];
  if (declared === undefined)
    throw new Error(`规则 ${rule.id} 报告了未声明的 messageId「${raw.messageId}」（实现 ${rule.check ?? 'assert'}）`);
  if (!raw.location.file) throw new Error(`规则 ${rule.id} 报告的位置缺少文件名`);
  const template = rule.message ?? declared;
  if (options.strict) {
    const missing = missingSlots(template, raw.data);
    if (missing.length > 0)
      throw new Error(`规则 ${rule.id} 的 ${raw.messageId} 消息缺少数据：${missing.map((s) => `{{${s}}}`).join('、')}`);
  }
  return {
    ruleId: rule.id,
    severity,
    message: render(template, raw.data),
    messageId: raw.messageId,
    data: raw.data,
    location: raw.location,
    related: raw.related,
  };
}

/**
 * Stamps the findings of named implementations (narrative, prior year) with the rule that names
 * each (`check: narrative.share`); a rule turned off drops its findings. An implementation that no
 * loaded rule names is a programming error, reported with its name.
 */
export function stampChecked(
  raws: readonly CheckedRawFinding[],
  rules: readonly Rule[],
  options: StampOptions = {},
): Finding[] {
  const byCheck = new Map(rules.filter((r) => r.check !== undefined).map((r) => [r.check as string, r]));
  const out: Finding[] = [];
  for (const { check, ...raw } of raws) {
    const rule = byCheck.get(check);
    if (!rule) throw new Error(`实现「${check}」报告了发现，但没有加载引用它的规则`);
    const severity = options.severities?.[rule.id] ?? rule.severity;
    if (severity === 'off') continue;
    out.push(stamp(rule, severity, raw, options));
  }
  return out;
}
