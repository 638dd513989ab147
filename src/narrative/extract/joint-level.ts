import type { ParaClaims } from './across.js';

/** "收入、支出决算总计 A" — two flows named together before one figure, with no 各/均/分别 saying it is each one's. */
const JOINT = /(?:收入、支出|收、支|收支)(?:决算|预算)?(?:总计|合计)(?:为|是)?$/u;

/**
 * "…收入、支出决算总计 665.96 万元。…收、支总计各增加 C，增长 P%": the figure may be each flow's total or the two
 * together (a 决算's 收入总计 equals its 支出总计, so the two together are twice each) — a change said of each
 * (各/均) may be over half of it. Marks such comparisons `jointLevel`; the rate is checked against both readings.
 */
export function jointLevels(paras: ParaClaims[]): void {
  for (const pc of paras)
    for (const c of pc.claims) {
      if (c.kind !== 'yoy' || !c.current || !pc.p.amounts.includes(c.current)) continue;
      const text = pc.p.n.text;
      const each = /[各均]/u.test(text.slice(c.current.end, c.change.start));
      if (each && JOINT.test(text.slice(Math.max(0, c.current.start - 16), c.current.start))) c.jointLevel = true;
    }
}
