import type { Decimal } from 'decimal.js';
import type { Unit } from '../model/types.js';
import { approx, compareEq, exact, scale, unitFactor, type Approx } from '../money/interval.js';
import type { ResidueCheck } from './catalog/load-claims.js';
import type { Subject } from './catalog/types.js';
import type { Paragraph } from './types.js';

/** A span of a paragraph's normalised text. */
export interface Span {
  start: number;
  end: number;
}

export interface AmountMention extends Span {
  value: Decimal;
  decimals: number;
  unit: Unit;
  /** As written in the paragraph ("2, 156. 82 万元"). */
  text: string;
  /** A figure written in words (持平, 无增减: exactly 0), not rounded to `decimals`. */
  exact?: true;
}

/**
 * A figure's significant digits, leading and trailing zeros aside (35861.4 → 6, 45.63 → 4, 0.52 → 2, 1000.00 → 1): a
 * round figure may well be two figures by chance. Read off its value, so full-width digits, 元 or 万元 count alike.
 */
export function significantDigits(m: { value: Decimal }): number {
  return m.value
    .abs()
    .toFixed()
    .replace(/[^0-9]/gu, '')
    .replace(/^0+/u, '')
    .replace(/0+$/u, '').length;
}

/**
 * The unit a figure is written in: 亿元 is read in 万元 ("90 亿元" is 900000 万元) but shown back in 亿元.
 * `text` is as written, so a traditional text's 億元 is 亿元 too.
 */
export function writtenUnit(m: Pick<AmountMention, 'unit' | 'text'>): string {
  return /[亿億][^万萬]*$/u.test(m.text) ? '亿元' : m.unit;
}

/**
 * A figure printed as 0 among figures written with decimals is too small to print at their precision, not a
 * figure rounded to a whole 万元: a change "比上年减少 0 万元" beside changes of 0.01 万元 hides at most 0.005, and so
 * does an item "政府性基金预算拨款 0 万元" beside items of two decimals — one of 0.3 万元 would have printed 0.30. It
 * takes the most decimals among the other figures in its own unit. Figures in another unit say nothing of it:
 * "减少 0.00 万元" beside items in 元 ("减少 40 元") still hides up to 50 元. (持平 stays an exact 0.)
 */
export function printedZeros(figures: AmountMention[]): AmountMention[] {
  return figures.map((f) => {
    if (f.exact || !f.value.isZero()) return f;
    const decimals = Math.max(
      f.decimals,
      ...figures
        .filter((g) => !g.exact && !g.value.isZero() && writtenUnit(g) === writtenUnit(f))
        .map((g) => g.decimals),
    );
    return { ...f, decimals };
  });
}

export interface PercentMention extends Span {
  value: Decimal;
  decimals: number;
  text: string;
}

export interface SubjectMention extends Span {
  subject: Subject;
}

/** Where a claim was read: the paragraph and the sentence, for the quote and the location. */
export interface ClaimPlace {
  para: Paragraph;
  /** The sentence (or the part of it that makes the claim), in the normalised text. */
  sentence: Span;
  /** The sentence as written. */
  quote: string;
}

export type Direction = 'up' | 'down';

/** A number as written, with its decimals: "6.6" (个百分点), "56.6" (%). */
export interface WrittenNumber {
  value: Decimal;
  decimals: number;
  text: string;
}

/** A rate against the year before as written: its figure and whether its word says less (下降, 减少, 降低). */
export interface StatedRate {
  percent: PercentMention;
  down: boolean;
}

