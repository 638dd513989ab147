import { fundNamesAnd } from '../text/fund-names.js';
import type { Claim } from '../claims.js';
import { OUTLINE_MARK, outlineLevel, withoutOutlineMark } from '../../util/outline.js';
import { NIL_WORDS } from '../text/nil-words.js';
import { normaliseText } from '../text/normalise.js';
import type { Paragraph } from '../types.js';
import { allMatches } from '../../util/matches.js';

/**
 * The frame of a statement: which year, which figure of the year (年初预算, 调整预算, a budget, the outturn),
 * which fund, which scope (全县 / 县本级) and which fund section. Two statements of one subject are one
 * quantity only in one frame. Read once per document (headings, opened scopes), then per statement.
 */

type Amount = Extract<Claim, { kind: 'amount' }>;
type Yoy = Extract<Claim, { kind: 'yoy' }>;
type List = Extract<Claim, { kind: 'list' }>;

/**
 * A frame: the year (20xx, or rel0 / rel-1 for a text that says only 今年 / 去年), the kind of figure ('actual',
 * 'budget', 'initial', 'adjusted'), the fund a total names, the scope (全县, 县本级…) and the fund section.
 */
export interface Frame {
  year: string;
  /** A part of the year ("1-6月", "上半年", "前三季度"): '' for the whole year. */
  period: string;
  kind: string;
  /** The kind is named by the words (else an outturn is assumed): a check that compares two frames' figures needs it named. */
  stated: boolean;
  /** The kind is named by the figure's own clause ("公务接待费支出 a"), not only by its sentence or heading. */
  ownClause?: boolean;
  /** A budget's heading names the kind of a figure whose clause says only 支出 ("（二）公务接待费支出 a"): a budget. */
  budgetHeading?: boolean;
  fund: string;
  scope: string;
  section: string;
}

export const frameKey = (f: Frame) =>
  `${f.year}${f.period && `@${f.period}`}:${f.kind}:${f.fund}:${f.scope}:${f.section}`;

/** The key of a subject's level in a frame. */
export const levelKey = (subject: string, role: string, frame: Frame) => `${subject}:${role}:${frameKey(frame)}`;

/** How a document's statements are framed: each paragraph's normalised text, the heading above it, the scopes paragraphs open. */
export interface FrameReader {
  /** A paragraph's (or any text's) normalised form, worked out once. */
  plain: (text: string) => string;
  /** A level's frame. */
  levelFrame: (c: Amount) => Frame;
  /**
   * The frame of an item of a list whose total names no subject ("去年“三公经费”实际发生额为 T。其中，因公出国（境）费
   * 支出 a…"): the year the total's sentence names, the rest the item's own; undefined when that sentence names no year,
   * or a year or kind the item's own words do not.
   */
  breakdownFrame: (list: List, item: Frame) => Frame | undefined;
  /**
   * The frame of an item of a list under a named total ("2024 年“三公”经费预算数为 T，其中：…公务接待费 a"): an item
   * whose own clause names no kind is of the kind its total's sentence names (a budget's part is a budget).
   */
  partFrame: (list: List, item: Frame) => Frame;
  /** A year-over-year change's frame: `year:budget|actual:fund:scope:section`; undefined when whose change it is is not certain. */
  changeFrame: (c: Yoy) => string | undefined;
  /** The scope or area a paragraph (or its heading) opens with, when the document's paragraphs open with two or more. */
  opens: (p: Paragraph) => string | undefined;
}

