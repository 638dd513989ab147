import { Decimal } from 'decimal.js';
import type { AmountMention, Claim } from '../claims.js';
import type { Partition } from '../catalog/types.js';
import type { ParaClaims } from './across.js';

type Yoy = Extract<Claim, { kind: 'yoy' }>;

/** A change as a signed figure: a decrease is negative; 持平 is an exact 0. */
function signed(c: Yoy): AmountMention {
  if (c.changeWord === 'up') return c.change;
  return { ...c.change, value: c.change.value.negated(), text: `−${c.change.text}` };
}

function nil(at: number): AmountMention {
  return { start: at, end: at, value: new Decimal(0), decimals: 12, unit: '万元', text: '持平' };
}

/**
 * n.change-sum: a paragraph that states the change of a total ("“三公”经费…比上年减少 2.28 万元")
 * and the change of every one of its parts (or says 持平 of a part) — the parts' changes add up to
 * the total's. A total compared 按同口径 is left alone: its parts may not be on the same basis.
 */
export function changeSumClaims(
  paras: ParaClaims[],
  flats: Map<ParaClaims, { subject: string; at: number }[]>,
  partitions: Partition[],
): Claim[] {
  const out: Claim[] = [];
  for (const pc of paras) {
    const changes = pc.claims.filter((c): c is Yoy => c.kind === 'yoy' && c.subject !== undefined && !c.pair);
    const first = (id: string) => changes.find((c) => c.subject?.id === id);
    const nilOf = (id: string) => flats.get(pc)?.find((f) => f.subject === id);
    for (const partition of partitions) {
      const total = first(partition.total);
      if (!total || total.sameScope) continue;
      const items: AmountMention[] = [];
      for (const part of partition.parts) {
        const change = first(part);
        const flat = nilOf(part);
        if (change) items.push(signed(change));
        else if (flat) items.push(nil(flat.at));
        else break;
      }
      if (items.length !== partition.parts.length || items.every((i) => i.value.isZero())) continue;
      out.push({
        kind: 'list',
        listId: `changes:${partition.total}`,
        total: signed(total),
        totalPlace: total.para,
        ...(total.subject ? { totalSubject: total.subject } : {}),
        items: items.map((amount) => ({ amount, para: total.para })),
        compare: 'equal',
        para: total.para,
        sentence: total.sentence,
        quote: total.quote,
      });
    }
  }
  return out;
}
