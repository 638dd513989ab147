import { type AmountMention, budgetDirections, type Claim, type Span } from '../claims.js';
import type { ParaClaims } from './across.js';
import { quoteOf, sentenceAt } from './para.js';
import { lastWithin, within } from './spans.js';
import { levels, markStart, type ParaState, prefixOf } from './state.js';
import { directionOf } from './yoy.js';
import { NIL_WORDS } from '../text/nil-words.js';
import { allMatches } from '../../util/matches.js';

type DirectionClaim = Extract<Claim, { kind: 'direction' }>;

/** Words that state a change (not a comparison: 超过, 高于): "降幅均超过 25%", "增长 5%". */
const CHANGE_WORD = /增加|减少|增长|下降|上升|降低|增幅|增速|涨幅|减幅|降幅/gu;

/**
 * "…比上年上升 412.30 万元，其中，A、B 降幅均超过 25%，下降的主要原因是…": a change the other way stated after the
 * last compared figure and before the reason, without a figure of its own to make it a claim — the reason
 * may be that change's, so whose it is is not certain.
 */
function otherChangeBetween(s: ParaState, target: Claim, at: number, earlier: Claim[]): boolean {
  if (target.kind !== 'yoy') return false;
  const from = Math.max(target.change.end, target.rate?.end ?? 0);
  // the changes other claims read (another item's "增加 0.01 万元，增长 3.45%") are no unread change
  const read = earlier.flatMap((c) => (c.kind === 'yoy' ? [c.change, ...(c.rate ? [c.rate] : [])] : []));
  const text = s.p.n.text;
  let start = from;
  for (const mark of [...allMatches(text.slice(from, at), /[，；。]|$/gu)]) {
    const end = from + mark.index;
    const unread = !read.some((f) => f.start >= start && f.end <= end);
    const other = [...allMatches(text.slice(start, end), CHANGE_WORD)].some(
      (w) => directionOf(w[0], s.catalog) === (target.changeWord === 'up' ? 'down' : 'up'),
    );
    if (unread && other) return true;
    start = end + 1;
  }
  return false;
}

/** A flow named bare before a reason's change word ("收入增长的主要原因", "总支出减少的原因"). */
const FLOW_NAMED = /^(?:本年|总)?(收入|支出)(?:合计|总计|总额)?$/u;
/** The totals a bare flow names. */
const INCOME_TOTALS: readonly string[] = ['income-total', 'grand-total'];
const SPENDING_TOTALS: readonly string[] = ['expenditure-total', 'expenditure-grand-total'];

/**
 * The direction a stated reason takes for granted: "增加主要原因是…" refers to the last change
 * stated before it in the paragraph; "支出决算数小于年初预算数的主要原因" to the last execution
 * rate with both amounts. The quote runs from the stated figure to the reason.
 */
