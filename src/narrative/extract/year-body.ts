import { type AmountMention, type Claim, type Span, significantDigits, writtenUnit } from '../claims.js';
import { sourceSlice } from '../text/normalise.js';
import type { ParaClaims } from './across.js';
import { place, sentenceAt } from './para.js';
import { residueAt } from './residue-at.js';
import { bodyYear, FRAMED, reportYear, TITLE, TITLE_LINES } from './year.js';
import { bulletinYearClaims, leadInYearClaims, sectionOpeningClaims } from './year-section.js';
import { impliedYearClaims } from './year-implied.js';
import { restatedYearClaims } from './year-restated.js';
import { selfYearClaims } from './year-self.js';
import { allMatches } from '../../util/matches.js';

/**
 * The report's year for body lines: the dominant "20XX 年度" (year.ts), else the one year of the title line
 * ("某幼儿园 2021 年度部门决算情况说明"). Either way a body line writing another year for the same
 * statement contradicts it.
 */
export function yearOfReport(paras: ParaClaims[], report = reportYear(paras)): string | undefined {
  return (
    report ??
    accountsTitleYear(paras) ??
    headingsYear(paras) ??
    totalsYear(paras) ??
    // a budget's title ("某幼儿园 2020 年部门预算编制说明") when nothing else gives the year: its body may write
    // the year only once or twice
    titleYear(paras, /预算/u) ??
    // a text cut from a report's middle: the one heading naming its accounts, or the year whose work it says was done
    headingsYear(paras, 1) ??
    workDoneYear(paras)
  );
}

/** A heading of the year's work done: "（二）2017 年重点工作完成情况", "三、2023 年度主要工作完成情况". */
const WORK_DONE = /^[^。；，0-9]{0,8}?(20[0-9]{2})年度?(?:重点|主要)?工作(?:完成|开展)情况[。]?$/u;

/**
 * A 决算's text (it names 决算, and its first lines and part headings no 预算) whose only clue to its year is a heading of the
 * year's work done ("（二）2017 年重点工作完成情况"): a year's accounts tell that year's work, done — a budget might tell the
 * year before's work, so a text that names 预算 in its opening or as its kind is not read so.
 */
function workDoneYear(paras: ParaClaims[]): string | undefined {
  if (!paras.some((pc) => /决算/u.test(pc.p.n.text)) || reportKindOf(paras) === '预算') return undefined;
  const opening = paras
    .slice(0, TITLE_LINES)
    .map((pc) => pc.p.n.text)
    .join('')
    .replace(FUND_NAME, '');
  if (opening.includes('预算')) return undefined;
  const years = new Set(
    paras.flatMap((pc) => {
      const m = WORK_DONE.exec(pc.p.n.text.trim());
      return m ? [m[1] as string] : [];
    }),
  );
  return years.size === 1 ? [...years][0] : undefined;
}

/**
 * The one year of a title naming 决算 — unless the body's own lines frame another year at least twice and none else
 * (bodyYear: "2024 年度决算编制的主体为…""2024 年度收入总计…" under "某馆 2023 年度部门决算公开说明"): then the title is what
 * n.year-heading holds against the body, and the body's year is the report's.
 */
function accountsTitleYear(paras: ParaClaims[]): string | undefined {
  const titled = titleYear(paras, /决算/u);
  const body = titled ? bodyYear(paras) : undefined;
  return body ?? titled;
}

/** A short line naming a year's accounts: "第二部分 2022 年度部门决算表", "某局 2022 年度部门决算公开说明". */
const ACCOUNTS_HEADING = /(20[0-9]{2})年度?(?:部门|单位)?决算/gu;
const HEADING_LENGTH = 40;

/**
 * A text whose title is not among its first lines (a 目录 first) and whose body writes its year too seldom to
 * dominate: the year its headings give its accounts ("第二部分 2022 年度部门决算表 … 第三部分 2022 年度部门决算情况
 * 说明"), when at least two headings name one year and none another.
 */
function headingsYear(paras: ParaClaims[], least = 2): string | undefined {
  const years = paras
    .filter((pc) => pc.p.n.text.trim().length <= HEADING_LENGTH)
    .flatMap((pc) => [...allMatches(pc.p.n.text, ACCOUNTS_HEADING)].map((m) => m[1] as string));
  return years.length >= least && new Set(years).size === 1 ? years[0] : undefined;
}

/** "2022 年度收入总计 A 万元，支出总计 A 万元": the year the department's own totals are stated for. */
const TOTALS_YEAR =
  /(?<![与较比于至到—\-~～、和及0-9])(20[0-9]{2})年度?(?:本年)?(?:收入|支出|收、支|收支)(?:总计|合计)/gu;

/**
 * A short text without a title or a dominant year: the year its totals are stated for, when they are stated
 * for one year only (a text that states the year before's totals too, "2022 年度收入总计 B", names two).
 */
function totalsYear(paras: ParaClaims[]): string | undefined {
  const years = new Set(paras.flatMap((pc) => [...allMatches(pc.p.n.text, TOTALS_YEAR)].map((m) => m[1] as string)));
  return years.size === 1 ? [...years][0] : undefined;
}

/** The one year of the title line ("某幼儿园 2021 年度部门决算情况说明") among the first lines, when it says `about`. */
function titleYear(paras: ParaClaims[], about = /./u): string | undefined {
  const title = paras.slice(0, TITLE_LINES).find((pc) => TITLE.test(pc.p.n.text) && about.test(pc.p.n.text));
  const years = new Set((title ? allMatches(title.p.n.text, /(20[0-9]{2})年度?/gu) : []).map((m) => m[1]));
  return years.size === 1 ? [...years][0] : undefined;
}

/** The kind of report the title line names (预算 or 决算), when it names one of them only. */
function titleKind(paras: ParaClaims[]): string | undefined {
  const title = paras.slice(0, TITLE_LINES).find((pc) => TITLE.test(pc.p.n.text));
  const kinds = new Set(title?.p.n.text.match(/预算|决算/gu));
  return kinds.size === 1 ? [...kinds][0] : undefined;
}

/** A part's heading naming the department's budget or accounts: "第二部分 2025 年部门预算表", "第三部分 2022 年度部门决算情况说明". */
const PART_KIND = /^第[一二三四五六七八九十]+部分[^。；，]{0,8}?20[0-9]{2}年度?(?:部门|单位)(预算|决算)/u;

/**
 * The kind of report: its title's, else — a text cut from the middle of a report, its title gone — the one kind its
 * part headings name ("第二部分 2025 年部门预算表 … 第三部分 2025 年部门预算情况说明"), when they name one only.
 */
function reportKindOf(paras: ParaClaims[]): string | undefined {
  const titled = titleKind(paras);
  if (titled) return titled;
  const kinds = new Set(paras.flatMap((pc) => PART_KIND.exec(pc.p.n.text.trim())?.[1] ?? []));
  return kinds.size === 1 ? [...kinds][0] : undefined;
}

/**
 * Phrases that can only name the report's own year, each with why: "纳入本部门 2020 年度决算编制的二级预算单位"
 * (the scope of this report's accounts); "现将本单位 2021 年度部门决算公开如下" (the accounts this text
 * presents; a document cited before it, 《关于 2021 年度…的通知》, is another sentence's); "2015 年…同比下降的
 * 原因主要是" (the reason for a change this report states, written with an earlier year: last year's line
 * left in — a year compared with, 与 2019 年相比, or a period, 2019 年以来, is no frame).
 */
