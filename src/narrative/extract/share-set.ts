import { Decimal } from 'decimal.js';
import type { Claim, PercentMention } from '../claims.js';
import { allCoverings } from '../catalog/partitions.js';
import type { Subject } from '../catalog/types.js';
import { place, sentenceAt } from './para.js';
import { startingAt, within } from './spans.js';
import { markStart, type ParaState } from './state.js';
import { subjectsIn, writtenNumber } from './mentions.js';
import { flowOf } from './lists.js';
import { allMatches } from '../../util/matches.js';

/** What follows a whole's name after 占 before the percentage: "的", "的比重为", "比" (占比). */
const WHOLE_TAIL = /(?:的)?(?:比重|比例|占比|比)?(?:为|是|达|约为)?$/u;

/** The clause before 占: "（其中）甲（所）", or "乙中甲（所）" naming the whole 乙 the part 甲 is of. */
const PART_CLAUSE = /^(?:(?<of>[^，；：。、0-9%]{2,16}?)中)?(?:其中)?(?<name>[^，；：。、0-9%]{2,16}?)(?:所)?$/u;

/** A clause opening the sentence that names the whole: "2024 年度“三公”经费支出中，", "本年收入构成：". */
const OPENER = /(?<of>[^，；：。0-9%]{2,20}?)(?:决算|预算)?(?:数)?(?:中|构成|结构)(?:情况)?[，：]$/u;

/** The one subject `text` names, whole: the mention must cover it (a year, a place, 本单位 before it aside). */
function subjectNamed(s: ParaState, text: string): Subject | undefined {
  const mentions = subjectsIn(text, s.vocabulary);
  const last = mentions[mentions.length - 1];
  if (!last || last.end !== text.length) return undefined;
  const before = text.slice(0, last.start);
  return /^(?:[0-9]{4}年度?|年度|本单位|本部门|全年|本年度?|当年)*$/u.test(before) ? last.subject : undefined;
}

/** 基本支出 of all funds and of the general budget break down alike (人员经费 + 公用经费): the whole named either way. */
const SAME_TOTAL: Record<string, string> = { basic: 'general-basic' };

/** Wholes the parts' percentages need not add up under: a budget, a change, a target, the year before. */
const NOT_A_WHOLE = /预算|增|减|变动|差额|上年|计划|目标|任务/u;

interface BareShare {
  percent: PercentMention;
  subject: Subject;
  name: string;
  whole: string;
  of?: string;
  start: number;
}

/** The shares of the paragraph that name their part and write no figure: "基本支出占 72%", "财政拨款收入占收入合计的 85.2%". */
function bareShares(s: ParaState): BareShare[] {
  const { p, catalog } = s;
  const text = p.n.text;
  const out: BareShare[] = [];
  for (const cue of allMatches(text, catalog.cues.share)) {
    const percent = startingAt(p.percents, cue.index + cue[0].length);
    if (!percent || s.usedPercents.has(percent)) continue;
    const start = markStart(p, '，；：。、', cue.index);
    // a figure anywhere in the clause is the part's (the share reader's), or the clause is no bare share
    if (within(p.amounts, start, percent.end).length > 0) continue;
    const m = PART_CLAUSE.exec(text.slice(start, cue.index));
    const name = m?.groups?.name;
    const subject = name ? subjectNamed(s, name) : undefined;
    if (!m || !name || !subject) continue;
    const whole = (cue.groups?.whole ?? '').replace(WHOLE_TAIL, '');
    out.push({ percent, subject, name, whole, start, ...(m.groups?.of ? { of: m.groups.of } : {}) });
  }
  return out;
}

/**
 * n.share-sum of shares written without figures: "本年支出中，基本支出占 72%，项目支出占 38%", "财政拨款收入占收入合计的
 * 85.2%，事业收入占 10.3%，其他收入占 5.5%", "基本支出中人员经费占 85.6%，公用经费占 15.4%". Clauses one right after
 * another in a sentence, each a part the catalog knows, distinct, all parts of one partition (they do not overlap); the
 * whole named by the first (占 W 的, "W 中", an opening "W 中，") and by the others the same or not at all. They add up
 * to no more than 100% — exactly 100% when the whole is the partition's total and they are all its parts. A whole
 * that is a known figure other than their total (expenditure's parts as shares of income), or of the other flow, is
 * not read.
 */