export type Claim =
  | (ClaimPlace & {
      kind: 'amount';
      subject: Subject;
      role: 'actual' | 'budget';
      amount: AmountMention;
      /** Its sentence speaks of a budget before it ("“三公”经费预算 300 万元，其中：公务接待费 20 万元"). */
      inBudget?: boolean;
    })
  | (ClaimPlace & {
      kind: 'share';
      part: AmountMention;
      whole: WholeRef;
      percent: PercentMention;
      /** "A a 万元，B b 万元，两项合计占 p%": the share is of these figures' sum (`part` is the last of them). */
      partSumOf?: AmountMention[];
      /** "公务用车运行维护费 2013 年预算数 a 万元，占三公经费的 p%": the part is a 预算 figure, its whole may be one too. */
      partBudget?: boolean;
    })
  | (ClaimPlace & {
      /**
       * "占预算的 R%，超过时间进度 X 个百分点" beside an earlier one (`first`) of the same report: the time's share R ∓ X of
       * the two must agree.
       */
      kind: 'time-progress';
      rate: WrittenNumber;
      points: WrittenNumber;
      behind: boolean;
      /** The paragraph's first such statement, which this one must agree with. */
      first?: { rate: WrittenNumber; points: WrittenNumber; behind: boolean; para: Paragraph; quote: string };
      /** The part of the year the paragraph names ("1-6 月", "上半年"): the time gone by it is, by months or days. */
      period?: { months: number; text: string };
    })
  | (ClaimPlace & {
      /**
       * "基本支出占 72%，项目支出占 38%": shares of parts named with no figure, parts of one catalog partition; `whole` as
       * the text names it; `complete` when they are all the parts of the whole named.
       */
      kind: 'share-set';
      percents: PercentMention[];
      whole: string;
      complete: boolean;
      /** "…分别为 p%及 q%，合计占岁入 T%": the shares' sum as the text states it, which they must add up to. */
      total?: PercentMention;
    })
  | (ClaimPlace & {
      kind: 'rate';
      subject?: Subject;
      budget?: AmountMention;
      actual?: AmountMention;
      percent: PercentMention;
      /**
       * "决算数大于预算数 55.93 万元" said beside the rate: the direction, and the difference when written; `word`: a gap
       * said in a word of its own ("超收", "节支").
       */
      over?: { direction: Direction; difference?: AmountMention; word?: string };
      /** A part's budget not given, bounded by its total's budget (whose own rate the same sentence states). */
      budgetAtMost?: { amount: AmountMention; whole: Claim };
      /** "预决算差异率 R%": R is (决算 − 预算) ÷ 预算, signed, not 决算 ÷ 预算. */
      variance?: boolean;
    })
  | (ClaimPlace & {
      kind: 'yoy';
      current?: AmountMention;
      /** The whole a 其中 part belongs to ("总收入 A，其中本年收入 a，较上年减少…"): the comparison may be its. */
      whole?: AmountMention;
      /** The prior year's figure when the text states it ("2016年预算 8 万元，2015年预算 12.5 万元；对比减少…"). */
      prior?: {
        amount: AmountMention;
        para: Paragraph;
        /** Written in the comparison itself ("比 2023 年的 B 万元，增加…"): the base of this very change. */
        inComparison?: true;
        /** This year's own budget, not the year before's figure ("决算 A，较年初预算数 B 减少 C"). */
        ownBudget?: true;
        /** The year's figure reported earlier ("比报告数 B", "较预计执行数 B"), not the year before's. */
        reported?: true;
        /** The figure before an adjustment ("由年初预算的 B 调整为 A，调增 C"), not the year before's. */
        adjusted?: true;
      };
      change: AmountMention;
      changeWord: Direction;
      /**
       * The change word is the template's either-or left in ("减少（增加）2 万元"): the unit never chose, so
       * changeWord (the first word) may be wrong — a check that needs the direction takes either.
       */
      eitherWay?: true;
      rate?: PercentMention;
      rateWord?: Direction;
      /** 持平 / 无增减 said in the same clause group as the change. */
      flat?: boolean;
      /** Whose change: the subject named in or before the comparison. */
      subject?: Subject;
      /**
       * Both years' figures are totals whose lists name items outside the subject's parts (“三公”经费 with 会议费 and
       * 培训费): the subject's parts listed under each, whose sums the change may be of instead (narrow-total.ts).
       */
      narrower?: { current: AmountMention[]; prior: AmountMention[] };
      /** The current figure names two flows together ("收入、支出决算总计 A") and the change is each one's: A or A ÷ 2. */
      jointLevel?: true;
      /** Compared "按同口径": on an adjusted basis, so its parts' changes need not add up to it. */
      sameScope?: boolean;
      /** Compared with a budget ("较年初预算数减少…"), not with the year before. */
      versusBudget?: boolean;
      /** 持平 said here of a figure whose change against the same year another paragraph states (flat-elsewhere.ts). */
      flatElsewhere?: { para: Paragraph; name: string; year: string };
      /** "…支出 2.48 万元，与 2021 年度预算相比无变化": the figure and the budget stated elsewhere for its subject. */
      flatBudget?: {
        actual: AmountMention;
        budget: AmountMention;
        budgetPara: Paragraph;
        /** "2018 年 X a，2017 年 X b，2018 年与 2017 年持平": the two years' figures, not a figure and its budget. */
        years?: true;
      };
      /** Several subjects' changes in one sentence ("收、支总计各减少 A、B 万元"): which pair this is. */
      pair?: { index: number; count: number };
      /** A part's change named after a total's comparison ("…主要原因是项目支出增加…"): its figure is found in the document. */
      namedInReason?: true;
      /** A part's change after its total's comparison ("…比上年减少 C，其中：公务接待费…增加 c"): its figure is found in its section. */
      inBreakdown?: true;
      /**
       * A part's change with no cue of its own in the paragraph after its total's comparison ("“三公”经费中，…a，减少
       * c"): its base is the total's only by the order of the text (part-changes.ts nextParagraphBreakdowns).
       */
      carried?: true;
    })
  | (ClaimPlace & {
      /** A rate stated with both years' figures and no change: "为 A 元，比上年的 B 元增加 P%", "上年 B，本年 A，增长 P%". */
      kind: 'growth';
      current: AmountMention;
      prior: AmountMention;
      rate: PercentMention;
      /** The rate's word; a negative rate ("增长 -9.41%") turns it. */
      rateWord: Direction;
      /**
       * A comma between the figure and the rate ("较上年决算数 B 万元，下降 P%"): the figure may be the change with its
       * verb left out, not the base — either reading may hold.
       */
      priorMayBeChange?: true;
      /** The base is not last year's figure: this year's budget, the figure before an adjustment, one reported earlier. */
      versus?: 'budget' | 'adjusted' | 'reported';
    })
  | (ClaimPlace & {
      /** "年均增长 P%" with what fixes it: the whole period's rate (比 2015 年增长 Q%) or both ends' figures; n years between. */
      kind: 'average-growth';
      rate: PercentMention;
      /** The average is a fall ("年均下降", or a negative rate). */
      rateDown: boolean;
      years: number;
      span: { from: number; to: number };
      total?: { rate: PercentMention; down: boolean };
      ends?: { start: AmountMention; end: AmountMention };
    })
  | (ClaimPlace & {
      /** "A 万元，…N 人，每人平均…费用 B 万元": an average per person (per car), B = A ÷ N. */
      kind: 'per-head';
      total: AmountMention;
      count: { value: number; text: string };
      average: AmountMention;
    })
  | (ClaimPlace & {
      /** "比重由 a% 下降到 b%，下降 C 个百分点": the change of a rate in points. */
      kind: 'point-change';
      from: PercentMention;
      to: PercentMention;
      /** The points as written (a number before 个百分点). */
      points: PercentMention;
      /** The word of the change ("下降" → down). */
      pointsDown: boolean;
      /** "a% 低于 b% C 个百分点": the gap of the sentence's rate (`to`) from another (`from`), not a change over time. */
      gap?: boolean;
    })
  | (ClaimPlace & {
      /**
       * "货物类采购规模 a，较上年增加 c，占…规模的 s%，较上年下降 C 个百分点" with every part of the split (货物、工程、服务)
       * written with its figure, its share and its change: the share's change in points against last year's share, which
       * the parts' figures less their changes give.
       */
      kind: 'share-points';
      /** Which of `parts` the share is of. */
      index: number;
      share: PercentMention;
      points: PercentMention;
      pointsDown: boolean;
      /** Every part of the whole, each with its change on the year before (`down`: a decrease). */
      parts: { amount: AmountMention; change: AmountMention; down: boolean }[];
    })
  | (ClaimPlace & {
      /**
       * "总数 A，比上年下降 R%，其中：甲 a1，下降 r1%；乙 a2，下降 r2%": a breakdown whose figures add up to its total,
       * each figure with its rate against the year before.
       */
      kind: 'part-rates';
      total: AmountMention;
      totalRate: StatedRate;
      totalSubject?: Subject;
      items: { amount: AmountMention; rate: StatedRate }[];
      /** The items are the total's own level and its lower levels ("市级 a，区县 b"): no part of it can have gone this year. */
      levels?: true;
    })
  | (ClaimPlace & {
      /** "收入总计 A 万元，支出总计 B 万元": a unit's 总表 grand totals side by side, which are one figure. */
      kind: 'totals-equal';
      income: AmountMention;
      spending: AmountMention;
      /**
       * Of a budget's 收入预算 and 支出预算 sections: `income` and `spending` are their changes on the year before (signed),
       * the sections' one total `total` — a balanced budget's two sides move together.
       */
      balancedTotal?: AmountMention;
      /**
       * A unit's 收入预算 and 支出预算 stated apart (`totals`), or the 一般公共预算拨款 of its 收入预算 and the
       * 一般公共预算财政拨款收入 stated later (`fund`): budget-totals.ts; and the first one's paragraph.
       */
      budget?: 'totals' | 'fund';
      incomePara?: Paragraph;
    })
  | (ClaimPlace & {
      /** Cars bought this year and their purchase cost, one of them zero and the other not. */
      kind: 'purchase';
      count: number;
      cost: AmountMention;
      costPara: Paragraph;
    })
  | (ClaimPlace & {
      /** A row of a table rendered as text: last year's figure, this year's and the change cell between them. */
      kind: 'change-cell';
      prior: AmountMention;
      current: AmountMention;
      change: AmountMention;
      /** The column writes a fall as a negative number in some row whose change is this year's minus last year's. */
      signed: boolean;
    })
  | (ClaimPlace & {
      kind: 'direction';
      word: string;
      /** 'flat': a reason for a nil change ("持平的主要原因"). */
      direction: Direction | 'flat';
      refers: 'yoy' | 'budget';
      target?: Claim;
      /** The subject the reason names ("公务接待费支出增加的主要原因"), when it names one. */
      about?: string;
      /** "完成预算 97.6%，决算数与预算数持平": the words state the direction themselves, not as a reason. */
      said?: true;
      /** "决算数未超过预算数": negated, the words allow the two to be equal too. */
      orEqual?: true;
      /** "由上年的 6.40 万元减少到 5.10 万元": the word says the move between the two years' figures, not a reason. */
      moved?: true;
      /** "…36.50 万元，上年：40.20 万元，主要…经费减少": the two years' figures the reason follows, in place of a target. */
      years?: { current: AmountMention; prior: AmountMention };
      /** "决算为 A 万元，全年预算为 B 万元，决算数小于预算数的主要原因…": the sentence's 决算 and 预算, with no rate beside them. */
      sides?: { actual: AmountMention; budget: AmountMention };
    })
  | (ClaimPlace & {
      kind: 'list';
      listId: string;
      /** A column of a table rendered as text whose rows add up to its total row: its name, and its place counting the names' column as 1. */
      column?: { name: string; number: number };
      total: AmountMention;
      totalPlace: Paragraph;
      totalSubject?: Subject;
      /** The total's name as written, for a total the catalog has no subject for ("财政总支出"). */
      totalName?: string;
      items: ListItem[];
      /** How the items' sum stands to the total: equal to it, at most it, or at least it (n.change-sum with parts whose unstated changes can only be decreases). */
      compare: 'equal' | 'at-most' | 'at-least';
      /**
       * n.change-sum read with the total's unusual parts nil in both years (claims.yaml `usual`: the text explains the
       * change by 基本支出 and 项目支出 alone and names no other part anywhere) — likely, not certain: a warning of its own.
       */
      /**
       * n.change-sum of a total compared with the year before, every part's change stated: the total's change (with its
       * current figure or rate) and the parts' changes that carry a rate — each part's base last year is its change ÷ its
       * rate, and those bases cannot add up to more than the total's base.
       */
      bases?: {
        total: { change: AmountMention; down: boolean; current?: AmountMention; rate?: PercentMention };
        /**
         * `prior`: the part's figure the year before, when the text states it (its change is then rate × prior);
         * `current`: its figure this year, compared (its change is then rate × current ÷ (1 ± rate)).
         */
        parts: {
          label: string;
          change: AmountMention;
          rate: PercentMention;
          prior?: AmountMention;
          current?: AmountMention;
        }[];
      };
      /** Of a likely reading, the parts nil this year and named nowhere, taken as nil the year before too (their labels). */
      silentParts?: string;
      /** The parts said none ("其中：无因公出国（境）费") read as unchanged, by label (the likely reading). */
      noneParts?: string;
      usualOnly?: boolean;
      /** Of a usualOnly reading, the parts whose changes it adds up and the first two left out as nil, by label. */
      usualParts?: string[];
      unusualParts?: string[];
      /** Of a usualOnly reading, the certain one beside it (a bound, the unusual parts nil this year only): its failure is an error. */
      certain?: Extract<Claim, { kind: 'list' }>;
      /** Other level figures stated before the cue in the total's sentence: the list may add up to one of them. */
      alternatives?: AmountMention[];
      /** Every ；-segment of the list states this many figures (a level and its change): one list per column. */
      columns?: number;
      /** The list need not name every part (a whole government's spending; a list that runs off the end of the text): only a sum over the total is wrong. */
      partial?: boolean;
      /** Of a partial list, the items may overlap (cuts of the total's own noun): only an item over the total is wrong. */
      overlapping?: boolean;
      /** Every item names a part of one breakdown of the total (出国, 接待, 用车 under 三公): none is a figure of its own. */
      namesParts?: boolean;
      /** The list's end is written (a bracket closes it): every item in it is a part, none a figure of its own. */
      closed?: boolean;
      /** Whole only because an item is written as 0 (the rows of a table gone through, an empty one too). */
      rows?: true;
      /**
       * Its last item is named as the rest (其他收入, 其余…): a part of the total even where the items before it already
       * make the total ("年初预算数 T，其中：…拨款 a，事业收入 b，其他收入 c" with a + b = T is a wrong list).
       */
      restLast?: true;
      /** A list of one item said to be all of the total ("收入包括：一般公共预算拨款 T"): it must equal the total. */
      sole?: boolean;
      /**
       * Items each said to be an outturn (决算) under a budget total ("“三公”经费预算 T，其中：因公出国（境）费支出决算 a；…"):
       * they are the budget's parts with the wrong word, or the outturn's — whose figures stated anywhere for the
       * total's subject become `alternatives` (outturn-lists.ts).
       */
      outturnsUnderBudget?: true;
      /**
       * Every way the text may be read when items carry breakdowns of their own or the list's end is not
       * written ("…b 万元，含 b1 万元，b2 万元；c 万元"): the list holds when one of them does. The first is `items`.
       */
      readings?: ListReading[];
    })
  | (ClaimPlace & {
      kind: 'count';
      countId: string;
      n: number;
      /** The counter the text writes the number with (个, 人, 辆, 批次): the message says it back. */
      counter: string;
      target: CountTarget;
      /** The message when the count is no stated whole (a 其中 over everything before it, a set counted twice). */
      messageId?: 'part-over-all' | 'count-restated';
    })
  | (ClaimPlace & {
      kind: 'residue';
      residueId: string;
      text: string;
      check: ResidueCheck;
      /** What is written and what it should be, when the check knows (科目名称, 单位名称, 年度): 实为 / 应为. */
      written?: string;
      should?: string;
      /** The check's message when it has more than one kind of residue (n.restated: lost digits, a unit slip). */
      messageId?: string;
    })
  | (ClaimPlace & { kind: 'includes'; group: 'personnel' | 'public'; names: string[] })
  | (ClaimPlace & {
      kind: 'carryover';
      /** The money the terms are of: '' for the unit's whole money, else the 财政拨款 column named. */
      scope: string;
      /** The identity's terms the text states, in the catalogue's order (年末结转和结余 among them). */
      terms: CarryoverTerm[];
      /** A budget report's 收支相抵 balance (收入总计 − 支出总计 = 结余), not the unit's 总表 (n.balance). */
      budgetBalance?: true;
    })
  | (ClaimPlace & {
      /** "收入合计 A …，支出合计 B，收支平衡": a budget report's totals said to balance, so one figure (n.balance). */
      kind: 'balanced';
      income: AmountMention;
      spending: AmountMention;
      /** The totals' names as written (收入合计, 支出总计 …): the message says them back. */
      labels: [string, string];
      /** "按照收支平衡的原则，…支出安排 B": the spending set by the principle, after the 财力 it is balanced against. */
      principle?: true;
    });