const OWN_YEAR: {
  pattern: RegExp;
  why: string;
  earlierOnly?: boolean;
  published?: boolean;
  kind?: boolean;
  cover?: boolean;
  accounts?: boolean;
  /** Not read for a year whose 决算 the text names ("2021 年全州和州本级财政决算及 2022 年上半年…"): that year's own. */
  namedAccounts?: boolean;
  /** Not read in a paragraph that writes the report's year so too: two years set side by side ("2022 年本年…，2023 年本年…"). */
  beside?: boolean;
  /** Not read in a budget's text (its title or its part headings name 预算). */
  notBudget?: boolean;
  /** Read only in a 决算's text: its first lines name 决算 and no 预算, or its title or part headings name 决算 alone. */
  ofAccounts?: boolean;
  /** Not read where the text writes the same phrase with the report's year too: the year before set beside it. */
  alone?: boolean;
}[] = [
  {
    // "今天，某局公布 2012 年“三公经费”预算…" over "某局 2013 年“三公经费”预算情况的说明": what a text says it
    // publishes (公布/公开/发布/晒出 its year's 预算 or 决算) is the report itself, when it is the title's kind — not a
    // figure the text compares with (公布的 2021 年决算数), a time (公开 2021 年度决算时) or one of two years published
    pattern:
      /(?:公布|公开|发布|晒出)(?!的)了?[^。；，0-9]{0,20}?(?<![与较比和及至到—\-~～、0-9])((20[0-9]{2})年度?)(?![同末底初月日0-9]|以来|相比|比较|前|后|起)[^。；，0-9]{0,16}?(预算|决算)(?!数|时|后|以来|中|工作|执行|调整|草案)/dgu,
    why: '公开的预算或决算',
    kind: true,
  },
  {
    // "2021 年度某局部门决算 公开时间：2021 年 9 月 19 日": a year's 决算 is published after the year ends, so its
    // 公开时间 (发布日期) cannot be in that year or before — the template's date left from an earlier report
    pattern: /决算[^。；]{0,40}?(?:公开|发布)(?:时间|日期)[：:]?((20[0-9]{2})年)[0-9]{1,2}月/dgu,
    why: '决算的公开时间不会早于次年',
    published: true,
  },
  {
    // the cover of a 决算 ("某局 / 2023 年度部门决算 / 2023 年 8 月"): a line that is only a date, among the title lines
    // of a text whose title names 决算 alone — the date it was issued, which cannot be within the year it reports
    pattern: /^((20[0-9]{2})年)(?:1[0-2]|0?[1-9])月(?:(?:[12][0-9]|3[01]|0?[1-9])日)?$/dgu,
    why: '决算的公开时间不会早于次年',
    published: true,
    cover: true,
  },
  {
    // "2022 年区本级…安排的因公出国（境）2 个团组 9 人次；公务用车购置 4 辆…" in the accounts of 2023: the counts of
    // what the money bought (团组, 人次, 辆, 批次) beside a year's 三公 accounts are that year's, an earlier year written
    // there (a sentence of its own, comparing with nothing) is last year's line left — read in a 决算's text only
    pattern:
      /(?:^|[。；])((20[0-9]{2})年度?)(?![同末底初月日0-9]|以来|相比|比较|前|后|起)(?:(?!上年|去年|同比|[比较与])[^。；0-9]){0,30}?(?:因公出国|公务用车|公务接待)(?:(?!上年|去年|同比|[比较与])[^。；0-9]){0,30}?[0-9]+(?:个团组|人次|辆|批次)(?:(?!上年|去年|同比|[比较与])[^。；])*(?=[。；]|$)/dgu,
    why: '本年“三公”经费的团组、车辆和接待批次',
    earlierOnly: true,
    accounts: true,
  },
  {
    // "2019 年本年支出 A 万元中，财政拨款支出 a 万元…" in the accounts of 2018: 本年 is the report's own year, so the year
    // written right before it can only be that one — earlier or later (not a base, 与 2019 年本年…, nor a range)
    pattern:
      /(?<![与较比于至到—\-~～、和及0-9])((20[0-9]{2})年度?)(?=本年度?(?:收入|支出|收支|财政拨款|一般公共预算))/dgu,
    why: '“本年”即报告年度',
    beside: true,
  },
  {
    // "纳入本部门 2020 年度决算编制的单位", "纳入某县某某局 2022 年度部门决算范围的单位": the unit's name may be long
    pattern: /纳入[^。；，0-9]{0,40}?((20[0-9]{2})年度?)[^。；，0-9]{0,6}?决算(?:编制|编报|范围)/dgu,
    why: '决算编制范围',
  },
  {
    // "为 2020 年决算编制范围内", "某幼儿园 2017 年部门决算汇总公开单位构成包括…", "2021 年度部门决算汇编范围": the scope
    // of this report's accounts without 纳入 — not one compared with (与 2020 年决算编制范围相比), read in a 决算's text
    pattern:
      /(?<![与较比于至到—\-~～、和及0-9])((20[0-9]{2})年度?)(?:部门|单位)?决算(?:汇总|合并)?(?:编制|编报|汇编)?(?:公开)?(?:范围|单位构成)(?![^。；，]{0,6}?(?:相比|比较|变化|调整))/dgu,
    why: '决算编制范围',
    notBudget: true,
  },
  {
    // "本部门 2020 年度决算编制时无独立核算的二级预算单位", "2016 年度我会决算编制单位 4 个", "本单位为 2022 年度决算编制的二级预算
    // 单位", "2020 年度决算编制的主体为某馆": the compiling of this report's accounts (单位构成) — not one compared with (与 2020
    // 年度决算编制单位相比), a document's name (《关于做好 2021 年度部门决算编制工作的通知》) or the work of compiling (决算编制工作)
    pattern:
      /(?<![与较比于至到—\-~～、和及《0-9])((20[0-9]{2})年度?)(?:本部门|本单位|我会|我单位|我部门|我局|我院|我校|我委|我办|我中心)?的?(?:部门|单位)?决算编制(?:时|单位|的|主体)(?![^。；，]{0,10}?(?:相比|比较|变化|调整))/dgu,
    why: '决算编制单位',
    notBudget: true,
  },
  {
    // "纳入 2020 年部门预算编报的单位共 1 个", "纳入某办公室 2024 年度部门预算范围的单位" in a 2021 (2025) budget: the scope
    // of this budget, read only in a budget's text
    pattern: /纳入[^。；，0-9]{0,40}?((20[0-9]{2})年度?)[^。；，0-9]{0,6}?(预算)(?:编制|编报|范围)/dgu,
    why: '预算编制范围',
    kind: true,
  },
  {
    pattern:
      /现(?:将|就)[^。；《]{0,30}?(?<![与较比和及至到—\-~～、0-9])((20[0-9]{2})年度?)[^。；，《]{0,12}?决算[^。；《]{0,16}?如下/dgu,
    why: '公开的决算',
  },
  {
    pattern:
      /(?<![与较比于至到—\-~～、和及0-9])((20[0-9]{2})年度?)(?![同末底初月日0-9]|以来|相比|比较|前|后|起)[^。；0-9]{0,30}?(?:同比|比上年|较上年)(?:增加|减少|增长|下降|上升|降低)的?(?:主要)?原因/dgu,
    why: '变动原因',
    earlierOnly: true,
  },
  {
    // "2022 年“三公”经费…支出决算为 A 万元，完成预算 100%，较上年增加 C 万元" in a 2023 report: a year's
    // accounts with both their budget's completion and their change on the year before are the report's own
    // (last year's are stated, if at all, as a base: 上年决算数 B); its year left from last year's text
    pattern:
      /(?<![与较比于至到—\-~～、和及0-9])((20[0-9]{2})年度?)(?![同末底初月日0-9]|以来|相比|比较|前|后|起)[^。；0-9]{0,30}?(?:决算数?|支出)(?:为|是)?[0-9][0-9,.]*(?:万元|亿元|元)[，,]?完成(?:年初|全年|调整后?的?)?预算[^。；]{0,16}?[，,](?:较|比)上年/dgu,
    why: '本年决算的完成率和比上年的变动',
  },
  {
    // "2020 年，全州一般公共预算收入 68.76 亿元，完成调整预算的 101.6%，同比增长 10.1%" in the accounts of 2021: a year's
    // revenue or spending with both its budget's completion and its change on the year before is the report's own; an
    // earlier year there is last year's line left (a later year's first half, 2022 年上半年 or 1—6 月, is not read)
    pattern:
      /(?<![与较比于至到—\-~～、和及0-9])((20[0-9]{2})年度?)(?![同末底初月日0-9]|以来|相比|比较|前|后|起|上半年|下半年|前三季度|第?[一二三四]季度)[，]?[^。；0-9]{0,30}?(?:收入|支出)(?:决算数?)?(?:为|是|完成|实现|达到?)?[0-9][0-9,.]*(?:万元|亿元|元)[，]?完成(?:年初|全年|调整后?的?)?预算的?[0-9.]+%[，](?:同比|比上年|较上年)(?:增长|下降|增加|减少|上升)/dgu,
    why: '本年收支的预算完成率和同比变动',
    earlierOnly: true,
    namedAccounts: true,
  },
  {
    // "截至 2018 年 12 月 31 日，我单位共有车辆 0 辆" in the accounts of 2019: the assets a 决算 reports (车辆, 房屋, 设备,
    // 资产总额) are held at its own year's end — an earlier year-end is last year's line left. A budget states the
    // year before's end as its own (the latest known), so only a 决算's text is read; a date compared with (与截至…相比)
    // or a date within the year (截至 2022 年 6 月 30 日) is not this one
    pattern:
      /(?<![与较比和及至到])(?:截至|截止)到?((20[0-9]{2})年)(?:12月(?:31日|底|末)?|底|末)[，,]?(?:(?!上年|去年|同比|[比较与])[^。；0-9]){0,30}?(?:车辆|公务用车|国有资产|资产总额|资产总计|固定资产|房屋|土地|设备)/dgu,
    why: '决算的资产截至报告年度末',
    earlierOnly: true,
    ofAccounts: true,
    alone: true,
  },
  {
    // "三、2022 年度单位主要工作完成情况" in the contents of the accounts of 2023: a year's accounts tell that year's work,
    // done (workDoneYear reads the year so); a budget looks back on the year before's work, so only a 决算's text is read
    pattern:
      /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）|[0-9]{1,2}[、.])?[^。；，0-9]{0,12}?((20[0-9]{2})年度?)(?:本?单位|本?部门)?(?:重点|主要)?工作(?:完成|开展)?情况/dgu,
    why: '决算所说的工作完成情况',
    earlierOnly: true,
    ofAccounts: true,
    alone: true,
  },
  {
    // "某中学 2021 年在某区人民政府的领导下宣传贯彻…" under 主要职能 in the accounts of 2022: a year led to its work is the
    // year the accounts tell — an earlier one is last year's line left; a year's event (成立, 改制, 更名, 获评) is history
    pattern:
      /(?:^|[。；])[^。；，0-9]{0,30}?((20[0-9]{2})年度?)[，,]?在[^。；，0-9]{1,30}?(?:领导|指导)下(?![^。；]*(?:成立|组建|设立|挂牌|更名|改革|改制|划转|合并|撤销|建校|创办|始建|升格|评为|荣获|获得))/dgu,
    why: '决算所说的本年工作',
    earlierOnly: true,
    ofAccounts: true,
    alone: true,
  },
];

