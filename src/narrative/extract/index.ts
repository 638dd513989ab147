import type { AmountMention, Claim, WholeRef } from '../claims.js';
import { OUTLINE_MARK } from '../../util/outline.js';
import type { ClaimsCatalog } from '../catalog/types.js';
import type { Narrative, Paragraph } from '../types.js';
import type { Vocabulary } from '../vocabulary.js';
import { sharesOfSiblingItems, sharesOfTheirSum } from './implicit-whole.js';
import { sharePointClaims } from './share-points.js';
import {
  closeList,
  following,
  leadingBreakdown,
  listStops,
  partitionClaims,
  rateGroups,
  type ParaClaims,
} from './across.js';
import { amountClaims } from './amount-claims.js';
import { countClaims } from './counts.js';
import { composedRateClaims, cutParagraphLists, cutParagraphRateClaims, partRateClaims } from './part-rates.js';
import { countFromToClaims, countYoyClaims } from './count-yoy.js';
import { countShareClaims } from './count-shares.js';
import { namedBudgetRates } from './named-budget.js';
import { includesClaims } from './includes.js';
import { subjectNameClaims } from './subject-names.js';
import { ownLevelClaims, unitNameClaims } from './unit-name.js';
import { tocPageClaims } from './toc-pages.js';
import { garbledFigureClaims } from './garbled-figure.js';
import { kindOfLevelClaims } from './kind-of-level.js';
import { cutNameClaims } from './unit-name-cut.js';
import { mixedNameClaims } from './unit-name-mixed.js';
import { unitPlaceholderClaims } from './unit-placeholder.js';
import {
  directionClaims,
  flatReasonClaims,
  resolveReasonTargets,
  saidAgainstBudgetClaims,
  yearsReasonClaims,
  movedClaims,
} from './direction.js';
import { growthClaims } from './growth.js';
import { relaxRowsShortByCarryover } from './list-carryover.js';
import { relaxPartlyNamed } from './list-scope.js';
import { perHeadLists } from './per-head-lists.js';
import { listClaims, type OpenList } from './lists.js';
import { listWholes } from './list-wholes.js';
import { analyse, type ParaText, sentenceAt } from './para.js';
import { rocDocument } from '../text/normalise.js';
import { rateClaims } from './rate.js';
import { dropRateCutAtEnd, residueClaims } from './residue.js';
import { resolveNamedShares, type NamedShares } from './named-shares.js';
import {
  figureName,
  samePeriod,
  periodAt,
  figureNamed,
  figuresNamed,
  figuresNamedAsWhole,
  oneValue,
  shareClaims,
  wholeBefore,
  wholeNameOf,
} from './share.js';
import { shareSetClaims, statedSumClaims, structureClaims } from './share-set.js';
import { firstMatch, startingAt, within } from './spans.js';
import { levels, markStart, prefixOf, type ParaState } from './state.js';
import { pairedClaims } from './paired.js';
import { namedChangeClaims, resolveNamedChanges } from './named-change.js';
import { nextParagraphBreakdowns, partChangeClaims, resolveSectionCurrents } from './part-changes.js';
import { plusSumClaims, trailingTotalClaims } from './plus-sum.js';
import { chainSumClaims } from './chain-sum.js';
import { differenceClaims } from './difference.js';
import { netAssetsClaims } from './net-assets.js';
import { statedPartClaims } from './stated-parts.js';
import { barePartClaims } from './bare-parts.js';
import { pairedNameClaims, swappedPairClaims } from './paired-names.js';
import { resolveOutturnLists } from './outturn-lists.js';
import { reasonPartRateClaims } from './reason-part-rates.js';
import { adjustedClaims } from './adjusted.js';
import { flatYearsClaims } from './flat-years.js';
import { numberedChangeClaims } from './numbered-changes.js';
import { flatBudgetClaims, flatSubjects, groupStart, implicitYoyClaims, statedPriorClaims, yoyClaims } from './yoy.js';
import { tableRowClaims, type TableText, unitOf } from './table-rows.js';
import { barTabbedRows, joinVerticalTables } from './vertical-table.js';
import { splitInlineFunds } from './inline-funds.js';
import { changeSumClaims, type SaidFlat } from './change-sum.js';
import { saidSideClaims } from './said-side.js';
import { fundPartClaims } from './fund-parts.js';
import { listChangeClaims } from './list-changes.js';
import { balancedChangeClaims, reasonListChangeClaims } from './reason-list-changes.js';
import { boundPartBudgets } from './part-budget.js';
import { countedAboveClaims } from './counted-above.js';
import { madeOfClaims } from './made-of.js';
import { numberedCountClaims } from './numbered-count.js';
import { tableCountClaims } from './table-count.js';
import { namedKindsClaims } from './kinds-named.js';
import { scopeCountClaims } from './scope-count.js';
import { ordinalCountClaims } from './ordinal-count.js';
import { balanceClaims } from './balance.js';
import { principleBalanceClaims } from './balance-principle.js';
import { colonOutlineClaims, headedPartClaims, outlinePartClaims } from './outline-parts.js';
import { labelledPartClaims } from './labelled-parts.js';
import { flatElsewhereClaims } from './flat-elsewhere.js';
import { grandTotalClaims } from './grand-total.js';
import { carryoverClaims } from './carryover.js';
import { misorderedClassClaims } from './misordered-class.js';
import { outdatedNameClaims, reportYear, yearCompareClaims, yearHeadingClaims } from './year.js';
import { yearBodyClaims, yearOfReport } from './year-body.js';
import { skippedYearClaims } from './year-skipped.js';
import { blankHeadingYearClaims, missingYearClaims } from './year-missing.js';
import { averageGrowthClaims } from './average-growth.js';
import { budgetGapAcross } from './budget-gap-across.js';
import { pointChangeClaims } from './point-change.js';
import { perHeadClaims } from './per-head.js';
import { timeProgressClaims } from './time-progress.js';
import { purchaseClaims } from './purchase.js';
import { totalsEqualClaims } from './totals-equal.js';
import { budgetTotalsClaims } from './budget-totals.js';
import { thresholdClaims } from './threshold.js';
import { directionCountClaims, tallyCountClaims } from './direction-counts.js';
import { changeColumnClaims } from './change-column.js';
import { numberedRowClaims, tableChangeRowClaims } from './numbered-rows.js';
import { spacedTableClaims } from './spaced-table.js';
import { textTables } from './text-table.js';
import { tableSumClaims } from './table-sums.js';
import { tableGrowthClaims, tableRateClaims } from './table-rates.js';
import { lostDigitClaims } from './lost-digits.js';
import { unitSlipClaims } from './unit-slip.js';
import { itemRestatedClaims } from './item-restated.js';
import { periodRateClaims } from './period-rates.js';
import { jointLevels } from './joint-level.js';
import { narrowerReadings } from './narrow-total.js';
import { reasonAtEndClaims } from './reason-empty.js';
import { shortYearClaims } from './year-digit.js';
import {
  chosenAlternatives,
  headedAlternatives,
  levelAlternativeClaims,
  namedAlternatives,
} from './unit-alternative.js';
import { headingKindClaims, reportKindClaims } from './report-kind.js';
import { allMatches } from '../../util/matches.js';

