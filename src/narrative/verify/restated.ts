import { approx } from '../../money/interval.js';
import { type AmountMention, type Claim, mentionApprox, sameFigure, sameWritten } from '../claims.js';
import { amountsIn } from '../extract/mentions.js';
import { ownerAt } from '../extract/owner.js';
import type { Register, Statement } from '../register/build.js';
import { restatements } from '../register/check.js';
import { normaliseText } from '../text/normalise.js';
import { finding, otherParas } from './common.js';
import type { NarrativeRawFinding } from './types.js';
import type { Paragraph } from '../types.js';
import { allMatches } from '../../util/matches.js';

type Amount = Extract<Claim, { kind: 'amount' }>;
type Yoy = Extract<Claim, { kind: 'yoy' }>;
type Rate = Extract<Claim, { kind: 'rate' }>;

/**
 * Whether one statement's sentence also states the other's value as a figure of its own ("一般公共预算支出总计
 * 165720 万元…" and then "…一般公共预算支出 165720 万元，上解上级支出…，支出总计 188256 万元"): the text itself
 * names two aggregates with these two values, so the two names are not one figure written twice (the first
 * name may well mean the other aggregate) — not certain enough to say.
 */
function namedApart(a: Amount, b: Amount, simplify: (c: string) => string): boolean {
  const statesValueOf = (c: Amount, other: Amount) => {
    const n = normaliseText(c.para.text, simplify, c.para.roc);
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

/** Two claims of one sentence: one paragraph, no full stop between them in its normalised text (`plain`). */
function oneSentence(a: Claim, b: Claim, plain: (text: string) => string): boolean {
  if (a.para !== b.para) return false;
  const [first, second] = a.sentence.start <= b.sentence.start ? [a, b] : [b, a];
  return !/[。！？]/u.test(plain(first.para.text).slice(first.sentence.start, second.sentence.start));
}

/**
 * "全省…“三公”经费支出 T。其中，某厅“三公”经费支出 a": a body named under 其中 after a figure naming none is a part of
 * it (one body's figure of a round-up), not the total restated.
 */
function partBody(earlier: Amount, c: Amount, plain: (text: string) => string): boolean {
  if (earlier.para !== c.para || earlier.amount.start > c.amount.start) return false;
  const text = plain(c.para.text);
  return (
    ownerAt(text, earlier.amount.start) === '' &&
    ownerAt(text, c.amount.start) !== '' &&
    text.slice(earlier.amount.end, c.amount.start).includes('其中')
  );
}

type Restated = { claim: Claim; finding: NarrativeRawFinding }[];

/** n.restated, every kind: a figure, a rate, a change stated twice with different values, read off the document's register. */
export function restatedAllFindings(register: Register, simplify: (c: string) => string): Restated {
  return [
    ...restatedLevelFindings(register.levels, simplify, register.frames.plain),
    ...restatedRateFindings(register.rates),
    ...restatedChangeFindings(register.changes, register.frames.plain),
    ...restatedHeadlineFindings(register),
  ];
}

/** A subject's name followed by 总计 right before its figure ("财政拨款收入总计 A"): the total may add the opening balance. */
const GRAND_AFTER_NAME = /总计(?:为|是|共|达)?$/u;

/**
 * "（一）…其中：财政拨款收入 a" and "（三）本单位财政拨款收入总计 T": a 总计 may be the year's receipts with the balance carried
 * in from the year before (年初结转和结余), never less than the receipts — T ≥ a is two figures, T < a one of them wrong.
 */
function grandWithBalance(earlier: Amount, c: Amount, plain: (text: string) => string): boolean {
  if (earlier.subject.id !== 'fiscal-income') return false;
  const grand = (x: Amount) => GRAND_AFTER_NAME.test(plain(x.para.text).slice(0, x.amount.start));
  if (grand(earlier) === grand(c)) return false;
  const [total, part] = grand(earlier) ? [earlier, c] : [c, earlier];
  const [t, a] = [mentionApprox(total.amount), mentionApprox(part.amount)];
  return t.value.plus(t.radius).gte(a.value.minus(a.radius));
}

/** Whether two statements of one key meet: one value, or words that make them two figures after all. */
function levelsAgree(simplify: (c: string) => string, plain: (text: string) => string) {
  return (earlier: Amount, c: Amount) =>
    sameFigure(earlier.amount, c.amount) ||
    grandWithBalance(earlier, c, plain) ||
    // two cells of one table row are two columns ("公务接待费 | 3 | 7"), never one figure written twice
    (earlier.para === c.para && c.para.text.includes('|')) ||
    partBody(earlier, c, plain) ||
    namedApart(earlier, c, simplify);
}

/** n.restated: the same figure (one subject, one role, one frame) stated twice with different values. */
function restatedLevelFindings(
  levels: Statement<Amount>[],
  simplify: (c: string) => string,
  plain: (text: string) => string,
): Restated {
  const agree = levelsAgree(simplify, plain);
  const listed = new Map(levels.map((s) => [s.claim, s.listed === true]));
  // 财政拨款收入 is compared only between the unit's income listed by its sources and a statement of its own (its section's
  // total): two lists' parts, or two totals of their own lists, may be two scopes' or two examples' figures
  const apart = (earlier: Amount, c: Amount) =>
    earlier.subject.id === 'fiscal-income' && listed.get(earlier) === listed.get(c);
  return restatedLevels(levels, (earlier, c) => apart(earlier, c) || agree(earlier, c), 'narrative.restated');
}

/**
 * n.restated-named: a figure the catalog has no subject for, named alike twice in one frame (register/named.ts),
 * in two paragraphs, with two values — one paragraph naming one figure twice states two funds', two scopes' or two
 * bodies' ("全州一般公共预算收入 A…州本级一般公共预算收入 B", "…可用资金 A，加上上年结余 c，全年…可用资金 B").
 */
export function restatedNamedFindings(register: Register, simplify: (c: string) => string): Restated {
  const agree = levelsAgree(simplify, register.frames.plain);
  return restatedLevels(
    register.named,
    (earlier, c) =>
      oneSentence(earlier, c, register.frames.plain) || !slipOf(earlier.amount, c.amount) || agree(earlier, c),
    'narrative.restated-named',
  );
}

/** A figure as written, with its unit when it is an amount (a rate has none). */
type Slipped = Pick<AmountMention, 'text'> & { unit?: string };

/**
 * Whether two figures differ as one figure typed twice does: one unit, the decimal point in one place, and two
 * neighbouring digits swapped (45.09 and 45.90, 1,581,803 and 1,518,803 — of three significant digits or more) or one
 * digit changed (of four or more). Two figures of one name that differ otherwise (151 and 352.7, 5,200.00 and
 * 6,000.00, 218 and 286) are far likelier two areas', two funds' or two periods' figures the name does not tell apart.
 */
export function slipOf(a: Slipped, b: Slipped): boolean {
  // the digits as written (full-width digits read as digits, thousands separators aside)
  const written = (m: Slipped) => m.text.normalize('NFKC').replace(/[^0-9.]/gu, '');
  if (a.unit !== b.unit || written(a).indexOf('.') !== written(b).indexOf('.')) return false;
  // a swap across the decimal point (46.75 and 47.65) is a swap of neighbours too
  const x = written(a).replace('.', '');
  const y = written(b).replace('.', '');
  if (x.length !== y.length) return false;
  const at: number[] = [];
  for (let i = 0; i < x.length; i += 1) if (x[i] !== y[i]) at.push(i);
  // significant digits: the trailing zeros of a round figure are no digits one mistypes
  const significant = Math.min(x.replace(/0+$/u, '').length, y.replace(/0+$/u, '').length);
  const [i = 0, j = 0] = at;
  const swapped = at.length === 2 && j === i + 1 && x[i] === y[j] && x[j] === y[i];
  return (swapped && significant >= 3) || (at.length === 1 && significant >= 4);
}

function restatedLevels(
  levels: Statement<Amount>[],
  agree: (earlier: Amount, c: Amount) => boolean,
  check: 'narrative.restated' | 'narrative.restated-named',
): Restated {
  return restatements(levels, agree).map(({ earlier, later: c, role }) => ({
    claim: c,
    finding: finding(
      c,
      check,
      'restated',
      {
        subject: c.subject.label,
        // the key's role: a budget's part, or a figure its budget's heading frames ("（二）公务接待费支出 a" under
        // "…支出预算情况说明"), is a budget whatever its own claim's role
        role: (role ?? c.role) === 'budget' ? '预算数' : '决算数',
        actual: c.amount.text,
        expected: earlier.amount.text,
        earlier: earlier.para.id,
      },
      otherParas(c, [earlier.para]),
    ),
  }));
}

/**
 * n.restated for a change: one subject's change over the year before (one frame) stated twice with
 * different values ("“三公”经费决算数为 A 万元，比 2020 年减少 166.4 万元" and, paragraphs later, "2021 年
 * 县本级“三公”经费决算数比 2020 年增加 43 万元").
 */
function restatedChangeFindings(changes: Statement<Yoy>[], plain: (text: string) => string): Restated {
  const zero = (x: Yoy) => x.change.value.isZero();
  const agree = (earlier: Yoy, c: Yoy) => {
    // two changes of one subject in one sentence are two bodies' or two years' ("甲县…减少 a；乙县…减少 b"), never one restated
    if (oneSentence(earlier, c, plain)) return true;
    // a change word left as the template's either-or ("减少（增加）") may be either: only the figure is compared
    const sameWay = earlier.changeWord === c.changeWord || earlier.eitherWay || c.eitherWay;
    return sameFigure(earlier.change, c.change) && (sameWay || zero(c));
  };
  const written = (x: Yoy) => `${x.changeWord === 'up' ? '增加' : '减少'} ${x.change.text}`;
  return restatements(changes, agree).map(({ earlier, later: c }) => ({
    claim: c,
    finding: finding(
      c,
      'narrative.restated',
      'restated',
      {
        subject: c.subject?.label ?? '',
        role: '比上年的变动',
        actual: written(c),
        expected: written(earlier),
        earlier: earlier.para.id,
      },
      otherParas(c, [earlier.para]),
    ),
  }));
}

/**
 * n.restated: the same two figures' rate stated twice with two values ("33.82 亿元…为目标 33.23 亿元 101.78%"
 * and later "…33.82 亿元…为目标 33.23 亿元的 101.76%"). Each may be within its figures' rounding; one rate
 * of one pair of figures has one value all the same.
 */
function restatedRateFindings(rates: Statement<Rate>[]): Restated {
  const yardstick = new Map(rates.map((s) => [s.claim, s.yardstick]));
  return restatements(rates, (earlier, c) => sameFigure(earlier.percent, c.percent)).map(({ earlier, later: c }) => ({
    claim: c,
    finding: finding(
      c,
      'narrative.restated',
      'restated-rate',
      {
        actual: c.actual?.text ?? '',
        // (a yardstick named but not written: its name)
        budget: c.budget?.text ?? yardstick.get(c) ?? '',
        stated: c.percent.text,
        expected: earlier.percent.text,
        earlier: earlier.para.id,
      },
      otherParas(c, [earlier.para]),
    ),
  }));
}

/**
 * A headline's rate: a short line of its own with no money figure, ending in a change word and one rate ("政府采购支出
 * 下降 0.81%", "财政部晒出 2019 年预算 “三公”经费压缩 4.34%"), the comparison words before the change word let go
 * ("全国政府采购规模较上年下降 1.6%").
 */
const HEADLINE_RATE =
  /^(?<before>[^。，,；;%]{2,40}?)(?:较|比|与)?(?:上年|去年|上年同期|同期)?(?:相比)?(?<word>增长|增加|上升|下降|减少|压缩|下滑|降低)了?(?<rate>[0-9]+(?:\.[0-9]+)?)%$/u;
/** The change words of a rise, the others a fall. */
const UP_WORD = /^(?:增长|增加|上升)$/u;

/**
 * n.restated for a headline: a title or a heading line states a subject's rate of change ("政府采购支出下降 0.18%") and
 * the body states that subject's rate, the same way, with another value ("…规模为 A 亿元，比上年下降 C 亿元，降幅 0.81%")
 * — when no rate of the subject the body states that way agrees with it. The finding stands at the body's first such rate.
 */
function restatedHeadlineFindings(register: Register): Restated {
  const rated = register.comparisonsWithRate;
  const out: Restated = [];
  for (const para of register.paragraphs) {
    const text = register.frames.plain(para.text).trim();
    if (text.length > 48 || /[0-9](?:万元|亿元|元)/u.test(text)) continue;
    const m = HEADLINE_RATE.exec(text);
    if (!m?.groups) continue;
    const { before = '', word = '', rate = '' } = m.groups;
    const up = UP_WORD.test(word);
    const written = approx(rate, rate.split('.')[1]?.length ?? 0);
    const body = rated.filter(
      (c) =>
        c.para !== para && (c.rateWord === 'up') === up && c.subject?.names.some((n) => before.endsWith(n)) === true,
    );
    const first = body[0];
    if (!first?.rate || body.some((c) => c.rate && sameWritten(mentionApprox(c.rate), written))) continue;
    out.push({
      claim: first,
      finding: finding(
        first,
        'narrative.restated',
        'restated-headline',
        {
          subject: first.subject?.label ?? '',
          actual: first.rate.text,
          expected: `${rate}%`,
          earlier: para.id,
        },
        otherParas(first, [para]),
      ),
    });
  }
  return out;
}

/** A count as written: "23 个乡镇卫生院", "13 人", "5 辆" (the figure and its measure word). */
const COUNT = /^(?:个|家|所|名|人|辆|批次|人次|次|座|处)/u;
/** Money or a rate in a clause: its figures are n.restated's levels and rates, not counts. */
const NOT_COUNTS = /[0-9](?:\.[0-9]+)?\s*(?:万元|亿元|元|%|％)/u;
/** How long a clause's words must be (figures aside) before one written twice is one statement, not a common phrase. */
const MIN_WORDS = 16;

/**
 * n.restated for a count: one clause written word for word in two paragraphs, a count in it differing ("…包含了区计划
 * 生育服务站、3 个社区卫生服务中心和 23 个乡镇卫生院" and later "…和 25 个乡镇卫生院"). The words are long enough to be
 * one statement made twice (a short common phrase, "共有公务用车 5 辆", may be said of two years or two bodies), every
 * other figure in it is the same (its year too), and it states no money or rate.
 */
export function restatedCountFindings(
  paragraphs: readonly Paragraph[],
  claims: readonly Claim[],
  plain: (text: string) => string,
): Restated {
  const seen = new Map<string, { para: Paragraph; numbers: string[]; clause: string }>();
  const out: Restated = [];
  const reported = new Set<Paragraph>();
  for (const para of paragraphs) {
    const text = plain(para.text);
    if (text.includes('|')) continue;
    for (const clause of text.split(/[，,。；;：:！？!?（）()]/u)) {
      const numbers = [...allMatches(clause, /[0-9]+(?:\.[0-9]+)?/gu)];
      if (numbers.length === 0 || NOT_COUNTS.test(clause)) continue;
      const template = clause.replace(/[0-9]+(?:\.[0-9]+)?/gu, '#').replace(/\s+/gu, '');
      if (template.replace(/#/gu, '').length < MIN_WORDS) continue;
      const values = numbers.map((m) => m[0]);
      const earlier = seen.get(template);
      if (!earlier) {
        seen.set(template, { para, numbers: values, clause });
        continue;
      }
      if (earlier.para === para || reported.has(para)) continue;
      const differ = values.flatMap((v, k) => (v !== earlier.numbers[k] ? [k] : []));
      const [k] = differ;
      if (differ.length !== 1 || k === undefined) continue;
      const m = numbers[k] as RegExpMatchArray;
      const after = clause.slice((m.index ?? 0) + m[0].length).trimStart();
      if (!COUNT.test(after)) continue;
      const claim = claims.find((c) => c.para === para);
      if (!claim) continue;
      reported.add(para);
      out.push({
        claim,
        finding: finding(
          claim,
          'narrative.restated',
          'restated-count',
          { actual: clause.trim(), expected: earlier.clause.trim(), earlier: earlier.para.id, quote: clause.trim() },
          otherParas(claim, [earlier.para]),
        ),
      });
    }
  }
  return out;
}

/**
 * A count of a body's units written with the words that name them ("自治区本级 132 个部门单位"): at least four characters
 * before the figure, its measure word, at least two after.
 */
const CLAUSE_END = '，,。；;：:！？';
const COUNT_PHRASE = /(?<before>\p{Script=Han}{4,8})(?<n>[0-9]+)(?<measure>个|家|所)(?<noun>\p{Script=Han}{2,4})/gu;
/** What every COUNT_PHRASE holds: a figure right before its measure word. */
const COUNTED = /[0-9][个家所]/u;

/**
 * n.restated for a count stated three times or more: "…公开的自治区本级 132 个部门单位…", "…率先公开了自治区本级 132 个部门
 * 单位的…", then "自治区本级 123 个部门单位的…汇总数为 A": one count, named by the same words before and after it (the
 * same year in its clause, or none), stated twice alike before and once otherwise. Two statements alone may be two
 * years or two bodies' (a count differing once, with no value repeated before it, is not reported).
 */
export function restatedCountPhraseFindings(
  paragraphs: readonly Paragraph[],
  claims: readonly Claim[],
  plain: (text: string) => string,
): Restated {
  // per key: its first statement, how many times stated, the values written (a few): no rescan of earlier statements
  const seen = new Map<string, { first: { para: Paragraph; phrase: string }; count: number; values: Set<string> }>();
  const out: Restated = [];
  const reported = new Set<Paragraph>();
  // a paragraph's claim to stand at: its own, or one of the paragraph the extractor read it joined into (or in pieces)
  const anchor = (para: Paragraph) =>
    claims.find((c) => c.para === para) ??
    claims.find((c) => para.text.includes(c.para.text) || c.para.text.includes(para.text));
  for (const para of paragraphs) {
    const text = plain(para.text);
    if (text.includes('|')) continue;
    // (no figure right before 个, 家 or 所: COUNT_PHRASE, which tries its words at every character, finds nothing)
    if (!COUNTED.test(text)) continue;
    // the clauses once, with their offsets: a scan of the paragraph per figure was quadratic in a long paragraph
    const bounds: number[] = [];
    for (let i = 0; i < text.length; i++) if (CLAUSE_END.includes(text[i] as string)) bounds.push(i);
    const clauses = new Map<number, { clause: string; skip: boolean; years: string }>();
    let b = 0;
    for (const m of allMatches(text, COUNT_PHRASE)) {
      const g = m.groups as Record<string, string>;
      const at = m.index ?? 0;
      // the clause's years: a count of another year is another count
      while (b < bounds.length && (bounds[b] as number) < at) b++;
      const start = b > 0 ? (bounds[b - 1] as number) + 1 : 0;
      let read = clauses.get(start);
      if (!read) {
        const clause = text.slice(start, b < bounds.length ? bounds[b] : text.length);
        const skip = /比|较|增|减|新增|年初|年末|年底|其中|共有|以上|以下|超过|不足/u.test(clause);
        const years = skip
          ? ''
          : [...new Set([...allMatches(clause, /(?:19|20)[0-9]{2}(?=年)/gu)].map((y) => y[0]))].sort().join(',');
        read = { clause, skip, years };
        clauses.set(start, read);
      }
      // parallel items of one list ("一是对全市 9 个街道开展督查；二是对全市 9 个街道…；三是对全市 4 个街道…") are three counts
      if (read.skip || /^[一二三四五六七八九十]是/u.test(read.clause)) continue;
      const { clause, years } = read;
      const before = (g.before as string).slice(-4);
      const key = `${before}#${g.measure}${g.noun}@${years}`;
      const stated = seen.get(key);
      const phrase = `${g.before}${g.n}${g.measure}${g.noun}`;
      const [only] = stated?.values ?? [];
      if (stated && stated.count >= 2 && stated.values.size === 1 && only !== g.n && !reported.has(para)) {
        // the finding stands at the count's paragraph (as the extractor numbered it); it rides on a claim —
        // the paragraph's own, else the last one of the text (a paragraph of counts alone states no claim) — and
        // says nothing of that claim's own figures (the caller neither fails nor mutes it for this)
        const own = anchor(para);
        const carrier = own ?? claims[claims.length - 1];
        const earlier = stated.first;
        const earlierPara = anchor(earlier.para)?.para ?? earlier.para;
        const quote = clause.replace(/<[^<>]*>/gu, '').trim();
        if (carrier) {
          reported.add(para);
          const at: Claim = { ...carrier, para: own?.para ?? para, quote };
          out.push({
            claim: carrier,
            finding: finding(
              at,
              'narrative.restated',
              'restated-count',
              { actual: phrase, expected: earlier.phrase, earlier: earlierPara.id, quote },
              otherParas(at, [earlierPara]),
            ),
          });
        }
      }
      if (stated) {
        stated.count += 1;
        if (stated.values.size < 3) stated.values.add(g.n as string);
      } else seen.set(key, { first: { para, phrase }, count: 1, values: new Set([g.n as string]) });
    }
  }
  return out;
}
