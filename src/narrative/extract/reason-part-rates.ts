import type { Claim } from '../claims.js';
import type { ClaimsCatalog } from '../catalog/types.js';
import type { ParaClaims } from './across.js';
import { place, sentenceAt } from './para.js';
import { itemLabel, itemNamed, PART_CHANGE, sectionReasons, yearOf } from './reason-list-changes.js';
import { firstMatch, startingAt } from './spans.js';
import { directionOf } from './yoy.js';

type Yoy = Extract<Claim, { kind: 'yoy' }>;

/**
 * "（一）收入预算：年初预算数 T 万元，其中：…，上年结转 b 万元。收入较去年增加 C 万元，主要是…，上年结转增加 c 万元，增长
 * R%": a part named in the reason exactly as the section's complete breakdown names one of its items is that item, so
 * its figure this year is the item's and its rate is c over (b − c) — over a base of 0 (an item new this year) no rate
 * is defined (n.yoy reads it). Only clauses that state a rate right after their change are read, each against the
 * total's year; the other clauses of the reason may be anything.
 */
export function reasonPartRateClaims(paras: ParaClaims[], catalog: ClaimsCatalog): Claim[] {
  const out: Claim[] = [];
  for (const pc of paras) {
    const text = pc.p.n.text;
    for (const { list, lead, from, end } of sectionReasons(pc)) {
      const names = list.items.map((i) => itemLabel(pc, i.amount));
      const year = yearOf(lead);
      for (let at = from; at < end; ) {
        const next = text.slice(at, end).search(/[，；]/u);
        const stop = next < 0 ? end : at + next;
        const claim = partRate(pc, catalog, { at, end, year }, (name) => {
          // one item so named: two of one name leave the part unknown
          const k = itemNamed(names, name);
          return k >= 0 ? list.items[k]?.amount : undefined;
        });
        if (claim) {
          out.push(claim);
          at = claim.rate ? claim.rate.end : stop + 1;
        } else at = stop + 1;
      }
    }
  }
  return out;
}

/** The clause at `at` as a part's change and rate ("上年结转增加 c 万元，增长 R%"), its figure the item so named. */
function partRate(
  pc: ParaClaims,
  catalog: ClaimsCatalog,
  { at, end, year }: { at: number; end: number; year: string },
  itemNamed: (name: string) => Yoy['current'],
): Yoy | undefined {
  const text = pc.p.n.text;
  const m = PART_CHANGE.exec(text.slice(at, end));
  if (!m?.groups) return undefined;
  if (m.groups.compared && yearOf(m.groups.compared) !== year) return undefined;
  const current = itemNamed(m.groups.label as string);
  const change = startingAt(pc.p.amounts, at + m[0].length);
  const changeWord = directionOf(m.groups.word as string, catalog);
  if (!current || !change || !changeWord) return undefined;
  const after = firstMatch(catalog.cues.changeRate, text.slice(change.end, end));
  const rate = after?.index === 0 ? startingAt(pc.p.percents, change.end + after[0].length) : undefined;
  const rateWord = after?.groups?.word ? directionOf(after.groups.word, catalog) : undefined;
  if (!rate || !rateWord) return undefined;
  return {
    kind: 'yoy',
    current,
    change,
    changeWord,
    rate,
    rateWord,
    ...place(pc.p, sentenceAt(pc.p, change.start), change),
  };
}
