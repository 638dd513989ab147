import type { Claim } from '../claims.js';
import type { ParaClaims } from './across.js';
import { countOf } from './list-complete.js';
import { place, sentenceAt } from './para.js';
import { allMatches } from '../../util/matches.js';

/**
 * "减少的主要是三个原因：一是…；二是…；三是…", "主要因为两个方面：一是…，二是…": a count of reasons (aspects, measures,
 * points) right before the first of them, told one by one as 一是, 二是, ….
 */
const ORDINAL_COUNT =
  /(?<n>[两二三四五六七八九]|[2-9])(?<counter>个方面|个原因|个措施|方面|点|项)(?:的?原因|工作|措施|内容)?(?:如下)?[：，]?(?=一是)/gu;

/** The same count closing its paragraph, the items opening the paragraphs after it ("…主要有三个方面：" / "一是…"). */
const ORDINAL_COUNT_END =
  /(?<n>[两二三四五六七八九]|[2-9])(?<counter>个方面|个原因|个措施|方面|点|项)(?:的?原因|工作|措施|内容)?(?:如下)?[：，]?\s*$/gu;

const HAN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Where the k-th item (1-based) opens in `text` at or after `from`: "二是" after a mark, or -1. */
function itemAt(text: string, k: number, from: number): number {
  const re = new RegExp(`(?<=^|[：，；。、\\s（])${HAN[k - 1]}是`, 'gu');
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? m.index : -1;
}

/**
 * Where the list read from `from` in `text` ends at the latest: at the next 一是 (a second list begins) or at the
 * next count told item by item ("…三个原因：一是"), else the text's end.
 */
function listEnd(text: string, from: number): number {
  const first = itemAt(text, 1, from);
  const re = new RegExp(ORDINAL_COUNT.source, 'gu');
  re.lastIndex = from;
  const m = re.exec(text);
  const counted = m ? m.index : -1;
  const ends = [first, counted].filter((i) => i >= 0);
  return ends.length > 0 ? Math.min(...ends) : text.length;
}

/** Where a paragraph opening with the k-th item has it, after an outline mark if any ("一是…", "（二）二是…"), or -1. */
function opensWith(text: string, k: number): number {
  const m = new RegExp(`^(?:[（(]?[0-9一二三四五六七八九十]+[）)、.]\\s*)?${HAN[k - 1]}是`, 'u').exec(text);
  return m ? m[0].length - 2 : -1;
}

/**
 * n.count: the count against the items told 一是, 二是, … after it, in its paragraph (or from the next one, when the
 * count closes its own) and on into the paragraphs that open with the next item. Read only when the items are plainly
 * all there: the last one's sentence ends (。 or ；) before its paragraph does, or a paragraph follows it — an excerpt
 * cut in the middle of the list leaves it unread — and no item is skipped (一是, 三是 with no 二是 is no count of them).
 */
export function ordinalCountClaims(paras: readonly ParaClaims[]): Claim[] {
  const out: Claim[] = [];
  for (const [k, pc] of paras.entries()) {
    const text = pc.p.n.text;
    const below = paras[k + 1];
    const opening = below ? opensWith(below.p.n.text, 1) : -1;
    const matches = [
      ...allMatches(text, ORDINAL_COUNT),
      ...(below && opening >= 0 ? allMatches(text, ORDINAL_COUNT_END) : []),
    ];
    for (const m of matches) {
      const n = countOf(m.groups?.n ?? '');
      const start = m.index + m[0].length;
      const across = below !== undefined && opening >= 0 && start === text.length;
      let items = 1;
      let j = across ? k + 1 : k;
      let t = across ? (below as ParaClaims).p.n.text : text;
      let at = across ? opening : start;
      const listed = across ? [(below as ParaClaims).p.para] : [];
      let end = listEnd(t, at + 2);
      for (;;) {
        const next = itemAt(t, items + 1, at + 2);
        if (next >= 0 && next < end) {
          items += 1;
          at = next;
          continue;
        }
        // the list goes on in the next paragraph when it opens with the next item
        const following = paras[j + 1];
        const opens = following ? opensWith(following.p.n.text, items + 1) : -1;
        if (!following || opens < 0) break;
        j += 1;
        t = following.p.n.text;
        at = opens;
        end = listEnd(t, at + 2);
        items += 1;
        listed.push(following.p.para);
      }
      if (items === n || items >= HAN.length) continue;
      // the last item's sentence must end inside the text: a list cut off by the excerpt's end may go on
      const ended = /[。；;]/u.test(t.slice(at, end)) || end < t.length || paras[j + 1] !== undefined;
      if (!ended) continue;
      // one item told ("得益于两个方面，一是…。如…。" and no 二是): the rest may be told under other words (其次, 另一方面,
      // 同时) or past where an excerpt was cut — a list of one is no count of its items
      if (items === 1) continue;
      // a skipped ordinal further on ("一是…三是…") says the items are not counted as written
      const skipped = itemAt(t, items + 2, at + 2);
      if (skipped >= 0 && skipped < end) continue;
      out.push({
        kind: 'count',
        countId: 'named',
        n,
        counter: m.groups?.counter ?? '个',
        target: { listed: { count: items, paras: listed, what: '“一是、二是……”逐条列出的' } },
        ...place(pc.p, sentenceAt(pc.p, m.index), { start: m.index, end: start }),
      });
    }
  }
  return out;
}
