import { Decimal } from 'decimal.js';
import { type AmountMention, type Claim, printedZeros } from '../claims.js';
import type { Unit } from '../../model/types.js';
import type { Partition, Subject } from '../catalog/types.js';
import { allPartsOf, partsOf } from '../catalog/partitions.js';
import { following, type ParaClaims } from './across.js';
import { type ParaText, quoteOf, sentenceAt } from './para.js';
import { FRAMED } from './year.js';
import { allMatches } from '../../util/matches.js';

type Yoy = Extract<Claim, { kind: 'yoy' }>;

/** A change as a signed figure: a decrease is negative (a change printed as 0 stays 0). */
export function signed(c: Yoy): AmountMention {
  if (c.changeWord === 'up' || c.change.value.isZero()) return c.change;
  return { ...c.change, value: c.change.value.negated(), text: `−${c.change.text}` };
}

/** The same change the other way. */
export function flipped(a: AmountMention): AmountMention {
  const text = a.text.startsWith('−') ? a.text.slice(1) : `−${a.text}`;
  return { ...a, value: a.value.negated(), text };
}

/**
 * The total's change and its parts' (`figures`, total first) with the signs that bring them closest, where
 * a change word is the template's either-or ("减少（增加）2 万元", `undecided`): the unit never chose, so
 * such a change may go either way, and only a sum no choice makes add up is wrong.
 */
function closestSigns(figures: AmountMention[], undecided: boolean[]): AmountMention[] {
  const open = undecided.flatMap((u, i) => (u ? [i] : []));
  let best = figures;
  let bestGap: Decimal | undefined;
  for (let choice = 0; choice < 2 ** open.length; choice += 1) {
    const tried = figures.map((f, i) => {
      const k = open.indexOf(i);
      return k >= 0 && Math.floor(choice / 2 ** k) % 2 === 1 ? flipped(f) : f;
    });
    const [total, ...parts] = tried as [AmountMention, ...AmountMention[]];
    const gap = parts
      .reduce((acc, x) => acc.plus(x.value), new Decimal(0))
      .minus(total.value)
      .abs();
    if (bestGap === undefined || gap.lt(bestGap)) {
      best = tried;
      bestGap = gap;
    }
  }
  return best;
}

/**
 * A part said to be unchanged (持平) as a change of 0 at `at`; `said` gives the words' own span, unit and text where the
 * change is read from words ("无增减") or of figures in another unit.
 */
export function nil(at: number, said: { end?: number; unit?: Unit; text?: string } = {}): AmountMention {
  const { end = at, unit = '万元', text = '持平' } = said;
  return { start: at, end, value: new Decimal(0), decimals: 2, unit, text, exact: true };
}

/**
 * Where the parts of a total stated in paragraph `index` end: at the next heading of the paragraph's
 * own level, or of level 1 (一、) for running text — unless no heading stands before it at all: an
 * opening paragraph ("…“三公”经费支出总额为 A 万元，比预算数减少 C 万元。具体情况如下：") is what the
 * 一、二、三、 sections after it detail, so only a 第X部分 ends them.
 */
function sectionStop(paras: ParaClaims[], index: number): number {
  const level = paras[index]?.p.level;
  if (level !== undefined) return level;
  return paras.slice(0, index).some((pc) => pc.p.level !== undefined) ? 1 : 0;
}

/**
 * The parts the text's own complete breakdowns of a total name: each list under the total ("“三公”经费预算
 * 总计 21.8 万元，其中：因公出国（境）经费 0 万元，公务接待 11.8 万元，公务用车运行费用 10 万元") whose items
 * add up to it exactly, as the subjects of its items and their figures. Two of them (one per year, as a
 * notice sets its budget beside the year before's 决算) say what the total is made of in both years.
 */
function completeBreakdowns(paras: ParaClaims[], total: string, partitions: Partition[]): Map<string, AmountMention>[] {
  // the total's parts and theirs: a list of these alone is the total's breakdown, named or not
  const own = partsOf(partitions, total);
  const components = new Set([...own, ...own.flatMap((x) => partsOf(partitions, x))]);
  // an item's subject: the amount claim read at the same place (the list holds its own copy of the figure)
  const subjectOf = new Map<string, string>();
  const at = (para: number, a: AmountMention) => `${para}:${a.start}`;
  for (const pc of paras)
    for (const c of pc.claims) if (c.kind === 'amount') subjectOf.set(at(c.para.n, c.amount), c.subject.id);
  const out: Map<string, AmountMention>[] = [];
  for (const pc of paras)
    for (const c of pc.claims) {
      if (c.kind !== 'list' || c.compare !== 'equal' || c.partial || c.items.length < 2) continue;
      if (c.totalSubject !== undefined && c.totalSubject.id !== total) continue;
      const sum = c.items.reduce((acc, i) => acc.plus(i.amount.value), new Decimal(0));
      if (!sum.eq(c.total.value)) continue;
      const parts = new Map<string, AmountMention>();
      for (const i of c.items) {
        const id = subjectOf.get(at(i.para.n, i.amount));
        if (id === undefined || parts.has(id)) break;
        parts.set(id, i.amount);
      }
      if (parts.size === c.items.length && [...parts.keys()].every((id) => components.has(id))) out.push(parts);
    }
  return out;
}