/** Between a level and its change: "，较上年决算数增加", "，比上年减少". */
const TO_CHANGE =
  /^[，,]?(?:收支)?(?:较|比|与)上年(?:度)?(?:决算数?)?(?:相比)?[，,]?(?:增加|减少|增长|下降|上升|降低)了?$/u;

interface Framed {
  pc: ParaClaims;
  year: string;
  at: Span;
  /** The level and its change written after the year in its clause: "支出合计 A 万元，较上年增加 C 万元". */
  key: string;
  /** Where the change ends. */
  end: number;
}

/** Each framed year with a level and its change after it, in the same sentence. */
function framedStatements(paras: ParaClaims[]): Framed[] {
  const out: Framed[] = [];
  for (const pc of paras) {
    const text = pc.p.n.text;
    for (const m of allMatches(text, FRAMED)) {
      const sentence = sentenceAt(pc.p, m.index);
      const after = pc.p.amounts.filter((a) => a.start > m.index && a.end <= sentence.end);
      const [level, change] = after as [AmountMention | undefined, AmountMention | undefined];
      // the year's own statement: no other year between it and the figures
      if (!level || !change || /20[0-9]{2}年/u.test(text.slice(m.index + 4, change.start))) continue;
      if (level.value.isZero() || change.value.isZero()) continue;
      if (!TO_CHANGE.test(text.slice(level.end, change.start).replace(/\s/gu, ''))) continue;
      out.push({
        pc,
        year: m[1] as string,
        at: { start: m.index, end: m.index + m[0].length },
        key: `${level.value.toString()}${level.unit}|${change.value.toString()}${change.unit}`,
        end: change.end,
      });
    }
  }
  return out;
}

function claimAt(pc: ParaClaims, at: Span, year: string, why: string, should?: string): Claim {
  const written = sourceSlice(pc.p.n, at.start, at.end);
  return {
    kind: 'residue',
    residueId: 'year-body',
    check: 'narrative.year-body',
    text: `${written}（报告年度 ${year}；${why}）`,
    written,
    should: should ?? written.replace(/20[0-9]{2}/u, year),
    ...place(pc.p, sentenceAt(pc.p, at.start), at),
  };
}

/**
 * n.year-body: a body line that writes another year where only the report's year can stand — a phrase of
 * OWN_YEAR ("纳入本部门 2020 年度决算编制的" in a 2021 report), or a statement whose level and
 * change are, figure for figure, those stated under the report's year ("2021 年度支出合计 A 万元，较上年增加
 * C 万元" beside "2022 年度收入合计 A 万元，较上年增加 C 万元" in a 2022 report): a line copied from last
 * year's report with its year left; or a statement of an earlier year than the title's whose change the text
 * explains by what the title's year did (reasonYearClaims). Other years in body lines (上年 stated, 2019 年疫情前, a range, a
 * next year's budget, a document number or a date) are never read: their figures differ.
 */
export function yearBodyClaims(
  paras: ParaClaims[],
  report = reportYear(paras),
  year = yearOfReport(paras, report),
): Claim[] {
  const statements = framedStatements(paras);
  const out: Claim[] = [
    ...(year
      ? [...ownYearClaims(paras, statements, year), ...approvalClaims(paras, year)]
      : budgetScopeClaims(paras, statements)),
    ...pairedYearClaims(paras),
    ...asOfLaterClaims(paras),
    ...itemYearClaims(paras, year),
    ...openingYearClaims(paras, year),
    ...beforeYearEndClaims(paras, year),
    ...budgetAgainstAccountsClaims(paras, year),
    ...(report ? [] : partYearClaims(paras)),
  ];
  // a statement both copied and explained by a later year (or opening its section) is one finding
  const found = new Set(out.map((c) => `${c.para.n}:${c.sentence.start}`));
  const more = [
    ...reasonYearClaims(paras, statements),
    ...sectionOpeningClaims(paras, report),
    ...bulletinYearClaims(paras),
    ...leadInYearClaims(paras, report),
    ...selfYearClaims(paras, report),
    ...impliedYearClaims(paras, year),
  ];
  const kept = more.filter((c) => !found.has(`${c.para.n}:${c.sentence.start}`));
  // the relations read last (the unit's totals, a budget's heading, a headline) only where no other finding holds the sentence
  const taken = new Set([...found, ...kept.map((c) => `${c.para.n}:${c.sentence.start}`)]);
  const last = [
    ...unitTotalsYearClaims(paras, year, report),
    ...budgetHeadingClaims(paras),
    ...headlineYearClaims(paras),
    ...restatedYearClaims(paras),
  ].filter((c) => {
    const key = `${c.para.n}:${c.sentence.start}`;
    if (taken.has(key)) return false;
    taken.add(key);
    return true;
  });
  return [...out, ...kept, ...last];
}

/** The kinds of count a sentence states ("2 个团组 9 人次" → 个团组, 人次; "4 辆" → 辆). */
const COUNT_UNIT = /[0-9]+(个团组|人次|辆|批次)/gu;

function countUnits(text: string): Set<string> {
  return new Set([...allMatches(text, COUNT_UNIT)].map((m) => m[1] as string));
}

/**
 * Whether the text states counts of one of `units` in a sentence of the report's own year (or 本年, 今年): then an
 * earlier year's counts beside them are its comparison written in two sentences ("2024 年保有量 10 辆。2023 年保有量
 * 12 辆。"), not last year's line left in.
 */
function ownYearCounts(paras: ParaClaims[], year: string, units: Set<string>): boolean {
  const own = new RegExp(`${year}年|本年|今年|当年`, 'u');
  return paras.some((pc) =>
    pc.p.n.text
      .split(/[。；]/u)
      .some((sentence) => own.test(sentence) && [...countUnits(sentence)].some((u) => units.has(u))),
  );
}

/**
 * Whether the year before frames a place: 上年/去年/上一年 before it in its sentence (not "比上年" after), or in a short heading
 * line above it — a heading of the year before ("二、上年情况"), not one of the comparison with it ("1.收入情况及与上年决算数对比。").
 */
function yearBeforeFramed(paras: ParaClaims[], pc: ParaClaims, index: number): boolean {
  const text = pc.p.n.text;
  const sentenceStart = Math.max(text.lastIndexOf('。', index - 1), text.lastIndexOf('；', index - 1)) + 1;
  if (/上年|去年|上一年/u.test(text.slice(sentenceStart, index))) return true;
  for (let i = paras.indexOf(pc) - 1; i >= 0; i -= 1) {
    const line = (paras[i] as ParaClaims).p.n.text;
    if (line.length <= 20 && !/[0-9][0-9,.]*(?:万元|亿元|元)/u.test(line))
      return /上年|去年|上一年/u.test(line.replace(/[与较比同](?:上年|去年|上一年)度?/gu, ''));
  }
  return false;
}

/** Whether the nearest heading above a paragraph (a short line without a figure) names a budget, a fund's name aside. */
function underBudgetHeading(paras: ParaClaims[], pc: ParaClaims): boolean {
  for (let i = paras.indexOf(pc) - 1; i >= 0; i -= 1) {
    const line = (paras[i] as ParaClaims).p.n.text;
    if (line.length <= 40 && !/[0-9][0-9,.]*(?:万元|亿元|元)/u.test(line) && !/[。；]./u.test(line))
      return /预算|计划/u.test(line.replace(FUND_NAME, ''));
  }
  return false;
}

/**
 * A budget's figures framed by a year: "2025 年年初预算数 A 万元", "2024 年收入预算总额 A 万元", "2024 年单位收支总预算 A 万元" — not a
 * comparison's base, a range or a date.
 */
const BUDGET_FIGURE =
  /(?<![与较比于至到—\-~～、和及0-9])(20[0-9]{2})年度?(?:年初|全年)?(?:部门|单位)?(?:收支|收入|支出)?总?预算(?:数|总额)?(?:为|是|共)?(?=[0-9])/gu;

/**
 * A text without a title, part headings or a year of its own that speaks of a budget only — it never names 决算, and frames
 * its budget's figures by one year at least twice ("（一）收入预算：2026 年年初预算数 A 万元…（二）支出预算：2026 年年初预算数 A
 * 万元"): that year.
 */
function budgetFiguresYear(paras: ParaClaims[], accountsToo = false): string | undefined {
  if (!accountsToo && paras.some((pc) => /决算/u.test(pc.p.n.text))) return undefined;
  const years = paras.flatMap((pc) => [...allMatches(pc.p.n.text, BUDGET_FIGURE)].map((m) => m[1] as string));
  return years.length >= 2 && new Set(years).size === 1 ? years[0] : undefined;
}

