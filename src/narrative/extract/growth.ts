import type { AmountMention, Claim, PercentMention } from '../claims.js';
import { type ParaText, place, quoteOf, sentenceAt } from './para.js';
import { startingAt, within } from './spans.js';
import { closedOffBefore, levels, matchWithin, prefixOf, type ParaState } from './state.js';
import { directionOf, groupStart } from './yoy.js';
import { NIL_WORDS } from '../text/nil-words.js';
import { allMatches } from '../../util/matches.js';

/**
 * The rate right after the base of a comparison: "增长 4.16%", "同口径相比增 12.05%", "增长-9.41%"; or after a comma
 * ("比上年 B 元，增长 P%", "较上年 B 万元，增幅 P%") — where the figure may also be the change with its verb left out
 * ("较上年决算数 C 万元，下降 P%"): `comma` marks that reading. "与2022年 B 万元同比增长 P%" (同比 said again after the
 * base) is the same comparison.
 */
const RATE_AFTER_BASE =
  /^(?:(?<comma>(?:相比|比较)?[，,])(?:同比)?)?(?:同比)?(?:同口径)?(?:相比|比较)?(?<word>增长|增加|下降|减少|上升|降低|增|减|降|升)(?:幅|率|速)?了?(?:为|是|(?:高|已)?达到?)?(?=-?[0-9])/u;

/** The words of a rate whose two years are written before it: "，同口径比上年增长 P%", "，本年比上年增长 P%". */
const RATE_OF_LABELLED =
  /(?:本年)?(?:同口径)?(?:比上年|较上年)?(?<word>增长|增加|下降|减少|上升|降低|增|减|降|升)了?(?:为|是)?$/u;

/** A comparison with an earlier year's budget ("较2022年预算", "比上年预算数"): budgets compared with each other. */
const PRIOR_BUDGET = /(?:上一?年度?|[0-9]{4}年度?)的?(?:年初)?预算/u;

/**
 * A comparison that names its base and gives no figure after it: "比2024年预算执行数增长 P%", "较上年决算数下降 P%".
 * `noun` is what follows the comparison cue before the rate's word ("执行数" after "比2024年预算").
 */
const NAMED_BASE_RATE =
  /^(?<noun>(?:当年)?(?:预算)?(?:执行|决算|实际)?数?)(?:相比|比较)?(?<word>增长|增加|下降|减少|上升|降低|增|减|降|升)了?(?:为|是)?(?=-?[0-9])/u;

/** The same comparison said nil: "比2024年预算执行数持平", "与上年决算数相比，持平" (基本持平 allows a gap: not read). */
const NAMED_BASE_FLAT = new RegExp(
  `^(?<noun>(?:当年)?(?:预算)?(?:执行|决算|实际)?数?)(?:相比|比较)?，?(?<word>${NIL_WORDS})`,
  'u',
);

/** The year a base or a figure is named for: a calendar year ("2024年"), or the year before ("上年"). */
function yearNamed(text: string): string | undefined {
  const years = [...allMatches(text, /([0-9]{4})年/gu)].map((m) => m[1]);
  if (years.length > 0) return years[years.length - 1];
  return /上一?年度?|去年/u.test(text) ? 'previous' : undefined;
}

/** What figure a name means: the outturn (执行数, 决算数, 实际数) or a budget (预算数, 预算安排); undefined when it says neither. */
function measureNamed(text: string): 'outturn' | 'budget' | undefined {
  if (/执行|决算|实际/u.test(text)) return 'outturn';
  return /预算|安排/u.test(text) ? 'budget' : undefined;
}

/**
 * "2024年当年预算执行数为 B 万元，2025年预算安排 A 万元，比2024年预算执行数增加 P%": the comparison names its base
 * and writes no figure after it; the base is the one figure of the clause group before it labelled with the
 * same year and the same measure (执行数 / 决算数 against 预算数). This year's figure is the last one after it,
 * labelled with a later year (or not with the base's "上年"). When no figure, or more than one, carries the
 * base's name, or the base names no measure ("比2024年增长 P%"), nothing is read.
 */
