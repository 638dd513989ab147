import type { Claim, Span } from '../claims.js';
import type { ParaClaims } from './across.js';
import type { ParaText } from './para.js';
import { outlineHeading, sentenceAt } from './para.js';
import { fundNamesAnd } from '../text/fund-names.js';
import { residueAt } from './residue-at.js';
import { FRAMED, TITLE_LINES } from './year.js';
import { allMatches } from '../../util/matches.js';

/**
 * Fund names that end in 预算 but name no document ("一般公共预算收支决算情况" is the 决算 of a fund; "“三本预算”执行" the
 * execution of three funds): masked before the kind of document after a year is read.
 */
const FUNDS = fundNamesAnd('社会保险基金|三本预算|四本预算');

/**
 * A year and the document kind it frames: "2021 年区本级决算", "2022 年上半年预算执行", "2023 年预算草案", "2020 年度部门决算",
 * "2024 年“三公”经费预算" — not a comparison's base (比/较/与 2021 年), a range, a date or a figure (决算数, 预算数).
 */
const YEAR_KIND =
  /(?<![0-9与较比至到—\-~～]|[低高多少大小等早晚]于)(20[0-9]{2})年度?(上半年|1[-—~～至]6月|一至六月|以来)?([^，。；：、0-9《》（）年]{0,14}?)(决算|执行|预算)(?!数|审计|整改|批复|调整|中|时|后|以来|编制工作|管理)/gu;
/** Words between the year and the kind that make it another matter: an audit, a resolution, a comparison. */
const OTHER_MATTER = /审计|整改|问题|决议|批复|调整|比|较|对比|上年|以前|之前|绩效|编制|管理|改革|工作/u;
/** A 预算 followed shortly by 执行 or 完成 is a budget's execution. */
const EXECUTED = /^[^，。；、0-9年]{0,6}?(?:执行|完成)/u;

/** After 预算: the budget as a document — its draft, its plan, its publication, its explanation, its tables. */
const BUDGET_DOCUMENT = /^(?:草案|（草案）|安排|公开|的?说明|情况说明|情况的说明|总?表|编制说明|报告|$)/u;

/**
 * A sentence in which the report names itself: "受区人民政府委托，向区人大常委会报告…", "现将某县…报告如下", "现将本单位…公开如下",
 * "…提请县人民代表大会审议", "我向会议作关于…的报告".
 */
const SELF =
  /受[^。；]{0,24}委托|现[将就][^。；]{0,80}如下|向[^。；]{0,40}(?:会议|常委会|大会|常务委员会)[^。；]{0,12}?(?:报告|提出|作|提交)|提请[^。；]{0,60}审[议查]|作关于[^。；]{0,60}的报告/u;

type Source = 'title' | 'self' | 'heading';

interface Anchor {
  p: ParaText;
  span: Span;
  within: Span;
  year: string;
  key: string;
  source: Source;
}

/** How often the body frames the report's year at least, for a title alone to be held against it. */
const MIN_BODY = 3;

const KIND_NAME: Record<string, string> = { A: '决算', E: '预算执行', B: '预算' };

/** The text with fund names masked (same length): a kind read after it is the document's, not a fund's name. */
function masked(text: string): string {
  return text.replace(FUNDS, (m) => '□'.repeat(m.length));
}

/** Each year framing a document kind within [from, to) of a paragraph. */
function yearKinds(p: ParaText, from: number, to: number, source: Source, within: Span): Anchor[] {
  const text = masked(p.n.text);
  const out: Anchor[] = [];
  YEAR_KIND.lastIndex = 0;
  for (const m of allMatches(text.slice(0, to), YEAR_KIND)) {
    if (m.index < from) continue;
    const gap = m[3] ?? '';
    if (OTHER_MATTER.test(gap)) continue;
    // inside a book title: another document's name ("根据《关于做好 2023 年度部门决算公开的通知》")
    const before = text.slice(from, m.index);
    if (before.lastIndexOf('《') > before.lastIndexOf('》')) continue;
    const after = text.slice(m.index + m[0].length);
    // the rest of its clause about another matter: "2024 年预算执行中发现问题的整改情况", "…预算执行和其他财政收支的审计情况"
    if (/审计|整改|问题|决议|批复|调整/u.test(/^[^，。；]*/u.exec(after)?.[0] ?? '')) continue;
    let kind = m[4] === '决算' ? 'A' : m[4] === '执行' ? 'E' : 'B';
    if (kind === 'B' && EXECUTED.test(after)) kind = 'E';
    // a budget as a document: a draft, a department's, the 三公 funds' ("2024 年预算收支情况" under an execution heading
    // is the year's outturn, not read)
    if (kind === 'B' && !BUDGET_DOCUMENT.test(after) && !/部门|单位|三公|经费/u.test(gap)) continue;
    // a 执行 with no 预算 before it is a budget's only after a fund's name ("□□□□执行")
    if (m[4] === '执行' && !/□$|预算$/u.test(text.slice(0, m.index + m[0].length - 2))) continue;
    const period = m[2] ?? '';
    const key = `${kind}|${period === '以来' ? '以来' : period ? '上半年' : ''}`;
    out.push({ p, span: { start: m.index, end: m.index + 4 }, within, year: m[1] as string, key, source });
  }
  return out;
}