/**
 * "公务用车购置及运行维护费 A（其中：购置费 0，运行维护费 A），比预算数减少 C": a change written after its figure's
 * bracketed 其中 list whose other items are nil is the figure's or the list's last item's — both are A, and the
 * words do not say whose. The subject of that last item when the change is so written, else undefined.
 */
function bracketedLast(c: Yoy, p: ParaText): string | undefined {
  const from = c.current?.end;
  if (from === undefined) return undefined;
  const bracket = /^\s*（\s*其中[^（）]*）/u.exec(p.n.text.slice(from, c.change.start));
  if (!bracket) return undefined;
  const end = from + bracket[0].length;
  return p.subjects.filter((s) => s.start > from && s.end < end).pop()?.subject.id;
}

/** A subject said unchanged in words ("与上年持平", "和 2021 年持平", "与 2022 年预算持平"), where, against what. */
export interface SaidFlat {
  subject: string;
  named: Subject;
  at: number;
  versusBudget: boolean;
  /**
   * Said to be none, not unchanged ("其中：无因公出国（境）费；公务用车…减少 a"): among the parts' changes it reads as no
   * change — the likely reading only (it may have had money the year before).
   */
  none?: boolean;
}

/**
 * A total said unchanged with no figure of its change ("“三公”经费预算 T，与 2022 年预算持平"), as a change of 0 its
 * parts' changes must add up to — unless the paragraph also states a change of it.
 */
function flatTotals(pc: ParaClaims, said: readonly SaidFlat[], totals: ReadonlySet<string>, stated: Yoy[]): Yoy[] {
  return said.flatMap((f) => {
    if (!totals.has(f.subject) || stated.some((c) => c.subject?.id === f.subject)) return [];
    const sentence = sentenceAt(pc.p, f.at);
    const change = nil(f.at);
    const total: Yoy = {
      kind: 'yoy',
      change,
      changeWord: 'up',
      subject: f.named,
      para: pc.p.para,
      sentence,
      quote: quoteOf(pc.p, sentence, { start: f.at, end: f.at + 2 }),
    };
    if (f.versusBudget) total.versusBudget = true;
    return [total];
  });
}

/**
 * n.change-sum: a paragraph that states the change of a total ("“三公”经费…比上年减少 2.28 万元")
 * and the change of every one of its parts (or says 持平 of a part) — the parts' changes add up to
 * the total's. A total compared 按同口径 is left alone: its parts may not be on the same basis.
 */
