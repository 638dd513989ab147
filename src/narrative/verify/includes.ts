import type { Claim } from '../claims.js';
import { normaliseText } from '../text/normalise.js';
import { finding, verdict, type VerifyContext } from './common.js';
import type { Verdict } from './types.js';
import { comparable } from './resolve.js';
import { allMatches } from '../../util/matches.js';

type Includes = Extract<Claim, { kind: 'includes' }>;

/** Economic 类 of each group in 表 06: 人员经费 = 301 + 303, 公用经费 = 302 + 310 (+ other capital classes). */
const GROUP: Record<Includes['group'], RegExp> = {
  personnel: /^30[13][0-9]{2}$/u,
  public: /^(?:302|31[0-9])[0-9]{2}$/u,
};

/** The words that join the last two items of a list: "住房公积金和其他工资福利支出". */
const JOIN = /以及|和|及/gu;

/**
 * A name as the items it stands for: itself when it is a 06 line or has no join ("税金及附加费用" is one
 * line), else the two halves either side of a join when each is a 06 line.
 */
function joinedPair(name: string, labels: ReadonlySet<string>): string[] {
  if (labels.has(name)) return [name];
  for (const m of allMatches(name, JOIN)) {
    const first = name.slice(0, m.index);
    const second = name.slice(m.index + m[0].length);
    if (labels.has(first) && labels.has(second)) return [first, second];
  }
  return [name];
}

/**
 * n.includes: "公用经费…主要包括：办公费、印刷费…" against 表 06. A named item whose amount there is 0
 * (or blank) was not spent; a non-zero item left out is not wrong ("主要"), so both only inform.
 * Names that are no 06 line are left alone.
 */
export function verifyIncludes(claim: Includes, ctx: VerifyContext): Verdict {
  const table = ctx.model?.tables.find((t) => t.kind === '06');
  if (!table) return verdict(claim, 'unverifiable');
  const norm = (t: string) => normaliseText(t, ctx.catalog.simplify).text;
  // a line whose figure is not known (unreadable, or past the page's edge) is neither spent nor not
  const rows = table.rows.filter(
    (r) =>
      r.key.code &&
      GROUP[claim.group].test(r.key.code) &&
      r.label !== '' &&
      (r.cells.amount === undefined || comparable(r.cells.amount)),
  );
  const spent = (r: (typeof rows)[number]) => r.cells.amount?.value?.isZero() === false;
  const labels = new Set(rows.map((r) => norm(r.label)));
  const named = new Set(claim.names.map(norm).flatMap((name) => joinedPair(name, labels)));
  const matched = rows.filter((r) => named.has(norm(r.label)));
  if (matched.length === 0) return verdict(claim, 'unverifiable');
  const zero = matched.filter((r) => !spent(r)).map((r) => r.label);
  const matchedLabels = new Set(matched.map((r) => norm(r.label)));
  const omitted = rows.filter((r) => spent(r) && !matchedLabels.has(norm(r.label))).map((r) => r.label);
  if (zero.length === 0 && omitted.length === 0) return verdict(claim, 'pass');
  return verdict(claim, 'fail', [
    finding(claim, 'narrative.includes', 'includes', {
      group: claim.group === 'personnel' ? '人员经费' : '公用经费',
      zero: zero.length > 0 ? zero.join('、') : '无',
      omitted: omitted.length > 0 ? omitted.join('、') : '无',
    }),
  ]);
}
