import { approx, compareEq, type Approx } from '../../money/interval.js';
import type { Claim } from '../claims.js';
import { cellIn, cellLocation, cellName, formCell, resolveLink, type LinkedCell, unknownLink } from './resolve.js';
import { finding, fixed, verdict, type VerifyContext } from './common.js';
import type { Verdict } from './types.js';

/** The table cell of a subject's 决算 or 预算数 (a project's from its own form). */
export function subjectCell(ctx: VerifyContext, subjectId: string, role: 'actual' | 'budget'): LinkedCell | undefined {
  const form = ctx.vocabulary.projects.get(subjectId);
  if (form) return formCell(form, role === 'actual' ? ctx.catalog.projects.actual : ctx.catalog.projects.budget);
  const subject = ctx.vocabulary.byId.get(subjectId);
  return resolveLink(ctx.model, role === 'actual' ? subject?.link : subject?.budget);
}

/** The figure equals one of the subject's other readings (a class's general-budget part): not a mismatch. */
function restatesAnother(ctx: VerifyContext, claim: Extract<Claim, { kind: 'amount' }>, stated: Approx): boolean {
  if (claim.role !== 'actual') return false;
  const links = ctx.vocabulary.byId.get(claim.subject.id)?.also ?? [];
  return links.some((link) => {
    const other = resolveLink(ctx.model, link);
    return other !== undefined && compareEq(stated, cellIn(other, claim.amount.unit)).consistent;
  });
}

/** n.amount: an amount restated in the text equals the table's value, within rounding. */
export function verifyAmount(claim: Extract<Claim, { kind: 'amount' }>, ctx: VerifyContext): Verdict {
  const linked = subjectCell(ctx, claim.subject.id, claim.role);
  if (!linked) return verdict(claim, 'unverifiable');
  const table = cellIn(linked, claim.amount.unit);
  // compared in the unit the text wrote, so the message shows the figures as the reader knows them
  const stated = approx(claim.amount.value, claim.amount.decimals);
  const result = compareEq(stated, table);
  if (result.consistent || restatesAnother(ctx, claim, stated)) return verdict(claim, 'pass');
  // the other reading is in a cell that could not be read: the figure may restate it
  if (
    claim.role === 'actual' &&
    (ctx.vocabulary.byId.get(claim.subject.id)?.also ?? []).some((l) => unknownLink(ctx.model, l))
  )
    return verdict(claim, 'unverifiable');
  // the text may agree with another table printing the same figure: then that table is the odd one
  const agrees = (ctx.vocabulary.byId.get(claim.subject.id)?.same ?? []).flatMap((link) => {
    const other = claim.role === 'actual' ? resolveLink(ctx.model, link) : undefined;
    return other && compareEq(stated, cellIn(other, claim.amount.unit)).consistent ? [cellName(other)] : [];
  });
  return verdict(claim, 'fail', [
    finding(
      claim,
      'narrative.amount',
      agrees.length > 0 ? 'amount-mismatch-table' : 'amount-mismatch',
      {
        ...(agrees.length > 0 ? { agrees: agrees.join('、') } : {}),
        subject: claim.subject.label,
        role: claim.role === 'budget' ? '预算数' : '决算数',
        actual: fixed(claim.amount.value),
        expected: fixed(table.value),
        difference: fixed(result.difference),
        tolerance: fixed(result.tolerance),
        unit: claim.amount.unit,
        cell: cellName(linked),
      },
      [cellLocation(linked)],
    ),
  ]);
}
