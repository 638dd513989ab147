import type { Claim } from '../claims.js';
import { finding, paraLocation, verdict } from './common.js';
import type { Verdict } from './types.js';

type Purchase = Extract<Claim, { kind: 'purchase' }>;

/** Read only when one of the count and the cost is zero and the other not (extract/purchase.ts): always a finding. */
export function verifyPurchase(claim: Purchase): Verdict {
  return verdict(claim, 'fail', [
    finding(
      claim,
      'narrative.purchase-count',
      'purchase-count',
      {
        count: String(claim.count),
        cost: claim.cost.text,
        costWhere: claim.costPara.id,
        why: claim.count > 0 ? '购置了车辆却没有购置费' : '没有购置车辆却有购置费',
        // 实为 what is written; 应为 what would agree (which of the two is wrong the text does not say)
        stated: `购置 ${claim.count} 辆，购置费 ${claim.cost.text}`,
        computed: claim.count > 0 ? '购置费不为 0，或购置 0 辆' : '购置费为 0，或写明购置的辆数',
      },
      claim.costPara === claim.para ? [] : [paraLocation(claim.costPara)],
    ),
  ]);
}