/** A heading of the unit's budget explanation: "第二部分：某幼儿园 2022 年预算情况说明", "第三部分 某局 2021 年部门预算情况说明". */
const BUDGET_HEADING =
  /^(?:第[一二三四五六七八九十]+部分[：:]?)?[^。；，0-9]{0,30}?(20[0-9]{2})年度?(?:部门|单位)?预算(?:情况说明|公开说明|编制说明|情况|说明|公开)?$/du;

/**
 * n.year-body: a budget's explanation headed by one year ("第二部分：某幼儿园 2022 年预算情况说明") whose figures are all framed by a
 * later year ("2023 年单位收支总预算 A 万元…""2023 年单位收入总预算 A 万元…", at least twice, no other year): the heading is
 * last year's left. A heading of the budget's execution, its adjustment or another year's work is no such heading; a heading
 * later than the figures is not read (a budget may tell the year before's figures).
 */
function budgetHeadingClaims(paras: ParaClaims[]): Claim[] {
  // a title's year is the heading rules' measure (n.year-heading holds the part headings against it)
  if (titleYear(paras)) return [];
  const figures = budgetFiguresYear(paras, true);
  if (!figures) return [];
  const out: Claim[] = [];
  for (const pc of paras) {
    const text = pc.p.n.text.trim();
    if (text.length > HEADING_LENGTH + 10) continue;
    const m = BUDGET_HEADING.exec(text);
    if (!m || Number(m[1]) >= Number(figures)) continue;
    const start = pc.p.n.text.indexOf(text) + (m.indices?.[1]?.[0] ?? 0);
    out.push(claimAt(pc, { start, end: start + 5 }, figures, `其下的预算数都写 ${figures} 年`));
  }
  return out;
}

/**
 * n.year-body for a budget's text that gives its year only by its figures (budgetFiguresYear): its scope ("本单位为纳入 2025 年度
 * 预算编制的二级预算单位" over "2026 年年初预算数…" twice) written with another year. Only the scope is read so.
 */
function budgetScopeClaims(paras: ParaClaims[], statements: Framed[]): Claim[] {
  const year = budgetFiguresYear(paras);
  return year ? ownYearClaims(paras, statements, year, '预算编制范围') : [];
}

function ownYearClaims(paras: ParaClaims[], statements: Framed[], year: string, only?: string): Claim[] {
  const out: Claim[] = [];
  const reportKind = reportKindOf(paras) ?? (only ? '预算' : undefined);
  const titledKind = titleKind(paras);
  // a 决算's text: its first lines name 决算 and no 预算 (but a fund's, 一般公共预算, or a budget held against: 年初预算)
  const opening = paras
    .slice(0, TITLE_LINES)
    .map((pc) => pc.p.n.text)
    .join('')
    .replace(/一般公共预算|政府性基金预算|国有资本经营预算|(?:年初|全年|调整后?的?)预算/gu, '');
  const accountsText = opening.includes('决算') && !opening.includes('预算');
  const namedAccounts = new Set(
    paras.flatMap((pc) => [...allMatches(pc.p.n.text, /(20[0-9]{2})年度?[^，。；0-9]{0,16}?决算/gu)].map((m) => m[1])),
  );
  // every pattern reads a year written "20XX年": a paragraph writing no 年 (a heading, a line of a table) holds none
  const yearBeside = new RegExp(`${year}年度?本年`, 'u');
  // the phrases the text writes with the report's year somewhere: an earlier year's beside them is a comparison
  const ownWritten = new Set(
    OWN_YEAR.filter(
      (o) => o.alone && paras.some((q) => allMatches(q.p.n.text, o.pattern).some((m) => m[2] === year)),
    ).map((o) => o.pattern),
  );
  for (const pc of paras.filter((q) => q.p.n.text.includes('年')))
    for (const {
      pattern,
      why,
      earlierOnly,
      published,
      kind,
      cover,
      accounts,
      namedAccounts: named,
      beside,
      notBudget,
      ofAccounts,
      alone,
    } of OWN_YEAR) {
      if (only && why !== only) continue;
      if (notBudget && reportKind === '预算') continue;
      if (ofAccounts && !accountsText && reportKind !== '决算') continue;
      if (alone && ownWritten.has(pattern)) continue;
      if (cover && (titledKind !== '决算' || paras.indexOf(pc) >= TITLE_LINES)) continue;
      if (beside && yearBeside.test(pc.p.n.text)) continue;
      if (accounts && !accountsText) continue;
      for (const m of allMatches(pc.p.n.text, pattern)) {
        const written = m[2] as string;
        if (kind && m[3] !== reportKind) continue;
        if (published ? Number(written) > Number(year) : written === year) continue;
        if (earlierOnly && Number(written) > Number(year)) continue;
        if (named && namedAccounts.has(written)) continue;
        // "上年（2017 年）决算情况：2017 年本年收入合计……", under "二、上年情况": the year before, said so in its sentence
        // or in the heading above it
        if (beside && Number(written) === Number(year) - 1 && yearBeforeFramed(paras, pc, m.index)) continue;
        // the year of the one 决算 the text names is the statement's measure ("2021 年…决算及 2022 年上半年…")
        const own = named && namedAccounts.size === 1 ? ([...namedAccounts][0] as string) : year;
        if (named && Number(written) >= Number(own)) continue;
        if (accounts && ownYearCounts(paras, year, countUnits(m[0]))) continue;
        const [start, end] = m.indices?.[1] ?? [m.index, m.index];
        const span = { start, end };
        out.push(claimAt(pc, span, own, why, published ? `${Number(year) + 1}年或以后` : undefined));
      }
    }
  const ofReportYear = new Set(statements.filter((f) => f.year === year).map((f) => f.key));
  for (const f of only ? [] : statements)
    if (f.year !== year && ofReportYear.has(f.key)) out.push(claimAt(f.pc, f.at, year, '数字与报告年度的同一陈述相同'));
  // one year read by two phrases (a year's spending with its completion and its change) is one finding
  const said = new Set<string>();
  return out.filter((c) => {
    const key = `${c.para.n}:${c.sentence.start}:${c.kind === 'residue' ? c.written : ''}`;
    if (said.has(key)) return false;
    said.add(key);
    return true;
  });
}

/**
 * "…比去年减少 15 万元，原因是 2018 年没有出境活动": the year a change's reason happened in, written right
 * after 原因是 (not a year the reason only points to: 2018 年起, 以后, 将).
 */
const REASON_YEAR =
  /(?:比|较|同比)[^。；]{0,40}?(?:增加|减少|增长|下降|上升|降低)[^。；]{0,30}?原因(?:主要)?(?:是|为|：)(?:由于)?((20[0-9]{2})年度?)(?![起以后将0-9])/gu;
const ANY_YEAR = /20[0-9]{2}年/gu;
/** How many paragraphs after a statement its items are looked for in ("具体情况如下：" then 1、2、3、). */
const ITEMS_AFTER = 6;

/**
 * The first year written after `from` in paras[index] and the paragraphs after it, up to the next
 * heading: when it is the year of a change's reason, that year; else nothing.
 */
function nextReasonYear(paras: ParaClaims[], index: number, from: number): { year: string } | undefined {
  for (let k = index; k < Math.min(paras.length, index + ITEMS_AFTER); k += 1) {
    const { p } = paras[k] as ParaClaims;
    if (k > index && ((p.level !== undefined && p.level <= 2) || TITLE.test(p.n.text))) return undefined;
    const start = k === index ? from : 0;
    const first = [...allMatches(p.n.text, ANY_YEAR)].find((m) => m.index >= start);
    if (!first) continue;
    const reason = [...allMatches(p.n.text, REASON_YEAR)].find(
      (m) => m.index + m[0].length - (m[1] as string).length === first.index,
    );
    return reason ? { year: reason[2] as string } : undefined;
  }
  return undefined;
}

/**
 * "2017 年…支出合计 13.78 万元，比上年减少 15 万元。具体情况如下：1、因公出国（境）费 0 万元，比去年减少
 * 15 万元，原因是 2018 年没有出境活动" under the title "…2018 年…情况说明": a change of 2017 cannot come from
 * what 2018 did — the statement's figures are the title's year, its 2017 is last year's line left.
 */
function reasonYearClaims(paras: ParaClaims[], statements: Framed[]): Claim[] {
  const title = titleYear(paras);
  if (!title) return [];
  return statements.flatMap((f) => {
    if (Number(f.year) >= Number(title)) return [];
    const reason = nextReasonYear(paras, paras.indexOf(f.pc), f.end);
    return reason?.year === title ? [claimAt(f.pc, f.at, title, `变动原因写的是 ${title} 年`)] : [];
  });
}

/**
 * "2024 年财政总决算于 2024 年 7 月 30 日经县人大常委会审议通过": a year's 决算 is drawn up after the year ends,
 * so it cannot be approved (审议, 审查, 批准, 通过) within that year or before — the date's year is the template's
 * or last year's. The 决算's year is the one written right before it, else the report's; a 决算 of an earlier
 * year approved during the report's year ("2023 年决算于 2024 年 6 月…批准" in a 2024 text) is the usual order.
 */
const APPROVED =
  /(?:(?<![与较比于至到—\-~～、和及0-9])(20[0-9]{2})年度?[^。；，、0-9年]{0,16}?)?决算(?:草案)?([^。；，0-9]{0,20}?)于((20[0-9]{2})年)[0-9]{1,2}月(?:[0-9]{1,2}日)?[^。；，]{0,40}?(?:审议|审查|批准|通过|审定)/dgu;

