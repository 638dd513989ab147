import type { AmountMention, Claim } from '../claims.js';
import type { ParaClaims } from './across.js';
import { countOf } from './list-complete.js';
import { place, sentenceAt } from './para.js';
import { otherYears } from './year-frames.js';
import { allMatches } from '../../util/matches.js';

/**
 * "基本支出由工资福利支出（a 亿元）、商品和服务支出（b 亿元）和其他资本性支出（c 亿元）三部分组成", "由甲、乙、丙三类构成":
 * what a whole is made of, named one by one, and how many parts the text says that is.
 */
const MADE_OF =
  /由(?<list>[^。；！？由]{2,200}?)(?<n>[0-9]+|[一二两三四五六七八九十]{1,2})(?:个|大)?(?<what>部分|方面|项|类|块)(?:所|共同)?(?:组成|构成)/gu;

/** A name and the bracket of its one figure, from where the one before ended: "、商品和服务支出（3906.7 亿元）". */
const BRACKETED = /^(?<join>、|以及|和|及|与)?(?<name>[^、（）]+?)（(?<inner>[^（）]*)）/u;

/** The words before 由 in its clause naming the whole ("具体来看，中央本级基本支出由…" → "中央本级基本支出"). */
function wholeName(text: string, at: number): string {
  const clause = /[^，。；：！？]*$/u.exec(text.slice(0, at))?.[0] ?? '';
  return clause
    .replace(/^(?:[0-9]{4}年度?|其中|具体(?:来|地)?(?:看|说)|总的来看|从[^，]{1,8}看)/u, '')
    .replace(/(?:主要|均|都)$/u, '')
    .trim();
}

/**
 * The parts named in the list: each a name with its bracket holding one figure, joined by 、 (the last by 和/及/与), so
 * a 和 inside a name ("商品和服务支出", "对个人和家庭的补助") is no join. Undefined when the list is not so written.
 */
function bracketedParts(
  list: string,
  offset: number,
  amounts: AmountMention[],
): { n: number; items: AmountMention[] } | undefined {
  const items: AmountMention[] = [];
  let end = 0;
  while (end < list.length) {
    const m = BRACKETED.exec(list.slice(end));
    if (!m) return undefined;
    // the first name opens the list; every other one opens with its join
    if ((items.length === 0) !== (m.groups?.join === undefined)) return undefined;
    const open = offset + end + m[0].length - (m.groups?.inner ?? '').length - 1;
    const inside = amounts.filter((a) => a.start >= open && a.end <= offset + end + m[0].length - 1);
    if (inside.length !== 1) return undefined;
    items.push(inside[0] as AmountMention);
    end += m[0].length;
  }
  return items.length >= 2 ? { n: items.length, items } : undefined;
}

/** A join between two parts, opening every name after the first. */
const JOIN = /^(?:、|以及|和|及|与)/u;

/**
 * The parts named in the list with each one's figure right after its name: "工资福利支出 a 亿元、商品和服务支出 b 亿元和其他
 * 资本性支出 c 亿元" (a bracket after a figure is its note) — the figures delimit the names, so a 和 inside a name is no
 * join. Undefined when a name is missing, holds a comma or a figure, or a change is listed.
 */
function inlineParts(
  list: string,
  offset: number,
  amounts: AmountMention[],
): { n: number; items: AmountMention[] } | undefined {
  if (/比|较|增|减|占/u.test(list)) return undefined;
  const items = amounts.filter((a) => a.start >= offset && a.end <= offset + list.length);
  if (items.length < 2) return undefined;
  let from = 0;
  for (const [i, a] of items.entries()) {
    const words = list.slice(from, a.start - offset).replace(/^（[^（）]*）/u, '');
    if ((i === 0) === JOIN.test(words)) return undefined;
    const name = words.replace(JOIN, '');
    if ([...name].length < 2 || /[0-9，、（）]/u.test(name)) return undefined;
    from = a.end - offset;
  }
  return /^(?:（[^（）]*）)?$/u.test(list.slice(from)) ? { n: items.length, items } : undefined;
}

/** A list of names alone, joined by 、 and no 和/及/与 anywhere (which may join two or sit inside one). */
function plainNames(list: string): number | undefined {
  if (/[0-9（）()和及与等，]/u.test(list)) return undefined;
  const names = list.split('、');
  return names.length >= 2 && names.every((x) => x.length >= 2) ? names.length : undefined;
}

/**
 * n.count and n.list-sum: "T 由甲（a）、乙（b）和丙（c）N 部分组成" — the parts named must be N (a name with its figure in
 * brackets is one part, whatever 和 it holds; names alone are counted only when no 和/及/与 is among them), and their
 * figures add up to the whole's: the figure right before 由 in its sentence, or else the whole named before 由 stated
 * with a figure in this paragraph or the three before it (its last statement: every figure of that clause after the
 * name is a candidate, 突破 1 万亿元 beside 达 T).
 */
