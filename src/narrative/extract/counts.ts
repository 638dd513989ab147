import type { Claim, Span } from '../claims.js';
import { place, sentenceAt } from './para.js';
import type { ParaState } from './state.js';

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
  out.push(...groupCounts(s, taken));
  return out;
}

/**
 * "共 5 辆", "共有车辆 5 辆", "公务用车保有量 38 辆", "年末实有人数 62 人": a number of things that a 其中
 * may break down.
 */
const GROUPED =
  /(?:共(?:有|计)?\p{Script=Han}{0,4}?|保有量(?:为|是|共)?|实有人数(?:为|是|共)?)(?<n>[0-9]+)(?<unit>个|辆|人次|人|项|批次|家)/gu;

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
    const intro = /^[^。；]{0,4}?其中：?/u.exec(rest.replace(/^，/, ''));
    if (!intro) continue;
    const unit = m.groups?.unit ?? '';
    const items = [...rest.matchAll(new RegExp(`(?<![0-9.])([0-9]+)${unit}(?!元)`, 'gu'))].map((x) => Number(x[1]));
    if (items.length < 2) continue;
    out.push({
      kind: 'count',
      countId: 'groups',
      n: Number(m.groups?.n ?? '0'),
      counter: unit,
      target: { listed: { count: items.reduce((a, b) => a + b, 0), paras: [], what: '“其中”所列各组之和' } },
      ...place(p, sentence, span),
    });
  }
  return out;
}
