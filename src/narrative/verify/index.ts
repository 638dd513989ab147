import { Decimal } from 'decimal.js';
import type { WorkbookModel } from '../../model/types.js';
import type { Claim } from '../claims.js';
import type { Paragraph } from '../types.js';
import type { ParaText } from '../extract/para.js';
import { RESIDUE_CHECKS } from '../catalog/load-claims.js';
import type { ClaimsCatalog } from '../catalog/types.js';
import type { Vocabulary } from '../vocabulary.js';
import { verifyAmount } from './amount.js';
import { finding, verdict, type VerifyContext } from './common.js';
import { verifyCarryover } from './carryover.js';
import { verifyCount } from './count.js';
import { verifyDirection } from './direction.js';
import { verifyList } from './list.js';
import { verifyIncludes } from './includes.js';
import { verifyRate, verifyTimeProgress } from './rate.js';
import { partBudgetSumFindings } from './part-budgets.js';
import { partsUnder100Lookup, shareGroup, verifyShare } from './share.js';
import { classShareFindings, enumeratedShareFindings, shareSumFindings, verifyShareSet } from './share-sum.js';
import {
  restatedAllFindings,
  restatedCountFindings,
  restatedCountPhraseFindings,
  restatedNamedFindings,
} from './restated.js';
import {
  restatedBudgetTotalFindings,
  restatedItemChangeFindings,
  restatedPairFindings,
  restatedTitleFindings,
} from './restated-pair.js';
import { impliedWholeFindings } from './share-whole.js';
import { changeLevelFindings, partChangeLevelFindings } from './change-levels.js';
import { buildRegister } from '../register/build.js';
import type { Verdict } from './types.js';
import { verifyGrowth } from './growth.js';
import { verifyAverageGrowth } from './average-growth.js';
import { verifyPointChange, verifySharePoints } from './point-change.js';
import { verifyPerHead } from './per-head.js';
import { verifyPartRates } from './part-rates.js';
import { verifyPurchase } from './purchase.js';
import { verifyTotalsEqual } from './totals-equal.js';
import { verifyChangeCell } from './change-cell.js';
import { roundsRatesTwice, verifyYoy } from './yoy.js';

type Share = Extract<Claim, { kind: 'share' }>;

/** A share off by one unit of its last decimal, in a group whose stated shares total exactly 100%. */
function nudgeTest(claims: Claim[]): (claim: Share, computed: Decimal) => boolean {
  // each group's size and stated total, summed once (per claim, a long narrative's groups made it
  // quadratic in the shares)
  const groups = new Map<string, { size: number; total: Decimal }>();
  for (const c of claims) {
    if (c.kind !== 'share') continue;
    const key = shareGroup(c);
    const group = groups.get(key);
    if (group) {
      group.size += 1;
      group.total = group.total.plus(c.percent.value);
    } else groups.set(key, { size: 1, total: new Decimal(0).plus(c.percent.value) });
  }
  return (claim, computed) => {
    const group = groups.get(shareGroup(claim));
    const k = claim.percent.decimals;
    const off = claim.percent.value.minus(computed.toDecimalPlaces(k, Decimal.ROUND_HALF_UP)).abs();
    return group !== undefined && group.size > 1 && group.total.eq(100) && off.eq(new Decimal(10).pow(-k));
  };
}

/** The first amount claim of each subject and role (looked up per share claim). */
function statedLookup(claims: Claim[]): VerifyContext['stated'] {
  const first = new Map<string, Claim>();
  for (const c of claims) {
    if (c.kind !== 'amount') continue;
    const key = `${c.subject.id}\u0000${c.role}`;
    if (!first.has(key)) first.set(key, c);
  }
  return (subjectId, role) => first.get(`${subjectId}\u0000${role}`);
}

