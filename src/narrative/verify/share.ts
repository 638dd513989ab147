import { refText } from '../../model/place.js';
import { Decimal } from 'decimal.js';
import { checkPercent, radiusFor, sum, type Approx } from '../../money/interval.js';
import { finding, fixed, otherParas, verdict, type VerifyContext } from './common.js';
import { type AmountMention, type Claim, mentionApprox, printedZeros } from '../claims.js';
import { coverings } from '../catalog/partitions.js';
import { cellIn, cellLocation, type LinkedCell } from './resolve.js';
import { subjectCell } from './amount.js';
import type { FindingLocation } from '../../model/finding.js';
import type { Verdict } from './types.js';
import { fractionOf } from './fraction.js';
import type { Subject } from '../catalog/types.js';

type Share = Extract<Claim, { kind: 'share' }>;

interface Whole {
  value: Approx;
  name: string;
  related: FindingLocation[];
  /** The figure the whole was read as, where it is one written figure. */
  figure?: AmountMention;
}

/**
 * The wholes the share may be of: a list's total; for a named subject, the figure its own paragraph
 * states for it before the share ("财政拨款基本支出 A 万元，其中：人员经费 a 万元，占基本支出的 P%"),
 * then the first the text states, else the table's.
 */
function wholesOf(claim: Share, ctx: VerifyContext): Whole[] {
  const w = claim.whole;
  // a list that may add up to another figure of its sentence: the share may be of either
  // a whole written nowhere, the sum of the parts whose shares add up to 100%: each part's rounding counts
  if ('list' in w && w.sumOf)
    return [
      { value: sum(w.sumOf.map(mentionApprox)), name: w.name ?? w.list.text, related: otherParas(claim, [w.para]) },
    ];
  if ('list' in w)
    return [w.list, ...(w.alternatives ?? [])].map((a) => ({
      value: mentionApprox(a),
      name: a === w.list && w.name ? w.name : a.text,
      related: otherParas(claim, [w.para]),
      figure: a,
    }));
  if ('unknown' in w) return [synonymWhole(claim, w.unknown, ctx)].filter((x): x is Whole => x !== undefined);
  if (!('subject' in w)) return [];
  // "占基本支出预算 81.25%": the whole is the subject's 预算 as the text states it
  const budgetWhole = /预算数?的?$/.test(w.text);
  const role = budgetWhole && ctx.stated(w.subject.id, 'budget') ? 'budget' : 'actual';
  // the paragraph's own figure may be of a narrower scope named with the whole's name as its tail
  // ("一般公共预算财政拨款基本支出 A …人员经费占基本支出的 P%"): the share may be of it too
  const localOf = (r: 'actual' | 'budget') =>
    ctx
      .amountsIn(claim.para)
      .filter((c) => ofWhole(c.subject, w.subject) && c.role === r && c.amount.end <= claim.part.start)
      .pop();
  const local = localOf(role);
  const stated = (budgetWhole ? ctx.stated(w.subject.id, 'budget') : undefined) ?? ctx.stated(w.subject.id, 'actual');
  // "三公经费预算共计 W 万元，…公务用车运行维护费预算数 a 万元，占三公经费的 p%": a 预算 part may be of the whole's 预算
  const budgets = claim.partBudget && !budgetWhole ? [localOf('budget'), ctx.stated(w.subject.id, 'budget')] : [];
  const out: Whole[] = [];
  for (const c of [local, stated, ...budgets])
    if (c?.kind === 'amount' && !out.some((x) => x.name === `${w.subject.label} ${c.amount.text}`))
      out.push({
        value: mentionApprox(c.amount),
        name: `${w.subject.label} ${c.amount.text}`,
        related: otherParas(claim, [c.para]),
        figure: c.amount,
      });
  if (out.length > 0) return out;
  const table = tableWhole(w.subject, ctx);
  return table ? [table] : partsWholes(claim, w.subject, ctx);
}

/**
 * "“三公”经费财政拨款支出决算中，公务用车购置及运行维护费 a，占 p%；公务接待费 b，占 q%" and 因公出国（境）费 c stated in
 * the text: a whole stated nowhere, whose every part (of one way its catalog partition may be written) the text states
 * once, is their sum — a part printed 0 read at its neighbours' precision. One whole per such way.
 */