const WORK_ON = /工作|报表|编制|编报|布置|培训|会议|通知/u;

function approvalClaims(paras: ParaClaims[], reportYear: string): Claim[] {
  return paras.flatMap((pc) =>
    [...allMatches(pc.p.n.text, APPROVED)].flatMap((m) => {
      const accountsYear = m[1] ?? reportYear;
      // the year's 决算 work (报表 布置, 编制 启动, 培训) does start within the year
      if (Number(m[4]) > Number(accountsYear) || WORK_ON.test(m[2] as string)) return [];
      const [start, end] = m.indices?.[3] ?? [m.index, m.index];
      return [
        residueAt(pc.p, { start, end }, sentenceAt(pc.p, start), () => ({
          residueId: 'approved-in-year',
          check: 'narrative.year-body',
          messageId: 'year-body-approved',
          text: `${accountsYear}年决算`,
          should: `${Number(accountsYear) + 1}年或以后`,
        })),
      ];
    }),
  );
}

/** Between two documents reported together: "和", "及", "与", "暨", "以及", "、". */
const TOGETHER = '(?:和|及|与|暨|以及|、)';
/**
 * Two documents one report gives together, the second of the year after the first's: a year's 决算 with the next
 * year's first half ("2021 年财政决算草案和 2022 年上半年预算执行情况", "2023 年度决算及 2024 年 1—6 月预算执行情况"), a year's
 * budget execution with the next year's draft budget ("2023 年预算执行情况与 2024 年预算草案").
 */
const PAIRED: { pattern: RegExp; messageId: string }[] = [
  {
    messageId: 'year-body-paired',
    pattern: new RegExp(
      `(?<![0-9])(20[0-9]{2})年度?[^，。；《》0-9年]{0,12}?决算(?:草案)?[^，。；《》0-9年]{0,4}?${TOGETHER}(20[0-9]{2})年度?(?:上半年|1[-—~～至]6月|一至六月)[^，。；《》0-9]{0,8}?预算执行`,
      'dgu',
    ),
  },
  {
    messageId: 'year-body-paired-draft',
    pattern: new RegExp(
      `(?<![0-9])(20[0-9]{2})年度?[^，。；《》0-9年]{0,12}?预算执行情况[^，。；《》0-9年]{0,4}?${TOGETHER}(20[0-9]{2})年度?[^，。；《》0-9年]{0,12}?预算草案`,
      'dgu',
    ),
  },
];

/**
 * "《某县 2021 年财政决算草案和 2024 年上半年财政预算执行情况报告》": a year's 决算 is drawn up and reported in the year after,
 * together with that year's first half; a budget's execution with the draft budget of the year after. A second year
 * other than the first's next is a year left from another report.
 */
function pairedYearClaims(paras: ParaClaims[]): Claim[] {
  return paras.flatMap((pc) =>
    PAIRED.flatMap(({ pattern, messageId }) =>
      [...allMatches(pc.p.n.text, pattern)].flatMap((m) => {
        const [first, second] = [Number(m[1]), Number(m[2])];
        if (second === first + 1) return [];
        const [start, end] = m.indices?.[2] ?? [m.index, m.index];
        return [
          residueAt(pc.p, { start, end }, sentenceAt(pc.p, start), () => ({
            residueId: 'paired-years',
            check: 'narrative.year-body',
            messageId,
            text: `${first}年`,
            should: String(first + 1),
          })),
        ];
      }),
    ),
  );
}

/** A line that is only a date: the date a text is signed with ("某局 / 2016 年 12 月 15 日" at its end). */
const DATE_LINE = /^(20[0-9]{2})年(1[0-2]|0?[1-9])月([12][0-9]|3[01]|0?[1-9])日$/u;
/** How many lines at the end are read for the signature's date. */
const SIGNATURE_LINES = 3;
/** "截至 2016 年 12 月底", "截止 2016 年 6 月 30 日": the date a count or balance is stated as of. */
const AS_OF = /(?:截至|截止)(?:到)?((20[0-9]{2})年)(1[0-2]|0?[1-9])月(底|末|([12][0-9]|3[01]|0?[1-9])日)?/dgu;

/**
 * "截至 2016 年 12 月底，单位共有公务用车 40 辆" in a text signed "2016 年 12 月 15 日": a count stated as of a date after
 * the day the text was written cannot be known — the year is wrong (the account's own year-end was meant). Read only
 * against a date line among the last lines; a month written without 底 or a day, the signature's own month, is not read.
 */
function asOfLaterClaims(paras: ParaClaims[]): Claim[] {
  const signed = paras
    .slice(-SIGNATURE_LINES)
    .map((pc) => DATE_LINE.exec(pc.p.n.text.trim()))
    .find(Boolean);
  if (!signed) return [];
  const [sy, sm, sd] = [Number(signed[1]), Number(signed[2]), Number(signed[3])];
  const out: Claim[] = [];
  for (const pc of paras)
    for (const m of allMatches(pc.p.n.text, AS_OF)) {
      const [y, mo] = [Number(m[2]), Number(m[3])];
      const end = m[4] === '底' || m[4] === '末';
      const day = m[5] ? Number(m[5]) : undefined;
      const later = y > sy || (y === sy && (mo > sm || (mo === sm && (end ? sd < 28 : day !== undefined && day > sd))));
      if (!later) continue;
      const [start, stop] = m.indices?.[0] ?? [m.index, m.index];
      out.push(
        residueAt(pc.p, { start, end: stop }, sentenceAt(pc.p, start), () => ({
          residueId: 'as-of-later',
          check: 'narrative.year-body',
          messageId: 'year-body-as-of',
          text: signed[0],
          should: `${sy}年${sm}月${sd}日或以前`,
        })),
      );
    }
  return out;
}

/** An item's paragraph opening with its label, its name and its year's figure: "（三）公务用车购置及运行费。2022 年预算未安排…". */
const ITEM_OPENING =
  /^(?:（[一二三四五六七八九十]{1,2}）|[0-9一二三四五六七八九十]{1,2}[、.])[^。；：0-9]{2,24}?[。：]((20[0-9]{2})年度?)(预算|决算)/du;
/** How many lines may stand between two items of one list (their own second paragraphs). */
const ITEM_GAP = 4;
/** How many items a list has at least before one year among them is read as a slip. */
const MIN_ITEMS = 3;

/**
 * "（一）因公出国（境）费。2021 年预算支出为 0 万元…（二）公务接待费。2021 年预算支出 11.77 万元…（三）公务用车购置及运行费。
 * 2022 年预算未安排此项支出": the items of one list each open with their year's budget (or 决算); all but one name one year,
 * the one another — last year's (or next year's) line left. Read when the items are at least three, all of one kind
 * (预算 or 决算), and the one year is the report's when that is known.
 */
function itemYearClaims(paras: ParaClaims[], report: string | undefined): Claim[] {
  const items = paras.flatMap((pc, i) => {
    const m = ITEM_OPENING.exec(pc.p.n.text);
    return m ? [{ pc, i, m }] : [];
  });
  const runs: (typeof items)[] = [];
  for (const item of items) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (run && last && item.i - last.i <= ITEM_GAP) run.push(item);
    else runs.push([item]);
  }
  const out: Claim[] = [];
  for (const run of runs) {
    if (run.length < MIN_ITEMS || new Set(run.map((r) => r.m[3])).size !== 1) continue;
    const times = new Map<string, number>();
    for (const r of run) times.set(r.m[2] as string, (times.get(r.m[2] as string) ?? 0) + 1);
    const [top, other] = [...times].sort((a, b) => b[1] - a[1]);
    if (!top || !other || times.size !== 2 || other[1] !== 1 || top[1] < 2) continue;
    if (report && top[0] !== report) continue;
    const odd = run.find((r) => r.m[2] === other[0]);
    if (!odd) continue;
    const [start, end] = odd.m.indices?.[1] ?? [0, 0];
    out.push(claimAt(odd.pc, { start, end }, top[0], `同列的其余 ${top[1]} 项均写 ${top[0]} 年`));
  }
  return out;
}

/** A heading naming a year's 决算 or 预算 of a scope: "关于 2024 年中央本级经济分类支出决算的说明". */
const HEADING_YEAR =
  /^[^。；，0-9]{0,12}?(20[0-9]{2})年度?([^。；，0-9]{2,30}?)(决算|(?<!一般公共|政府性基金|国有资本经营|社会保险基金)预算)[^。；，0-9]*$/u;
/** A paragraph opening with a year's 决算 (预算) of a scope and its figure: "2023 年中央本级支出决算数为 40720.18 亿元". */
const OPENING_YEAR =
  /^((20[0-9]{2})年度?)([^，。；0-9]{2,20}?)(决算|(?<!一般公共|政府性基金|国有资本经营|社会保险基金)预算)数?(?:为|是)[0-9]/du;
/** A heading about the year's work or another document than its figures. */
const NOT_FIGURES = /执行|完成|工作|回顾|调整|草案|计划|安排|绩效/u;
/** How many characters of the scope the heading and the opening share at least ("中央本级"). */
const SHARED_SCOPE = 3;