function namedBaseClaims(
  s: ParaState,
  add: (current: AmountMention, prior: AmountMention, rate: PercentMention, word: string) => void,
  flat: (current: AmountMention, prior: AmountMention, word: string, at: number) => void,
): void {
  const { p, catalog } = s;
  const text = p.n.text;
  for (const cue of allMatches(text, catalog.cues.compare)) {
    const cueEnd = cue.index + cue[0].length;
    const m = NAMED_BASE_RATE.exec(text.slice(cueEnd));
    const rate = m ? startingAt(p.percents, cueEnd + m[0].length) : undefined;
    // "…，与2024年预算执行数持平": the same comparison said nil
    const nil = m ? undefined : NAMED_BASE_FLAT.exec(text.slice(cueEnd));
    if (!nil && (!m?.groups?.word || !rate)) continue;
    const base = cue[0] + ((m ?? nil)?.groups?.noun ?? '');
    const year = yearNamed(base);
    const measure = measureNamed(base);
    if (!year || !measure) continue;
    const figures = within(levels(s), groupStart(p, cue.index), cue.index);
    const labelOf = (a: AmountMention) => prefixOf(s, a.start);
    const named = figures.filter((a) => yearNamed(labelOf(a)) === year && measureNamed(labelOf(a)) === measure);
    const prior = named[0];
    if (!prior || named.length > 1) continue;
    const current = figures[figures.length - 1];
    if (!current || current.start <= prior.start) continue;
    const currentYear = yearNamed(labelOf(current));
    const later =
      year === 'previous'
        ? currentYear !== 'previous'
        : currentYear !== undefined && currentYear !== 'previous' && currentYear > year;
    if (!later) continue;
    if (m?.groups?.word && rate) add(current, prior, rate, m.groups.word);
    else if (nil?.groups?.word) flat(current, prior, nil.groups.word, cueEnd + nil.index);
  }
}

/**
 * A clause that is the year before's figure and nothing else, right after this year's: "，上年为 B", "，上年决算数
 * B", "，2022 年为 B" (`year` then names the year, which must be the one before this year's).
 */
const PRIOR_CLAUSE =
  /^[，,](?:上一?年度?|(?<year>[0-9]{4})年度?)(?:同期)?(?<flow>支出|收入)?(?:决算数?|同期)?(?:为|是)?：?$/u;

/** The nil change said right after that clause: "，与上年持平", "，持平", "，与 2022 年度相比没有变化" (bare: not 基本持平). */
const FLAT_AFTER_PRIOR = new RegExp(
  `^[，,](?:与|较|比|同)?(?:上一?年度?|去年|(?<year>[0-9]{4})年度?)?(?:相比|比较)?，?(?<word>${NIL_WORDS})(?=[，。；]|的?主要原因|$)`,
  'u',
);

/**
 * Whether `prior` stands in a clause of its own naming the year before, right after `current` (PRIOR_CLAUSE): the
 * year it names ('previous' for 上年), which must be the one before the year of this year's figure; a flow it names
 * (支出, 收入) must be named in this year's clause too.
 */
function priorClause(text: string, from: number, current: AmountMention, prior: AmountMention): string | undefined {
  const label = PRIOR_CLAUSE.exec(text.slice(current.end, prior.start));
  if (!label) return undefined;
  const flow = label.groups?.flow;
  const own = text.slice(from, current.start);
  const clause = own.split(/[，,；]/u).pop() ?? '';
  if (flow && !clause.includes(flow)) return undefined;
  const year = label.groups?.year;
  if (year === undefined) return 'previous';
  const currentYear = yearNamed(own);
  return currentYear !== undefined && Number(currentYear) === Number(year) + 1 ? year : undefined;
}

/**
 * The rate right after that clause: "，增长 P%", "，同比下降 P%", "，与上年相比增长 P%", "，增幅为 P%", "，降幅 P%" — the verb
 * also in one character, as many units write it: "，与上年相比增 P%", "，同比减 P%", "，较上年降 P%"; 相比 may be left out
 * ("，与上年下降 P%").
 */
const RATE_AFTER_PRIOR =
  /^[，,](?:同比|(?:比|较)(?:上一?年度?|去年)(?:同期)?|(?:与|同)(?:上一?年度?|去年)(?:同期)?(?:相比|比较)?，?)?(?<word>增长|增加|下降|减少|上升|降低|增幅|增速|涨幅|降幅|减幅|增|减|降|升)(?:率|幅度)?了?(?:为|是|达到?)?$/u;

/**
 * After the base of a comparison, a nil change said in words: "与 2023 年 B 万元持平", "比上年度 B 万元，没有变化", "同上年 B
 * 万元相比，保持不变" — or after a change stated against that base ("比去年 B 万元少 C 万元，持平"). Bare: 基本持平 allows
 * a gap (the lookbehind of the qualifiers is in the words before, which this reading never takes).
 */