function partsWholes(claim: Share, whole: Subject, ctx: VerifyContext): Whole[] {
  const figures = new Map<string, AmountMention>();
  const of = (id: string): AmountMention | undefined => {
    if (figures.has(id)) return figures.get(id);
    const stated = ctx.claims.filter(
      (c): c is Extract<Claim, { kind: 'amount' }> =>
        c.kind === 'amount' && c.subject.id === id && c.role === 'actual' && c.inBudget !== true,
    );
    const first = stated[0]?.amount;
    const one = first && stated.every((c) => c.amount.value.eq(first.value)) ? first : undefined;
    if (one) figures.set(id, one);
    return one;
  };
  // parts whose every share the paragraph states (one way the whole may be written) are checked together
  // (n.share-sum), not each against their sum
  const subjectOf = new Map<AmountMention, string>();
  for (const c of ctx.claims) if (c.kind === 'amount') subjectOf.set(c.amount, c.subject.id);
  const shared = new Set(
    ctx.claims.flatMap((c) => (c.kind === 'share' && c.para === claim.para ? [subjectOf.get(c.part)] : [])),
  );
  const ways = coverings(whole.id, ctx.catalog.partitions);
  if (ways.some((ids) => ids.every((id) => shared.has(id)))) return [];
  const out: Whole[] = [];
  for (const ids of ways) {
    const parts = ids.map(of);
    if (parts.some((a) => a === undefined)) continue;
    const read = printedZeros(parts as AmountMention[]);
    out.push({
      value: sum(read.map(mentionApprox)),
      name: `${whole.label}（${ids.length} 项之和 ${read.map((a) => a.text).join(' + ')}）`,
      related: otherParas(claim, []),
    });
  }
  return out;
}

/** Whether `subject` is the whole's own or a narrower one named with the whole's name at its end. */
function ofWhole(subject: Subject, whole: Subject): boolean {
  return subject.id === whole.id || subject.names.some((n) => whole.names.some((w) => n !== w && n.endsWith(w)));
}

function tableWhole(subject: { id: string; label: string }, ctx: VerifyContext): Whole | undefined {
  const linked: LinkedCell | undefined = subjectCell(ctx, subject.id, 'actual');
  if (!linked) return undefined;
  return {
    value: cellIn(linked, '万元'),
    name: `${subject.label} ${refText(linked.cell.ref)}`,
    related: [cellLocation(linked)],
  };
}

/**
 * Whose total a whole's name says before 总支出 / 总收入: the unit's own ("本部门", "单位", "某县档案馆（保管中心）"), never a
 * wider or a fund's ("全县", "市级部门", "一般公共预算", "财政拨款").
 */
const OWNER =
  /(?:(?:本|我|该)?(?:部门|单位)|(?![^，。；：、]*?(?:全|各|级|一般公共|财政|拨款|基金|国有资本|三公|政府))[^，。；：、0-9%]{2,20}?(?:部门|单位|局|部|委|办|院|校|园|所|站|馆|中心|会|队|处|室|）))?/u;

/** Another name for a total the same paragraph states: "支出合计 200 万元 … 占总支出的 60%", "…占部门预算总支出的 60%". */
const SYNONYMS: { name: RegExp; subjects: string[] }[] = [
  {
    name: new RegExp(`^${OWNER.source}(?:年度)?(?:预算|决算)?(?:总支出|支出总额|全部支出|总的支出)的?$`, 'u'),
    subjects: ['expenditure-total', 'expenditure-grand-total'],
  },
  {
    name: new RegExp(`^${OWNER.source}(?:年度)?(?:预算|决算)?(?:总收入|收入总额|全部收入|总的收入)的?$`, 'u'),
    subjects: ['income-total', 'grand-total'],
  },
];

/**
 * The whole named otherwise than its subject, taken from the same paragraph only, and only when
 * the paragraph states one figure for it (a 总计 and a 合计 of different values: nothing said). A whole
 * named a 预算 ("部门预算总支出") is a figure said of a budget; one named a 决算, or neither, an outturn.
 */
