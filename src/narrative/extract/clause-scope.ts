import type { ParaText } from './para.js';
import { markStart } from './state.js';

/** Words before a name that leave its scope the unit's whole money: the year, the unit speaking. */
const NEUTRAL = /(?:19|20)[0-9]{2}年度?|本部门|本单位|我单位|我园|我校|我局|全年|此外|另外/gu;

/**
 * What narrows the name at `at` to a part of the money: the words before it in its clause, the neutral ones
 * left out ("2024年度财政拨款年初结转和结余" → 财政拨款, "2024年度年初结转和结余" → '').
 */
export function qualifierBefore(p: ParaText, at: number): string {
  return p.n.text.slice(markStart(p, '，；。：', at), at).replace(NEUTRAL, '');
}