const FLAT_AFTER_BASE = new RegExp(
  `^(?:相比|比较)?，?(?:(?:增加|减少|增长|下降|上升|降低|多|少)了?(?<change>[0-9][0-9,.]*(?:万元|亿元|元))，)?(?:相比|比较)?，?(?<word>${NIL_WORDS})(?=[，。；]|的?主要原因|$)`,
  'u',
);

/**
 * "…2.51 万元，比去年 2.73 万元持平": this year's figure for a nil change said of a base written in the comparison —
 * the last level before the comparison, in its clause or the one right before it, with nothing between but a name
 * (no other figure, no 其中 / 包括 that makes it a part's or a whole's); a budget only when the base is a budget too.
 */
function flatCurrent(s: ParaState, cue: RegExpExecArray, prior: AmountMention): AmountMention | undefined {
  const { p, catalog } = s;
  const budgets = PRIOR_BUDGET.test(cue[0]);
  const before = within(levels(s), groupStart(p, cue.index), cue.index).filter((a) => a !== prior);
  const current = before[before.length - 1];
  if (!current || (!budgets && catalog.cues.budget.test(prefixOf(s, current.start)))) return undefined;
  const between = p.n.text.slice(current.end, cue.index);
  if ((between.match(/，/gu) ?? []).length > 1 || /其中|包括|[0-9%（）]/u.test(between)) return undefined;
  return closedOffBefore(p, current.end, cue.index) ? undefined : current;
}

/** "同上年 B 万元相比，保持不变": 同 as a comparison's word, read only before a base said nil (not a cue of its own). */
const SAME_AS = /同(?:上年同期|上一?年度?|去年|[0-9]{4}年度?)的?(?:决算数?|预算数?)?/gu;

/** The nil change said right after a base written in a comparison, of the figure before it (FLAT_AFTER_BASE). */
function flatAfterBase(s: ParaState, cue: RegExpExecArray, prior: AmountMention): Claim[] {
  const { p } = s;
  const nil = FLAT_AFTER_BASE.exec(p.n.text.slice(prior.end));
  const word = nil?.groups?.word;
  const current = nil && word ? flatCurrent(s, cue, prior) : undefined;
  if (!nil || !word || !current) return [];
  return [saidFlat(p, word, current, prior, prior.end + nil[0].length - word.length)];
}

/** 持平 (or another nil word) said at `at` of a figure against its base: a direction claim of no change. */
function saidFlat(p: ParaText, word: string, current: AmountMention, prior: AmountMention, at: number): Claim {
  const sentence = sentenceAt(p, at);
  return {
    kind: 'direction',
    word,
    direction: 'flat',
    refers: 'yoy',
    said: true,
    years: { current, prior },
    para: p.para,
    sentence,
    quote: quoteOf(p, sentence, { start: at, end: at + word.length }),
  };
}

/**
 * "由（2023 年的）B 增加到（2024 年的）A，增长 P%": the figure moved from and the one moved to, then the rate of the move
 * (no change written between; a 年均 rate is average-growth's). Years, when both are written, must be in order.
 */
const MOVE = /[由从](?:(?<from>[0-9]{4})年度?的?|(?:上一?年度?|去年)的?|(?<budget>(?:年初|全年)?预算数?的?))?$/u;
const MOVE_TO = /^(?:猛|骤|大幅|小幅|略)?(?:增加|增长|上升|提高|减少|下降|降低|增|降|减)(?:到|至)/u;
/** A budget adjusted from its first figure: "由年初预算的 A 调整为 B", "由预算数 A 调增至 B". */
const ADJUSTED_TO = /^(?:调整|调[增减])(?:为|到|至)/u;
/** The rate said right before such a move: "调增…C，增长 P%，由年初预算的 A 调整为 B". */
const RATE_BEFORE_MOVE = /(?<word>增长|下降|增加|减少|增幅|降幅|减幅)(?:了|为|达)?$/u;
/** "由 2014 年度 A 到 2018 年度 B": the move without its verb (read only with both years written). */
const BARE_TO = /^(?:到|至)/u;
const MOVE_TO_YEAR = /^(?:(?<to>[0-9]{4})年度?的?|(?:本年度?|今年|当年)的?)?$/u;
const RATE_AFTER_MOVE =
  /^[，,](?:同比|比上年|较上年)?(?<word>增长|增加|下降|减少|上升|降低|增幅|增速|涨幅|降幅|减幅|增|减|降|升)(?:率|幅度)?了?(?:为|是|达到?)?$/u;

