import type { AmountMention, Claim } from '../claims.js';
import { place, sentenceAt } from './para.js';
import { flowOf } from './lists.js';
import { countOf } from './list-complete.js';
import { outsideList } from './list-scope.js';
import { figureNamed, shareRightAfter } from './share.js';
import { within } from './spans.js';
import { closedOffBefore, markStart, prefixOf, type ParaState } from './state.js';
import { allMatches } from '../../util/matches.js';

/**
 * What the sum after 加上 is called at the end of its sentence: "…总收入 T", "收入总计 T", "支出总量为 T"; a clause of the
 * sum alone, "，合共 T", "，合计 T"; "整体规模达 T", "总规模为 T".
 */
const TOTAL =
  /(?:(?:总收入|总支出|(?:收入|支出)(?:总计|总量|合计))(?:为|达到?|是)?|(?:^|(?<=[，；]))(?:合共|合计|共计|总计)(?:为|达到?)?|(?:整体|总)规模(?:将|可)?(?:为|达到?))$/u;
/**
 * A clause that takes away instead of adding: the sum is not a plain sum. A clause may open with a bare
 * 减 ("，减调出资金等 8 亿元，减债务还本支出 13.7 亿元"); 减少, 减收, 减免 are changes, not a subtraction.
 */
const SUBTRACTS = /减去|扣除|剔除|抵减|(?:^|[，；、])减(?![少收免幅])/u;
/**
 * "…下降 6.4%，剔除减税降费因素，同口径下降 0.9%": a rate restated without some factor takes no figure away — its
 * clauses are no subtraction in the chain.
 */
const RATE_BASIS =
  /(?:剔除|扣除)[^，；。0-9]{1,24}?(?:因素|影响)后?，?(?:按)?(?:同口径|可比口径|可比|同比)?(?:计算)?，?(?:增长|下降|增加|减少|上升|降低)[0-9.]+%/gu;

/**
 * Where the sum adds: 加上, or a bare 加 opening its clause ("…下降 7.2%。加市级补助收入 b、…，收入总量为 T"; "支出 A，加区对镇
 * 转移性支出 b、…，支出总量为 T") — not a verb that begins with 加 (加强, 加大, 加快…); or 加计 opening its clause ("预算 A，若
 * 加计特别预算 b，合共 T，再加计基金 c，整体规模达 U") — not 加计扣除 (a tax deduction).
 */
const PLUS =
  /加上|(?<=^|[，；。：\s]|若|再)加计(?!扣除|征收)|(?<=^|[，；。：\s])加(?![上强大快之以速紧班工入油盟息剧重密装固计权总减])/gu;

/** Whether text[from, to) takes a figure away (a rate restated without some factor does not). */
function subtracts(text: string, from: number, to: number): boolean {
  return SUBTRACTS.test(text.slice(from, to).replace(RATE_BASIS, ''));
}

/**
 * "全市一般公共预算收入 A 万元，…，加上上级补助收入 b 万元、调入资金 c 万元…，全市一般公共预算总收入
 * T 万元": the level before 加上 and every figure added after it make the total that ends the sentence
 * (n.list-sum). A figure in brackets ("（含权责发生制列支…）") is a detail, not an addend. Every
 * clause after 加上 must carry a figure — one that only names what is added ("加上上级补助收入、上年
 * 结余等") leaves the sum unknown; one ending in 等 may leave some out, so the sum must only not exceed T.
 */
/** "剔除…因素后，为 A′ 亿元": a level restated on another basis (the clause before it says so). */
function restatedBy(s: ParaState): (a: AmountMention) => boolean {
  const cue = new RegExp(`(?:${s.catalog.cues.adjusted.source})[^，；。]*后，?(?:为|是)?$`, 'u');
  return (a) => {
    const clause = markStart(s.p, '，；。', a.start);
    return cue.test(s.p.n.text.slice(markStart(s.p, '，；。', Math.max(0, clause - 1)), a.start));
  };
}

/**
 * "一般公共预算收入完成 A 万元，…，税收收入完成 a 万元，占一般公共预算收入比重为 P%": a figure given as a share
 * of a figure named before it in its sentence is that figure's part — the level it is a part of is that one.
 */
function wholeOfShare(s: ParaState, a: AmountMention): AmountMention | undefined {
  const name = shareRightAfter(s, a)?.whole;
  const whole = name ? figureNamed(s, name, a.start) : undefined;
  return whole && whole !== a && sentenceAt(s.p, whole.start).start === sentenceAt(s.p, a.start).start
    ? whole
    : undefined;
}

