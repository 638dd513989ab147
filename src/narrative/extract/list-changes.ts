import { Decimal } from 'decimal.js';
import type { Claim } from '../claims.js';
import { allPartsOf } from '../catalog/partitions.js';
import type { Partition } from '../catalog/types.js';
import type { ParaClaims } from './across.js';
import { signed } from './change-sum.js';
import { markStart } from './state.js';

type Yoy = Extract<Claim, { kind: 'yoy' }>;
type List = Extract<Claim, { kind: 'list' }>;

/**
 * "财政总支出 T 万元，较上年增支 C 万元，…。其中：一般公共预算支出 a 万元，同比增支 c1 万元…；政府性基金预算支出 b
 * 万元，…增支 c2 万元…": a 其中 list whose items' figures add up to its total exactly, to the last digit written (so
 * it names every part, whatever its words say), and
 * whose total and items each carry their own comparison with the year before — the items' changes add up to the
 * total's (n.change-sum); to at least the total's when the items are funds and one of the three is not among them. Read only when every figure's comparison is its own (one per figure, none 按同口径, all of
 * one kind), and not for a total the catalog's partitions already check (三公, 基本支出 …).
 */
export function listChangeClaims(paras: ParaClaims[], partitions: readonly Partition[]): Claim[] {
  const partitionTotals = new Set(partitions.map((x) => x.total));
  const out: Claim[] = [];
  for (const pc of paras) {
    const lists = pc.claims.filter(
      (c): c is List => c.kind === 'list' && c.listId === 'breakdown' && c.compare === 'equal' && c.items.length >= 2,
    );
    if (lists.length === 0) continue;
    const comparisons = new Map<unknown, Yoy[]>();
    for (const c of pc.claims)
      if (c.kind === 'yoy' && c.current && !c.pair)
        comparisons.set(c.current, [...(comparisons.get(c.current) ?? []), c]);
    const own = (figure: unknown): Yoy | undefined => {
      const found = comparisons.get(figure);
      return found?.length === 1 ? found[0] : undefined;
    };
    for (const list of lists) {
      if (list.items.some((i) => i.para !== pc.p.para)) continue;
      const levels = list.items.reduce((acc, i) => acc.plus(i.amount.value), new Decimal(0));
      if (!levels.eq(list.total.value) || list.items.some((i) => i.amount.unit !== list.total.unit)) continue;
      const total = own(list.total);
      if (!total || total.sameScope) continue;
      const items = list.items.map((i) => own(i.amount));
      if (items.some((c) => !c || c.sameScope || (c.versusBudget ?? false) !== (total.versusBudget ?? false))) continue;
      // a total the catalog's partitions check (三公, 基本支出 …) is left to n.change-sum when its items are its parts;
      // items none of which is one of its parts ("全盟“三公”经费 T…其中：盟本级 a…；旗县区 b…", a split by level) are
      // another breakdown of it, checked here
      const parts = total.subject ? allPartsOf(partitions, total.subject.id) : new Set<string>();
      for (const id of partitions.find((x) => x.total === total.subject?.id)?.bare ?? []) parts.add(id);
      // (an item's comparison read as the total's own subject, "其中县本级支出 a，较上年增加 c", is no part either: an
      // item is never its own total)
      const isPart = (c: Yoy | undefined) => c?.subject !== undefined && parts.has(c.subject.id);
      if (total.subject && partitionTotals.has(total.subject.id) && items.some(isPart)) continue;
      out.push({
        kind: 'list',
        listId: 'changes:list',
        total: signed(total),
        totalPlace: total.para,
        ...(total.subject
          ? { totalSubject: total.subject }
          : { totalName: pc.p.n.text.slice(markStart(pc.p, '，；。：', list.total.start), list.total.start) }),
        items: (items as Yoy[]).map((c) => ({ amount: signed(c), para: c.para })),
        // items by fund that leave a fund out make the total this year; that fund may have had money the year before
        // and has none now — its change can only be a decrease, and the total's is at most the items' ("财政总支出…增支
        // C；其中：一般公共预算支出…增支 c1；政府性基金预算支出…增支 c2": C = c1 + c2 − d, d last year's 国有资本经营预算支出)
        compare: fundLeftOut(list, pc) ? 'at-least' : 'equal',
        para: total.para,
        sentence: total.sentence,
        quote: total.quote,
      });
    }
  }
  return out;
}

/** The funds a government's money is split by: items naming some of them and not all split it by fund. */
const FUNDS = ['一般公共预算', '政府性基金', '国有资本经营'] as const;

/**
 * Whether a list's items each name a fund ("一般公共预算支出 a，…；政府性基金预算支出 b") and some fund is named by none:
 * a fund with nothing this year is left out of the list, whatever it had the year before.
 */
function fundLeftOut(list: List, pc: ParaClaims): boolean {
  const names = list.items.map((i) => pc.p.n.text.slice(markStart(pc.p, '，；。：', i.amount.start), i.amount.start));
  const named = names.map((n) => FUNDS.find((f) => n.includes(f)));
  return named.every((f) => f !== undefined) && FUNDS.some((f) => !named.includes(f));
}
