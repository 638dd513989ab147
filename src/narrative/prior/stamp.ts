import type { Finding, Severity } from '../../model/finding.js';
import type { Rule } from '../../rules/index.js';
import { render } from '../../rules/messages.js';
import { YEAR_MESSAGES } from './messages.js';
import type { YearRawFinding } from './types.js';

/**
 * Gives each raw finding its rule's metadata, as the engine does: severity from the rule file
 * re-graded by configuration ('off' drops it), the rule's own message or the default template.
 * A check naming a rule that is not loaded is a programming error, reported with its id.
 */
export function stampYears(
  raws: readonly YearRawFinding[],
  rules: readonly Rule[],
  severities: Record<string, Severity | 'off'>,
): Finding[] {
  const byId = new Map(rules.map((r) => [r.id, r]));
  const out: Finding[] = [];
  for (const raw of raws) {
    const rule = byId.get(raw.ruleId);
    if (!rule) throw new Error(`跨年度校验报告了未加载的规则「${raw.ruleId}」`);
    const severity = severities[rule.id] ?? rule.severity;
    if (severity === 'off') continue;
    const template = YEAR_MESSAGES[raw.messageId];
    if (template === undefined) throw new Error(`规则 ${rule.id} 报告了未知的 messageId「${raw.messageId}」`);
    out.push({
      ruleId: rule.id,
      severity,
      message: render(template, raw.data),
      messageId: raw.messageId,
      data: raw.data,
      location: raw.location,
      related: raw.related,
    });
  }
  return out;
}