/** `roc`: the document is one of the Republic of China's (rocDocument): its bare "110年" is a 民國 year. */
export function frameReader(
  paragraphs: readonly Paragraph[],
  simplify: (c: string) => string,
  roc = false,
): FrameReader {
  const plain = normalisedBy(simplify, roc);
  const headingAbove = headingsAbove(paragraphs, plain);
  const opened = openingScopes(paragraphs, headingAbove, plain);
  return {
    plain,
    levelFrame: (c) => frame(c, headingAbove, opened, plain),
    breakdownFrame: (list, item) => {
      const { year, kind, clause } = totalFrame(list, plain);
      if (year === undefined || (item.year !== '' && item.year !== year)) return undefined;
      // the item's own words must not say otherwise ("预算 T，其中：…支出决算 a" — budget or outturn is not certain)
      if (kind === item.kind) return { ...item, year };
      return adopted(item, kind, clause) ? { ...item, year, kind, stated: true } : undefined;
    },
    partFrame: (list, item) => {
      const { kind, clause } = totalFrame(list, plain);
      return adopted(item, kind, clause) ? { ...item, kind, stated: true } : item;
    },
    changeFrame: (c) => changeFrame(c, headingAbove, opened, plain),
    opens: opened,
  };
}

/**
 * The year and the kind (budget, outturn…) the sentence of a list's total names, up to the total, and the kind its
 * own clause names ("“三公”经费预算数为 T" but not "预算执行中，…全年实际开支“三公”经费 T").
 */
function totalFrame(
  list: List,
  plain: (s: string) => string,
): { year: string | undefined; kind: string; clause: string } {
  const sentence = sentenceUpTo(plain(list.totalPlace.text), list.total.start)
    .replace(YARDSTICK, '')
    .replace(OPENING, '');
  return {
    year: lastYear(sentence) ?? relativeYear(sentence),
    kind: kindOf(sentence),
    clause: kindOf(sentence.split(/[，,；：]/u).pop() ?? ''),
  };
}

/**
 * Whether an item takes its total's kind: its own clause names none ("其中：…公务接待费 a") and the total's sentence
 * and its own clause name one and the same ("2025 年“三公”经费预算数为 T" — a budget's part is a budget).
 */
const adopted = (item: Frame, kind: string, clause: string) => !item.ownClause && kind !== '' && clause === kind;

/**
 * The frame a figure is stated in: the last year written before it in its paragraph and whether
 * its sentence speaks of a budget ("2022 年度“三公”经费预算总计…其中：公务接待 11.8 万元"). Figures
 * of different frames are different figures, whatever their subject. The words are read in their
 * normalised form (`plain`): full-width digits, traditional characters and a mirror's pinyin
 * ("預(yù)算") name the same frame as the plain text.
 */
