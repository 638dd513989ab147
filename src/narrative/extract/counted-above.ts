import type { AmountMention, Claim } from '../claims.js';
import { mentionApprox } from '../claims.js';
import { compareEq, sum } from '../../money/interval.js';
import { outlineNumber } from '../../util/outline.js';
import type { ParaClaims } from './across.js';
import { countOf } from './list-complete.js';
import { place, sentenceAt } from './para.js';
import { allMatches } from '../../util/matches.js';

/**
 * "上述三项收入合计 234992 万元", "以上两项合计收入 T 万元", "上述三项共计支出为 T": a count of the items stated above, and
 * the total they make (the flow it totals may stand after 合计 as well as before it).
 */
const ABOVE_SOURCE =
  '(?:上述|以上|前述|上列)(?<n>[0-9]+|[一二三四五六七八九十两])项[^，。；0-9]{0,8}?(?:合计|共计|总计)(?:收入|支出|资金|金额|经费)?(?:为|是)?：?';
const ABOVE = new RegExp(`^${ABOVE_SOURCE}`, 'u');
/**
 * The same count closing a sentence that lists the items itself ("…c 万元，上述三项合计 T"), or a sentence of its own
 * after sentences of the paragraph that state them ("基本支出 a 万元。项目支出 b 万元。上述两项合计支出 T 万元。").
 */
const ABOVE_IN_SENTENCE = new RegExp(`(?<=[，；。])${ABOVE_SOURCE}`, 'gu');

/** The number a numbered heading starts with ("3.调入资金安排情况" → 3, "二、…" → 2, "（四）…" → 4). */
function ordinalOf(heading: string): number {
  return outlineNumber(heading) ?? Number.NaN;
}

/** The first figure of a section that is a level, not a change ("安排 A 万元，比上年增加 C 万元" → A). */
function firstLevel(section: ParaClaims[]): AmountMention | undefined {
  for (const pc of section) {
    const level = pc.p.amounts.find((a) => !pc.changes.has(a));
    if (level) return level;
  }
  return undefined;
}

/**
 * n.count: "1.…安排情况" … "4.上年结余安排情况", then under the last one "上述三项收入合计 T" — the count
 * names fewer (or more) items than the numbered sections it closes. Read only when the extent is plain:
 * the sentence opens the paragraph right under the last of the numbered headings 1, 2, … k of one level
 * (the run starting after their parent heading), each section's first figure is positive, and those k
 * figures add up to T — so the total sums all k, and the count alone is wrong.
 */
export function countedAboveClaims(paras: ParaClaims[]): Claim[] {
  const out: Claim[] = [];
  paras.forEach((pc, index) => {
    const m = pc.p.level === undefined ? ABOVE.exec(pc.p.n.text) : null;
    if (!m) return;
    const total = pc.p.amounts.find((a) => a.start === m[0].length);
    const sections = numberedSectionsBefore(paras, index);
    if (!total || !sections || sections.length < 2) return;
    const levels = sections.map(firstLevel);
    if (levels.some((a) => a === undefined || a.value.lte(0))) return;
    const listed = sum((levels as AmountMention[]).map(mentionApprox));
    if (!compareEq(listed, mentionApprox(total)).consistent) return;
    const n = countOf(m.groups?.n ?? '');
    out.push({
      kind: 'count',
      countId: 'above',
      n,
      counter: '项',
      target: {
        listed: {
          count: sections.length,
          paras: sections.map((s) => (s[0] as ParaClaims).p.para),
          what: '上文编号列出、合计与之相符的各项',
        },
      },
      ...place(pc.p, sentenceAt(pc.p, 0), { start: 0, end: m[0].length }),
    });
  });
  return [...out, ...paras.flatMap(countedInSentence)];
}

/**
 * n.count: "…甲 a 万元、乙 b 万元、丙 c 万元、丁 d 万元，上述三项合计 T" — the items are the levels the
 * sentence states before the count. Read only when the extent is plain: every one of them together makes T,
 * and no run of them without the first few does (a total stated first, "收入 T，其中 a、b、c，上述三项合计
 * T′", or a leading zero item, leave which items are meant open): so the count alone is wrong.
 */
function countedInSentence(pc: ParaClaims): Claim[] {
  const out: Claim[] = [];
  const { p } = pc;
  for (const m of allMatches(p.n.text, ABOVE_IN_SENTENCE)) {
    const end = m.index + m[0].length;
    const total = p.amounts.find((a) => a.start === end);
    const sentence = sentenceAt(p, m.index);
    // a count opening its sentence totals the sentences before it in the paragraph
    const from = sentence.start === m.index ? 0 : sentence.start;
    const items = p.amounts.filter((a) => a.start >= from && a.end <= m.index && !pc.changes.has(a));
    if (!total || items.length < 2 || items.some((a) => a.value.lte(0))) continue;
    const makes = (run: AmountMention[]) => compareEq(sum(run.map(mentionApprox)), mentionApprox(total)).consistent;
    if (!makes(items) || items.slice(1, -1).some((_, k) => makes(items.slice(k + 1)))) continue;
    out.push({
      kind: 'count',
      countId: 'above',
      n: countOf(m.groups?.n ?? ''),
      counter: '项',
      target: {
        listed: {
          count: items.length,
          paras: [p.para],
          what: from === 0 ? '同一段前面列出、合计与之相符的各项' : '同一句前面列出、合计与之相符的各项',
        },
      },
      ...place(p, sentence, { start: m.index, end }),
    });
  }
  return out;
}

/**
 * The sections (heading and the running text under it) of the numbered headings 1 … k of one level that end
 * right before paras[index]: undefined unless they run 1, 2, … k from their parent heading (or the start).
 */
function numberedSectionsBefore(paras: ParaClaims[], index: number): ParaClaims[][] | undefined {
  let k = index - 1;
  while (k >= 0 && (paras[k] as ParaClaims).p.level === undefined) k -= 1;
  const level = paras[k]?.p.level;
  if (level === undefined) return undefined;
  const starts: number[] = [];
  for (; k >= 0; k -= 1) {
    const at = (paras[k] as ParaClaims).p.level;
    if (at === undefined) continue;
    if (at < level) break;
    if (at === level) starts.unshift(k);
  }
  const ordinals = starts.map((s) => ordinalOf((paras[s] as ParaClaims).p.n.text));
  if (!ordinals.every((o, i) => o === i + 1)) return undefined;
  return starts.map((s, i) => paras.slice(s, starts[i + 1] ?? index));
}