export function changeSumClaims(
  paras: ParaClaims[],
  flats: Map<ParaClaims, SaidFlat[]>,
  partitions: Partition[],
  subjects: readonly Subject[] = [],
): Claim[] {
  const out: Claim[] = [];
  const totals = new Set(partitions.map((x) => x.total));
  // parts written as nil this year ("因公出国（境）费 0 万元"): their change can only be a decrease or nil
  const nilIn = (role: 'actual' | 'budget') =>
    new Set(
      paras.flatMap((pc) =>
        pc.claims.flatMap((c) =>
          c.kind === 'amount' && c.role === role && c.amount.value.isZero() ? [c.subject.id] : [],
        ),
      ),
    );
  const nilNow = nilIn('actual');
  for (const id of wholeIsOnePart(paras, partitions)) nilNow.add(id);
  // a budget compared with the year before's budget ("…预算 T，比 2023 年预算减少 C"): its parts' budgets written as
  // nil ("公务用车购置及运行维护费预算 0 万元") are nil this year
  const nilBudget = nilIn('budget');
  const roleAt = new Map<string, string>();
  for (const pc of paras)
    for (const c of pc.claims) if (c.kind === 'amount') roleAt.set(`${c.para.n}:${c.amount.start}`, c.role);
  const nowOf = (total: Yoy) =>
    total.current && roleAt.get(`${total.para.n}:${total.current.start}`) === 'budget' ? nilBudget : nilNow;
  // the text's words, for a part it never names in any way (silentPart)
  const allText = paras.map((pc) => pc.p.n.text).join('\n');
  const yoysOf = new Map<ParaClaims, Yoy[]>();
  const yoys = (pc: ParaClaims): Yoy[] => {
    let found = yoysOf.get(pc);
    if (!found) {
      // a pair's change counts when the pair names its subject ("甲 a，乙 b，丙 c。与上年相比，分别减少 x、y、z")
      found = pc.claims.filter((c): c is Yoy => c.kind === 'yoy' && c.subject !== undefined);
      yoysOf.set(pc, found);
    }
    return found;
  };
  const paraText = new Map(paras.map((pc) => [pc.p.para, pc.p]));
  // every subject the text names anywhere
  const named = new Set(paras.flatMap((pc) => pc.p.subjects.map((s) => s.subject.id)));
  const subjectsById = new Map(subjects.map((s) => [s.id, s] as const));
  // whether `c`, the change of `id`, may be read as the change of the last of its parts listed in a bracket
  // before it, the others nil this year
  const lastPartsChange = (c: Yoy, id: string) => {
    const p = paraText.get(c.para);
    const last = p && bracketedLast(c, p);
    const own = partsOf(partitions, id);
    return last !== undefined && own.includes(last) && own.every((x) => x === last || nilNow.has(x));
  };
  // the year framing a change: the last year its paragraph writes before it as a frame ("以 2020 年为例，…"), not a base
  const yearOf = (c: Yoy) => {
    const p = paraText.get(c.para);
    return p ? [...allMatches(p.n.text.slice(0, c.change.start), FRAMED)].pop()?.[1] : undefined;
  };
  // a part's change framed by another year than its total's is another year's part ("以 2020 年为例，…公务接待费…比预算
  // 减少 a。2019 年“三公”经费…比预算减少 C": a is not C's part)
  const otherYear = (c: Yoy, total: Yoy) => {
    const [mine, theirs] = [yearOf(c), yearOf(total)];
    return mine !== undefined && theirs !== undefined && mine !== theirs;
  };
  paras.forEach((pc, index) => {
    const all = [...yoys(pc), ...flatTotals(pc, flats.get(pc) ?? [], totals, yoys(pc))];
    // a part's change stated in a paragraph of its own ("（一）因公出国（境）费…减少 28.23 万元"): the
    // paragraphs that follow the total's, down to the next heading of its level, unless one of them
    // compares the total again (another comparison, another sum)
    const compared = new Set(all.flatMap((c) => (c.subject && totals.has(c.subject.id) ? [c.subject.id] : [])));
    // no total's change stated here: no sum to check, and no section to gather
    if (compared.size === 0) return;
    const section: ParaClaims[] = [];
    for (const next of following(paras, index, sectionStop(paras, index))) {
      if (yoys(next).some((c) => c.subject !== undefined && compared.has(c.subject.id))) break;
      section.push(next);
    }
    // changes against the year before and against the budget ("较上年减少…，较年初预算数减少…") add up each on their own
    // "2019 年“三公”经费预算 A，比 2018 年预算减少 C。其中：出国费同比增加 c1…": a budget against last year's budget is
    // the year-on-year change of its own year's budget — the parts its 其中 compares 同比 (比上年) are compared alike
    const yearOnYearBudget = (c: Yoy) => {
      const p = paraText.get(c.para);
      if (!p || !c.versusBudget || c.para !== pc.p.para) return false;
      const lead = p.n.text.slice(sentenceAt(p, c.change.start).start, c.change.start);
      return /(?:比|较|与)(?:上年|去年|上年度|[0-9]{4}年度?)(?:的)?预算(?:数)?(?:相比，?)?(?:增加|减少|下降|增长|持平)$/u.test(
        lead,
      );
    };
    const budgetTotals = all.filter(yearOnYearBudget);
    const alike = (c: Yoy) => {
      if (c.versusBudget || c.para !== pc.p.para) return false;
      const p = paraText.get(c.para);
      return (
        p !== undefined &&
        budgetTotals.some((t) => {
          const between = p.n.text.slice(t.change.end, c.change.start);
          return between.includes('其中') && !/。/u.test(between.slice(between.indexOf('其中')));
        })
      );
    };
    for (const versusBudget of [false, true]) {
      const same = (c: Yoy) => (c.versusBudget ?? false) === versusBudget || (versusBudget && alike(c));
      const changes = all.filter(same);
      const later = section.flatMap((next) => yoys(next).filter(same));
      const firstOf = (total: Yoy) => (id: string) =>
        changes.find((c) => c.subject?.id === id && !otherYear(c, total)) ??
        later.find((c) => c.subject?.id === id && !otherYear(c, total));
      const saidOf = (id: string, none: boolean) =>
        [pc, ...section]
          .flatMap((x) => flats.get(x) ?? [])
          .find((f) => f.subject === id && f.versusBudget === versusBudget && (none || !f.none));
      const nilOf = (id: string) => saidOf(id, false);
      for (const partition of partitions) {
        const total = changes.find((c) => c.subject?.id === partition.total);
        // a total's change after its bracketed parts may be the last part's: no sum is certain
        if (!total || total.sameScope || lastPartsChange(total, partition.total)) continue;
        // "…财政拨款支出 A，比上年增加 C。其中：基本支出 a，比上年增加 c1；项目支出 b，比上年减少 c2": the total's
        // own breakdown names its parts bare; only there (after 其中, in the total's paragraph) are they its parts
        const breakdown = pc.p.n.text.indexOf('其中', total.change.end);
        const bareChange = (k: number) => {
          const id = partition.bare?.[k];
          if (id === undefined || breakdown < 0) return undefined;
          return changes.find((c) => c.subject?.id === id && c.para === total.para && c.change.start > breakdown);
        };
        // the same bare part said unchanged there ("…；项目支出 b 万元，和上年持平")
        const bareNil = (k: number) => {
          const id = partition.bare?.[k];
          if (id === undefined || breakdown < 0) return undefined;
          return (flats.get(pc) ?? []).find(
            (f) => f.subject === id && f.versusBudget === versusBudget && f.at > breakdown,
          );
        };
        const look = {
          first: firstOf(total),
          nilOf,
          bareChange,
          bareNil,
          unusualNil: false,
          lastPartsChange,
          nilNow: nowOf(total),
          partitions,
          breakdowns: versusBudget ? [] : completeBreakdowns(paras, partition.total, partitions),
        };
        const listId = `changes:${partition.total}`;
        const found = partChanges(partition, total, look);
        const certain = found && sumClaim(listId, total, found);
        // the likely reading (the unusual parts nil in both years) where the certain one leaves parts unstated
        const usual =
          (certain?.kind !== 'list' || certain.compare !== 'equal') &&
          unusualNil(partition, total, pc.p, changes, named, pc.claims, partitions)
            ? partChanges(partition, total, { ...look, unusualNil: true })
            : undefined;
        let likely = usual?.usualOnly ? sumClaim(listId, total, usual) : undefined;
        if (likely?.kind === 'list') {
          const label = (id: string) => subjectsById.get(id)?.label ?? id;
          const has = (id: string) => partition.usual?.includes(id) === true || named.has(id);
          likely.usualParts = partition.parts.filter(has).map(label);
          likely.unusualParts = partition.parts
            .filter((id) => !has(id))
            .slice(0, 2)
            .map(label);
        }
        // the likely reading where the certain one is a bound: a part's change written after its whole's figure is the
        // whole's, its other parts (nil this year, named nowhere in the text) unchanged
        const silent = found?.unstatedIds ?? [];
        // (not an outturn against its budget: a purchase budgeted and not made is common, and leaves the part's
        // change unstated — "用车 A（其中：购置费 0，运行维护费 A），比预算数减少 c" stays a bound)
        const outturnVersusBudget = total.versusBudget === true && nowOf(total) === nilNow;
        if (
          !likely &&
          !outturnVersusBudget &&
          found &&
          certain?.kind === 'list' &&
          certain.compare !== 'equal' &&
          silent.length === found.unstated &&
          silent.every((id) => silentPart(id, named, allText, subjectsById))
        ) {
          const read = sumClaim(listId, total, { ...found, unstated: 0 });
          if (read?.kind === 'list') {
            read.silentParts = silent.map((id) => subjectsById.get(id)?.label ?? id).join('、');
            likely = read;
          }
        }
        // the likely reading where the certain one is a bound: a part said none among the parts' changes ("其中：无因公
        // 出国（境）费；…") is unchanged
        if (
          !likely &&
          certain?.kind === 'list' &&
          certain.compare !== 'equal' &&
          partition.parts.some((id) => saidOf(id, true)?.none)
        ) {
          const none = partChanges(partition, total, { ...look, nilOf: (id) => saidOf(id, true) });
          const read = none && none.unstated === 0 ? sumClaim(listId, total, none) : undefined;
          if (read?.kind === 'list') {
            read.noneParts = partition.parts
              .filter((id) => saidOf(id, true)?.none)
              .map((id) => subjectsById.get(id)?.label ?? id)
              .join('、');
            likely = read;
          }
        }
        if (likely?.kind === 'list' && certain?.kind === 'list') likely.certain = certain;
        const claim = likely ?? certain;
        if (claim === certain && claim?.kind === 'list' && !versusBudget && found)
          withBases(claim, total, found, priorParts(paras, total));
        // a part's change carried over from the paragraph before ("“三公”经费中，…a，减少 c"): its base is the total's
        // only by the order of the text — a sum that makes any other change the text states of the total holds
        if (claim?.kind === 'list' && later.some((c) => c.carried && c.subject && look.first(c.subject.id) === c)) {
          const others = paras.flatMap((x) =>
            yoys(x).filter((c) => c !== total && !c.pair && c.subject?.id === partition.total),
          );
          if (others.length > 0) claim.alternatives = [...(claim.alternatives ?? []), ...others.map(signed)];
        }
        if (claim) out.push(claim);
      }
    }
  });
  return out;
}