function frame(
  c: Amount,
  headingAbove: (p: Paragraph) => string,
  opened: (p: Paragraph) => string | undefined,
  plain: (s: string) => string,
): Frame {
  const text = c.para.text;
  // the sentence up to the figure: a year or a budget named after it ("1205.06 万元（较 2010 年压缩 2%）") is not its frame
  const at = figureIndex(c.quote, c.amount.text);
  const before = plain(at >= 0 ? c.quote.slice(0, at) : c.quote);
  const sentence = sentenceBefore(c, plain);
  // a quote shortened before the figure ("…95 万，其中：…") may have lost the sentence's year ("2021 年的…合计为…")
  // else the paragraph's first year (found by one search, without listing every year of the paragraph per figure)
  const heading = headingAbove(c.para);
  const year =
    lastYear(before) ??
    (before.startsWith('…') ? lastYear(sentence) : undefined) ??
    // "…去年“三公”经费预算 B 万元" in a paragraph of this year's figures: the sentence's own 去年 is its frame
    relativeYear(sentence) ??
    // a year written after the figure ("安排 A 元…主要是 2018 年…支出 B 元") is another sentence's
    // (not a comparison's base: "…运行费 a 万元，比 2017 年预算减少 c" names the year compared with)
    /(20[0-9]{2})年/u.exec(plain(text).slice(0, c.amount.start).replace(BASE_YEAR, ''))?.[1] ??
    // "今年，…批复…预算 A 万元。其中，…预算 a 万元": the paragraph's first 今年 / 去年 before the figure
    // (not when the figure's own sentence says 本年: "上年度…支出 B 万元。本年度…支出 A 万元")
    (/本年|当年|本期/u.test(sentence) ? undefined : firstRelativeYear(plain(text).slice(0, c.amount.start))) ??
    // a paragraph naming no year before the figure ("（三）公务用车…支出 A 万元") is of the year its heading names,
    // written or relative ("（二）上年度收支情况")
    lastYear(heading) ??
    relativeYear(heading) ??
    '';
  const scope = [...allMatches(sentence, SCOPE)].map((m) => m[0]).pop() ?? opened(c.para) ?? unitHeading(heading) ?? '';
  // a budget named as a yardstick ("…决算为 A 万元，完成年初预算的 R%") says nothing of the figures after it
  // (年初 in 年初结转和结余 names the balance brought forward, no initial budget)
  // the figure's own clause first ("预算 B 万元，支出决算 A 万元": A is the outturn)
  const words = before.replace(YARDSTICK, '').replace(OPENING, '');
  const own = words.split(/[，,；：]/u).pop() ?? '';
  // under a budget's heading ("二、2016 年“三公”经费支出预算情况说明"), a clause naming its figure only 支出
  // ("（二）公务接待费支出 a 万元") states the budget: 支出 names the flow, not the outturn
  const budgetHeading = budgetOnly(heading) ? kindOf(heading) : '';
  const clause = budgetHeading && flowOnly(own) ? budgetHeading : kindOf(own);
  const named = clause || (budgetHeading && flowOnly(words) ? budgetHeading : kindOf(words)) || kindOf(heading);
  const period = PERIOD.exec(sentence)?.[0] ?? '';
  return {
    year,
    period,
    kind: named || 'actual',
    stated: named !== '',
    ownClause: clause !== '',
    ...(budgetHeading && named === budgetHeading && flowOnly(words) ? { budgetHeading: true } : {}),
    fund: fund(c, before, sentence, plain(text), heading),
    scope,
    section: section(plain(text)) || fundHeading(heading),
  };
}

/** The last year written in `t` ("…2023 年…2024 年…" → 2024). */
function lastYear(t: string): string | undefined {
  return [...allMatches(t, /(20[0-9]{2})年/gu)].map((m) => m[1]).pop();
}

/**
 * A part of the year the sentence states its figure for: "1-6 月，…支出 A 万元" and "全年…支出 B 万元" are two figures.
 * Not a date ("12 月 31 日").
 */
const PERIOD =
  /[0-9一二三四五六七八九十]{1,2}(?:[-－—–~～至][0-9一二三四五六七八九十]{1,2})?月(?:份)?(?![0-9]{1,2}日)|[上下]半年|前三季度|第?[一二三四1-4]季度/u;

/**
 * The year a sentence names only relatively — 今年 (rel0) or 去年 / 上年 (rel-1), the last one written — when it is the
 * figure's own and not a comparison's base ("比去年", "与上年相比"), a period (上年同期, 上年末) or the balance brought
 * forward (上年结转). A text of relative years keeps them apart from each other, never matched with a written year.
 */
const RELATIVE_YEAR = /(?<![比较与同之于对])(今年|去年|上年)度?(?!同期|末|底|结转|结余|相比|[0-9])/gu;
function relativeYear(sentence: string): string | undefined {
  const word = [...allMatches(sentence, RELATIVE_YEAR)].map((m) => m[1]).pop();
  if (word === undefined) return undefined;
  return word === '今年' ? 'rel0' : 'rel-1';
}

/** Names that say 预算 and name no budget: the funds ("一般公共预算收入"), 预算稳定调节基金, 预算单位. */
const FUND_BUDGET = fundNamesAnd('预算稳定调节基金|预算单位');

/** "年初结转和结余", "年初结余": the year's opening balance — its 年初 says no budget. */
const OPENING = /年初(?=结转|结余)/gu;

