import type { AmountMention, ClaimPlace, PercentMention, WholeRef } from '../claims.js';
import type { ParaClaims } from './across.js';
import { sentenceAt } from './para.js';
import { otherYears } from './year-frames.js';

/**
 * "基本支出、项目支出分别占本年支出合计的 p、q", "税收收入和非税收入占…的比重分别为 p、q", "第一、二、三产业
 * 增加值所占比重分别为 p、q、r": percentages that pair in order with parts named — not figured — before 占.
 * The parts' figures are stated earlier (in the paragraph, or in one before it); they are looked up once
 * every paragraph is read.
 */
export interface NamedShares {
  names: string[];
  percents: PercentMention[];
  /** The whole 占 names, when it is a known subject. */
  whole?: WholeRef;
  /** The whole's name as 占 writes it ("一般公共预算收入"), to look its figure up by when it is no known subject. */
  wholeName?: string;
  /** Where the share's sentence starts: a part must be stated before it. */
  before: number;
  place: ClaimPlace;
}

const ORDINAL = '[一二三四五六七八九十]';

/**
 * The names enumerated before 占 ("基本支出、项目支出分别", "第一、二、三产业增加值所"), one per percentage;
 * "第一、二、三产业增加值" is three names sharing the last one's noun. Undefined when the count differs or a
 * name is too short to be one.
 */
export function enumeratedNames(clause: string, count: number): string[] | undefined {
  const bare = clause.replace(/(?:分别|所|的|共同)+$/u, '');
  const names = bare.split(/、|和|及|与/u).map((n) => n.trim());
  const last = new RegExp(`^第?(${ORDINAL})(.{2,})$`, 'u').exec(names[names.length - 1] ?? '');
  const short = new RegExp(`^第?(${ORDINAL})$`, 'u');
  const expanded =
    last && names[0]?.startsWith('第') && names.slice(0, -1).every((n) => short.test(n))
      ? names.map((n) => `第${(short.exec(n) ?? last)[1]}${last[2]}`)
      : names;
  return expanded.length === count && expanded.every((n) => n.length >= 2) ? expanded : undefined;
}

/**
 * "货物、工程、服务采购规模": short names before the last one share its noun — the figures are written "货物采购规模",
 * or with 类 ("货物类采购规模 a，工程类采购规模 b"). Each way the last name may split into its own word (two characters
 * or more) and the shared noun (two or more), the names so written; none when a name before the last is long enough
 * to be a name of its own.
 */
function sharedNounNames(names: string[]): string[][] {
  const last = names[names.length - 1] ?? '';
  const others = names.slice(0, -1);
  if (others.length === 0 || others.some((n) => n.length > 3 || /类$/u.test(n))) return [];
  const out: string[][] = [];
  for (let i = 2; i <= last.length - 2; i += 1) {
    const head = last.slice(0, i);
    const noun = last.slice(i);
    if (head.length > 3 || /^类/u.test(noun)) continue;
    out.push([...others.map((o) => `${o}${noun}`), last]);
    out.push([...others.map((o) => `${o}类${noun}`), `${head}类${noun}`]);
  }
  return out;
}

/** A paragraph's level figure named exactly so and stated before a position: one value, or none. */
export type FigureLookup = (pc: ParaClaims, name: string, before: number) => AmountMention | undefined;

/**
 * The share claims of named parts: the parts from the share's own paragraph, else from the nearest one
 * before it that states them all; the whole the one 占 names, else the total of the list the parts are
 * the items of ("其中，第一产业增加值 a，第二产业增加值 b，第三产业增加值 c" under "生产总值 T"). Nothing
 * is claimed when either cannot be found.
 */
export function resolveNamedShares(
  paras: ParaClaims[],
  pending: ReadonlyMap<ParaClaims, NamedShares[]>,
  figureNamed: FigureLookup,
  anyNamed: (pc: ParaClaims, name: string, before: number) => boolean = () => false,
): void {
  paras.forEach((pc, index) => {
    for (const n of pending.get(pc) ?? []) {
      let found: { parts: AmountMention[]; pc: ParaClaims; k: number } | undefined;
      for (const names of [n.names, ...sharedNounNames(n.names)]) {
        for (let k = index; k >= 0 && !found; k -= 1) {
          const at = paras[k] as ParaClaims;
          const before = k === index ? n.before : Number.POSITIVE_INFINITY;
          const parts = names.map((name) => figureNamed(at, name, before));
          if (parts.every((a) => a !== undefined)) found = { parts: parts as AmountMention[], pc: at, k };
        }
        if (found) break;
      }
      if (!found) continue;
      const { parts } = found;
      const list = found.pc.claims.find(
        (c) => c.kind === 'list' && parts.every((a) => c.items.some((i) => i.amount === a)),
      );
      // else the figure stated under the whole's own name where the parts are ("一般公共预算收入安排 T。税收收入安排 a，…，
      // 非税收入安排 b，税收收入和非税收入占一般公共预算收入的比重分别为 p、q")
      const byName =
        !n.whole && !list && n.wholeName ? wholeNamed(paras, found.k, n, { figureNamed, anyNamed }, index) : undefined;
      const whole: WholeRef | undefined =
        n.whole ??
        (list?.kind === 'list'
          ? { list: list.total, para: list.totalPlace }
          : byName && !parts.includes(byName.figure)
            ? { list: byName.figure, para: byName.para }
            : undefined);
      if (!whole) continue;
      for (const [i, part] of parts.entries())
        pc.claims.push({ kind: 'share', part, whole, percent: n.percents[i] as PercentMention, ...n.place });
    }
  });
}

/**
 * The figure stated under the whole's own name: in the paragraph the parts are stated in (before the share there), else
 * in the nearest one before it stating a figure so named — one value only (figures so named with two values there: none).
 */
function wholeNamed(
  paras: ParaClaims[],
  from: number,
  n: NamedShares,
  lookup: { figureNamed: FigureLookup; anyNamed: (pc: ParaClaims, name: string, before: number) => boolean },
  shareIndex: number,
): { figure: AmountMention; para: ParaClaims['p']['para'] } | undefined {
  if (!n.wholeName) return undefined;
  for (let k = from; k >= 0; k -= 1) {
    const at = paras[k] as ParaClaims;
    const before = k === shareIndex ? n.before : Number.POSITIVE_INFINITY;
    const figure = lookup.figureNamed(at, n.wholeName, before);
    if (figure) {
      // "2021 年一般公共预算收入 X。2022 年税收收入 a，…占一般公共预算收入的比重为 p%": a whole of another year is none
      const share = paras[shareIndex] as ParaClaims;
      const own = sentenceAt(at.p, figure.start);
      const stated = sentenceAt(share.p, n.before);
      if (otherYears(at.p.n.text.slice(own.start, own.end), share.p.n.text.slice(stated.start, stated.end)))
        return undefined;
      return { figure, para: at.p.para };
    }
    // figures so named with different values: which one is the whole is not said, nor is one further back
    if (lookup.anyNamed(at, n.wholeName, before)) return undefined;
  }
  return undefined;
}