/** One term of 年初结转和结余 + 本年收入 − 本年支出 (…) = 年末结转和结余, as the text names it. */
export interface CarryoverTerm {
  role: 'opening' | 'income' | 'fund' | 'surplus-used' | 'spending' | 'distributed' | 'closing';
  /** The name as written (normalised): the message says it back. */
  label: string;
  /** +1 on the income side of the 总表, −1 on the spending side. */
  sign: 1 | -1;
  amount: AmountMention;
}

/** The whole of a share: a named subject, or the total of the list the sentence is an item of. */
export type WholeRef =
  | { subject: Subject; text: string }
  | {
      list: AmountMention;
      para: Paragraph;
      alternatives?: AmountMention[];
      /**
       * The whole is written nowhere: it is the sum of these parts, whose shares add up to 100%
       * ("…4.25 亿元，占比为 75%；…1.26 亿元，占比为 23%；…0.14 亿元，占比为 2%"). `list` then names it.
       */
      sumOf?: AmountMention[];
      /**
       * How the message names a whole written nowhere ("采购合同 A + 节约资金 C"), or a part named as its own whole, when
       * `list` alone would mislead.
       */
      name?: string;
    }
  | { unknown: string };

export interface ListItem {
  amount: AmountMention;
  para: Paragraph;
}