/**
 * "其中：因公出国（境）费支出决算增加 0 元，增长 0%；公务用车…支出决算 174,732.10 元，增长 176.55%；
 * 公务接待费…增加 56,716.00 元，增长 95.00%": in a sentence whose items are changes with their rates,
 * an item's figure followed right by its rate is a change whose verb is missing, not the item's level.
 */
const COMPARED_RATE = /同比|比上年|较上年/u;

function missingVerbChanges(s: ParaState): void {
  const { p, catalog } = s;
  const text = p.n.text;
  const ratedCache = new Map<AmountMention, boolean>();
  const rated = (a: AmountMention) => {
    let known = ratedCache.get(a);
    if (known === undefined) {
      const after = firstMatch(catalog.cues.changeRate, text.slice(a.end));
      // "公务接待费 8.40 万元，较上年下降 12.5%": a rate the item compares with the year before is its level's
      known =
        after !== null &&
        !COMPARED_RATE.test(after[0]) &&
        startingAt(p.percents, a.end + after.index + after[0].length) !== undefined;
      ratedCache.set(a, known);
    }
    return known;
  };
  for (const sentence of p.sentences) {
    const inside = within(p.amounts, sentence.start, sentence.end);
    // the amounts of the sentence that are changes with their rates, in order (grows as changes are found)
    const ratedChanges: AmountMention[] = [];
    for (const [k, a] of inside.entries()) {
      if (s.changes.has(a) || !rated(a)) {
        if (s.changes.has(a) && rated(a)) ratedChanges.push(a);
        continue;
      }
      // after a stated change with its rate (a level opening the sentence keeps its own rate), alone in its item
      const item = { start: groupStart(p, a.start), end: a.end };
      const earlier = ratedChanges.length > 0 && (ratedChanges[0] as AmountMention).end <= item.start;
      // alone: the amount before it in the sentence ends at or before its item starts (the one after starts after it)
      const previous = inside[k - 1];
      const alone = previous === undefined || previous.end <= item.start;
      if (earlier && alone) {
        s.changes.add(a);
        ratedChanges.push(a);
      }
    }
  }
}

/**
 * One paragraph read and its own claims found, whatever its length (extractAnalysed cuts long ones
 * in pieces first): the extractors' work is linear in the paragraph's length.
 */
export function readParagraph(
  para: Paragraph,
  vocabulary: Vocabulary,
  catalog: ClaimsCatalog,
): { s: ParaState; claims: Claim[]; open: OpenList[] } {
  const s: ParaState = {
    p: analyse(para, vocabulary, catalog.simplify),
    catalog,
    vocabulary,
    changes: new Set(),
    usedPercents: new Set(),
    claims: [],
  };
  return { s, ...paragraphClaims(s) };
}

const EITHER_OR_CHANGE = /(?:增加|减少|增长|下降|上升|降低)（(?:增加|减少|增长|下降|上升|降低)）(?=[0-9])/gu;