export function shareSetClaims(s: ParaState): Claim[] {
  const { p, catalog } = s;
  const text = p.n.text;
  const found = bareShares(s);
  const runs: BareShare[][] = [];
  for (const x of found) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    const joins =
      run !== undefined &&
      last !== undefined &&
      sentenceAt(p, last.percent.start) === sentenceAt(p, x.start) &&
      /^[，；、]$/u.test(text.slice(last.percent.end, x.start)) &&
      (x.whole === '' || x.whole === (run[0] as BareShare).whole) &&
      x.of === undefined;
    if (joins) run.push(x);
    else runs.push([x]);
  }
  const ways = allCoverings(catalog.partitions);
  const out: Claim[] = [];
  for (const run of runs) {
    if (run.length < 2) continue;
    const first = run[0] as BareShare;
    const ids = run.map((x) => x.subject.id);
    if (new Set(ids).size !== ids.length) continue;
    const of = ways.filter((w) => ids.every((id) => w.ids.includes(id)));
    if (of.length === 0) continue;
    // the whole: 占 W 的, else "W 中甲占…", else the sentence's opening "W 中，"
    const sentence = sentenceAt(p, first.start);
    const opener = OPENER.exec(text.slice(sentence.start, first.start))?.groups?.of;
    const wholeText = first.whole || first.of || opener || '';
    const whole = wholeText ? subjectNamed(s, wholeText) : undefined;
    // a whole named that is none of their totals: they may be shares of anything (even add up past 100%) — a budget
    // (each part's execution rate), a change, a plan
    if (wholeText && !whole && NOT_A_WHOLE.test(wholeText)) continue;
    if (wholeText && !whole && first.whole) {
      const flows = new Set(run.map((x) => flowOf(x.name)));
      const own = flowOf(wholeText);
      if (own && [...flows].some((f) => f !== undefined && f !== own)) continue;
    }
    const total = whole ? (SAME_TOTAL[whole.id] ?? whole.id) : undefined;
    if (total && !of.some((w) => w.total === total)) continue;
    const key = (xs: string[]) => [...xs].sort().join('|');
    const complete = total !== undefined && of.some((w) => w.total === total && key(w.ids) === key(ids));
    for (const x of run) s.usedPercents.add(x.percent);
    const last = run[run.length - 1] as BareShare;
    out.push({
      kind: 'share-set',
      percents: run.map((x) => x.percent),
      whole: whole?.label ?? wholeText,
      complete,
      ...place(
        p,
        { start: Math.max(sentence.start, markStart(p, '；。', first.start)), end: sentence.end },
        last.percent,
      ),
    });
  }
  return out;
}

/** "三次产业结构为 a:b:c", "三次产业增加值占…的比重分别为 a:b:c": the three industries' shares of the economy, in points. */
const STRUCTURE = /三次产业|产业结构/u;
const TRIPLE =
  /(?<![0-9.])([0-9]{1,2}(?:\.[0-9]+)?)[:：∶]([0-9]{1,2}(?:\.[0-9]+)?)[:：∶]([0-9]{1,2}(?:\.[0-9]+)?)(?![0-9.:：∶])/gu;

/**
 * "比例分别为 p%及 q%，合计占岁入 T%", "分别占 W 的 p%、q% 和 r%，合计 T%", "…占比分别为 p%、q%，两项合计占 T%": percentages
 * enumerated after 分别 and, in the next clause, their sum — T must be p + q (+ r), within their roundings.
 */
const STATED_SUM = /分别(?:为|是|占|达)?(?:[^，。；：%0-9]{0,24}?的)?(?=[0-9.]+%)/gu;
/** Between two of those percentages: "、", "和", "及", "与". */
const PERCENT_STEP = /^\s*(?:、|和|及|与)\s*/u;
/** After the last of them, their sum: "，合计占岁入", "，两项合计占", "，共计". */
const SUM_AFTER =
  /^[，,](?:(?:两|二|三|四|五)项|二者|两者|三者)?(?:合计|共计|合共|总计|累计|共)(?:占[^，。；：%0-9]{0,24}?)?(?:的)?(?:比重|比例)?(?:为|达|是)?(?=[0-9.]+%)/u;

export function statedSumClaims(s: ParaState): Claim[] {
  const { p } = s;
  const text = p.n.text;
  const out: Claim[] = [];
  for (const m of allMatches(text, STATED_SUM)) {
    const first = startingAt(p.percents, m.index + m[0].length);
    if (!first) continue;
    const percents = [first];
    for (let last = first; ; ) {
      const step = PERCENT_STEP.exec(text.slice(last.end));
      const next = step ? startingAt(p.percents, last.end + step[0].length) : undefined;
      if (!next) break;
      percents.push(next);
      last = next;
    }
    const end = (percents[percents.length - 1] as PercentMention).end;
    const sum = SUM_AFTER.exec(text.slice(end));
    const total = sum ? startingAt(p.percents, end + sum[0].length) : undefined;
    if (!total || percents.length < 2) continue;
    const sentence = sentenceAt(p, m.index);
    out.push({
      kind: 'share-set',
      percents,
      whole: '',
      complete: false,
      total,
      ...place(p, sentence, { start: m.index, end: total.end }),
    });
  }
  return out;
}

/**
 * n.share-sum of the three industries' structure written as a ratio ("三次产业结构为 10.2:38.1:51.7"): the three are
 * all of the economy, their shares add up to 100 within their roundings. Read in a sentence naming 三次产业 or 产业结构,
 * a ratio with decimals (shares, not a plain proportion) adding up to between 95 and 105.
 */
export function structureClaims(s: ParaState): Claim[] {
  const { p } = s;
  const text = p.n.text;
  const out: Claim[] = [];
  for (const m of allMatches(text, TRIPLE)) {
    const sentence = sentenceAt(p, m.index);
    if (!STRUCTURE.test(text.slice(sentence.start, m.index))) continue;
    const parts = [m[1], m[2], m[3]] as string[];
    if (!parts.some((x) => x.includes('.'))) continue;
    const total = parts.reduce((t, x) => t.plus(x), new Decimal(0));
    if (total.lt(95) || total.gt(105)) continue;
    let at = m.index;
    const percents: PercentMention[] = parts.map((x) => {
      const start = text.indexOf(x, at);
      at = start + x.length;
      return { start, end: at, ...writtenNumber(x), text: x };
    });
    out.push({
      kind: 'share-set',
      percents,
      whole: '地区生产总值',
      complete: true,
      ...place(p, { start: sentence.start, end: sentence.end }, { start: m.index, end: m.index + m[0].length }),
    });
  }
  return out;
}