function synonymWhole(claim: Share, text: string, ctx: VerifyContext): Whole | undefined {
  const synonym = SYNONYMS.find((s) => s.name.test(text));
  if (!synonym) return undefined;
  const budget = /预算/u.test(text);
  const fits = (c: Extract<Claim, { kind: 'amount' }>) =>
    synonym.subjects.includes(c.subject.id) &&
    (budget ? c.role === 'budget' || c.inBudget === true : c.role === 'actual' && !(/决算/u.test(text) && c.inBudget));
  const stated = ctx.amountsIn(claim.para).filter(fits);
  // stated before the part, else in the share's own sentence: a later sentence's figure ("…项目支出 b，占总支出的 q%。
  // 2016 年度支出合计 T′…") is another year's or another scope's; none there, the paragraph right before states it
  // when the part opens its paragraph (a line the page broke after "…基本支出 a，占总支出的 p%；")
  const before = stated.filter((c) => c.amount.end <= claim.part.start);
  const inSentence = stated.filter((c) => c.amount.end <= claim.sentence.end);
  const previous = () =>
    ctx.claims.filter(
      (c): c is Extract<Claim, { kind: 'amount' }> => c.kind === 'amount' && c.para.n === claim.para.n - 1 && fits(c),
    );
  const own =
    before.length > 0
      ? before
      : inSentence.length > 0
        ? inSentence
        : ctx.claims.some((c) => c.kind === 'amount' && c.para === claim.para && c.amount.start < claim.part.start)
          ? []
          : previous();
  const values = new Set(own.map((c) => mentionApprox(c.amount).value.toFixed()));
  const first = own[0];
  if (!first || values.size !== 1) return undefined;
  return {
    value: mentionApprox(first.amount),
    name: `${first.subject.label} ${first.amount.text}`,
    related: first.para === claim.para ? [] : otherParas(claim, [first.para]),
    figure: first.amount,
  };
}

/** What follows a whole's name after 占 before the percentage ("的", "的比重为", "比例为"). */
const WHOLE_TAIL = /(?:的)?(?:比重|比例|占比|比)?(?:为|是|达|约为)?$/u;

/** The whole a share names as written after its last 占 ("占总收入的 93.52%" → 总收入), else undefined. */
function writtenWhole(claim: Share, ctx: VerifyContext): string | undefined {
  const text = ctx.textOf?.(claim.para);
  if (text === undefined || claim.percent.start <= claim.part.end) return undefined;
  const between = text.slice(claim.part.end, claim.percent.start);
  const at = between.lastIndexOf('占');
  if (at < 0) return undefined;
  const name = between
    .slice(at + 1)
    .replace(/^(?:到|了)/u, '')
    .replace(WHOLE_TAIL, '')
    .replace(/\s+/gu, '');
  return name === '' || /[，。；：,;]/u.test(name) ? undefined : name;
}

/** Two written wholes name one figure: the same words, or two names of one total ("总收入", "收入总额"). */
function sameWhole(a: string, b: string): boolean {
  return a === b || SYNONYMS.some((s) => s.name.test(a) && s.name.test(b));
}

/**
 * "本年收入 a，占总收入 93.52%，…财政拨款收入 b，占总收入 p%": a figure the text itself states as a part under 100% of a
 * whole cannot be that whole — a share of the whole so named is no share of it.
 */
function statedAsPart(claim: Share, whole: Whole, ctx: VerifyContext): boolean {
  const figure = whole.figure;
  if (!figure) return false;
  const name = writtenWhole(claim, ctx);
  if (name === undefined) return false;
  return ctx
    .partsUnder100(mentionApprox(figure).value)
    .some(
      (c) =>
        c !== claim && c.part !== claim.part && ((n) => n !== undefined && sameWhole(n, name))(writtenWhole(c, ctx)),
    );
}

/** One key per value: Decimals of one value print alike (zero aside: -0 prints "-0"). */
function valueKey(value: Decimal): string {
  return value.isZero() ? '0' : value.toString();
}

/**
 * The shares of one part each under 100% (its rounding allowed) whose part is `value`, indexed on first use:
 * statedAsPart asks for each share's whole, and a scan of every claim each time (with its sums) was quadratic in the
 * text's length.
 */
export function partsUnder100Lookup(claims: readonly Claim[]): VerifyContext['partsUnder100'] {
  let byValue: Map<string, Share[]> | undefined;
  return (value) => {
    if (!byValue) {
      byValue = new Map();
      for (const c of claims) {
        if (c.kind !== 'share' || c.partSumOf || !c.percent.value.plus(radiusFor(c.percent.decimals)).lt(100)) continue;
        const key = valueKey(mentionApprox(c.part).value);
        const same = byValue.get(key);
        if (same) same.push(c);
        else byValue.set(key, [c]);
      }
    }
    return byValue.get(valueKey(value)) ?? [];
  };
}

