import type { Claim, Span } from '../claims.js';
import { sourceSlice } from '../text/normalise.js';
import type { ParaClaims } from './across.js';
import { type ParaText, place, sentenceAt } from './para.js';
import { NAME_END } from './unit-name-cut.js';
import { TITLE_LINES } from './year.js';
import { allMatches } from '../../util/matches.js';

/**
 * "第三部分 某某中心 2024 年度部门决算情况说明", "某委员会 2022 年度“三公”经费决算情况说明", "某镇人民政府 2024 部门决算
 * 情况说明": the unit's own name, from a title near the top.
 */
const TITLE =
  /^(?:第[一二三四五六七八九十]+部分)?(?!第[一二三四五六七八九十]+部分20)(?<name>[\u4e00-\u9fff（）]{4,40}?)20[0-9]{2}(?:年度?)?(?:部门|单位)?(?:[^，。；：0-9年]{0,12}?)决算/u;
/**
 * A title's first line holding the name alone ("北京市某公园管理处"; it ends as a unit's name ends), its year and kind
 * on the next ("2022 年度部门决算公开").
 */
const NAME_LINE = /^(?<name>[\u4e00-\u9fff（）]{4,40})$/u;
const YEAR_LINE = /^20[0-9]{2}(?:年度?)?(?:部门|单位)?决算/u;
/**
 * A title broken after its year ("第三部分 某街道办事处 2025 年度" over "部门决算情况说明"): the first line ends in the
 * year, the next goes on with the report's kind.
 */
const ENDS_IN_YEAR = /20[0-9]{2}(?:年度?)?$/u;
const KIND_LINE = /^(?:部门|单位)?[^，。；：0-9]{0,12}?决算/u;
/**
 * A title with its year first: "2023 年度某街道办事处部门决算", "2021 年某局（本级）部门决算", or the name alone after the
 * year ("2023 年度某街道办事处") over its kind ("部门决算"). The name runs up to the report's kind (no words between: a
 * name cut short there could end as a unit's does) and ends as a unit's does (NAME_END): words of the report after a
 * year ("2022 年度一般公共预算…决算") name no unit.
 */
const YEAR_FIRST = /^20[0-9]{2}年度?(?<name>[\u4e00-\u9fff（）]{4,40}?)(?:（本级）)?(?:部门|单位)?决算/u;
const YEAR_FIRST_ALONE = /^20[0-9]{2}年度?(?<name>[\u4e00-\u9fff（）]{4,40})$/u;
/** The year alone on a cover's line ("2022 年度"), the name and the kind on the next ("某中心单位决算"). */
export const COVER_YEAR = /^(20[0-9]{2})年度?$/u;
const NAME_THEN_KIND = /^(?<name>[\u4e00-\u9fff（）]{4,40}?)(?:（本级）)?(?:部门|单位)?决算/u;

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
 * characters in order (经开区大数据中心, 区大数据中心) is the same name, and so is the full name of a title's
 * short form (某回族自治县农业农村局 under the title 某县农业农村局).
 */
/** The unit's name from the title near the top, as written and without brackets. */
export function titleName(paras: ParaClaims[]): { title: string; name: string } | undefined {
  const top = paras.slice(0, TITLE_LINES).map((pc) => pc.p.n.text);
  const title =
    top.map((text) => TITLE.exec(text)?.groups?.name).find(Boolean) ??
    top
      .map((text, i) =>
        ENDS_IN_YEAR.test(text) && KIND_LINE.test(top[i + 1] ?? '')
          ? TITLE.exec(text + top[i + 1])?.groups?.name
          : undefined,
      )
      .find(Boolean) ??
    top
      .map((text, i) => (YEAR_LINE.test(top[i + 1] ?? '') ? NAME_LINE.exec(text)?.groups?.name : undefined))
      .find((name) => name !== undefined && NAME_END.test(name)) ??
    top
      .map(
        (text, i) =>
          YEAR_FIRST.exec(text)?.groups?.name ??
          (KIND_LINE.test(top[i + 1] ?? '') ? YEAR_FIRST_ALONE.exec(text)?.groups?.name : undefined) ??
          (COVER_YEAR.test(text) ? NAME_THEN_KIND.exec(top[i + 1] ?? '')?.groups?.name : undefined),
      )
      .find((name) => name !== undefined && NAME_END.test(bare(name)));
  if (!title) return undefined;
  // "某区卫健局（汇总）2022 年部门决算": the mark of a summed report is no part of the name
  const named = title.replace(/（(?:汇总级?|合并)）$/u, '');
  return { title: named, name: bare(named) };
}

