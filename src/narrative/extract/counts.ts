import type { Claim, Span } from '../claims.js';
import { place, sentenceAt } from './para.js';
import type { ParaState } from './state.js';
import { countedNounClaims, twoCountsNamedClaims } from './counted-nouns.js';
import { countOf } from './list-complete.js';
import { COUNTER } from './mentions.js';
import { INSTITUTION_CHARS } from './unit-name-cut.js';
import { staffFlowClaims, staffPartitionClaims } from './staff-counts.js';
import { ownPlusUnitsClaims, partsThenWholeClaims } from './count-parts.js';
import { groupsCount } from './count-claim.js';
import { postClassClaims } from './post-classes.js';
import { partOverAllClaims } from './part-over-all.js';
import { countRestatedClaims } from './count-restated.js';
import { allMatches } from '../../util/matches.js';

/** A body named beside a count's noun: "（22 个）职能部门和政治部" — 政治部. */
const BESIDE_COUNT = /(?:和|及|以及|与)(?<name>[\u4e00-\u9fff]{2,10})$/u;

/** "共涉及项目10个", "共涉及 4 个一级项目": the count; what it is compared with is resolved across paragraphs. */

export function countClaims(s: ParaState): Claim[] {
  const { p, catalog } = s;
  const taken: Span[] = [];
  const out: Claim[] = [];
  for (const cue of catalog.counts) {
    for (const m of allMatches(p.n.text, cue.cue)) {
      const span = { start: m.index, end: m.index + m[0].length };
      if (taken.some((t) => span.start < t.end && t.start < span.end)) continue;
      taken.push(span);
      const target = cue.compare.tables ? { tables: cue.compare.tables } : {};
      out.push({
        kind: 'count',
        countId: cue.id,
        n: Number(m.groups?.n ?? '0'),
        // the catalog's cues count 个 ("共涉及项目10个") unless they name their counter
        counter: m.groups?.unit ?? '个',
        target,
        ...place(p, sentenceAt(p, span.start), span),
      });
    }
  }
  // (a whole of people split into in service and retired first: the general reading of groups leaves what it read)
  out.push(
    ...postClassClaims(s, taken),
    ...staffPartitionClaims(s, taken),
    ...staffFlowClaims(s),
    ...partsThenWholeClaims(s),
    ...ownPlusUnitsClaims(s),
    ...partOverAllClaims(s),
    ...countRestatedClaims(s),
  );
  out.push(...groupCounts(s, taken), ...appositeGroups(s));
  out.push(...countedNounClaims(s, taken), ...namedCounts(s), ...compoundCounts(s), ...twoCountsNamedClaims(s));
  return out;
}

/** The counters a whole and its groups may be counted in: COUNTER's, and equipment (台（套）), beds (张), rooms (间). */
const GROUP_COUNTER = `${COUNTER}|台（套）|台套|台|套|张|间`;

/**
 * "共 5 辆", "共有车辆 5 辆", "公务用车保有量 38 辆", "现有教学班 24 个", "核定床位 120 张", "下属二级决算单位 2 个", "所属 19 个二级预算单位", "内设机构
 * 16 个科室", "下设科室 9 个", "所辖 17 个单位", "下辖学校 18 所", "独立编制机构数 8 个": a number of things that a 其中 may break down (the last
 * five, a unit's own units: only a 其中, or groups by number and counter).
 */
const GROUPED = new RegExp(
  `(?:共(?:有|计)?\\p{Script=Han}{0,4}?|(?<now>现有|设有|开设|拥有|设置|共设)(?![^0-9，。；]{0,6}?(?:编制|在职|实有|人数|离退休|人员))(?:(?!共)\\p{Script=Han}){1,5}?|保有量(?:为|是|共)?|机构数(?:为|是|共|有)?|床位数?(?:为|是|共|有)?|单位(?:有|为)?|(?<units>所属|下属|下设|内设|所辖|下辖|管辖)(?:科室|处室|股室|机构|企业|学校)?(?:有|为|共)?|(?<bare>(?<![0-9.,])(?=[0-9]+个（[0-9])))(?<n>[0-9]+)(?<unit>${GROUP_COUNTER})`,
  'gu',
);

/**
 * "年末实有人数 62 人", "编制数为 7 人", "在职人数 61 人", "编制人数 42": a headcount of a unit's staff. After 人数 the
 * number may stand without its 人 (the staffing template writes "编制人数42，其中：行政编制人数19、…"). So are "财政供养
 * 人员 22 人", "财政供给人员 17 人", "总人数 504 人", "总编制 43 名", "编制总数 95 名", "在职人员总数 37 人", "实际人数 11
 * 人" (not a number of people served, trained or examined: "参训总人数", "接待总人数", "就诊总人数").
 */
const HEADCOUNT =
  /(?:(?:人员|核定)编制(?:人?数)?|编制人?数|实有(?:人数|人员)|(?:年末|年初)人数|在职(?:人数|人员|职工|干部职工)?|离退休(?:人员|职工)?(?:人数)?|(?:财政)?供(?:养|给)人(?:员|数)(?:总数)?|(?:编制|人员)总数|(?<![训待诊检服参])总(?:编制(?:人?数)?|人数)|实际人数)(?:为|是|共|小计|合计|总计)?(?<n>[0-9]+)(?:(?<unit>人|名)(?!次)|(?<=人数(?:为|是|共|小计|合计|总计)?[0-9]+)(?![0-9.]))/gu;

/**
 * A group of a headcount: "在职人员 40 人", or a bare number after 人数 ("行政编制人数19"). Digits after a thousands
 * separator are no number of their own ("1,845 人" is not 845).
 */
const HEADCOUNT_GROUP =
  /(?<![0-9.]|[0-9],)([0-9]+)[人名](?![元次])|(?<=人数(?:为|是|小计|合计)?)([0-9]+)(?![0-9.人名])/gu;

/**
 * "编制数 39 名，其中公务员 20事业编制 17 名，工勤编制 2 名": a group's number written right between its name and
 * the next group's, its counter left out — the number of that group all the same (not a year, an age, an
 * approximate number or a count of something else: "2023 年", "90 后", "20 余人", "3 个科室").
 */
const COUNTER_LEFT_OUT = /(?<=\p{Script=Han})([0-9]+)(?=\p{Script=Han})(?![年月日岁周后前余多个名人次批届期])/gu;

/** A group's number written in Chinese numerals ("代课教师四人，遗属三十五人"): read as its digits. */
const HAN_GROUP = /(?<![第一二两三四五六七八九十])([一二两三四五六七八九十]{1,3})(?=[人名个辆所家项])/gu;

/** HAN_GROUP's replacement: the numerals as digits. */
function hanDigits(_: string, n: string): string {
  return String(countOf(n));
}

/**
 * A clause after a headcount's ；that states another whole, not one more group: "…；实有在职人数 92 人，其中…",
 * "…；编制人数 …". ("…；年末其他人员 5 人" may be one more group: some units count it in 实有人数, some do not.)
 */
const NEXT_WHOLE = /^[^，；。0-9]{0,12}?(?:编制人?数|实有人[数员]|在职人数)/u;

/** A clause after a list's groups naming a whole of wider reach: "，财政全额供养人员 117 人", "，总人数 92 人". */
const OTHER_WHOLE_AFTER =
  /[，、；](?=[^，、；。0-9]{0,6}?(?:财政(?:全额|差额)?供养人[员数]|供养人员总数|总人数|人员总数)(?:为|是|共)?[0-9])/u;

/**
 * What opens the groups: "，其中：", "，包括", "，分别为" (every group, by its number), or "，为" naming what the whole is made of ("单位共 3 个，为行政单位 1 个、…");
 * after the thing counted, "所属 19 个二级预算单位，其中：…" — a name, never a clause with a figure of its own
 * ("保有量 8 辆，比上年末减少 1 辆，其中新购置 1 辆、报废 2 辆": that 其中 breaks down the change).
 */
const GROUPS_INTRO = /^(?:[^。；]{0,4}?(?:其中|(?<!不)包括)|分别(?:为|是)|为|[^。；，0-9]{1,8}，其中)：?/u;

