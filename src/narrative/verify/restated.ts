import type { Decimal } from 'decimal.js';
import { unitFactor } from '../../money/interval.js';
import { type AmountMention, type Claim, sameFigure } from '../claims.js';
import { normaliseText } from '../text/normalise.js';
import { amountsIn } from '../extract/mentions.js';
import { outlineLevel } from '../extract/para.js';
import { ownerAt, sameOwner } from '../extract/owner.js';
import type { Paragraph } from '../types.js';
import { finding, otherParas } from './common.js';
import type { NarrativeRawFinding } from './types.js';

type Amount = Extract<Claim, { kind: 'amount' }>;

/**
 * Figures a document states once and may repeat: the totals and the 三公 items. Class and 项
 * names are left out (the same class is stated for all funds and for the general budget).
 */
const REPEATED = new Set([
  'grand-total',
  'expenditure-grand-total',
  'income-total',
  'expenditure-total',
  'fiscal-grand-total',
  'general-expenditure',
  'sangong',
  'sangong-abroad',
  'sangong-vehicle',
  'sangong-vehicle-purchase',
  'sangong-vehicle-operation',
  'sangong-reception',
  'running-costs',
  'opening-balance',
]);

/** A figure's value in 万元, whatever unit it was written in (2,345.60 万元 and 23,456,000 元 are one figure). */
function inWan(m: AmountMention): Decimal {
  return m.value.mul(unitFactor(m.unit, '万元'));
}

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
): string {
  const text = c.para.text;
  // the sentence up to the figure: a year or a budget named after it ("1205.06 万元（较 2010 年压缩 2%）") is not its frame
  const at = figureIndex(c.quote, c.amount.text);
  const before = plain(at >= 0 ? c.quote.slice(0, at) : c.quote);
  const sentence = sentenceBefore(c, plain);
  const lastYear = (t: string) => [...t.matchAll(/(20[0-9]{2})年/gu)].map((m) => m[1]).pop();
  // a quote shortened before the figure ("…95 万，其中：…") may have lost the sentence's year ("2021 年的…合计为…")
  // else the paragraph's first year (found by one search, without listing every year of the paragraph per figure)
  const heading = headingAbove(c.para);
  const year =
    lastYear(before) ??
    (before.startsWith('…') ? lastYear(sentence) : undefined) ??
    // a year written after the figure ("安排 A 元…主要是 2018 年…支出 B 元") is another sentence's
    /(20[0-9]{2})年/u.exec(plain(text).slice(0, c.amount.start))?.[1] ??
    // a paragraph naming no year before the figure ("（三）公务用车…支出 A 万元") is of the year its heading names
    lastYear(heading) ??
    '';
  const scope = [...sentence.matchAll(SCOPE)].map((m) => m[0]).pop() ?? opened(c.para) ?? '';
  // a budget named as a yardstick ("…决算为 A 万元，完成年初预算的 R%") says nothing of the figures after it
  // (年初 in 年初结转和结余 names the balance brought forward, no initial budget)
  const kind = kindOf(before.replace(YARDSTICK, '').replace(OPENING, '')) || kindOf(heading) || 'actual';
  return `${year}:${kind}:${fund(c, before, sentence)}:${scope}:${section(plain(text)) || fundHeading(heading)}`;
}

/** "年初结转和结余", "年初结余": the year's opening balance — its 年初 says no budget. */
const OPENING = /年初(?=结转|结余)/gu;

/** A rate against a budget: "完成年初预算的 88.7%", "完成全年预算 B 万元的 R%". */
const YARDSTICK = /完成(?:年初|全年|调整后?的?)?预算数?[0-9.,]*(?:万元|亿元|元)?的?[0-9.]*%?/gu;

/**
 * Which figure of a year the words before it name: 年初预算, 调整预算 ("调整为"), a budget ("预算", "安排"), or
 * the outturn ("决算", "支出", "完成") — 收入总计 as the initial budget, as adjusted and as the outturn are
 * three figures. '' when no word says. `text` is normalised.
 */
