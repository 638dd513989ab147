import { Decimal } from 'decimal.js';
import { radiusFor } from '../../money/interval.js';
import { type Claim, mentionApprox, writtenUnit } from '../claims.js';
import { flowOf } from '../extract/lists.js';
import { finding, fixed, otherParas } from './common.js';
import type { NarrativeRawFinding } from './types.js';
import type { Paragraph } from '../types.js';
import { allMatches } from '../../util/matches.js';

type Share = Extract<Claim, { kind: 'share' }>;

/** What follows a whole's name after 占 before the percentage: "的", "的比重为", "比例为", "比" (占比). */
const WHOLE_TAIL = /(?:的)?(?:比重|比例|占比|比)?(?:为|是|达|约为)?$/u;

/**
 * Wholes each part's percentage is of its own figure, or of no one figure: a budget or plan (an execution rate), a
 * change, the year before, the time's progress; a whole relative to each part ("占同类产品采购规模的 p%": each
 * part's own class).
 */
const NOT_ONE_WHOLE = /增|减|变动|差额|上年|同期|计划|目标|任务|进度|时间|序时|同类|同级|相应|各自|本类/u;
const OWN_BUDGET = /^(?:[0-9]{4}年度?)?(?:调整后?的?|年初|全年|当年|本年|年度)?预算数?$/u;

/** A whole that is a sum of money of one kind (a 收入/支出/预算 total, a 规模, an amount): not a place or a GDP. */
const MONEY_WHOLE = /收入|支出|预算|决算|规模|总额|总数|金额|合计|总计|资金|经费|采购|拨款/u;

function wholeText(s: Share): string | undefined {
  const w = s.whole;
  const text = 'unknown' in w ? w.unknown : 'subject' in w ? w.text : undefined;
  return text?.replace(WHOLE_TAIL, '');
}

/** The whole a share implies, part ÷ percentage, over every value the part's and the percentage's roundings allow. */
function implied(s: Share): { low: Decimal; high: Decimal } | undefined {
  const part = mentionApprox(s.part);
  const r = radiusFor(s.percent.decimals);
  const pLow = part.value.minus(part.radius);
  const sLow = s.percent.value.minus(r);
  if (pLow.lte(0) || sLow.lte(0) || s.percent.value.gt(100)) return undefined;
  return {
    low: pLow.mul(100).div(s.percent.value.plus(r)),
    high: part.value.plus(part.radius).mul(100).div(sLow),
  };
}

/** The whole a share implies, shown in its part's unit ("1588.44亿元"). */
function wholeShown(s: Share): string {
  const inWan = mentionApprox(s.part).value.mul(100).div(s.percent.value);
  const unit = writtenUnit(s.part);
  const value = unit === '亿元' ? inWan.div(10000) : unit === '元' ? inWan.mul(10000) : inWan;
  return `${fixed(value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP))}${unit}`;
}

function meet(xs: { low: Decimal; high: Decimal }[]): { low: Decimal; high: Decimal } | undefined {
  if (xs.length === 0) return undefined;
  const low = Decimal.max(...xs.map((x) => x.low));
  const high = Decimal.min(...xs.map((x) => x.high));
  return low.lte(high) ? { low, high } : undefined;
}

const YEAR = /(?:19|20)[0-9]{2}(?=年)/gu;

/** The paragraph's text as the extractor read it (the claims' positions are in it). */
type TextOf = (para: Paragraph) => string;

/** The years a share's sentence names before its percentage. */
function yearsOf(s: Share, textOf: TextOf): string[] {
  return [...allMatches(textOf(s.para).slice(s.sentence.start, s.percent.start), YEAR)].map((m) => m[0]);
}

/**
 * The groups of shares of one whole that the text states nowhere: each share's own paragraph for "占比" and the like
 * (no whole named), shares naming the same whole in one paragraph or in paragraphs one right after another (a list
 * written one item a paragraph: "（一）教育支出…占支出总预算 p%" …). Of unnamed wholes, the next share must open a clause
 * group of its own (after ；or 。: an item beside the last, not its part "，增值税 b，占比 q%"), and a 其中/含 between
 * (a part of a part, whose share may be of that part) ends the group.
 */