/** The amount claims of each paragraph, in claim order (a scan of every claim per share was quadratic). */
function amountsByPara(claims: Claim[]): VerifyContext['amountsIn'] {
  const byPara = new Map<Paragraph, Extract<Claim, { kind: 'amount' }>[]>();
  for (const c of claims) {
    if (c.kind !== 'amount') continue;
    const list = byPara.get(c.para);
    if (list) list.push(c);
    else byPara.set(c.para, [c]);
  }
  return (para) => byPara.get(para) ?? [];
}

/** Verdicts for every claim, in claim order. */
export function verifyClaims(
  claims: Claim[],
  model: WorkbookModel | undefined,
  vocabulary: Vocabulary,
  catalog: ClaimsCatalog,
  /** The narrative's paragraphs, headings too (a heading names which figure the paragraphs under it state). */
  paragraphs: readonly Paragraph[] = [],
  /** The paragraphs as the extractor read them: the figures no claim names are looked up in them (named.ts). */
  read: readonly ParaText[] = [],
): Verdict[] {
  const ctx: VerifyContext = {
    vocabulary,
    catalog,
    stated: statedLookup(claims),
    claims,
    amountsIn: amountsByPara(claims),
    partsUnder100: partsUnder100Lookup(claims),
  };
  if (model) ctx.model = model;
  const nudged = nudgeTest(claims);
  const textRoundsTwice = roundsRatesTwice(claims);
  // the register holds each paragraph's normalised text once: the single checks read it too
  const register = buildRegister(claims, paragraphs, catalog.simplify, catalog.partitions, read);
  ctx.textOf = (para) => register.frames.plain(para.text);
  const verdicts = claims.map((claim) => verifyOne(claim, ctx, nudged, textRoundsTwice, register.frames.plain));
  // checks across claims that need the single verdicts first
  const unverified = new Set(verdicts.filter((v) => v.outcome === 'unverifiable').map((v) => v.claim));
  const failed = new Set(verdicts.filter((v) => v.outcome === 'fail').map((v) => v.claim));
  const passed = new Set(verdicts.filter((v) => v.outcome === 'pass').map((v) => v.claim));
  const verdictOf = new Map<Claim, Verdict>();
  for (const v of verdicts) if (!verdictOf.has(v.claim)) verdictOf.set(v.claim, v);
  const restated = [
    ...restatedAllFindings(register, catalog.simplify),
    ...restatedCountFindings(paragraphs, claims, register.frames.plain),
  ];
  // a figure stated twice with two values is that one error: its change against another level is not another
  const restatedClaims = restated.map((r) => r.claim);
  // a count restated in words rides on a claim that states other figures: that claim's verdict and checks stay its own
  for (const { claim, finding: found } of restatedCountPhraseFindings(paragraphs, claims, register.frames.plain)) {
    verdictOf.get(claim)?.findings.push(found);
  }
  for (const { claim, finding: found } of [
    ...shareSumFindings(claims, unverified, catalog.partitions, passed),
    ...enumeratedShareFindings(claims, failed),
    ...classShareFindings(claims, unverified),
    ...restated,
    ...changeLevelFindings(register, new Set([...failed, ...restatedClaims])),
    ...partChangeLevelFindings(register, claims, catalog.partitions, new Set([...failed, ...restatedClaims])),
    ...partBudgetSumFindings(claims, catalog.partitions, failed),
  ]) {
    const v = verdictOf.get(claim);
    // a level read off a subject's short name (register/build.ts) becomes a claim only when it is found restated
    if (!v && restatedClaims.includes(claim)) {
      verdicts.push(verdict(claim, 'fail', [found]));
      continue;
    }
    // one share-sum finding a share: the two checks of a pair and of siblings may both find it
    if (!v || v.findings.some((f) => f.check === found.check && found.check === 'narrative.share-sum')) continue;
    v.outcome = 'fail';
    v.findings.push(found);
  }
  // shares of one unstated whole that imply no one whole: only where no share of theirs was found wrong already
  const wrong = (c: Claim) => verdictOf.get(c)?.outcome === 'fail';
  for (const { claim, finding: found } of impliedWholeFindings(
    claims,
    unverified,
    (para) => register.frames.plain(para.text),
    wrong,
    (from, to) => (paragraphs.length > 0 ? paragraphs.filter((p) => p.n > from.n && p.n < to.n) : undefined),
  )) {
    const v = verdictOf.get(claim);
    if (!v) continue;
    v.outcome = 'fail';
    v.findings.push(found);
  }
  // a figure named as written is read for this check only: it becomes a claim when it is found restated
  for (const { claim, finding: found } of restatedNamedFindings(register, catalog.simplify))
    verdicts.push(verdict(claim, 'fail', [found]));
  // a level written twice with its change: likewise, a claim only when its change is found restated (one finding a
  // paragraph: a change the register's n.restated reported already is not reported again)
  const restatedAt = new Set(
    verdicts.flatMap((v) => v.findings.filter((f) => f.check === 'narrative.restated').map((f) => f.data.paragraph)),
  );
  // a budget's 收入预算 and 支出预算 found unequal (n.totals-equal) are that one error, not a restated total too
  const budgetUnequal = verdicts.some(
    (v) => v.outcome === 'fail' && v.claim.kind === 'totals-equal' && v.claim.budget === 'totals',
  );
  for (const { claim, finding: found } of [
    ...restatedPairFindings(read),
    ...restatedItemChangeFindings(read),
    ...(budgetUnequal ? [] : restatedBudgetTotalFindings(read)),
  ])
    if (!restatedAt.has(claim.para.id)) {
      restatedAt.add(claim.para.id);
      verdicts.push(verdict(claim, 'fail', [found]));
    }
  // a title's figure restated otherwise in the body: not where the body's figure was found restated already (a
  // headline's rate against the body's, one level's change)
  for (const { claim, finding: found } of restatedTitleFindings(read))
    if (!restatedAt.has(claim.para.id) && !restatedAt.has(found.data.earlier ?? ''))
      verdicts.push(verdict(claim, 'fail', [found]));
  return verdicts;
}