/** One way to read which figures a list holds: its items, and its items' own breakdowns left out of it. */
export interface ListReading<T = ListItem> {
  items: T[];
  /** Each breakdown left out is of the item before it: its parts must not exceed that item. */
  nested: { parent: AmountMention; parts: AmountMention[] }[];
}

/** What a count is compared with, resolved when claims are gathered (the listed items, numbered paragraphs). */
export interface CountTarget {
  /** Items counted in the text, with where they are. */
  listed?: { count: number; paras: Paragraph[]; what: string };
  /** Forms of this table kind in the workbook. */
  tables?: string;
}

/**
 * One figure (an amount or a rate) printed twice: with the same decimals the two must be equal (one exact amount rounds one
 * way: 434.16 and 434.17 are two figures); with different decimals their intervals must meet, in 万元
 * (21,418,592 元 and 2141.86 万元 are one figure, and so are 352.5 and 352 万元 — 352.46 prints as
 * both — while rounding the finer to the coarser's decimals would make 352.5 into 353).
 */
export function sameFigure(a: AmountMention | PercentMention, b: AmountMention | PercentMention): boolean {
  return sameWritten(mentionApprox(a), mentionApprox(b));
}

/** How many different figures `figures` are, sameFigure telling two apart: one figure written twice counts once. */
export function distinctFigures(figures: readonly AmountMention[]): number {
  const values: AmountMention[] = [];
  for (const a of figures) if (!values.some((v) => sameFigure(v, a))) values.push(a);
  return values.length;
}