/** The noun right after a count and its counter ("个独立编制事业单位，" → "独立编制事业单位"). */
function nounAfter(text: string): string {
  return /^[^，,。；;（(、0-9]{0,10}/u.exec(text)?.[0] ?? '';
}

/** Kinds of things a count may count that never hold one another's numbers: units, and offices inside a unit. */
const KINDS = [/单位$/u, /(?:科室|处室|股室|内设机构|科|股|处|室)$/u];

/** Whether two nouns name things of two different kinds (a unit and an office). */
function otherKind(a: string, b: string): boolean {
  const kindOf = (noun: string) => KINDS.findIndex((k) => k.test(noun));
  const [ka, kb] = [kindOf(a), kindOf(b)];
  return ka >= 0 && kb >= 0 && ka !== kb;
}

/**
 * "独立编制机构数 3 个，其中行政 1 个，事业 2 个；独立核算机构数 2 个": after a ；, a count written as "…数 N 个" where
 * the groups before it were not is another whole, its own statement — the groups end at that ；. Groups themselves
 * written so ("其中行政单位数 1 个；事业单位数 2 个") go on past it.
 */
function nextCountWhole(tail: string): number {
  const at = tail.search(/；(?=[^，；。0-9]{1,12}?数(?:为|是|共|有)?[0-9]+个)/u);
  return at >= 0 && !/数(?:为|是|共|有)?[0-9]+个/u.test(tail.slice(0, at)) ? at : -1;
}

/** A group's own breakdown opened after the groups began ("…在职 7 人，包括行政 0 人、…"): the groups end there. */
const NESTED = /其中|(?<!不)包括/u;

/**
 * "共有车辆 5 辆，其中：轿车 2 辆、越野车 2 辆", "年末公务用车保有量 38 辆，其中：…", "编制数 7 人，其中行政编制 0 人、…":
 * the groups listed after 其中/包括 (in the same sentence, counted in the same unit) add up to the stated number.
 * Amounts (万元) are never counted.
 */
function groupCounts(s: ParaState, taken: Span[]): Claim[] {
  const { p } = s;
  const text = p.n.text;
  const out: Claim[] = [];
  const matches = [
    ...[...allMatches(text, GROUPED)].map((m) => ({ m, headcount: false })),
    ...[...allMatches(text, HEADCOUNT)].map((m) => ({ m, headcount: true })),
  ].sort((a, b) => a.m.index - b.m.index);
  for (const { m, headcount } of matches) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (taken.some((t) => span.start < t.end && t.start < span.end)) continue;
    taken.push(span);
    const { sentence, tail, nextSentence } = groupsAfter(p, span.end);
    // equipment is counted in 台（套） or 台套, its groups in the same words or in 台 alone
    const unit = headcount ? (m.groups?.unit ?? '人') : (m.groups?.unit ?? '').replace(/^台(?:（套）|套)$/u, '台');
    // "现有教学班 24 个", "设有床位 120 张": things a unit has; a number of people it has ("现有教职工 120 人，其中专任
    // 教师 100 人，…") is often broken down only in part, and by classings that cut across each other (在编, 专任教师,
    // 高级职称) — read only when every group is one class of one classing of staff (nowPeople below), and only more
    // than the whole is wrong
    const nowPeople = Boolean(m.groups?.now) && /^(?:人|名|人次)$/u.test(unit);
    if (nowPeople && unit === '人次') continue;
    // "设行政单位 1 个，事业单位 5 个。其中：…": a 其中 opening the next sentence may break down everything the
    // sentence counted, not its last number alone — read only when that number is the sentence's one count, or
    // when the groups can be of it alone (ownsGroups, once they are read)
    const before = text.slice(sentence.start, m.index);
    const others = nextSentence && new RegExp(`[0-9]+(?:${unit})`, 'u').test(before);
    // a headcount's groups end at the ；that opens the next figure ("…退休人员 22 人；年末其他人员 5 人"), but a
    // group broken down with 、 leaves the ；to separate the groups ("在职 7 人，包括…；离休 0 人；退休 0 人")
    const cut = headcount ? tail.indexOf('；') : nextCountWhole(tail);
    const rest = cut < 0 ? tail : tail.slice(0, cut);
    // "县级行政区 107 个（13 个市辖区、26 个县级市…）", a table's cell "107 个（…）": a count with no word before it that
    // says it is a whole — read only with the groups its bracket writes out by number and counter
    if (m.groups?.bare !== undefined) {
      const whole: WholeCount = { p, m, headcount, unit, sentence, tail };
      out.push(...(bracketGroups(whole) ?? []));
      continue;
    }
    const intro = GROUPS_INTRO.exec(rest);
    if (!intro) {
      if (others) continue;
      const whole: WholeCount = { p, m, headcount, unit, sentence, tail };
      const bracketed = bracketGroups(whole);
      if (bracketed) out.push(...bracketed);
      else if (!nowPeople) out.push(...unintroducedGroups(whole, nextSentence));
      continue;
    }
    const each = /分别/u.test(intro[0]);
    const firstClause = rest.slice(intro[0].length).split('；')[0] ?? '';
    // "所辖 17 个单位。主要包括中学 2 所、小学 11 所、幼儿园 5 所": units counted in 个, the schools among them in 所
    const unitOf =
      !headcount && unit === '个' && /^(?:单位|学校)/u.test(nounAfter(text.slice(span.end)))
        ? schoolsIn(firstClause)
        : unit;
    const numbered = new RegExp(`[0-9一二两三四五六七八九十](?:${unitOf})`, 'u').test(firstClause);
    // "下设 3 个科室，包括办公室、…；4 个业务部门，包括…": after a unit's 下设/所属 count, 包括 names the units one
    // by one (namedCounts) — the count after the ；is the next statement, no group of this one (groups written
    // with their numbers, "所辖 17 个单位，主要包括中学 2 所、…", are groups)
    if (m.groups?.units && !intro[0].includes('其中') && !each && !numbered) continue;
    // "下设 3 个科室，分别为办公室、…；4 个业务部门，分别为…": 分别为 naming the units (no number before the ；)
    // lists names, not groups
    if (each && !numbered) continue;
    // a second 其中 (or a 包括) breaks one group down further ("…聘用人员 12 人，其中高级职称…"): the groups end there
    const opened = intro[0].length;
    const nested = rest.slice(opened).search(NESTED);
    const unbracketed = nested < 0 ? rest.slice(opened) : rest.slice(opened, opened + nested);
    // "现有在职职工 36 名（其中长期聘用 1 名，…），退休职工 19 名": a 其中 opened inside a bracket ends with it
    const listed = intro[0].startsWith('（') ? (unbracketed.split('）')[0] ?? '') : unbracketed;
    // what 包括 names ends with its clause: the sentence may go on to other things ("共有预算单位 1 个，包括本级，
    // 内设机构 8 个")
    const clause = intro[0].includes('包括') && !eachNamesWhole(listed, m[0], headcount) ? listed.indexOf('，') : -1;
    // a group's own detail in brackets ("事业单位 2 个（含参公单位 1 个）") is no group of its own; a whole of another
    // reach written after the groups ("…，退休 65 人，财政全额供养人员 117 人": in service and retired together) ends them
    const ownList = clause < 0 ? listed : listed.slice(0, clause);
    const otherWhole = ownList.search(OTHER_WHOLE_AFTER);
    const bracketsOut = oneCounter(otherWhole < 0 ? ownList : ownList.slice(0, otherWhole)).replace(
      /（[^（）]*）/gu,
      '',
    );
    const groups = (headcount ? bracketsOut.replace(COUNTER_LEFT_OUT, `$1${unit}`) : bracketsOut).replace(
      HAN_GROUP,
      hanDigits,
    );
    const group = headcount ? HEADCOUNT_GROUP : new RegExp(`(?<![0-9.]|[0-9],)([0-9]+)${unitOf}(?!元)`, 'gu');
    const written = [...allMatches(groups, group)];
    // "共有职工 42 人，其中：在职职工编制人数 31 人，实有人数 30 人，退休职工 12 人": a number of posts (编制) beside
    // the people is no group of people — unless the whole counts posts too ("编制人数 42，其中：行政编制人数 19、…")
    const gaps = gapsBefore(groups, written);
    // and the other way round: within a number of posts, "在职实有人数 m 人" counts the people, another whole
    // — nor is a group's change from last year ("在职职工 40 人，比上年减少 4 人；退休 18 人"): a change, no group
    const found = written.filter(
      (_, i) =>
        !CHANGE_BEFORE.test(gaps[i] ?? '') &&
        (/编制/u.test(m[0]) ? !countsPeople(gaps[i] ?? '') : !countsPosts(gaps[i] ?? '')),
    );
    const labels = found.map((x) => groupLabel(gaps[written.indexOf(x)] ?? ''));
    // each group's name, written before its number or, number first ("其中 3 个行政部门和 6 个事业单位"), after it
    const bare = (l: string) => l.replace(/^(?:其中|包括)：?|[和及与]$/gu, '');
    const numberFirst = found.length > 0 && bare(labels[0] ?? '') === '';
    const names = found.map((x, i) =>
      numberFirst ? bare(nounAfter(groups.slice((x.index ?? 0) + x[0].length))) : bare(labels[i] ?? ''),
    );
    if (others && !ownsGroups(before, m[0], headcount, labels)) continue;
    if (nowPeople && !staffClasses(labels)) continue;
    // schools counted among units in another counter: each group one class of schools
    if (unitOf !== unit && !siblingClasses(labels, unitOf)) continue;
    // "共有 5 个独立编制事业单位，其中局机关…，内设…等 7 个机关科室；直属单位 4 个": offices inside one of the units
    // are no units — a group counted as another kind of thing than the whole is a detail, no sum is meant
    const wholeNoun = nounAfter(text.slice(span.end));
    if (found.some((x) => otherKind(wholeNoun, nounAfter(groups.slice((x.index ?? 0) + x[0].length))))) continue;
    let items = found.map((x) => Number(x[1] ?? x[2]));
    const n = Number(m.groups?.n ?? '0');
    // "实有在职人员 66 人，其中特岗教师 2 人，退休 29 人，在编在岗事业人员 66 人": people in three groups or more, one
    // as many as the whole, restate the whole by another classing — the groups cut across each other, no sum is
    // meant (units of two kinds, "共 5 个，其中行政单位 1 个，事业单位 5 个", still add up)
    // (not the staff table's own three groups of a 实有人数, 在职, 离休 and 退休: they never restate it — see below)
    const tablePartition = headcount && ACTUAL_HEADCOUNT.test(m[0]) && staffTablePartition(labels);
    if (
      headcount &&
      !tablePartition &&
      items.length >= 3 &&
      items.some((x) => x === n) &&
      items.some((x) => x > 0 && x !== n)
    )
      continue;
    if (groupsNested(groups, found, items, siblingClasses(labels, unitOf))) continue;
    // "在职 32 人，其中女职工 20 人，党员 25 人": groups by a person's sex, party, age or schooling cut across the
    // others — they may overlap, so only each on its own is compared (never more than the whole); men and women
    // alone ("其中男生 540 人，女生 510 人") are the whole split in two
    const largest = Math.max(...items);
    const overlapping = !bySex(labels) && labels.some((label) => CROSS_CUTTING.test(label));
    if (overlapping && largest <= n) continue;
    // the groups written after the list's end where that end is not certain (a 包括 clause's end, a ；)
    const further = [
      ...allMatches(
        clause >= 0 ? listed.slice(clause) : cut >= 0 ? tail.slice(cut).replace(HAN_GROUP, hanDigits) : '',
        group,
      ),
    ];
    // "其中：在职 60 人，其中行政 35 人、事业 25 人；退休 30 人": a group broken down up to a ；, and the whole's
    // groups going on after it — every group after the ；is one more of the whole's (when its groups are of the
    // whole's kind, and no other whole opens there), the list ending where the sentence does
    const resumed = nested >= 0 && !overlapping ? resumedGroups(tail, opened + nested, group, unit) : [];
    if (resumed.length > 0) {
      const all = [...items, ...resumed.map((x) => Number(x[1] ?? x[2]))];
      const total = all.reduce((a, b) => a + b, 0);
      const kept = all.filter((_, i) => i >= items.length || !RETIRED.test(labels[i] ?? ''));
      const retiredOut = kept.length < all.length ? kept : [];
      // any of the sums in order reaching the whole (so may the same with the retired left out) is read as agreeing
      if (
        total === n ||
        prefixReaches(all, n) ||
        ((unit === '人' || unit === '名') && retiredOut.length > 0 && prefixReaches(retiredOut, n))
      )
        continue;
      items = all;
    }
    const sum = items.reduce((a, b) => a + b, 0);
    // "年末实有人数 N 人，其中：在职 a 人，…，退休 c 人", "共有职工 N 人，其中在职职工 a 人，退休 c 人": some units count
    // their retired staff in the whole, some beside it — groups that make the whole with the retired left out agree
    // — but not when the whole is a unit's 实有人数 and the groups are the three the final accounts' staff table splits
    // it into, each named ("年末实有人数 N 人，其中在职人员 a 人，离休人员 b 人，退休人员 c 人"): there N is their sum
    if (
      resumed.length === 0 &&
      (unit === '人' || unit === '名') &&
      sum !== n &&
      retiredBeside(gaps, written, found) === n &&
      !tablePartition
    )
      continue;
    // one group alone may be only some of the whole ("共 5 人，其中女职工 3 人"), but never more than it; so may
    // groups that stop at the end of a 包括 clause, or at a ；the sentence goes on past with more of them — when
    // those after the ；, taken in order, can make the whole ("…，退休 c 人；年末其他人员 d 人；年末学生人数 e 人":
    // a + c, a + c + d, … or without the retired; none of them the whole, the groups are wrong whatever the list's end)
    const goesOn =
      resumed.length === 0 &&
      cut >= 0 &&
      tail.slice(cut).search(HEADCOUNT_GROUP) >= 0 &&
      !NEXT_WHOLE.test(tail.slice(cut + 1)) &&
      (!headcount || reachesWhole(further, n, sum) || reachesWhole(further, n, retiredBeside(gaps, written, found)));
    // a list ending in 等 ("其中：行政单位 1 个、事业单位 2 个等") names some of the groups, by way of example
    const byExample = new RegExp(`(?:${unitOf}|[人名])等|等[。；，]?$`, 'u').test(groups.trim());
    // "主要包括…" names the main groups, perhaps not every one; so may the groups of a 现有 number of people, and
    // the groups a unit's own units are said to include — and, as with amounts, any 其中 or 包括 list the text does not
    // close (closedList): "设有科室 40 个，其中临床科室 18 个，医技科室 8 个" names two kinds, the rest unnamed
    const partial =
      (/其中|包括/u.test(intro[0]) &&
        !/分别(?:为|是)/u.test(listed) &&
        !closedList(names, unit, headcount, m[0], classesIncluded(ownList))) ||
      nowPeople ||
      /主要/u.test(intro[0]) ||
      (Boolean(m.groups?.units) && !intro[0].includes('其中') && !each) ||
      // ("下辖学校 18 所，其中完全中学 1 所、九年一贯制学校 2 所": the schools a unit oversees, the notable ones named)
      /^(?:所辖|下辖|管辖)/u.test(m.groups?.units ?? '') ||
      (items.length === 1 && resumed.length === 0) ||
      clause >= 0 ||
      goesOn ||
      byExample ||
      unnumberedGroup(groups, group);
    // groups that are all 0 under a whole that is not ("在职人数 56 人，包括行政人员 0 人、…、自收自支事业人员 0 人")
    // are a template's categories left unfilled, never some of the whole named by way of example: wrong unless
    // the groups written after them (where the list's end is not certain) make up the whole
    const unfilled = items.length >= 2 && sum === 0 && n > 0 && !reachesWhole(further, n, 0);
    if (items.length === 0 || (!overlapping && partial && sum <= n && !unfilled)) continue;
    out.push({
      kind: 'count',
      countId: 'groups',
      n,
      counter: headcount ? unit : (m.groups?.unit ?? unit),
      target: {
        listed: {
          count: overlapping ? largest : sum,
          paras: [],
          what: overlapping
            ? '“其中”所列的一组'
            : each
              ? '“分别为”所列各组之和'
              : intro[0].includes('为')
                ? '所列各组之和'
                : `“${intro[0].includes('包括') ? '包括' : '其中'}”所列各组之和`,
        },
      },
      ...place(p, sentence, span),
    });
  }
  return out;
}

