import type { Claim } from '../claims.js';
import type { ParaClaims } from './across.js';
import { countOf } from './list-complete.js';
import { place, sentenceAt } from './para.js';
import { allMatches } from '../../util/matches.js';

/**
 * "其中二级预算单位 3 个（详情见附表）", "纳入决算编制范围的单位共 4 个（见下表）", "下属事业单位 4 个，具体见下表：": a count of
 * units or offices that sends the reader to a table for their names — the count, the thing counted before or after it,
 * and the table referred to (附表, 下表, 表 N) in a bracket or in the words right after it.
 */
const COUNT_SEE_TABLE =
  /(?<before>[^，。；：0-9]{0,12}?)(?<![0-9.])(?<n>[0-9]{1,2}|[一二两三四五六七八九十]{1,3})个(?<after>[^，。；：（0-9]{0,10}?)(?:（|，|：)?(?:详情|详细情况|具体情况|具体|明细|名单|详)?(?:见|如)(?:附表|下表|表[0-9一二三四五六七八九十]{0,2})/gu;

/** The things a table of names may list: units, offices, bodies. */
const UNITS = /单位|机构|科室|股室|处室|部室|部门|中心|学校|医院|站|所/u;

/** Units under another, never the whole a department's accounts are made of (so a 本级 is never among them). */
const SUBORDINATE = /二级|三级|下属|所属|直属|下设|内设|下级/u;

/** A table's header naming its rows' names: "序号 | 单位名称 |". */
const NAME_HEADER = /序号.*[|｜].*名称|名称.*[|｜].*序号/u;

/** A row of the table: its number first, then its cells ("1 | 某中心（全额事业单位） |"). */
const ROW = /^(?<k>[0-9]{1,2})[|｜](?<cells>.*)$/u;

/** A row for the department's own body: "某局本级", "机关". */
const OWN_BODY = /本级|机关/u;

/** Paragraphs between the count and the table's header (a caption, a unit line) at most. */
const MAX_GAP = 3;

/**
 * n.count: the count against the rows of the table it refers to, numbered 1, 2, … in order — the header names its
 * rows' names (序号 and 名称), and the rows end where a paragraph is no more row (or the text ends). One row more
 * than the count is the department's own body listed beside its units (本级, 机关); one fewer, under a count of the
 * whole (决算编制单位), may be that body left out of the table — neither is read.
 */
export function tableCountClaims(paras: readonly ParaClaims[]): Claim[] {
  const out: Claim[] = [];
  for (const [k, pc] of paras.entries()) {
    const text = pc.p.n.text;
    // (COUNT_SEE_TABLE needs a 个 and a 表, and tries its words before the count at every position: a paragraph
    // without both is not scanned)
    if (!text.includes('个') || !text.includes('表')) continue;
    for (const m of allMatches(text, COUNT_SEE_TABLE)) {
      const g = m.groups as { before: string; n: string; after: string };
      const noun = `${g.before}${g.after}`;
      if (!UNITS.test(noun)) continue;
      const n = countOf(g.n);
      // the table's header within a few paragraphs, the count's paragraph the last before them that counts
      let h = k + 1;
      while (h < paras.length && h <= k + MAX_GAP && !NAME_HEADER.test(paras[h]?.p.n.text ?? '')) h += 1;
      if (h >= paras.length || !NAME_HEADER.test(paras[h]?.p.n.text ?? '')) continue;
      const rows: string[] = [];
      let r = h + 1;
      for (; r < paras.length; r += 1) {
        const row = ROW.exec(paras[r]?.p.n.text ?? '');
        if (!row || Number(row.groups?.k) !== rows.length + 1) break;
        rows.push(row.groups?.cells ?? '');
      }
      // a row numbered out of order right after the last one, or the next row a few paragraphs on (a page's number or
      // header between): not a plain list of 1 … k
      if (r < paras.length && ROW.test(paras[r]?.p.n.text ?? '')) continue;
      const resumes = paras
        .slice(r, r + MAX_GAP + 1)
        .some((o) => Number(ROW.exec(o.p.n.text)?.groups?.k) === rows.length + 1);
      if (resumes) continue;
      const listed = rows.length;
      if (listed === 0 || listed === n) continue;
      const ownRow = rows.some((cells) => OWN_BODY.test(cells));
      if (listed === n + 1 && ownRow) continue;
      if (listed === n - 1 && !ownRow && !SUBORDINATE.test(noun)) continue;
      out.push({
        kind: 'count',
        countId: 'named',
        n,
        counter: '个',
        target: {
          listed: {
            count: listed,
            paras: paras.slice(h + 1, r).map((o) => o.p.para),
            what: '所指表格逐行列出的',
          },
        },
        ...place(pc.p, sentenceAt(pc.p, m.index), { start: m.index, end: m.index + m[0].length }),
      });
    }
  }
  return out;
}
