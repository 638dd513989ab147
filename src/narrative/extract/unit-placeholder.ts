import type { Claim } from '../claims.js';
import type { ParaClaims } from './across.js';
import { sentenceAt } from './para.js';
import { residueAt } from './residue-at.js';
import { titleName } from './unit-name.js';
import { allMatches } from '../../util/matches.js';

/**
 * Where a template's "某部门" stands for the unit's name: before its own level ("某部门本级"), after 纳入 ("纳入某部门
 * 2020 年部门决算编制范围"), or before the report's year and kind ("某部门 2020 年度部门决算").
 */
const UNIT_SLOT =
  /(?<=纳入)某(?:部门|单位)|某(?:部门|单位)(?=本级|（本级）|20[0-9]{2}年度?(?:部门|单位)?(?:决算|预算))/gu;

/**
 * n.placeholder: "纳入某部门 2020 年部门决算编制范围的二级预算单位包括：1.某部门本级" in the report its title names
 * "某市社会福利院 2020 年度部门决算": the template's 某部门 left where the unit's name belongs. Only under a title
 * naming the unit with no 某 of its own — a text whose own name is written 某… (anonymised) says nothing by it.
 */
export function unitPlaceholderClaims(paras: ParaClaims[]): Claim[] {
  const title = titleName(paras);
  if (!title || title.name.includes('某')) return [];
  const out: Claim[] = [];
  for (const { p } of paras)
    for (const m of allMatches(p.n.text, UNIT_SLOT)) {
      const span = { start: m.index, end: m.index + m[0].length };
      out.push(
        residueAt(p, span, sentenceAt(p, span.start), (written) => ({
          residueId: 'placeholder',
          check: 'narrative.placeholder',
          text: `${written}（标题为「${title.title}」）`,
          should: title.title,
        })),
      );
    }
  return out;
}
