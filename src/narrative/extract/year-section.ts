import type { Claim } from '../claims.js';
import { sourceSlice } from '../text/normalise.js';
import type { ParaClaims } from './across.js';
import { outlineHeading, type ParaText, place, sentenceAt } from './para.js';
import { reportYear, TITLE, TITLE_LINES } from './year.js';
import { allMatches } from '../../util/matches.js';

/** A year with the part of it a statement is of: "2024 年上半年", "2023 年 1-9 月", "2022 年前三季度", "2023 年". */
const YEAR_PERIOD =
  /(?<![0-9])(20[0-9]{2})年度?((?:上|下)半年|前三季度|第?[一二三四]季度|[0-9]{1,2}(?:[-—~～至到][0-9]{1,2})?月(?:份)?)?/u;
/** A paragraph opening with its year (and period): "2023 年上半年，我镇实现财政支出…", "2022 年，全区一般公共预算收入…". */
const OPENING = new RegExp(`^${YEAR_PERIOD.source}(?![0-9年]|以来|末|底|初|前|后|起|同期|的|和|及|至|到|、)[，]?`, 'u');
/** A heading about a year's outturn: its revenue, its spending, its budget's execution, its accounts. */
const OUTTURN = /执行|决算|收入|支出|收支|完成/u;
/** A heading (or a sentence) about a plan, an estimate or the years since: not an outturn's statement. */
const PLAN = /草案|安排|计划|目标|预计|预期|拟|以来|以前|期间|回顾|展望|结转|结余|审计|整改|债务|—|～/u;
/**
 * The year's own figures: a level with its completion of the budget, its change (增长 P%, 同比, 比上年) or its share of
 * the year's whole (占 P%: "…支出决算中，公务接待费 A 万元，占 P%").
 */
const OWN_FIGURES =
  /^[^。；]*?[0-9][0-9,.]*(?:万元|亿元|元)[^。；]{0,40}?(?:完成|为[^。；]{0,12}?预算|增长|下降|增加|减少|上升|降低|同比|比上年|较上年|占[^。；0-9]{0,16}?[0-9.]+%)/u;

/** The one year (and its period) a heading names, when it names exactly one and frames with it. */
function headingYear(text: string): { year: string; period: string } | undefined {
  const all = text.match(/20[0-9]{2}/gu) ?? [];
  if (all.length !== 1) return undefined;
  const m = YEAR_PERIOD.exec(text);
  if (!m || /^(?:以来|末|底|初|前|后|起|同期|的)/u.test(text.slice(m.index + m[0].length))) return undefined;
  return { year: m[1] as string, period: m[2] ?? '' };
}

type SectionYear = { year: string; period: string; why: string };

/** What a heading's text gives a section: its year, 'none' (no year: read on above), or undefined (not an outturn's). */
function headingGives(text: string): SectionYear | 'none' | undefined {
  if (!/20[0-9]{2}/u.test(text)) return 'none';
  if (PLAN.test(text) || !OUTTURN.test(text)) return undefined;
  if (/预算/u.test(text) && !/执行|决算/u.test(text)) return undefined;
  const named = headingYear(text);
  return named && { ...named, why: `其上的标题为 ${named.year} 年${named.period}` };
}

/** The title at the top naming one year's accounts ("某区 2024 年决算报告", "关于某县 2023 年财政决算的报告"). */
function accountsTitleYear(paras: ParaClaims[]): string | undefined {
  for (const { p } of paras.slice(0, TITLE_LINES)) {
    const text = p.n.text;
    if (!(TITLE.test(text) || /^关于[^。；，]{2,40}的报告$/u.test(text)) || /[。；]/u.test(text)) continue;
    if (!/决算/u.test(text) || /预算|上半年|[0-9]月/u.test(text)) continue;
    const years = text.match(/20[0-9]{2}/gu) ?? [];
    return years.length === 1 ? years[0] : undefined;
  }
  return undefined;
}

/**
 * The year (and period) a section's paragraph is of: the nearest of its heading and the headings above it (each at a
 * higher outline level) that names a year — read only when that heading tells an outturn (收入, 支出, 执行, 决算) and no
 * plan (预算草案, 安排); else, when none names a year, the title's year of its accounts.
 */