/** A rate against a budget: "完成年初预算的 88.7%", "完成全年预算 B 万元的 R%". */
const YARDSTICK = /完成(?:年初|全年|调整后?的?)?预算数?[0-9.,]*(?:万元|亿元|元)?的?[0-9.]*%?/gu;

/**
 * Which figure of a year the words before it name: 年初预算, 调整预算 ("调整为"), a budget ("预算", "安排"), or
 * the outturn ("决算", "支出", "完成") — 收入总计 as the initial budget, as adjusted and as the outturn are
 * three figures. '' when no word says. `text` is normalised.
 */
function kindOf(words: string): string {
  // (a fund's name is no budget: "一般公共预算收入完成 A" is an outturn)
  const text = words.replace(FUND_BUDGET, '');
  if (/调整/u.test(text)) return 'adjusted';
  if (/年初/u.test(text)) return 'initial';
  // "预算执行数", "执行数": the budget's outturn
  if (/执行数/u.test(text)) return 'actual';
  if (/预算|安排/u.test(text)) return 'budget';
  if (/决算|支出|完成|执行|实际/u.test(text)) return 'actual';
  return '';
}

/**
 * A heading naming a budget and no outturn ("2016 年“三公”经费支出预算情况说明", not "预算执行情况", nor the 预算 of a
 * fund's or a unit's name: "一般公共预算财政拨款“三公”经费支出情况说明", "预算单位").
 */
const budgetOnly = (heading: string) => {
  const words = heading.replace(
    /一般公共预算|政府性基金预算|国有资本经营预算|社会保险基金预算|预算单位|预算管理/gu,
    '',
  );
  return /预算|安排/u.test(words) && !/决算|完成|执行|实际/u.test(words);
};

/** Words naming the figure's flow (支出) and no outturn: under a budget's heading, the budget's. */
const flowOnly = (text: string) => kindOf(text) === 'actual' && !/决算|完成|执行|实际/u.test(text);

/** An outline heading with no figure of its own ("2. 县人大批准的预算调整方案。", "3. 决算情况。"); `text` is normalised. */
const headingLike = (text: string) =>
  outlineLevel(text) !== undefined && text.length <= 40 && !/[0-9](?:万元|亿元|元)/u.test(text);

/**
 * The nearest heading above a paragraph, normalised ('' when there is none): the kind it names ("1. 批准的年初
 * 预算草案。" over "（1）收入总计 A 万元") and the fund it heads ("一、企业职工基本养老保险基金" over "本年收入
 * 28519 亿元") frame the figures under it. Memoised per paragraph: one walk back per paragraph, not per figure.
 */
function headingsAbove(paragraphs: readonly Paragraph[], plain: (s: string) => string): (p: Paragraph) => string {
  const memo = new Map<Paragraph, string>();
  return (p) => {
    const known = memo.get(p);
    if (known !== undefined) return known;
    let heading = '';
    for (let i = p.n - 2; i >= 0; i--) {
      const above = paragraphs[i] && plain(paragraphs[i].text);
      if (above !== undefined && headingLike(above)) {
        heading = above;
        break;
      }
    }
    memo.set(p, heading);
    return heading;
  };
}

/** A heading that is a fund's name and nothing more ("一、 城乡居民基本养老保险基金"): the fund, else ''. */
const FUND_HEADING = new RegExp(`^${OUTLINE_MARK}\\s*([^。：，]{1,24}?基金)[。：]?$`, 'u');
function fundHeading(heading: string): string {
  return FUND_HEADING.exec(heading.trim())?.[1] ?? '';
}

/**
 * "（二）失业保险基金。本年收入 1139 亿元…" after "（一）企业职工基本养老保险基金。本年收入 18300 亿元…": a paragraph
 * headed by a fund's name states that fund's figures — another fund's 本年收入 is another figure.
 */
