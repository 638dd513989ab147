import type { Claim } from '../claims.js';
import { sourceSlice } from '../text/normalise.js';
import type { ParaClaims } from './across.js';
import { place, sentenceAt } from './para.js';

/** "第三部分 某某中心 2024 年度部门决算情况说明": the unit's own name, from a title near the top. */
const TITLE =
  /^(?:第[一二三四五六七八九十]+部分)?(?<name>[\u4e00-\u9fff（）]{4,40}?)20[0-9]{2}年度?(?:部门|单位)?决算/u;

const bare = (s: string): string => s.replace(/[（）]/g, '');

function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const c of long) if (c === short[i]) i += 1;
  return i === short.length;
}

/**
 * n.unit-name (info): the unit's full name written another way ("武汉市经济技术开发区大数据中心" for
 * "武汉经济技术开发区（汉南区）大数据中心"). Only mentions that start as the name starts and end with
 * its own core (the part after the last 区/市/县/省) are read; a shortening that keeps the
 * characters in order (经开区大数据中心, 区大数据中心) is the same name.
 */
export function unitNameClaims(paras: ParaClaims[]): Claim[] {
  const title = paras
    .slice(0, 3)
    .map((pc) => TITLE.exec(pc.p.n.text)?.groups?.name)
    .find(Boolean);
  if (!title) return [];
  const name = bare(title);
  const coreAt = Math.max(...['区', '市', '县', '省', '州', '旗'].map((c) => name.lastIndexOf(c)));
  const core = name.slice(coreAt + 1);
  if (core.length < 2 || name.length < 6) return [];
  const start = name.slice(0, 2);
  const mention = new RegExp(`${start}[\\u4e00-\\u9fff（）]{0,30}?${core}`, 'gu');
  const out: Claim[] = [];
  for (const pc of paras) {
    for (const m of pc.p.n.text.matchAll(mention)) {
      const written = bare(m[0]);
      if (written === name || isSubsequence(written, name)) continue;
      const span = { start: m.index, end: m.index + m[0].length };
      out.push({
        kind: 'residue',
        residueId: 'unit-name',
        check: 'narrative.unit-name',
        text: `${sourceSlice(pc.p.n, span.start, span.end)}（标题为「${title}」）`,
        written: sourceSlice(pc.p.n, span.start, span.end),
        should: title,
        ...place(pc.p, sentenceAt(pc.p, m.index), span),
      });
    }
  }
  return out;
}