/** sameFigure's rule for two written values' intervals: equal when written alike, else meeting. */
export function sameWritten(x: Approx, y: Approx): boolean {
  return x.radius.eq(y.radius) ? x.value.eq(y.value) : compareEq(x, y).consistent;
}

/** A stated figure's interval; amounts in 万元 whatever unit they were written in, so they add and divide. */
export function mentionApprox(m: AmountMention | PercentMention): Approx {
  const written = 'exact' in m && m.exact ? exact(m.value) : approx(m.value, m.decimals);
  return 'unit' in m ? scale(written, unitFactor(m.unit, '万元')) : written;
}

/** 'up' when a figure may lie above what it is set against, 'down' when it may lie below: both, one or neither. */
function sides(mayExceed: boolean, mayFallShort: boolean): Direction[] {
  return [...(mayExceed ? ['up' as const] : []), ...(mayFallShort ? ['down' as const] : [])];
}

/** 决算 against 预算 as a percentage's rounding allows: an execution rate against 100%, a variance rate against 0. */
export function rateDirections(rate: PercentMention, mark = 100): Direction[] {
  const r = mentionApprox(rate);
  return sides(r.value.plus(r.radius).gt(mark), r.value.minus(r.radius).lt(mark));
}

/**
 * 决算 against 预算 as their roundings allow: 'up' when the 决算 may exceed the 预算, 'down' when it
 * may fall short — both for 97 against 97 (97.4 and 96.9 print so), neither for two exact equals.
 */