/**
 * The classings whose every class a list may name, so that naming them all closes the list: a unit's posts (行政,
 * 事业, 工勤 编制), its staff in service and retired (在职 with 离退休, or with 离休 and 退休), in the posts or outside
 * them, and a hospital's departments (临床, 医技, 职能/行政/管理/后勤).
 */
const COMPLETE_CLASSINGS: RegExp[][] = [
  [/(?<!事业)行政(?:编制)?/u, /事业(?:编制)?/u, /工勤/u],
  [/^行政(?:单位|部门|机构)?$/u, /^事业(?:单位|机构)?$/u],
  [/(?<!非)在编|编制内|编内/u, /编外|编制外|非在编/u],
  [/临床/u, /医技/u, /职能|行政|管理|后勤/u],
];

/**
 * Whether a 其中/包括 list of counts is closed — every group of the whole named, so that fewer than the whole is an
 * error as much as more: a list ending with 其他 ("…，其他用车 1 辆"), men and women, every class of a complete
 * classing (COMPLETE_CLASSINGS, a class a group's bracket includes counted as named), or the staff in service beside the retired (在职 and 离退休, or 在职, 离休 and 退休:
 * everyone a unit has). Any other list may name some groups only, as a 其中 list of amounts may.
 */
function closedList(labels: string[], unit: string, headcount: boolean, whole: string, included: string[]): boolean {
  const plain = labels.map((l) => l.replace(/^(?:其中|包括)：?/u, ''));
  if (plain.length < 2) return false;
  if (closesWithOther(plain) || bySex(plain)) return true;
  const staff = headcount || unit === '人' || unit === '名';
  if (staff && !/离退休/u.test(whole)) {
    const inService = plain.filter((l) => /^(?:在职|在编在岗|在岗|实有)/u.test(l) && !RETIRED.test(l)).length;
    const retired = plain.filter((l) => RETIRED.test(l)).length;
    if (inService === 1 && retired >= 1 && inService + retired === plain.length) return true;
  }
  if (staff && /离退休/u.test(whole) && plain.every((l) => RETIRED.test(l) && !/离退休/u.test(l))) return true;
  // every class of the classing named by some group (a hospital's 门诊 beside its 临床, 医技 and 职能 departments; one
  // group may name two classes: "临床医技机构"), or said to be within one ("行政编制 5 人（含行政工勤编制 2 人）")
  return COMPLETE_CLASSINGS.some((classes) => {
    const named = [...plain, ...included].flatMap((label) => classesOf(label, classes));
    return classes.every((_, k) => named.includes(k));
  });
}

/**
 * The classes a group's own bracket says it includes ("行政编制 5 人（含行政工勤编制 2 人）"): the bracket names a class
 * of a complete classing (工勤) as counted within the group, so the list has spoken of it (closedList's included).
 * Only the bracket's first name, and only a bracket that opens with 含 or 包括 (not a note: "（按…口径）").
 */
function classesIncluded(list: string): string[] {
  return [...allMatches(list, /（(?:含|包括)(?<label>[^（）0-9，、；]{1,12})[0-9]/gu)].map(
    (x) => x.groups?.label ?? '',
  );
}

/** Equipment written in 台（套） or 台套 and its groups in 台: one counter. */
function oneCounter(text: string): string {
  return text.replace(/台(?:（套）|套)/gu, '台');
}

/**
 * The classings whose classes a list of groups may name, by the groups' counter: vehicles by use (公务用车 as the
 * rules class them) or by body (two classings: a list mixing them may break a use down by body), units by how
 * they are funded, schools by stage. A class names no other class of its classing, so groups that are each one
 * of the same classing are never one within another.
 */
const CLASSINGS: { counter: RegExp; classes: RegExp[] }[] = [
  {
    counter: /^辆$/u,
    classes: [
      /领导(?:干部)?用车/u,
      /负责人用车/u,
      /机要(?:通信)?用车/u,
      /应急(?:保障)?用车/u,
      /执法执勤用车|执勤执法用车/u,
      /特种专业技术用车/u,
      /离退休干部(?:服务)?用车/u,
      /一般公务用车/u,
      /其他(?:用车|车辆)/u,
    ],
  },
  {
    counter: /^辆$/u,
    classes: [/轿车/u, /越野车/u, /客车/u, /商务车/u, /面包车/u, /货车/u, /皮卡/u, /摩托车/u, /其他(?:用车|车辆)/u],
  },
  {
    counter: /^(?:个|家)$/u,
    classes: [
      /(?<!事业)行政单位/u,
      /参照公务员法?管理(?:的)?事业单位|参公(?:管理)?(?:事业)?单位/u,
      /(?:全额|全部)(?:拨款|补助)(?:的)?事业单位/u,
      /(?:差额|部分)(?:拨款|补助)(?:的)?事业单位/u,
      /自收自支(?:的)?事业单位/u,
      /企业/u,
      /其他(?:事业)?单位/u,
    ],
  },
  {
    counter: /^所$/u,
    classes: [
      /幼儿园/u,
      /小学/u,
      /初中|初级中学/u,
      /(?<!职业)高中|高级中学/u,
      /完全中学/u,
      /^(?:普通)?中学$/u,
      /九年一贯制/u,
      /职业(?:高级)?中学|职业学校|中职/u,
      /特殊教育学校/u,
      /其他学校/u,
    ],
  },
];

/**
 * The classings of a unit's staff: how each is employed (in the posts, hired, temporary…), in the posts or outside
 * them, what a school's staff do, which kind of post (行政, 事业, 工勤), in service or retired. A label names one
 * class of a classing or none ("临时聘用" names two: it is no class of its own).
 */
const STAFF_CLASSINGS: RegExp[][] = [
  [
    /(?<!非)在编|编制内|编内|正式/u,
    /聘用|聘任|招聘|乡聘|县聘|自聘|外聘|合同/u,
    /临时|临聘/u,
    /派遣/u,
    /返聘/u,
    /代课/u,
    /公益性?岗/u,
    /^其他/u,
  ],
  [/(?<!非)在编|编制内|编内|正式/u, /编外|编制外|非在编/u],
  [/专任教师/u, /^行政/u, /工勤|后勤/u, /教辅/u, /^其他/u],
  [/^行政/u, /^事业/u, /^工勤/u],
  [/在职/u, /离休/u, /(?<!离)退休/u, /遗属/u, /^其他/u],
];

/** Whether every label names one class of one classing of staff, each another (two labels or more). */
function staffClasses(labels: string[]): boolean {
  if (labels.length < 2) return false;
  return STAFF_CLASSINGS.some((classes) => {
    const named = labels.map((label) => classesOf(label, classes));
    return named.every((c) => c.length === 1) && new Set(named.map((c) => c[0])).size === labels.length;
  });
}

/** The counter of the groups a count of units or schools in 个 is broken down by: 所 when the schools are so counted. */
function schoolsIn(clause: string): string {
  return /[0-9]+所/u.test(clause) && !/[0-9]+个/u.test(clause) ? '所' : '个';
}

/** A whole count as found, with what follows it in its sentence: where groups of it are looked for. */
interface WholeCount {
  p: ParaState['p'];
  m: RegExpMatchArray;
  headcount: boolean;
  unit: string;
  sentence: Span;
  /** The text after the count. */
  tail: string;
}

/**
 * "现有职工 185 人（正式职工：96 人，临聘：80 人）", "实有人数 40 人（在职人员 30 人，退休人员 10 人）", "保有量 7 辆
 * （轿车 3 辆，…）": groups in a bracket right after the whole, with no 其中/含/包括 to say some are named — the
 * whole written out group by group, each a name and its number (a colon between them or not), all one classing's
 * classes (staff, posts, vehicles, units, schools) or men and women. They add up to the whole; with the retired
 * left out may they too (some units count them beside it). Undefined when no bracket follows the whole.
 */