function sectionYear(
  paras: ParaClaims[],
  index: number,
  titled: string | undefined,
  runIn?: { text: string; level: number },
): SectionYear | undefined {
  if (runIn) {
    const own = headingGives(runIn.text);
    if (own !== 'none') return own;
  }
  let level = runIn?.level ?? Number.POSITIVE_INFINITY;
  for (let k = index - 1; k >= 0; k -= 1) {
    const { p } = paras[k] as ParaClaims;
    if (p.level === undefined || p.level >= level) continue;
    if (!outlineHeading(p, { closingStop: true })) return undefined;
    level = p.level;
    const gives = headingGives(p.n.text);
    if (gives !== 'none') return gives;
  }
  return titled ? { year: titled, period: '', why: `标题为 ${titled} 年决算` } : undefined;
}

/** A heading run into its paragraph: "（一）收入情况。", "2.支出方面：" — no figure in it. */
const RUN_IN =
  /^(?:（[一二三四五六七八九十]{1,2}）|[一二三四五六七八九十]{1,2}、|[0-9]{1,2}[.、])[^。；，：]{2,24}?[。：]/u;

/**
 * A lead-in announcing one year's accounts: "…各单位 2021 年“三公”经费决算情况公开如下：", "现将本局 2022 年度决算报告如下：" — what
 * follows it (the rest of its paragraph, or the next paragraph when it ends its own) is that year's statement, as a
 * section's under its heading. Its year is the one right before 决算 (not a range's end, 2019—2021 年, nor a base), and
 * the lead-in names no other year.
 */
const ACCOUNTS_LEAD_IN =
  /(?<![0-9—\-~～至到和及与、较比])(20[0-9]{2})年度?[^。；，0-9年]{0,20}?决算(?:情况|数|报告)?[^。；，0-9年]{0,10}?(?:公开|公布|说明|报告)如下[：:]/u;

/** The year a lead-in gives what follows it (ACCOUNTS_LEAD_IN), and where the lead-in ends. */
function leadIn(p: ParaText): { section: SectionYear; end: number } | undefined {
  const m = ACCOUNTS_LEAD_IN.exec(p.n.text);
  if (!m) return undefined;
  const end = m.index + m[0].length;
  if (new Set(p.n.text.slice(0, end).match(/20[0-9]{2}/gu)).size !== 1) return undefined;
  const year = m[1] as string;
  return { section: { year, period: '', why: `其上的导语公开的是 ${year} 年的决算` }, end };
}

/** Where a paragraph's opening statement starts, and the lead-in it follows if any; undefined when it opens no section. */
function openingAt(paras: ParaClaims[], index: number): { from: number; lead?: SectionYear } | undefined {
  const { p } = paras[index] as ParaClaims;
  const above = paras[index - 1]?.p;
  const own = leadIn(p);
  if (own && own.end < p.n.text.trimEnd().length) return { from: own.end, lead: own.section };
  const before = above && leadIn(above);
  if (before && before.end === above.n.text.trimEnd().length)
    return p.level === undefined ? { from: 0, lead: before.section } : undefined;
  // a paragraph right under its heading line, or one opening with its own heading ("（二）支出情况。2023 年上半年，…")
  if (p.level === undefined) return above && outlineHeading(above, { closingStop: true }) ? { from: 0 } : undefined;
  const runIn = RUN_IN.exec(p.n.text)?.[0];
  return runIn && !/[0-9.]+(?:万元|亿元|元|%)/u.test(runIn) ? { from: runIn.length } : undefined;
}

/**
 * n.year-body: the first paragraph of a section opens with a year that is not the section's — "（二）2024 年上半年支出情况"
 * over "2023 年上半年，我镇实现财政支出 A 万元，完成年初预算 R%"; "（一）一般公共预算" in "某区 2024 年决算报告" over "2023 年，全区一般
 * 公共预算收入 A 亿元，增长 P%"; "…2021 年“三公”经费决算情况公开如下：" over "2020 年，州本级“三公”经费支出决算 A 万元，较上年 B 万元
 * 减少 C 万元": the paragraph states the year's own figures (a level with its completion or its change) with an earlier
 * year — last year's line left. Read only a paragraph right under its heading (or its lead-in), whose first sentence names
 * no other year, the same part of the year as its heading (上半年, 1-9 月), and no plan or estimate (安排, 预计); a section
 * of a plan or of balances carried over is not read, nor a heading's year that is not the report's when that is known.
 */