export function directionClaims(s: ParaState, earlier: Claim[]): Claim[] {
  const { p, catalog } = s;
  const out: Claim[] = [];
  const cues = [
    ...[...allMatches(p.n.text, catalog.cues.reason)].map((m) => ({ m, refers: 'yoy' as const })),
    ...[...allMatches(p.n.text, catalog.cues.reasonBudget)].map((m) => ({ m, refers: 'budget' as const })),
  ];
  for (const { m, refers } of cues) {
    const word = m.groups?.word ?? m.groups?.than ?? '';
    const direction = directionOf(word, catalog);
    if (!direction) continue;
    // "公务接待费支出增加的主要原因": the reason of the subject it names, not of the last change stated
    const clause = markStart(p, '，；。：', m.index);
    if (refers === 'yoy' && catalog.cues.reasonAgainstBudget.test(p.n.text.slice(clause, m.index))) continue;
    const named = lastWithin(p.subjects, clause, m.index);
    // "收入增长的主要原因", "支出增长的主要原因": a flow named bare is the whole's — the total's change, not its last item's
    const flow = named ? undefined : FLOW_NAMED.exec(p.n.text.slice(clause, m.index).replace(/^.*[0-9%]/u, ''))?.[1];
    const totals = flow === '收入' ? INCOME_TOTALS : flow === '支出' ? SPENDING_TOTALS : undefined;
    const last = earlier
      .filter(
        (c) =>
          c.sentence.start <= m.index &&
          (refers === 'yoy'
            ? c.kind === 'yoy'
            : c.kind === 'rate' && ((c.budget && c.actual) || rateRightBefore(s, c, m.index))) &&
          (!named || ('subject' in c && c.subject?.id === named.subject.id)) &&
          (!totals || ('subject' in c && c.subject !== undefined && totals.includes(c.subject.id))),
      )
      .pop();
    // (a reason naming its subject is that subject's whatever stands between)
    const target = last && (named || !otherChangeBetween(s, last, m.index, earlier)) ? last : undefined;
    const reason = sentenceAt(p, m.index);
    const sentence = { start: target ? target.sentence.start : reason.start, end: reason.end };
    const claim: Claim = {
      kind: 'direction',
      word,
      direction,
      refers,
      para: p.para,
      sentence,
      quote: quoteOf(p, sentence, { start: m.index, end: m.index + m[0].length }),
    };
    if (target) claim.target = target;
    else if (refers === 'budget') {
      const sides = sidesBefore(s, reason.start, m.index);
      if (sides) claim.sides = sides;
    }
    if (named) claim.about = named.subject.id;
    out.push(claim);
  }
  return out;
}

/**
 * "支出决算为 A 万元，完成预算 89.53%，决算数小于预算数的主要原因是…" ("…完成年初预算的 91.98%。决算数小于…"): an
 * execution rate without its 预算 figure, right before the word, in its sentence or the one before, nothing between (no
 * figure, no rate, no subject named, no ；) — the rate alone says which side of its budget the 决算 fell.
 */
function rateRightBefore(s: ParaState, c: Claim, at: number): boolean {
  if (c.kind !== 'rate' || c.percent.end > at) return false;
  const { p } = s;
  const from = rateEnd(c);
  const between = p.n.text.slice(from, at);
  return (
    !between.includes('；') &&
    (between.match(/。/gu) ?? []).length <= 1 &&
    within(p.amounts, from, at).length === 0 &&
    within(p.percents, from, at).length === 0 &&
    within(p.subjects, from, at).length === 0
  );
}

/** What names a 决算 right before its figure: "支出决算为", "决算数", "实际支出". */
const ACTUAL_PREFIX = /(?:决算数?|实际支出(?:数)?)(?:为|是)?：?$/u;

/**
 * "…支出决算为 A 万元，全年预算为 B 万元，决算数大于预算数的主要原因是…": a reason against the budget with no rate to
 * refer to, in a sentence stating two figures before it — one written as a 决算, the other as a 预算, and no other:
 * the reason's word is of those two.
 */
function statedSides(
  s: ParaState,
  from: number,
  to: number,
): { actual: AmountMention; budget: AmountMention } | undefined {
  const amounts = within(s.p.amounts, from, to);
  if (amounts.length !== 2) return undefined;
  const budget = amounts.filter((a) => s.catalog.cues.budget.test(prefixOf(s, a.start)));
  const actual = amounts.filter((a) => ACTUAL_PREFIX.test(prefixOf(s, a.start)));
  if (budget.length !== 1 || actual.length !== 1 || budget[0] === actual[0]) return undefined;
  return { actual: actual[0] as AmountMention, budget: budget[0] as AmountMention };
}

/**
 * The 决算 and 预算 a word on them refers to: those its own sentence states before it, else — when its sentence opens
 * with the word ("年初预算为 B 万元，支出决算为 A 万元。决算数小于预算数的主要原因…") — those of the sentence before.
 */
