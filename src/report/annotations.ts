import type { Finding, Severity } from '../model/finding.js';
import { placeOf, SEVERITY_ZH, textPlace, worstOf } from './common.js';
import { culpritCells, culpritKeys, groupedOrder, isDiagnosis } from '../diagnosis/groups.js';

/**
 * What `--annotate` writes into the copy of a workbook: for every cell that is the location of a
 * finding, a fill by the worst severity and a comment with each finding (rule id, message, the
 * other cells involved). The other cells are named in the comment, not filled: the fill marks the
 * figure the identity is stated for, as the findings list does. A cell the culprit diagnosis names
 * is filled apart (and framed), its diagnosis first in the comment. Findings about no cell (the
 * narrative, a missing table, the baseline) are listed on a sheet of their own.
 */
export interface CellAnnotation {
  sheet: string;
  cell: string;
  severity: Severity;
  /** The cell the diagnosis names as the most likely typo. */
  culprit: boolean;
  note: string;
}

/** Light red, amber, light blue: Excel's own "light red fill", "neutral" and a pale blue. */
export const FILL_ARGB: Record<Severity, string> = { error: 'FFFFC7CE', warn: 'FFFFEB9C', info: 'FFDDEBF7' };
/** The culprit: a strong red, unlike any severity's fill, with a red frame. */
export const CULPRIT_FILL_ARGB = 'FFFF7C80';
export const CULPRIT_BORDER_ARGB = 'FFC00000';

/** The name of the sheet the copy lists the findings without a cell on. */
export const NOTE_SHEET = 'juesuan 未标注的问题';

function noteLine(f: Finding): string {
  const related = f.related.map(placeOf).filter((p) => p !== '');
  const label = isDiagnosis(f) ? '诊断' : SEVERITY_ZH[f.severity];
  return `[${label}] ${f.ruleId}：${f.message}${related.length > 0 ? `\n相关单元格：${related.join('、')}` : ''}`;
}

/** One annotation per offending cell, in the order the findings name them; a culprit's diagnosis comes first. */
export function annotationsOf(findings: readonly Finding[]): CellAnnotation[] {
  const byCell = new Map<string, { sheet: string; cell: string; findings: Finding[] }>();
  const add = (sheet: string, cell: string, f: Finding) => {
    const key = `${sheet}!${cell}`;
    const entry = byCell.get(key) ?? { sheet, cell, findings: [] };
    if (!entry.findings.includes(f)) entry.findings.push(f);
    byCell.set(key, entry);
  };
  for (const f of groupedOrder(findings)) {
    const cells = isDiagnosis(f) ? culpritCells(f) : [f.location];
    for (const { sheet, cell } of cells) if (sheet && cell) add(sheet, cell, f);
  }
  const culprits = culpritKeys(findings);
  return [...byCell.values()].map((e) => {
    const ordered = [...e.findings.filter(isDiagnosis), ...e.findings.filter((f) => !isDiagnosis(f))];
    return {
      sheet: e.sheet,
      cell: e.cell,
      severity: worstOf(e.findings) ?? 'error',
      culprit: culprits.has(`${e.sheet}!${e.cell}`),
      note: ['juesuan', ...ordered.map(noteLine)].join('\n\n'),
    };
  });
}

/** A finding of the annotated copy's note sheet: one about no cell of the workbook. */
export interface UnplacedRow {
  severity: string;
  ruleId: string;
  place: string;
  message: string;
}

/** The findings `annotationsOf` cannot place on a cell (a diagnosis that cannot tell is placed on no cell either). */
export function unplacedOf(findings: readonly Finding[]): UnplacedRow[] {
  return groupedOrder(findings)
    .filter((f) => (isDiagnosis(f) ? culpritCells(f).length === 0 : !(f.location.sheet && f.location.cell)))
    .map((f) => ({
      severity: isDiagnosis(f) ? '诊断' : SEVERITY_ZH[f.severity],
      ruleId: f.ruleId,
      place:
        placeOf(f.location) || [f.location.file.split(/[\\/]/).pop(), textPlace(f.location)].filter(Boolean).join(' '),
      message: f.message,
    }));
}