/**
 * "关于 2024 年中央本级经济分类支出决算的说明" and right under it "2023 年中央本级支出决算数为 40720.18 亿元": the paragraph a
 * heading opens states the heading's figure — the same scope (中央本级), the same kind (决算) — with another year: the year
 * is last year's left. Read only the paragraph right after the heading, opening with its year.
 */
function openingYearClaims(paras: ParaClaims[], report: string | undefined): Claim[] {
  const out: Claim[] = [];
  paras.forEach((pc, i) => {
    const h = HEADING_YEAR.exec(pc.p.n.text.trim());
    const next = paras[i + 1];
    if (!h || !next || NOT_FIGURES.test(pc.p.n.text)) return;
    const o = OPENING_YEAR.exec(next.p.n.text);
    if (!o || o[2] === h[1] || o[4] !== h[3] || (report && report !== h[1])) return;
    const [a, b] = [h[2] as string, o[3] as string];
    let k = 0;
    while (k < a.length && a[k] === b[k]) k += 1;
    if (k < SHARED_SCOPE) return;
    const [start, end] = o.indices?.[1] ?? [0, 0];
    out.push(claimAt(next, { start, end }, h[1] as string, `其上的标题写 ${h[1]} 年${h[3]}`));
  });
  return out;
}

/**
 * The date a text was published, on a line of its own near the top: "发布日期：2022-01-19 15:11:58 来源：某新闻网",
 * "2016-08-15 10:33:43 来源：某县", "2014 年 04 月 24 日 星期四" — said to be the date (发布日期, 发布时间) or written as a
 * page writes its date (a time of day, the weekday, the source or the author after it).
 */
const PUBLISHED_ON =
  /(?:(?<said>发布(?:日期|时间)|发稿时间|日期|时间)[：:]?)?(?<![0-9])(?<y>20[0-9]{2})(?:-|\/|年)(?<m>1[0-2]|0?[1-9])(?:-|\/|月)(?<d>[12][0-9]|3[01]|0?[1-9])(?![0-9])日?(?<page>\s*(?:[0-9]{1,2}:[0-9]{2}|星期|来源|作者|浏览|点击|编辑))?/u;
/** How many lines at the top are read for the date a text was published. */
const DATE_LINES = 4;
/** A figure stated with its change on the year before: "…收入 A 亿元，较上年增长 P%", "…支出 B 亿元，同比增长 Q%". */
const FULL_YEAR_CHANGE =
  /^[^。；]*?[0-9][0-9,.]*(?:万元|亿元|元)[^。；]{0,20}?(?:比上年|较上年|同比|比去年|较去年)[^。；]{0,6}?(?:增长|下降|增加|减少|上升|降低)/u;
/** A statement of a plan, an estimate or part of a year: not the year's outturn. */
const NOT_OUTTURN =
  /预计|预期|计划|目标|安排|力争|拟|草案|上半年|下半年|季度|[0-9]{1,2}月|截至|截止|同期|以来|预算|有望|可望|预测|测算|初步|左右/u;
/** A fund's name holds 预算 without naming a budget: "一般公共预算收入", "政府性基金预算支出". */
const FUND_NAME = /一般公共预算|政府性基金预算|国有资本经营预算|社会保险基金预算/gu;

/** The date a text gives itself near its top (PUBLISHED_ON), when there is one. */
function publishedOn(paras: ParaClaims[]): { y: number; m: number; d: number; index: number } | undefined {
  for (const [index, { p }] of paras.slice(0, DATE_LINES).entries()) {
    const text = p.n.text;
    // (a report's own 公开时间 beside its title, "2024 年度某局部门决算 公开时间：…", is year-body-published's to read)
    if (/[。；]|决算|预算/u.test(text) || text.length > 80) continue;
    const g = PUBLISHED_ON.exec(text)?.groups;
    if (g && (g.said || g.page)) return { y: Number(g.y), m: Number(g.m), d: Number(g.d), index };
  }
  return undefined;
}

/**
 * "发布日期：2022-01-19" over "据市财政局数据显示，2022 年全市一般公共预算收入 156.1 亿元，较上年增长 10.2%": a year's revenue or
 * spending compared with the year before is known only after the year ends — a text published within that year (or
 * before it) cannot state it; the year before was meant. Read only a date before December on a line of its own near
 * the top (naming no 决算 or 预算), and a statement framed by that year or a later one, not the report's own year,
 * with its level and its change on the year before, of
 * no plan, estimate or part of the year (预计, 安排, 上半年, 1—11 月, 同期), and no budget (a fund's name aside).
 */
function beforeYearEndClaims(paras: ParaClaims[], report: string | undefined): Claim[] {
  const date = publishedOn(paras);
  if (!date || date.m > 11) return [];
  const out: Claim[] = [];
  for (const pc of paras.slice(date.index + 1)) {
    const text = pc.p.n.text;
    for (const m of allMatches(text, FRAMED)) {
      const year = Number(m[1]);
      // the report's own year, as its title or body gives it: then the date is what is off, not the year
      if (year < date.y || m[1] === report) continue;
      const sentence = sentenceAt(pc.p, m.index);
      const clauseEnd = text.slice(m.index, sentence.end).search(/[；。]/u);
      const said = text.slice(m.index, clauseEnd < 0 ? sentence.end : m.index + clauseEnd + 1);
      if (!FULL_YEAR_CHANGE.test(said) || NOT_OUTTURN.test(said.replace(FUND_NAME, ''))) continue;
      // another year in the statement before its figures: the year is not the one the figures are of
      if ((said.match(/20[0-9]{2}年/gu) ?? []).length > 1) continue;
      const should = report !== undefined && Number(report) < date.y ? report : String(date.y - 1);
      const span = { start: m.index, end: m.index + m[0].length };
      out.push(
        claimAt(
          pc,
          span,
          should,
          `文章发布于 ${date.y} 年 ${date.m} 月 ${date.d} 日，其时 ${year} 年全年的收支尚无从得知`,
        ),
      );
    }
  }
  return out;
}

/**
 * "某大学 2022 年预算总收入为 82.40 亿元，而决算总收入达到 95.10 亿元，超出预算 12.70 亿元": a budget held against its 决算 in
 * one sentence is that 决算's own year's budget.
 */
const BUDGET_AGAINST_ACCOUNTS =
  /(?<![与较比于至到—\-~～、和及0-9])((20[0-9]{2})年度?)[^。；，0-9]{0,12}?预算[^。；，0-9]{0,8}?[0-9][0-9,.]*(?:亿元|万元|元|亿)?[，]?(?:而|但|其)?[^。；，0-9]{0,6}?决算[^。；]{0,30}?(?:超出|超过|高于|低于|少于|未达到?)预算/dgu;

/**
 * "2019 年度预算收入年初 A 万元，年末财政拨款收入 B 万元，比预算增加 C 万元", "2019 年度年初预算支出 A 万元，决算支出 B 万元，较预算
 * 减少 C 万元": a year's opening budget and its outturn at the year's end (决算, 实际) held against each other in one sentence.
 */
const BUDGET_AGAINST_YEAR_END =
  /(?<![与较比于至到—\-~～、和及0-9])((20[0-9]{2})年度?)[^。；，0-9]{0,12}?预算[^。；，0-9]{0,8}?[0-9][0-9,.]*(?:亿元|万元|元)[，]?[^。；，0-9]{0,4}?(?:年末|决算|实际)[^。；，0-9]{0,12}?[0-9][0-9,.]*(?:亿元|万元|元)[，]?(?:比|较)(?:年初)?预算数?(?:增加|减少|增长|下降|多|少|超)/dgu;

/**
 * n.year-body: a budget compared with the 决算 in one sentence (BUDGET_AGAINST_ACCOUNTS, BUDGET_AGAINST_YEAR_END) written with another year than the
 * one 决算 year the text names ("公布 2021 年部门决算" and "2022 年预算总收入为 A，而决算总收入达到 B，超出预算 C"): a 决算 is
 * held against its own year's budget; the year is a slip. Read only when the text names 决算 of one year only (else the
 * report's year), and that year is not the one written.
 */
function budgetAgainstAccountsClaims(paras: ParaClaims[], report: string | undefined): Claim[] {
  const named = new Set(
    paras.flatMap((pc) =>
      [...allMatches(pc.p.n.text, /(20[0-9]{2})年度?[^，。；0-9]{0,16}?决算/gu)].map((m) => m[1] as string),
    ),
  );
  const own = named.size === 1 ? [...named][0] : named.size === 0 ? report : undefined;
  if (!own) return [];
  const out: Claim[] = [];
  for (const pc of paras)
    for (const m of [BUDGET_AGAINST_ACCOUNTS, BUDGET_AGAINST_YEAR_END].flatMap((re) => [
      ...allMatches(pc.p.n.text, re),
    ])) {
      if (m[2] === own) continue;
      // "回顾上一年，2020 年预算总收入……": a sentence framed as the year before's is that year's 决算
      const sentenceStart =
        Math.max(pc.p.n.text.lastIndexOf('。', m.index), pc.p.n.text.lastIndexOf('；', m.index)) + 1;
      if (/回顾|上一年|上年|去年|前一年/u.test(pc.p.n.text.slice(sentenceStart, m.index + m[0].length))) continue;
      const [start, end] = m.indices?.[1] ?? [m.index, m.index];
      out.push(claimAt(pc, { start, end }, own, `与预算相比的是 ${own} 年的决算`));
    }
  return out;
}