/** Where a sentence starts listing the parts of its level: "其中", "，含 a 万元", "，包括…". */
const PARTS_CUE = /其中|[，、]含|[，、]包括/u;

/** The sentences before the one starting at `sentenceStart`, nearest first, each with where its list of parts opens. */
function* sentencesBefore(s: ParaState, sentenceStart: number) {
  const { p } = s;
  for (let k = p.sentences.findIndex((x) => x.start === sentenceStart) - 1; k >= 0; k -= 1) {
    const earlier = p.sentences[k] as { start: number; end: number };
    const listAt = PARTS_CUE.exec(p.n.text.slice(earlier.start, earlier.end));
    yield { k, earlier, listAt: listAt ? earlier.start + listAt.index : undefined };
  }
}

/** The last usable level in [from, to), as the level it is a share of when it is one. */
function lastLevel(
  s: ParaState,
  from: number,
  to: number,
  usable: (a: AmountMention) => boolean,
): AmountMention | undefined {
  const found = within(s.p.amounts, from, to).filter(usable).pop();
  return found && (wholeOfShare(s, found) ?? found);
}

/**
 * "…支出完成 A 亿元，增长 P%。加上上解支出 b 亿元…后，支出总计 T 亿元": a sentence that opens with 加上 adds to
 * the level the sentence before it ends on — or, when that one lists parts ("收入完成 A 亿元。其中：税收 a1
 * 亿元；非税 a2 亿元。加上…", "收入完成 A 万元，…，含税收收入 a1 万元，非税收入 a2 万元。加上…"), to the figure
 * its 其中 or 含 breaks down: the last level stated before the list in the sentences before, back to the
 * paragraph's start (a part stated as a share of a figure before it is that figure's: its whole is the level).
 */
function earlierBase(
  s: ParaState,
  sentenceStart: number,
  usable: (a: AmountMention) => boolean,
): AmountMention | undefined {
  for (const { earlier, listAt } of sentencesBefore(s, sentenceStart)) {
    const found = lastLevel(s, earlier.start, listAt ?? earlier.end, usable);
    if (found) return found;
  }
  return undefined;
}

/**
 * "收入完成 A 亿元。其中，税收收入 a1 亿元，…。非税收入 a2 亿元，…。加上…": a 其中 list may run on past a full stop, so the
 * sentence before may be one more of its parts — the level before the nearest 其中 (or 含, 包括) of the sentences before
 * (in its sentence or the one before it) is the other figure the chain may add to.
 */
function wholeBeforeList(
  s: ParaState,
  sentenceStart: number,
  usable: (a: AmountMention) => boolean,
): AmountMention | undefined {
  for (const { k, listAt } of sentencesBefore(s, sentenceStart))
    if (listAt !== undefined) return lastLevel(s, s.p.sentences[Math.max(0, k - 1)]?.start ?? 0, listAt, usable);
  return undefined;
}

/** The last usable level of the sentence before the one starting at `sentenceStart`, parts of a list included. */
function lastLevelBefore(
  s: ParaState,
  sentenceStart: number,
  usable: (a: AmountMention) => boolean,
): AmountMention | undefined {
  const k = s.p.sentences.findIndex((x) => x.start === sentenceStart) - 1;
  const earlier = s.p.sentences[k];
  return earlier ? within(s.p.amounts, earlier.start, earlier.end).filter(usable).pop() : undefined;
}

