import type { Finding } from '../../src/model/finding.js';
import type { WorkbookModel } from '../../src/model/types.js';
import { checkNarrative } from '../../src/narrative/check.js';
import { narrativeRulePaths } from '../../src/narrative/rule-paths.js';
import { numberParagraphs, type Narrative } from '../../src/narrative/types.js';
import { loadRuleFiles } from '../../src/rules/index.js';

export const narrativeRules = loadRuleFiles(narrativeRulePaths()).rules;

/** A narrative of literal paragraphs, as if read from a .txt. */
export function narrativeOf(paragraphs: string[], file = 'notes.txt'): Narrative {
  return {
    file,
    source: 'alone',
    paragraphs: numberParagraphs(paragraphs.map((text) => ({ text, origin: { file } }))),
  };
}

/** Findings at warn or above (the n.source line is info). */
export function problems(paragraphs: string[], model?: WorkbookModel): Finding[] {
  const input = model
    ? { narrative: narrativeOf(paragraphs), model, rules: narrativeRules }
    : { narrative: narrativeOf(paragraphs), rules: narrativeRules };
  return checkNarrative(input).findings.filter((f) => f.severity !== 'info');
}

export function ruleIds(paragraphs: string[], model?: WorkbookModel): string[] {
  return problems(paragraphs, model).map((f) => f.ruleId);
}
