import type { Partition } from '../catalog/types.js';
import { allPartsOf } from '../catalog/partitions.js';
import type { AmountMention, Claim } from '../claims.js';

type Yoy = Extract<Claim, { kind: 'yoy' }>;
type List = Extract<Claim, { kind: 'list' }>;

/**
 * "“三公”经费决算数合计为 T，其中：出国 a、用车 b、接待 c、会议费 d、培训费 e": a total whose list names items
 * outside its subject's parts is wider than the subject — a change said of the subject ("“三公”经费决算数较上年增加
 * C") may be of the parts alone. When both years' totals are such lists, the comparison gets the parts of each
 * (`narrower`): the change holds when either reading gives it.
 */
export function narrowerReadings(claims: readonly Claim[], partitions: readonly Partition[]): void {
  const partOf = new Map<AmountMention, string>();
  for (const c of claims) if (c.kind === 'amount') partOf.set(c.amount, c.subject.id);
  const listOf = new Map<AmountMention, List>();
  for (const c of claims) if (c.kind === 'list' && c.totalSubject) listOf.set(c.total, c);
  for (const c of claims) {
    if (c.kind !== 'yoy' || !c.subject || !c.current || !c.prior) continue;
    const parts = allPartsOf(partitions, c.subject.id);
    if (parts.size === 0) continue;
    const current = partsListed(listOf.get(c.current), c, parts, partOf);
    const prior = partsListed(listOf.get(c.prior.amount), c, parts, partOf);
    if (current && prior) c.narrower = { current, prior };
  }
}

/** The items of `list` that are the subject's parts, when the list also names others; else undefined. */
function partsListed(
  list: List | undefined,
  claim: Yoy,
  parts: ReadonlySet<string>,
  partOf: ReadonlyMap<AmountMention, string>,
): AmountMention[] | undefined {
  if (!list || list.totalSubject?.id !== claim.subject?.id) return undefined;
  const items = list.items.map((i) => i.amount);
  const own = items.filter((a) => parts.has(partOf.get(a) ?? ''));
  return own.length > 0 && own.length < items.length ? own : undefined;
}