function bracketGroups({ p, m, headcount, unit, sentence, tail }: WholeCount): Claim[] | undefined {
  // (a bracket the sentence's end closes, its ）lost: "现有职工 272 人（正式职工：129 人，临聘：143 人。"; the thing
  // counted may stand between the count and its bracket: "下辖 14 个地级行政区（4 个地级市、5 个自治州、5 个地区）")
  const bracket = /^(?<noun>[^（）0-9，。；、：]{0,8})（([^（）。]+)(?:）|。?$)/u.exec(tail);
  if (!bracket || /以上|以下|左右|余|多|次/u.test(bracket.groups?.noun ?? '')) return undefined;
  // "（含轿车 3 辆、越野车 2 辆）": 含 or 包括 opening the bracket names some of the whole, perhaps not all — never more
  const opened = /^(?:含有?|包括)：?/u.exec(bracket[2] as string);
  const inner = oneCounter((bracket[2] as string).slice(opened?.[0].length ?? 0));
  if (/其中|包括|含|均|等|约|余|多|以上|以下|左右|为|是/u.test(inner)) return [];
  const staff = headcount || unit === '人' || unit === '名';
  const counter = staff ? '[人名]' : unit;
  const clause = new RegExp(`^(?<label>\\p{Script=Han}[^0-9：]*?)：?(?<n>[0-9]+)(?:${counter})$`, 'u');
  // groups written number first, marks between them or none: "4 个地级市、5 个自治州、5 个地区", "4 个市 5 个州"
  const numberFirst = new RegExp(
    `(?<n>[0-9]+)(?:${counter})(?<label>\\p{Script=Han}[^0-9、，；]*?)(?=[、，；]?[0-9]|$)`,
    'gu',
  );
  const firstGroups = staff ? [] : [...allMatches(inner, numberFirst)];
  const byNumber =
    firstGroups.length >= 2 && firstGroups.map((x) => x[0]).join('').length === inner.replace(/[、，；]/gu, '').length;
  const parsed = byNumber
    ? firstGroups.map((x) => x.groups)
    : inner.split(/[，、；]/u).map((c) => clause.exec(c)?.groups);
  if (parsed.length < 2 || parsed.some((g) => !g)) return [];
  const labels = parsed.map((g) => g?.label ?? '');
  const items = parsed.map((g) => Number(g?.n ?? '0'));
  // (groups by number first are the whole written out in apposition: kinds each other's, none within another and
  // none cutting across the others)
  const distinct = (ls: string[]) =>
    new Set(ls).size === ls.length &&
    !ls.some((l) => CROSS_CUTTING.test(l)) &&
    !ls.some((a, i) => a.length >= 2 && ls.some((b, j) => i !== j && b.includes(a)));
  const kind =
    staff && /编制/u.test(m[0])
      ? labels.every((l) => POSTS_GROUP.test(l))
      : staff
        ? staffClasses(labels) || bySex(labels)
        : siblingClasses(labels, unit) || (byNumber && distinct(labels)) || kindsOfNoun(labels, m[0]);
  if (!kind) return [];
  if (labelsNested(labels, unit, items, true)) return [];
  const n = Number(m.groups?.n ?? '0');
  const sum = items.reduce((a, b) => a + b, 0);
  const notRetired = labels.reduce((a, l, i) => (RETIRED.test(l) ? a : a + (items[i] ?? 0)), 0);
  if (sum === n || (staff && notRetired === n) || (opened && sum < n)) return [];
  const at = { start: m.index ?? 0, end: (m.index ?? 0) + m[0].length };
  const named = staff ? (m.groups?.unit ?? '人') : unit;
  return [groupsCount(p, sentence, at, { n, counter: named, sum, what: '括号内所列各组之和' })];
}

/**
 * Whether every label is a kind of the thing the whole counts, named before its number ("共有科室 56 个（临床科室 21 个，医技
 * 科室 7 个，…）"): each ends with that noun, says more than it, and is another.
 */
function kindsOfNoun(labels: string[], whole: string): boolean {
  const noun = /(\p{Script=Han}{2})[0-9]+\p{Script=Han}$/u.exec(whole)?.[1];
  if (!noun || /^(?:共有|现有|设有|拥有|设置|共计|总数|数为|数是)$/u.test(noun)) return false;
  return (
    labels.length >= 2 &&
    new Set(labels).size === labels.length &&
    labels.every((l) => l.endsWith(noun) && l.length > noun.length && !CROSS_CUTTING.test(l))
  );
}

/**
 * Whether groups of `unit` with these labels, written one after another, may be nested in one another (groupsNested,
 * over the labels alone: a group the later ones name, a 小计).
 */
function labelsNested(labels: string[], unit: string, items: number[], siblings: boolean): boolean {
  const written = labels.map((l) => `，${l}0${unit}`).join('');
  return groupsNested(written, [...allMatches(written, new RegExp(`([0-9]+)${unit}`, 'gu'))], items, siblings);
}

/** The classes of a classing that a label names. */
function classesOf(label: string, classes: RegExp[]): number[] {
  const plain = label.replace(/（[^（）]*）/gu, '');
  return classes.flatMap((c, i) => (c.test(plain) ? [i] : []));
}

/** Whether every label names one class of one known classing of the groups' counter, each another. */
function siblingClasses(labels: string[], unit: string): boolean {
  if (labels.length < 2) return false;
  return CLASSINGS.some(({ counter, classes }) => {
    if (!counter.test(unit)) return false;
    const named = labels.map((label) => classesOf(label, classes));
    return named.every((c) => c.length === 1) && new Set(named.map((c) => c[0])).size === labels.length;
  });
}

/** Whether the last of the labels is the class of all the others ("其他用车"), closing a list of every class. */
function closesWithOther(labels: string[]): boolean {
  return labels.length >= 3 && /^其他/u.test((labels.at(-1) ?? '').replace(/^其中/u, ''));
}

/**
 * Labels that are kinds of one thing, the last the rest of it: "内科床位、外科床位、其他床位" — each ending with the same
 * noun, each another, none inside another.
 */
function oneNoun(labels: string[]): boolean {
  const last = (labels.at(-1) ?? '').replace(/^其他/u, '');
  if (last.length < 2 || new Set(labels).size !== labels.length) return false;
  return labels.every(
    (l, i) => l.endsWith(last) && l.length > last.length && labels.every((o, j) => i === j || !o.includes(l)),
  );
}

/** Groups of men and of women, alone: the whole split in two ("其中男生 540 人，女生 510 人"). */
function bySex(labels: string[]): boolean {
  if (labels.length !== 2) return false;
  const [a, b] = labels as [string, string];
  const man = (l: string) => /男/u.test(l) && !/女/u.test(l);
  const woman = (l: string) => /女/u.test(l) && !/男/u.test(l);
  return (man(a) && woman(b)) || (woman(a) && man(b));
}

/**
 * Whether the whole a sentence ends with owns the 其中 that opens the next sentence although the sentence counted
 * other things before it: those were all wholes of another kind (posts, where the whole counts people: "编制人数 60
 * 人，实有人数 58 人。其中在职…" — the groups are people, read as people), or the groups are each a kind of retired
 * staff under a 离退休 whole ("在职人员 26 人，离退休人员 12 人。其中：离休 3 人，退休 10 人").
 */
function ownsGroups(before: string, whole: string, headcount: boolean, labels: string[]): boolean {
  if (/离退休/u.test(whole) && labels.length > 0 && labels.every((l) => RETIRED.test(l) && !/离退休/u.test(l)))
    return true;
  if (!headcount) return false;
  const posts = /编制/u.test(whole);
  const left = before.replace(HEADCOUNT, (w: string) => (/编制/u.test(w) !== posts ? '' : w));
  return !/[0-9]+[人名]/u.test(left);
}

/** Whether some of the numbers, added in order from the first, make `n`. */
function prefixReaches(items: number[], n: number): boolean {
  let sum = 0;
  return items.some((x) => {
    sum += x;
    return sum === n;
  });
}

/**
 * The groups of a whole that go on after one of them was broken down up to a ；("其中：在职 60 人，其中行政 35 人、
 * 事业 25 人；退休 30 人"): those after the ；up to the sentence's end, in the whole's counter — none when no ；closes
 * the breakdown, or another whole opens after it ("；实有人数 …", "；学生人数 …").
 */
function resumedGroups(tail: string, from: number, group: RegExp, unit: string): RegExpMatchArray[] {
  const semi = tail.indexOf('；', from);
  if (semi < 0) return [];
  const after = oneCounter(tail.slice(semi + 1));
  const segments = after.split('；');
  const kept: string[] = [];
  for (const segment of segments) {
    if (NEXT_WHOLE.test(segment) || /学生|床位|班级/u.test(segment)) break;
    kept.push(segment);
  }
  const found = [
    ...allMatches(
      kept
        .join('；')
        .replace(/（[^（）]*）/gu, '')
        .replace(HAN_GROUP, hanDigits),
      group,
    ),
  ];
  // every group written in the whole's counter (a "主要用于…" remark or another counter ends nothing: no group)
  return unit ? found : [];
}

/** A staff group's label, people (not posts): 在职, 离休, 退休, 离退休, 遗属, other staff. */
const STAFF_GROUP = /^(?:年末)?(?:在职|离休|退休|离退休|遗属|其他)(?:人员|职工|干部)?(?:人数)?(?:小计)?(?:为|是)?$/u;
/** A kind of post: "行政编制", "全额拨款事业编制", "工勤编制". */
const POSTS_GROUP = /^(?!.*(?:实有|在职|人员))\p{Script=Han}{0,12}编制(?:人?数)?(?:为|是)?$/u;

/**
 * A whole's groups written with no 其中, 包括 or 分别为 to open them: right after it in its sentence ("实有人数 88 人，
 * 在职人员 55 人，退休人员 35 人"), or, when the whole ends its sentence, as the whole next sentence ("核定编制 42 名。
 * 行政编制 20 名，事业编制 18 名，工勤编制 5 名。"). Read only when every clause there is one group — a name and its
 * number, no more — and the names are of the whole's kind: staff groups under a number of people (在职 among them),
 * kinds of post under a number of posts, each a class of a known classing (vehicles, units, schools) under a count
 * in their counter. With nothing to say the list is complete, only groups adding up to more than the whole are
 * wrong — or a list of classes that closes with 其他, naming every one, adding up to anything else.
 */
function unintroducedGroups(
  { p, m, headcount, unit, sentence, tail }: WholeCount,
  nextSentence: true | undefined,
): Claim[] {
  if (nextSentence) return [];
  const text = p.n.text;
  const end = (m.index ?? 0) + m[0].length;
  // a "whole" that is itself one of a list's groups ("其中：行政编制人数 0 人，事业编制人数 9 人"), or follows another
  // count of its kind in its sentence, is not read as opening groups of its own
  const before = text.slice(sentence.start, m.index);
  if (/其中|包括|分别|、/u.test(before)) return [];
  if (new RegExp(`[0-9]+(?:${unit}|[人名])`, 'u').test(before) && !ownsGroups(before, m[0], headcount, [])) return [];
  let where = sentence;
  let words = tail;
  if (/^。?$/u.test(tail)) {
    // the whole ends its sentence: the next sentence, read whole
    const from = sentence.end + (text[sentence.end] === '。' ? 1 : 0);
    if (from >= text.length) return [];
    const next = sentenceAt(p, from);
    if (next.start > from) return [];
    where = { start: sentence.start, end: next.end };
    words = text.slice(from, next.end);
  } else if (end !== sentence.start && !/^，/u.test(text.slice(end))) return [];
  // groups at two levels ("在职人数 49，行政在职人数 19、…"): which make the whole is not certain
  if (/，/u.test(words) && /、/u.test(words)) return [];
  const clauses = oneCounter(words.replace(/[。；]$/u, ''))
    .split(/[，、；]/u)
    .filter((c) => c !== '');
  const counter = headcount ? '[人名]' : unit;
  const clause = new RegExp(`^(?<label>\\p{Script=Han}[^0-9]*?)(?<n>[0-9]+)(?:${counter})$`, 'u');
  const parsed = clauses.map((c) => clause.exec(c)?.groups);
  if (parsed.length < 2 || parsed.some((g) => !g)) return [];
  const labels = parsed.map((g) => (g?.label ?? '').replace(/（[^（）]*）/gu, ''));
  const items = parsed.map((g) => Number(g?.n ?? '0'));
  const n = Number(m.groups?.n ?? '0');
  const whole = m[0];
  let kind: boolean;
  if (headcount && /编制/u.test(whole)) kind = labels.every((l) => POSTS_GROUP.test(l));
  else if (headcount || unit === '人' || unit === '名')
    kind =
      !/在职/u.test(whole) &&
      labels.every((l) => STAFF_GROUP.test(l)) &&
      (/离退休/u.test(whole)
        ? labels.every((l) => RETIRED.test(l) && !/离退休/u.test(l))
        : labels.some((l) => /在职/u.test(l)));
  else kind = siblingClasses(labels, unit) || (closesWithOther(labels) && oneNoun(labels));
  if (!kind) return [];
  const sum = items.reduce((a, b) => a + b, 0);
  // one within another (a 小计, a kind named inside another) or one the sum of those after it: not certain
  if (labelsNested(labels, unit, items, siblingClasses(labels, unit))) return [];
  const staff = headcount || unit === '人' || unit === '名';
  const notRetired = labels.reduce((a, l, i) => (RETIRED.test(l) ? a : a + (items[i] ?? 0)), 0);
  if (staff && notRetired === n) return [];
  const complete = !staff && closesWithOther(labels);
  if (sum === n || (sum < n && !complete)) return [];
  const named = headcount ? (m.groups?.unit ?? '人') : unit;
  return [groupsCount(p, where, { start: m.index ?? 0, end }, { n, counter: named, sum, what: '其后所列各组之和' })];
}