/** Claims of one paragraph; the order matters: changes before rates, shares and lists (they are not levels). */
function paragraphClaims(s: ParaState): { claims: Claim[]; open: OpenList[] } {
  const residue = residueClaims(s);
  // "差值为 0.9 万元" is a difference: never a level, a total or a list item
  for (const a of s.p.amounts) if (s.catalog.cues.difference.test(prefixOf(s, a.start))) s.changes.add(a);
  // "完成 5230 万元，增加 410 万元，增长 8.51%": an amount right after a change word is a change, with
  // or without a comparison cue before it; never a level, a total or a list item
  for (const m of allMatches(s.p.n.text, s.catalog.cues.change)) {
    const at = m.index + m[0].length;
    const changed = startingAt(s.p.amounts, at);
    if (changed) s.changes.add(changed);
  }
  // "较上年减少（增加）12 万元": a change whose word is the template's either-or is still no level
  for (const m of allMatches(s.p.n.text, EITHER_OR_CHANGE)) {
    const changed = startingAt(s.p.amounts, m.index + m[0].length);
    if (changed) s.changes.add(changed);
  }
  missingVerbChanges(s);
  // amounts before changes: a change ("收入合计增加 14.96 万元") never reads as a subject's amount
  const amounts = amountClaims(s);
  // a change of a paired 各 list is its pair's: the comparison cue before the list does not claim it again
  const paired = pairedClaims(s, amounts);
  const pairedAt = new Set(paired.flatMap((c) => (c.kind === 'yoy' ? [c.change.start] : [])));
  const cued = [
    ...paired,
    ...yoyClaims(s, amounts).filter((c) => c.kind !== 'yoy' || !pairedAt.has(c.change.start)),
    ...adjustedClaims(s),
    ...flatYearsClaims(s),
  ];
  const named = [...namedChangeClaims(s, cued), ...partChangeClaims(s, cued)];
  const yoy = [...cued, ...named, ...implicitYoyClaims(s, amounts, [...cued, ...named])];
  for (const c of yoy) if (c.kind === 'yoy') currentByName(s, c);
  const growth = [...growthClaims(s), ...countYoyClaims(s), ...countFromToClaims(s)];
  const rates = rateClaims(s, amounts);
  // shares of exact counts first: their percentages are no amount's share
  const shares = [...countShareClaims(s), ...shareClaims(s)];
  // shares that name their parts and write no figure, after the shares of figures took theirs
  const shareSets = [...shareSetClaims(s), ...structureClaims(s), ...statedSumClaims(s)];
  const directions = [
    ...directionClaims(s, [...yoy, ...rates]),
    ...flatReasonClaims(s, [...yoy, ...rates]),
    ...saidAgainstBudgetClaims(s, rates),
    ...saidSideClaims(s, amounts),
    ...yearsReasonClaims(s),
    ...movedClaims(s),
  ];
  const lists = listClaims(s, [...amounts, ...rates], shares);
  const sums = [
    ...plusSumClaims(s),
    ...trailingTotalClaims(s),
    ...chainSumClaims(s),
    ...differenceClaims(s),
    ...netAssetsClaims(s),
    ...statedPartClaims(s, amounts),
  ];
  listWholes(s, lists.claims, shares);
  const partRates = partRateClaims(s, lists.claims);
  const counts = [...countClaims(s), ...includesClaims(s), ...subjectNameClaims(s)];
  // a figure that turned out to be a base or a difference of a comparison is no statement of the subject's amount
  const own = amounts.filter((c) => c.kind !== 'amount' || !s.changes.has(c.amount));
  return {
    claims: [
      ...residue,
      ...yoy,
      ...growth,
      ...own,
      ...rates,
      ...shares,
      ...shareSets,
      ...directions,
      ...lists.claims,
      ...partRates,
      ...sums,
      ...counts,
    ],
    open: lists.open,
  };
}

/** What a count is compared with: the numbered paragraphs that follow, or the items of a named list. */
function resolveCounts(paras: ParaClaims[], catalog: ClaimsCatalog, lists: Claim[]): void {
  paras.forEach((pc, index) => {
    for (const claim of pc.claims) {
      if (claim.kind !== 'count') continue;
      const compare = catalog.counts.find((c) => c.id === claim.countId)?.compare;
      if (compare?.following) {
        const numbered = following(paras, index, 2).filter((m) => m.p.level === 3);
        claim.target.listed = { count: numbered.length, paras: numbered.map((m) => m.p.para), what: '编号段落' };
      } else if (compare?.list) {
        const list = lists.find(
          (l) => l.kind === 'list' && l.totalSubject && compare.list?.includes(l.totalSubject.id),
        );
        if (list?.kind === 'list')
          claim.target.listed = {
            count: list.items.length,
            paras: [list.para],
            what: `「${list.totalSubject?.label ?? ''}」所列项目`,
          };
      }
    }
  });
}

const CONTINUES = /^(?:万元|元|%|[，、。；])/u;
const BROKEN = /[，、0-9.]$/u;
const MARKER = new RegExp(`^${OUTLINE_MARK}`, 'u');
/** A sentence whose ；left it open, and a 其中 on the next line going on with it: "…减少 b 万元；" / "其中：甲 a1…". */
const OPEN_CLAUSE = /[；;]$/u;
const GOES_ON = /^其中[：:，,]/u;
/**
 * A paragraph whose last sentence states a figure ("…支出合计 T 亿元，比预算数减少 C 亿元，下降 P%。"), and a 其中 opening the
 * next line: the breakdown of that sentence's figure, set on a line of its own (not after an outline item's line, which
 * heads a section of its own: what the 其中 under it breaks down is not certain).
 */