function sidesBefore(
  s: ParaState,
  sentenceStart: number,
  at: number,
): { actual: AmountMention; budget: AmountMention } | undefined {
  const { p } = s;
  const own = within(p.amounts, sentenceStart, at).length > 0;
  if (own || sentenceStart === 0 || within(p.subjects, sentenceStart, at).length > 0)
    return own ? statedSides(s, sentenceStart, at) : undefined;
  return statedSides(s, sentenceAt(p, sentenceStart - 1).start, at);
}

type Yoy = Extract<Claim, { kind: 'yoy' }>;
type Rate = Extract<Claim, { kind: 'rate' }>;

/** A nil change said in words, wherever it stands. */
const FLAT_WORD = new RegExp(NIL_WORDS, 'gu');

/**
 * Whether the text from `from` to `to` says nothing of another figure: no amount, no subject named, no nil change
 * said (one said against a budget — "决算数与预算数持平的主要原因是…" — is of the budget, not of the year before).
 */
function nothingElseBetween(s: ParaState, from: number, to: number): boolean {
  const { p, catalog } = s;
  if (within(p.amounts, from, to).length > 0 || within(p.subjects, from, to).length > 0) return false;
  for (const m of allMatches(p.n.text.slice(from, to), FLAT_WORD)) {
    const at = from + m.index;
    if (!catalog.cues.reasonAgainstBudget.test(p.n.text.slice(markStart(p, '，；。：', at), at))) return false;
  }
  return true;
}

/** Where a comparison's words end: after its rate when it has one, else after its change. */
const endOf = (c: Yoy): number => Math.max(c.change.end, c.rate?.end ?? 0);

/** Where an execution rate's words end: after the last of its rate, 预算 and 决算. */
const rateEnd = (c: Rate): number => Math.max(c.percent.end, c.budget?.end ?? 0, c.actual?.end ?? 0);

/** Whether every 决算 falls off its 预算 the same way, as their roundings allow (none may be nil). */
function oneSide(rates: { budget: AmountMention; actual: AmountMention }[]): boolean {
  const sides = rates.map((r) => budgetDirections(r.actual, r.budget));
  return sides.every((d) => d.length === 1 && d[0] === sides[0]?.[0]);
}

/**
 * "公务用车购置及运行维护费支出减少 0.29 万元，…。公务用车购置及运行维护费支出持平的主要原因是…", "较上年增加 0.47 万元。
 * 决算数与上年持平的主要原因是…", "决算数与预算数持平的主要原因是…": a reason for a nil change takes for granted that
 * the change it explains is nil. Whose change: the subject its clause names; else, for the year before, the last
 * comparison of the paragraph when nothing after it speaks of another figure; against the budget, the last
 * execution rate with both amounts when it is the paragraph's only one and no other subject is named after it,
 * or when all of them fall off the same side (a total's 100% then its parts' 120% and 85.71%: whose is not
 * certain). A reason whose clause names a budget of a year ("与上年预算持平") compares
 * budgets: not read. "…减少 9.2 万元，下降 71.32%，主要原因是与上年持平": the nil change given as the reason of the
 * change right before it.
 */