/**
 * "内设 36 个科室，14 个管理科室和 21 个临床医技科": a count, then after its comma groups written number first, the
 * last joined by 和/及/与 and the clause ending there — a breakdown in apposition, every group named (the 和 closes
 * it). Read only when each group's noun is a kind of the count's (it ends with the noun, or with the noun's first
 * character: 科 of 科室).
 */
const APPOSITE =
  /(?<n>[0-9]+)个(?<what>[^，。；：0-9（）、]{1,6})，(?<groups>[0-9]+个[^，。；：（）]{1,80}?)(?=[。；]|$)/gu;

function appositeGroups(s: ParaState): Claim[] {
  const { p } = s;
  const out: Claim[] = [];
  for (const m of allMatches(p.n.text, APPOSITE)) {
    const what = m.groups?.what ?? '';
    const groups = m.groups?.groups ?? '';
    // where a number follows: 、 between the groups, 和/及/与 before the last
    const marks = [...allMatches(groups, /[、和及与](?=[0-9])/gu)];
    const lastMark = marks[marks.length - 1]?.[0] ?? '';
    if (!/[和及与]/u.test(lastMark) || marks.slice(0, -1).some((x) => x[0] !== '、')) continue;
    const starts = [0, ...marks.map((x) => x.index + 1)];
    const parts = starts.map((from, i) => /^([0-9]+)个([^0-9]+)$/u.exec(groups.slice(from, marks[i]?.index)));
    const kind = (label: string) =>
      label.length > what.length - 1 && (label.endsWith(what) || label.endsWith(what[0] ?? ''));
    if (parts.some((x) => !x || !kind(x[2] ?? ''))) continue;
    const n = Number(m.groups?.n ?? '0');
    const sum = parts.reduce((a, x) => a + Number(x?.[1] ?? '0'), 0);
    if (sum === n) continue;
    const span = { start: m.index, end: m.index + m[0].length };
    out.push(groupsCount(p, sentenceAt(p, m.index), span, { n, counter: '个', sum, what: '其后所列各组之和' }));
  }
  return out;
}

/**
 * "在职人数小计 24，包括行政在职人数 9，全部补助事业在职人数 15 人": a headcount's groups each naming the whole's own
 * kind of staff (在职, 编制, 实有, 离退休) are its groups past the 包括 clause's comma too — two or more of them and
 * every clause of the list with a number so named.
 */
function eachNamesWhole(listed: string, whole: string, headcount: boolean): boolean {
  const key = /在职|编制|实有|离退休/u.exec(whole)?.[0];
  if (!headcount || !key) return false;
  const numbered = listed.split(/[，、]/u).filter((clause) => /[0-9]/u.test(clause));
  return numbered.length >= 2 && numbered.every((clause) => clause.includes(key));
}

/**
 * What separates the groups of a list: a mark, or 和 / 及 / 以及 / 与 between two of them — not the 及 of a rank and
 * those above it ("副部（省）级及以上领导用车 0 辆" is one group).
 */
const GROUP_SEPARATOR = /[、，；]|以及|和|及(?!以[上下])|与/u;

/**
 * "共有预算单位 860 个，包括某总局机关和 12 个直属事业单位、28 个省级局…": a group named without a
 * number (the 机关 itself, one or more units) among the numbered ones counts too, by a number the text does not
 * write: the numbered groups may add up to less than the whole, never to more. (Words after the last numbered
 * group, "…，均为财政拨款购置", are a remark, no group; so are they when a figure of another kind follows them:
 * "…其他用车 1 辆，其他用车主要是…；单价 100 万元以上设备 2 台" — numbered means counted in the list's own unit.)
 */
function unnumberedGroup(groups: string, group: RegExp): boolean {
  const parts = groups.split(GROUP_SEPARATOR);
  const numbered = (g: string) => /[一二两三四五六七八九十]/u.test(g) || [...allMatches(g, group)].length > 0;
  const last = parts.length - 1 - [...parts].reverse().findIndex(numbered);
  return parts.slice(0, last).some((g) => /\p{Script=Han}{2}/u.test(g) && !numbered(g));
}

/** Whether `from` and the groups written one after another, from the first, add up to `n` at some point. */
function reachesWhole(groups: RegExpMatchArray[], n: number, from: number): boolean {
  let sum = from;
  return (
    sum === n ||
    groups.some((x) => {
      sum += Number(x[1] ?? x[2]);
      return sum === n;
    })
  );
}

/**
 * The words after a count that may list its groups: the rest of its sentence — or, when the count closes its
 * sentence, the next sentence if that opens with 其中 ("离退休人员 18 人。其中：离休 11 人，退休 7 人") or 包括
 * ("所辖 17 个单位。主要包括中学 2 所、…"). The sentence
 * the claim stands in covers both.
 */
function groupsAfter(p: ParaState['p'], end: number): { sentence: Span; tail: string; nextSentence?: true } {
  const text = p.n.text;
  const sentence = sentenceAt(p, end - 1);
  const own = text.slice(end, sentence.end);
  // (the count's noun may close the sentence after it: "所辖 17 个单位。主要包括…")
  if (/^(?:[^，。；0-9]{0,6}(?:单位|学校|机构|科室|处室|股室|部门))?。?$/u.test(own) && end < text.length) {
    const from = sentence.end + (text[sentence.end] === '。' ? 1 : 0);
    const next = sentenceAt(p, from);
    if (next.start <= from && /^(?:其中|(?:主要)?包括)/u.test(text.slice(from)))
      return {
        sentence: { start: sentence.start, end: next.end },
        tail: text.slice(from, next.end),
        nextSentence: true,
      };
  }
  return { sentence, tail: own.replace(/^，/u, '') };
}

/** A number of posts: "编制人数 31 人", "行政编制 19 人" (not people within or outside them: "编制内人员 40 人"). */
const POSTS = /编制(?:人?数)?(?:为|是)?$/u;

/** The words before each group found: from the end of the group before it (or the list's start). */
function gapsBefore(groups: string, found: RegExpMatchArray[]): string[] {
  return found.map((x, i) => {
    const prev = found[i - 1];
    return groups.slice(prev ? (prev.index ?? 0) + prev[0].length : 0, x.index);
  });
}

/** A group of people named by what cuts across a unit's staff groups: sex, party, age, schooling, rank of title. */
const CROSS_CUTTING = /女|男|党员|团员|少数民族|[0-9]{2}后|青年|博士|硕士|研究生|本科|大专|职称/u;

/** A group's name: the last clause of the words before its number. */
function groupLabel(gap: string): string {
  return gap.split(/[，、；：]/u).pop() ?? '';
}

/** The words right before a change's figure: "比上年减少", "与上年相比增加了", "增加" (no group's name ends so). */
const CHANGE_BEFORE = /(?:增加|减少|增长|下降|上升|降低|持平)了?(?:为)?$/u;

/** A group of retired staff (离休, 退休, 离退休), by its name. */
const RETIRED = /离休|退休/u;

/** A unit's headcount as the final accounts' staff table states it: "年末实有人数", "实有人数" (no 编制, no 在职). */
const ACTUAL_HEADCOUNT = /^实有(?:人数|人员)|^(?:年末|年初)人数/u;

/**
 * Groups that are the staff table's split of a unit's 实有人数, each named once: 在职 (人员), 离休 (人员), 退休 (人员) —
 * three groups, no other (a list naming its own groups, "在职 57 人，编外聘用 9 人，…，离休 0 人，退休 34 人", may count
 * the retired beside the whole).
 */
function staffTablePartition(labels: string[]): boolean {
  const plain = labels.map((l) => l.replace(/^(?:其中|包括)：?/u, '').replace(/(?:人员|职工|人数)$/u, ''));
  return plain.length === 3 && plain.includes('在职') && plain.includes('离休') && plain.includes('退休');
}

/** The sum of the groups found that are not retired staff (each group's name is the last clause of its gap). */
function retiredBeside(gaps: string[], written: RegExpMatchArray[], found: RegExpMatchArray[]): number {
  return found
    .filter((x) => !RETIRED.test(groupLabel(gaps[written.indexOf(x)] ?? '')))
    .reduce((a, x) => a + Number(x[1] ?? x[2]), 0);
}

/** Whether a group counts posts, by the words between it and the group before. */
function countsPosts(gap: string): boolean {
  return POSTS.test(groupLabel(gap));
}

/** The number of people a unit has, another whole than its posts: "在职实有人数 25 人", "实有人数 25 人", "在职人数 25 人". */
const PEOPLE = /(?:实有|在职)(?:实有)?人[数员](?:为|是)?$/u;

function countsPeople(gap: string): boolean {
  return PEOPLE.test(groupLabel(gap));
}

/**
 * Whether one group may be broken down by the groups after it, written side by side with no 其中 or 包括 to say so:
 * "其中：在职人数 49，行政在职人数 19、全部补助事业在职人数 17、…" (the ，and 、 part two levels), "在职人数 11 人，
 * 行政在职人数 0 人，全部补助事业在职人数 11 人" (a later group names an earlier one: 行政在职 is some of 在职), or a
 * group that the groups right after it add up to. Which groups make the whole is then not certain.
 */
function groupsNested(groups: string, found: RegExpMatchArray[], items: number[], siblings = false): boolean {
  const gaps = gapsBefore(groups, found);
  // (a gap with no mark at all, a group's number run on into the next name, is of neither level)
  const comma = gaps.slice(1).filter((g) => /[，；]/u.test(g)).length;
  const marked = gaps.slice(1).filter((g) => /[，；、]/u.test(g)).length;
  // — unless every run of groups joined by 、 opens the list: no group stands before it to be what it breaks down
  // ("其中行政编 26 人、事业编 16 人，扶持岗人员 25 人，其他人员 6 人" is one level)
  const runAfterParent = gaps.some(
    (g, i) => i >= 2 && !/[，；]/u.test(g) && /、/u.test(g) && /[，；]/u.test(gaps[i - 1] ?? ''),
  );
  // (a bracket closing between groups leaves the levels unknown: "在职 11 人（其中临聘 1 人、志愿者 1 人），退休 6 人")
  const bracketed = gaps.some((g) => /[（）]/u.test(g));
  if (comma > 0 && comma < marked && (runAfterParent || bracketed)) return true;
  // ("在职人数小计 7 人，全部补助事业在职人数 7 人": a 小计 is a whole of the groups after it; "参照公务员法管理的事业编制
  // 人数 39 人，事业编制人数 39 人": a later group may name a kind an earlier one is of — either way one is within the other)
  const labels = gaps.map((g) => groupLabel(g).replace(/(?:人数|人员|人)?(?:小计|合计)?(?:为|是)?$/u, ''));
  const within = (a: string, b: string) =>
    a.length >= 2 && b.length >= 2 && b !== a && (b.includes(a) || a.includes(b));
  if (labels.some((a, i) => labels.slice(i + 1).some((b) => within(a, b)))) return true;
  // (groups that are each one class of a known classing — vehicles by use, units by funding — are never one another's)
  return (
    !siblings &&
    items.some((a, i) => {
      let after = 0;
      for (let j = i + 1; j < items.length; j++) {
        after += items[j] as number;
        if (j >= i + 2 && a > 0 && after === a) return true;
      }
      return false;
    })
  );
}