const FIGURE_SENTENCE_END = /[0-9０-９]\s*(?:万元|亿元|元|萬元|億元|%|％)[^。！？；;0-9０-９]{0,30}。$/u;
/** A figure's sentence, and its parts in a bracket on the next line: "…支出 A 万元。" / "（包含甲 a 万元、乙 b 万元）". */
const FIGURE_END = /(?:万?元|万)。?$/u;
const PARTS_BRACKET = /^[（(](?:包括|包含|含)/u;

/**
 * A sentence a page break cut in two ("…支出决算为 67.64" / "万元，完成…"), or a line break left inside it ("…；" /
 * "其中：…", "…A 万元。" / "（包含…）", "…比上年增长 P%。" / "其中，…"): the pieces are read as one paragraph, placed at
 * the first (a finding on the later line is reported there). A piece that begins an outline item, and tables rendered as
 * text, are never joined.
 */
function joinBroken(paragraphs: Paragraph[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const para of paragraphs) {
    const last = out[out.length - 1];
    const text = para.text.trim();
    const joins =
      last &&
      !last.text.includes('|') &&
      !text.includes('|') &&
      !MARKER.test(text) &&
      (CONTINUES.test(text) ||
        BROKEN.test(last.text.trim()) ||
        (OPEN_CLAUSE.test(last.text.trim()) && GOES_ON.test(text)) ||
        (FIGURE_SENTENCE_END.test(last.text.trim()) && !MARKER.test(last.text.trim()) && GOES_ON.test(text)) ||
        (FIGURE_END.test(last.text.trim()) && PARTS_BRACKET.test(text)));
    if (last && joins) out[out.length - 1] = { ...last, text: `${last.text.trim()}${text}` };
    else out.push(para);
  }
  return out;
}

/**
 * The extractors find what they look back for by position (spans.ts), so their work is linear in a
 * paragraph's length; a list still weighs every level stated before it in its sentence as its
 * possible total, and cross-claim steps compare claims of one paragraph. Real paragraphs are well
 * under this many characters; a longer one (a whole document without line breaks, or a hostile
 * one) is read in pieces cut after a sentence mark (else a clause mark), each keeping the
 * paragraph's number, which bounds those too.
 */
const MAX_PIECE_CHARS = 2000;

export function pieces(para: Paragraph): Paragraph[] {
  const { text } = para;
  if (text.length <= MAX_PIECE_CHARS) return [para];
  const out: Paragraph[] = [];
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + MAX_PIECE_CHARS);
    if (end < text.length)
      end = lastMarkEnd(text, start, end, '。！？；!?;') ?? lastMarkEnd(text, start, end, '，、,') ?? end;
    out.push({ ...para, text: text.slice(start, end) });
    start = end;
  }
  return out;
}

/** The position just after the last of `marks` in text[from, to), searching the second half only. */
function lastMarkEnd(text: string, from: number, to: number, marks: string): number | undefined {
  for (let i = to - 1; i > from + (to - from) / 2; i -= 1) if (marks.includes(text[i] as string)) return i + 1;
  return undefined;
}

/**
 * "社会保障和就业支出 27.36 亿元，占财政支出总量的 16%": a whole named by no subject is the figure so
 * named in the share's paragraph before it, else in the nearest paragraph before that states one (one
 * value only; nothing said otherwise).
 */
/** A paragraph already read, as the extractors' state again (to look its figures up by name). */
function paraState(pc: ParaClaims, catalog: ClaimsCatalog, vocabulary: Vocabulary): ParaState {
  return { p: pc.p, catalog, vocabulary, changes: pc.changes, usedPercents: new Set(), claims: [] };
}

/** Two figures joined after 分别: "分别发行…债券 216 亿元和 101.5 亿元" (the wholes the shares after them pair with). */
const TWO_WHOLES = /分别[^。；，]*?$/u;

/**
 * "…分别发行第一批和第二批债券 A 和 B，我市分别争取 a、b，分别占全区发行总额度的 p% 和 q%": shares of a whole the text
 * names once but wrote two of, one each after 分别 and before the parts — paired in order (a of A, b of B) when the
 * shares are as many as the wholes, all in the sentence, their whole unknown by name.
 */
function pairedWholes(paras: ParaClaims[]): void {
  for (const pc of paras) {
    const text = pc.p.n.text;
    const bySentence = new Map<number, Extract<Claim, { kind: 'share' }>[]>();
    for (const c of pc.claims)
      if (c.kind === 'share' && 'unknown' in c.whole)
        bySentence.set(c.sentence.start, [...(bySentence.get(c.sentence.start) ?? []), c]);
    for (const [start, shares] of bySentence) {
      if (shares.length !== 2) continue;
      const [a, b] = shares.sort((x, y) => x.part.start - y.part.start) as [
        Extract<Claim, { kind: 'share' }>,
        Extract<Claim, { kind: 'share' }>,
      ];
      const before = pc.p.amounts.filter((x) => x.start >= start && x.end <= a.part.start);
      const [w1, w2] = before.slice(-2);
      if (before.length !== 2 || !w1 || !w2) continue;
      // "A 和 B" right after 分别 in one clause, then the parts
      if (!/^\s*(?:和|、|及|与)\s*$/u.test(text.slice(w1.end, w2.start))) continue;
      if (!TWO_WHOLES.test(text.slice(start, w1.start))) continue;
      if (!/分别/u.test(text.slice(w2.end, a.part.start))) continue;
      a.whole = { list: w1, para: pc.p.para };
      b.whole = { list: w2, para: pc.p.para };
    }
  }
}

