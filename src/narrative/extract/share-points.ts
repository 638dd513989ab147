import { Decimal } from 'decimal.js';
import type { ClaimsCatalog } from '../catalog/types.js';
import type { AmountMention, Claim, PercentMention } from '../claims.js';
import { sourceSlice } from '../text/normalise.js';
import type { ParaClaims } from './across.js';
import { breakdownNamed } from './list-complete.js';
import { type ParaText, place, sentenceAt } from './para.js';
import { prefixIn } from './state.js';

type Share = Extract<Claim, { kind: 'share' }>;
type Yoy = Extract<Claim, { kind: 'yoy' }>;

/** "，较上年下降 3.1 个百分点", "，比上年提高 3 个百分点" right after a share. */
const POINTS_AFTER =
  /^[，,]?(?:较|比)(?:上年|去年)(?:同期)?(?<word>提高|上升|增加|增长|下降|降低|减少|回落)了?(?<points>[0-9]+(?:\.[0-9]+)?)个百分点/u;
const DOWN = /^(?:下降|降低|减少|回落)/u;

function pointsMention(p: ParaText, start: number, written: string): PercentMention {
  return {
    start,
    end: start + written.length,
    value: new Decimal(written),
    decimals: written.includes('.') ? (written.split('.')[1] as string).length : 0,
    text: sourceSlice(p.n, start, start + written.length),
  };
}

/**
 * "货物类采购规模 a，较上年增加 c1，…，占…同口径规模的 s1%，较上年下降 C 个百分点。工程类… b，较上年增加 c2，…占…的 s2%…。
 * 服务类… d，较上年增加 c3，…占…的 s3%，较上年提高 C′ 个百分点。": shares of a whole written nowhere (their parts' sum, as
 * implicit-whole.ts found it: the shares add up to 100%), whose parts name a split the catalog knows whole (货物/工程/服务),
 * each part with its change on the year before — last year's figures, and so last year's shares, follow, and a share's
 * change in points (with its word) must be their difference. Read only when every part has exactly one such change.
 */
export function sharePointClaims(paras: readonly ParaClaims[], catalog: ClaimsCatalog): Claim[] {
  const out: Claim[] = [];
  for (const pc of paras) {
    const text = pc.p.n.text;
    const groups = new Map<object, Share[]>();
    for (const c of pc.claims) {
      if (c.kind !== 'share' || c.partSumOf || !('sumOf' in c.whole) || !c.whole.sumOf) continue;
      const group = groups.get(c.whole);
      if (group) group.push(c);
      else groups.set(c.whole, [c]);
    }
    const yoys = pc.claims.filter((c): c is Yoy => c.kind === 'yoy');
    for (const group of groups.values()) {
      const first = group[0] as Share;
      const sumOf = 'sumOf' in first.whole ? (first.whole.sumOf ?? []) : [];
      if (group.length !== sumOf.length) continue;
      // the whole's name: the words between 占 and the first share
      const lead = text.slice(sentenceAt(pc.p, first.percent.start).start, first.percent.start);
      const at = lead.lastIndexOf('占');
      if (at < 0) continue;
      const names = sumOf.map((a, k) => ({
        clause: prefixIn(pc.p, a.start),
        between: text.slice(k === 0 ? sentenceAt(pc.p, a.start).start : (sumOf[k - 1] as AmountMention).end, a.start),
      }));
      if (!breakdownNamed(catalog.completeLists, lead.slice(at + 1), names)) continue;
      const parts = sumOf.map((a) => {
        const found = yoys.filter(
          (y) => y.current?.start === a.start && !y.versusBudget && !y.prior && !y.pair && y.flat !== true,
        );
        const y = found.length === 1 ? found[0] : undefined;
        return y ? { amount: a, change: y.change, down: y.changeWord === 'down' } : undefined;
      });
      if (parts.some((x) => x === undefined)) continue;
      for (const c of group) {
        const index = sumOf.indexOf(c.part);
        if (index < 0) continue;
        const m = POINTS_AFTER.exec(text.slice(c.percent.end));
        const written = m?.groups?.points;
        if (!m || !written) continue;
        const pointsAt = c.percent.end + m[0].length - written.length - '个百分点'.length;
        const points = pointsMention(pc.p, pointsAt, written);
        out.push({
          kind: 'share-points',
          index,
          share: c.percent,
          points,
          pointsDown: DOWN.test(m.groups?.word ?? ''),
          parts: parts as { amount: AmountMention; change: AmountMention; down: boolean }[],
          ...place(pc.p, sentenceAt(pc.p, c.percent.start), points),
        });
      }
    }
  }
  return out;
}
