import type { AmountMention, Claim } from '../claims.js';
import type { Partition } from '../catalog/types.js';
import type { ParaClaims } from './across.js';

type List = Extract<Claim, { kind: 'list' }>;
type Amount = Extract<Claim, { kind: 'amount' }>;

/**
 * "一般公共预算财政拨款支出 A 万元，比上年减少 C 万元。其中：基本支出 a 万元，比上年增加…，主要用于…。项目支出 b 万元，
 * 比上年减少…": the total's own 其中 names its parts bare (the partition's `bare`), and the second part opens a
 * sentence of its own after the first part's change and uses — the 其中 list ends with the first, yet both are
 * the total's parts, and they add up to it (n.list-sum). Read only where the 其中 breaks down the total (its list
 * claim is the total's), each part is the first figure so named after the cue, and no other figure stands between
 * the cue and the last of them (a figure of another total's, with a 其中 of its own, would come between).
 */
export function barePartClaims(paras: ParaClaims[], partitions: Partition[], claimed: Claim[]): Claim[] {
  const out: Claim[] = [];
  const done = new Set(claimed.flatMap((c) => (c.kind === 'list' ? [c.listId] : [])));
  for (const pc of paras) {
    const text = pc.p.n.text;
    const amounts = pc.claims.filter((c): c is Amount => c.kind === 'amount');
    for (const list of pc.claims) {
      if (list.kind !== 'list' || list.listId !== 'breakdown' || list.totalPlace !== pc.p.para) continue;
      const partition = partitions.find((x) => x.total === list.totalSubject?.id && x.bare);
      if (!partition?.bare || done.has(`partition:${partition.total}`)) continue;
      const cue = text.indexOf('其中', list.total.end);
      if (cue < 0) continue;
      const after = amounts.filter((c) => c.amount.start > cue);
      const parts = partition.bare.map((id) => after.find((c) => c.role === 'actual' && c.subject.id === id));
      if (parts.some((c) => c === undefined)) continue;
      const found = parts as Amount[];
      const last = Math.max(...found.map((c) => c.amount.start));
      // nothing but the parts between the cue and the last of them
      if (after.some((c) => c.amount.start <= last && !found.includes(c))) continue;
      const figures = new Set<AmountMention>(found.map((c) => c.amount));
      // a list already adding up these very parts says all there is to say
      if (list.items.length === found.length && list.items.every((i) => figures.has(i.amount))) continue;
      done.add(`partition:${partition.total}`);
      out.push({
        kind: 'list',
        listId: `partition:${partition.total}`,
        total: list.total,
        totalPlace: pc.p.para,
        ...(list.totalSubject ? { totalSubject: list.totalSubject } : {}),
        items: found.map((c) => ({ amount: c.amount, para: c.para })),
        compare: 'equal',
        para: list.para,
        sentence: list.sentence,
        quote: list.quote,
      } satisfies List);
    }
  }
  return out;
}