/**
 * "设 7 个内设机构，分别为：办公室、…、综合股。", "设立 2 个内设机构，分别是…", "下属 5 个二级预算单位，分别是：…",
 * "…；9 个班组，包括绿化班、…",
 * "内设机构 13 个，含 5 个行政办公室，分别是…" (a group of the units opened by 含, 其中 or 包括 names its own),
 * "设 4 个部室：办公室、…": the names listed after 分别为/分别是/包括 or a colon up to the clause's end, one per 、 (a 、
 * inside brackets is no separator), ended by 。 or ；: a list the line ends in may go on past a page break
 * ("分别是：办公室、教务处、").
 * Read only when each name is plainly one: no comma in the list, no number and no 等 (the list is not complete), and
 * no 和/及/与 that may join two names (joinsTwo). A 包括 may name only some of them: more names than the count is
 * an error; fewer only when another 包括 of the same sentence names all of its own count (the writer lists in full).
 */
const NAMED =
  /(?:设有|下设|设立|设置|设|有|下属|所属|含|其中|包括|其他|其余|(?<=^|[，。；：])|(?<=\p{Script=Han})(?<![第一二两三四五六七八九十和及与]))(?<n>[0-9]+|[一二两三四五六七八九十]{1,3})个(?<what>[^，。；：0-9]{1,8})(?:，?(?<intro>分别(?:为|是)|包括|(?=：))|，(?<intro2>即|内设|下设|设有|设置|具体(?:为|是)))：?(?<list>[^。；，]+)(?=[。；]|，(?<next>[^，。；]*))/gu;
/** Nouns of the sections a unit sets up inside itself, which 内设/下设/设有/设置 list. */
const ORGAN_KIND = /机构|科室|股室|处室|部室|职能|科|股|处|室|部门|组|班|队/u;

/**
 * The same with the name first and the count after it, the names in apposition: "直属事业单位 10 个，即甲中心、
 * 乙中心、…", "内设机构 12 个：办公室、…", "共有二级预算单位 3 个：甲、乙、丙" ("即" and a colon name them all, as
 * 分别为 does), "内设处室 10 个，包括：办公室、…" (包括 may name only some, as after a count written first), "专门委员会
 * 设办事机构 4 个：…".
 */
const NAMED_AFTER =
  /(?<=^|[，。；：]|设|设有|设立|设置|共有|所属|下属)(?<what>[^，。；：0-9]{1,8}?)(?<n>[0-9]+|[一二两三四五六七八九十]{1,3})个，?(?<intro>即|分别(?:为|是)|具体(?:为|是)|包括|(?=：))：?(?<list>[^。；，]+)(?=[。；]|，(?<next>[^，。；]*))/gu;

/**
 * The count ending its sentence and the next sentence naming them: "本局内设机构 5 个。分别为：办公室、…", "下设 3 个
 * 二级单位。具体是：甲、乙、丙。" (分别为, 具体为 or 即 opening it, the names up to its end).
 */
const NAMED_NEXT_SENTENCE =
  /(?<![0-9])(?<n>[0-9]+|[一二两三四五六七八九十]{1,3})个(?<what>[^，。；：0-9]{0,8})。(?<intro>分别(?:为|是)|具体(?:为|是)|即(?![将使便可时刻]))：?(?<list>[^。；，]+)(?=[。；]|，(?<next>[^，。；]*)|$)/gu;

/**
 * The count in one sentence, its noun said again opening the next one with the names: "我局内设股室 6 个，二级机构 2 个。
 * 内设股室分别是：办公室、…", "设 5 个内设机构。内设机构分别为…" — the noun (the count's last words, or its words after
 * 个) the same in both, so the names are of that count whatever else the first sentence counts.
 */
const NAMED_NOUN_AGAIN = [
  /(?<what>[^，。；：0-9个]{2,6})(?:为|有|共|共有|共计)?(?<n>[0-9]+|[一二两三四五六七八九十]{1,3})个(?=[，；。])[^。]*。(?:其中，?)?\k<what>(?<intro>分别(?:为|是)|具体(?:为|是)|依次(?:为|是)|即)：?(?<list>[^。；，]+)(?=[。；]|$|，(?<next>[^，。；]*))/gu,
  /(?<![0-9])(?<n>[0-9]+|[一二两三四五六七八九十]{1,3})个(?<what>[^，。；：0-9]{2,6})(?=[，；。])[^。]*。(?:其中，?)?\k<what>(?<intro>分别(?:为|是)|具体(?:为|是)|依次(?:为|是)|即)：?(?<list>[^。；，]+)(?=[。；]|$|，(?<next>[^，。；]*))/gu,
];

/**
 * A count ending its clause, then the names in order after a few words of how they are ordered: "超过百亿元的高校有
 * 8 所，预算从多到少依次是：甲大学、乙大学、…", "共 5 家，分别是…". Words that say only some are named (前三, 其中,
 * 主要, 部分, 最…) leave it alone.
 */
const NAMED_ORDERED =
  /(?<n>[0-9]+|[一二两三四五六七八九十]{1,3})(?<counter>个|所|家)，(?<lead>[^，。；：0-9]{0,12}?)(?<intro>依次(?:是|为)|分别(?:是|为))：?(?<list>[^。；，]+)(?=[。；])/gu;

/**
 * The names in a bracket right after the count and its noun: "共设置 7 个科室（组织人事科、安全科、…）、1 个办公室" —
 * each name a unit's or an office's (ending as names end), the bracket naming every one of the count.
 */
const NAMED_BRACKET =
  /(?<n>[0-9]+|[一二两三四五六七八九十]{1,3})(?<counter>个)(?<what>[^，。；：（）0-9、]{1,6}?(?:科室|处室|股室|部室|机构|部门|中心|单位|科|股|处|室|部|队|所|站|组))（(?<list>[^（）]+)）/gu;

/**
 * The same with the noun first: "内设机构 4 个（办公室、财务科、业务科、信息科）" — the bracket right after the count naming
 * every one of them, each ending as an office's or a unit's name does.
 */
const NAMED_BRACKET_AFTER =
  /(?<=^|[，。；：]|设|设有|设立|设置|共有|所属|下属)(?<what>[^，。；：（）0-9]{1,8}?(?:科室|处室|股室|部室|机构|部门|中心|单位|科|股|处|室|部|队|所|站|组))(?:为|有|共|共有|共计)?(?<n>[0-9]+|[一二两三四五六七八九十]{1,3})(?<counter>个)（(?<list>[^（）]+)）/gu;

/**
 * The names first, then the count after a comma with 共/共计/合计: "内设机构有：办公室、财务科、业务科，共 3 个", "内设办公室、
 * 财务科、业务科，共计 3 个科室" — the count of all the names just listed (after the verbs NAMED_BEFORE reads, or a colon).
 */
const NAMED_BEFORE_TOTAL =
  /(?<intro>设置|设有|下设|内设|设立|下辖|所辖|管辖|包括|包含|：)(?<list>[^，。；：]+?)，(?:共计|合计|总计|共)(?:有)?(?<n>[0-9]+|[一二两三四五六七八九十]{1,3})个(?<what>[^，。；：0-9、和及与]{0,8}?)(?=[。；]|$)/gu;

/**
 * A count, then its names separated by ；after a colon (or 分别为, 即), the list ending the sentence: "本院设有科室 4 个，分别
 * 是：办公室；财务科；医务科；信息科。" — each piece a plain name (an office's or a unit's ending), no clause.
 */
const NAMED_SEMICOLONS = [
  /(?<![0-9])(?<n>[0-9]+|[一二两三四五六七八九十]{1,3})个(?<what>[^，。；：0-9]{1,8}?)，?(?<intro>分别(?:为|是)|即|具体(?:为|是)|(?=：))：?(?<list>[^。；，：]{2,16}(?:；[^。；，：]{2,16})+)(?=。|$)/gu,
  /(?<=^|[，。；：]|设|设有|设立|设置|共有|所属|下属)(?<what>[^，。；：0-9]{1,8}?)(?<n>[0-9]+|[一二两三四五六七八九十]{1,3})个，?(?<intro>分别(?:为|是)|即|具体(?:为|是)|(?=：))：?(?<list>[^。；，：]{2,16}(?:；[^。；，：]{2,16})+)(?=。|$)/gu,
];

/** A count closing the clause right before another count's ("综合办事机构 2 个，" before "专门工作机构 7 个，分别是…"). */
const PRIOR_COUNT = /(?<k>[0-9]+|[一二两三四五六七八九十]{1,3})个[^，。；：0-9]{0,8}，$/u;

/** Words before an ordered list that say it names only some of the count. */
const SOME_NAMED = /前|其中|主要|部分|重点|最|如|例|包括/u;
/**
 * Words before 分别是 naming a kind of their own ("所属二级预算单位为 11 个，行政单位分别是：…"): the names are of that
 * kind only, a part of the count, not all of it.
 */
const KIND_NAMED = /(?:单位|机构|科室|部门|学校|医院|中心|企业|公司|人员)$/u;

/**
 * The names first and the count after them, in apposition, ending the clause: "学校设置甲处、乙处、丙室三个职能科室",
 * "内设办公室、财务科 2 个科室" — every one of the count is named (a bracket after the counter is a note). The
 * thing counted is an office or a unit (科室, 机构, 中心…), not posts or people. So are the places and units a unit
 * oversees or is made of: "辖甲、乙、丙 3 个社区", "下辖甲公司、乙处 2 个二级单位", "设立甲、乙 2 个街道办事处", "包括：
 * 甲医院、市 110 急救站两个单位" (the names after 辖, 包括 or a colon; digits run into a name are part of it).
 */
const NAMED_BEFORE =
  /(?<intro>设置|设有|下设|内设|设立|(?<![建开假铺增陈摆预架])设|下辖|所辖|管辖|(?<![直统])辖|包括|包含|共有|现有|拥有|(?<=^|[，。；：]|部门|单位|决算|预算)由|：)(?<list>[^，。；：]+?)(?:共计|合计|共)?(?<![0-9])(?<n>[0-9]+|[一二两三四五六七八九十]{1,3})个(?:（[^（）]{0,8}）)?(?<what>(?:[^，。；：0-9、和及与一二两三四五六七八九十]{0,4}[一二三]级)?[^，。；：0-9、和及与一二两三四五六七八九十]{0,6}(?:科室|处室|股室|部室|机构|部门|中心|科|股|处|室|部|队|所|站|组|社区|行政村|村|居委会|村委会|乡镇|乡|镇|街道|单位|学校|医院|卫生院|幼儿园|小学|中学|公司|企业))(?=[。；，]|组成|构成)/gu;

/**
 * "甲、乙、丙、丁等 3 个城市", "完成甲、乙、丙等 2 个项目": a list closed by 等 and a count, anywhere — the count may
 * be of more than are named, never of fewer: the names separated by 、 are at least so many (a name joined to the
 * next by 和 only adds one; words before the first name belong to it). Read only when the list holds no number,
 * no other 等 and no bracket left open.
 */