export function madeOfClaims(paras: readonly ParaClaims[]): Claim[] {
  const out: Claim[] = [];
  for (const [k, pc] of paras.entries()) {
    const text = pc.p.n.text;
    for (const m of allMatches(text, MADE_OF)) {
      const list = m.groups?.list ?? '';
      const offset = m.index + 1;
      const sentence = sentenceAt(pc.p, m.index);
      const parts = bracketedParts(list, offset, pc.p.amounts) ?? inlineParts(list, offset, pc.p.amounts);
      const named = parts?.n ?? plainNames(list);
      if (named === undefined) continue;
      const span = { start: m.index, end: m.index + m[0].length };
      out.push({
        kind: 'count',
        countId: 'named',
        n: countOf(m.groups?.n ?? ''),
        counter:
          m.groups?.what === '部分' || m.groups?.what === '方面' ? `个${m.groups.what}` : (m.groups?.what ?? '个'),
        target: { listed: { count: named, paras: [], what: '“由……组成”所列各部分' } },
        ...place(pc.p, sentence, span),
      });
      if (!parts || parts.items.some((a) => a.unit !== parts.items[0]?.unit)) continue;
      const whole = wholeOf(paras, k, m.index, sentence.start);
      if (!whole) continue;
      // "主要由甲、乙两部分组成": mostly — the parts must only not exceed the whole
      const mostly = /主要$/u.test(text.slice(sentence.start, m.index));
      out.push({
        kind: 'list',
        listId: 'made-of',
        total: whole.total,
        totalPlace: whole.para,
        items: parts.items.map((amount) => ({ amount, para: pc.p.para })),
        compare: mostly ? 'at-most' : 'equal',
        ...(mostly ? { partial: true } : { closed: true }),
        ...(whole.alternatives.length > 0 ? { alternatives: whole.alternatives } : {}),
        ...place(pc.p, sentence, span),
      });
    }
  }
  return out;
}

/** The whole's figure: right before 由 in its sentence, or its name's last statement with a figure nearby above. */
function wholeOf(
  paras: readonly ParaClaims[],
  k: number,
  at: number,
  sentenceStart: number,
): { total: AmountMention; alternatives: AmountMention[]; para: ParaClaims['p']['para'] } | undefined {
  const pc = paras[k] as ParaClaims;
  const text = pc.p.n.text;
  const name = wholeName(text, at);
  if (name === '') {
    // "基本支出 T 万元，由甲（a）、乙（b）两部分组成": the figure closing the clause before
    const before = pc.p.amounts.filter((a) => a.start >= sentenceStart && a.end <= at && !pc.changes.has(a)).pop();
    return before && /^[，、]?(?:主要)?$/u.test(text.slice(before.end, at).trim())
      ? { total: before, alternatives: [], para: pc.p.para }
      : undefined;
  }
  if ([...name].length < 3 || /[0-9]/u.test(name)) return undefined;
  for (let j = k; j >= Math.max(0, k - 3); j -= 1) {
    const q = paras[j] as ParaClaims;
    const t = q.p.n.text;
    const limit = j === k ? sentenceStart : t.length;
    const found = t.lastIndexOf(name, limit - name.length);
    if (found < 0) continue;
    const clauseEnd = /[；。]/u.exec(t.slice(found))?.index;
    const end = clauseEnd === undefined ? t.length : found + clauseEnd;
    // the figures of the name's sentence after it, no change among them, up to the first comparison
    const compared = /比|较|同比|增长|下降|增加|减少|占/u.exec(t.slice(found + name.length, end))?.index;
    const stop = compared === undefined ? end : found + name.length + compared;
    // a budget's, or the year before's, figure is not the whole the parts of this statement make
    const own = sentenceAt(q.p, found);
    const stated = text.slice(sentenceStart, at + 1);
    const scope = (words: string) => [/预算/u.test(words), /上年|去年|同期|上一年/u.test(words)].join();
    if (scope(t.slice(own.start, stop)) !== scope(stated)) return undefined;
    // "2021 年基本支出 X。2022 年基本支出由甲（a）、乙（b）组成": the name's figure of another year is not this whole
    if (otherYears(t.slice(own.start, own.end), text.slice(sentenceAt(pc.p, at).start, sentenceAt(pc.p, at).end)))
      return undefined;
    const figures = q.p.amounts.filter((a) => a.start >= found + name.length && a.end <= stop && !q.changes.has(a));
    const total = figures.pop();
    if (!total) return undefined;
    return { total, alternatives: figures, para: q.p.para };
  }
  return undefined;
}