export function flatReasonClaims(s: ParaState, earlier: Claim[]): Claim[] {
  const { p, catalog } = s;
  const text = p.n.text;
  const out: Claim[] = [];
  const yoys = earlier.filter((c): c is Yoy => c.kind === 'yoy' && !c.versusBudget && !c.pair);
  const push = (word: string, refers: 'yoy' | 'budget', at: number, end: number, target?: Claim, about?: string) => {
    const reason = sentenceAt(p, at);
    const sentence = { start: target ? target.sentence.start : reason.start, end: reason.end };
    const claim: DirectionClaim = {
      kind: 'direction',
      word,
      direction: 'flat',
      refers,
      para: p.para,
      sentence,
      quote: quoteOf(p, sentence, { start: at, end }),
    };
    if (target) claim.target = target;
    if (about) claim.about = about;
    out.push(claim);
  };
  for (const m of allMatches(text, catalog.cues.reasonFlat)) {
    const word = m.groups?.word ?? '';
    const clause = markStart(p, '，；。：', m.index);
    const before = text.slice(clause, m.index);
    const named = lastWithin(p.subjects, clause, m.index);
    const end = m.index + m[0].length;
    if (catalog.cues.reasonAgainstBudget.test(before)) {
      const rates = earlier.filter(
        (c): c is Rate & { budget: AmountMention; actual: AmountMention } =>
          c.kind === 'rate' &&
          c.budget !== undefined &&
          c.actual !== undefined &&
          c.sentence.start <= m.index &&
          (!named || c.subject?.id === named.subject.id),
      );
      const last = rates[rates.length - 1];
      // with no subject named, a total's rate and its parts' are all candidates: the last is the one meant only
      // when it is the paragraph's one rate and no other subject is named after it (a change on the year before
      // between — "完成预算的 100%；较上年增加 0.47 万元。决算数与预算数持平…" — is no other 预算), or when
      // every rate is off the same side
      const target =
        last &&
        (named || (rates.length === 1 && within(p.subjects, rateEnd(last), clause).length === 0) || oneSide(rates))
          ? last
          : undefined;
      push(word, 'budget', m.index, end, target, named?.subject.id);
      const pushed = out[out.length - 1] as DirectionClaim;
      // no rate to refer to: the 决算 and 预算 stated right before ("年初预算为 B，支出决算为 A。决算数与预算数持平的主要原因…")
      if (!target && rates.length === 0) {
        const sides = sidesBefore(s, sentenceAt(p, m.index).start, m.index);
        if (sides) pushed.sides = sides;
      }
      continue;
    }
    if (/预算/u.test(before)) continue;
    const own = yoys.filter((c) => c.change.end <= m.index && (!named || c.subject?.id === named.subject.id));
    const last = own[own.length - 1];
    const target = last && (named || nothingElseBetween(s, endOf(last), clause)) ? last : undefined;
    push(word, 'yoy', m.index, end, target, named?.subject.id);
  }
  for (const c of yoys) {
    const m = catalog.cues.flatAsReason.exec(text.slice(endOf(c)));
    if (!m) continue;
    push(m.groups?.word ?? '', 'yoy', endOf(c), endOf(c) + m[0].length, c);
  }
  return out;
}

/**
 * "“…（项）”36.50 万元，上年：40.20 万元，主要…经费减少": an item's figure, the year before's right after it, and
 * a reason naming the item's own money (its name is in the item's name): the reason's direction word is that
 * of the two figures. Only in this order, in one clause group: the words then speak of nothing else.
 */
export function yearsReasonClaims(s: ParaState): Claim[] {
  const { p, catalog } = s;
  const text = p.n.text;
  const out: Claim[] = [];
  for (const current of levels(s)) {
    const m = catalog.cues.reasonYears.exec(text.slice(current.end));
    const word = m?.groups?.word;
    const name = m?.groups?.name;
    if (!m || !word || !name) continue;
    const direction = directionOf(word, catalog);
    const prior = s.p.amounts.find((a) => a.start > current.end && a.end <= current.end + m[0].length);
    const item = text.slice(markStart(p, '，；。：', current.start), current.start);
    if (!direction || !prior || s.changes.has(prior) || !item.includes(name)) continue;
    out.push(
      yearsDirection(s, word, direction, { current, prior }, { start: current.start, end: current.end + m[0].length }),
    );
  }
  return out;
}

/** Before the starting figure of a move: "由", "从", with the year it starts from ("由上年的", "从 2023 年度的"). */
const MOVE_FROM = /(?:由|从)(?:上一?年度?|去年|(?<year>(?:19|20)[0-9]{2})年度?)?(?:同期)?(?:的)?$/u;

