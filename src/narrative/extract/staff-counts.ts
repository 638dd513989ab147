import type { Claim, Span } from '../claims.js';
import { groupsCount, groupsCountAt } from './count-claim.js';
import { sentenceAt } from './para.js';
import type { ParaState } from './state.js';
import { allMatches } from '../../util/matches.js';

/**
 * A unit's people as a whole, then split into those in service and those retired: "现有人数 18 人，其中：在职编制 14 人；
 * 离退休 4 人", "现有干部职工 104 人（其中在职人员 80 人，离退休人员 24 人）", "共有干部职工 58 人，其中在职 43 人，退休 15
 * 人". The whole is a number of people the unit has (not posts: 编制 is read elsewhere).
 */
const STAFF_WHOLE =
  /(?:(?:现有|共有|在册)(?:人数|干部职工|教职工|职工|工作人员|人员|干部|员工)(?:总数)?|干部职工|职工总数)(?:人数)?(?:为|是|共|共计|合计)?(?<n>[0-9]+)(?<unit>人|名)(?<open>(?:，|（)(?:其中|包括|含)?：?)/gu;

/** One group: its name and number of people, up to the mark after it. */
const STAFF_GROUP = /^(?<label>[^0-9，、；。（）]{1,14}?)(?<k>[0-9]+)(?:人|名)(?<mark>[，、；）。]|$)/u;

/** A number of people, in digits or in words ("代课教师三人"): one more group after those read. */
const MORE_PEOPLE = /[0-9一二两三四五六七八九十](?:人|名)/u;

/** In service, however named ("在职人员", "在职编制", "在编在岗", "在岗职工"). */
const IN_SERVICE = /^(?:其中)?(?:在职|在编|在岗)/u;
/** Retired: 离退休, 退休, 离休. */
const RETIRED_GROUP = /^(?:其中)?(?:离退休|退休|离休)/u;

/**
 * The whole against its groups when they are one in service and one or two retired (离退休, or 离休 and 退休), every
 * group named and none else in the sentence: between them they are everyone the unit has, so they add up to the whole —
 * or, as some units write, the in-service group alone is the whole and the retired are counted beside it. Neither
 * reading fitting, a figure is wrong. Each whole read is marked taken (the general reading of groups leaves it).
 */
export function staffPartitionClaims(s: ParaState, taken: Span[]): Claim[] {
  const { p } = s;
  const text = p.n.text;
  const out: Claim[] = [];
  for (const m of allMatches(text, STAFF_WHOLE)) {
    const span = { start: m.index, end: m.index + m[0].length - (m.groups?.open ?? '').length };
    if (taken.some((t) => span.start < t.end && t.start < span.end)) continue;
    const bracketed = (m.groups?.open ?? '').startsWith('（');
    const groups: { label: string; k: number }[] = [];
    let at = m.index + m[0].length;
    let closed = false;
    for (let i = 0; i < 4; i++) {
      const g = STAFF_GROUP.exec(text.slice(at));
      if (!g) break;
      groups.push({ label: (g.groups?.label ?? '').trim(), k: Number(g.groups?.k) });
      at += g[0].length;
      const mark = g.groups?.mark ?? '';
      if (mark === '）' || mark === '。' || mark === '') {
        closed = bracketed ? mark === '）' : mark !== '）';
        break;
      }
      // a group closing the list: what follows has no number of people before the sentence ends
      if (!bracketed && mark === '，' && !MORE_PEOPLE.test(text.slice(at).split('。')[0] ?? '')) {
        closed = !STAFF_GROUP.test(text.slice(at));
        if (closed) break;
      }
    }
    if (!closed || groups.length < 2 || groups.length > 3) continue;
    const [first, ...rest] = groups;
    if (!first || !IN_SERVICE.test(first.label) || !rest.every((g) => RETIRED_GROUP.test(g.label))) continue;
    // (离退休 once, or 离休 and 退休 each once)
    const kinds = rest.map((g) => (/离退休/u.test(g.label) ? 'both' : /离休/u.test(g.label) ? 'li' : 'tui'));
    if (kinds.includes('both') ? kinds.length !== 1 : new Set(kinds).size !== kinds.length) continue;
    // the sentence goes on with no more people after a bracket closes ("…），下设 14 个科室")
    if (bracketed && MORE_PEOPLE.test(text.slice(at).split('。')[0] ?? '')) continue;
    taken.push(span);
    const n = Number(m.groups?.n);
    const sum = groups.reduce((a, g) => a + g.k, 0);
    if (sum === n || first.k === n) continue;
    out.push(
      groupsCount(p, sentenceAt(p, m.index), span, {
        n,
        counter: m.groups?.unit ?? '人',
        sum,
        what: '在职与离退休各组之和',
      }),
    );
  }
  return out;
}

