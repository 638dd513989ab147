import { checkPercent } from '../../money/interval.js';
import { type AmountMention, type Claim, mentionApprox, type PercentMention } from '../claims.js';
import type { Partition } from '../catalog/types.js';
import { partsOf } from '../catalog/partitions.js';
import { outlineItems } from '../../util/outline.js';
import { sharesMakeWhole } from './list-complete.js';
import { sentenceAt } from './para.js';
import { figureName, shareRightAfter } from './share.js';
import { countEndingBy, lastWithin } from './spans.js';
import { levels, prefixOf, type ParaState } from './state.js';
import { allMatches } from '../../util/matches.js';

/**
 * "规模突破 500 亿元", "超过 3 百亿", "近 300 亿元", "收入过 30 亿元的 52 个": a bound, not a level — never a list's total nor one of
 * its parts. ("合计约 179.0 亿元" is a level all the same: written to a tenth, it is checked to a tenth.)
 */
const BOUND = /(?:突破|超过|超|(?<![通经])过|逾|不足|不到|接近|将近|近)$/u;

/**
 * "多为 5 亿-10 亿元", "5 万元～8 万元", "3 至 5 亿元": the ends of a range — where most figures lie, no figure of
 * its own. A dash joins two figures either way; 至 / 到 only after a bare number ("减少 235 万元至 4464.99 万元"
 * moves to a level, which is one).
 */
const RANGE_UPPER = /[0-9](?:万|亿|千|百)?(?:元\s*[-—～~]|\s*[-—～~至到])\s*$/u;
const RANGE_LOWER = /^\s*[-—～~]\s*[0-9]/u;

/** Whether an amount is an end of a range ("5 亿-10 亿元"). */
function rangeEnd(text: string, a: AmountMention): boolean {
  return RANGE_UPPER.test(text.slice(Math.max(0, a.start - 8), a.start)) || RANGE_LOWER.test(text.slice(a.end));
}

/**
 * "比上年的 73.11 亿元增加 4.16%", "比上年 68.91 亿元增长 5.52%", "较 2015 年的 …", "上年 10321.31 元，本年…":
 * the figure a comparison is made with is another year's level — never a list's total nor one of its
 * parts ("…为 A 亿元，比上年的 B 亿元增加 P%。其中，C 为 c 亿元，比上年 d 亿元增长 Q%": c is the part of A).
 */
const OTHER_YEAR =
  /(?:上年|去年|上年度|上一年度?|上年同期|(?:比|较|与|相较于?|较之)(?:同期|[0-9]{4}年度?(?:同期)?))(?:决算|预算)?数?(?:的|为|是)?$/u;

/**
 * "由 83.3 亿元调整为 143.6 亿元", "从 5 辆减少到 3 辆": the figure moved from is the level before the move —
 * only the figure moved to is the level now.
 */
const MOVED_FROM = /(?:由|从)$/u;
const MOVED_TO = /^(?:调整|调增|调减|增加|减少|增长|下降|提高|降低|压减|压缩)?(?:为|到|至)/u;

/**
 * "比预算超收 150 万元", "增支 20 万元", "较预算节省超 1 亿元": a figure written after its change word is a change,
 * never a level.
 */
const CHANGE_BEFORE =
  /(?:增加|减少|增长|下降|上升|降低|增收|减收|增支|减支|超收|短收|超支|节支|节约|节省)了?(?:约|近|超过?)?$/u;

export function isChange(prefix: string): boolean {
  return CHANGE_BEFORE.test(prefix);
}

/**
 * A figure that is not a level of the list's own year and kind: a bound, an end of a range, the base of a
 * comparison, the level a move starts from, or a difference ("预计短收 A 万元，其中税收收入短收 a 万元": the parts of a
 * shortfall may be of either sign — 非税收入 over budget — so a part may exceed the whole).
 */
export function outsideList(s: ParaState, a: AmountMention): boolean {
  const prefix = prefixOf(s, a.start);
  const movedFrom = MOVED_FROM.test(prefix) && MOVED_TO.test(s.p.n.text.slice(a.end));
  return (
    BOUND.test(prefix) ||
    BOUND_AFTER.test(s.p.n.text.slice(a.end)) ||
    OTHER_YEAR.test(prefix) ||
    movedFrom ||
    isChange(prefix) ||
    rangeEnd(s.p.n.text, a)
  );
}

/** A bound written after its figure: "均在 30 亿元以上", "5 万元以下", "100 万元（含）以上" — no level of its own. */
const BOUND_AFTER = /^(?:（含）)?(?:以上|以下|之上|之下|以内|之内)/u;