/** The moves of the paragraph read as growth claims (MOVE … MOVE_TO … RATE_AFTER_MOVE). */
function moveClaims(
  s: ParaState,
  add: (
    current: AmountMention,
    prior: AmountMention,
    rate: PercentMention,
    word: string,
    mayBeChange?: boolean,
    versus?: 'adjusted',
  ) => void,
): void {
  const { p } = s;
  const text = p.n.text;
  const figures = levels(s);
  for (let i = 0; i + 1 < figures.length; i += 1) {
    const prior = figures[i] as AmountMention;
    const current = figures[i + 1] as AmountMention;
    const from = MOVE.exec(text.slice(Math.max(0, prior.start - 12), prior.start));
    if (!from) continue;
    const between = text.slice(prior.end, current.start);
    // a budget's adjustment: "由年初预算的 A 调整为 B" (only from a budget so named), its rate before or after it
    if (from.groups?.budget !== undefined) {
      if (!ADJUSTED_TO.test(between) || !/^(?:调整|调[增减])(?:为|到|至)$/u.test(between)) continue;
      const fromAt = prior.start - from[0].length;
      const before = p.percents.find((x) => x.end < fromAt && /^[，,]$/u.test(text.slice(x.end, fromAt)));
      const said = before ? RATE_BEFORE_MOVE.exec(text.slice(0, before.start))?.groups?.word : undefined;
      const after = p.percents.find(
        (x) => x.start >= current.end && RATE_AFTER_MOVE.test(text.slice(current.end, x.start)),
      );
      const afterWord = after ? RATE_AFTER_MOVE.exec(text.slice(current.end, after.start))?.groups?.word : undefined;
      if (before && said) add(current, prior, before, said, false, 'adjusted');
      else if (after && afterWord) add(current, prior, after, afterWord, false, 'adjusted');
      continue;
    }
    const to = MOVE_TO.exec(between) ?? BARE_TO.exec(between);
    if (!to) continue;
    const toYear = MOVE_TO_YEAR.exec(between.slice(to[0].length));
    if (!toYear) continue;
    const [y0, y1] = [from.groups?.from, toYear.groups?.to];
    if (y0 !== undefined && y1 !== undefined && Number(y1) <= Number(y0)) continue;
    // "从 A 到 B" bare is a range as often as a move: a move only with both years written, in order
    if (!MOVE_TO.test(between) && (y0 === undefined || y1 === undefined)) continue;
    const rate = p.percents.find(
      (x) => x.start >= current.end && RATE_AFTER_MOVE.test(text.slice(current.end, x.start)),
    );
    const word = rate ? RATE_AFTER_MOVE.exec(text.slice(current.end, rate.start))?.groups?.word : undefined;
    if (rate && word) add(current, prior, rate, word);
  }
}

/** What a comparison's words set the figure against when it is not last year's: a figure reported earlier, or a budget (not a year's budget against another year's). */
function versusOf(cue: string): 'budget' | 'reported' | undefined {
  if (/报告数|预计(?:执行)?数|执行数|快报数/u.test(cue)) return 'reported';
  return /预算/u.test(cue) && !PRIOR_BUDGET.test(cue) && !/上一?年|去年|同期/u.test(cue) ? 'budget' : undefined;
}

/** A figure labelled as this year's or last year's by the words right before it: "上年 A 元，本年 B 元". */
const labelled = (s: ParaState, a: AmountMention, label: '上年' | '本年') => prefixOf(s, a.start).endsWith(label);

/**
 * A rate stated with both years' figures and no change: "…为 A 元，比上年的 B 元增加 P%" (the base written in
 * the comparison), "上年 B 元，本年 A 元，同口径比上年增长 P%" (each year labelled). P is (A − B) ÷ B, and its
 * word (or its sign: "增长 -9.41%") the way A moved from B. The current figure is the last level of the clause
 * group before the comparison; nothing else is taken for it.
 */
