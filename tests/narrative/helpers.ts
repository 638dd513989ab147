import type { SourceDocument } from '../../src/model/document.js';
import type { Finding } from '../../src/model/finding.js';
import type { WorkbookModel } from '../../src/model/types.js';
import { paragraphsOfText as plainParagraphs } from '../../src/io/narrative/plain-text.js';
import { readInput } from '../../src/io/read-input.js';
import { analyseNarrative, checkNarrative } from '../../src/narrative/check.js';
import { narrativeRulePaths } from '../../src/narrative/rule-paths.js';
import { narrativeInGrids } from '../../src/narrative/source-sheet.js';
import { narrativeOfText } from '../../src/narrative/source.js';
import {
  type Narrative,
  type NarrativeSourceKind,
  numberParagraphs,
  type Paragraph,
} from '../../src/narrative/types.js';
import type { Verdict } from '../../src/narrative/verify/types.js';
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
    ? { narrative: narrativeOf(paragraphs), model, rules: narrativeRules, strict: true }
    : { narrative: narrativeOf(paragraphs), rules: narrativeRules, strict: true };
  return checkNarrative(input).findings.filter((f) => f.severity !== 'info');
}

export function ruleIds(paragraphs: string[], model?: WorkbookModel): string[] {
  return problems(paragraphs, model).map((f) => f.ruleId);
}

/** A narrative file (.docx/.txt/.md) read as the engine reads it: through src/io, then numbered. */
export async function readNarrativeFile(file: string, path: string, source: NarrativeSourceKind): Promise<Narrative> {
  const { document } = await readInput(file, path, { want: 'text' });
  return narrativeOfText(document, source) as Narrative;
}

/** The 情况说明 sheet of a workbook document, found among its grids as the engine finds it. */
export function narrativeInWorkbook(workbook: SourceDocument, file: string): Narrative | undefined {
  return narrativeInGrids(workbook.grids, file);
}

/** Numbered paragraphs of a .txt/.md text. */
export function paragraphsOfText(text: string, file: string, markdown: boolean): Paragraph[] {
  return numberParagraphs(plainParagraphs(text, file, markdown));
}

export function narrativeVerdicts(narrative: Narrative, model?: WorkbookModel): Verdict[] {
  return analyseNarrative(narrative, model).verdicts;
}