/** After the yardstick of an execution rate: its rate ("…计划 B 万元的 102.5%", "预算（B）的 R%"). */
const RATE_AFTER_YARDSTICK = /^）?的?[0-9.]+%/u;

/**
 * "本级收入 A 万元，完成年度收入计划 B 万元的 102.5%": the plan or budget an execution rate is taken over is the
 * rate's yardstick — another kind of figure than the list's levels.
 */
export function rateYardstick(s: ParaState, a: AmountMention): boolean {
  const text = s.p.n.text;
  if (!RATE_AFTER_YARDSTICK.test(text.slice(a.end))) return false;
  const from = Math.max(0, a.start - 48);
  for (const m of allMatches(text.slice(from, a.start + 1), s.catalog.cues.rateOf))
    if (from + m.index + m[0].length === a.start) return true;
  return false;
}

/**
 * "…；财政 3120 万元，…。其中非税收入 3400 万元，占一般公共预算收入比重为 52.30%": a list's one item that says
 * itself what it is a share of — a whole named otherwise than the figure read as the list's total, stated nowhere
 * before it in the paragraph, and of which the item is not that share (3400 is not 52.30% of 3120) — is a part
 * of a whole the text does not state here: whether it is a part of the figure read is not certain. (A whole
 * stated before, "采购支出总额 A，其中中小企业 B，…，其中小微企业 C，占采购支出总额的 P%", explains the share:
 * C is still read as a part of B.)
 */
export function partOfOtherWhole(s: ParaState, item: AmountMention, total: AmountMention): boolean {
  const { whole, percent } = shareRightAfter(s, item) ?? {};
  if (!percent || !whole || whole === figureName(prefixOf(s, total.start))) return false;
  // "财政部2019年度政府采购支出总额 A": the name written before the whole's figure may carry more than the one after 占
  if (levels(s).some((a) => a.end <= item.start && figureName(prefixOf(s, a.start)).includes(whole))) return false;
  return !checkPercent(mentionApprox(item), mentionApprox(total), percent).consistent;
}

/**
 * "共需融资财源 T；其中，经常门 a，占岁出 p%，资本门 b，占岁出 q%": items that each give their share of one named whole,
 * the shares making 100% (within their roundings), are all of that whole — a list of it, not of the figure before the
 * cue when no item is its share of that figure.
 */
export function sharesMakeOtherWhole(s: ParaState, items: AmountMention[], total: AmountMention): boolean {
  if (items.length < 2) return false;
  const shares = items.map((a) => shareRightAfter(s, a));
  const wholes = new Set(shares.map((x) => x?.named));
  const [whole] = wholes;
  if (wholes.size !== 1 || !whole || whole === figureName(prefixOf(s, total.start))) return false;
  const percents = shares.map((x) => x?.percent);
  if (!sharesMakeWhole(percents)) return false;
  // and none of them is that share of the figure before the cue (which would be that whole under another name)
  return items.every(
    (a, k) => !checkPercent(mentionApprox(a), mentionApprox(total), percents[k] as PercentMention).consistent,
  );
}

/**
 * "主要原因是", "原因为", "原因：", "主要是由于", and "主要是" right after a change ("增长 5.42%，主要是…"):
 * the words that open the explanation of a change.
 */
const REASON =
  /原因(?:主要)?(?:是|为|在于|有)|原因[：:]|主要是(?:因为|由于)|(?:增加|减少|增长|下降|上升|降低)了?[0-9.,]+(?:%|万元|亿元|元)，主要是/u;

/**
 * "收入合计 A 万元，较上年增加 C 万元，主要原因是……增加维修项目 x 万元。其中：财政拨款收入 a 万元": a figure
 * in a stated reason whose sentence ends before the cue explains the change — the list after the full stop
 * breaks down the level stated before the reason, never the reason's figure (inside the reason's own
 * sentence, "主要原因是某项目增加 x 万元，其中：…" may list x's parts, and is left alone).
 */
export function inClosedReason(s: ParaState, a: AmountMention, cue: number): boolean {
  const sentence = sentenceAt(s.p, a.start);
  return sentence.end <= cue && REASON.test(s.p.n.text.slice(sentence.start, a.start));
}

/**
 * "其中：基本支出 a 万元，比上年增加 x 万元，主要原因是增加绩效 y 万元；项目支出 b 万元": a figure in the stated reason
 * for an item's change, the reason opened after the list's cue in the item's own ；-segment, explains that change —
 * it is no part of the list (the reason runs to the ；that opens the next item).
 */
export function inItemReason(s: ParaState, a: AmountMention, cue: number): boolean {
  const text = s.p.n.text;
  const segment = Math.max(cue, text.lastIndexOf('；', a.start - 1) + 1);
  return REASON.test(text.slice(segment, a.start));
}