function kindOf(text: string): string {
  if (/调整/u.test(text)) return 'adjusted';
  if (/年初/u.test(text)) return 'initial';
  if (/预算|安排/u.test(text)) return 'budget';
  if (/决算|支出|完成|执行|实际/u.test(text)) return 'actual';
  return '';
}

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
function fundHeading(heading: string): string {
  return (
    /^(?:（[一二三四五六七八九十0-9]{1,3}）|[一二三四五六七八九十]{1,3}、|[0-9]{1,2}[.、])\s*([^。：，]{1,24}?基金)[。：]?$/u.exec(
      heading.trim(),
    )?.[1] ?? ''
  );
}

/**
 * "（二）失业保险基金。本年收入 1139 亿元…" after "（一）企业职工基本养老保险基金。本年收入 18300 亿元…": a paragraph
 * headed by a fund's name states that fund's figures — another fund's 本年收入 is another figure.
 */
function section(text: string): string {
  return (
    /^(?:（[一二三四五六七八九十0-9]{1,3}）|[一二三四五六七八九十]{1,3}、|[0-9]{1,2}[.、])([^。：，]{1,24}?基金)[。：]/u.exec(
      text,
    )?.[1] ?? ''
  );
}

/** 全区 / 区本级 / 市级 …: whose figure it is — a whole area's and its own level's totals are different figures. */
const SCOPE = /全[区市县省国镇乡州]|[区市县省镇乡]?本级|[市县区省镇]级/gu;

/** What a paragraph or heading opens with, after its outline number and year: "全市一般公共预算支出…", "2. 市本级". */
const OUTLINE_YEAR =
  '^(?:（[一二三四五六七八九十0-9]{1,3}）|[一二三四五六七八九十]{1,3}、|[0-9]{1,2}[.、])?\\s*(?:20[0-9]{2}年度?[，,]?)?';
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
const FUND = /(财政拨款|一般公共预算|政府性基金|国有资本)/u;

/**
 * The fund named in the figure's own clause, else in the first clause of its sentence ("全区政府性基金上年
 * 结余 A 亿元，…，收入合计 B 亿元"), for the totals that name none themselves (both texts normalised).
 */