export function plusSumClaims(s: ParaState): Claim[] {
  const { p } = s;
  const text = p.n.text;
  const out: Claim[] = [];
  if (!text.includes('加')) return out;
  const restated = restatedBy(s);
  for (const plus of allMatches(text, PLUS)) {
    const sentence = sentenceAt(p, plus.index);
    // a bare 加 after another in its sentence adds one more item to that sum ("…，加上年结余 d，加调入资金 e，再加…")
    if (plus[0] === '加' && new RegExp(PLUS.source, 'u').test(text.slice(sentence.start, plus.index))) continue;
    const inSentence = within(p.amounts, sentence.start, sentence.end);
    // the first total after 加上: "…，加上级补助 b，债务转贷 c，全县一般预算总收入 S，加上年结余 d…，收入总计 T"
    // writes a subtotal S on the way; A + b + c make S, and S with what follows makes T (its own 加上)
    // (a clause that itself adds, "加上级补助收入总计 b", is an addend, not the total)
    const total = inSentence.find(
      (a) =>
        a.start > plus.index &&
        TOTAL.test(prefixOf(s, a.start)) &&
        !text.slice(markStart(p, '，；、', a.start), a.start).includes('加'),
    );
    if (!total) continue;
    const open = (a: AmountMention) => !closedOffBefore(p, a.end, total.start);
    // the level added to: the last figure before 加上 that is no detail in brackets and no change
    // ("总收入 A 万元…，其中地方收入 a 万元…；加上级补助收入…": a, not A), nor the level restated on
    // another basis ("支出 A 亿元，剔除一次性因素后，为 A′ 亿元；加上…": A, not A′), nor a budget ("完成 A 万元，为
    // 调整预算数 B 万元的 R%"), nor another year's, a bound or a range ("收入 A 万元，较上年 B 万元增长 P%，加上…": A)
    const usable = (a: AmountMention) =>
      open(a) &&
      !s.changes.has(a) &&
      !restated(a) &&
      !s.catalog.cues.budget.test(prefixOf(s, a.start)) &&
      !outsideList(s, a);
    const opens = /^[—\-－]*(?:再|若)?$/u.test(text.slice(sentence.start, plus.index));
    const before = opens ? undefined : inSentence.filter((a) => a.end <= plus.index && usable(a)).pop();
    const totalFlow = flowOf(prefixOf(s, total.start));
    // the level before 加上 is of another kind than the total ("…，收入总量 A；加上…支出 b，支出总量 T"), or there is
    // none in the sentence ("另外，自某年起实施调剂制度，加上…收入 b，收入总量 T"): the level added to is the last one of
    // the total's kind stated in the sentences before ("本年支出决算数 A。…；加上…支出 b，支出总量 T": A + b = T)
    const beforeFlow = before && flowOf(text.slice(markStart(p, '，；。', before.start), before.start));
    // (words before 加上 that name what is added to, "县级一般公共预算收入加上…", name a figure: not looked back for)
    const unnamed = !/收入|支出/u.test(text.slice(markStart(p, '，；', plus.index), plus.index));
    // (a figure before 加上 that is no usable level — "区本级财力 A，加上年结转收入 b…": its kind unread — is added to as
    // written or not at all, never passed over for an earlier sentence's level of another scope)
    const figureBefore = inSentence.some((a) => a.end <= plus.index);
    const looksBack =
      !opens &&
      totalFlow !== undefined &&
      (before ? beforeFlow !== undefined && beforeFlow !== totalFlow : unnamed && !figureBefore);
    // a level's kind: its clause's ("…；本年支出决算数 A"), else its sentence's ("本年支出预算数 B，决算数 A")
    const ofFlow = (a: AmountMention) =>
      usable(a) &&
      (flowOf(text.slice(markStart(p, '，；', a.start), a.start)) ??
        flowOf(text.slice(sentenceAt(p, a.start).start, a.start))) === totalFlow;
    const base = opens
      ? earlierBase(s, sentence.start, usable)
      : looksBack
        ? earlierBase(s, sentence.start, ofFlow)
        : before && (wholeOfShare(s, before) ?? before);
    const added = inSentence.filter((a) => a.start > plus.index && a.end <= total.start && open(a));
    // a subtraction anywhere between the level and the total ("收入 A，减去上解 b，加上补助 c，…") as well
    const from = opens ? plus.index : sentence.start;
    if (!base || added.length === 0 || subtracts(text, from, total.start)) continue;
    // "加上上解上级支出 -1.83 亿元": a figure written negative takes away (its sign is not part of the amount read)
    if (added.some((a) => /[-−－]$/u.test(text.slice(0, a.start)))) continue;
    // a level of another sentence is added to only when it is of the total's kind (收入 to 收入总计)
    if (opens && flowOf(text.slice(sentenceAt(p, base.start).start, base.start)) !== totalFlow) continue;
    // the clauses between 加上 and the total's own (a comma inside a figure, "1,000", is none)
    const marks = [...allMatches(text.slice(plus.index, total.start), /[，；]/gu)]
      .map((m) => plus.index + m.index)
      .filter((i) => !inSentence.some((a) => a.start <= i && i < a.end));
    const bounds = [plus.index, ...marks];
    const clauses = marks.map((end, i) => ({ start: bounds[i] as number, end }));
    if (clauses.length === 0 || !clauses.every((c) => added.some((a) => a.start >= c.start && a.end <= c.end)))
      continue;
    const last = clauses[clauses.length - 1] as { start: number; end: number };
    const itemsWith = (first: AmountMention) => [first, ...added].map((amount) => ({ amount, para: p.para }));
    // "总收入 A 万元，…，其中地方收入 a 万元，…。加上…": the sentence before ends on a part its 其中 names, and the
    // chain may add to that part as well as to the whole (as it does written in one sentence, "…a 万元；加上…")
    const part = opens ? lastLevelBefore(s, sentence.start, usable) : undefined;
    const listWhole = opens ? wholeBeforeList(s, sentence.start, usable) : undefined;
    const others = [part, listWhole].filter(
      (x, i, all): x is AmountMention => x !== undefined && x !== base && all.indexOf(x) === i,
    );
    out.push({
      kind: 'list',
      listId: 'plus',
      total,
      totalPlace: p.para,
      items: itemsWith(base),
      ...(others.length > 0
        ? {
            readings: [base, ...others].map((first) => ({ items: itemsWith(first), nested: [] })),
          }
        : {}),
      compare: /等$/u.test(text.slice(last.start, last.end)) ? 'at-most' : 'equal',
      ...place(p, sentence, { start: plus.index, end: total.end }),
    });
  }
  return out;
}

