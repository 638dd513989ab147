import type { AmountMention, Claim } from '../claims.js';
import { place, sentenceAt } from './para.js';
import { startingAt } from './spans.js';
import type { ParaState } from './state.js';

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

/** The level written right after the text at `from` when only `link` stands between: the next clause's figure. */
function levelAfter(s: ParaState, from: number, link: RegExp): AmountMention | undefined {
  const text = s.p.n.text;
  const own = OWN_CHANGE.exec(text.slice(from))?.[0] ?? '';
  const next = s.p.amounts.find((a) => a.start >= from + own.length);
  return next && link.test(text.slice(from + own.length, next.start)) ? next : undefined;
}

export function netAssetsClaims(s: ParaState): Claim[] {
  const { p } = s;
  const text = p.n.text;
  if (!text.includes('负债') || !text.includes('净资产')) return [];
  const out: Claim[] = [];
  for (const m of text.matchAll(ASSETS)) {
    if (OTHER_ASSETS.test(text.slice(0, m.index))) continue;
    const assets = startingAt(p.amounts, m.index + m[0].length);
    if (!assets) continue;
    // the changes and rates between are the figures' own: each level is the first figure after its name
    const liabilities = levelAfter(s, assets.end, LIABILITIES);
    const net = liabilities && levelAfter(s, liabilities.end, NET);
    if (!liabilities || !net) continue;
    const sentence = sentenceAt(p, assets.start);
    if (net.end > sentence.end) continue;
    out.push({
      kind: 'list',
      listId: 'net-assets',
      total: assets,
      totalPlace: p.para,
      items: [liabilities, net].map((amount) => ({ amount, para: p.para })),
      compare: 'equal',
      ...place(p, sentence, { start: m.index, end: net.end }),
    });
  }
  return out;
}