/** A title line among the first: short, no sentence end, not the line of a date and a meeting. */
function titleLine(p: ParaText): boolean {
  return p.level === undefined && p.n.text.length <= 80 && !/[。；，：]/u.test(p.n.text) && !SELF.test(p.n.text);
}

/** How often the body (outside the title, the headings and the presenting sentences) frames each year. */
function bodyYears(paras: ParaClaims[], anchored: Anchor[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { p } of paras) {
    if (outlineHeading(p)) continue;
    const spans = anchored.filter((a) => a.p === p).map((a) => a.within);
    for (const m of allMatches(p.n.text, FRAMED))
      if (!spans.some((w) => m.index >= w.start && m.index < w.end))
        counts.set(m[1] as string, (counts.get(m[1] as string) ?? 0) + 1);
  }
  return counts;
}

/**
 * Headings run into a long line (a page flattened into one line: "… 一、2021 年财政决算主要情况 （一）2021 年一般公共预算收支决算
 * 情况 1.全区…"): an outline marker after a space in the source, and the words after it up to the next space.
 */
const INLINE_MARK = /(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）)/gu;

function inlineHeadings(p: ParaText): Span[] {
  const out: Span[] = [];
  const { text, source, at } = p.n;
  for (const m of allMatches(text, INLINE_MARK)) {
    if (m.index === 0) continue;
    const s = at[m.index] as number;
    if (!/\s/u.test(source[s - 1] ?? '')) continue;
    // the heading ends where the source has its next space
    let end = m.index + m[0].length;
    while (end < text.length && !/\s/u.test(source.slice((at[end - 1] as number) + 1, at[end] as number))) end += 1;
    const words = text.slice(m.index, end);
    if (end - m.index > 40 || /[。；，：]/u.test(words)) continue;
    out.push({ start: m.index, end });
  }
  return out;
}

/** Every place the report names a year of one of its documents: its title, its sentences naming itself, its headings. */
function anchors(paras: ParaClaims[]): Anchor[] {
  const out: Anchor[] = [];
  const firsts = paras.filter((pc) => pc.p.n.text.trim().length > 0).slice(0, TITLE_LINES);
  for (const { p } of paras) {
    const whole = { start: 0, end: p.n.text.length };
    if (firsts.some((pc) => pc.p === p) && titleLine(p)) {
      out.push(...yearKinds(p, 0, p.n.text.length, 'title', whole));
      continue;
    }
    if (outlineHeading(p)) {
      out.push(...yearKinds(p, 0, p.n.text.length, 'heading', whole));
      continue;
    }
    for (const s of p.sentences) {
      const sentence = p.n.text.slice(s.start, s.end);
      if (SELF.test(sentence)) out.push(...yearKinds(p, s.start, s.end, 'self', s));
    }
    for (const h of inlineHeadings(p)) out.push(...yearKinds(p, h.start, h.end, 'heading', h));
  }
  return out;
}

/**
 * n.year-body: the report names itself — its title ("关于某区 2021 年决算草案的报告"), the sentence presenting it ("受区政府
 * 委托，向区人大常委会报告 2021 年决算情况"，"现将某县 2024 年财政总决算和 2025 年 1-6 月财政预算执行情况报告如下"), its headings
 * ("一、2021 年财政决算主要情况", "（一）2021 年一般公共预算收支决算情况") — and each time a document kind (决算, a budget's
 * execution for the year or its first half, a budget) must carry the same year. One of them writing another year
 * once, where the others agree on one year at least twice (and the title or a presenting sentence among them), is a
 * year left from an earlier report; a title and a presenting sentence alone disagreeing are told by the body's year.
 * Not read: a year inside a book title (another document), an audit, a rectification, a resolution, an adjustment
 * or a comparison, a kind written with three or more years (a list of reports), and different kinds (a 决算 of one
 * year beside the next year's first half, a budget's execution beside the next year's draft).
 */