export function budgetDirections(actual: AmountMention, budget: AmountMention): Direction[] {
  const a = mentionApprox(actual);
  const b = mentionApprox(budget);
  return sides(a.value.plus(a.radius).gt(b.value.minus(b.radius)), a.value.minus(a.radius).lt(b.value.plus(b.radius)));
}

/**
 * 决算 against 预算 of a rate claim: as its two amounts' roundings allow, narrowed by the rate written beside them
 * ("预算为 10 万元，决算为 9.8 万元，完成预算的 98%": a budget of 10 may be 9.5, but 98% is under 100%; a variance
 * rate, 预决算差异率, against 0) — unless the rate disagrees with them (n.rate reports it) or the budget is 0 ("完成预算的
 * 0%" over nothing, written by convention). Without the amounts, the rate alone.
 */
export function rateClaimDirections(rate: Extract<Claim, { kind: 'rate' }>): Direction[] {
  const byRate = rateDirections(rate.percent, rate.variance ? 0 : 100);
  if (!rate.actual || !rate.budget) return byRate;
  const byAmounts = budgetDirections(rate.actual, rate.budget);
  if (rate.budget.value.isZero()) return byAmounts;
  const both = byAmounts.filter((d) => byRate.includes(d));
  return both.length > 0 ? both : byAmounts;
}