const NAMED_BY_EXAMPLE =
  /(?<=^|[，。；：])(?<list>[^，。；：]+?)等(?<n>[0-9]+|[一二两三四五六七八九十]{1,3})(?<counter>个|项|家|所)(?<what>[^，。；：、0-9（]{0,6}?(?:单位|部门|机构|科室|股室|处室|中心|社区|村|乡镇|街道|项目|学校|医院|企业|城市|县|区))?/gu;

/**
 * Whether a list holds a figure: digits not run into a name ("市110急救站", "第2中学" are names) — a number with its
 * counter, measure or date ("3 个", "12 人", "5 万元", "2023 年") or ending the list.
 */
function figureIn(list: string): boolean {
  return (
    /[0-9]+(?:\.[0-9]+)?(?:[个人名万亿元%％年月日号项家所条辆台张套次批期届岁.,，]|$)/u.test(list) ||
    /^[0-9]/u.test(list)
  );
}

/**
 * Whether names written before a count are all of it, each one thing: not "…在内的" (among others), not "以…为代表/为主"
 * (examples), no 的 after the first name ("甲局、乙局的 3 个科室" counts the offices of both), no number of places
 * ("甲、乙两县的…"), and no office of a committee and a government named together ("县委、县政府办公室" is one; "人大、政府机关"
 * are two: what follows 政府 is no office the two may share).
 */
function apposite(list: string): boolean {
  const pieces = list.split('、');
  return (
    !/在内|为代表|为主|为首|之类|以外|以及其他|其他/u.test(list) &&
    !pieces.slice(1).some((x) => x.includes('的')) &&
    !/[一二两三四五六七八九十][县区市镇乡村级]/u.test(list) &&
    !pieces.some(
      (x, i) =>
        /(?:党委|党组|[县市区镇乡]委|委员会|人大)$/u.test(x) &&
        /^[县市区镇乡]?(?:人民)?政府.*办(?:公室)?$/u.test(pieces[i + 1] ?? ''),
    )
  );
}

/** The thing a count's words name, without "数量"/"数" and a copula after it ("内设机构数量", "内设机构数为" → 内设机构). */
function countedKind(what: string): string {
  return what.replace(/(?:数量|数目|数)?(?:为|是|有|共)?$/u, '');
}

/** The things counted whose names a list ended by a comma may hold: units, offices, places. */
const UNIT_KIND =
  /(?:单位|机构|科室|股室|处室|部室|部门|中心|社区|村|居委会|乡镇|街道|学校|医院|站|所|队|组|班|科|股|处|室|部)$/u;

/**
 * A clause that counts or measures something of its own ("下设三个年级组", "核定编制 28 人", "另有 2 个二级单位纳入…"): no
 * more names of a list before it, whatever it ends with.
 */
const OWN_COUNT =
  /[一二两三四五六七八九十]{1,3}(?:个|名|人|所|家|项)|[0-9]+(?:\.[0-9]+)?(?:个|人|名|万|亿|元|%|％|年|项|家|所|条|辆|台|张|套|次|批|平方|亩)/u;

/** Whether the clause after a list's comma is no more of its names (listEnded). */
function listEnded(next: string): boolean {
  const plain = withoutBrackets(next);
  if (plain.length >= 4 && !/[、]/u.test(plain) && OWN_COUNT.test(plain)) return true;
  return (
    plain.length >= 3 &&
    !/[、]/u.test(plain) &&
    !/^(?:以及|及|和|与|还有|另有|另|并)/u.test(plain) &&
    !UNIT_END.test(plain) &&
    !PLACE_END.test(plain) &&
    !/(?:中心|社区|村|组)$/u.test(plain)
  );
}

/** The characters a place's name ends with: an area of the 县 level or below. */
const PLACE_END = /..[市县区镇乡旗]$/u;

/** The characters a unit's or an office's name ends with (局, 中心, 科, 股, 室, 队…). */
const UNIT_END = new RegExp(`[${INSTITUTION_CHARS}科股系]$`, 'u');

/**
 * Whether a 和/及/与 in a list may join two names ("财务科和审计科"): the words before it end as a name ends. One
 * inside a name ("某镇就业和社保服务所", "某区宣传和信访事务中心") follows words no name ends with.
 */
function joinsTwo(list: string): boolean {
  return [...allMatches(list, /[和及与]/gu)].some((m) => UNIT_END.test(list.slice(0, m.index)));
}

/**
 * The names of a 、 list, its last two joined by 和/及/与 ("…、教务科和学员科"): split there when both sides end as a
 * name ends; undefined when another 和 may join two names or be part of one.
 */
function listedNames(list: string): string[] | undefined {
  const names = list.split('、').filter((name) => name !== '');
  const last = names.at(-1) ?? '';
  const join = /^(.+?)[和及与](.+)$/u.exec(last);
  // (places too: "…、甲区、乙市和丙县" names three)
  const ends = (name: string) => UNIT_END.test(name) || PLACE_END.test(name);
  if (names.length >= 2 && join && ends(join[1] as string) && ends(join[2] as string)) {
    const rest = [...names.slice(0, -1), join[1] as string, join[2] as string];
    return rest.some((name) => joinsTwo(name)) ? undefined : rest;
  }
  return joinsTwo(list) ? undefined : names;
}

/**
 * The names of a 、 list where a 和/及/与 inside a piece may join two names or be part of one ("家庭和儿童工作部",
 * "语训部及康复部"): the pieces as names, and how many of them may be two — each such piece has one 和 only, with a
 * name's ending on both sides of it. Undefined when a piece is less plain than that.
 */
function namesWithJoins(list: string): { names: string[]; extra: number } | undefined {
  const names = list.split('、').filter((name) => name !== '');
  if (names.length < 2) return undefined;
  let extra = 0;
  for (const name of names) {
    const joins = [...allMatches(name, /[和及与]/gu)].filter((m) => UNIT_END.test(name.slice(0, m.index)));
    if (joins.length === 0) continue;
    const at = joins[0]?.index ?? 0;
    if (joins.length > 1 || !(UNIT_END.test(name) || PLACE_END.test(name)) || at + 1 >= name.length) return undefined;
    extra += 1;
  }
  return { names, extra };
}

/**
 * A "name" that is several run together, their 、 left out ("火化车间治丧服务部业务接待部"): an office's ending after
 * some words, more words, and an office's ending again — how many names the list holds is not written.
 */
function runsTogether(name: string): boolean {
  // (an office's character opening the name is no ending: "组织人事科", "室内设计科" are one name each; nor is one
  // opening a word inside it: "教育科学文化卫生委员会办公室", "信息处理中心", "党建组织部")
  return /.[部科室处股组队](?<![干内全局外东南西北中]部)(?![学技研普理织])[^、]{2,}(?:部|科|室|处|股|组|队|中心)$/u.test(
    name,
  );
}

/**
 * One counter of a compound count: "一室", "三处", "两科", "6 部", "3室" — offices counted by the character their names
 * end with, the number in words or in digits.
 */
const COMPOUND_PART = /(?<n>[一二两三四五六七八九十]{1,3}|[0-9]{1,2}) ?个?(?<office>[室处科股部办队所站组])/gu;
const COMPOUND = '(?:(?:[一二两三四五六七八九十]{1,3}|(?<![0-9.])[0-9]{1,2} ?)个?[室处科股部办队所站组]){2,}';

/**
 * "内设一室三处，分别为办公室、…", "机关设两科一室：综合科、…", "内设一室四处，即…", "内设 6 部 3 室，即：…": a count of two or more kinds of
 * office, each by its name's last character, then the names; "内设甲科、乙科及办公室共两科一室": the names first.
 */
const COMPOUND_AFTER = new RegExp(
  `(?:设有|下设|内设|设立|设)(?<counts>${COMPOUND})，?(?<intro>分别(?:为|是)|包括|即|(?=：))：?(?<list>[^。；，]+)(?=[。；]|$)`,
  'gu',
);
const COMPOUND_BEFORE = new RegExp(
  `(?:设置|设有|下设|内设|设立|设)(?<list>[^，。；：0-9]+?)(?:共计|合计|共)?(?<counts>${COMPOUND})(?=[。；，]|$)`,
  'gu',
);

/** The kind of office a name is, among the counters: its last character — 办公室 an 办 where 办 is counted. */
function officeOf(name: string, offices: readonly string[]): string | undefined {
  if (offices.includes('办') && /办(?:公室)?$/u.test(name)) return '办';
  const last = name.at(-1) ?? '';
  return offices.includes(last) ? last : undefined;
}

/**
 * Compound counts against their names: every kind counted must have as many names ending as it does. Read only when
 * every name is one of the kinds counted (a "中心" among 室 and 处 says the count is of something else) and the list
 * is plainly names (listedNames).
 */
function compoundCounts(s: ParaState): Claim[] {
  const { p } = s;
  const out: Claim[] = [];
  for (const m of [...allMatches(p.n.text, COMPOUND_AFTER), ...allMatches(p.n.text, COMPOUND_BEFORE)]) {
    const g = m.groups as { counts: string; list: string; intro?: string };
    const list = withoutBrackets(g.list);
    if (/[0-9等（）：]|[一二两三四五六七八九十]个/u.test(list)) continue;
    const names = listedNames(list);
    const parts = [...allMatches(g.counts, COMPOUND_PART)].map((x) => ({
      n: countOf(x.groups?.n ?? ''),
      office: x.groups?.office ?? '',
    }));
    const offices = parts.map((x) => x.office);
    if (!names || names.length < 2 || new Set(offices).size !== offices.length) continue;
    const kinds = names.map((name) => officeOf(name, offices));
    if (kinds.some((k) => k === undefined)) continue;
    const intro = g.intro === undefined ? '“设”后' : g.intro === '' ? '冒号后' : `“${g.intro}”`;
    for (const { n, office } of parts)
      out.push({
        kind: 'count',
        countId: 'named',
        n,
        counter: '个',
        target: {
          listed: { count: kinds.filter((k) => k === office).length, paras: [], what: `${intro}所列的“${office}”` },
        },
        ...place(p, sentenceAt(p, m.index), { start: m.index, end: m.index + m[0].length }),
      });
  }
  return out;
}

/**
 * A list with its brackets taken out, brackets inside brackets too: "招商局（环编发（2011）44 号）" (a document's number in
 * lenticular brackets inside a note) is the name 招商局.
 */
function withoutBrackets(list: string): string {
  let out = list;
  for (let prev = ''; prev !== out; ) {
    prev = out;
    out = out.replace(/（[^（）]*）/gu, '');
  }
  return out;
}

/** Every reading of namedCounts counts in one of these: a paragraph writing none of them names no count. */
const NAMED_COUNTERS = /[个项家所]/u;

/** Fewest names a 包括 list runs to before stopping one short of its count reads as a slip (oneShort). */
const LONG_LIST = 5;

/**
 * "内设 12 个职能科，包括：甲、乙、…" naming eleven, up to the sentence's end: a unit's offices set up inside it (the unit
 * itself never among them) listed at length and stopping one short are no sample — a sample names a few ("下设 8 个
 * 科室，包括办公室、财务科、人事科") — but the count or a name written wrong. Not a count of units (a 包括 list of them
 * may leave out the unit's own 本级), nor a list the sentence goes on after ("，另设…").
 */