function groups(shares: Share[], textOf: TextOf, parasBetween: Between = () => undefined): Share[][] {
  const ordered = [...shares].sort((a, b) => a.para.n - b.para.n || a.percent.start - b.percent.start);
  const out: Share[][] = [];
  const open = new Map<string, Share[]>();
  for (const s of ordered) {
    const text = wholeText(s);
    if (text === undefined) continue;
    const key = text;
    const run = open.get(key);
    const last = run?.[run.length - 1];
    const between = last && last.para === s.para ? textOf(s.para).slice(last.percent.end, s.part.start) : '';
    const joins =
      run !== undefined &&
      last !== undefined &&
      (text === ''
        ? last.para === s.para && /[；。]/u.test(between) && !/其中|含|包括/u.test(between)
        : last.para === s.para || s.para.n === last.para.n + 1 || siblings(last.para, s.para, textOf, parasBetween));
    if (joins) run.push(s);
    else {
      if (run && run.length > 1) out.push(run);
      open.set(key, [s]);
    }
  }
  for (const run of open.values()) if (run.length > 1) out.push(run);
  return out;
}

/** The paragraphs strictly between two (by number), when known. */
type Between = (from: Paragraph, to: Paragraph) => Paragraph[] | undefined;

/** How deep an outline mark opens a paragraph: 一、 1, （一） 2, 1. 3, （1） 4; none undefined. */
function outlineRank(text: string): number | undefined {
  const t = text.trimStart();
  if (/^[一二三四五六七八九十]{1,3}[、．.]/u.test(t)) return 1;
  if (/^[（(][一二三四五六七八九十]{1,3}[）)]/u.test(t)) return 2;
  if (/^[0-9]{1,2}(?:[、．]|\.(?![0-9]))/u.test(t)) return 3;
  if (/^[（(][0-9]{1,2}[）)]/u.test(t)) return 4;
  return undefined;
}

/** How many paragraphs apart two outline siblings may be. */
const SIBLING_REACH = 12;

/**
 * "（一）基本支出 a，占支出总预算 p%。其中：" — "1. 工资福利支出 …" … — "（二）项目支出 b，占支出总预算 q%": two paragraphs opening
 * with marks of one outline level, every paragraph between them deeper in the outline (or unmarked), are items of one
 * list, and the whole their shares name alike is one.
 */
function siblings(a: Paragraph, b: Paragraph, textOf: TextOf, between: Between): boolean {
  if (b.n - a.n > SIBLING_REACH) return false;
  const rank = outlineRank(textOf(a));
  if (rank === undefined || outlineRank(textOf(b)) !== rank) return false;
  const mid = between(a, b);
  return mid?.every((p) => ((r) => r === undefined || r > rank)(outlineRank(textOf(p)))) === true;
}

/**
 * "…分别发行第一批和第二批债券 216 亿元和 101.5 亿元，我市分别争取 a、b，分别占全区发行总额度的 p% 和 q%": the
 * sentence pairs the shares with wholes it wrote, one each ("分别 … A 和 B" before the parts) — two wholes under one name.
 */
const PAIRED_WHOLES = /分别[^。；]*?[0-9][0-9,.]*(?:万元|亿元|元)?[和、及与][0-9][0-9,.]*(?:万元|亿元|元)/u;

function pairedWholesBefore(group: readonly Share[], textOf: TextOf): boolean {
  const first = group[0] as Share;
  if (!group.every((s) => s.para === first.para && s.sentence.start === first.sentence.start)) return false;
  const parts = Math.min(...group.map((s) => s.part.start));
  return PAIRED_WHOLES.test(textOf(first.para).slice(first.sentence.start, parts));
}

/**
 * n.share: shares of one whole the text does not state ("货物、工程、服务…分别为 a、b、c，分别占采购规模的 p%、q%、r%";
 * "税收收入 a，占比 p%。非税收入 b，占比 q%"; "（一）…类 a 元，占支出总预算 p%" paragraph after paragraph) each say
 * what the whole is, part ÷ percentage within both roundings; they must all allow one whole. When all but one agree
 * the one that does not is reported with the share the others give it; two that disagree are reported together.
 */