/** The name after the last place level (区/市/县/省/州/旗): "某市某县青石镇人民政府" → 青石镇人民政府. */
export function coreOf(name: string): string {
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
    for (const m of allMatches(pc.p.n.text, mention)) {
      const written = bare(m[0]);
      // a shortening keeps the name's characters in order (区大数据中心); so does a title's short form in the
      // body's full name (某县… in 某土家族苗族自治县…)
      if (written === name || isSubsequence(written, name) || isSubsequence(name, written)) continue;
      // two pieces swapped is no other writing but a slip, found as such (unit-name-mixed)
      if (swapped(bare(m[0]), name)) continue;
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

/** How many characters at a name's end a swap must leave as they are. */
const KEPT_END = 2;

/**
 * Whether `written` is `name` with two pieces side by side swapped ("土家族苗族" → "苗族土家族", "甲乙" → "乙甲"): all that
 * differs is one stretch whose two parts changed places, `keptEnd` characters at the end kept (none where the name's
 * end is known, as in a heading's slot).
 */
export function swapped(written: string, name: string, keptEnd = KEPT_END): boolean {
  if (written.length !== name.length || written === name) return false;
  const start = commonStartLength(written, name);
  let last = name.length;
  while (written[last - 1] === name[last - 1]) last -= 1;
  // the stretch may run past the last difference ("土家族苗族" → "苗族土家族" ends alike in 族), never into the name's
  // last two characters: "某市政府人民…" is 某市政府 before other words, not 某市人民政府 swapped
  for (let end = last; end <= name.length - keptEnd; end += 1) {
    const [w, n] = [written.slice(start, end), name.slice(start, end)];
    for (let cut = 1; cut < n.length; cut += 1) if (w === n.slice(cut) + n.slice(0, cut)) return true;
  }
  return false;
}

/**
 * "单位构成……行政部门 1 个：白沙镇人民政府（本级）", "包括某镇人民政府（本级）、…", "1.某镇人民政府（本级）": an
 * entry of the 单位构成 marked as the report's own level.
 */
const OWN_LEVEL = /(?<=[：，、；]|包括|^[0-9]{1,2}[.、])([\u4e00-\u9fff]{3,30}?)（本级）/gu;

/** How many characters two names start with alike ("某区人民法院", "某区人民检察院" → 4). */
export function commonStartLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n += 1;
  return n;
}

/** The characters two names end with alike ("白沙镇人民政府", "青石镇人民政府" → 镇人民政府). */
export function commonEnd(a: string, b: string): string {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n += 1;
  return a.slice(a.length - n);
}

/**
 * "某镇人民政府设行政单位 1 个（某镇人民政府），事业单位 1 个（某镇农业服务中心）": the units a unit is made of, named
 * in brackets after their count, in a sentence whose subject is the unit itself.
 */
const COMPOSED =
  /(?<=^|[。；])(?<subject>[\u4e00-\u9fff（）]{2,40}?)设有?[\u4e00-\u9fff]{0,6}?单位(?:[0-9]+|[一二三四五六七八九十])个（(?<units>[^（）]+)）/gu;

/**
 * Whether two units of one kind differ in their place (白沙镇人民政府, 青石镇人民政府: the kind holds 镇; 某市甲镇中心
 * 幼儿园 beside 某市第五幼儿园: the part that differs names a 镇), not only in their field: a 政务服务中心 may well be
 * made of a 公共资源交易中心.
 */
function atOtherPlace(unit: string, name: string): boolean {
  const kind = commonEnd(unit, name);
  const differing = unit.slice(commonStartLength(unit, name), unit.length - kind.length);
  return /[镇乡区县市州旗]|街道/u.test(kind + differing);
}

/** A unit of the title's kind at another place: 白沙镇人民政府 beside 青石镇人民政府 (ending alike in 镇人民政府). */
export function otherOfKind(unit: string, name: string, core: string): boolean {
  const kind = commonEnd(unit, core);
  return kind.length >= 2 && kind !== unit && kind !== core && !isSubsequence(unit, name);
}

/**
 * n.unit-own-level: the 单位构成 lists "X（本级）", the report's own unit — but X is another unit of the same
 * kind ("白沙镇人民政府（本级）" in 青石镇人民政府's report: another town's text left in). Read only in a
 * paragraph about the 单位构成 (or the 编制范围) and in the numbered lines of the list such a paragraph opens;
 * only when X and the title's unit end alike in a name of kind of two characters or more (镇人民政府,
 * 街道办事处) while the part before it differs, and X is no shortening of the title's name (青石镇政府 is the
 * same unit). Likewise the units the title's unit says it is made of ("某镇人民政府设行政单位 1 个（X）"): no unit is
 * made of another of its own kind.
 */
export function ownLevelClaims(paras: ParaClaims[]): Claim[] {
  const found = titleName(paras);
  if (!found) return [];
  const { title, name } = found;
  const core = coreOf(name);
  const out: Claim[] = [];
  const push = (pc: ParaClaims, start: number, unit: string, messageId: string) => {
    const span = { start, end: start + unit.length };
    const written = sourceSlice(pc.p.n, span.start, span.end);
    out.push({
      kind: 'residue',
      residueId: 'unit-own-level',
      check: 'narrative.unit-own-level',
      messageId,
      text: `${written}（标题为「${title}」）`,
      written,
      should: title,
      ...place(pc.p, sentenceAt(pc.p, start), span),
    });
  };
  let listed = false;
  for (const pc of paras) {
    const text = pc.p.n.text;
    for (const m of allMatches(text, COMPOSED)) {
      const { subject, units } = m.groups as { subject: string; units: string };
      if (!isSubsequence(bare(subject), name)) continue;
      let at = m.index + m[0].length - 1 - units.length;
      for (const unit of units.split('、')) {
        if (otherOfKind(unit, name, core) && atOtherPlace(unit, name)) push(pc, at, unit, 'unit-own-composed');
        at += unit.length + 1;
      }
    }
    const about = /单位构成|部门构成|编制范围/u.test(text);
    const entry = /^[0-9]{1,2}[.、]/u.test(text);
    // "…编制范围的二级预算单位包括：" then "1.某某（本级）" "2.…" a line each: the entries of that list
    if (!entry) listed = about && /：$/u.test(text);
    if (!about && !(entry && listed)) continue;
    for (const m of allMatches(text, OWN_LEVEL)) {
      const unit = m[1] as string;
      if (otherOfKind(unit, name, core)) push(pc, m.index, unit, 'unit-own-level');
    }
  }
  return out;
}

/** unitNameClaim on the name a slot holds (`name` written at `at`), the text quoted as written. */
export function slotNameClaim(p: ParaText, at: number, name: string, messageId: string, should: string): Claim {
  const span = { start: at, end: at + name.length };
  return unitNameClaim(p, span, messageId, sourceSlice(p.n, span.start, span.end), should);
}

/** How many times the paragraphs write `s` (a name, a place): occurrences that do not overlap. */
export function timesWritten(paras: readonly ParaClaims[], s: string): number {
  return paras.reduce((n, { p }) => n + p.n.text.split(s).length - 1, 0);
}

/**
 * A claim of n.unit-name-mixed. `residue`: what the message names besides what is written and what it should be (the
 * piece left before a name, or the position only the own name can stand in).
 */
export function unitNameClaim(p: ParaText, span: Span, messageId: string, residue: string, should: string): Claim {
  const written = sourceSlice(p.n, span.start, span.end);
  return {
    kind: 'residue',
    residueId: messageId,
    check: 'narrative.unit-name-mixed',
    messageId,
    text: residue,
    written,
    should,
    ...place(p, sentenceAt(p, span.start), span),
  };
}