function fund(c: Amount, before: string, sentence: string): string {
  if (!UNFUNDED.has(c.subject.id)) return '';
  const clause = before.split(/[，；。：]/u).pop() ?? '';
  const head = sentence.split(/[，：]/u)[0] ?? '';
  return FUND.exec(clause)?.[1] ?? namedFund(clause) ?? FUND.exec(head)?.[1] ?? '';
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

/**
 * The items of the text's lists, each with the subject of its list's total ('' when the total names
 * none). A part of an unnamed total ("其中：国内公务接待费 6.50 万元") is not the subject's figure restated;
 * one listed under another subject's total ("“三公”经费支出决算 A 万元，其中：公务接待费 a 万元") is
 * that subject's own figure, and is compared with its other statements.
 */
function listedParts(claims: Claim[]): Map<AmountMention, string> {
  const out = new Map<AmountMention, string>();
  for (const c of claims) if (c.kind === 'list') for (const i of c.items) if (!out.has(i.amount)) out.set(i.amount, '');
  for (const c of claims)
    if (c.kind === 'list' && c.totalSubject)
      for (const i of c.items) if (out.get(i.amount) === '') out.set(i.amount, c.totalSubject.id);
  return out;
}

/**
 * Whether one statement's sentence also states the other's value as a figure of its own ("一般公共预算支出总计
 * 165720 万元…" and then "…一般公共预算支出 165720 万元，上解上级支出…，支出总计 188256 万元"): the text itself
 * names two aggregates with these two values, so the two names are not one figure written twice (the first
 * name may well mean the other aggregate) — not certain enough to say.
 */
function namedApart(a: Amount, b: Amount, simplify: (c: string) => string): boolean {
  const statesValueOf = (c: Amount, other: Amount) => {
    const n = normaliseText(c.para.text, simplify);
    return amountsIn(n).some(
      (m) =>
        m.start >= c.sentence.start &&
        m.end <= c.sentence.end &&
        m.start !== c.amount.start &&
        sameFigure(m, other.amount),
    );
  };
  return statesValueOf(a, b) || statesValueOf(b, a);
}

/** Normalised text, each string worked out once (a paragraph's text is read for each of its figures). */
function normalisedBy(simplify: (c: string) => string): (text: string) => string {
  const memo = new Map<string, string>();
  return (text) => {
    let out = memo.get(text);
    if (out === undefined) {
      out = normaliseText(text, simplify).text;
      memo.set(text, out);
    }
    return out;
  };
}

type Restated = { claim: Claim; finding: NarrativeRawFinding }[];

/** How the restated checks read the document: each paragraph's normalised text, the heading above it, the scopes paragraphs open. */
interface Frames {
  simplify: (c: string) => string;
  plain: (text: string) => string;
  headingAbove: (p: Paragraph) => string;
  opened: ReturnType<typeof openingScopes>;
}

/**
 * n.restated, every kind: a figure, a rate, a change stated twice with different values. The document's frames
 * (headings, opened scopes) are worked out once for the figure and the change checks.
 */
export function restatedAllFindings(
  claims: Claim[],
  paragraphs: readonly Paragraph[],
  simplify: (c: string) => string,
): Restated {
  const plain = normalisedBy(simplify);
  const headingAbove = headingsAbove(paragraphs, plain);
  const frames: Frames = {
    simplify,
    plain,
    headingAbove,
    opened: openingScopes(paragraphs, headingAbove, plain),
  };
  return [
    ...restatedFindings(claims, frames),
    ...restatedRateFindings(claims),
    ...restatedChangeFindings(claims, frames),
  ];
}

/** n.restated: the same figure (one subject, one role, one frame) stated twice with different values. */
function restatedFindings(claims: Claim[], { simplify, plain, headingAbove, opened }: Frames): Restated {
  // per frame, the first statement of each body the text names (a round-up states several bodies' 三公)
  const first = new Map<string, { owner: string; claim: Amount }[]>();
  const out: { claim: Claim; finding: NarrativeRawFinding }[] = [];
  const listed = listedParts(claims);
  for (const c of claims) {
    if (c.kind !== 'amount' || !REPEATED.has(c.subject.id)) continue;
    const of = listed.get(c.amount);
    if (of === '' || of === c.subject.id) continue;
    const key = `${c.subject.id}:${c.role}:${frame(c, headingAbove, opened, plain)}`;
    const owner = ownerAt(plain(c.para.text), c.amount.start);
    const stated = first.get(key) ?? [];
    // a figure naming no body, after figures of two bodies: whose it is (or a sum of theirs: 全局) is not certain
    if (owner === '' && new Set(stated.map((e) => e.owner)).size > 1) continue;
    const earlier = stated.find((e) => sameOwner(e.owner, owner))?.claim;
    if (!earlier) {
      first.set(key, [...stated, { owner, claim: c }]);
      continue;
    }
    if (sameFigure(earlier.amount, c.amount)) continue;
    // two cells of one table row are two columns ("公务接待费 | 3 | 7"), never one figure written twice
    if (earlier.para === c.para && c.para.text.includes('|')) continue;
    if (namedApart(earlier, c, simplify)) continue;
    out.push({
      claim: c,
      finding: finding(
        c,
        'narrative.restated',
        'restated',
        {
          subject: c.subject.label,
          role: c.role === 'budget' ? '预算数' : '决算数',
          actual: c.amount.text,
          expected: earlier.amount.text,
          earlier: earlier.para.id,
        },
        otherParas(c, [earlier.para]),
      ),
    });
  }
  return out;
}

type Yoy = Extract<Claim, { kind: 'yoy' }>;

/** A comparison's base year ("比 2020 年", "较 2020 年度的"): not the year the figure is stated for. */
const BASE_YEAR = /(?:与|较|比|相较于?|较之)(?:上年|去年)?20[0-9]{2}年度?/gu;

/**
 * The frame of a year-over-year change: the year its sentence states the figure for (comparison years
 * left out), the scope (全县 / 县本级), budget or outturn, and the fund section its paragraph heads.
 */
function changeFrame(
  c: Yoy,
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
  const year = [...before.matchAll(/(20[0-9]{2})年/gu)].map((m) => m[1]).pop() ?? '';
  const scope = [...before.matchAll(SCOPE)].map((m) => m[0]).pop() ?? opened(c.para) ?? '';
  // 一般公共预算 names a fund, not a budget
  const budget = /预算/u.test(before.replace(/一般公共预算|公共财政预算/gu, ''));
  const ownFund = UNFUNDED.has(c.subject.id) ? (FUND.exec(before)?.[1] ?? '') : '';
  return `${year}:${budget ? 'budget' : 'actual'}:${ownFund}:${scope}:${section(text)}`;
}

/**
 * n.restated for a change: one subject's change over the year before (one frame) stated twice with
 * different values ("“三公”经费决算数为 A 万元，比 2020 年减少 166.4 万元" and, paragraphs later, "2021 年
 * 县本级“三公”经费决算数比 2020 年增加 43 万元"). Comparisons with a budget, on an adjusted basis (同口径)
 * or of several subjects at once are left out; so is a change whose sentence names no year (which year it
 * is for is not certain).
 */
function restatedChangeFindings(claims: Claim[], { plain, opened }: Frames): Restated {
  // per frame, the first change stated for each body the text names (a round-up states several bodies' changes)
  const first = new Map<string, { owner: string; claim: Yoy }[]>();
  const out: { claim: Claim; finding: NarrativeRawFinding }[] = [];
  for (const c of claims) {
    if (c.kind !== 'yoy' || !c.subject || !REPEATED.has(c.subject.id)) continue;
    if (c.versusBudget || c.sameScope || c.pair || c.flat) continue;
    const frame = changeFrame(c, opened, plain);
    if (frame === undefined || frame.startsWith(':')) continue;
    const key = `${c.subject.id}:${frame}`;
    const owner = ownerAt(plain(c.para.text), c.change.start);
    const stated = first.get(key) ?? [];
    if (owner === '' && new Set(stated.map((e) => e.owner)).size > 1) continue;
    const earlier = stated.find((e) => sameOwner(e.owner, owner))?.claim;
    if (!earlier) {
      first.set(key, [...stated, { owner, claim: c }]);
      continue;
    }
    const zero = (x: Yoy) => x.change.value.isZero();
    // a change word left as the template's either-or ("减少（增加）") may be either: only the figure is compared
    const sameWay = earlier.changeWord === c.changeWord || earlier.eitherWay || c.eitherWay;
    if (sameFigure(earlier.change, c.change) && (sameWay || zero(c))) continue;
    const written = (x: Yoy) => `${x.changeWord === 'up' ? '增加' : '减少'} ${x.change.text}`;
    out.push({
      claim: c,
      finding: finding(
        c,
        'narrative.restated',
        'restated',
        {
          subject: c.subject.label,
          role: '比上年的变动',
          actual: written(c),
          expected: written(earlier),
          earlier: earlier.para.id,
        },
        otherParas(c, [earlier.para]),
      ),
    });
  }
  return out;
}

type Rate = Extract<Claim, { kind: 'rate' }>;

/**
 * n.restated: the same two figures' rate stated twice with two values ("33.82 亿元…为目标 33.23 亿元 101.78%"
 * and later "…33.82 亿元…为目标 33.23 亿元的 101.76%"). Each may be within its figures' rounding; one rate
 * of one pair of figures has one value all the same.
 */
function restatedRateFindings(claims: Claim[]): Restated {
  const first = new Map<string, Rate>();
  const out: { claim: Claim; finding: NarrativeRawFinding }[] = [];
  for (const c of claims) {
    if (c.kind !== 'rate' || !c.actual || !c.budget) continue;
    const key = `${inWan(c.actual).toFixed()}:${inWan(c.budget).toFixed()}`;
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, c);
      continue;
    }
    if (sameFigure(earlier.percent, c.percent)) continue;
    out.push({
      claim: c,
      finding: finding(
        c,
        'narrative.restated',
        'restated-rate',
        {
          actual: c.actual.text,
          budget: c.budget.text,
          stated: c.percent.text,
          expected: earlier.percent.text,
          earlier: earlier.para.id,
        },
        otherParas(c, [earlier.para]),
      ),
    });
  }
  return out;
}