/** Between the two figures of a move: its word and 到 / 至, with the year it ends in ("增加到 2024 年的"). */
const MOVE_TO =
  /^(?<word>增加|增长|上升|减少|下降|降低|压缩)了?(?:到|至)(?:本年度?|(?<year>(?:19|20)[0-9]{2})年度?)?(?:的)?$/u;

/**
 * "公务接待费由上年的 6.40 万元增加到 5.10 万元": a figure moving from one level to another in words — the word says
 * which way it moved, and the two figures must agree (a direction claim of the two years, said in place). A year
 * written at both ends must be earlier at the start.
 */
export function movedClaims(s: ParaState): Claim[] {
  const { p, catalog } = s;
  const text = p.n.text;
  const out: Claim[] = [];
  for (let i = 0; i + 1 < p.amounts.length; i += 1) {
    const prior = p.amounts[i] as AmountMention;
    const current = p.amounts[i + 1] as AmountMention;
    const from = MOVE_FROM.exec(text.slice(Math.max(0, prior.start - 12), prior.start));
    const to = from ? MOVE_TO.exec(text.slice(prior.end, current.start)) : null;
    const word = to?.groups?.word;
    const direction = word ? directionOf(word, catalog) : undefined;
    if (!to || !word || !direction) continue;
    const y0 = from?.groups?.year;
    const y1 = to.groups?.year;
    if (y0 !== undefined && y1 !== undefined && Number(y0) >= Number(y1)) continue;
    out.push({
      ...yearsDirection(s, word, direction, { current, prior }, { start: prior.start, end: current.end }),
      moved: true,
    });
  }
  return out;
}

/** A direction word said of two years' figures in place: the claim, quoted over `span` in the current figure's sentence. */
function yearsDirection(
  s: ParaState,
  word: string,
  direction: DirectionClaim['direction'],
  years: { current: AmountMention; prior: AmountMention },
  span: Span,
): DirectionClaim {
  const sentence = sentenceAt(s.p, years.current.start);
  return {
    kind: 'direction',
    word,
    direction,
    refers: 'yoy',
    years,
    para: s.p.para,
    sentence,
    quote: quoteOf(s.p, sentence, span),
  };
}

/** Which way a rate's 决算 lies from its 预算 as written (-1, 0, 1); undefined when their units differ. */
function sideOf(c: Rate): number | undefined {
  if (!c.actual || !c.budget || c.actual.unit !== c.budget.unit) return undefined;
  return c.actual.value.cmp(c.budget.value);
}

/**
 * A reason in a paragraph of its own, right after the paragraphs that state the comparisons ("…比 2025 年预算
 * 减少 2,163.37 万元。" / "财政拨款收入支出增加的主要原因是…"): its direction is that of the changes just above
 * it — the paragraph before and the one before that, no heading between — of the subject the reason names,
 * else of all of them when they point one way. A paragraph stating a change of its own keeps its own reading.
 * A reason against the budget ("…支出决算小于预算数的主要情况：…") in a paragraph stating no figure before it likewise
 * takes the execution rates above with both amounts, when they all lie on one side of their budgets.
 */