/** Key of the set of shares that should add up to 100%: same paragraph, same whole. */
export function shareGroup(claim: Share): string {
  const w = claim.whole;
  const whole =
    'list' in w
      ? `list:${w.para.id}:${w.list.start}`
      : 'subject' in w
        ? `${claim.para.id}:${w.subject.id}`
        : `${claim.para.id}:?`;
  return whole;
}

/**
 * n.share / n.share-truncated / n.share-nudged: the stated percentage is part ÷ whole rounded to
 * the decimals written. `nudged` is true when the shares of the claim's group add up to exactly
 * 100 and this one is off by one unit of its last decimal: an officer made the column total 100%.
 */
/**
 * "收入预算 11654.33 万元，其中：…8000 万元，占 p%；其他收入 300 万元，占 q%；上年结转 129.33 万元，占 r%": an item of a
 * list whose items add up to its total exactly, to the total's last decimal, written with fewer decimals than its
 * neighbours — the figure is whole, not rounded (a rounded one would carry the decimals the others carry, and the
 * exact sum would not come out): it stands for itself at the total's precision.
 */
function exactItem(claim: Share, ctx: VerifyContext): AmountMention {
  const w = claim.whole;
  const part = claim.part;
  if (!('list' in w) || w.sumOf || part.text.includes('.')) return part;
  const total = w.list;
  if (total.decimals <= part.decimals || total.unit !== part.unit) return part;
  const list = ctx.claims.find(
    (c) =>
      c.kind === 'list' &&
      c.total === total &&
      c.compare === 'equal' &&
      c.items.some((i) => i.amount === part) &&
      c.items.some((i) => i.amount !== part && i.amount.decimals > part.decimals) &&
      c.items.every((i) => i.amount.unit === total.unit) &&
      c.items.reduce((t, i) => t.plus(i.amount.value), new Decimal(0)).eq(total.value),
  );
  return list ? { ...part, decimals: total.decimals } : part;
}

export function verifyShare(
  claim: Share,
  ctx: VerifyContext,
  nudged: (claim: Share, computed: Decimal) => boolean,
): Verdict {
  const wholes = wholesOf(claim, ctx).filter((w) => !statedAsPart(claim, w, ctx));
  const whole = wholes[0];
  if (!whole) return verdict(claim, 'unverifiable');
  const stated = { value: claim.percent.value, decimals: claim.percent.decimals };
  const part = claim.partSumOf ? sum(claim.partSumOf.map(mentionApprox)) : mentionApprox(exactItem(claim, ctx));
  // which figure is the whole is not certain when there are two: a share that holds for either holds
  if (wholes.some((x) => checkPercent(part, x.value, stated).consistent)) return verdict(claim, 'pass');
  const check = checkPercent(part, whole.value, stated);
  const computed = check.computed ?? new Decimal(0);
  const data = {
    part: claim.partSumOf ? claim.partSumOf.map((a) => a.text).join(' + ') : claim.part.text,
    whole: whole.name,
    stated: claim.percent.text,
    computed: check.computed ? `${fixed(computed)}%` : '无法计算（总数为 0）',
  };
  const ratio = fractionOf(part, whole.value, claim.percent);
  if (ratio && !check.truncated)
    return verdict(claim, 'fail', [
      finding(claim, 'narrative.percent-fraction', 'percent-fraction', { ...data, ratio }, whole.related),
    ]);
  // a share one unit under its rounding in a group written to total exactly 100% reads as truncated too; the
  // nudge is the one explanation of why only it was cut (its siblings were rounded)
  const implementation = nudged(claim, computed)
    ? 'narrative.share-nudged'
    : check.truncated
      ? 'narrative.share-truncated'
      : 'narrative.share';
  const messageId =
    implementation === 'narrative.share-nudged'
      ? 'share-nudged'
      : check.truncated
        ? 'share-truncated'
        : 'share-mismatch';
  return verdict(claim, 'fail', [finding(claim, implementation, messageId, data, whole.related)]);
}
