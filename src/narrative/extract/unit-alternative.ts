import type { ParaClaims } from './across.js';
import { titleName } from './unit-name.js';

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

/** The template's two ways of naming the unit, as normalised text writes them. */
const TWO_WAYS = '(?:部门（单位）|单位（部门）|部门/单位|单位/部门)';

/**
 * "第一部分 某市某区市场监督管理局部门（单位）概况" under the title "某市某区市场监督管理局 2022 年度部门决算": the template's
 * "XX部门（单位）概况" with its XX filled in by the unit's own name and the two ways left beside it. The name says
 * which one body is meant — a 部门 or a 单位, never both — so the two-way wording is template residue
 * (n.template-residue), not the bare heading "一、部门（单位）职责" some templates print (n.template-unit). A heading
 * broken after the name ("某局" over "部门（单位）概况") is the same place.
 */
export function namedAlternatives(paras: ParaClaims[]): void {
  const name = titleName(paras)?.title;
  if (!name) return;
  // a title's name is Han characters and full-width brackets: nothing in it to escape
  const named = new RegExp(`${name}${TWO_WAYS}`, 'gu');
  const opening = new RegExp(`^${TWO_WAYS}`, 'u');
  paras.forEach((pc, i) => {
    const before = paras[i - 1]?.p.n.text ?? '';
    let count = [...pc.p.n.text.matchAll(named)].length;
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