/**
 * Whether the parts of `partition` other than its usual ones (claims.yaml `usual`) are nil in both years: the total's
 * sentence explains its change by the usual parts' changes alone ("支出预算较上年增加 C，主要是基本支出预算增加 a，项目支出
 * 预算增加 b"), every figure after the total's change in it is one of theirs (their changes, their levels), and the
 * text names none of the others anywhere.
 */
function unusualNil(
  partition: Partition,
  total: Yoy,
  p: ParaText,
  changes: Yoy[],
  named: ReadonlySet<string>,
  claims: readonly Claim[],
  partitions: readonly Partition[],
): boolean {
  const usual = partition.usual;
  if (!usual) return false;
  const inSentence = (c: Yoy) =>
    c.para === total.para && c.change.start > total.change.end && c.change.end <= total.sentence.end;
  // the parts the unit has: the usual ones and any other the text names ("…主要原因是：项目支出减少 a；基本支出增加 b；经营
  // 支出增加 c" — its 经营支出 is named, and its change given with the others'); each has its change in the sentence
  const stated = partition.parts.filter((x) => usual.includes(x) || named.has(x));
  const own = stated.map((id) => changes.find((c) => c.subject?.id === id && inSentence(c)));
  if (own.some((c) => c === undefined)) return false;
  // their levels beside them that do not make the total's ("支出合计 T，其中：基本支出 a，…；项目支出 b，…", a + b < T):
  // another part is there
  const levels = own.map((c) => c?.current?.value);
  const now = total.current?.value;
  if (
    now &&
    levels.every((v) => v !== undefined) &&
    !levels.reduce((acc, v) => acc.plus(v as Decimal), new Decimal(0)).eq(now)
  )
    return false;
  const theirs = new Set(own.flatMap((c) => (c ? [c.change.start, ...(c.current ? [c.current.start] : [])] : [])));
  // (a figure of another subject, no part of the total, is none of its parts': "…其中：…；此外，年初结转和结余 b")
  const parts = allPartsOf(partitions, partition.total);
  for (const c of claims)
    if (c.kind === 'amount' && c.para === p.para && c.subject.id !== partition.total && !parts.has(c.subject.id))
      theirs.add(c.amount.start);
  return p.amounts.every((a) => a.start <= total.change.end || a.start >= total.sentence.end || theirs.has(a.start));
}

