import { Decimal } from 'decimal.js';
import { type AmountMention, type Claim, writtenUnit } from '../claims.js';
import { sourceSlice } from '../text/normalise.js';
import type { ParaClaims } from './across.js';
import { type ParaText, sentenceAt } from './para.js';
import { residueAt } from './residue-at.js';
import { allMatches } from '../../util/matches.js';

/** What a figure is followed by when it is an amount or a rate. */
const UNIT = '(?=\\s*(?:万元|亿元|千元|元|亿|%))';

/**
 * The ways a printed figure is damaged past reading, each with what the finding says of it; `needs`, what a text
 * must hold for the pattern to match at all (a paragraph without it is not scanned: the pattern's look-behind is
 * tried at every position).
 */
const DAMAGE: { pattern: RegExp; what: string; needs?: RegExp }[] = [
  // "34L5 亿元", "24d5.2 亿元": a letter between digits — a mistyped or misread digit
  { pattern: new RegExp(`(?<![A-Za-z0-9.])[0-9]+[A-Za-z][0-9]+(?:\\.[0-9]+)?${UNIT}`, 'gu'), what: '数字中夹有字母' },
  // "上涨 L3%": a letter shaped like a digit where a rate's first digit belongs — after a rate's word, any word or a
  // cell's bracket ("执行率得分（分）O76%"); a chemical's or a model's name has a letter before it ("CO2")
  {
    pattern: /(?<=\p{Script=Han}|）)[lLIOo][0-9]+(?:\.[0-9]+)?%/gu,
    what: '比率的首位写成了字母',
  },
  // "比上年减少 129 房屋贷款 3.96 万": words of another text put inside a change's figure — a bare number after the
  // change's word, words that are no counter or measure ("3 个项目", "2 辆", "100 平方米"), then the amount; the change
  // cannot be read
  {
    pattern:
      /(?<=(?:增加|减少|增长|下降|节约|节省|超支)了?)(?<![0-9.])[1-9][0-9]*(?![0-9.,])(?![个项人次名辆家所台套件处批间张条笔期届户座栋幢位级类种年月日天周倍成余多万亿元千百平米公吨亩场轮本部册起门宗单支份块只头匹株棵箱袋瓶桶车趟班组队%])\p{Script=Han}{2,8}?(?=[0-9]+(?:\.[0-9]+)?(?:万元|亿元|元|万|亿))/gu,
    what: '变动数中夹有无关文字，数字无法读出',
  },
  // "…的 .1 亿元": a figure opening with its decimal point right after a word — its integer digits lost
  { pattern: new RegExp(`(?<=[\\u4e00-\\u9fff])\\.[0-9]+${UNIT}`, 'gu'), what: '数字以小数点开头，整数部分缺失' },
  // "…收入完成 2543.亿": a figure ending in its decimal point right before its unit — its decimal digits lost
  { pattern: new RegExp(`(?<=[\\u4e00-\\u9fff])[0-9][0-9,]*\\.${UNIT}`, 'gu'), what: '数字以小数点结尾，小数部分缺失' },
  // "实现财政收入亿元，": the unit right after the word that states the amount, with no figure at all
  {
    pattern:
      /(?:收入|支出|预算|决算|经费|资金|合计|总计|共计|实现|完成|达到|安排|结余|结转|拨款)(?:为|是|达)?(?:万元|亿元)(?=[，。；、,;]|比|较|同比|与上年)/gu,
    what: '金额单位前没有数字',
  },
  // "一&#12289;部门基本情况", "决算=4773;况说明" (a soft line break before it), "核&=#24515;商圈": a character's numeric
  // entity left by a transcoding page — "&#" and its code, or "#" and a code of four or five digits and ";": the
  // character (a figure's digit or its word) is lost
  { pattern: /&#[0-9]{2,6}[;；]?|(?<![0-9A-Za-z])#[0-9]{4,5}[;；]/gu, what: '字符的网页实体编码残留，原字已丢失' },
  // "4.8\uFFFD74.2", "收入\uFFFD计": a replacement character a transcoding page left where it could not map one — the
  // character (a digit, a separator, a word) is lost; a run of them is one loss (a year's first digit: the next pattern)
  { pattern: /(?<!\uFFFD)\uFFFD+(?![0-9]{3}年)/gu, what: '转码留下的替换字符，原字已丢失' },
  // "?016 年": a year whose first digit a converting mirror replaced
  { pattern: /(?<![0-9])[?？\uFFFD][0-9]{3}(?=年)/gu, what: '年份的首位缺失' },
  // "（20251 在某县第十届人民代表大会第五次会议上）": the date of the meeting a report was given at, its 年, 月 and 日 lost and
  // its digits run together ("2025 年 1 月…日"); a date written whole ("2025 年 1 月 10 日在") is not read
  {
    pattern: /(?<![0-9])20[0-9]{2}(?:年[0-9]{1,4}|[0-9]{1,4})(?=在[^。；]{0,40}?(?:会议|大会))/gu,
    what: '会议日期的年、月、日缺失，数字连在一起',
  },
  // "2019 年发放 1819 年两年绩效奖": a year no report of 20XX can mean (before 1900 or after 2100) right after a year of
  // the 2000s in its sentence, framing the year's pay or funds ("18、19 年" run together); the cheap tests first
  // (no digit before, such a year and 年 after), the look back for the year of the 2000s only where they hold
  {
    pattern:
      /(?<![0-9.,])(?=(?:1[0-8]|2[1-9])[0-9]{2}年)(?<=(?<![0-9])20[0-9]{2}年[^。；]{0,30}?)(?:1[0-8][0-9]{2}|2[1-9][0-9]{2})(?=年(?:两|二|三|度|[^。；，]{0,8}?(?:绩效|奖|经费|工资|预算|决算|支出|收入|补助|补贴)))/gu,
    what: '年份不在 1900—2100 年之间，与句中的年份不符，似数字脱落或连写',
    needs: /(?<![0-9])20[0-9]{2}年/u,
  },
];

/**
 * n.figure-garbled: a printed figure no reader can take a value from — a letter among its digits ("34L5 亿元"), a
 * letter for a rate's first digit ("上涨 L3%"), a figure opening with its decimal point ("的 .1 亿元"), a unit with no
 * figure before it ("实现财政收入亿元，"), a year with its first digit replaced ("?016 年"). No figure is written so,
 * whatever the tables say: the text alone shows it, and a reprint or an edit damaged it. A blank left for a figure
 * with spaces ("为    万元") is the template's and n.template-residue's.
 */
export function garbledFigureClaims(paras: ParaClaims[]): Claim[] {
  const out: Claim[] = [...yearRunInClaims(paras)];
  for (const { p } of paras)
    for (const { pattern, what, needs } of DAMAGE) {
      if (needs && !needs.test(p.n.text)) continue;
      for (const m of allMatches(p.n.text, pattern)) {
        const span = { start: m.index, end: m.index + m[0].length };
        // a blank of spaces ("为    万元") is the template's own, read by n.template-residue
        if (/\s/u.test(sourceSlice(p.n, span.start, span.end))) continue;
        out.push(
          // quoted with the sentence it opens too: a "?" put for a digit ends a sentence of its own
          residueAt(p, span, { start: sentenceAt(p, span.start).start, end: sentenceAt(p, span.end).end }, () => ({
            residueId: 'figure-garbled',
            check: 'narrative.figure-garbled',
            text: what,
          })),
        );
      }
    }
  return out;
}

/**
 * A figure that opens with a year the text writes as a year, right after an amount or a comparison's word, its 年 and
 * its 与 lost: "394.85 万元 2014247.15 万元相比较" (与 2014 年 247.15 万元相比较), "186.42 万元比 201423.45 万元" (比 2014 年
 * 23.45 万元).
 */
const YEAR_RUN_IN = /(?<=万元|亿元|元|比|较|与)2,?0[0-9,]*(?:\.[0-9]+)?(?=万元|亿元|元)/gu;
/** The figure without its separators (a reprint may group the run-in digits): the year, then the amount after it. */
const YEAR_THEN_AMOUNT = /^(20[0-9]{2})([1-9][0-9]*(?:\.[0-9]+)?)$/u;
/** How many times the figure it is compared with the run-in figure is at least, and what follows stays within. */
const RUN_IN_RATIO = 100;
/** What follows a figure held against another: a comparison or a change. */
const COMPARED_AFTER = /^(?:万元|亿元|元)[^。；，]{0,10}?(?:相比|比较|增加|减少|增长|下降|持平)/u;

/**
 * n.figure-garbled: "2015 年…“三公”经费 394.85 万元 2014247.15 万元相比较增长 147.70 万元" — the figure read after the first
 * amount opens with a year the text writes elsewhere (2014 年) or the year before one it writes, is a hundred times the amount it is compared with, and
 * without the year (247.15) is of that amount's size: the year's 年 and the word 与 were lost, the two run into one
 * figure no reader can take.
 */
function yearRunInClaims(paras: ParaClaims[]): Claim[] {
  // the years the text writes, and the year before each (what a year's figure is compared with)
  const years = new Set(
    paras.flatMap(({ p }) =>
      [...allMatches(p.n.text, /(20[0-9]{2})年/gu)].flatMap((m) => [m[1], String(Number(m[1]) - 1)]),
    ),
  );
  const out: Claim[] = [];
  for (const { p } of paras)
    for (const run of allMatches(p.n.text, YEAR_RUN_IN)) {
      const m = YEAR_THEN_AMOUNT.exec(run[0].replace(/,/gu, ''));
      if (!m || !years.has(m[1] as string)) continue;
      const end = run.index + run[0].length;
      const before = lastAmountBefore(p, run.index);
      if (
        !before ||
        before.value.isZero() ||
        writtenUnit(before) !== before.unit ||
        !p.n.text.startsWith(before.unit, end)
      )
        continue;
      if (!COMPARED_AFTER.test(p.n.text.slice(end)) && !/[比较与]$/u.test(p.n.text.slice(0, run.index))) continue;
      const whole = new Decimal(m[0]);
      const rest = new Decimal(m[2] as string);
      const bound = before.value.times(RUN_IN_RATIO);
      if (whole.lt(bound) || rest.gt(bound)) continue;
      if (changeConfirms(p, end, before, rest)) continue;
      const span = { start: run.index, end };
      out.push(
        residueAt(p, span, sentenceAt(p, span.start), () => ({
          residueId: 'figure-garbled',
          check: 'narrative.figure-garbled',
          text: `数字以文中的年份「${m[1]}」开头，比所比较的 ${before.text} 大百倍以上，似漏了“年”字和比较词`,
        })),
      );
    }
  return out;
}

/** From the run-in figure's unit to the change stated after it in its clause: "万元相比较增长", "万元决算支出增加". */
const CHANGE_BEFORE = /^(?:万元|亿元|元)[^。；，]{0,12}?(?:增加|减少|增长|下降)了?$/u;

/**
 * "394.85 万元 2014247.15 万元相比较增长 147.70 万元": the change the clause states is the compared amount less the figure
 * without its year (394.85 − 247.15), to the last decimal written. The text itself then reads the run-in figure as the
 * year and that amount, and its numbers agree: a 年 lost in a reprint, no figure left unread.
 */
function changeConfirms(p: ParaText, end: number, before: AmountMention, rest: Decimal): boolean {
  const sentence = sentenceAt(p, end);
  const change = p.amounts.find(
    (a) => a.start >= end && a.end <= sentence.end && CHANGE_BEFORE.test(p.n.text.slice(end, a.start)),
  );
  if (!change || writtenUnit(change) !== before.unit || change.unit !== before.unit) return false;
  const unit = new Decimal(10).pow(-Math.max(before.decimals, change.decimals));
  return before.value.minus(rest).abs().minus(change.value).abs().lte(unit);
}

/** The last amount that ends before `at` within its sentence. */
function lastAmountBefore(p: ParaText, at: number) {
  const sentence = sentenceAt(p, at);
  return p.amounts.filter((a) => a.start >= sentence.start && a.end <= at).pop();
}
