import { compareEq, subtract, sum } from '../../money/interval.js';
import { type Claim, mentionApprox } from '../claims.js';
import type { ParaText } from './para.js';
import { prefixIn } from './state.js';

/** A figure named as money carried over ("上年结转 a 万元", "（含上年结转 a 万元）", "年末结转和结余 a 万元"). */
const CARRIED = /结转|结余/u;

/**
 * "年初预算数 T（含上年结转 c），…其中：一般公共服务支出 0，教育支出 a，…" whose items fall short of T by c, a carryover
 * the text states anywhere: the rows gone through are this year's money, the carryover beside them — a list whole
 * only because it writes an empty row (`rows`) is then some parts only.
 */
export function relaxRowsShortByCarryover(claims: Claim[], paras: readonly ParaText[]): void {
  const carried = paras.flatMap((p) => p.amounts.filter((a) => CARRIED.test(prefixIn(p, a.start))));
  if (carried.length === 0) return;
  for (const c of claims) {
    if (c.kind !== 'list' || !c.rows || c.partial) continue;
    const gap = subtract(mentionApprox(c.total), sum(c.items.map((i) => mentionApprox(i.amount))));
    if (carried.some((a) => compareEq(gap, mentionApprox(a)).consistent)) c.partial = true;
  }
}