/**
 * "…，合计 T 万元", "…，总数 T 万元", "上述三项共计 T 万元" closing a run of figures: the words that sum what came
 * before, with the number of items when they say it.
 */
const SUMS_UP =
  /^(?:以上|上述|前述)?(?:(?<n>[0-9]{1,2}|[两二三四五六七八九十]{1,2})项|各项)?(?:合计|共计|总计|总数)(?:为|是)?：?$/u;

/** Where the items of a run start after the words that open it: "…：", "…中，", "…分别为", "…分别是". */
const ITEMS_OPEN = /：|中，|分别(?:为|是)：?/gu;

/**
 * "一般公共服务支出 a 万元、农林水支出 b 万元、城乡社区支出 c 万元，合计 T 万元" and "三项支出分别为 a、b、c 万元，
 * 总数 T 万元": the figures listed right before 合计 / 共计 / 总数 in its sentence add up to T (n.list-sum). Only a
 * run where every clause (between 、，；) holds one level, no change, none in brackets, back to the sentence's
 * start, a "：", a "中，" or a 分别为; two figures at least (one "3.5 万元/人，共计 7 万元" is a rate times a count).
 * A 其中 list in the sentence is compared with its own total already. "…a 万元，…b 万元，…c 万元。上述三项共计 T
 * 万元": a sentence that opens with the sum of the items it counts sums the run of the sentence before, when that
 * run holds as many figures as it says (a 其中 opening that sentence, with no level before it, lists no total of
 * its own there).
 */
export function trailingTotalClaims(s: ParaState): Claim[] {
  const { p } = s;
  const text = p.n.text;
  const out: Claim[] = [];
  for (const total of p.amounts) {
    const words = SUMS_UP.exec(prefixOf(s, total.start));
    if (!words || s.changes.has(total)) continue;
    const count = words.groups?.n === undefined ? undefined : countOf(words.groups.n);
    const sentence = sentenceAt(p, total.start);
    const cue = total.start - words[0].length;
    const opensSentence = cue === sentence.start;
    if (!opensSentence && text[cue - 1] !== '，') continue;
    // a sum opening its sentence names what it sums: "上述三项", "以上各项"
    if (opensSentence && !/项/u.test(words[0])) continue;
    const run = opensSentence
      ? p.sentences[p.sentences.indexOf(sentence) - 1]
      : { start: sentence.start, end: cue - 1 };
    if (!run) continue;
    const runEnd = opensSentence ? run.end - 1 : run.end;
    const head = text.slice(run.start, runEnd);
    if (/加上/u.test(head)) continue;
    const listAt = head.indexOf('其中');
    if (listAt >= 0 && (!opensSentence || within(p.amounts, run.start, run.start + listAt).length > 0)) continue;
    const opened = [...allMatches(head, ITEMS_OPEN)].pop();
    const from = run.start + (opened ? opened.index + opened[0].length : 0);
    const items = within(p.amounts, from, runEnd);
    if (items.length < 2 || items.some((a) => s.changes.has(a) || closedOffBefore(p, a.end, runEnd))) continue;
    if (count !== undefined && items.length !== count) continue;
    // one figure per clause, and every clause with its figure
    const clauses = text.slice(from, runEnd).split(/[、，；]/u);
    if (clauses.length !== items.length || clauses.some((c) => !/[0-9]/u.test(c))) continue;
    out.push({
      kind: 'list',
      listId: 'summed',
      // the words that sum, as written ("合计", "总数", "上述三项共计"), for the finding
      totalName: words[0].replace(/(?:为|是)?：?$/u, ''),
      total,
      totalPlace: p.para,
      items: items.map((amount) => ({ amount, para: p.para })),
      compare: 'equal',
      ...place(p, { start: run.start, end: sentence.end }, { start: from, end: total.end }),
    });
  }
  return out;
}