type Stated = Extract<Claim, { kind: 'amount' }>;

/** Right after a whole's figure, the words that say one part is all of it: "，全部为", "，均为", "，全部是". */
const ALL_OF = /^[，,]\s*(?:全部|均)(?:为|是|系)/u;

/**
 * "公务用车购置及运行维护费 11.9 万元，全部为公务用车运行维护费 11.9 万元": a whole whose one part is the whole of it —
 * its other parts are nil this year (their change, unstated, can only be a decrease or nil).
 */
function wholeIsOnePart(paras: ParaClaims[], partitions: Partition[]): string[] {
  const out: string[] = [];
  for (const pc of paras) {
    const stated = pc.claims.filter((c): c is Stated => c.kind === 'amount' && c.role === 'actual');
    for (const [i, whole] of stated.entries()) {
      const part = stated[i + 1];
      if (!part || !ALL_OF.test(pc.p.n.text.slice(whole.amount.end, part.amount.start))) continue;
      const parts = partsOf(partitions, whole.subject.id);
      if (!parts.includes(part.subject.id) || part.amount.unit !== whole.amount.unit) continue;
      if (!part.amount.value.eq(whole.amount.value)) continue;
      out.push(...parts.filter((x) => x !== part.subject.id));
    }
  }
  return out;
}

