import type { AmountMention, Claim, Span } from '../claims.js';
import { allPartsOf } from '../catalog/partitions.js';
import type { Subject } from '../catalog/types.js';
import type { ParaClaims } from './across.js';
import { place, sentenceAt, type ParaText } from './para.js';
import { firstMatch, lastEndingBy, lastWithin, startingAt, within } from './spans.js';
import { closedOffBefore, markStart, type ParaState } from './state.js';
import { frameYear, latestYear, yearsIn } from './year-frames.js';
import { directionOf, groupStart, markEitherWay } from './yoy.js';
import { allMatches } from '../../util/matches.js';

type Yoy = Extract<Claim, { kind: 'yoy' }>;

/** Between a part's name and its change: "公务接待费支出决算增加…", "公务接待费增加…". */
const NAME_TO_CHANGE = /^(?:的)?(?:支出)?(?:决算数?)?$/u;
/** Between a part's own figure and its change: "，", or its details in brackets first ("（其中：购置费 0 万元，…），"). */
const LEVEL_TO_CHANGE = /^(?:（[^（）]*）)?[，,]$/u;

/**
 * The sentence holding the breakdown of a total's change: its own, when a 其中 follows the change there; else the
 * next, when it opens with 其中 ("…比上年减少 C 万元，下降 P%。其中：出国费减少 c1 万元…") and the change's sentence
 * states no other figure after it (a figure between would leave open whose breakdown the 其中 is).
 */
function breakdownSentence(p: ParaText, change: AmountMention): Span | undefined {
  const own = sentenceAt(p, change.start);
  const at = p.n.text.indexOf('其中', change.end);
  if (at < 0) return undefined;
  if (at < own.end) return own;
  const next = sentenceAt(p, own.end);
  if (next.start !== own.end || !/^\s*其中/u.test(p.n.text.slice(next.start, next.end))) return undefined;
  return within(p.amounts, change.end, own.end).length === 0 ? next : undefined;
}

/**
 * "“三公”经费…比 2023 年度减少 C 万元，下降 P%，其中：公务用车购置及运行维护费支出决算减少 c1 万元，下降 p1%；
 * 公务接待费支出决算增加 c2 万元，增长 p2%": after a total's comparison with the year before, the changes its
 * “其中” names for the total's own parts are compared with that year too, though no cue of their own says
 * so. Read only after the total's 其中 — in its sentence, or in the next when that opens with 其中 — for a part
 * named right before its change; its figure is found by resolveSectionCurrents.
 */
export function partChangeClaims(s: ParaState, cued: readonly Claim[]): Claim[] {
  const { p } = s;
  const text = p.n.text;
  const taken = new Set(cued.flatMap((c) => (c.kind === 'yoy' ? [c.change.start] : [])));
  const out: Claim[] = [];
  for (const whole of cued) {
    if (whole.kind !== 'yoy' || whole.sameScope || whole.pair || !whole.subject) continue;
    const sentence = breakdownSentence(p, whole.change);
    if (!sentence) continue;
    out.push(...breakdownChanges(s, whole, text.indexOf('其中', whole.change.end), sentence, taken));
  }
  return out;
}

/**
 * What opens a paragraph that details the total of the paragraph before: "“三公”经费中，", "其中：" (after its outline
 * number, if any). `names` are the total's names.
 */