export function sectionOpeningClaims(paras: ParaClaims[], report = reportYear(paras)): Claim[] {
  const titled = accountsTitleYear(paras);
  const out: Claim[] = [];
  paras.forEach((pc, index) => {
    const { p } = pc;
    const at = openingAt(paras, index);
    if (!at) return;
    const { from, lead } = at;
    const m = OPENING.exec(p.n.text.slice(from));
    if (!m) return;
    const sentence = sentenceAt(p, from);
    const first = p.n.text.slice(from, sentence.end);
    if ((first.match(/20[0-9]{2}/gu) ?? []).length !== 1 || PLAN.test(first) || !OWN_FIGURES.test(first)) return;
    const runIn =
      !lead && from > 0 && p.level !== undefined ? { text: p.n.text.slice(0, from), level: p.level } : undefined;
    const section = lead ?? sectionYear(paras, index, titled, runIn);
    if (!section || Number(m[1]) >= Number(section.year) || (m[2] ?? '') !== section.period) return;
    if (report && report !== section.year) return;
    const span = { start: from, end: from + (m[1] as string).length + 1 };
    const written = sourceSlice(p.n, span.start, span.end);
    out.push({
      kind: 'residue',
      residueId: 'year-body',
      check: 'narrative.year-body',
      text: `${written}（报告年度 ${section.year}；${section.why}）`,
      written,
      should: written.replace(m[1] as string, section.year),
      ...place(p, sentence, span),
    });
  });
  return out;
}

/** What a year's statement may not be followed by to frame it: a period since, a year's end, a base, a range. */
const NOT_FRAME = /^(?:[0-9年]|以来|末|底|初|前|后|起|同期|的|和|及|至|到|、)/u;

/**
 * "《2020 年全国教育经费执行情况统计公告》显示，2019 年全国教育经费总投入为 A 亿元，比上年增长 P%": a statistical
 * bulletin (统计公告, 统计公报) is named for the year it reports; the figure it is said to show, compared with the year
 * before, is of that year — another year written there is a slip. Read only the year written right after 显示, with a
 * level and its change on the year before in the same sentence (a base, "2019 年为 B", is not read).
 */
const BULLETIN =
  /(?<![0-9])(20[0-9]{2})年[^。；《》]{0,40}?统计(?:公告|公报)》?(?:（[^（）]{0,12}）)?[^。；，]{0,16}?显示[，：]?(20[0-9]{2})年度?/dgu;
/** A level and its change on the year before: "…为 A 亿元，比上年增长 P%". */
const CHANGE_ON_YEAR_BEFORE =
  /^[^。；]*?[0-9][0-9,.]*(?:万元|亿元|元|%)[^。；]{0,20}?(?:比上年|较上年|同比)[^。；]{0,12}?(?:增长|下降|增加|减少|上升|降低)/u;

export function bulletinYearClaims(paras: ParaClaims[]): Claim[] {
  const out: Claim[] = [];
  for (const pc of paras)
    for (const m of allMatches(pc.p.n.text, BULLETIN)) {
      const [named, stated] = [m[1] as string, m[2] as string];
      const [start, end] = m.indices?.[2] ?? [m.index, m.index];
      const after = pc.p.n.text.slice(m.index + m[0].length);
      if (named === stated || NOT_FRAME.test(after) || !CHANGE_ON_YEAR_BEFORE.test(after)) continue;
      const span = { start, end: end + 1 };
      const written = sourceSlice(pc.p.n, span.start, span.end);
      out.push({
        kind: 'residue',
        residueId: 'year-body',
        check: 'narrative.year-body',
        text: `${written}（报告年度 ${named}；统计公告报告的是 ${named} 年的数）`,
        written,
        should: written.replace(stated, named),
        ...place(pc.p, sentenceAt(pc.p, start), span),
      });
    }
  return out;
}