const SECTION_FUND = new RegExp(`^${OUTLINE_MARK}([^。：，]{1,24}?基金)[。：]`, 'u');
function section(text: string): string {
  return SECTION_FUND.exec(text)?.[1] ?? '';
}

/**
 * 全区 / 区本级 / 市级 …: whose figure it is — a whole area's and its own level's totals are different figures. Not
 * a 本级 named with its units ("厅本级和 11 家直属单位", "机关本级及所属单位"): that is the whole.
 */
const SCOPE =
  /全[区市县省国镇乡州]|[区市县省镇乡]?本级(?![和及与、][^，。；：]{0,12}(?:单位|所属|下属))|[市县区省镇]级/gu;

/** What a paragraph or heading opens with, after its outline number and year: "全市一般公共预算支出…", "2. 市本级". */
const OUTLINE_YEAR = `^${OUTLINE_MARK}?\\s*(?:20[0-9]{2}年?度?[，,]?)?`;
/** A scope word, after the area's own name if written ("某县本级"). */
const OPENING_SCOPE = new RegExp(
  `${OUTLINE_YEAR}(?:[\u4e00-\u9fff]{1,6}?(?=[省市县区镇乡]本级))?(${SCOPE.source})`,
  'u',
);
/** A named area whose accounts the paragraph opens with ("甲市一般公共预算收入…", "乙区财政总收入…"). */
const OPENING_AREA = new RegExp(
  `${OUTLINE_YEAR}((?![本我该全])[\u4e00-\u9fff]{1,6}?[省市县区州旗])(?=一般公共|公共财政|政府性基金|国有资本|社会保险|财政|全年|20[0-9]{2})`,
  'u',
);

/**
 * The scope a paragraph (or the heading above it) opens with: "全市一般公共预算支出 A 亿元…；加上…，支出合计 T
 * 亿元" and "市本级一般公共预算支出 a 亿元…；加上…，支出合计 t 亿元" state two scopes' 支出合计, though the
 * clause of each total names none; so do a city's and one of its counties' paragraphs. Read only when the
 * document's paragraphs open with two scopes or more: a text speaking of one area throughout ("某区 2024 年的
 * “三公”经费…" and then "2024 年度公务接待费…") states one scope's figures, named or not.
 */
function openingScopes(
  paragraphs: readonly Paragraph[],
  headingAbove: (p: Paragraph) => string,
  plain: (s: string) => string,
): (p: Paragraph) => string | undefined {
  const own = (text: string) => {
    const t = text.trim();
    return OPENING_SCOPE.exec(t)?.[1] ?? OPENING_AREA.exec(t)?.[1];
  };
  const opens = new Set(paragraphs.map((p) => own(plain(p.text))).filter((s) => s !== undefined));
  if (opens.size < 2) return () => undefined;
  return (p) => own(plain(p.text)) ?? own(headingAbove(p));
}

/**
 * The figure's sentence (or ；-clause group) up to the figure, normalised (the quote may be shortened). Found
 * at the figure's own place: the first "22万元" of a paragraph may be the tail of "减支1122万元" in another
 * sentence, of another scope ("全州…减支 1122 万元…。州本级…公车购置支出 22 万元").
 */
function sentenceBefore(c: Amount, plain: (s: string) => string): string {
  return sentenceUpTo(plain(c.para.text), c.amount.start);
}

/** The sentence (or ；-clause group) of normalised `text` up to `at`. */
function sentenceUpTo(text: string, at: number): string {
  const start = Math.max(...['。', '！', '？', '；'].map((m) => text.lastIndexOf(m, at - 1))) + 1;
  return text.slice(start, at);
}

/**
 * Where a figure is written in `text`: not inside a longer number ("22万元" in "1122万元", "122万元" in
 * "1,122万元" — a comma after a digit and before three digits groups thousands); -1 when it is not.
 */