/** A part's heading naming the unit's own accounts or budget, the unit's name before its year at most. */
const PART_YEAR = /^第[一二三四五六七八九十]+部分[：:]?[^。；，0-9]{0,30}?(20[0-9]{2})年度?(?:部门|单位)(预算|决算)/u;
/** PART_YEAR within a contents run into one line ("…第二部分：某局 2021 年部门决算表 一、… 第三部分：…"), each part on its own. */
const PART_YEAR_RUN_IN =
  /第[一二三四五六七八九十]+部分[：:]?(?:(?!第[一二三四五六七八九十]+部分)[^。；，0-9]){0,30}?(20[0-9]{2})年度?(?:部门|单位)(预算|决算)/gu;
/** A part's mark: a line holding two is a contents run into one line. */
const PART_MARK = /第[一二三四五六七八九十]+部分/gu;

/**
 * "第二部分 2019 年度部门决算表" and "第三部分 2018 年度部门决算情况说明" in one table of contents: a report's tables and
 * their explanation are one year's, so its part headings of one kind (部门决算, 部门预算) name one year. A text whose
 * body gives no year of its own (reportYear reads none; the heading rules then read nothing) with two years in those
 * headings, one of them written once: that one is left from another report — where each is written once, the earlier
 * (a later one would be next year's heading put in too early, rarer than one left). A text with a title's year is the
 * heading rules' (n.year-heading).
 */
function partYearClaims(paras: ParaClaims[]): Claim[] {
  const byKind = new Map<string, { pc: ParaClaims; year: string; start: number }[]>();
  for (const pc of paras) {
    const text = pc.p.n.text;
    // a long line is read only as a contents run into it (two part marks or more), each part heading on its own
    const runIn = text.trim().length > HEADING_LENGTH + 10;
    if (runIn && allMatches(text, PART_MARK).length < 2) continue;
    const found = runIn ? allMatches(text, PART_YEAR_RUN_IN) : [PART_YEAR.exec(text)].filter((m) => m !== null);
    for (const m of found) {
      const kind = m[2] as string;
      const start = m.index + m[0].lastIndexOf(m[1] as string);
      byKind.set(kind, [...(byKind.get(kind) ?? []), { pc, year: m[1] as string, start }]);
    }
  }
  // a title's year is the heading rules' measure (n.year-heading reads the part headings against it)
  if (titleYear(paras)) return [];
  const out: Claim[] = [];
  for (const list of byKind.values()) {
    const years = [...new Set(list.map((h) => h.year))];
    if (years.length !== 2) continue;
    const [a, b] = years as [string, string];
    const count = (y: string) => list.filter((h) => h.year === y).length;
    let odd: string | undefined;
    if (count(a) === 1 && count(b) >= 2) odd = a;
    else if (count(b) === 1 && count(a) >= 2) odd = b;
    else if (count(a) === 1 && count(b) === 1) odd = Number(a) < Number(b) ? a : b;
    if (!odd) continue;
    const right = odd === a ? b : a;
    const h = list.find((x) => x.year === odd) as { pc: ParaClaims; year: string; start: number };
    out.push(claimAt(h.pc, { start: h.start, end: h.start + 4 }, right, '同一目录中本单位的各部分写的是同一年度'));
  }
  return out;
}

/**
 * The unit's own totals framed by a year: "2023 年度本单位收入合计 A 万元", "某局 2023 年度支出合计 A 万元", "2023 年度，本单位
 * 支出为 A 万元", "本单位 2023 年度总收入 A 万元", "2023 年本年支出合计 A 万元" — the year, the total's side (收入, 支出, 收支)
 * and its scope (总计, 合计, 总, the plain 为) — not a comparison's base (与/较/比 2022 年度…), nor a range or a date.
 */