export function impliedWholeFindings(
  claims: Claim[],
  unverified: Set<Claim>,
  textOf: TextOf,
  /** Whether a share was found wrong already (its own check, or a share-sum of its group). */
  wrong: (claim: Claim) => boolean = () => false,
  between: Between = () => undefined,
): { claim: Claim; finding: NarrativeRawFinding }[] {
  const shares = claims.filter(
    (c): c is Share =>
      c.kind === 'share' &&
      unverified.has(c) &&
      !c.partSumOf &&
      // a budget's part is of a whole named a budget too ("基本支出预算 a，占支出总预算 p%"), not of an outturn
      (c.partBudget !== true || /预算/u.test(wholeText(c) ?? '')),
  );
  const out: { claim: Claim; finding: NarrativeRawFinding }[] = [];
  for (const group of groups(shares, textOf, between)) {
    const text = wholeText(group[0] as Share) ?? '';
    if (group.some(wrong)) continue;
    if (NOT_ONE_WHOLE.test(text) || OWN_BUDGET.test(text)) continue;
    if (pairedWholesBefore(group, textOf)) continue;
    if (text !== '' && !MONEY_WHOLE.test(text)) continue;
    // one year, or none, named before the percentages: two years' shares are of two years' wholes
    if (new Set(group.flatMap((s) => yearsOf(s, textOf))).size > 1) continue;
    // an unnamed whole: the parts are of one flow (收入 or 支出), named in their sentences before them (or in the clauses
    // right before, where a sentence opens with the figure: "…收入当月完成 a；累计完成 b，占比 p%") — or, where none is
    // named, all in one sentence
    if (text === '') {
      const flows = group.map((s) => {
        const text = textOf(s.para);
        return (
          flowOf(text.slice(s.sentence.start, s.part.start)) ??
          flowOf(text.slice(Math.max(0, s.part.start - 30), s.part.start))
        );
      });
      const oneSentence = group.every((s) => s.sentence.start === (group[0] as Share).sentence.start);
      if (flows.some((f) => f === undefined) ? !oneSentence : new Set(flows).size > 1) continue;
    }
    const bounds = group.map(implied);
    if (bounds.some((b) => b === undefined)) continue;
    const all = bounds as { low: Decimal; high: Decimal }[];
    if (meet(all)) continue;
    // the one share whose leaving out lets the others agree
    const odd = all.flatMap((_, i) => (meet(all.filter((_, j) => j !== i)) ? [i] : []));
    const name = text ? `「${text}」` : '同一总数';
    if (group.length > 2 && odd.length === 1) {
      const i = odd[0] as number;
      const s = group[i] as Share;
      const rest = meet(all.filter((_, j) => j !== i)) as { low: Decimal; high: Decimal };
      const whole = rest.low.plus(rest.high).div(2);
      const computed = mentionApprox(s.part).value.mul(100).div(whole);
      out.push({
        claim: s,
        finding: finding(
          s,
          'narrative.share',
          'share-implied-whole',
          {
            part: s.part.text,
            whole: name,
            stated: s.percent.text,
            others: group
              .filter((_, j) => j !== i)
              .map((x) => `${x.part.text} 占 ${x.percent.text}`)
              .join('，'),
            computed: `${fixed(computed.toDecimalPlaces(s.percent.decimals + 2, Decimal.ROUND_HALF_UP))}%`,
          },
          otherParas(
            s,
            group.map((x) => x.para),
          ),
        ),
      });
      continue;
    }
    if (group.length !== 2) continue;
    const [a, b] = group as [Share, Share];
    const aWhole = (all[0] as { low: Decimal; high: Decimal }).low.plus((all[0] as { high: Decimal }).high).div(2);
    const computed = mentionApprox(b.part).value.mul(100).div(aWhole);
    out.push({
      claim: b,
      finding: finding(
        b,
        'narrative.share',
        'share-implied-whole-pair',
        {
          whole: name,
          first: `${a.part.text} 占 ${a.percent.text}`,
          second: `${b.part.text} 占 ${b.percent.text}`,
          firstWhole: wholeShown(a),
          secondWhole: wholeShown(b),
          stated: b.percent.text,
          computed: `${fixed(computed.toDecimalPlaces(b.percent.decimals + 2, Decimal.ROUND_HALF_UP))}%`,
        },
        otherParas(b, [a.para]),
      ),
    });
  }
  return out;
}
