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
      },
      claim.costPara === claim.para ? [] : [paraLocation(claim.costPara)],
    ),
  ]);
}
