import type { AmountMention, Claim } from '../claims.js';
import type { ParaClaims } from './across.js';
import { nil, signed } from './change-sum.js';
import { sentenceAt } from './para.js';
import { markStart } from './state.js';
import { NIL_WORDS } from '../text/nil-words.js';
import { allMatches } from '../../util/matches.js';

type Yoy = Extract<Claim, { kind: 'yoy' }>;

/** "财政拨款支出预算中，" "财政拨款收入中：": the fiscal money split by fund after it. */
const BY_FUND = /(?<head>财政拨款(?:收入|支出)(?:预算)?)(?:中|其中)[，,：:]/gu;

/** The three funds fiscal money comes from, each named once in its part's clause. */
export const FUNDS = [/一般公共预算/u, /政府性基金/u, /国有资本经营/u] as const;

/** "与2024年预算持平", "比上年持平": a part unchanged, said in words. */
const FLAT = new RegExp(`(?:与|较|比)[^，。；]{0,12}?(?:${NIL_WORDS})`, 'u');

/**
 * "财政拨款支出预算 T 万元，比 2025 年预算增加 C 万元。财政拨款支出预算中，一般公共预算拨款支出预算 a 万元，比 2025 年
 * 预算减少 c1 万元；政府性基金拨款支出预算 b 万元，比 2025 年预算增加 c2 万元；国有资本经营预算拨款支出预算 0 万元，与
 * 2025 年预算持平": fiscal money is the three funds' and nothing else, so their levels add up to T (n.list-sum)
 * and their changes to C (n.change-sum). Read only when the total's comparison stands right before the split,
 * under the same name, and each fund is named once with its own level and its own change (or 持平).
 */
export function fundPartClaims(paras: ParaClaims[]): Claim[] {
  const out: Claim[] = [];
  for (const pc of paras) {
    const { p } = pc;
    const text = p.n.text;
    const yoys = pc.claims.filter((c): c is Yoy => c.kind === 'yoy' && c.current !== undefined);
    for (const m of allMatches(text, BY_FUND)) {
      const head = m.groups?.head ?? '';
      const stem = head.replace(/预算$/u, '');
      // the total: the last comparison before the split, its figure named with the split's own name
      const before = yoys.filter((c) => c.change.end <= m.index);
      const total = before[before.length - 1];
      if (!total?.current) continue;
      const totalName = text.slice(markStart(p, '，；。：', total.current.start), total.current.start);
      if (!totalName.includes(stem)) continue;
      const sentence = sentenceAt(p, m.index + m[0].length);
      const start = m.index + m[0].length;
      // the parts' clause groups: up to each ；
      const groups: { from: number; to: number }[] = [];
      let from = start;
      for (let i = start; i <= sentence.end; i += 1)
        if (i === sentence.end || text[i] === '；' || text[i] === ';') {
          groups.push({ from, to: i });
          from = i + 1;
        }
      if (groups.length !== FUNDS.length) continue;
      const levels: AmountMention[] = [];
      const changes: AmountMention[] = [];
      for (const [k, g] of groups.entries()) {
        const clause = text.slice(g.from, g.to);
        if (!(FUNDS[k] as RegExp).test(clause) || FUNDS.some((f, j) => j !== k && f.test(clause))) break;
        const level = p.amounts.find((a) => a.start >= g.from && a.end <= g.to && !pc.changes.has(a));
        const own = yoys.find((c) => c.change.start >= g.from && c.change.end <= g.to);
        const flat = FLAT.exec(clause);
        if (!level || (own && own.current !== level) || (!own && !flat)) break;
        levels.push(level);
        changes.push(own ? signed(own) : nil(g.from + (flat?.index ?? 0)));
      }
      if (levels.length !== FUNDS.length) continue;
      const subject = { id: 'fiscal-funds', names: [], label: head };
      const at = { para: total.para, sentence: total.sentence, quote: total.quote };
      out.push({
        kind: 'list',
        listId: 'fiscal-funds',
        total: total.current,
        totalPlace: total.para,
        totalSubject: subject,
        items: levels.map((amount) => ({ amount, para: p.para })),
        compare: 'equal',
        namesParts: true,
        ...at,
      });
      out.push({
        kind: 'list',
        listId: 'changes:fiscal-funds',
        total: signed(total),
        totalPlace: total.para,
        totalSubject: subject,
        items: changes.map((amount) => ({ amount, para: p.para })),
        compare: 'equal',
        ...at,
      });
    }
  }
  return out;
}
