import { unitFactor } from '../../money/interval.js';
import type { AmountMention, Claim } from '../claims.js';
import { sourceSlice } from '../text/normalise.js';
import type { ParaClaims } from './across.js';
import { place, sentenceAt } from './para.js';
import { startingAt } from './spans.js';
import { allMatches } from '../../util/matches.js';

/** The cue of figures given in the order of the names before it: "分别为", "分别是", "分别达到". */
const RESPECTIVELY = /分别(?:为|是|达到?)/gu;

/** Between two figures of such a list: "A 和 B", "A、B". */
const JOIN = /^(?:和|与|及|、|，)/u;

/**
 * A figure's label where the text names it right before it and nothing else: "4.青原（64.30 亿元", "、白川 58.12 亿元"
 * — a run of two to eight characters that starts after a mark or a digit, so that it is the whole name.
 */
const LABEL = /(?<![\p{Script=Han}])(?<name>\p{Script=Han}{2,8})（?$/u;

/** Same figure: same digits, same unit. */
const same = (a: AmountMention, b: AmountMention) => a.value.eq(b.value) && a.unit === b.unit;

/**
 * "青原与白川…分别为 64.30 亿元和 58.12 亿元", where the text gave each figure before under its name ("4.青原（64.30
 * 亿元…）、5.白川（58.12 亿元…）"): 分别 pairs the figures with the names in their order. When the very same figures stand
 * under the same names elsewhere but the list gives them in another order than its names, the pairs were swapped
 * (n.restated). Read only when every figure of the list is written once elsewhere, each under its own label, and each
 * label stands once between the sentence's start and the cue — figures that merely coincide are never a pair swapped.
 */
export function pairedNameClaims(paras: ParaClaims[]): Claim[] {
  const out: Claim[] = [];
  const mentions = paras.flatMap((pc) => pc.p.amounts.map((amount) => ({ pc, amount })));
  for (const pc of paras) {
    const { p } = pc;
    const text = p.n.text;
    for (const cue of allMatches(text, RESPECTIVELY)) {
      const figures = listAfter(pc, cue.index + cue[0].length);
      if (figures.length < 2) continue;
      const names = figures.map((figure) => {
        const others = mentions.filter((m) => m.amount !== figure && same(m.amount, figure));
        const [other] = others;
        if (!other || others.length !== 1) return undefined;
        const before = other.pc.p.n.text.slice(Math.max(0, other.amount.start - 10), other.amount.start);
        return LABEL.exec(before)?.groups?.name;
      });
      if (names.some((n) => n === undefined) || new Set(names).size !== names.length) continue;
      const lead = text.slice(sentenceAt(p, cue.index).start, cue.index);
      const at = (names as string[]).map((n) => (lead.indexOf(n) === lead.lastIndexOf(n) ? lead.indexOf(n) : -1));
      if (at.some((x) => x < 0)) continue;
      // the names in the order the sentence gives them, against the order of the figures they were given before
      const order = [...at].sort((a, b) => a - b);
      if (at.every((x, k) => x === order[k])) continue;
      const first = figures[0] as AmountMention;
      const last = figures[figures.length - 1] as AmountMention;
      const byName = order.map((x) => {
        const k = at.indexOf(x);
        return `${names[k]} ${(figures[k] as AmountMention).text}`;
      });
      out.push({
        kind: 'residue',
        residueId: 'paired-names',
        check: 'narrative.restated',
        messageId: 'restated-paired',
        text: sourceSlice(p.n, first.start, last.end),
        written: sourceSlice(p.n, first.start, last.end),
        should: byName.join('、'),
        ...place(p, sentenceAt(p, cue.index), { start: first.start, end: last.end }),
      });
    }
  }
  return out;
}

/** The figures listed right after a cue: "64.30 亿元和 58.12 亿元" (none when no figure follows it). */
function listAfter(pc: ParaClaims, from: number): AmountMention[] {
  const text = pc.p.n.text;
  const out: AmountMention[] = [];
  let next = startingAt(pc.p.amounts, from);
  while (next) {
    out.push(next);
    const join = JOIN.exec(text.slice(next.end));
    next = join ? startingAt(pc.p.amounts, next.end + join[0].length) : undefined;
  }
  return out;
}

