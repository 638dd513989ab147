import type { Claim, Span } from '../claims.js';
import { place, sentenceAt } from './para.js';
import type { ParaState } from './state.js';
import { countOf } from './list-complete.js';
import { COUNTER } from './mentions.js';

/** "共涉及项目10个", "共涉及 4 个一级项目": the count; what it is compared with is resolved across paragraphs. */
export function countClaims(s: ParaState): Claim[] {
  const { p, catalog } = s;
  const taken: Span[] = [];
  const out: Claim[] = [];
  for (const cue of catalog.counts) {
    for (const m of p.n.text.matchAll(cue.cue)) {
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
  out.push(...groupCounts(s, taken), ...namedCounts(s));
  return out;
}

/**
 * "共 5 辆", "共有车辆 5 辆", "公务用车保有量 38 辆", "年末实有人数 62 人", "下属二级决算单位 2 个": a number of
 * things that a 其中 may break down.
 */
const GROUPED = new RegExp(
  `(?:共(?:有|计)?\\p{Script=Han}{0,4}?|保有量(?:为|是|共)?|实有人数(?:为|是|共)?|单位(?:有|为)?)(?<n>[0-9]+)(?<unit>${COUNTER})`,
  'gu',
);

/** What opens the groups: "，其中：", or "，为" naming what the whole is made of ("单位共 3 个，为行政单位 1 个、…"). */
const GROUPS_INTRO = /^[^。；]{0,4}?(?:其中|为)：?/u;

/**
 * "共有车辆 5 辆，其中：轿车 2 辆、越野车 2 辆", "年末公务用车保有量 38 辆，其中：…": the groups listed after 其中 (in the same sentence,
 * counted in the same unit) add up to the stated number. Amounts (万元) are never counted.
 */
function groupCounts(s: ParaState, taken: Span[]): Claim[] {
  const { p } = s;
  const text = p.n.text;
  const out: Claim[] = [];
  for (const m of text.matchAll(GROUPED)) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (taken.some((t) => span.start < t.end && t.start < span.end)) continue;
    const sentence = sentenceAt(p, m.index);
    // a headcount's groups end at the ；that opens the next figure ("…退休人员 22 人；年末其他人员 5 人")
    const tail = text.slice(span.end, sentence.end);
    const rest = m[0].startsWith('实有人数') ? (tail.split('；')[0] as string) : tail;
    const intro = GROUPS_INTRO.exec(rest.replace(/^，/, ''));
    if (!intro) continue;
    const unit = m.groups?.unit ?? '';
    // a second 其中 breaks one group down further ("…聘用人员 12 人，其中高级职称…"): the groups end there
    const opened = rest.indexOf('其中') + 2;
    const next = opened < 2 ? -1 : rest.indexOf('其中', opened);
    // a group's own detail in brackets ("事业单位 2 个（含参公单位 1 个）") is no group of its own
    const groups = (next < 0 ? rest : rest.slice(0, next)).replace(/（[^（）]*）/gu, '');
    const items = [...groups.matchAll(new RegExp(`(?<![0-9.])([0-9]+)${unit}(?!元)`, 'gu'))].map((x) => Number(x[1]));
    const n = Number(m.groups?.n ?? '0');
    const sum = items.reduce((a, b) => a + b, 0);
    // one group alone may be only some of the whole ("共 5 人，其中女职工 3 人"), but never more than it
    if (items.length === 0 || (items.length === 1 && sum <= n)) continue;
    out.push({
      kind: 'count',
      countId: 'groups',
      n,
      counter: unit,
      target: {
        listed: { count: sum, paras: [], what: intro[0].includes('其中') ? '“其中”所列各组之和' : '所列各组之和' },
      },
      ...place(p, sentence, span),
    });
  }
  return out;
}

/**
 * "设 9 个内设机构，分别为：办公室、…、项目服务股。": the names listed after 分别为/分别是 up to the clause's end,
 * one per 、 (a 、 inside brackets is no separator), ended by 。 or ；: a list the line ends in may go on
 * past a page break ("分别是：办公室、政教处、"). Read only when each name is plainly one: no comma in the
 * list, no 和/及/与 (a name may hold one: 招生和技术装备中心, so the count would be unsure) and no 等 (the list
 * is not complete).
 */
const NAMED =
  /(?:设有|下设|设|有)(?<n>[0-9]+|[一二三四五六七八九十])个(?<what>[^，。；：0-9]{1,8})，?分别(?:为|是)：?(?<list>[^。；，]+)(?=[。；])/gu;
/**
 * The same with the name first and the count after it, the names in apposition: "直属事业单位 10 个，即甲中心、
 * 乙中心、…" ("即" names them all, as 分别为 does).
 */
const NAMED_AFTER =
  /(?<=^|[，。；：])(?<what>[^，。；：0-9]{1,8}?)(?<n>[0-9]+|[一二三四五六七八九十])个，?(?<intro>即|分别(?:为|是))：?(?<list>[^。；，]+)(?=[。；])/gu;

function namedCounts(s: ParaState): Claim[] {
  const { p } = s;
  const out: Claim[] = [];
  for (const m of [...p.n.text.matchAll(NAMED), ...p.n.text.matchAll(NAMED_AFTER)]) {
    const g = m.groups as { n: string; what: string; list: string; intro?: string };
    const list = g.list.replace(/（[^（）]*）/gu, '');
    if (/[和及与等（）：]/u.test(list)) continue;
    const names = list.split('、').filter((name) => name !== '');
    if (names.length < 2) continue;
    out.push({
      kind: 'count',
      countId: 'named',
      n: countOf(g.n),
      counter: '个',
      target: {
        listed: { count: names.length, paras: [], what: `“${g.intro === '即' ? '即' : '分别为'}”所列${g.what}` },
      },
      ...place(p, sentenceAt(p, m.index), { start: m.index, end: m.index + m[0].length }),
    });
  }
  return out;
}
