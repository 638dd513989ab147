import type { Claim } from '../claims.js';
import { place, sentenceAt } from './para.js';
import { countOf } from './list-complete.js';
import type { ParaState } from './state.js';
import { allMatches } from '../../util/matches.js';

/**
 * "公共法律服务四大平台有序运行。…通过三大平台办理…": a set named by how many things it holds, "N 大" and a noun, its
 * numeral two to nine (not 十九大, 第三大, 一大批) and no ordinal before it. The noun's first character makes no word
 * with 大 (大队, 大会, 大学, 大类 …: "三大队" is the third brigade, "四大类" and "六大类" may class two things).
 */
const BIG_SET =
  /(?<![一二三四五六七八九十两第百千0-9])(?<n>[两三四五六七八九])大(?<noun>(?![队会学街道桥厦院赛楼型力幅量中小于修病额众家类批多约概致都体方部块项件事人师门口山河湖海江洋陆])[\u4e00-\u9fff]{2})/gu;

/** Words that tell the set grew or shrank between two mentions ("由三大平台拓展为四大平台"): no restatement. */
const CHANGED = /由|从|到|扩|拓|增|减|升|变|新|原|改|调整|整合|合并/u;

/**
 * The same set counted twice in a paragraph with two numbers ("四大平台" then "三大平台"): one of them is wrong. Read
 * only the first two mentions of a noun whose numbers differ, with no word of change between them.
 */
export function countRestatedClaims(s: ParaState): Claim[] {
  const { p } = s;
  const text = p.n.text;
  const first = new Map<string, RegExpExecArray>();
  const out: Claim[] = [];
  for (const m of allMatches(text, BIG_SET)) {
    const noun = m.groups?.noun ?? '';
    const earlier = first.get(noun);
    if (!earlier) {
      first.set(noun, m);
      continue;
    }
    const [a, b] = [countOf(earlier.groups?.n ?? ''), countOf(m.groups?.n ?? '')];
    if (a === b || CHANGED.test(text.slice(earlier.index + earlier[0].length, m.index))) continue;
    out.push({
      kind: 'count',
      countId: 'restated',
      messageId: 'count-restated',
      n: a,
      counter: `大${noun}`,
      target: { listed: { count: b, paras: [], what: `${m.groups?.n}大${noun}` } },
      ...place(p, sentenceAt(p, earlier.index), { start: earlier.index, end: earlier.index + earlier[0].length }),
    });
    first.delete(noun);
  }
  return out;
}