/** What partChanges needs to find a part's change: the first stated, 持平, a bare part after 其中, the readings of a bracket. */
interface PartLookup {
  first: (id: string) => Yoy | undefined;
  nilOf: (id: string) => { at: number } | undefined;
  bareChange: (k: number) => Yoy | undefined;
  bareNil: (k: number) => { at: number } | undefined;
  /** The parts other than the usual ones are nil in both years (unusualNil). */
  unusualNil: boolean;
  lastPartsChange: (c: Yoy, id: string) => boolean;
  /** Parts written as nil this year. */
  nilNow: Set<string>;
  partitions: Partition[];
  /** The total's complete breakdowns (none against a budget). */
  breakdowns: Map<string, AmountMention>[];
}

/** Each part's change, signed, in the partition's order; which signs are open; how many parts' changes are unstated. */
export interface PartChanges {
  items: AmountMention[];
  undecided: boolean[];
  unstated: number;
  /**
   * The parts left unstated, nil this year, beside a sibling whose change is written after their whole's figure (and
   * may be the whole's): read so, they are unchanged.
   */
  unstatedIds?: string[];
  /** The parts other than the usual ones were taken as nil, never named (unusualNil). */
  usualOnly?: boolean;
  /** The parts' changes as the text states them (not those read from 持平 or from nil this year). */
  stated?: Yoy[];
}

/**
 * The change of every part of `partition` as the text states it — its own, 持平, its parts' changes, nil in two
 * complete breakdowns, or unstated where the part is nil this year (then it can only have decreased); undefined
 * when some part's change is not stated and cannot be so read.
 */
function partChanges(partition: Partition, total: Yoy, look: PartLookup): PartChanges | undefined {
  const { first, nilOf, bareChange, bareNil, unusualNil, lastPartsChange, nilNow, partitions, breakdowns } = look;
  const items: AmountMention[] = [];
  // which items' change words are the template's either-or ("减少（增加）"): their sign is open
  const undecided: boolean[] = [];
  const stated: Yoy[] = [];
  const add = (c: Yoy) => {
    undecided[items.length] = c.eitherWay === true;
    items.push(signed(c));
    stated.push(c);
  };
  // a change as stated, or a part's 持平 already read as a change of 0
  const addAny = (c: Yoy | AmountMention) => {
    if ('kind' in c) add(c);
    else items.push(c);
  };
  let unstated = 0;
  const unstatedIds: string[] = [];
  let usualOnly = false;
  // the total's complete breakdowns in two years: a part 0 in both is unchanged, and a part the
  // breakdowns name by one of its own parts only (公务用车运行费 for 公务用车) is that part
  const both = breakdowns.length === 2;
  const zeroInBoth = (id: string) => both && breakdowns.every((b) => b.get(id)?.value.isZero() === true);
  // this year's complete breakdown (its items add up to the total's figure now): a component it leaves
  // out, with no part of its own and no whole of its own named there, is nil this year ("“三公”经费预算
  // 7.20 万元，其中：出国 0，接待 1.20，公务用车运行维护费 6.00" — 购置费 is nil)
  const now = total.current?.value;
  const thisYear = breakdowns.find(
    (b) => now !== undefined && [...b.values()].reduce((acc, a) => acc.plus(a.value), new Decimal(0)).eq(now),
  );
  const leftOut = (id: string, whole?: string) =>
    thisYear !== undefined && ![id, ...partsOf(partitions, id), ...(whole ? [whole] : [])].some((x) => thisYear.has(x));
  // (a part of a whole nil this year is nil too: "公务用车购置及运行维护费预算 0 万元，其中运行维护费 0 万元")
  const nilThisYear = (id: string, whole?: string) =>
    nilNow.has(id) || (whole !== undefined && nilNow.has(whole)) || leftOut(id, whole);
  const namedBy = (id: string) => {
    const subs = partsOf(partitions, id);
    const named = subs.filter((x) => breakdowns.every((b) => b.has(x)));
    if (
      !both ||
      named.length !== 1 ||
      breakdowns.some((b) => b.has(id) || subs.some((x) => x !== named[0] && b.has(x)))
    )
      return undefined;
    return first(named[0] as string);
  };
  for (const [k, part] of partition.parts.entries()) {
    const change = first(part) ?? bareChange(k);
    const flat = nilOf(part) ?? bareNil(k);
    // a part whose own change is not stated but whose parts' are ("公务用车购置费…减少 79.4 万元；
    // 公务用车运行费…减少 596.98 万元"): their changes stand for it
    const subParts = partsOf(partitions, part);
    // a part of it said unchanged ("公务用车购置费 0 万元，与上年持平") has changed by 0
    const subChange = (x: string): Yoy | AmountMention | undefined => {
      const flatSub = first(x) ? undefined : nilOf(x);
      return flatSub ? nil(flatSub.at) : first(x);
    };
    const sub = subParts.length > 0 ? subParts.map(subChange) : undefined;
    const alone = change ? undefined : namedBy(part);
    if (change && lastPartsChange(change, part)) {
      // read also as its last part's change ("…（其中：购置费 0，运行维护费 a），比预算数减少 c"): the part's
      // other parts' changes are then unstated — nil this year, they can only have decreased; the sum is
      // checked only as far as both readings agree (at most the total's decrease)
      add(change);
      unstated += 1;
    } else if (change) add(change);
    else if (flat) items.push(nil(flat.at));
    else if (zeroInBoth(part)) items.push(nil(total.change.start));
    else if (alone) add(alone);
    else if (sub?.every((c) => c !== undefined)) for (const c of sub) addAny(c as Yoy | AmountMention);
    else if (
      sub?.some((c) => c !== undefined) &&
      subParts.every((x, j) => sub[j] !== undefined || nilThisYear(x, part))
    )
      // some of its parts' changes stated, the others nil this year and unstated (they can only have decreased)
      for (const [j, c] of sub.entries()) {
        if (c) addAny(c);
        else {
          unstated += 1;
          // the stated parts' changes written right after their whole's figure ("公务用车购置及运行维护费 0 万元，其中
          // 运行维护费 0 万元，比上年减少 c"): c may be the whole's — the others then unchanged
          if (sub.every((x) => x === undefined || ('kind' in x && x.whole !== undefined)))
            unstatedIds.push(subParts[j] as string);
        }
      }
    // a part no unit of this text has adds nothing (and is not listed in the sum)
    else if (unusualNil && !partition.usual?.includes(part)) usualOnly = true;
    else if (nilThisYear(part)) unstated += 1;
    else return undefined;
  }
  return { items, undecided, unstated, unstatedIds, stated, ...(usualOnly ? { usualOnly } : {}) };
}

