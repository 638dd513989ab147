import { OUTLINE_MARK } from '../../util/outline.js';
import { allMatches } from '../../util/matches.js';
/**
 * Whose figures a sentence states when it opens with a body of its own: "市档案局 2023 年度“三公”经费…",
 * "2024 年，市科协“三公”经费…", "该中心 2012 年…", "所属执法大队…". A round-up of several bodies (a news item
 * on the central departments' 三公, a county's list of its departments, a unit and its 所属 teams) states
 * each body's own totals and parts: another body's figure is neither a restatement of it nor one of its parts.
 */

/**
 * A body's name: Han characters ending as bodies' names end (局, 部, 委, 中心, 银行, 政府 …; 部门 for bodies taken
 * together: "省直部门“三公”经费合计…。其中，省甲厅…"), followed by
 * what follows a name that opens a clause — a year, a bracket, the figure's own words (“三公”经费, 收入,
 * 预算 …; the normalised text has no quotes) — not a word that runs on (中心工作).
 */
const BODY =
  /^[\u4e00-\u9fff]{1,16}?(?:总局|局|部门|部|委员会|委|办公室|办|厅|署|院|银行|中心|政府|街道|镇|乡|学校|小学|中学|大学|幼儿园|医院|卫生院|馆|科协|联合会|协会|集团|公司|机关|大队|支队|队|站|所)(?=[0-9“"‘《（(]|去年|今年|本年|上年|全年|三公|收入|支出|预算|决算|财政|一般公共|经费|机关运行|政府采购|国有资产|公务|因公|会议|培训|基本支出|项目支出|人员经费|公用经费)/u;

/** What a clause may open with before the body's name: an outline number, a year, a date. */
const LEAD = new RegExp(
  `^(?:${OUTLINE_MARK}\\s*)?(?:20[0-9]{2}年度?|去年|今年|本年度?|[0-9]{1,2}月[0-9]{1,2}日)?[，,\\s]*`,
  'u',
);

/** The unit's own words for itself or for all its bodies (本部门, 我局, 全局, 各单位): the figure is no single other body's. */
const SELF = /^(?:本|我|各|全)/u;

/**
 * "部门本年支出合计 T" after "所属某中心本年支出 a": the department as a whole, all its bodies together — a body of
 * its own beside the one named before (not 部门本级, its own level, nor any body the text names after it).
 */
const WHOLE_DEPARTMENT = /^部门(?!本级|决算|预算)/u;

/** What a clause's opening says of its owner: a body's name, the unit itself ('' ), or nothing (undefined). */
function opening(clause: string): string | undefined {
  const rest = clause.replace(LEAD, '');
  if (SELF.test(rest)) return '';
  if (WHOLE_DEPARTMENT.test(rest)) return '部门';
  return BODY.exec(rest)?.[0];
}

const CLAUSE_STOP = /[，；。：！？,;:]/gu;
const SENTENCE_STOP = /[。！？；;]/gu;

/**
 * The body whose figure stands at `at` in a paragraph's normalised text: the one its own clause opens
 * with, else the one the nearest sentence before it that names an owner opens with ("中国人民银行 2011 年度…
 * 预算数 A 万元。其中，因公出国（境）费 a 万元" — a is the bank's). '' when none names one.
 */
export function ownerAt(text: string, at: number): string {
  let clause = 0;
  for (const m of allMatches(text.slice(0, at), CLAUSE_STOP)) clause = m.index + 1;
  const own = opening(text.slice(clause, at));
  if (own !== undefined) return own;
  const starts = [0, ...[...allMatches(text.slice(0, clause), SENTENCE_STOP)].map((m) => m.index + 1)];
  for (const start of starts.reverse()) {
    const named = opening(text.slice(start, at));
    if (named !== undefined) return named;
  }
  return '';
}

/** Two owners may be one body: either names none, or one name is the other's shortening (市科协, 科协). */
export function sameOwner(a: string, b: string): boolean {
  return a === '' || b === '' || a.includes(b) || b.includes(a);
}
