import type { Claim } from '../claims.js';
import { sourceSlice } from '../text/normalise.js';
import type { ParaClaims } from './across.js';
import { place, sentenceAt } from './para.js';
import { titleName } from './unit-name.js';
import { allMatches } from '../../util/matches.js';

/** The template's two-way wording of the unit, and what follows it to the end of a heading: "部门（单位）决算公开说明". */
const ALTERNATIVE = /(?:部门（单位）|单位（部门）|部门\/单位|单位\/部门)(?<rest>[\u4e00-\u9fff]{2,30})$/u;
/** A heading: a short line with no sentence in it. */
const HEADING = /^[^。；]{2,60}$/u;

/**
 * "2022 年度部门（单位）决算公开说明" under the title "某林场 2022 年度单位决算公开说明": the same heading's words written
 * once with the unit's choice (单位) and once with the template's two ways left — the text shows the choice it
 * made, so the two-way wording is template residue (n.template-residue), not the wording a unit may keep
 * (n.template-unit, info). The claim found on the heading is turned into that residue.
 * (A heading holds the two-way wording once: the one its words run on from.)
 */
export function chosenAlternatives(paras: ParaClaims[]): void {
  const headings = paras.filter((pc) => HEADING.test(pc.p.n.text));
  for (const pc of headings) {
    const m = ALTERNATIVE.exec(pc.p.n.text);
    const rest = m?.groups?.rest;
    if (!m || !rest) continue;
    const chosen = headings
      .map((other) => new RegExp(`(?<![（/])(部门|单位)${rest}$`, 'u').exec(other.p.n.text)?.[1])
      .find(Boolean);
    if (!chosen) continue;
    for (const claim of pc.claims)
      if (claim.kind === 'residue' && claim.check === 'narrative.template-unit') {
        claim.check = 'narrative.template-residue';
        claim.messageId = 'template-unit-chosen';
        claim.written = `${claim.text}${rest}`;
        claim.should = `${chosen}${rest}`;
      }
  }
}

/** A year written before the two ways ("2022 年度"), or none. */
const YEAR = '(?:20[0-9]{2}年度?)?';

/** The template's two ways of naming the unit, as normalised text writes them. */
const TWO_WAYS = '(?:部门（单位）|单位（部门）|部门/单位|单位/部门)';

/**
 * "第一部分 某市某区市场监督管理局部门（单位）概况" under the title "某市某区市场监督管理局 2022 年度部门决算": the template's
 * "XX部门（单位）概况" with its XX filled in by the unit's own name and the two ways left beside it. The name says
 * which one body is meant — a 部门 or a 单位, never both — so the two-way wording is template residue
 * (n.template-residue), not the bare heading "一、部门（单位）职责" some templates print (n.template-unit). A heading
 * broken after the name ("某局" over "部门（单位）概况"), and the year between the name and the two ways ("某镇人民政府"
 * over "2022 年度部门（单位）决算情况说明"), are the same place.
 */
export function namedAlternatives(paras: ParaClaims[]): void {
  const name = titleName(paras)?.title;
  if (!name) return;
  // a title's name is Han characters and full-width brackets: nothing in it to escape
  // in a heading the report's year may stand between the name and the two ways: "某镇人民政府 2022 年度部门（单位）
  // 决算情况说明" (a sentence's "纳入某小学 2024 年度部门（单位）决算编制范围" keeps the template's wording: info)
  const named = new RegExp(`${name}${TWO_WAYS}`, 'gu');
  const namedYear = new RegExp(`${name}${YEAR}${TWO_WAYS}`, 'gu');
  const opening = new RegExp(`^${YEAR}${TWO_WAYS}`, 'u');
  paras.forEach((pc, i) => {
    const before = paras[i - 1]?.p.n.text ?? '';
    let count = [...allMatches(pc.p.n.text, HEADING.test(pc.p.n.text) ? namedYear : named)].length;
    if (opening.test(pc.p.n.text) && before.endsWith(name) && HEADING.test(before)) count += 1;
    for (const claim of pc.claims) {
      if (count === 0) break;
      if (claim.kind === 'residue' && claim.check === 'narrative.template-unit') {
        claim.check = 'narrative.template-residue';
        count -= 1;
      }
    }
  });
}

/**
 * A body's name as a heading writes it before the template's two ways, ending in what kind of body it is: "某市档案馆",
 * "某县教育局", "某镇人民政府", "某街道办事处" — at least two characters before the ending, so "本局", "各处" are not names.
 */
const BODY_NAME =
  '(?:[\\u4e00-\\u9fff]{2,30}?(?:局|馆|院|委员会|委|办公室|办事处|中心|站|所|学校|小学|中学|幼儿园|学院|大学|会|队|厅|处|镇|乡|人民政府|场|社|团|台))';