export function resolveReasonTargets(paras: readonly ParaClaims[]): void {
  paras.forEach((pc, index) => {
    const unresolved = (refers: 'yoy' | 'budget') =>
      pc.claims.filter(
        (c): c is DirectionClaim =>
          c.kind === 'direction' &&
          c.refers === refers &&
          c.direction !== 'flat' &&
          c.target === undefined &&
          c.years === undefined,
      );
    const above = <T extends Claim>(keep: (c: Claim) => c is T): T[] => {
      const out: T[] = [];
      for (let k = index - 1; k >= Math.max(0, index - 2); k -= 1) {
        const q = paras[k] as ParaClaims;
        if (q.p.level !== undefined) break;
        out.unshift(...q.claims.filter(keep));
      }
      return out;
    };
    if (!pc.claims.some((c) => c.kind === 'yoy')) {
      const reasons = unresolved('yoy');
      const changes = reasons.length > 0 ? above((c): c is Yoy => c.kind === 'yoy' && !c.pair) : [];
      for (const reason of reasons) {
        const own = reason.about === undefined ? changes : changes.filter((c) => c.subject?.id === reason.about);
        if (own.length === 0 || new Set(own.map((c) => c.changeWord)).size > 1) continue;
        reason.target = own[own.length - 1] as Yoy;
      }
    }
    if (!pc.claims.some((c) => c.kind === 'rate' && c.budget && c.actual)) {
      const reasons = unresolved('budget');
      const rates =
        reasons.length > 0
          ? above((c): c is Rate => c.kind === 'rate' && c.budget !== undefined && c.actual !== undefined)
          : [];
      for (const reason of reasons) {
        // a paragraph stating figures of its own ("年初预算为 0 元，支出决算为 A 万元。决算数大于预算数的主要原因…")
        // gives the reason its own figures, rate or not
        if (pc.p.amounts.some((a) => a.start < reason.sentence.end)) continue;
        const own = reason.about === undefined ? rates : rates.filter((c) => c.subject?.id === reason.about);
        const sides = new Set(own.map(sideOf));
        if (own.length === 0 || sides.size > 1 || sides.has(undefined)) continue;
        reason.target = own[own.length - 1] as Rate;
      }
    }
  });
}

/**
 * A nil change against the budget said in words right after an execution rate: "完成预算 97.6%，决算数与预算数持平",
 * "完成年初预算的 100%，与年初预算持平" (基本持平 allows a small gap: not read; "与 2025 年预算持平" compares budgets;
 * "…持平的主要原因" is read with the reasons; "决算数大于预算数" after a rate is the rate's own word, read with it).
 */
const SAID_FLAT_AGAINST_BUDGET = new RegExp(
  `(?:决算数?)?与(?:年初|全年|调整后?的?)?预算数?(?:相比)?，?(?<word>${NIL_WORDS})(?!(?:的|，其?)?主要原因)|决算数?(?<equal>等于|相等于)(?:年初|全年|调整后?的?)?预算数?`,
  'gu',
);

/**
 * "…完成预算 97.6%，决算数与预算数持平": a nil change against the budget said of the execution rate just before it in
 * the sentence, nothing else between — the rate must allow it.
 */
export function saidAgainstBudgetClaims(s: ParaState, earlier: Claim[]): Claim[] {
  const { p } = s;
  const text = p.n.text;
  const out: Claim[] = [];
  for (const m of allMatches(text, SAID_FLAT_AGAINST_BUDGET)) {
    const word = m.groups?.word ?? m.groups?.equal ?? '';
    // "决算数小于预算数（或与预算数持平）": the template's outcomes side by side, none chosen
    if (/[（(]或$/u.test(text.slice(0, m.index)) || /^[（(]或/u.test(text.slice(m.index + m[0].length))) continue;
    const own = sentenceAt(p, m.index);
    const rate = earlier.filter((c): c is Rate => c.kind === 'rate' && !c.variance && rateEnd(c) <= m.index).pop();
    const target = rate && rateRightBefore(s, rate, m.index) ? rate : undefined;
    // no rate right before: the 决算 and 预算 the sentence (or the one before it) states ("年初预算为 B 万元，支出决算
    // A 万元。决算数与预算数持平")
    const sides = target ? undefined : sidesBefore(s, own.start, m.index);
    if (!target && !sides) continue;
    const sentence = { start: target ? target.sentence.start : own.start, end: own.end };
    const claim: DirectionClaim = {
      kind: 'direction',
      word,
      direction: 'flat',
      refers: 'budget',
      said: true,
      para: p.para,
      sentence,
      quote: quoteOf(p, sentence, { start: m.index, end: m.index + m[0].length }),
    };
    if (target) claim.target = target;
    if (sides) claim.sides = sides;
    out.push(claim);
  }
  return out;
}