const UNIT_TOTAL =
  /(?<![与较比于至到—\-~～、和及（(0-9])((20[0-9]{2})年度?)[，,]?(?:本年度?)?(本单位|本部门|我单位|我部门|全单位)?(?:本年)?(总)?(收入|支出|收、支|收支)(总计|合计)?(?:均|各)?(?:为|是|共|达)?(?=[0-9])/dgu;

/** A year's own 决算 named: "2023 年度部门决算", "2023 年决算情况" — not a comparison's base (较 2022 年度决算数) nor a range. */
const OWN_ACCOUNTS = /(?<![与较比于至到—\-~～、和及0-9])(20[0-9]{2})年度?(?:部门|单位)?决算(?!数|收入|支出)/gu;

interface UnitTotal {
  pc: ParaClaims;
  year: string;
  at: Span;
  /** The total named: its side and its scope ("支出|合计", "收入|总计", "收入|" for the plain 收入为). */
  name: string;
  /** The total says itself the year's own: 本年 after the unit's name, or 决算 in its name — a later year is read too. */
  own?: boolean;
  /** The figure written right after it ("2,519.13万元"), when there is one. */
  figure?: string;
  /** 本年 written between the year and the total ("2022 年本年收入合计"): the total says it is the report's year's. */
  thisYear?: boolean;
}

/** The figure that starts where a total's match ends, as written with its unit (four significant digits at least). */
function figureAt(pc: ParaClaims, at: number): string | undefined {
  const a = pc.p.amounts.find((x) => x.start === at);
  // a round or small figure may well be two years' alike
  return a && significantDigits(a) >= 4 ? `${a.value.toString()}${a.unit}` : undefined;
}

/**
 * The unit's own totals with its name or the accounts' word between the year and the total: "2017 年某社本年收入合计 A"
 * (本年 is the report's year), "某法院 2016 年度收入决算 A", "本部门 2020 年度部门决算收入总计 A", "2017 年部门支出决算数 A",
 * "2022 年全年收入决算 A 元" — not a comparison's base, a range, a date, nor a fund's or an item's (“三公”经费 2019 年度
 * 支出决算: see NAMED_BEFORE).
 */
const NAMED_TOTAL =
  /(?<![与较比于至到—\-~～、和及（(0-9])((20[0-9]{2})年度?)(?:(?<name>[^。；，、：0-9“”"（）()]{2,24}?)本年(?<side1>收入|支出)(?<scope1>合计|总计)|(?:部门|单位)决算(?<side2>收入|支出)(?<scope2>总计|合计)|(?:部门|全年)?(?<side3>收入|支出)决算(?:数|总数)?)(?:为|是|共|达)?(?=[0-9])/dgu;
/** What a unit's name between the year and 本年 may not hold: a base, another year's word, a fund or an item. */
const NOT_A_NAME = /上年|去年|同期|相比|比较|[与较比和及]|年|三公|经费|基金|预算|拨款|项目|收入|支出/u;
/**
 * What may stand before a year whose total names no unit: nothing in its clause, the unit's own word (本部门, 本单位), or a
 * unit's name (ending in 局, 院, 中心 …) — not a fund's or an item's ("政府性基金 2019 年度支出决算").
 */
const NAMED_BEFORE =
  /^(?:本部门|本单位|我单位|我部门|全单位|[^0-9，。；：、“”"]{2,30}?(?:局|委|办|院|厅|中心|站|所|馆|校|学|会|社|处|室|队|园|部|府|司|团|联|台|场|庭|署|监狱|公司))?$/u;
const FUND_OR_ITEM = /三公|经费|基金|预算|拨款|项目|收入|支出/u;

function unitTotals(paras: ParaClaims[]): UnitTotal[] {
  const out: UnitTotal[] = [];
  for (const pc of paras)
    for (const m of allMatches(pc.p.n.text, UNIT_TOTAL)) {
      const side = (m[5] as string).replace('、', '');
      const scope = m[6] ?? (m[4] ? '总计' : '');
      // a plain "2022 年度支出 A 万元" may be any item's (因公出国费用支出…): only the unit's own, 本单位收入为
      if (!scope && !m[3]) continue;
      const [start, end] = m.indices?.[1] ?? [m.index, m.index];
      const figure = figureAt(pc, m.index + m[0].length);
      const thisYear = m[0].includes('本年');
      out.push({ pc, year: m[2] as string, at: { start, end }, name: `${side}|${scope}`, figure, thisYear });
    }
  for (const pc of paras) {
    const text = pc.p.n.text;
    for (const m of allMatches(text, NAMED_TOTAL)) {
      const g = m.groups ?? {};
      if (g.name !== undefined && NOT_A_NAME.test(g.name)) continue;
      if (g.side3) {
        const clauseStart = Math.max(...['。', '；', '：', '，', ':'].map((c) => text.lastIndexOf(c, m.index - 1))) + 1;
        const before = text
          .slice(clauseStart, m.index)
          .trim()
          .replace(/^(?:[（(][一二三四五六七八九十0-9]{1,2}[）)]|[一二三四五六七八九十0-9]{1,2}[、.])/u, '');
        if (!NAMED_BEFORE.test(before) || FUND_OR_ITEM.test(before)) continue;
      }
      const side = (g.side1 ?? g.side2 ?? g.side3) as string;
      const scope = g.scope1 ?? g.scope2 ?? '决算';
      const [start, end] = m.indices?.[1] ?? [m.index, m.index];
      const figure = figureAt(pc, m.index + m[0].length);
      const thisYear = m[0].includes('本年');
      out.push({ pc, year: m[2] as string, at: { start, end }, name: `${side}|${scope}`, own: true, figure, thisYear });
    }
  }
  return out;
}

/** Words that say an earlier year is told on purpose: the pandemic, a span of years (the year before is read before it). */
const EARLIER_ON_PURPOSE = /疫情|以来|以前|之前|近[三四五两]年|[三四五两]年来|历年|逐年|同期/u;

/**
 * n.year-body: a 决算 states the unit's own totals for one year ("1.总体情况。2018 年度本单位收入总计…""2.收入情况。2018 年度本单位
 * 收入合计…""3.支出情况。2017 年度本单位支出合计 A 万元，较上年决算数减少 C 万元"; under "三、2018 年度部门决算情况说明" the
 * first line "某局 2017 年度收入合计 A 万元。其中：…"): one of them framed by an earlier year than the report's (or, without
 * a year of the report, than the one its other totals are framed by, at least twice) is last year's line left. Not read:
 * a budget's text (it tells last year's figures), a total the text states for the report's year too (two years side by
 * side: "2021 年度支出合计 A 万元，2020 年度支出合计 B 万元"), a sentence naming the year before, the pandemic or a span
 * ("上年（2020 年度）本单位收入为…", "2019 年度收入合计…（疫情前）"). A later year is read only where the report's year dominates
 * the text's body and its opening lines name no budget, and not in a sentence of a budget, a plan or an estimate.
 */
function unitTotalsYearClaims(paras: ParaClaims[], report: string | undefined, dominant: string | undefined): Claim[] {
  if (reportKindOf(paras) === '预算' || !paras.some((pc) => /决算/u.test(pc.p.n.text))) return [];
  const totals = unitTotals(paras);
  let year = report;
  let framedOnly = false;
  if (!year) {
    const counts = new Map<string, number>();
    for (const t of totals) counts.set(t.year, (counts.get(t.year) ?? 0) + 1);
    const [top, second] = [...counts].sort((a, b) => b[1] - a[1]);
    if (top && top[1] >= 2 && !(second && second[1] >= top[1])) year = top[0];
    else if (top && second) {
      // the totals split evenly between two years ("1.总体情况。2020 年度收入总计…" "2.收入情况。2019 年度收入合计…"): one of them
      // is the slip — the year the whole text frames most (at least twice, more than any other) is the report's
      year = framedMost(paras);
      framedOnly = year !== undefined;
      year ??= thisYearSplit(totals);
    }
    if (!year) return [];
  }
  // a later year's totals, in a text whose opening lines name no budget and whose year dominates its body (not a title's
  // alone, nor read off these totals): a year's accounts are drawn up after it ends, the next year's totals are not known
  const opening = paras
    .slice(0, TITLE_LINES)
    .map((pc) => pc.p.n.text)
    .join('')
    .replace(FUND_NAME, '');
  const noBudget = !opening.includes('预算');
  const laterToo = (year === dominant || framedOnly) && noBudget;
  const own = new Set(totals.filter((t) => t.year === year).map((t) => t.name));
  // a year whose own 决算 the text names ("第三部分 2023 年度部门决算情况说明"; not a base, 较 2022 年度决算数): the totals may be
  // that year's, and the report's year read wrong
  const accountsOf = new Set(
    paras.flatMap((pc) => [...allMatches(pc.p.n.text, OWN_ACCOUNTS)].map((m) => m[1] as string)),
  );
  const out: Claim[] = [];
  for (const t of totals) {
    if (t.year === year || accountsOf.has(t.year)) continue;
    // the same total for two years side by side is told on purpose — unless its figure is the report's year's own, to the
    // last digit ("1、总体情况。2021 年度收入总计 2,519.13 万元" and "2.收入情况。2022 年度收入总计 2,519.13 万元"): one figure, two years
    const same = totals.some(
      (o) => o.year === year && o.name === t.name && o.figure !== undefined && o.figure === t.figure,
    );
    if (own.has(t.name) && !same) continue;
    const text = t.pc.p.n.text;
    const sentence = sentenceAt(t.pc.p, t.at.start);
    // (or a 决算's text that states others of the unit's totals for the report's year, under no heading of a budget: "1.总体情况。
    // 2021 年度收入总计…" beside "2.收入情况。2020 年度收入合计…" under "2020 年度部门决算公开说明")
    const besideOwn = own.size > 0 && noBudget && !underBudgetHeading(paras, t.pc);
    if (
      Number(t.year) > Number(year) &&
      (!(laterToo || t.own || besideOwn) ||
        /预算|计划|预计/u.test(ownSaid(text.slice(sentence.start, sentence.end), t.own)))
    )
      continue;
    if (EARLIER_ON_PURPOSE.test(text.slice(sentence.start, sentence.end))) continue;
    if (yearBeforeFramed(paras, t.pc, t.at.start)) continue;
    out.push(claimAt(t.pc, t.at, year, '本单位的收支总数只报告年度一年'));
  }
  return out;
}

/**
 * "2022 年本年收入合计 A 万元" in one section and "2021 年本年支出合计 B 万元" in the next: 本年 is the one year a report is of,
 * so two consecutive years each saying their totals are 本年 contradict each other — the earlier is last year's line left
 * (a year left is more often than a next one written early). Read only when every total says 本年, they name exactly two
 * consecutive years, and no total is stated for both (two years side by side: "2022 年本年收入合计…，2021 年本年收入合计…").
 * Returns the later year, the report's.
 */
function thisYearSplit(totals: UnitTotal[]): string | undefined {
  if (!totals.every((t) => t.thisYear)) return undefined;
  const years = [...new Set(totals.map((t) => Number(t.year)))].sort((a, b) => a - b);
  if (years.length !== 2 || years[1] !== (years[0] as number) + 1) return undefined;
  const names = totals.map((t) => t.name);
  const bothYears = names.some((n) => new Set(totals.filter((t) => t.name === n).map((t) => t.year)).size > 1);
  return bothYears ? undefined : String(years[1]);
}

/** The year the text frames most (FRAMED), at least twice and more often than any other. */
function framedMost(paras: ParaClaims[]): string | undefined {
  const counts = new Map<string, number>();
  for (const pc of paras)
    for (const m of allMatches(pc.p.n.text, FRAMED)) counts.set(m[1] as string, (counts.get(m[1] as string) ?? 0) + 1);
  const [top, second] = [...counts].sort((a, b) => b[1] - a[1]);
  return top && top[1] >= 2 && !(second && second[1] >= top[1]) ? top[0] : undefined;
}

/** A sentence read for a plan: a total that names itself the year's own is not one for a fund's name (一般公共预算…). */
function ownSaid(said: string, own?: boolean): string {
  return own ? said.replace(FUND_NAME, '') : said;
}

/** The year framing a figure: the last year written before it in its sentence, when it frames (not a base, a range, a date). */
function yearBefore(text: string, at: number): { year: string; index: number } | undefined {
  const clauseStart = Math.max(...['。', '；'].map((c) => text.lastIndexOf(c, at - 1))) + 1;
  const years = [...allMatches(text.slice(clauseStart, at), /20[0-9]{2}年/gu)];
  const last = years[years.length - 1];
  if (!last) return undefined;
  const index = clauseStart + last.index;
  FRAMED.lastIndex = 0;
  const framed = [...allMatches(text, FRAMED)].some((m) => m.index === index);
  return framed ? { year: text.slice(index, index + 4), index } : undefined;
}

/**
 * n.year-body: a headline states a year's figure ("2018 年某项规模达 35861.4 亿元"), and the body states the same figure (at least
 * four significant digits, the same unit) framed by another year in its sentence ("…公布，2017 年全国…规模达 35861.4 亿元，较上年
 * 增长 P%"): one figure is one year's, one of the two years is wrong. The headline is the first line, short and without a
 * sentence's end; each year is the last one written before its figure in its sentence and frames it (no base, 比 2017 年).
 */
function headlineYearClaims(paras: ParaClaims[]): Claim[] {
  const head = paras.find((pc) => pc.p.n.text.trim().length > 0);
  if (!head) return [];
  const title = head.p.n.text;
  if (title.length > 60 || /[。；]/u.test(title)) return [];
  const out: Claim[] = [];
  const said = new Set<string>();
  for (const a of head.p.amounts) {
    if (significantDigits(a) < 4) continue;
    const y = yearBefore(title, a.start);
    if (!y) continue;
    for (const pc of paras) {
      if (pc === head) continue;
      for (const b of pc.p.amounts) {
        if (!b.value.eq(a.value) || writtenUnit(b) !== writtenUnit(a) || significantDigits(b) < 4) continue;
        const z = yearBefore(pc.p.n.text, b.start);
        if (!z || z.year === y.year || said.has(`${pc.p.para.n}:${z.index}`)) continue;
        said.add(`${pc.p.para.n}:${z.index}`);
        out.push(
          claimAt(pc, { start: z.index, end: z.index + 5 }, y.year, `标题写的是 ${y.year} 年的同一数字 ${a.text}`),
        );
      }
    }
  }
  return out;
}
