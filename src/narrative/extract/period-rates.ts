import type { Claim, PercentMention } from '../claims.js';
import { sameFigure } from '../claims.js';
import { sourceSlice } from '../text/normalise.js';
import type { ParaClaims } from './across.js';
import { place } from './para.js';
import { startingAt } from './spans.js';

/**
 * A sentence opening with its period and a figure's name: "1-4月，全县地方财政收入完成 A 万元，…，同比增长 R%",
 * "1-4月，地方财政收入增长 R%，主要是…", "上半年，全市一般公共预算支出增长 R%" — the name ends with 收入 or 支出.
 */
const OPENING =
  /^(?<period>(?:(?:19|20)[0-9]{2}年)?(?:[0-9]{1,2}(?:-|—|～|至)[0-9]{1,2}月(?:份)?|[一二三四1-4]季度|前[一二三]季度|上半年|下半年))[，,]\s*(?:全[省市县区国]|我[省市县区])?(?<name>[\u4e00-\u9fff]{3,16}?(?:收入|支出))(?=完成|实现|累计|增长|下降|为|达)/u;

/** From the name to its rate: its own figure's clauses at most ("完成 A 万元，占年度任务的 x%，同比"), no other name. */
const TO_RATE =
  /^(?:(?:完成|实现|累计完成|为|达)[0-9.,]+(?:万元|亿元|元)，(?:占[^，。；]{2,12}的[0-9.]+%，)?)?(?:同比|比上年同期|较上年同期|比上年|较上年)?(?<word>增长|下降)(?=[0-9])/u;

interface Said {
  pc: ParaClaims;
  rate: PercentMention;
  at: number;
}

/**
 * n.restated: one period's rate of one named figure stated twice with two values ("1-4月，全县地方财政收入完成 A 万元，…，
 * 同比增长 17.3%" and, in the section explaining the changes, "1-4月，地方财政收入增长 13.7%，主要是…"). Read only from
 * sentences opening with the period and the name (the area 全县/我县 aside), the rate the first of the sentence, in
 * another paragraph than the first statement; a name stated with two values already in its first paragraphs is left.
 */
export function periodRateClaims(paras: ParaClaims[]): Claim[] {
  const first = new Map<string, Said>();
  const out: Claim[] = [];
  for (const pc of paras) {
    const text = pc.p.n.text;
    for (const sentence of pc.p.sentences) {
      const head = OPENING.exec(text.slice(sentence.start, sentence.end));
      if (!head?.groups) continue;
      const from = sentence.start + head[0].length;
      const m = TO_RATE.exec(text.slice(from, sentence.end));
      if (!m?.groups) continue;
      const rate = startingAt(pc.p.percents, from + m[0].length);
      if (!rate) continue;
      const key = `${head.groups.period}:${head.groups.name}:${m.groups.word}`;
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, { pc, rate, at: sentence.start });
        continue;
      }
      if (earlier.pc === pc || sameFigure(earlier.rate, rate)) continue;
      const { p } = pc;
      out.push({
        kind: 'residue',
        residueId: 'period-rate-restated',
        check: 'narrative.restated',
        messageId: 'restated-period-rate',
        text: sourceSlice(p.n, sentence.start, rate.end),
        written: sourceSlice(p.n, sentence.start, rate.end),
        should: `${m.groups.word} ${sourceSlice(earlier.pc.p.n, earlier.rate.start, earlier.rate.end)}（${earlier.pc.p.para.id}）`,
        ...place(p, sentence, rate),
      });
    }
  }
  return out;
}
