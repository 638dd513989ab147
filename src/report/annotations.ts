import type { Finding, Severity } from '../model/finding.js';
import { placeOf, SEVERITY_ZH, worstOf } from './common.js';

/**
 * What `--annotate` writes into the copy of a workbook: for every cell that is the location of a
 * finding, a fill by the worst severity and a comment with each finding (rule id, message, the
 * other cells involved). The other cells are named in the comment, not filled: the fill marks the
 * figure the identity is stated for, as the findings list does.
 */
export interface CellAnnotation {
  sheet: string;
  cell: string;
  severity: Severity;
  note: string;
}

/** Light red, amber, light blue: Excel's own "light red fill", "neutral" and a pale blue. */
export const FILL_ARGB: Record<Severity, string> = { error: 'FFFFC7CE', warn: 'FFFFEB9C', info: 'FFDDEBF7' };

function noteLine(f: Finding): string {
  const related = f.related.map(placeOf).filter((p) => p !== '');
  return `[${SEVERITY_ZH[f.severity]}] ${f.ruleId}：${f.message}${related.length > 0 ? `\n相关单元格：${related.join('、')}` : ''}`;
}

/** One annotation per offending cell, in the order the findings name them. */
export function annotationsOf(findings: readonly Finding[]): CellAnnotation[] {
  const byCell = new Map<string, { sheet: string; cell: string; findings: Finding[] }>();
  for (const f of findings) {
    const { sheet, cell } = f.location;
    if (!sheet || !cell) continue;
    const key = `${sheet}!${cell}`;
    const entry = byCell.get(key) ?? { sheet, cell, findings: [] };
    entry.findings.push(f);
    byCell.set(key, entry);
  }
  return [...byCell.values()].map((e) => ({
    sheet: e.sheet,
    cell: e.cell,
    severity: worstOf(e.findings) ?? 'error',
    note: ['juesuan', ...e.findings.map(noteLine)].join('\n\n'),
  }));
}
