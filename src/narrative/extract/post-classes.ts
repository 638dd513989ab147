import type { Claim, Span } from '../claims.js';
import { groupsCount } from './count-claim.js';
import { sentenceAt } from './para.js';
import type { ParaState } from './state.js';
import { allMatches } from '../../util/matches.js';

/**
 * "现有在编教职工 37 人，专技 33 人，工勤 3 人、职员 1 人", "现有职工 51 人，其中管理人员 6 人、专业技术人员 40 人、工勤技能
 * 人员 5 人", "现有在编职工 23 人（管理岗位 4 人，专业技术岗位 17 人，工勤技能岗位 2 人）": a unit's staff, then its groups by
 * the kind of post (岗位) each holds — 管理 (职员), 专业技术, 工勤技能, the three kinds a public institution's posts are
 * of — after a comma, a colon or 其中, or in a bracket, up to the sentence's (or the bracket's) end.
 */
const STAFF_BY_POST =
  /(?<whole>(?:现有|共有|实有|核定|年末)?[^，。；：（）0-9]{0,8}?(?:教职员工|教职工|职工|员工|人员|工作人员|干部))(?:总数|人数)?(?:为|共|共计|合计|有)?(?<n>[0-9]+)(?<c>人|名)(?<open>（(?:其中[：，]?)?|[，：](?:其中[：，]?)?)(?<list>[^。；（）]+?)(?=[。；）]|$)/gu;

/** One group: the kind of post and its number of people. */
const POST_GROUP =
  /^(?<label>(?:管理|职员|专业技术|专技|工勤技能|工勤)(?:岗位?|人员|岗位人员)?(?:为|有|共)?)(?<n>[0-9]+)(?:人|名)$/u;

/** The three kinds of post: 管理 (职员), 专业技术, 工勤 (技能). */
const POST_KINDS = [/^(?:管理|职员)/u, /^(?:专业技术|专技)/u, /^工勤/u];

/** A whole counting only the staff in the posts of the institution's establishment: each of them holds one kind of post. */
const ESTABLISHED = /在编|编制内|事业编制|正式/u;

/**
 * n.count: the groups by post against the whole. Each group must name one kind of post, each another, and no clause
 * of the list be anything else (so that the list is plainly this breakdown and nothing more). Groups adding up to
 * more than the whole are wrong; to less, only when all three kinds are named of a whole of the staff in the
 * establishment (在编, 编制内): everyone of them holds one of the three kinds of post, while a unit's staff at large
 * may count hired people outside them.
 */
export function postClassClaims(s: ParaState, taken: Span[]): Claim[] {
  const { p } = s;
  const text = p.n.text;
  const out: Claim[] = [];
  for (const m of allMatches(text, STAFF_BY_POST)) {
    const g = m.groups as { whole: string; n: string; c: string; open: string; list: string };
    // a bracket's list ends with the bracket
    if (g.open.startsWith('（') && text[m.index + m[0].length] !== '）') continue;
    const clauses = g.list.split(/[，、；]/u).filter((c) => c !== '');
    const groups = clauses.map((c) => POST_GROUP.exec(c)?.groups);
    if (groups.length < 2 || groups.some((x) => !x)) continue;
    const kinds = groups.map((x) => POST_KINDS.findIndex((k) => k.test(x?.label ?? '')));
    if (kinds.some((k) => k < 0) || new Set(kinds).size !== kinds.length) continue;
    const n = Number(g.n);
    const sum = groups.reduce((a, x) => a + Number(x?.n ?? '0'), 0);
    const closed = kinds.length === POST_KINDS.length && ESTABLISHED.test(g.whole);
    const span = { start: m.index, end: m.index + m[0].length };
    if (taken.some((t) => span.start < t.end && t.start < span.end)) continue;
    taken.push(span);
    if (sum === n || (sum < n && !closed)) continue;
    const at = m.index + m[0].indexOf(g.n + g.c, g.whole.length);
    const what = '所列各类岗位人数之和';
    out.push(
      groupsCount(p, sentenceAt(p, m.index), { start: at, end: at + g.n.length + 1 }, { n, counter: g.c, sum, what }),
    );
  }
  return out;
}