export function selfYearClaims(paras: ParaClaims[], report: string | undefined): Claim[] {
  const byKey = new Map<string, Anchor[]>();
  const all = anchors(paras);
  for (const a of all) byKey.set(a.key, [...(byKey.get(a.key) ?? []), a]);
  const body = bodyYears(paras, all);
  const votes = (y: string) => body.get(y) ?? 0;
  // the body's year: the strong one when the text has it, else the year the body frames more than the other
  const bodySide = (y1: string, y2: string) =>
    report === y1 || report === y2 ? report : votes(y1) !== votes(y2) ? (votes(y1) > votes(y2) ? y1 : y2) : undefined;
  interface Decision {
    key: string;
    odd: Anchor;
    right: string;
    others: Anchor[];
    /** The place held right only for ranking above the odd one (title over a presenting sentence over a heading). */
    ranked?: Anchor;
    /** Held against the body's year alone. */
    body?: boolean;
  }
  const decisions: Decision[] = [];
  for (const [key, list] of byKey) {
    const years = new Map<string, Anchor[]>();
    for (const a of list) years.set(a.year, [...(years.get(a.year) ?? []), a]);
    // the title alone naming the document's year, the body framing another, later year throughout (the report's year, at
    // least three times) and the title's never: "2013 年某站部门决算" over a text of 2014. A budget's title later than
    // the body's year is no stale title: a budget tells the year before's projects ("减少 2024 年一次性项目" under "2025
    // 年单位预算")
    const only = list[0] as Anchor;
    if (list.length === 1 && only.source === 'title' && report && report !== only.year && !only.key.startsWith('E')) {
      if (only.key.startsWith('B') && Number(only.year) > Number(report)) continue;
      if (
        votes(only.year) === 0 &&
        votes(report) >= MIN_BODY &&
        (only.p.n.text.match(/20[0-9]{2}/gu) ?? []).length === 1
      )
        decisions.push({ key, odd: only, right: report, others: [], body: true });
      continue;
    }
    if (years.size !== 2) continue;
    const [[y1, l1], [y2, l2]] = [...years] as [[string, Anchor[]], [string, Anchor[]]];
    const named = (l: Anchor[]) => l.some((a) => a.source !== 'heading');
    // the majority holds when the title or a presenting sentence is among it, or the one odd place is one of them
    const holds = (l: Anchor[], o: Anchor[]) => named(l) || named(o);
    let found: Decision | undefined;
    if (l1.length >= 2 && l2.length === 1 && holds(l1, l2))
      found = { key, odd: l2[0] as Anchor, right: y1, others: l1 };
    else if (l2.length >= 2 && l1.length === 1 && holds(l2, l1))
      found = { key, odd: l1[0] as Anchor, right: y2, others: l2 };
    else if (l1.length === 1 && l2.length === 1 && Math.abs(Number(y1) - Number(y2)) === 1 && holds(l1, l2)) {
      // two places a year apart, the title or a presenting sentence among them: the body's year tells the earlier one
      // left (a later one may be next year's budget told beside the year's accounts); else the title or the presenting
      // sentence holds against a heading, the title against a presenting sentence
      const [a, b] = [l1[0] as Anchor, l2[0] as Anchor];
      const rank = { title: 2, self: 1, heading: 0 };
      const side = bodySide(a.year, b.year);
      if (side) {
        const [kept, left] = side === a.year ? [a, b] : [b, a];
        if (Number(left.year) < Number(kept.year)) found = { key, odd: left, right: kept.year, others: [kept] };
      } else if (rank[a.source] > rank[b.source]) found = { key, odd: b, right: a.year, others: l1, ranked: a };
      else if (rank[b.source] > rank[a.source]) found = { key, odd: a, right: b.year, others: l2, ranked: b };
    }
    // the body's own year on the odd place's side: the others are the ones left (the heading rules' to tell)
    // the body's own year on the odd place's side: the others are the ones left (the heading rules' to tell)
    if (found && bodySide(y1, y2) !== found.odd.year) decisions.push(found);
  }
  // a presenting sentence found left for one document is no measure for another ("2022 年预算执行情况和 2023 年预算草案"
  // in the report on 2023 and 2024: its 2023 is not the draft's year the heading "二、2024 年预算草案" should carry)
  const oddSentence = (a: Anchor) => `${a.p.para.n}:${a.within.start}`;
  const left = new Set(decisions.filter((d) => !d.ranked).map((d) => oddSentence(d.odd)));
  const out: Claim[] = [];
  for (const { key, odd: a, right, others, ranked, body: byBody } of decisions) {
    if (ranked && left.has(oddSentence(ranked))) continue;
    const kind = KIND_NAME[key.split('|')[0] as string] as string;
    const period = key.split('|')[1] ?? '';
    const where = { title: '标题', self: '报告开头说明本报告的一句', heading: '各级标题' };
    out.push(
      residueAt(a.p, a.span, a.source === 'self' ? sentenceAt(a.p, a.span.start) : a.within, () => ({
        residueId: 'year-body',
        check: 'narrative.year-body',
        messageId: 'year-body-self',
        text: byBody
          ? `正文通篇写的是 ${right} 年`
          : `${[...new Set(others.map((o) => where[o.source]))].join('、')}写的是 ${right} 年${period}${kind}`,
        should: right,
      })),
    );
  }
  return out;
}