/** A comparison of a frame's figures with the year before's: "比上年的 B 元增加 P%", "较上年增长", "同比下降". */
const ON_YEAR_BEFORE = /(?:比|较)上年|同比/u;
/** How many characters after the year two lead-ins share at least to be one statement's ("全区普通小学、普通初中"). */
const SHARED_LEAD = 6;
/** How many item paragraphs after a lead-in ending in "：" are read as its items. */
const LEAD_ITEMS = 8;

interface LeadIn {
  pc: ParaClaims;
  index: number;
  year: string;
  start: number;
  lead: string;
}

/** Each sentence opening with a year whose figures (in it, or in the items after its "：") are compared with 上年. */
function leadIns(paras: ParaClaims[]): LeadIn[] {
  const out: LeadIn[] = [];
  paras.forEach((pc, index) => {
    const { p } = pc;
    for (const s of p.sentences) {
      const text = p.n.text.slice(s.start, s.end);
      const m = /^(20[0-9]{2})年度?/u.exec(text);
      if (!m || NOT_FRAME.test(text.slice(m[0].length)) || PLAN.test(text)) continue;
      if ((text.match(/20[0-9]{2}/gu) ?? []).length !== 1) continue;
      let compared = ON_YEAR_BEFORE.test(text);
      if (!compared && /：$/u.test(text.trim()) && s.end >= p.n.text.trimEnd().length)
        for (const next of paras.slice(index + 1, index + 1 + LEAD_ITEMS)) {
          // the items: "（1）…", "1）…" or plain lines, up to the next heading or the next line opening with a year
          if ((next.p.level !== undefined && next.p.level < 4) || /^20[0-9]{2}年/u.test(next.p.n.text)) break;
          if (ON_YEAR_BEFORE.test(next.p.n.text)) compared = true;
        }
      if (!compared) continue;
      const lead = text
        .slice(m[0].length)
        .replace(/[，、：；（）\s]/gu, '')
        .slice(0, SHARED_LEAD);
      if (lead.length === SHARED_LEAD) out.push({ pc, index, year: m[1] as string, start: s.start, lead });
    }
  });
  return out;
}

/**
 * n.year-body: lead-ins written alike, each opening with its year and followed by figures compared with the year
 * before ("2021 年全区普通小学、普通初中…生均公用经费支出情况是：（1）…比上年的 B 元增长 P%"), all of the report's year but
 * one of an earlier year written after them ("2020 年全区普通小学、普通初中…") — the year before's figures are each
 * statement's base, never its frame: that year is last year's left. Read when at least three lead-ins share their
 * opening words, two or more name the report's year and one names an earlier year after one of them (a series of
 * years told in order is not read), and none is a plan or an estimate.
 */
export function leadInYearClaims(paras: ParaClaims[], report = reportYear(paras)): Claim[] {
  if (!report) return [];
  const groups = new Map<string, LeadIn[]>();
  for (const l of leadIns(paras)) groups.set(l.lead, [...(groups.get(l.lead) ?? []), l]);
  const out: Claim[] = [];
  for (const group of groups.values()) {
    const own = group.filter((l) => l.year === report);
    const others = group.filter((l) => l.year !== report);
    if (group.length < 3 || own.length < 2 || others.length !== 1) continue;
    const odd = others[0] as LeadIn;
    if (
      Number(odd.year) > Number(report) ||
      !own.some((l) => l.index < odd.index || (l.index === odd.index && l.start < odd.start))
    )
      continue;
    const span = { start: odd.start, end: odd.start + 5 };
    const written = sourceSlice(odd.pc.p.n, span.start, span.end);
    out.push({
      kind: 'residue',
      residueId: 'year-body',
      check: 'narrative.year-body',
      text: `${written}（报告年度 ${report}；同样写法的其余 ${own.length} 处均为 ${report} 年）`,
      written,
      should: written.replace(odd.year, report),
      ...place(odd.pc.p, sentenceAt(odd.pc.p, odd.start), span),
    });
  }
  return out;
}