function detailsOpening(text: string, names: readonly string[]): number | undefined {
  const m =
    /^\s*(?:[（(]?[0-9一二三四五六七八九十]{1,2}[）)、.．]\s*)?(?:其中|[“"]?([^，,：:。；]{2,16}?)[”"]?(?:经费|支出)?中)[，,：:]/u.exec(
      text,
    );
  if (!m) return undefined;
  const named = m[1]?.replace(/[“”"]/gu, '');
  if (
    named !== undefined &&
    !names.some((n) => n.replace(/[“”"]/gu, '') === named || n.replace(/[“”"]/gu, '') === `${named}经费`)
  )
    return undefined;
  return m[0].length;
}

/**
 * "…“三公”经费财政拨款支出合计 T，比预算数减少 C。" and the next paragraph "“三公”经费中，因公出国（境）经费 a，减少
 * c1；公务用车购置及运行费 b，减少 c2；…": a paragraph that opens with the total's name and 中 (or with 其中) details
 * the change its paragraph before ends with — its parts' changes with no cue of their own are compared as the total
 * is. Read only when that change is the last figure of its paragraph but its rate; each such part's change is
 * marked `carried` (its base is the total's only by the order of the text).
 */
export function nextParagraphBreakdowns(paras: readonly ParaClaims[], stateOf: (pc: ParaClaims) => ParaState): void {
  for (const [k, pc] of paras.entries()) {
    const before = paras[k - 1];
    if (!before || k === 0) continue;
    const wholes = before.claims.filter(
      (c): c is Yoy => c.kind === 'yoy' && c.subject !== undefined && !c.sameScope && !c.pair && c.flat !== true,
    );
    const whole = wholes.at(-1);
    if (!whole?.subject) continue;
    // nothing after the total's change in its paragraph but its rate
    const after = whole.rate?.end ?? whole.change.end;
    if (before.p.amounts.some((a) => a.start >= after)) continue;
    const opening = detailsOpening(pc.p.n.text, whole.subject.names);
    if (opening === undefined) continue;
    const s = stateOf(pc);
    const taken = new Set(pc.claims.flatMap((c) => (c.kind === 'yoy' ? [c.change.start] : [])));
    const found = breakdownChanges(s, whole, 0, { start: 0, end: pc.p.n.text.length }, taken);
    for (const c of found) Object.assign(c, place(pc.p, sentenceAt(pc.p, c.change.start), c.change), { carried: true });
    pc.claims.push(...found);
  }
}

/**
 * The changes a total's 其中 (at `breakdown` in this paragraph, through `sentence`) names for the total's own parts,
 * compared as the total is (see partChangeClaims).
 */
function breakdownChanges(s: ParaState, whole: Yoy, breakdown: number, sentence: Span, taken: Set<number>): Yoy[] {
  const { p, catalog } = s;
  const text = p.n.text;
  const out: Yoy[] = [];
  if (!whole.subject) return out;
  const parts = allPartsOf(catalog.partitions, whole.subject.id);
  // the total's own breakdown may name its parts bare ("一般公共预算财政拨款支出…增加 C（其中：基本支出增加 c1，项目支出
  // 减少 c2）"): after its 其中 they are its parts
  for (const id of catalog.partitions.find((x) => x.total === whole.subject?.id)?.bare ?? []) parts.add(id);
  if (parts.size === 0) return out;
  for (const m of allMatches(text.slice(breakdown, sentence.end), catalog.cues.change)) {
    const at = breakdown + m.index + m[0].length;
    const change = startingAt(p.amounts, at);
    const changeWord = directionOf(m.groups?.word ?? '', catalog);
    if (!change || !changeWord || taken.has(change.start)) continue;
    // a name in brackets closed before the change is a detail of the part before the bracket
    const open = p.subjects.filter((x) => !closedOffBefore(p, x.end, breakdown + m.index));
    const named = lastEndingBy(open, breakdown + m.index);
    if (!named || named.start < breakdown || !parts.has(named.subject.id)) continue;
    // the part's own clause: no other comparison between its name and its change — at most its own figure
    const level = ownLevel(s, named, breakdown + m.index);
    if (level === undefined) continue;
    taken.add(change.start);
    s.changes.add(change);
    const claim: Yoy = {
      kind: 'yoy',
      change,
      changeWord,
      subject: named.subject,
      inBreakdown: true,
      ...(level ? { current: level } : {}),
      // compared as its total is: with the year before, or with the budget ("比预算数减少 C。其中，…减少 c")
      ...(whole.versusBudget ? { versusBudget: true } : {}),
      ...place(p, sentence, change),
    };
    markEitherWay(claim, m, catalog);
    // the rate must be this change's: nothing but a comma between the change and the rate's word
    const after = firstMatch(catalog.cues.changeRate, text.slice(change.end, sentence.end));
    if (after && /^，?$/u.test(text.slice(change.end, change.end + after.index))) {
      const rate = startingAt(p.percents, change.end + after.index + after[0].length);
      const rateWord = after.groups?.word ? directionOf(after.groups.word, catalog) : changeWord;
      if (rate && rateWord && !s.usedPercents.has(rate)) {
        claim.rate = rate;
        claim.rateWord = rateWord;
        s.usedPercents.add(rate);
      }
    }
    out.push(claim);
  }
  return out;
}

/**
 * What stands between a part's name and its change, read as the part's own clause: nothing but words
 * ("公务接待费支出决算增加 c", null), or the part's figure this year and a comma, its details in brackets between
 * ("因公出国（境）经费 a，减少 c"; "公务用车购置及运行费 b（其中：购置费 0，运行费 b），减少 c") — that figure.
 * Undefined when the clause is no such thing.
 */
function ownLevel(s: ParaState, named: Span, changeAt: number): AmountMention | null | undefined {
  const { p, catalog } = s;
  const text = p.n.text;
  if (NAME_TO_CHANGE.test(text.slice(named.end, changeAt))) return null;
  const level = within(p.amounts, named.end, changeAt)[0];
  if (!level || s.changes.has(level)) return undefined;
  const filler = text.slice(named.end, level.start);
  if (!catalog.cues.filler.test(filler) || !LEVEL_TO_CHANGE.test(text.slice(level.end, changeAt))) return undefined;
  return level;
}

/** A clause about another year or a budget ("上年…", "年初预算为…"): its figure is not the subject's this year. */
const OTHER_YEAR_OR_BUDGET = /上年|去年|上年度|预算/u;

/**
 * The current figure of a comparison whose paragraph states none for its subject ("2024 年度“三公”经费…比
 * 2023 年度减少 3.59 万元" opening a paragraph, the parts' changes after its 其中): the subject's figure
 * stated before it in its section — its own paragraph, then the paragraphs back to the heading above —
 * when they state one value for it; else none (two values are two scopes or two years: nothing is sure).
 * With none before it, the figure the rest of the text states for it, of the comparison's year, once
 * ("一、总体情况：…比 2022 年减少 C。其中：公务接待费减少 c，下降 P%" and under "二、具体情况" the part's figure of
 * the year: an overview gives the changes, the details the levels).
 * A comparison with the budget ("…支出决算数比预算数减少 C，下降 P%" under "（二）公务用车购置及运行费支出 A。其中：")
 * takes its figure the same way: the 决算 is the subject's outturn, the budget is A ± C.
 */
export function resolveSectionCurrents(paras: readonly ParaClaims[]): void {
  let sectionStart = 0;
  paras.forEach((pc, index) => {
    if (pc.p.level !== undefined) sectionStart = index;
    for (const c of pc.claims) {
      if (c.kind !== 'yoy' || c.current || !c.subject || c.sameScope || c.pair) continue;
      if (!c.inBreakdown && !namedInClause(pc, c)) continue;
      const before = statedBefore(paras, sectionStart, index, c);
      const found = before.length > 0 ? before : statedAfter(paras, index, c);
      const values = new Set(found.map((a) => a.value.toString()));
      if (values.size === 1) c.current = found[0] as AmountMention;
    }
  });
}

/** The comparison's own year, as its sentence (or, for a 其中 opening its sentence, the total's sentence) names it. */
function comparedYear(here: ParaClaims, c: Yoy): string | undefined {
  const sentence = sentenceAt(here.p, c.change.start);
  // a breakdown opening its own sentence ("…比 2023 年减少 C。其中：…") compares with the year its total's names
  const opening = c.inBreakdown && /^\s*其中/u.test(here.p.n.text.slice(sentence.start, sentence.end));
  const compared = opening ? sentenceAt(here.p, Math.max(0, sentence.start - 1)).start : sentence.start;
  return latestYear(here.p.n.text.slice(compared, sentence.end));
}

/**
 * The subject's outturn figures of `year` a paragraph states in [from, to) (all of it when `to` is undefined): not a
 * budget, nor a clause about another year.
 */
function statedIn(
  pc: ParaClaims,
  subject: Subject,
  year: string | undefined,
  at: { to?: number; named?: boolean } = {},
): AmountMention[] {
  const out: AmountMention[] = [];
  for (const x of pc.claims) {
    if (x.kind !== 'amount' || x.role !== 'actual' || x.subject.id !== subject.id) continue;
    if (at.to !== undefined && x.amount.start > at.to) continue;
    const clause = pc.p.n.text.slice(markStart(pc.p, '，；。', x.amount.start), x.amount.start);
    // in a sentence that opened with a budget, only a figure its own clause calls 决算 is one
    if ((x.inBudget && !/决算/u.test(clause)) || OTHER_YEAR_OR_BUDGET.test(clause)) continue;
    const stated = frameYear(pc.p, sentenceAt(pc.p, x.amount.start).start, x.amount.start);
    if ((stated !== undefined && stated !== year) || yearsIn(clause).some((y) => y !== year)) continue;
    if (at.named && stated === undefined) continue;
    out.push(x.amount);
  }
  return out;
}

/**
 * The subject's figures of the comparison's year stated after its paragraph, to the end of the text: a comparison
 * that names its year only; figures whose sentence or heading names that year too (a later figure without a year
 * may be another part of the text's, as a later section's), under a heading that names no other year nor a budget.
 */
function statedAfter(paras: readonly ParaClaims[], index: number, c: Yoy): AmountMention[] {
  const year = comparedYear(paras[index] as ParaClaims, c);
  if (year === undefined) return [];
  const out: AmountMention[] = [];
  let open = true;
  let named = false;
  for (const pc of paras.slice(index + 1)) {
    if (pc.p.level !== undefined) {
      const years = yearsIn(pc.p.n.text);
      open = !years.some((y) => y !== year) && !OTHER_YEAR_OR_BUDGET.test(pc.p.n.text);
      named = years.includes(year);
    }
    if (open) out.push(...statedIn(pc, c.subject as Subject, year, { named: !named }));
  }
  return out;
}

/** A cued comparison counts when its subject is named in its own clause group, before the change. */
function namedInClause(pc: ParaClaims, c: Yoy): boolean {
  const named = lastWithin(pc.p.subjects, groupStart(pc.p, c.change.start), c.change.start);
  return named?.subject === c.subject;
}

function statedBefore(paras: readonly ParaClaims[], from: number, index: number, c: Yoy): AmountMention[] {
  const here = paras[index] as ParaClaims;
  // the comparison's own year: a figure stated for another year ("2024 年度…合计支出 15.55 万元，其中：公务接待
  // 7.05 万元"), or in a section headed by another year ("二、2024 年“三公”经费决算情况"), is that year's
  const year = comparedYear(here, c);
  const heading = paras[from] as ParaClaims;
  if (heading.p.level !== undefined && yearsIn(heading.p.n.text).some((y) => y !== year)) return [];
  return paras
    .slice(from, index + 1)
    .flatMap((pc, k) => statedIn(pc, c.subject as Subject, year, from + k === index ? { to: c.change.start } : {}));
}
