import type { AmountMention, Claim } from '../claims.js';
import { place, sentenceAt } from './para.js';
import { startingAt } from './spans.js';
import type { ParaState } from './state.js';
import { allMatches } from '../../util/matches.js';

/**
 * "资产总额 A 亿元，负债总额 B 亿元，净资产 C 亿元": the accounting identity of a balance sheet, 资产 = 负债 + 净资产, as
 * asset reports and the 国有资产 part of a 决算 state it (n.list-sum: B and C are the parts of A). Read only where the
 * three are one group's: in one sentence, in that order, 负债 and 净资产 each opening its clause with no name of its own
 * before it, and nothing between them but their own changes and rates — no 其中, no other kind of asset (流动资产 …).
 */
const ASSETS = /资产(?:总额|总计|合计)(?:为|是|达到?|共计)?：?(?=[0-9])/gu;
const LIABILITIES = /^[，、；]负债(?:总额|总计|合计)?(?:为|是|达到?|共计)?：?$/u;
const NET = /^[，、；]净资产(?:总额|总计|合计)?(?:为|是|达到?|共计)?：?$/u;

/** Between two of the three: the first one's own change and rate ("，较上年增加 C 亿元，增长 P%"), or nothing. */
const OWN_CHANGE =
  /^(?:[，,](?:同比|比上年|较上年|与上年相比，?|比年初|较年初)?(?:增加|减少|增长|下降|上升|降低)了?[0-9][0-9,.]*(?:%|万亿元|亿元|万元|元)){0,2}/u;

/** Not the whole's own name: 净资产总额, 流动资产总额 … are assets of another measure. */
const OTHER_ASSETS = /(?:净|流动|固定|无形|非流动|在建|经营性|非经营性)$/u;

interface Level {
  level: AmountMention;
  /** The level's own change written right after it, signed (a decrease negative). */
  change?: AmountMention;
}

const UP = /增加|增长|上升/u;

/** The change written in a level's own stretch ("，较上年增加 C 亿元，增长 P%"): its amount, signed by its word. */
function ownChange(s: ParaState, from: number, to: number): AmountMention | undefined {
  const text = s.p.n.text;
  const [change, more] = s.p.amounts.filter((a) => a.start >= from && a.end <= to);
  if (!change || more) return undefined;
  const word = /(增加|减少|增长|下降|上升|降低)了?$/u.exec(text.slice(from, change.start))?.[1];
  if (!word) return undefined;
  return UP.test(word) ? change : { ...change, value: change.value.negated(), text: `−${change.text}` };
}

/** The level written right after the text at `from` when only `link` stands between: the next clause's figure. */
function levelAfter(s: ParaState, from: number, link: RegExp): Level | undefined {
  const text = s.p.n.text;
  const own = OWN_CHANGE.exec(text.slice(from))?.[0] ?? '';
  const next = s.p.amounts.find((a) => a.start >= from + own.length);
  if (!next || !link.test(text.slice(from + own.length, next.start))) return undefined;
  return { level: next };
}

/** The figure's own change, when its stretch up to the next clause's name holds one. */
function withChange(s: ParaState, at: AmountMention, next: number): Level {
  const change = ownChange(s, at.end, next);
  return change ? { level: at, change } : { level: at };
}

export function netAssetsClaims(s: ParaState): Claim[] {
  const { p } = s;
  const text = p.n.text;
  if (!text.includes('负债') || !text.includes('净资产')) return [];
  const out: Claim[] = [];
  for (const m of allMatches(text, ASSETS)) {
    if (OTHER_ASSETS.test(text.slice(0, m.index))) continue;
    const assets = startingAt(p.amounts, m.index + m[0].length);
    if (!assets) continue;
    // the changes and rates between are the figures' own: each level is the first figure after its name
    const b = levelAfter(s, assets.end, LIABILITIES);
    const c = b && levelAfter(s, b.level.end, NET);
    if (!b || !c) continue;
    const sentence = sentenceAt(p, assets.start);
    if (c.level.end > sentence.end) continue;
    const focus = { start: m.index, end: c.level.end };
    out.push({
      kind: 'list',
      listId: 'net-assets',
      total: assets,
      totalPlace: p.para,
      items: [b.level, c.level].map((amount) => ({ amount, para: p.para })),
      compare: 'equal',
      ...place(p, sentence, focus),
    });
    // each of the three with its own change: the identity holds for the changes too (ΔA = ΔB + ΔC)
    const end = OWN_CHANGE.exec(text.slice(c.level.end))?.[0].length ?? 0;
    const [ownA, ownB, ownC] = [
      withChange(s, assets, b.level.start),
      withChange(s, b.level, c.level.start),
      withChange(s, c.level, c.level.end + end),
    ];
    if (ownA.change && ownB.change && ownC.change)
      out.push({
        kind: 'list',
        listId: 'changes:net-assets',
        total: ownA.change,
        totalPlace: p.para,
        totalName: text.slice(m.index, m.index + m[0].length).replace(/(?:为|是|达到?|共计)?：?$/u, ''),
        items: [ownB.change, ownC.change].map((amount) => ({ amount, para: p.para })),
        compare: 'equal',
        ...place(p, sentence, { start: m.index, end: c.level.end + end }),
      });
  }
  return out;
}
