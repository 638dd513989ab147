import type { Claim } from '../claims.js';
import type { ParaClaims } from './across.js';
import { writtenNumber } from './mentions.js';
import { place, sentenceAt } from './para.js';
import { allMatches } from '../../util/matches.js';

/**
 * "…占预算的 R%，超过时间进度 X 个百分点" (快于 / 高于, or 低于 / 慢于 / 落后): the time gone by, as a share of the year, is
 * R − X (R + X when behind). An execution rate only: the words before R name a 预算, 任务 or 计划.
 */
const AGAINST_TIME =
  /(?<rate>[0-9]+(?:\.[0-9]+)?)%[，,](?<word>超过|超出|超|快于|高于|领先|低于|慢于|落后于?)(?:同期)?(?:时间|序时)进度(?<points>[0-9]+(?:\.[0-9]+)?)个?百分点/gu;
const OF_PLAN = /(?:预算|任务|计划)[^，。；]{0,6}$/u;
const BEHIND = /低于|慢于|落后/u;

const CHINESE_MONTHS: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
  十一: 11,
  十二: 12,
};

/** The parts of the year a report of its execution names: "1-6 月", "1—9 月份", "1 至 5 月", "前 8 个月", "截至 6 月底", "上半年", "前三季度", "一季度". */
const PERIOD =
  /(?<![0-9])1\s*[-—–~～至到]\s*(?<to>[0-9]{1,2})\s*月|前(?<first>[0-9]{1,2}|十[一二]?|[一二三四五六七八九])个月|截[至止](?:[0-9]{4}年)?(?<end>[0-9]{1,2})月(?:底|末)|(?<half>上半年)|(?<three>前三季度)|(?<![前第二三四])(?:第)?(?<one>一季度)/gu;

/**
 * The one part of the year the text before a statement names (months from January); none when it names none, or
 * several different ones.
 */
function periodBefore(text: string): { months: number; text: string } | undefined {
  const found = new Map<number, string>();
  for (const m of allMatches(text, PERIOD)) {
    const g = m.groups ?? {};
    const months = g.to
      ? Number(g.to)
      : g.first
        ? ((Number(g.first) || CHINESE_MONTHS[g.first]) ?? 0)
        : g.end
          ? Number(g.end)
          : g.half
            ? 6
            : g.three
              ? 9
              : g.one
                ? 3
                : 0;
    if (months >= 1 && months <= 12) found.set(months, m[0]);
  }
  const only = found.size === 1 ? [...found][0] : undefined;
  return only ? { months: only[0], text: only[1] } : undefined;
}

/**
 * n.rate: two execution rates each set against the time gone by, in one paragraph or the next ("收入…占预算的
 * 56.6%，超过时间进度 6.6 个百分点"; "支出…占预算的 53.5%，超过时间进度 4.5 个百分点"): the same report's time has one
 * share — R − X must agree, within the rounding of the figures written. Each later statement of the run carries a claim against the first.
 */
export function timeProgressClaims(paras: ParaClaims[]): Claim[] {
  const out: Claim[] = [];
  let last = Number.NEGATIVE_INFINITY;
  let previous:
    | (NonNullable<Extract<Claim, { kind: 'time-progress' }>['first']> & { index: number; months?: number })
    | undefined;
  paras.forEach(({ p }, index) => {
    const text = p.n.text;
    for (const m of allMatches(text, AGAINST_TIME)) {
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
      // the part of the year the paragraph names before it ("2024 年 1-6 月…"): a run's first is held against it; a
      // paragraph naming another part than the run's starts a run of its own
      const period = periodBefore(text.slice(0, m.index));
      // each against the first of its run (statements in one paragraph or the next, one after another)
      const inRun =
        previous !== undefined &&
        index - last <= 1 &&
        !(period && previous.months !== undefined && period.months !== previous.months);
      if (inRun && previous) {
        const { index: _, months: __, ...first } = previous;
        out.push({
          kind: 'time-progress',
          ...entry,
          first,
          ...place(p, sentence, { start: m.index, end: m.index + m[0].length }),
        });
      } else {
        previous = { ...entry, index, ...(period ? { months: period.months } : {}) };
        if (period)
          out.push({
            kind: 'time-progress',
            ...entry,
            period,
            ...place(p, sentence, { start: m.index, end: m.index + m[0].length }),
          });
      }
      last = index;
    }
  });
  return out;
}