function verifyOne(
  claim: Claim,
  ctx: VerifyContext,
  nudged: ReturnType<typeof nudgeTest>,
  textRoundsTwice: boolean,
  plain: (text: string) => string,
): Verdict {
  switch (claim.kind) {
    case 'amount':
      return verifyAmount(claim, ctx);
    case 'share':
      return verifyShare(claim, ctx, nudged);
    case 'share-set':
      return verifyShareSet(claim);
    case 'time-progress':
      return verifyTimeProgress(claim);
    case 'rate':
      return verifyRate(claim, ctx);
    case 'yoy':
      return verifyYoy(claim, textRoundsTwice, plain);
    case 'growth':
      return verifyGrowth(claim);
    case 'average-growth':
      return verifyAverageGrowth(claim);
    case 'point-change':
      return verifyPointChange(claim);
    case 'share-points':
      return verifySharePoints(claim);
    case 'per-head':
      return verifyPerHead(claim);
    case 'part-rates':
      return verifyPartRates(claim);
    case 'purchase':
      return verifyPurchase(claim);
    case 'totals-equal':
    case 'balanced':
      return verifyTotalsEqual(claim);
    case 'change-cell':
      return verifyChangeCell(claim);
    case 'direction':
      return verifyDirection(claim);
    case 'list':
      return verifyList(claim);
    case 'count':
      return verifyCount(claim, ctx);
    case 'includes':
      return verifyIncludes(claim, ctx);
    case 'carryover':
      return verifyCarryover(claim);
    case 'residue':
      return verdict(claim, 'fail', [
        finding(claim, claim.check, claim.messageId ?? RESIDUE_CHECKS[claim.check], {
          residue: claim.text,
          kind: claim.residueId,
          ...(claim.written !== undefined ? { written: claim.written } : {}),
          ...(claim.should !== undefined ? { should: claim.should } : {}),
        }),
      ]);
    default:
      return unknownClaim(claim);
  }
}

function unknownClaim(claim: never): never {
  throw new Error(`unknown claim kind ${JSON.stringify((claim as { kind?: unknown }).kind)}`);
}
