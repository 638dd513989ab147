import type { Claim } from '../claims.js';
import type { ParaClaims } from './across.js';
import { countOf } from './list-complete.js';
import { circledNumeral, hanNumeral } from '../../util/outline.js';
import { place, sentenceAt } from './para.js';
import { allMatches } from '../../util/matches.js';

/**
 * "4 个事业单位：（1）甲保育院：…；（2）乙保育院：…；（3）…；（4）…。", "主要有两个方面：（一）…（二）…", "三项工作：
 * 1.…；2.…；3.…", "共 3 个项目：①…②…③…": a count closing its clause with a colon, the things counted told one by one
 * after it, each opened by its number (one way of numbering throughout).
 */
const NUMBERED_COUNT =
  /(?<![第0-9.一二两三四五六七八九十])(?<n>[0-9]{1,2}|[一二两三四五六七八九十]{1,3})(?<counter>个|项|家|所|条|点|方面)(?<what>[^，。；：（）0-9]{0,12}?)：\s*(?=（1）|（一）|1[.、．](?![0-9])|①)/gu;

/** The ways of numbering items: the k-th item's opening. */
const STYLES: { first: RegExp; mark: (k: number) => string }[] = [
  { first: /^（1）/u, mark: (k) => `（${k}）` },
  { first: /^（一）/u, mark: (k) => `（${hanNumeral(k)}）` },
  { first: /^1[.、．]/u, mark: (k) => `${k}[.、．](?![0-9])` },
  { first: /^①/u, mark: (k) => circledNumeral(k) },
];
/** Items beyond this many are a long enumeration, not the things a small count counts. */
const MAX_ITEMS = 15;

/** Where the item numbered by `mark` opens in `text` at or after `from` (after a mark or at a paragraph's start), or -1. */
function markAt(text: string, mark: string, from: number): number {
  if (mark === '') return -1;
  const re = new RegExp(`(?<=^|[：；。，\\s])${mark}`, 'gu');
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? m.index : -1;
}

/**
 * n.count: the count against the numbered items after it — in its paragraph, and on into the paragraphs that open with
 * the next number. Read only when the items are plainly all there and each is one of the things counted: the last
 * item's sentence ends, no number is skipped, no paragraph shortly after opens with the next number (the items may
 * have paragraphs of their own between them), and no item states a count in the same counter ("（1）基建类 5 个"
 * are groups of the count, not the things themselves).
 */
export function numberedCountClaims(paras: readonly ParaClaims[]): Claim[] {
  const out: Claim[] = [];
  for (const [k, pc] of paras.entries()) {
    const text = pc.p.n.text;
    for (const m of allMatches(text, NUMBERED_COUNT)) {
      const n = countOf(m.groups?.n ?? '');
      const counter = m.groups?.counter ?? '个';
      const start = m.index + m[0].length;
      const style = STYLES.find((s) => s.first.test(text.slice(start)));
      if (!style || !(n >= 2) || n > MAX_ITEMS) continue;
      let items = 1;
      let j = k;
      let t = text;
      let at = start;
      const bodies: string[] = [];
      const listed: ParaClaims['p']['para'][] = [];
      for (;;) {
        const next = markAt(t, style.mark(items + 1), at + 1);
        if (next >= 0) {
          bodies.push(t.slice(at, next));
          items += 1;
          at = next;
          continue;
        }
        const following = paras[j + 1];
        if (!following || !new RegExp(`^${style.mark(items + 1)}`, 'u').test(following.p.n.text)) break;
        bodies.push(t.slice(at));
        j += 1;
        t = following.p.n.text;
        at = 0;
        items += 1;
        listed.push(following.p.para);
      }
      bodies.push(t.slice(at));
      if (items === n || items >= MAX_ITEMS) continue;
      // the last item's sentence must end inside the text, and the next number must not open a paragraph soon after
      const last = t.slice(at);
      if (!/[。；]/u.test(last) && paras[j + 1] === undefined) continue;
      const resumes = paras
        .slice(j + 1, j + 4)
        .some((o) => new RegExp(`^${style.mark(items + 1)}`, 'u').test(o.p.n.text));
      if (resumes) continue;
      // a number skipped further on, in its paragraph ("（1）…（3）…") — the items are not numbered as counted
      if (markAt(t, style.mark(items + 2), at + 1) >= 0) continue;
      const counted = new RegExp(`[0-9一二两三四五六七八九十]+(?:${counter === '方面' ? '个方面' : counter})`, 'u');
      if (bodies.some((b) => counted.test(b))) continue;
      out.push({
        kind: 'count',
        countId: 'named',
        n,
        counter: counter === '方面' ? '个' : counter,
        target: { listed: { count: items, paras: listed, what: '逐条编号列出的' } },
        ...place(pc.p, sentenceAt(pc.p, m.index), { start: m.index, end: start }),
      });
    }
  }
  return out;
}
