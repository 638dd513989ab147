import type { Claim } from '../claims.js';
import type { ParaClaims } from './across.js';
import { writtenNumber } from './mentions.js';
import { place, sentenceAt } from './para.js';

/**
 * "…占预算的 R%，超过时间进度 X 个百分点" (快于 / 高于, or 低于 / 慢于 / 落后): the time gone by, as a share of the year, is
 * R − X (R + X when behind). An execution rate only: the words before R name a 预算, 任务 or 计划.
 */
const AGAINST_TIME =
  /(?<rate>[0-9]+(?:\.[0-9]+)?)%[，,](?<word>超过|超出|超|快于|高于|领先|低于|慢于|落后于?)(?:同期)?(?:时间|序时)进度(?<points>[0-9]+(?:\.[0-9]+)?)个?百分点/gu;
const OF_PLAN = /(?:预算|任务|计划)[^，。；]{0,6}$/u;
const BEHIND = /低于|慢于|落后/u;

/**
 * n.rate: two execution rates each set against the time gone by, in one paragraph or the next ("收入…占预算的
 * 56.6%，超过时间进度 6.6 个百分点"; "支出…占预算的 53.5%，超过时间进度 4.5 个百分点"): the same report's time has one
 * share — R − X must agree, within the rounding of the figures written. Each later statement of the run carries a claim against the first.
 */
export function timeProgressClaims(paras: ParaClaims[]): Claim[] {
  const out: Claim[] = [];
  let last = Number.NEGATIVE_INFINITY;
  let previous: (Extract<Claim, { kind: 'time-progress' }>['first'] & { index: number }) | undefined;
  paras.forEach(({ p }, index) => {
    const text = p.n.text;
    for (const m of text.matchAll(AGAINST_TIME)) {
      const { rate, word, points } = m.groups ?? {};
      if (!rate || !word || !points) continue;
      if (
        !OF_PLAN.test(
          text
            .slice(Math.max(0, m.index - 30), m.index)
            .split(/[，。；]/u)
            .pop() ?? '',
        )
      )
        continue;
      const sentence = sentenceAt(p, m.index);
      const entry = {
        rate: { ...writtenNumber(rate), text: `${rate}%` },
        points: { ...writtenNumber(points), text: `${points}个百分点` },
        behind: BEHIND.test(word),
        para: p.para,
        quote: place(p, sentence).quote,
      };
      // each against the first of its run (statements in one paragraph or the next, one after another)
      if (previous && index - last <= 1) {
        const { index: _, ...first } = previous;
        out.push({
          kind: 'time-progress',
          ...entry,
          first,
          ...place(p, sentence, { start: m.index, end: m.index + m[0].length }),
        });
      } else previous = { ...entry, index };
      last = index;
    }
  });
  return out;
}
