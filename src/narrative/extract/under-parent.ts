import type { Claim } from '../claims.js';
import type { ParaClaims } from './across.js';
import { sentenceAt } from './para.js';
import { commonStartLength, slotNameClaim, timesWritten } from './unit-name.js';
import { INSTITUTION_CHARS } from './unit-name-cut.js';
import { allMatches } from '../../util/matches.js';

/**
 * n.unit-name-mixed, the parent's name in its own units' names: "下属 3 个预算单位，分别为某市人民政府侨务办公室交流中心、
 * 某市人民政府外事办公室信息中心和某市人民政府外事办公室翻译中心" in the text of 某市人民政府外事办公室. Units under one unit
 * are named after it; where the list's other entries and the text elsewhere name the parent one way, an entry opening
 * with the parent's name with one word of two characters changed (外事 → 侨务), the changed name and its new word written nowhere else,
 * names no other parent — the own name is written wrong there.
 */

/** "下属 3 个预算单位，分别为…", "所属事业单位包括…", "下设机构：…": the units under a unit, listed. */
const UNDER_LIST =
  /(?:下属|所属|直属|下设)[^。；]{0,20}?(?:单位|机构)[^。；：]{0,10}?(?:分别为|分别是|包括|：)([^。；]+)/gu;
/** What separates a list's entries. */
const ENTRY_MARK = /、|以及|和|及/gu;
/** A parent's name ends as an institution's does: 办公室, 局, 委员会. */
const PARENT_END = new RegExp(`[${INSTITUTION_CHARS}]$`, 'u');
/** The shortest parent's name read: shorter ones may be a place and a word alike by chance. */
const PARENT_MIN = 6;
/** How many entries open with the parent at least, besides the one changed. */
const SIBLINGS_MIN = 2;
/** How many characters of the parent's name the change keeps at its end (its kind: 办公室) and the entry after it. */
const KEPT_MIN = 2;
/** How many characters the changed word holds: a word of the parent's field (外事, 侨务). */
const WORD = 2;
/** A sentence telling of the past or a merger: an old parent's name may stand in a unit's name. */
const HISTORY = /原|前身|更名|改名|撤销|合并|并入|划入|划转|整合|组建/u;

interface Entry {
  name: string;
  at: number;
}

function entriesOf(list: string, at: number): Entry[] {
  const out: Entry[] = [];
  let start = 0;
  for (const m of [...allMatches(list, ENTRY_MARK), { index: list.length, 0: '' }]) {
    out.push({ name: list.slice(start, m.index), at: at + start });
    start = (m.index as number) + m[0].length;
  }
  return out;
}

/** The longest start at least two entries share that ends as an institution's name ends. */
function parentOf(entries: Entry[]): string | undefined {
  let best = '';
  for (const [i, a] of entries.entries())
    for (const b of entries.slice(i + 1)) {
      let shared = a.name.slice(0, commonStartLength(a.name, b.name));
      while (shared && !PARENT_END.test(shared)) shared = shared.slice(0, -1);
      if (shared.length > best.length) best = shared;
    }
  return best.length >= PARENT_MIN ? best : undefined;
}

/** The parent's name as `entry` opens with it, one word of two characters changed, its kind kept. */
function changedParent(entry: string, parent: string): { head: string; word: string } | undefined {
  if (entry.startsWith(parent) || entry.length < parent.length + KEPT_MIN) return undefined;
  const head = entry.slice(0, parent.length);
  const start = commonStartLength(head, parent);
  let end = parent.length;
  while (end > start && head[end - 1] === parent[end - 1]) end -= 1;
  const [word, was] = [head.slice(start, end), parent.slice(start, end)];
  // a word of two changed whole (外事 → 侨务): one character changed may name another body (文化局, 文物局)
  if (word.length !== WORD || was.length !== WORD || parent.length - end < KEPT_MIN || start < KEPT_MIN)
    return undefined;
  return /^[\u4e00-\u9fff]+$/u.test(word) ? { head, word } : undefined;
}

export function underParentClaims(paras: ParaClaims[]): Claim[] {
  const times = (s: string): number => timesWritten(paras, s);
  const out: Claim[] = [];
  for (const { p } of paras)
    for (const m of allMatches(p.n.text, UNDER_LIST)) {
      const list = m[1] as string;
      const entries = entriesOf(list, m.index + m[0].length - list.length);
      const parent = parentOf(entries);
      if (!parent || times(parent) < SIBLINGS_MIN + 1) continue;
      if (entries.filter((e) => e.name.startsWith(parent)).length < SIBLINGS_MIN) continue;
      const changed = entries.flatMap((e) => {
        const found = changedParent(e.name, parent);
        return found ? [{ e, ...found }] : [];
      });
      if (changed.length !== 1) continue;
      const [{ e, head, word }] = changed as [(typeof changed)[number]];
      if (times(head) !== 1 || times(word) !== 1) continue;
      const sentence = sentenceAt(p, e.at);
      if (HISTORY.test(p.n.text.slice(sentence.start, sentence.end))) continue;
      out.push(slotNameClaim(p, e.at, head, 'unit-name-under-parent', parent));
    }
  return out;
}