/**
 * The n.change-sum claim (`listId`) of a total's change and its parts' ("…较年初预算数减少 0.04 万元；其中：公务用车…减少 0.04 万
 * 元，公务接待费…减少 0.04 万元"); undefined when nothing certain can be compared.
 */
export function sumClaim(
  listId: string,
  total: Yoy,
  { items, undecided, unstated, usualOnly }: PartChanges,
  totalName?: string,
): Claim | undefined {
  // every part unchanged says nothing of a total that did not change either; of one that did, it is wrong
  const none = items.every((i) => i.value.isZero());
  if (none && total.change.value.isZero()) return undefined;
  // a part nil this year whose change is not stated: when the total and every stated part
  // decreased, the total's decrease is at least the stated parts' ("…较年初预算数减少 0.04 万元；
  // 其中：公务用车…减少 0.04 万元，公务接待费…减少 0.04 万元")
  // When some stated part increased, the signed sum of the stated parts is at least the total's change
  // (the unstated ones only lower it): "三公 比上年减少 0.20；其中 运行维护费 减少 0.50，接待费 增加 0.20"
  // (购置费、出国 left out, nil this year) is wrong — the parts stated already make a decrease of 0.30.
  const decreases = total.changeWord === 'down' && items.every((i) => i.value.lte(0));
  const open = [total.eitherWay === true, ...items.map((_, i) => undecided[i] === true)];
  // an open sign and a part left unstated: nothing certain to compare
  if (unstated > 0 && open.some(Boolean)) return undefined;
  const magnitude = (a: AmountMention): AmountMention => ({ ...a, value: a.value.abs() });
  const figures = unstated > 0 && decreases ? [magnitude(total.change), ...items] : [signed(total), ...items];
  const [sum, ...parts] = printedZeros(open.some(Boolean) ? closestSigns(figures, open) : figures);
  return {
    kind: 'list',
    listId,
    total: sum as AmountMention,
    totalPlace: total.para,
    ...(total.subject ? { totalSubject: total.subject } : totalName ? { totalName } : {}),
    items: parts.map((amount) => ({
      amount: unstated > 0 && decreases ? magnitude(amount) : amount,
      para: total.para,
    })),
    compare: unstated === 0 ? 'equal' : decreases ? 'at-most' : 'at-least',
    ...(usualOnly ? { usualOnly } : {}),
    para: total.para,
    sentence: total.sentence,
    quote: total.quote,
  };
}