/**
 * A heading whose subject is the template's two ways: "一、部门（单位）职责", "二、2022 年度部门（单位）决算公开表",
 * "部门/单位基本情况", "某市档案馆部门（单位）概况" (a body's name before them, none of the report's title needed), also as an
 * entry of a table of contents ("……1 一、部门（单位）职责……2"). A heading names the
 * one body the report is for, a 部门 or a 单位, never both: the template printed the two ways for the unit to choose,
 * and the choice was not made (n.template-residue). In a sentence the two ways stay the template's wording a unit may
 * keep (n.template-unit, info): "纳入某小学 2024 年度部门（单位）决算编制范围", "我部门（单位）组织对…开展绩效自评",
 * and a duty "审核批复部门（单位）的年度预决算" means many bodies. Nor the headings the national template prints in its
 * performance part, kept whole like its sentences: "（二）部门（单位）整体支出自评结果".
 */
const HEADED_ALTERNATIVE = new RegExp(
  // opens the line or follows a contents entry's leader and page number
  '(?:^|[.…·．]{3,}\\s*[0-9]+\\s*)' +
    '(?:第[一二三四五六七八九十]+部分\\s*|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|[0-9]+[.、．])?' +
    `${BODY_NAME}?${YEAR}(?<two>${TWO_WAYS})(?![\\u4e00-\\u9fff]*?(?:绩效|自评|评价))[\\u4e00-\\u9fff]{2,20}` +
    // and ends it, or runs into the leader of its contents entry
    '(?=$|[.…·．]{3,})',
  'gu',
);

export function headedAlternatives(paras: ParaClaims[]): void {
  for (const pc of paras) {
    const text = pc.p.n.text;
    if (!text.includes('部门') && !text.includes('单位')) continue;
    const heads = [...allMatches(text, HEADED_ALTERNATIVE)].map((m) => m.index + m[0].indexOf(m.groups?.two as string));
    if (heads.length === 0) continue;
    for (const claim of pc.claims)
      if (
        claim.kind === 'residue' &&
        claim.check === 'narrative.template-unit' &&
        heads.some((at) => at >= claim.sentence.start && at < claim.sentence.end)
      )
        claim.check = 'narrative.template-residue';
  }
}

/** A place's level a template offers in two ways: 乡镇, 街道, 乡, 镇, 苏木, 县, 市, 区, 旗, 州. */
const LEVEL = '(?:乡镇|街道|苏木|[乡镇县市区旗州])';

/**
 * "本街道（乡镇）", "本乡（镇）", "我镇/乡", "全乡（镇）": the unit speaking of its own place with the template's levels
 * offered side by side — 本/我/全 point at one place, which is of one level.
 */
const OWN_LEVELS = new RegExp(
  `(?<![各每])[本我全](?<own>${LEVEL})(?:（(?<alts>${LEVEL}(?:、${LEVEL})*)）|/(?<alt>${LEVEL}))`,
  'gu',
);

/** Whether the unit's name holds a level (乡镇 is held by a 乡's or a 镇's name). */
const holds = (name: string, level: string): boolean =>
  level === '乡镇' ? /[乡镇]/u.test(name) : name.includes(level);

/**
 * n.template-residue: "执行本街道（乡镇）的经济和社会发展规划" in the report of 某区某街道办事处 — the unit speaks of its own
 * place with the template's two levels left: its name (the title's) holds one of the levels offered and none of the
 * others, so the choice is made and the alternatives are the template's. Not where the name holds the other
 * level too (a 镇 that is also a 街道, "某镇人民政府（某街道办事处）", may write 本镇（街道）), nor "各乡镇（街道）", which
 * names many places.
 */
export function levelAlternativeClaims(paras: ParaClaims[]): Claim[] {
  const name = titleName(paras)?.name;
  if (!name) return [];
  const out: Claim[] = [];
  for (const pc of paras) {
    const { p } = pc;
    for (const m of allMatches(p.n.text, OWN_LEVELS)) {
      const { own, alts, alt } = m.groups as { own: string; alts?: string; alt?: string };
      // one of the levels offered is the unit's own (its name holds it), the others are not
      const offered = [own, ...(alts ?? alt ?? '').split('、')];
      if (new Set(offered).size !== offered.length || offered.filter((o) => holds(name, o)).length !== 1) continue;
      // "全市（县、区）": a city with the counties and districts under it, as city reports write it — no choice left open
      if (/^[市州]$/u.test(own) && offered.slice(1).every((o) => /^[县区旗]$/u.test(o))) continue;
      const span = { start: m.index + 1, end: m.index + m[0].length };
      out.push({
        kind: 'residue',
        residueId: 'level-alternative-own',
        check: 'narrative.template-residue',
        text: sourceSlice(p.n, span.start, span.end),
        ...place(p, sentenceAt(p, span.start), span),
      });
    }
  }
  return out;
}