/** Words of an adjusted budget: where a text speaks of one, a bare "预算" may be it rather than the 年初 one. */
const ADJUSTED_BUDGET = /调整后?的?预算|预算调整|调整数|变动预算/u;

/** The unit's totals a share of "总收入" or "总支出" may be of (verify/share.ts reads them by subject). */
const UNIT_TOTALS: readonly string[] = ['income-total', 'grand-total', 'expenditure-total', 'expenditure-grand-total'];

/** The comparison and change words closing a change's clause before its amount: "同比增收", "比上年减少". */
const CHANGE_TAIL =
  /(?:同比|(?:比|较)(?:上年|去年)(?:同期)?|与(?:上年|去年)(?:同期)?相比，?)?(?:增收|减收|增支|减支|增加|减少|增长|下降)了?$/u;
/** What may stand before a figure's name where it is first stated and not where it is compared: "纳入一般公共预算". */
const NAME_QUALIFIER = /^(?:纳入一般公共预算|地方)?$/u;

/**
 * "全州纳入一般公共预算非税收入累计完成 A 亿元，……。上半年非税收入同比增收 C 亿元，增长 P%": a comparison whose clause
 * names a figure the catalog has no subject for, and finds no current figure near it, is of the figure stated under that
 * name before its clause in the paragraph (the name as written there may carry "纳入一般公共预算" or "地方" before it)
 * — when the paragraph states one value so named there; none else.
 */
function currentByName(s: ParaState, c: Extract<Claim, { kind: 'yoy' }>): void {
  if (c.current || c.subject || !c.rate || c.versusBudget || c.sameScope || c.pair || c.prior) return;
  const { p } = s;
  const text = p.n.text;
  const clauseStart = markStart(p, '，；。：', c.change.start);
  const written = text.slice(clauseStart, c.change.start);
  if (!CHANGE_TAIL.test(written)) return;
  const name = figureName(written.replace(CHANGE_TAIL, ''));
  if (name.length < 4 || /[0-9（）()]/u.test(name)) return;
  const found = levels(s).filter((a) => {
    if (a.end > clauseStart) return false;
    const own = figureName(prefixOf(s, a.start));
    return (
      own.endsWith(name) &&
      NAME_QUALIFIER.test(own.slice(0, own.length - name.length)) &&
      samePeriod(periodAt(s, a.start), periodAt(s, c.change.start))
    );
  });
  const one = oneValue(found);
  if (one && one.unit === c.change.unit) c.current = one;
}

/**
 * Other words for a government's general-budget spending, as a share's whole: "占财政支出的", "占全部支出的", "占到公共
 * 财政预算支出的".
 */
const SPENDING_WORDS = /^(?:财政|全部|公共财政|公共财政预算|一般预算)支出$/u;
/** Another fund's spending stated in a paragraph: "政府性基金预算支出", "国有资本经营预算支出", "社会保险基金支出". */
const OTHER_FUND_SPENDING = /(?:政府性基金|国有资本经营|社会保险基金|社保基金)(?:预算)?(?:支出|完成|执行)/u;
/** The names its figure is written with: "一般公共预算支出", "地方一般公共预算支出", "公共财政预算支出", "财政支出". */
const SPENDING_FIGURE = /^(?:地方)?(?:一般公共预算|公共财政预算|一般预算|财政)支出$/u;

/**
 * "全市一般公共预算支出 T 亿元，其中民生支出 a 亿元，占财政支出的 p%": a whole named by another word for the general
 * budget's spending is the figure of its paragraph written under one of that spending's names before the part — one
 * value only (a fund's spending, another scope's, would be named otherwise); none, nothing said.
 */
function otherWordWhole(s: ParaState, unknown: string, part: AmountMention): WholeRef | undefined {
  const word = unknown
    .replace(/(?:的)?(?:比重|比例|占比)?(?:为|是|达)?$/u, '')
    .replace(/的$/u, '')
    .replace(/^到/u, '');
  if (!SPENDING_WORDS.test(word)) return undefined;
  // "全部支出"/"财政支出" may be all funds' spending when the paragraph states another fund's
  if (/^(?:财政|全部)/u.test(word) && OTHER_FUND_SPENDING.test(s.p.n.text)) return undefined;
  const one = wholeBefore(s, part, (name) => SPENDING_FIGURE.test(name));
  return one ? { list: one, para: s.p.para, name: `${word} ${one.text}` } : undefined;
}

/** A whole named by its area alone: "占全市的", "占全省的". */
const SCOPE_WHOLE = /^全(?:国|省|市|县|区|州|盟)的?$/u;