/** An item's figure, then what it is used for: "医疗卫生 a 万元，主要用于贴息 x 万元、补贴 y 万元等". */
const PURPOSE_AFTER_FIGURE = /(?:万元|亿元|元)[，,]\s*(?:主要|重点|具体)?(?:用于|包括)/u;

/**
 * "其中：教育 a 万元，主要用于…；医疗卫生 b 万元，主要用于贴息 x 万元、补贴 y 万元等项目支出；环境保护 c 万元": the
 * figures an item's own purpose names, in its ；-segment after the item's figure, are details of that item — no
 * parts of the list (where the purpose ends, when no ；closes it, is not written: read as a reason's figures are).
 */
export function inItemPurpose(s: ParaState, a: AmountMention, cue: number): boolean {
  const text = s.p.n.text;
  const segment = Math.max(cue, text.lastIndexOf('；', a.start - 1) + 1);
  return PURPOSE_AFTER_FIGURE.test(text.slice(segment, a.start));
}

/** "…增长 3.5%，主要原因是新设立某中心，该中心预算 15 万元": whether a stated reason opens in text[from, to). */
export function reasonOpensBetween(text: string, from: number, to: number): boolean {
  return REASON.test(text.slice(from, to));
}

/** "累计达到 683 万元": a running total since the start, not this year's level. */
const CUMULATIVE = /^累计(?:达到?|已达|为|是|至)?$/u;

/**
 * "其中“顺其自然”81 万元，累计达到 683 万元；一女士…12 万元": a running total written right after an item's
 * figure is that item's total over the years — not one more part of this year's total.
 */
export function cumulativeOfItem(s: ParaState, a: AmountMention): boolean {
  const prefix = prefixOf(s, a.start);
  if (!CUMULATIVE.test(prefix)) return false;
  const previous = s.p.amounts[countEndingBy(s.p.amounts, a.start - prefix.length) - 1];
  return previous !== undefined && /^，\s*$/u.test(s.p.n.text.slice(previous.end, a.start - prefix.length));
}

/**
 * The subject an amount is stated for: its amount claim's, else a subject named in the words right before
 * it — unless that name closes an enumeration ("因公出国（境）经费、公务用车购置及运行费、公务接待费决算支出
 * 94.7 亿元" states the three together, not the last one).
 */
function subjectOf(s: ParaState, claimOf: ReadonlyMap<AmountMention, Claim>, a: AmountMention): string | undefined {
  const c = claimOf.get(a);
  if (c?.kind === 'amount' && c.subject) return c.subject.id;
  const from = a.start - prefixOf(s, a.start).length;
  const named = lastWithin(s.p.subjects, from, a.start);
  // the character before the name, not a search of the text up to it
  if (!named || '、及和与'.includes(s.p.n.text[named.start - 1] ?? '\u0000')) return undefined;
  return named.subject.id;
}

/**
 * "A 局“三公”经费决算数为 x 万元，…，其中公车购置费为 0 元；B 局“三公”经费决算数为 y 万元…": an item
 * stated as the total's own kind (another unit's or another year's 三公经费) is a parallel figure, not a
 * part — the list ended before it.
 */
export function cutAtSameKind<T extends { amount: AmountMention }>(
  s: ParaState,
  items: T[],
  total: AmountMention,
  /** Each amount's first amount claim. */
  claimOf: ReadonlyMap<AmountMention, Claim>,
): T[] {
  // only a kind made of known parts (“三公”经费, 基本支出, 政府采购): a 项目支出 list names projects, each a 项目支出 too
  const kind = subjectOf(s, claimOf, total);
  if (!kind || !s.catalog.partitions.some((x) => x.total === kind)) return items;
  const at = items.findIndex((i) => subjectOf(s, claimOf, i.amount) === kind);
  return at < 0 ? items : items.slice(0, at);
}

/**
 * "三公经费 9.5 亿元。其中，因公出国（境）费 0.4 亿元；公务接待费 2.3 亿元。" and 公务用车 in the next
 * paragraph: every item is one of the total's known parts, and a part the list leaves out is stated
 * elsewhere in the text — the list is not the whole breakdown (the parts are added up together where all
 * are stated, claims.yaml partitions): it must only not exceed the total. A part left out and stated
 * nowhere keeps the list whole (the parts named are taken to be all there are).
 */
