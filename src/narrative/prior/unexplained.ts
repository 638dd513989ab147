import { refText } from '../../model/place.js';
import { Decimal } from 'decimal.js';
import { isFlagged } from '../../diff/compare.js';
import { thresholdText } from '../../diff/present.js';
import type { Thresholds } from '../../diff/types.js';
import type { WorkbookModel } from '../../model/types.js';
import type { Claim } from '../claims.js';
import type { Subject } from '../catalog/types.js';
import { cellIn, cellLocation, resolveLink } from '../verify/resolve.js';
import type { NarrativeAnalysis } from '../check.js';
import { describeRow } from '../../rules/eval/describe.js';
import { money } from '../../money/text.js';
import { changeWords, subjectOf } from './claims.js';
import type { YearRawFinding } from './types.js';

/**
 * y.narrative.unexplained (info): a figure the narrative could talk about (a subject of the claims
 * catalog with a table cell: totals, income and spending kinds, classes, 项, 三公) that changed
 * by at least the `diff` thresholds, with no sentence explaining the change — no year-over-year
 * statement about it followed by a reason (原因) in the same or the next sentence.
 */

type Yoy = Extract<Claim, { kind: 'yoy' }>;

/** The claim's sentence and the one after it: where "主要原因是…" stands. */
function reasonGiven(claim: Yoy, analysis: NarrativeAnalysis): boolean {
  const text = analysis.paras.find((p) => p.para === claim.para)?.n.text ?? '';
  const after = text.slice(claim.sentence.start);
  const first = after.search(/[。！？]/);
  const second = first < 0 ? -1 : after.slice(first + 1).search(/[。！？]/);
  const window = second < 0 ? after : after.slice(0, first + 1 + second + 1);
  return window.includes('原因');
}

/** Cells ("sheet!cell") of the subjects whose change the text states and explains. */
function explainedCells(analysis: NarrativeAnalysis, model: WorkbookModel): Set<string> {
  const cells = new Set<string>();
  for (const v of analysis.verdicts) {
    if (v.claim.kind !== 'yoy') continue;
    const linked = resolveLink(model, subjectOf(v.claim, analysis)?.link);
    if (linked && reasonGiven(v.claim, analysis)) cells.add(refText(linked.cell.ref));
  }
  return cells;
}

function finding(
  subject: Subject,
  model: WorkbookModel,
  previous: WorkbookModel,
  thresholds: Thresholds,
): YearRawFinding | undefined {
  const now = resolveLink(model, subject.link);
  const before = resolveLink(previous, subject.link);
  if (!now || !before) return undefined;
  const current = cellIn(now, '万元').value;
  const prior = cellIn(before, '万元').value;
  const change = current.minus(prior);
  const rate = prior.isZero() ? null : change.mul(100).div(prior.abs());
  if (change.isZero() || !isFlagged(change, rate, thresholds)) return undefined;
  const location = cellLocation(now);
  return {
    check: 'prior.unexplained',
    messageId: 'unexplained-change',
    data: {
      subject: subject.label,
      table: now.table.name,
      row: describeRow(now.table, now.row),
      cell: `${refText(now.cell.ref)}`,
      priorCell: `${refText(before.cell.ref)}`,
      prior: money(prior),
      current: money(current),
      change: changeWords(change, '万元'),
      changeRate:
        rate === null
          ? '上年为 0'
          : `${rate.isNegative() ? '下降' : '增长'} ${rate.abs().toFixed(2, Decimal.ROUND_HALF_UP)}%`,
      threshold: thresholdText(thresholds),
    },
    location,
    related: [cellLocation(before)],
  };
}

export function unexplainedChanges(
  analysis: NarrativeAnalysis,
  model: WorkbookModel,
  previous: WorkbookModel,
  thresholds: Thresholds,
): YearRawFinding[] {
  // a cell is explained under any of its names; two subjects naming one cell give one finding
  const seen = explainedCells(analysis, model);
  const out: YearRawFinding[] = [];
  for (const subject of analysis.vocabulary.subjects) {
    if (!subject.link) continue;
    const f = finding(subject, model, previous, thresholds);
    const key = f ? `${f.location.sheet}!${f.location.cell}` : '';
    if (!f || seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out;
}
