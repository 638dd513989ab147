import type { Claim, Span } from '../claims.js';
import type { ParaClaims } from './across.js';
import type { ParaText } from './para.js';
import { sentenceAt } from './para.js';
import { residueAt } from './residue-at.js';
import { TITLE_LINES } from './year.js';

/**
 * Fund names that end in 预算 but name no document ("一般公共预算收支决算情况" is the 决算 of a fund; "“三本预算”执行" the
 * execution of three funds): masked before the kind of document after a year is read.
 */
const FUNDS =
  /一般公共预算|政府性基金预算|国有资本经营预算|社会保险基金预算|社会保险基金|公共财政预算|三本预算|四本预算/gu;

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
  for (const m of text.slice(0, to).matchAll(YEAR_KIND)) {
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

/** A heading line: an outline level, short, no sentence end; no comparison of two years. */
function headingLine(p: ParaText): boolean {
  return p.level !== undefined && p.n.text.length <= 40 && !/[。；，]/u.test(p.n.text);
}

/** A title line among the first: short, no sentence end, not the line of a date and a meeting. */
function titleLine(p: ParaText): boolean {
  return p.level === undefined && p.n.text.length <= 80 && !/[。；，]/u.test(p.n.text);
}

/**
 * Headings run into a long line (a page flattened into one line: "… 一、2021 年财政决算主要情况 （一）2021 年一般公共预算收支决算
 * 情况 1.全区…"): an outline marker after a space in the source, and the words after it up to the next space.
 */
const INLINE_MARK = /(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）)/gu;

function inlineHeadings(p: ParaText): Span[] {
  const out: Span[] = [];
  const { text, source, at } = p.n;
  for (const m of text.matchAll(INLINE_MARK)) {
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
    if (headingLine(p)) {
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
  for (const a of anchors(paras)) byKey.set(a.key, [...(byKey.get(a.key) ?? []), a]);
  const out: Claim[] = [];
  for (const [key, list] of byKey) {
    const years = new Map<string, Anchor[]>();
    for (const a of list) years.set(a.year, [...(years.get(a.year) ?? []), a]);
    if (years.size !== 2) continue;
    const [[y1, l1], [y2, l2]] = [...years] as [[string, Anchor[]], [string, Anchor[]]];
    let odd: Anchor | undefined;
    let right: string | undefined;
    const named = (l: Anchor[]) => l.some((a) => a.source !== 'heading');
    // the majority holds when the title or a presenting sentence is among it, or the one odd place is one of them
    if (l1.length >= 2 && l2.length === 1 && (named(l1) || named(l2))) [odd, right] = [l2[0], y1];
    else if (l2.length >= 2 && l1.length === 1 && (named(l2) || named(l1))) [odd, right] = [l1[0], y2];
    else if (l1.length === 1 && l2.length === 1 && Math.abs(Number(y1) - Number(y2)) === 1) {
      // two places, a year apart: the body's year tells which is left; else the title holds against a presenting sentence
      const [a, b] = [l1[0] as Anchor, l2[0] as Anchor];
      if (report === a.year && (named(l1) || named(l2))) [odd, right] = [b, a.year];
      else if (report === b.year && (named(l1) || named(l2))) [odd, right] = [a, b.year];
      else if (a.source === 'title' && b.source === 'self') [odd, right] = [b, a.year];
      else if (b.source === 'title' && a.source === 'self') [odd, right] = [a, b.year];
    }
    // the body's own year on the odd place's side: the others are the ones left (the heading rules' to tell)
    if (!odd || !right || report === odd.year) continue;
    const kind = KIND_NAME[key.split('|')[0] as string] as string;
    const period = key.split('|')[1] ?? '';
    const where = { title: '标题', self: '报告开头说明本报告的一句', heading: '各级标题' };
    const others = (years.get(right) ?? []).map((a) => where[a.source]);
    const a = odd;
    out.push(
      residueAt(a.p, a.span, a.source === 'self' ? sentenceAt(a.p, a.span.start) : a.within, () => ({
        residueId: 'year-body',
        check: 'narrative.year-body',
        messageId: 'year-body-self',
        text: `${[...new Set(others)].join('、')}写的是 ${right} 年${period}${kind}`,
        should: right,
      })),
    );
  }
  return out;
}
