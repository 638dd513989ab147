import { Decimal } from 'decimal.js';
import type { AmountMention, Claim } from '../claims.js';
import { allPartsOf } from '../catalog/partitions.js';
import type { Partition } from '../catalog/types.js';
import type { ParaClaims } from './across.js';
import { nil, signed } from './change-sum.js';
import { FUNDS } from './fund-parts.js';
import type { ParaText } from './para.js';
import { NIL_WORDS } from '../text/nil-words.js';
import { markStart } from './state.js';

type Yoy = Extract<Claim, { kind: 'yoy' }>;
type List = Extract<Claim, { kind: 'list' }>;

/**
 * "财政总支出 T 万元，较上年增支 C 万元，…。其中：一般公共预算支出 a 万元，同比增支 c1 万元…；政府性基金预算支出 b
 * 万元，…增支 c2 万元…": a 其中 list whose items' figures add up to its total exactly, to the last digit written (so
 * it names every part, whatever its words say), and
 * whose total and items each carry their own comparison with the year before — the items' changes add up to the
 * total's (n.change-sum); to at least the total's when the items are funds and one of the three is not among them. Read only when every figure's comparison is its own (one per figure, none 按同口径, all of
 * one kind), and not for a total whose change n.change-sum already adds up from the catalog's partitions (`summed`).
 */
export function listChangeClaims(
  paras: ParaClaims[],
  partitions: readonly Partition[],
  closed: readonly Claim[] = [],
  summed: readonly Claim[] = [],
): Claim[] {
  const partitionTotals = new Set(partitions.map((x) => x.total));
  const out: Claim[] = [];
  // each figure's own comparisons, by place: a list's items may stand on lines of their own ("…下降 0.2%。其中：" and then
  // "工资福利支出预算 a 元，…同比增加 c1 元" on the next line, as a PDF's lines are read), each with its comparison there
  const comparisons = new Map<string, Yoy[]>();
  const at = (para: number, start: number) => `${para}:${start}`;
  for (const pc of paras)
    for (const c of pc.claims)
      if (c.kind === 'yoy' && c.current && !c.pair) {
        const key = at(c.para.n, c.current.start);
        comparisons.set(key, [...(comparisons.get(key) ?? []), c]);
      }
  const textOf = new Map(paras.map((pc) => [pc.p.para.n, pc.p] as const));
  const own = (n: number, figure: AmountMention): Yoy | undefined => {
    const found = comparisons.get(at(n, figure.start));
    return found?.length === 1 ? found[0] : undefined;
  };
  for (const pc of paras) {
    // the total's own lists, and those closed across the lines after it
    const lists = [...pc.claims, ...closed.filter((c) => c.para === pc.p.para)].filter(
      (c): c is List => c.kind === 'list' && c.listId === 'breakdown' && c.compare === 'equal' && c.items.length >= 2,
    );
    for (const list of lists) {
      // items on the total's line or on the lines right after it, one item's line after another
      const lines = list.items.map((i) => i.para.n);
      if (lines.some((n, k) => n < pc.p.para.n || (k > 0 && n < (lines[k - 1] as number)))) continue;
      const levels = list.items.reduce((acc, i) => acc.plus(i.amount.value), new Decimal(0));
      if (!levels.eq(list.total.value) || list.items.some((i) => i.amount.unit !== list.total.unit)) continue;
      const total = own(pc.p.para.n, list.total);
      if (!total || total.sameScope) continue;
      // an item said unchanged right after its figure ("…占基本支出预算 0.56%，与上年持平"): a change of 0
      const items = list.items.map((i) => {
        const c = own(i.para.n, i.amount);
        if (c) return c;
        const p = textOf.get(i.para.n);
        return p && !total.versusBudget ? saidFlat(p, i.amount) : undefined;
      });
      if (
        items.some(
          (c) => !c || ('kind' in c && (c.sameScope || (c.versusBudget ?? false) !== (total.versusBudget ?? false))),
        )
      )
        continue;
      const yoys = items.filter((c): c is Yoy => c !== undefined && 'kind' in c);
      // a total the catalog's partitions check (三公, 基本支出 …) is left to n.change-sum when its items are its parts;
      // items none of which is one of its parts ("全盟“三公”经费 T…其中：盟本级 a…；旗县区 b…", a split by level) are
      // another breakdown of it, checked here
      const parts = total.subject ? allPartsOf(partitions, total.subject.id) : new Set<string>();
      for (const id of partitions.find((x) => x.total === total.subject?.id)?.bare ?? []) parts.add(id);
      // (an item's comparison read as the total's own subject, "其中县本级支出 a，较上年增加 c", is no part either: an
      // item is never its own total)
      const isPart = (c: Yoy | undefined) => c?.subject !== undefined && parts.has(c.subject.id);
      const ofPartition = total.subject !== undefined && partitionTotals.has(total.subject.id) && yoys.some(isPart);
      // (n.change-sum reads no sum where an item's name is none the catalog knows: "公务用车及运行维护费 a，比上年下降 c1；
      // 公务用车购置支出 b 与上年持平；公务接待支出 d…" — the list's figures add up to the total, so these items are its parts)
      if (ofPartition && summed.some((c) => c.kind === 'list' && sameChange(c, total))) continue;
      out.push({
        kind: 'list',
        listId: 'changes:list',
        total: signed(total),
        totalPlace: total.para,
        ...(total.subject
          ? { totalSubject: total.subject }
          : { totalName: pc.p.n.text.slice(markStart(pc.p, '，；。：', list.total.start), list.total.start) }),
        items: list.items.map((i, k) => {
          const c = items[k] as Yoy | AmountMention;
          return { amount: 'kind' in c ? signed(c) : c, para: i.para };
        }),
        // items by fund that leave a fund out make the total this year; that fund may have had money the year before
        // and has none now — its change can only be a decrease, and the total's is at most the items' ("财政总支出…增支
        // C；其中：一般公共预算支出…增支 c1；政府性基金预算支出…增支 c2": C = c1 + c2 − d, d last year's 国有资本经营预算支出)
        // so do a partition's parts left out, nil this year ("其中，因公出国（境）费用没有；…")
        compare: ofPartition || fundLeftOut(list, pc) ? 'at-least' : 'equal',
        para: total.para,
        sentence: total.sentence,
        quote: total.quote,
      });
    }
  }
  return out;
}