function oneShort(
  text: string,
  m: RegExpMatchArray & { index: number },
  g: { what?: string; next?: string },
  fewest: number,
  extra: number,
  n: number,
): boolean {
  const setUp = /设/u.test(text.slice(Math.max(0, m.index - 2), m.index) + m[0].slice(0, 2));
  return (
    setUp &&
    g.next === undefined &&
    extra === 0 &&
    fewest >= LONG_LIST &&
    fewest === n - 1 &&
    ORGAN_KIND.test(g.what ?? '') &&
    !/单位/u.test(g.what ?? '')
  );
}

function namedCounts(s: ParaState): Claim[] {
  const { p } = s;
  const text = p.n.text;
  if (!NAMED_COUNTERS.test(text)) return [];
  // (a bracket of names each ending as an office's or a unit's name does, no 等: NAMED_BRACKET)
  const bracketed = [...allMatches(text, NAMED_BRACKET), ...allMatches(text, NAMED_BRACKET_AFTER)].filter((m) =>
    (m.groups?.list ?? '').split('、').every((name) => UNIT_END.test(name) || /中心$/u.test(name)),
  );
  // (names separated by ；: each plainly a name, read as a 、 list)
  const semicolons = NAMED_SEMICOLONS.flatMap((re) => [...allMatches(text, re)]).filter((m) => {
    const pieces = (m.groups?.list ?? '').split('；');
    // (numbered pieces, "（1）甲；（2）乙", are numbered items: numbered-count.ts reads them)
    const plain = (x: string) => !/[、和及与（）()0-9①-⑳]/u.test(x) && (UNIT_END.test(x) || /中心$/u.test(x));
    if (!m.groups || !pieces.every(plain)) return false;
    m.groups.list = pieces.join('、');
    return true;
  });
  // (a count ending its sentence, the next naming them: only when that sentence counts nothing else)
  const nextSentence = [...allMatches(text, NAMED_NEXT_SENTENCE)].filter((m) => {
    const start = Math.max(text.lastIndexOf('。', m.index - 1), text.lastIndexOf('；', m.index - 1)) + 1;
    const own = text.slice(start, m.index + m[0].indexOf('。'));
    return [...allMatches(own, /[0-9一二两三四五六七八九十]个/gu)].length === 1;
  });
  // (the noun said again: its groups as the other readings name them)
  // (only when the first sentence counts that noun once: "2022 年内设科室 6 个，2023 年内设科室 7 个。内设科室分别为…"
  // names the one of them the text does not say)
  const again = NAMED_NOUN_AGAIN.flatMap((re) => [...allMatches(text, re)]).filter((m) => {
    const what = (m.groups?.what ?? '').replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
    const start = text.lastIndexOf('。', m.index) + 1;
    const own = text.slice(start, text.indexOf('。', m.index));
    const counted = new RegExp(
      `${what}(?:为|有|共|共有|共计)?[0-9一二两三四五六七八九十]+个|[0-9一二两三四五六七八九十]个${what}`,
      'gu',
    );
    return [...allMatches(own, counted)].length === 1;
  });
  const named = [
    ...allMatches(text, NAMED),
    ...allMatches(text, NAMED_AFTER),
    ...bracketed,
    ...nextSentence,
    ...again,
    ...semicolons,
  ];
  // (a list NAMED or NAMED_AFTER read already is not read again in order)
  const ordered = [...allMatches(text, NAMED_ORDERED)].filter(
    (m) =>
      !SOME_NAMED.test(m.groups?.lead ?? '') &&
      !KIND_NAMED.test(m.groups?.lead ?? '') &&
      !named.some((o) => o.index + o[0].length === m.index + m[0].length),
  );
  const matches = [
    ...[...named, ...ordered].map((m) => ({ m, before: false })),
    ...[...allMatches(text, NAMED_BEFORE), ...allMatches(text, NAMED_BEFORE_TOTAL)].map((m) => ({ m, before: true })),
  ];
  const lists = matches.flatMap(({ m, before }) => {
    const g = m.groups as {
      n: string;
      what?: string;
      list: string;
      intro?: string;
      intro2?: string;
      counter?: string;
      next?: string;
    };
    // "下属 5 个直属单位：甲、乙、丙、丁、戊，下属单位均不独立核算": a list ended by a comma is read only when what
    // follows is plainly no more names — no 、, not ending as a name ends, not joined on (及、以及、和…)
    // — and only names of units or offices, each ending as such a name does (or a short bare name): no clauses
    // ("主要是三个原因：一是…，…")
    if (g.next !== undefined && (!listEnded(g.next) || !UNIT_KIND.test(countedKind(g.what ?? '')))) return [];
    // "设 6 个内设机构，内设甲、乙……", "下设 3 个科室，设有甲、乙……", "设 4 个内设机构，即甲、乙……": the count's clause, then
    // the verb again (or 即) naming every one of them, as 分别为 does
    // — but 内设/下设/设有/设置 name the count's members only when its noun is the kind they set up (机构, 科室, 股室 …):
    // "下设 2 个事业单位，内设办公室、财务股、执法股" names the office's own sections, not the two units
    if (g.intro2 !== undefined && /^(?:内设|下设|设有|设置)$/u.test(g.intro2) && !ORGAN_KIND.test(g.what ?? ''))
      return [];
    if (g.intro2 !== undefined) g.intro = g.intro2;
    // "内设办公室、财务科、人事科等 3 个科室": a list closed by 等 may name every one or only some of the count — never
    // more names than it
    const bracketsOut = withoutBrackets(g.list);
    const byExample = /[^、]等(?:等)?$/u.test(bracketsOut);
    const list = byExample ? bracketsOut.replace(/等(?:等)?$/u, '') : bracketsOut;
    // "三个科室和两个中心，分别为：…": names of two counts (twoCountsNamedClaims), no list of the first alone
    if (/[0-9一二两三四五六七八九十]个/u.test(g.what ?? '')) return [];
    if (/[0-9一二三四五六七八九十]个|[等（）：]/u.test(list) || figureIn(list)) return [];
    // names before their count that may be only some of it, or of other things: "包括甲、乙在内的 4 个单位", "以甲、乙
    // 为代表的…", "甲局、乙局的 3 个科室" (the offices of two units), "县委、县政府办公室" (one office of two)
    if (before && !apposite(list)) return [];
    // (a 和 that may join two names or be part of one: the names are so many or up to `extra` more)
    const loose = listedNames(list) ? undefined : namesWithJoins(list);
    const names = listedNames(list) ?? loose?.names;
    const extra = loose?.extra ?? 0;
    if (!names || names.length < 2 || names.some(runsTogether)) return [];
    if (
      g.next !== undefined &&
      !names.every((x) => x.length <= 4 || UNIT_END.test(x) || PLACE_END.test(x) || /(?:中心|社区|村)$/u.test(x))
    )
      return [];
    const n = countOf(g.n);
    // "内设 22 个职能部门和政治部，包括…、政治部、…": one body named beside the count (和/及/以及/与 and its name) may
    // stand in the list too — its name among them and one name more than the count is that reading
    const beside = BESIDE_COUNT.exec(g.what ?? '')?.groups?.name;
    if (beside && names.length === n + 1 && names.includes(beside)) return [];
    // "某局及 6 个直属单位（包括某局、甲、…）": a bracket after a count joined on by 及/和 may name the unit before the
    // join too — one name more than the count is that reading (NAMED reads no count after 及 at all)
    const joined = !before && g.intro === undefined && /(?:及|和|与)$/u.test(text.slice(0, m.index));
    if (joined && n + 1 >= names.length && n + 1 <= names.length + extra) return [];
    // "综合办事机构 2 个，专门工作机构 7 个，分别是…" (nine names): a count just before, one clause back, may be named in the
    // same list — names as many as both counts together are of both
    const prior = PRIOR_COUNT.exec(text.slice(Math.max(0, m.index - 30), m.index));
    const both = prior ? n + countOf(prior.groups?.k ?? '') : undefined;
    if (!before && both !== undefined && both >= names.length && both <= names.length + extra) return [];
    return [{ m, g, before, n, listed: names.length, extra, sentence: sentenceAt(p, m.index), byExample }];
  });
  const out: Claim[] = [];
  // lists closed by 等 anywhere, not read above: more names than the count is wrong
  for (const m of allMatches(text, NAMED_BY_EXAMPLE)) {
    const end = m.index + m[0].length;
    if (lists.some((o) => o.m.index < end && m.index < o.m.index + o.m[0].length)) continue;
    // (an outline number opening the paragraph is no name: "1、内设机构…")
    const whole = withoutBrackets(m.groups?.list ?? '').replace(
      /^(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})[、.．]/u,
      '',
    );
    // "甲、乙、…、丁及下属 5 个二级单位等 6 个机构": the names, and a count of more after them — at least so many
    const more =
      /^(?<names>.+?)(?:及|和|以及)(?:下属|所属|直属)?(?<k>[0-9]{1,2}|[一二两三四五六七八九十]{1,3})个[^、0-9]{1,8}$/u.exec(
        whole,
      );
    const list = more?.groups?.names ?? whole;
    if (/[（）等]|[0-9]|[一二两三四五六七八九十]{1,3}[个名人所家项级类批位县区市镇乡村]/u.test(list) || !apposite(list))
      continue;
    const pieces = list.split('、').filter((x) => x.trim() !== '');
    const n = countOf(m.groups?.n ?? '');
    const named = pieces.length + (more ? countOf(more.groups?.k ?? '') : 0);
    if (pieces.length < 2 || named <= n) continue;
    out.push({
      kind: 'count',
      countId: 'named',
      n,
      counter: m.groups?.counter ?? '个',
      target: { listed: { count: named, paras: [], what: `“等”前所列${m.groups?.what || '名称'}` } },
      ...place(p, sentenceAt(p, m.index), { start: m.index, end }),
    });
  }
  for (const { m, g, before, n, listed: fewest, extra, sentence, byExample } of lists) {
    if (byExample && fewest <= n) continue;
    // as many as the count in some reading of the list's 和: no error to tell
    if (!byExample && n >= fewest && n <= fewest + extra) continue;
    const listed = n < fewest ? fewest : fewest + extra;
    // 包括 may name only some ("下设 8 个科室，包括办公室、财务科、人事科"): fewer names than the count is wrong only
    // when another 包括 of the sentence names all of its count ("下设 3 个科室，包括甲、乙、丙；5 个业务部门，包括…")
    // (names written before their count, in apposition, are all of it: "包括甲、乙、丙共 4 个单位")
    const partial =
      !before &&
      g.intro === '包括' &&
      listed < n &&
      !oneShort(text, m, g, fewest, extra, n) &&
      !lists.some((o) => o.m !== m && o.g.intro === '包括' && o.sentence.start === sentence.start && o.listed === o.n);
    if (partial) continue;
    const intro = before
      ? `“${g.intro}”后`
      : g.intro === ''
        ? '冒号后'
        : g.intro === undefined
          ? '括号内'
          : `“${/^(?:即|包括|依次|内设|下设|设有|设置|具体)/u.test(g.intro) ? g.intro : '分别为'}”`;
    out.push({
      kind: 'count',
      countId: 'named',
      n,
      counter: g.counter ?? '个',
      target: { listed: { count: listed, paras: [], what: `${intro}所列${countedKind(g.what ?? '') || '名称'}` } },
      ...place(p, sentence, { start: m.index, end: m.index + m[0].length }),
    });
  }
  return out;
}