/** The cue of figures given in the order of the names before it, with the verb they share ("分别完成", "分别增长"). */
const RESPECTIVELY_VERB = /分别(?:为|是|达到?|完成|实现|增长|下降|增加|减少|上升|降低)?/gu;

/** Between two figures of such a list, 、 ， ； 和 and their like. */
const LIST_JOIN = /^(?:和|与|及|、|，|；)/u;

/** A verb that states a change right before a rate ("增长 30.7%"). */
const RATE_VERB = /(增长|下降|增加|减少|上升|降低)$/u;

/** Words that end a lead before the names it enumerates: "排名前三的是甲、乙、丙". */
const LEAD_IN = /^.*(?:是|为|包括|即|有)/u;

/** A figure of a 分别 list: an amount or a rate, placed in its paragraph. */
interface Figure {
  start: number;
  end: number;
  text: string;
  /** The value, amounts in 万元 and rates in %, as a string of digits. */
  key: string;
}

const amountFigure = (a: AmountMention): Figure => ({
  start: a.start,
  end: a.end,
  text: a.text,
  key: `amount:${a.value.mul(unitFactor(a.unit, '万元')).toFixed()}`,
});

/** The figures listed right after a cue: amounts, or else rates (none when fewer than two follow it). */
function figuresAfter(pc: ParaClaims, from: number): Figure[] {
  const text = pc.p.n.text;
  const walk = <T extends { start: number; end: number }>(spans: readonly T[]): T[] => {
    const out: T[] = [];
    let next = startingAt(spans, from);
    while (next) {
      out.push(next);
      const join = LIST_JOIN.exec(text.slice(next.end));
      next = join ? startingAt(spans, next.end + join[0].length) : undefined;
    }
    return out;
  };
  const amounts = walk(pc.p.amounts);
  if (amounts.length >= 2) return amounts.map(amountFigure);
  return walk(pc.p.percents).map((r) => ({
    start: r.start,
    end: r.end,
    text: r.text,
    key: `rate:${r.value.toFixed()}`,
  }));
}

/**
 * The names a 分别 list's figures pair with, in order: the enumeration that ends its lead ("地本级、甲区、乙县和丙县
 * 地方财政收入分别完成…" → 地本级, 甲区, 乙县, 丙县地方财政收入 — the last keeps the words the names share). Undefined
 * unless the lead enumerates exactly `count` names of two characters or more, none a year or a figure.
 */
function namesBefore(lead: string, count: number): string[] | undefined {
  const clause = (
    lead
      .replace(/[，,：:]$/u, '')
      .split(/[，,：:；。]/u)
      .pop() ?? ''
  ).trim();
  const parts = clause.split('、');
  const last = parts.pop() ?? '';
  const tail = last.split(/[和及与]/u);
  const names = [...parts, ...tail].map((n, k) => (k === 0 ? n.replace(LEAD_IN, '') : n).trim());
  if (names.length !== count || names.some((n) => n.length < 2 || /[0-9０-９年月]/u.test(n))) return undefined;
  return names;
}

/**
 * "地本级、甲区、乙县…地方财政收入分别完成 9305 万元、7234 万元、2016 万元…" where the text states elsewhere, in a clause
 * naming 地本级 and none of the other names, "地本级地方财政收入完成 7234 万元": the figure the list gives 甲区 is the one
 * stated for 地本级, and 地本级's own is another — the list's pairs were swapped (n.restated). The figure stated elsewhere
 * must be another name's figure of that very list (a coincidence of two exact figures is no other basis), and a
 * rate must follow the list's own verb ("分别增长 …" and "…，增长 30.7%"). `already`: the pairs pairedNameClaims read.
 */