/**
 * "全市完成采购预算 B，实际采购金额 T。其中，市本级…实际采购金额 a，占全市的 p%": a share of an area named alone is of
 * that area's figure named as the part is (its period and verb aside), written before the part in a sentence that
 * names the area — in the part's paragraph, or the one before; one value only.
 */
function scopeWhole(
  pc: ParaClaims,
  before: ParaClaims | undefined,
  c: Extract<Claim, { kind: 'share' }>,
  state: (pc: ParaClaims) => ParaState,
): WholeRef | undefined {
  if (!('unknown' in c.whole) || !SCOPE_WHOLE.test(c.whole.unknown)) return undefined;
  const scope = c.whole.unknown.replace(/的$/u, '');
  const here = state(pc);
  const name = figureName(prefixOf(here, c.part.start));
  if (name.length < 3 || /[0-9]/u.test(name)) return undefined;
  const ownSentence = sentenceAt(pc.p, c.part.start);
  if (pc.p.n.text.slice(ownSentence.start, c.part.start).includes(scope)) return undefined;
  for (const q of [pc, before]) {
    if (!q) continue;
    const s = q === pc ? here : state(q);
    const found = levels(s).filter((a) => {
      if (a === c.part || (q === pc && a.end > c.part.start) || a.unit !== c.part.unit || a.value.lt(c.part.value))
        return false;
      const sentence = sentenceAt(q.p, a.start);
      return figureName(prefixOf(s, a.start)) === name && q.p.n.text.slice(sentence.start, a.start).includes(scope);
    });
    if (found.length === 0) continue;
    const one = oneValue(found);
    return one ? { list: one, para: q.p.para, name: `${scope}${name} ${one.text}` } : undefined;
  }
  return undefined;
}

function namedWholes(paras: ParaClaims[], catalog: ClaimsCatalog, vocabulary: Vocabulary): void {
  const state = (pc: ParaClaims): ParaState => paraState(pc, catalog, vocabulary);
  paras.forEach((pc, index) => {
    for (const c of pc.claims) {
      if (c.kind !== 'share' || !('unknown' in c.whole) || c.whole.unknown === '') continue;
      // "分别为 A、B 和 C，占…的 a%、b% 和 c%": parts and percentages pair up in order; left alone
      const after = pc.p.n.text.slice(c.percent.end, c.percent.end + 12);
      if (/^[、和及与][0-9.]+%/u.test(after) || /分别/u.test(c.quote)) continue;
      const other = otherWordWhole(state(pc), c.whole.unknown, c.part) ?? scopeWhole(pc, paras[index - 1], c, state);
      if (other) {
        c.whole = other;
        continue;
      }
      const name = wholeNameOf(c.whole.unknown);
      if (!name) continue;
      // "总收入", "总支出" beside a figure the catalog names a total of the unit (its paragraph or the one before):
      // verify/share.ts names that whole by its subject
      const totals = [pc, paras[index - 1]].flatMap((q) => q?.claims ?? []);
      if (
        /^总(?:收入|支出)$/u.test(name) &&
        totals.some((x) => x.kind === 'amount' && UNIT_TOTALS.includes(x.subject.id))
      )
        continue;
      // figures so named with different values (each city's "全市一般公共预算支出执行 B" in one paragraph) name no
      // whole: nor does a paragraph further back then
      const named = figuresNamedAsWhole(state(pc), name, c.part.start).filter((a) => a !== c.part);
      if (named.length > 0) {
        // (…unless the part's own sentence states one of them: "全市…实际采购金额 B1，…占实际采购金额的 p1%。市本级…实际
        // 采购金额 B2，…占实际采购金额的 p2%" — each share of the figure its own sentence names so)
        const sentence = sentenceAt(pc.p, c.part.start);
        const own = named.filter((a) => a.start >= sentence.start);
        const here = oneValue(named) ?? (own.length > 0 ? oneValue(own) : undefined);
        if (here) c.whole = { list: here, para: pc.p.para };
        continue;
      }
      for (let k = index - 1; k >= 0; k -= 1) {
        const earlier = paras[k] as ParaClaims;
        const found = figuresNamedAsWhole(state(earlier), name, Number.POSITIVE_INFINITY);
        if (found.length === 0) continue;
        const one = oneValue(found);
        if (one) c.whole = { list: one, para: earlier.p.para };
        break;
      }
    }
  });
}

/**
 * Every claim of the narrative, in paragraph order, cross-paragraph ones (lists, groups,
 * partitions) after; and each paragraph as analysed (normalised text, sentences, mentions), which
 * the prior-year checks read instead of normalising the text again.
 */