export function relaxPartlyNamed(claims: Claim[], partitions: Partition[]): void {
  const subjectOf = new Map<AmountMention, string>();
  const stated = new Set<string>();
  for (const c of claims)
    if (c.kind === 'amount') {
      subjectOf.set(c.amount, c.subject.id);
      if (c.role === 'actual') stated.add(c.subject.id);
    }
  for (const c of claims) {
    if (c.kind !== 'list' || c.partial || c.listId !== 'breakdown') continue;
    const named = new Set(c.items.map((i) => subjectOf.get(i.amount)));
    const subParts = (part: string) => partsOf(partitions, part);
    // the total's kind as stated, else the one whose known parts the items all are ("…汇总数为 1134 万元…其中：
    // 因公出国（境）费…；公务接待费…" names no kind before its figure, its items are 三公 parts)
    const partition =
      partitions.find((x) => x.total === c.totalSubject?.id) ??
      (c.totalSubject
        ? undefined
        : partitions.find((x) => [...named].every((id) => id !== undefined && x.parts.includes(id))));
    if (!partition) continue;
    const within = (id: string | undefined) =>
      id !== undefined && (partition.parts.includes(id) || partition.parts.some((q) => subParts(q).includes(id)));
    if (![...named].every(within)) continue;
    const missing = partition.parts.filter((q) => !named.has(q) && !subParts(q).some((r) => named.has(r)));
    if (missing.length > 0 && missing.every((q) => stated.has(q))) c.partial = true;
  }
}

/**
 * "1、群众性运动会 654.17 万元，其中补助地方 30 万元；2、示范性活动 559.52 万元；3、…": the total stands in item 1
 * of an outline written inside its paragraph, and item 2 is its sibling — the list the total opens ends where
 * the next item of that outline begins (that position), whatever the punctuation between.
 */
export function nextOutlineItem(
  text: string,
  from: number,
  totalAt: number,
  after: number,
  end: number,
): number | undefined {
  const own = outlineItems(text, from, totalAt).pop();
  if (!own) return undefined;
  return outlineItems(text, after, end).find((i) => i.style === own.style && i.n === own.n + 1)?.at;
}

/** "财政赤字 60 亿元", "政府债务余额 880 亿元", "限额": the gap between income and spending, or a stock at a date. */
const GAP_OR_STOCK = /赤字|余额|限额/u;

/** 年初结转和结余: last year's money carried in — part of 收入总计, never of this year's 收入合计. */
const CARRIED_IN = /(?:年初|上年)(?:(?:基本|项目)支出)?(?:结转|结余)/u;
const THIS_YEARS_INCOME = /收入合计|本年收入/u;
/** 年末结转和结余: money carried on to next year — part of 支出总计, never of any spending (支出合计, 总支出). */
const CARRIED_ON = /年末结转|年末结余/u;

/**
 * Figures that are never a part of the list's total, so the list ended before them: a deficit or a balance
 * after an income or spending total ("总支出 A 亿元，…，其中对下转移支付 a 亿元…；财政赤字 d 亿元…；年末债务余额
 * e 亿元"; a balance's own breakdown, "债务余额 A 亿元，其中一般债务余额 a…", is left whole), and the carryover
 * after this year's income ("收入合计 A 万元，…。其中：财政拨款收入 A 万元，占 100%；年初结转和结余 c 万元":
 * 收入合计 is this year's income alone, the carryover stands beside it in 收入总计), and what is carried on after
 * spending ("总支出 A 万元，其中：基本支出 a，项目支出 b；年末结转和结余 c 万元": it stands beside spending in 支出总计),
 * and the total's complement (非税收入 after a 税收收入 total).
 */
export function cutAtNonParts<T extends { amount: AmountMention }>(s: ParaState, items: T[], totalName: string): T[] {
  const gapOrStock = !GAP_OR_STOCK.test(totalName);
  // "税收收入 A 亿元，其中地方级税收收入 a 亿元；非税收入 b 亿元": what 非 names beside a total of the words after it is
  // the total's complement, never its part
  const complement = (prefix: string) => {
    const named = /非([\u4e00-\u9fff]{2})/u.exec(prefix)?.[1];
    return named !== undefined && !totalName.includes('非') && totalName.includes(named);
  };
  const grandTotal = /总计/u.test(totalName);
  const carriedIn = THIS_YEARS_INCOME.test(totalName) && !grandTotal;
  const carriedOn = /支出/u.test(totalName) && !grandTotal;
  const at = items.findIndex((i) => {
    const prefix = prefixOf(s, i.amount.start);
    return (
      (gapOrStock && GAP_OR_STOCK.test(prefix)) ||
      (carriedIn && CARRIED_IN.test(prefix)) ||
      (carriedOn && CARRIED_ON.test(prefix)) ||
      complement(prefix)
    );
  });
  return at < 0 ? items : items.slice(0, at);
}