export function swappedPairClaims(paras: ParaClaims[], already: readonly Claim[]): Claim[] {
  const out: Claim[] = [];
  for (const pc of paras) {
    const { p } = pc;
    const text = p.n.text;
    for (const cue of allMatches(text, RESPECTIVELY_VERB)) {
      const figures = figuresAfter(pc, cue.index + cue[0].length);
      if (figures.length < 2 || new Set(figures.map((f) => f.key)).size !== figures.length) continue;
      const sentence = sentenceAt(p, cue.index);
      // a list whose every pair the names' own figures already showed swapped (pairedNameClaims) is said once
      if (already.some((c) => c.para === p.para && c.sentence.start === sentence.start)) continue;
      const names = namesBefore(text.slice(sentence.start, cue.index), figures.length);
      if (!names) continue;
      const verb = /(增长|下降|增加|减少|上升|降低)$/u.exec(cue[0])?.[1];
      if (figures[0]?.key.startsWith('rate:') && !verb) continue;
      const found = elsewhere(paras, pc, sentence, names, figures, verb);
      if (!found) continue;
      const { name, at, stated } = found;
      const first = figures[0] as Figure;
      const last = figures[figures.length - 1] as Figure;
      out.push({
        kind: 'residue',
        residueId: 'paired-swapped',
        check: 'narrative.restated',
        messageId: 'restated-swapped',
        text: sourceSlice(p.n, first.start, last.end),
        written: `${name} ${(figures[at] as Figure).text}`,
        should: `${name} ${stated}`,
        ...place(p, sentence, { start: first.start, end: last.end }),
      });
    }
  }
  return out;
}

/**
 * The first statement, outside the list's sentence, of one of its names with another name's figure of the list:
 * the name, its place in the list, and the figure as written there.
 */
function elsewhere(
  paras: ParaClaims[],
  listPara: ParaClaims,
  listSentence: { start: number; end: number },
  names: string[],
  figures: Figure[],
  verb: string | undefined,
): { name: string; at: number; stated: string } | undefined {
  const byKey = new Map(figures.map((f, k) => [f.key, k]));
  const rates = figures[0]?.key.startsWith('rate:') ?? false;
  for (const pc of paras) {
    const text = pc.p.n.text;
    const mentions: Figure[] = rates
      ? pc.p.percents.map((r) => ({ start: r.start, end: r.end, text: r.text, key: `rate:${r.value.toFixed()}` }))
      : pc.p.amounts.map(amountFigure);
    for (const m of mentions) {
      if (pc === listPara && m.start >= listSentence.start && m.start < listSentence.end) continue;
      const j = byKey.get(m.key);
      if (j === undefined) continue;
      // a rate of the list's own verb ("增长 30.7%"), not another rate that happens to be equal
      if (rates && RATE_VERB.exec(text.slice(Math.max(0, m.start - 2), m.start))?.[1] !== verb) continue;
      const lead = text.slice(sentenceAt(pc.p, m.start).start, m.start);
      const named = names.map((n, k) => (lead.includes(n) ? k : -1)).filter((k) => k >= 0);
      const [i] = named;
      if (named.length !== 1 || i === undefined || i === j) continue;
      // the figure is the name's own: nothing else listed between them ("…、4.甲(a)、5.乙(b)" gives b to 乙, not 甲)
      const between = { start: m.start - lead.length + lead.lastIndexOf(names[i] as string), end: m.start };
      if (!ownFigure(pc, text, between, rates)) continue;
      return { name: names[i] as string, at: i, stated: m.text };
    }
  }
  return undefined;
}

/** All a clause may say before its rate, after the name's clause: "，增长", "，同比下降". */
const RATE_CUE = /^(?:同比|比上年|较上年|比去年|较去年)?(?:增长|下降|增加|减少|上升|降低)了?$/u;
/** All a clause may say before its figure, after the name's clause: "，达到", "，为". */
const LEVEL_CUE = /^(?:全年|共|合计|共计)?(?:为|是|达到?|高达|完成|实现|计)?$/u;

/**
 * Whether the words from a name to a figure state that figure as the name's: no list mark (、；) and no other figure
 * between — but a rate's own level ("科技支出 216.2 亿元，增长 30.7%").
 */
function ownFigure(pc: ParaClaims, text: string, span: { start: number; end: number }, rate: boolean): boolean {
  const words = text.slice(span.start, span.end);
  if (/[、；]/u.test(words)) return false;
  // after a comma nothing but the figure's cue: "科技支出 a 亿元，增长 r%", never another body ("科技支出中，省本级增长 r%")
  const afterComma = /[，,]([^，,]*)$/u.exec(words)?.[1];
  if (afterComma !== undefined && !(rate ? RATE_CUE : LEVEL_CUE).test(afterComma)) return false;
  const inside = <T extends { start: number; end: number }>(xs: readonly T[]) =>
    xs.filter((x) => x.start >= span.start && x.end <= span.end).length;
  return rate ? inside(pc.p.percents) === 0 && inside(pc.p.amounts) <= 1 : inside(pc.p.amounts) === 0;
}