function figureIndex(text: string, figure: string): number {
  const grouped = /^[0-9]{3}(?![0-9])/u.test(figure);
  for (let i = text.indexOf(figure); i >= 0; i = text.indexOf(figure, i + 1)) {
    const before = text[i - 1] ?? '';
    const inside = /[0-9.]/u.test(before) || (grouped && before === ',' && /[0-9]/u.test(text[i - 2] ?? ''));
    if (!inside) return i;
  }
  return -1;
}

/** Totals that name no fund of their own: "财政拨款支出总计" is another figure than "支出总计". */
const UNFUNDED = new Set([
  'grand-total',
  'expenditure-grand-total',
  'income-total',
  'expenditure-total',
  'opening-balance',
]);
// (not "非财政拨款": money that is no appropriation)
const FUND = /((?<!非)财政拨款|一般公共预算|政府性基金|国有资本)/u;
const FUNDS = new RegExp(FUND.source, 'gu');
/** Words naming all the unit's money, whatever its fund. */
const ALL_MONEY = /全部资金|所有资金|各项资金/u;
/** The same, or the whole scope of a unit's money (全口径). */
const WHOLE_MONEY = /全部资金|所有资金|各项资金|全口径/u;

/**
 * The fund named in the figure's own clause, else in the first clause of its sentence ("全区政府性基金上年
 * 结余 A 亿元，…，收入合计 B 亿元"), for the totals that name none themselves (both texts normalised).
 */
function fund(c: Amount, before: string, sentence: string, paragraph: string, heading: string): string {
  // a figure of all the unit's money ("全部资金安排的“三公”经费 A", "全口径安排“三公”经费 A") is another figure than the
  // appropriations' ("一般公共预算财政拨款“三公”经费 B"), whatever its subject
  // (a figure named as written names no fund of its own either: "…政府性基金上年结余 a，…债务转贷收入 b")
  if (!UNFUNDED.has(c.subject.id) && !c.subject.id.startsWith('named:'))
    return WHOLE_MONEY.test(sentence) ? 'all-money' : '';
  const clause = before.split(/[，；。：]/u).pop() ?? '';
  const head = sentence.split(/[，：]/u)[0] ?? '';
  // else the fund its paragraph opens with ("政府性基金预算财政拨款本年收入 a…；本年支出 b")
  // (after its scope: "2021 年全区政府性基金预算收入…")
  const opened = new RegExp(`${OUTLINE_YEAR}(?:${SCOPE.source})?${FUND.source}`, 'u').exec(paragraph.trim())?.[1];
  // (not a sentence naming all the unit's money: "…财政拨款年初结转和结余 a…。全部资金年初结转和结余 b")
  const ownScope = ALL_MONEY.test(sentence) ? '' : opened;
  return FUND.exec(clause)?.[1] ?? namedFund(clause) ?? FUND.exec(head)?.[1] ?? ownScope ?? headingFund(heading);
}

/**
 * The one government fund a heading names ("2. 政府性基金预算执行情况" over "…。加上转移性收入 b，收入合计 T"): the
 * fund of the totals under it that name none. Not 财政拨款 (a unit's appropriations heading its 收入合计 names no
 * fund account), nor a heading naming two.
 */
function headingFund(heading: string): string {
  const named = new Set([...allMatches(heading, FUNDS)].map((m) => m[1]));
  const [only] = named;
  return named.size === 1 && only !== undefined && only !== '财政拨款' ? only : '';
}

/**
 * "当年市本级国有土地使用权出让支出总计 T"、"…城市公用事业附加支出总计 T": a total its clause gives to one named
 * fund (a name ending in 费, 附加, 基金, 出让 or 资金) is that fund's own, not the document's 支出总计 — a
 * budget states one for each fund. The name without its scope and year words ("当年市本级").
 */