/** People coming in over the year, by how: 调入, 新录用, 新分配 … */
const FLOW_IN = /调入|录用|分配|新进|新招|招聘|招录|考录|引进|接收|转入|新增|增加|补充|入职|安置/u;
/** People leaving over the year: 调出, 退休, 辞职 … */
const FLOW_OUT = /调出|调离|退休|离休|辞职|离职|死亡|去世|病故|减少|转出|解聘|辞退|开除|减员|清退/u;

/** A headcount at the year's start, the moves, and the headcount at its end, in one sentence. */
const FLOW =
  /年初(?<lead>[^0-9，。；：]{0,12}?)(?<x>[0-9]+)人(?<moves>(?:　{0,40}[，、；][^0-9，。；：　]{0,10}?[0-9]{1,5}人){1,12}?)　{0,40}[，；](?<endlead>[^0-9，。；：]{0,6}?年末[^0-9，。；：]{0,12}?)(?<y>[0-9]+)人/gu;

/**
 * "年初在职职工 125 人，期间调入 11 人，新分配 4 人，调出 5 人，年末在职职工 135 人": the headcount at the year's end is
 * the one at its start with those who came added and those who left taken away. Read only when every move between
 * them is plainly in or out (no 借调, no 其中 breaking one down), brackets left out, and the two headcounts name the
 * same people (or the end's names none).
 */
export function staffFlowClaims(s: ParaState): Claim[] {
  const { p } = s;
  // (a bracket's detail of a move is no move of its own: "增加 8 人（调入 5 人，录用 3 人）")
  const text = p.n.text.replace(/（[^（）]*）/gu, (b) => '　'.repeat(b.length));
  const out: Claim[] = [];
  for (const m of allMatches(text, FLOW)) {
    const g = m.groups as { lead: string; x: string; moves: string; endlead: string; y: string };
    const moves = [...allMatches(g.moves, /[，、；]\s*(?<label>[^0-9，、；　]{0,10}?)(?<k>[0-9]+)人/gu)];
    let sum = Number(g.x);
    let read = moves.length > 0;
    for (const mv of moves) {
      const label = mv.groups?.label ?? '';
      const into = FLOW_IN.test(label);
      const away = FLOW_OUT.test(label);
      if (into === away || /其中|包括|含|借调|临时|聘用|返聘/u.test(label)) read = false;
      sum += (into ? 1 : -1) * Number(mv.groups?.k);
    }
    const plain = (x: string) =>
      x.replace(/^[^在编职教干工人]*?(?=在|编|职|教|干|工|人)/u, '').replace(/[为是有]$/u, '');
    const endWho = plain(g.endlead.replace(/^.*年末/u, ''));
    const startWho = plain(g.lead);
    if (!read || (endWho !== '' && startWho !== '' && endWho !== startWho)) continue;
    const y = Number(g.y);
    if (sum === y) continue;
    out.push(groupsCountAt(p, m, g.y, { n: y, counter: '人', sum, what: '年初人数加减年内增减' }));
  }
  return out;
}
