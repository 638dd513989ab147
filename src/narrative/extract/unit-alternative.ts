import type { ParaClaims } from './across.js';

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
