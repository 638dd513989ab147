import type { Claim } from '../claims.js';
import { place, sentenceAt } from './para.js';
import type { ParaState } from './state.js';
import { allMatches } from '../../util/matches.js';

const INCLUDES = /(?<group>人员经费|公用经费)[^。]*?主要包括：?(?<list>[^。；]+)/gu;

/** "人员经费 490.18 万元，主要包括：基本工资、津贴补贴…": the economic items a group is said to consist of. */
export function includesClaims(s: ParaState): Claim[] {
  const { p } = s;
  const out: Claim[] = [];
  for (const m of allMatches(p.n.text, INCLUDES)) {
    const list = m.groups?.list ?? '';
    const names = list
      .replace(/等(?:支出|方面)?$/u, '')
      .split(/[、，]/u)
      .map((n) => n.trim())
      .filter((n) => n !== '');
    if (names.length === 0) continue;
    const start = m.index + m[0].length - list.length;
    out.push({
      kind: 'includes',
      group: m.groups?.group === '人员经费' ? 'personnel' : 'public',
      names,
      ...place(p, sentenceAt(p, m.index), { start, end: start + list.length }),
    });
  }
  return out;
}