const NAMED_FUND = /([^，；。：、（）“”]{2,24}?(?:费|附加|基金|出让|资金))(?:收入|支出|收支)(?:总计|合计)(?:为|是)?$/u;
function namedFund(clause: string): string | undefined {
  const name = NAMED_FUND.exec(clause)?.[1];
  return name?.replace(SCOPE, '').replace(/当年|本年|全年|20[0-9]{2}年度?/gu, '') || undefined;
}

/** Normalised text, each string worked out once (a paragraph's text is read for each of its figures). */
function normalisedBy(simplify: (c: string) => string, roc: boolean): (text: string) => string {
  const memo = new Map<string, string>();
  return (text) => {
    let out = memo.get(text);
    if (out === undefined) {
      out = normaliseText(text, simplify, roc).text;
      memo.set(text, out);
    }
    return out;
  };
}

/** A comparison with the year before named only so ("比上年", "和去年相比"). */
const UNNAMED_BASE = /(?:与|和|较|比|同)(?:上年|去年)/u;

/** A comparison's base year ("比 2020 年", "较 2020 年度的"): not the year the figure is stated for. */
const BASE_YEAR = /(?:与|较|比|相较于?|较之)(?:上年|去年)?20[0-9]{2}年度?/gu;

/**
 * A year-over-year change whose words name the base year alone ("与 2023 年度相比，本年支出合计增加 C", its paragraph and
 * heading no year of their own): the change is the following year's.
 */
function yearAfterBase(sentence: string): string | undefined {
  const bases = [...allMatches(sentence, BASE_YEAR)].map((m) => /20[0-9]{2}/u.exec(m[0])?.[0]);
  const [base] = bases;
  if (bases.length !== 1 || base === undefined) return undefined;
  return String(Number(base) + 1);
}

/**
 * The frame of a year-over-year change: the year its sentence states the figure for (comparison years
 * left out), the scope (全县 / 县本级), budget or outturn, and the fund section its paragraph heads.
 */
function changeFrame(
  c: Yoy,
  headingAbove: (p: Paragraph) => string,
  opened: (p: Paragraph) => string | undefined,
  normalised: (text: string) => string,
): string | undefined {
  if (!c.subject) return undefined;
  const text = normalised(c.para.text);
  // at the change's own place: "减少 2.00 万元" is also the tail of an earlier "减少 22.00 万元"
  const plain = sentenceUpTo(text, c.change.start);
  // whose change it is must be certain: the subject named in the sentence, and after its name nothing but
  // its own figure ("“三公”经费预算较 2021 年度增加 1.68 万元，其中公务接待较上年同期减少…" is 公务接待's change)
  const named = Math.max(...c.subject.names.map((n) => plain.lastIndexOf(n)));
  if (named < 0) return undefined;
  const rest = plain.slice(named);
  if (/其中|[；;]/u.test(rest) || (rest.match(/[0-9][0-9,.]*(?:万元|亿元|元)/gu) ?? []).length > (c.current ? 1 : 0))
    return undefined;
  const before = plain.replace(BASE_YEAR, '');
  const yearOf = (t: string) => lastYear(t.replace(BASE_YEAR, ''));
  // a sentence naming no year ("与上年相比，“三公”经费共减少 A 万元") is of the year its paragraph names before it,
  // else its heading's; a text naming no year at all compares 今年 with 去年
  const year =
    yearOf(plain) ??
    relativeYear(plain) ??
    yearOf(text.slice(0, c.change.start)) ??
    yearOf(headingAbove(c.para)) ??
    relativeYear(headingAbove(c.para)) ??
    yearAfterBase(plain) ??
    (UNNAMED_BASE.test(plain) && !/20[0-9]{2}年/u.test(text) ? 'rel0' : '');
  // the paragraph up to the change: a sentence naming no scope or fund is of the last one its paragraph names
  // ("全州…。其中：…比上年减支 a。州本级…。其中：…比上年减支 b"; "政府性基金预算财政拨款本年收入…；本年支出…比上年增加 c")
  const upTo = text.slice(0, c.change.start);
  const lastOf = (t: string, pattern: RegExp) => [...allMatches(t, pattern)].map((m) => m[0]).pop();
  const scope =
    lastOf(before, SCOPE) ?? lastOf(upTo, SCOPE) ?? opened(c.para) ?? unitHeading(headingAbove(c.para)) ?? '';
  // 一般公共预算 names a fund, not a budget
  const budget = /预算/u.test(before.replace(/一般公共预算|公共财政预算/gu, ''));
  const ownFund = UNFUNDED.has(c.subject.id)
    ? (FUND.exec(before)?.[1] ?? (ALL_MONEY.test(before) ? '' : lastOf(upTo, FUNDS)) ?? '')
    : '';
  return `${year}:${budget ? 'budget' : 'actual'}:${ownFund}:${scope}:${section(text) || fundHeading(headingAbove(c.para))}`;
}

