import type { Claim } from '../claims.js';
import type { ParaClaims } from './across.js';
import { countOf } from './list-complete.js';
import { place, sentenceAt } from './para.js';
import { allMatches } from '../../util/matches.js';

/**
 * The units an accounts' (or a budget's) scope holds, counted and then named: "纳入本套部门决算汇编范围的单位共 4 个，包括：
 * 甲、乙、丙、丁。", "纳入 2024 年部门决算编制范围的单位共 2 个，分别为：甲、乙。" — the list ending its sentence.
 */
const SCOPE_UNITS =
  /纳入[^。；，]{0,40}?(?:决算|预算)[^。；，]{0,10}?的(?:二级)?(?:预算)?单位(?:共有|共计|共|有)?(?<n>[0-9]+|[一二两三四五六七八九十]{1,3})个[，]?(?:包括|分别(?:为|是)|具体(?:为|是)|即|为)?：?(?<list>[^。；，：]+)(?=[。；]|$)/gu;

/** What a name of a unit in the scope may not hold: a figure, 等 (only some named), a join (和/及/与 may join two). */
const NOT_NAMES = /[0-9等和及与（）]|其中|行政单位|事业单位|[一二两三四五六七八九十]个/u;

/**
 * n.count: the units of the accounts' scope, counted and named in one sentence (SCOPE_UNITS), are as many as the names.
 * The scope is what the report is made of, told in full: here 包括 names every unit, where elsewhere it may name only
 * some. Read only when the names are plainly so many (NOT_NAMES) and at least two.
 */
export function scopeCountClaims(paras: readonly ParaClaims[]): Claim[] {
  const out: Claim[] = [];
  for (const { p } of paras)
    for (const m of allMatches(p.n.text, SCOPE_UNITS)) {
      const list = m.groups?.list ?? '';
      if (NOT_NAMES.test(list)) continue;
      const names = list.split('、').filter((x) => x.trim() !== '');
      const n = countOf(m.groups?.n ?? '');
      if (names.length < 2 || names.length === n) continue;
      out.push({
        kind: 'count',
        countId: 'named',
        n,
        counter: '个',
        target: { listed: { count: names.length, paras: [], what: '所列纳入范围的单位' } },
        ...place(p, sentenceAt(p, m.index), { start: m.index, end: m.index + m[0].length }),
      });
    }
  return out;
}