/** Whether a sum of changes (n.change-sum's) is of this total's change: the same figure at the same place. */
function sameChange(sum: List, total: Yoy): boolean {
  return sum.totalPlace === total.para && sum.total.start === total.change.start;
}

/**
 * 持平 said of a figure in its own clause group, with nothing between but its share ("对个人和家庭补助支出预算 a 元，占基本
 * 支出预算 0.56%，与上年持平", "公务用车购置支出 b 万元与上年持平"; not "…与上年预算持平", a budget compared): its change is 0. Undefined when not so said.
 */
const FLAT_AFTER = new RegExp(
  `^(?:[，,]占[^，,。；;0-9]{0,16}[0-9.]+%)?[，,]?(?:与|和|较|比|同)(?:上年|去年|上年度)(?:相比)?[，,]?(?:${NIL_WORDS})[。；;，,]?`,
  'u',
);
function saidFlat(p: ParaText, figure: AmountMention): AmountMention | undefined {
  const after = p.n.text.slice(figure.end);
  const m = FLAT_AFTER.exec(after);
  if (!m) return undefined;
  const at = figure.end + m[0].length;
  return { ...nil(at), unit: figure.unit, decimals: figure.decimals };
}

/**
 * Whether a list's items each name a fund ("一般公共预算支出 a，…；政府性基金预算支出 b") and some fund is named by none:
 * a fund with nothing this year is left out of the list, whatever it had the year before.
 */
function fundLeftOut(list: List, pc: ParaClaims): boolean {
  const names = list.items.map((i) => pc.p.n.text.slice(markStart(pc.p, '，；。：', i.amount.start), i.amount.start));
  // (the three funds a government's money is split by, fund-parts.ts's: items naming some and not all split it by fund)
  const named = names.map((n) => FUNDS.find((f) => f.test(n)));
  return named.every((f) => f !== undefined) && FUNDS.some((f) => !named.includes(f));
}