/**
 * A heading naming whose figures follow ("（一）部门本级", "（二）所属某中心", "（三）部门汇总"): its words are the scope of
 * every figure under it — one section's 本年支出合计 is not another's restated.
 */
const UNIT_HEADING = /本级|所属|下属|汇总|合并/u;
function unitHeading(heading: string): string | undefined {
  return UNIT_HEADING.test(heading) ? withoutOutlineMark(heading) : undefined;
}

/** The first year a text names only relatively (see relativeYear). */
function firstRelativeYear(text: string): string | undefined {
  const word = [...allMatches(text, RELATIVE_YEAR)].map((m) => m[1])[0];
  return word === undefined ? undefined : word === '今年' ? 'rel0' : 'rel-1';
}

/** The year before a frame's year ('' when its year is not known). */
function yearBefore(year: string): string {
  if (year === 'rel0') return 'rel-1';
  return /^20[0-9]{2}$/u.test(year) ? String(Number(year) - 1) : '';
}

/**
 * The comparison written right after a figure, up to its change or 持平 ("，比去年实际支出增加", "，与上年预算相比持平",
 * "，较2022年决算数减少"): whom it compares with — a year (20xx) or the year before (上年, 去年) — and which of its
 * figures (预算, or 决算 / 实际支出 / 支出; unnamed). Nothing else may stand between (another figure, 同口径, 同期).
 */
const COMPARISON = new RegExp(
  `^[，,]?(?:与|和|较|比|同)(?:(上一?年|去年)|(20[0-9]{2})年)度?(?:的)?(预算|决算|实际支出|实际|支出)?数?(?:相比|相较|比较)?[，,]?(?:共|分别)?(?=增加|减少|增长|下降|降低|减|增|${NIL_WORDS})`,
  'u',
);

/**
 * The frame of the figure a comparison after a level names as its base: the year it names (or the year before
 * the level's), the kind it names — a budget, or an outturn; unnamed, the level's own kind when that is an outturn
 * (a budget "比上年增加" may be against last year's budget or its outturn: not certain). Undefined when not certain.
 */
export function baseFrame(frame: Frame, after: string): Frame | undefined {
  const m = COMPARISON.exec(after);
  // a figure of no known year: its comparison may be with its own year's budget
  if (!m || frame.year === '') return undefined;
  const year = m[2] ?? yearBefore(frame.year);
  if (year === '' || year === frame.year) return undefined;
  const named = m[3];
  const kind = named === '预算' ? 'budget' : named ? 'actual' : frame.kind === 'actual' ? 'actual' : undefined;
  if (kind === undefined || !frame.stated || (frame.kind !== 'actual' && frame.kind !== 'budget')) return undefined;
  return { ...frame, year, kind };
}

/** How a frame is named in a message: "2022年决算数", "去年预算数". */
export function frameName(f: Frame): string {
  const year = f.year === 'rel-1' ? '去年' : f.year === 'rel0' ? '今年' : `${f.year}年`;
  return `${year}${f.kind === 'budget' ? '预算数' : '决算数'}`;
}