export function growthClaims(s: ParaState): Claim[] {
  const { p, catalog } = s;
  const text = p.n.text;
  const out: Claim[] = [];
  const add = (
    current: AmountMention,
    prior: AmountMention,
    rate: PercentMention,
    word: string,
    mayBeChange = false,
    versus?: Extract<Claim, { kind: 'growth' }>['versus'],
  ) => {
    const rateWord = directionOf(word, catalog) ?? (/增/.test(word) ? 'up' : /减/.test(word) ? 'down' : undefined);
    // two units ("76420 万元，比上年的 82150 元减少 6.98%") are read too: verifyGrowth tells a unit slipped
    if (!rateWord || s.usedPercents.has(rate)) return;
    s.usedPercents.add(rate);
    const claim: Claim = {
      kind: 'growth',
      current,
      prior,
      rate,
      rateWord,
      ...place(p, sentenceAt(p, rate.start), rate),
    };
    if (mayBeChange) claim.priorMayBeChange = true;
    if (versus) claim.versus = versus;
    out.push(claim);
  };
  for (const cue of allMatches(text, catalog.cues.compare)) {
    const cueEnd = cue.index + cue[0].length;
    const at = text[cueEnd] === '的' ? cueEnd + 1 : cueEnd;
    const prior = startingAt(p.amounts, at);
    if (!prior) continue;
    const m = RATE_AFTER_BASE.exec(text.slice(prior.end));
    const rate = m ? startingAt(p.percents, prior.end + m[0].length) : undefined;
    if (!m) out.push(...flatAfterBase(s, cue, prior));
    if (!m?.groups?.word || !rate) continue;
    // this year's figure: the last level of the clause group before the comparison ("…为 A 元，比上年的…");
    // a budget ("完成全年预算 B 的 R%") only when the base is last year's budget too ("2025年预算 A，较2024年预算 B")
    const budgets = PRIOR_BUDGET.test(cue[0]);
    const before = within(levels(s), groupStart(p, cue.index), cue.index).filter(
      (a) => a !== prior && (budgets || !catalog.cues.budget.test(prefixOf(s, a.start))),
    );
    const current = before[before.length - 1];
    if (current) add(current, prior, rate, m.groups.word, m.groups.comma !== undefined, versusOf(cue[0]));
  }
  for (const cue of allMatches(text, SAME_AS)) {
    const cueEnd = cue.index + cue[0].length;
    const prior = startingAt(p.amounts, cueEnd);
    if (prior) out.push(...flatAfterBase(s, cue, prior));
  }
  namedBaseClaims(s, add, (current, prior, word, at) => out.push(saidFlat(p, word, current, prior, at)));
  moveClaims(s, add);
  for (const rate of p.percents) {
    const m = RATE_OF_LABELLED.exec(text.slice(sentenceAt(p, rate.start).start, rate.start));
    if (!m?.groups?.word) continue;
    const figures = within(levels(s), sentenceAt(p, rate.start).start, rate.start);
    const current = figures[figures.length - 1];
    const prior = figures[figures.length - 2];
    // "上年 B 元，本年 A 元；剔除某因素后同口径比上年增长 P%": the rate is of an adjusted base, not of the B written
    if (current && matchWithin(p, catalog.cues.adjusted, current.end, rate.start)) continue;
    if (current && prior && labelled(s, current, '本年') && labelled(s, prior, '上年'))
      add(current, prior, rate, m.groups.word);
  }
  // "2024 年度支出 A 万元，2023 年度支出 B 万元，与上年持平": the same two clauses, then a nil change said in words
  const all = levels(s);
  for (let i = 0; i + 1 < all.length; i += 1) {
    const current = all[i] as AmountMention;
    const prior = all[i + 1] as AmountMention;
    if (sentenceAt(p, current.start) !== sentenceAt(p, prior.start)) continue;
    const label = priorClause(text, sentenceAt(p, current.start).start, current, prior);
    const nil = label ? FLAT_AFTER_PRIOR.exec(text.slice(prior.end)) : null;
    const word = nil?.groups?.word;
    if (!nil || !word || catalog.cues.budget.test(prefixOf(s, current.start))) continue;
    const year = nil.groups?.year;
    if (year !== undefined && label !== 'previous' && year !== label) continue;
    out.push(saidFlat(p, word, current, prior, prior.end + nil[0].length - word.length));
  }
  // "2024 年度收入总计 A 万元，上年为 B 万元，增长 P%": this year's figure, the year before's in a clause of its own
  // right after it, then the rate — no change written
  for (const rate of p.percents) {
    const sentence = sentenceAt(p, rate.start);
    const figures = within(levels(s), sentence.start, rate.start);
    const prior = figures[figures.length - 1];
    const current = figures[figures.length - 2];
    if (!prior || !current || s.usedPercents.has(rate)) continue;
    const label = priorClause(text, sentence.start, current, prior);
    const word = RATE_AFTER_PRIOR.exec(text.slice(prior.end, rate.start))?.groups?.word;
    if (!label || !word || catalog.cues.budget.test(prefixOf(s, current.start))) continue;
    add(current, prior, rate, word);
  }
  return out;
}