export function extractAnalysed(
  narrative: Narrative,
  vocabulary: Vocabulary,
  catalog: ClaimsCatalog,
): { claims: Claim[]; paras: ParaText[] } {
  const paras: ParaClaims[] = [];
  const open: OpenList[] = [];
  const flats = new Map<ParaClaims, SaidFlat[]>();
  const table: TableText = { unit: '万元', roles: [] };
  const namedShares = new Map<ParaClaims, NamedShares[]>();
  // whether the document is one of the Republic of China's is decided once, for every paragraph alike
  const roc = rocDocument(narrative.paragraphs.map((para) => para.text));
  const marked = roc ? narrative.paragraphs.map((para) => ({ ...para, roc })) : narrative.paragraphs;
  const read = joinBroken(splitInlineFunds(joinVerticalTables(barTabbedRows(marked)), catalog.simplify)).flatMap(
    pieces,
  );
  const breakdownCue = catalog.lists.find((l) => l.id === 'breakdown')?.intro;
  for (const [k, para] of read.entries()) {
    const { s, ...found } = readParagraph(para, vocabulary, catalog);
    if (k === read.length - 1) found.claims = dropRateCutAtEnd(s, found.claims);
    table.unit = unitOf(s.p) ?? table.unit;
    if (!s.p.n.text.includes('|')) table.roles = [];
    found.claims.push(...tableRowClaims(s.p, vocabulary, table));
    const pc = { p: s.p, claims: found.claims, changes: s.changes };
    paras.push(pc);
    if (s.namedShares) namedShares.set(pc, s.namedShares);
    flats.set(
      pc,
      flatSubjects(s).map((f) => ({
        subject: f.subject.id,
        named: f.subject,
        at: f.at,
        versusBudget: f.versusBudget,
        ...(f.none ? { none: true } : {}),
      })),
    );
    open.push(...found.open);
    const leading = breakdownCue && leadingBreakdown(paras[paras.length - 2], pc, breakdownCue, catalog.partitions);
    if (leading) open.push(leading);
  }
  resolveOutturnLists(paras);
  const stops = listStops(paras);
  chosenAlternatives(paras);
  namedAlternatives(paras);
  headedAlternatives(paras);
  // paragraphs that are one figure and the cue opening its list ("公务接待费支出 1.60 万元。其中："), its changes aside
  const changesOf = new Map(paras.map((pc) => [pc.p, pc.changes]));
  const opening = new Set(
    open.filter((o) => o.p.amounts.every((a) => a === o.total || changesOf.get(o.p)?.has(a))).map((o) => o.p),
  );
  const closedAll = open.flatMap((o) =>
    closeList(o, paras, catalog.completeLists, catalog.cues.budget, stops, opening),
  );
  // averages over heads add up to nothing: their lists go before anything reads them
  const perHead = perHeadLists(paras, closedAll);
  for (const pc of paras)
    if (pc.claims.some((c) => perHead.has(c))) pc.claims = pc.claims.filter((c) => !perHead.has(c));
  const closed = closedAll.filter((c) => !perHead.has(c));
  budgetFramedItems(paras, closed);
  namedWholes(paras, catalog, vocabulary);
  pairedWholes(paras);
  budgetGapAcross(
    paras,
    paras.some((pc) => ADJUSTED_BUDGET.test(pc.p.n.text)),
  );
  resolveNamedShares(
    paras,
    namedShares,
    (pc, name, before) => figureNamed(paraState(pc, catalog, vocabulary), name, before),
    (pc, name, before) => figuresNamed(paraState(pc, catalog, vocabulary), name, before).length > 0,
  );
  // the subjects whose figure the text states somewhere
  const statedSubjects = new Set(
    paras.flatMap((pc) => pc.claims.flatMap((c) => (c.kind === 'amount' ? [c.subject.id] : []))),
  );
  for (const pc of paras) sharesOfTheirSum(pc.claims, pc.p.n.text, statedSubjects);
  sharesOfSiblingItems(paras);
  const own = paras.flatMap((pc) => pc.claims);
  relaxPartlyNamed([...own, ...closed], catalog.partitions);
  relaxRowsShortByCarryover(
    own,
    paras.map((pc) => pc.p),
  );
  const lists = [...own.filter((c) => c.kind === 'list'), ...closed];
  resolveCounts(paras, catalog, lists);
  // figures some list already sums: no grand total or outline item is read as theirs again
  const listTotals = new Set(lists.flatMap((c) => (c.kind === 'list' ? [c.total] : [])));
  const groups = rateGroups(paras, catalog.completeLists);
  const textOf = new Map(paras.map((pc) => [pc.p.para, pc.p.n.text]));
  const partitions = partitionClaims(
    catalog.partitions,
    [...own, ...closed, ...groups],
    (p) => textOf.get(p),
    catalog.cues.adjusted,
  );
  partitions.push(...barePartClaims(paras, catalog.partitions, partitions));
  // the report's year, worked out once for every year rule of the document
  const report = reportYear(paras);
  const headingYearClaims = yearHeadingClaims(paras, report);
  const priors = statedPriorClaims(paras, catalog, report);
  resolveNamedChanges(paras);
  nextParagraphBreakdowns(paras, (pc) => paraState(pc, catalog, vocabulary));
  resolveSectionCurrents(paras);
  jointLevels(paras);
  resolveReasonTargets(paras);
  const partitionSums = changeSumClaims(paras, flats, catalog.partitions, catalog.subjects);
  const changeSums = [
    ...partitionSums,
    ...fundPartClaims(paras),
    ...listChangeClaims(paras, catalog.partitions, closed, partitionSums),
    ...reasonListChangeClaims(paras),
    ...balancedChangeClaims(paras),
    ...numberedChangeClaims(paras),
  ];
  const reasonRates = [
    ...reasonPartRateClaims(paras, catalog),
    ...cutParagraphRateClaims(paras, catalog),
    ...cutParagraphLists(paras, catalog),
  ];
  reasonRates.push(...composedRateClaims(paras, catalog, [...paras.flatMap((pc) => pc.claims), ...reasonRates]));
  boundPartBudgets(paras, catalog.partitions);
  namedBudgetRates(paras);
  const pairedNames = pairedNameClaims(paras);
  const bodyYear = yearOfReport(paras, report);
  const yearBody = yearBodyClaims(paras, report, bodyYear);
  const claims = [
    ...own,
    ...priors,
    ...closed,
    ...groups,
    ...partitions,
    ...changeSums,
    ...reasonRates,
    ...flatBudgetClaims(paras),
    ...headingYearClaims,
    // a frame compared with its own year that a body rule already holds wrong is one finding
    ...yearCompareClaims(paras, report).filter(
      (c) =>
        !(c.kind === 'residue' && c.messageId === 'year-compare-same-frame') ||
        !yearBody.some((b) => b.para === c.para && b.sentence.start === c.sentence.start),
    ),
    ...skippedYearClaims(paras, bodyYear),
    // a place the report names itself that a heading rule already holds against is one finding
    ...yearBody.filter(
      (c) =>
        !(c.kind === 'residue' && c.messageId === 'year-body-self') ||
        !headingYearClaims.some(
          (h) => h.para === c.para && h.sentence.start < c.sentence.end && c.sentence.start < h.sentence.end,
        ),
    ),
    ...reportKindClaims(paras),
    ...headingKindClaims(paras),
    ...missingYearClaims(paras),
    ...blankHeadingYearClaims(paras, report),
    ...averageGrowthClaims(paras),
    ...pointChangeClaims(paras),
    ...sharePointClaims(paras, catalog),
    ...perHeadClaims(paras),
    ...timeProgressClaims(paras),
    ...purchaseClaims(paras),
    ...totalsEqualClaims(paras),
    ...budgetTotalsClaims(paras),
    ...thresholdClaims(paras),
    ...directionCountClaims(paras),
    ...tallyCountClaims(paras),
    ...changeColumnClaims(paras),
    ...numberedRowClaims(paras),
    ...spacedTableClaims(paras),
    ...textTables(paras.map((pc) => pc.p)).flatMap((t) => [
      ...tableSumClaims(t),
      ...tableGrowthClaims(t),
      ...tableRateClaims(t),
      ...tableChangeRowClaims(t),
    ]),
    ...outdatedNameClaims(paras, vocabulary.outdated, report),
    ...countedAboveClaims(paras),
    ...madeOfClaims(paras),
    ...ordinalCountClaims(paras),
    ...namedKindsClaims(paras),
    ...scopeCountClaims(paras),
    ...numberedCountClaims(paras),
    ...tableCountClaims(paras),
    ...carryoverClaims(paras),
    ...grandTotalClaims(paras, listTotals),
    ...outlinePartClaims(paras, { completeLists: catalog.completeLists, listed: listTotals }),
    ...labelledPartClaims(paras),
    ...flatElsewhereClaims(paras),
    ...colonOutlineClaims(paras, listTotals),
    ...headedPartClaims(paras, { completeLists: catalog.completeLists, listed: listTotals }),
    ...balanceClaims(paras),
    ...principleBalanceClaims(paras),
    ...misorderedClassClaims(paras, vocabulary),
    ...unitNameClaims(paras),
    ...cutNameClaims(paras),
    ...tocPageClaims(paras),
    ...garbledFigureClaims(paras),
    ...kindOfLevelClaims(paras),
    ...mixedNameClaims(paras),
    ...unitPlaceholderClaims(paras),
    ...ownLevelClaims(paras),
    ...levelAlternativeClaims(paras),
    ...lostDigitClaims(paras),
    ...unitSlipClaims(paras),
    ...itemRestatedClaims(paras),
    ...periodRateClaims(paras),
    ...pairedNames,
    ...swappedPairClaims(paras, pairedNames),
    ...reasonAtEndClaims(paras),
    ...shortYearClaims(paras),
  ];
  narrowerReadings(claims, catalog.partitions);
  return { claims, paras: paras.map((pc) => pc.p) };
}

/**
 * "2023 年“三公”经费预算为 T 万元，其中：" ending a paragraph (the page's margin there), its items in the paragraph
 * below ("因公出国（境）费 a 万元、…"): items of a budget are budgets, as they are when the list runs on in the total's
 * own sentence — each item's figure in another paragraph than its total takes the total's budget frame.
 */
function budgetFramedItems(paras: readonly ParaClaims[], lists: readonly Claim[]): void {
  const amountAt = new Map<AmountMention, Extract<Claim, { kind: 'amount' }>>();
  for (const pc of paras) for (const c of pc.claims) if (c.kind === 'amount') amountAt.set(c.amount, c);
  for (const list of lists) {
    if (list.kind !== 'list') continue;
    const total = amountAt.get(list.total);
    if (!total || !(total.role === 'budget' || total.inBudget)) continue;
    for (const item of list.items) {
      const own = amountAt.get(item.amount);
      if (own && own.para !== total.para) own.inBudget = true;
    }
  }
}