/**
 * The bases of a sum of every part's change against the year before ("“三公”经费 A，比上年增加 C，增长 P%。其中，…运行维护费
 * 比上年增加 c1，增长 p1%；公务接待费比上年增加 c2，增长 p2%"): the parts whose change carries a rate the same way,
 * and the total's change with its current figure or its rate — the sum holds, yet c2 ÷ p2 may be a base larger than
 * the total leaves for it (a rate worked over this year's figure, c2 ÷ (b + c2), makes it so).
 */
function withBases(
  claim: Extract<Claim, { kind: 'list' }>,
  total: Yoy,
  found: PartChanges,
  priors: ReadonlyMap<string, AmountMention>,
): void {
  if (claim.compare !== 'equal' || total.eitherWay || total.sameScope) return;
  const totalRate = total.rate && total.rateWord === total.changeWord ? total.rate : undefined;
  const parts = (found.stated ?? []).flatMap((c) => {
    if (!c.rate || c.rateWord !== c.changeWord || c.eitherWay || c.rate.value.isZero() || c.change.value.isZero())
      return [];
    const own = c.prior && yearBeforeOnly(c.prior) ? c.prior.amount : undefined;
    const prior = own ?? priors.get(c.subject?.id ?? '');
    // this year's figure, when it is the one compared (not a whole the part belongs to, not two flows at once)
    const current = c.current && !c.whole && !c.jointLevel && !c.versusBudget ? c.current : undefined;
    return [
      {
        label: c.subject?.label ?? '',
        change: c.change,
        rate: c.rate,
        ...(prior ? { prior } : {}),
        ...(current ? { current } : {}),
      },
    ];
  });
  if (parts.length === 0) return;
  claim.bases = {
    total: {
      change: total.change,
      down: total.changeWord === 'down',
      ...(total.current ? { current: total.current } : {}),
      ...(totalRate ? { rate: totalRate } : {}),
    },
    parts,
  };
}

/** A yoy's prior that is not the year before's figure: this year's budget, a figure reported earlier, one adjusted. */
function yearBeforeOnly(prior: NonNullable<Yoy['prior']>): boolean {
  return !prior.ownBudget && !prior.reported && !prior.adjusted;
}

/**
 * "二、2021 年“三公”经费决算情况：…合计 20.12 万元，其中：…公务接待 12.39 万元，公务用车运行费用 7.73 万元" before "2022 年度“三公”经费
 * 预算较 2021 年度增加 1.68 万元，其中公务接待…减少 0.58 万元": the list whose total is the figure the total's change is taken
 * from (its prior, stated) is the year before's breakdown — each of its items, by subject, is that part's figure the year
 * before.
 */
function priorParts(paras: ParaClaims[], total: Yoy): Map<string, AmountMention> {
  const out = new Map<string, AmountMention>();
  const prior = total.prior;
  if (!prior || !yearBeforeOnly(prior) || !total.subject) return out;
  for (const pc of paras) {
    if (pc.p.para !== prior.para) continue;
    const list = pc.claims.find(
      (c) =>
        c.kind === 'list' &&
        c.totalSubject?.id === total.subject?.id &&
        c.total.start === prior.amount.start &&
        c.totalPlace === prior.para,
    );
    if (list?.kind !== 'list') continue;
    for (const item of list.items) {
      const named = pc.claims.find(
        (c) => c.kind === 'amount' && c.para === item.para && c.amount.start === item.amount.start,
      );
      if (named?.kind === 'amount' && !out.has(named.subject.id)) out.set(named.subject.id, item.amount);
    }
  }
  return out;
}

/** The words a part's names share with no other kind of part: "购置" of 公务用车购置费, "事业" of 事业收入. */
function coreWord(label: string): string {
  return label.replace(/^(?:公务用车|因公|公务)/u, '').replace(/(?:费用?|支出|收入|经费)$/u, '');
}

/**
 * Whether the text names a part in no way: no mention of its subject, and not its core word either ("本年未购置公务用车"
 * names the purchase; "购置及运行维护费", the two parts together, does not).
 */
function silentPart(
  id: string,
  named: ReadonlySet<string>,
  text: string,
  subjects: ReadonlyMap<string, Subject>,
): boolean {
  if (named.has(id)) return false;
  const subject = subjects.get(id);
  const words = subject ? subject.names.map(coreWord) : [];
  if (id === 'sangong-vehicle-purchase') words.push('购置', '购买', '购车', '新购', '更新');
  return words.every((w) => {
    if (w.length < 2) return true;
    for (const m of allMatches(text, new RegExp(w, 'gu')))
      if (!/^[及和与]/u.test(text.slice(m.index + w.length))) return false;
    return true;
  });
}
