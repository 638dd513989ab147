import type { Claim } from '../claims.js';
import { sourceSlice } from '../text/normalise.js';
import type { ParaClaims } from './across.js';
import { place, sentenceAt } from './para.js';

/** "第三部分 某某中心 2024 年度部门决算情况说明": the unit's own name, from a title near the top. */
const TITLE =
  /^(?:第[一二三四五六七八九十]+部分)?(?<name>[\u4e00-\u9fff（）]{4,40}?)20[0-9]{2}年度?(?:部门|单位)?决算/u;

const bare = (s: string): string => s.replace(/[（）]/g, '');

export function isSubsequence(short: string, long: string): boolean {
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
/** The unit's name from the title near the top, as written and without brackets. */
export function titleName(paras: ParaClaims[]): { title: string; name: string } | undefined {
  const title = paras
    .slice(0, 3)
    .map((pc) => TITLE.exec(pc.p.n.text)?.groups?.name)
    .find(Boolean);
  return title ? { title, name: bare(title) } : undefined;
}

/** The name after the last place level (区/市/县/省/州/旗): "重庆市垫江县裴兴镇人民政府" → 裴兴镇人民政府. */
function coreOf(name: string): string {
  const coreAt = Math.max(...['区', '市', '县', '省', '州', '旗'].map((c) => name.lastIndexOf(c)));
  return name.slice(coreAt + 1);
}

export function unitNameClaims(paras: ParaClaims[]): Claim[] {
  const found = titleName(paras);
  if (!found) return [];
  const { title, name } = found;
  const core = coreOf(name);
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

/**
 * "单位构成……行政部门 1 个：包家镇人民政府（本级）", "包括某镇人民政府（本级）、…", "1.某镇人民政府（本级）": an
 * entry of the 单位构成 marked as the report's own level.
 */
const OWN_LEVEL = /(?<=[：，、；]|包括|^[0-9]{1,2}[.、])([\u4e00-\u9fff]{3,30}?)（本级）/gu;

/** How many characters two names start with alike ("某区人民法院", "某区人民检察院" → 4). */
export function commonStartLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n += 1;
  return n;
}

/** The characters two names end with alike ("包家镇人民政府", "裴兴镇人民政府" → 镇人民政府). */
function commonEnd(a: string, b: string): string {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n += 1;
  return a.slice(a.length - n);
}

/**
 * n.unit-own-level: the 单位构成 lists "X（本级）", the report's own unit — but X is another unit of the same
 * kind ("包家镇人民政府（本级）" in 裴兴镇人民政府's report: another town's text left in). Read only in a
 * paragraph about the 单位构成 (or the 编制范围) and in the numbered lines of the list such a paragraph opens;
 * only when X and the title's unit end alike in a name of kind of two characters or more (镇人民政府,
 * 街道办事处) while the part before it differs, and X is no shortening of the title's name (裴兴镇政府 is the
 * same unit).
 */
export function ownLevelClaims(paras: ParaClaims[]): Claim[] {
  const found = titleName(paras);
  if (!found) return [];
  const { title, name } = found;
  const core = coreOf(name);
  const out: Claim[] = [];
  let listed = false;
  for (const pc of paras) {
    const text = pc.p.n.text;
    const about = /单位构成|部门构成|编制范围/u.test(text);
    const entry = /^[0-9]{1,2}[.、]/u.test(text);
    // "…编制范围的二级预算单位包括：" then "1.某某（本级）" "2.…" a line each: the entries of that list
    if (!entry) listed = about && /：$/u.test(text);
    if (!about && !(entry && listed)) continue;
    for (const m of text.matchAll(OWN_LEVEL)) {
      const unit = m[1] as string;
      const kind = commonEnd(unit, core);
      if (kind.length < 2 || kind === unit || kind === core || isSubsequence(unit, name)) continue;
      const span = { start: m.index, end: m.index + unit.length };
      const written = sourceSlice(pc.p.n, span.start, span.end);
      out.push({
        kind: 'residue',
        residueId: 'unit-own-level',
        check: 'narrative.unit-own-level',
        text: `${written}（标题为「${title}」）`,
        written,
        should: title,
        ...place(pc.p, sentenceAt(pc.p, m.index), span),
      });
    }
  }
  return out;
}
