import type { AmountMention, CarryoverTerm, Claim } from '../claims.js';
import type { ParaClaims } from './across.js';
import { place, sentenceAt } from './para.js';
import { startingAt } from './spans.js';
import { yearsIn } from './year-frames.js';
import { qualifierBefore } from './clause-scope.js';
import { allMatches } from '../../util/matches.js';

/**
 * The terms of the 收入支出决算总表 identity a paragraph may state (收入合计 + 使用非财政拨款结余 +
 * 用事业基金弥补收支差额 + 年初结转和结余 = 支出合计 + 结余分配 + 年末结转和结余), each by the names
 * the texts give it. A bare 支出 counts only opening its clause ("本年收入 B 万元，支出 C 万元").
 */
const TERMS: { role: CarryoverTerm['role']; name: RegExp; sign: 1 | -1 }[] = [
  { role: 'opening', name: /(?:年初|上年)结转(?:和|及)?结余/gu, sign: 1 },
  { role: 'income', name: /本年收入(?:合计)?|(?<!本年)收入合计/gu, sign: 1 },
  { role: 'fund', name: /用事业基金弥补收支差额/gu, sign: 1 },
  { role: 'surplus-used', name: /使用非财政拨款结余(?:和专用结余|（含专用结余）)?/gu, sign: 1 },
  { role: 'spending', name: /本年支出(?:合计)?|(?<!本年)支出合计|(?<=^|[，；：])支出/gu, sign: -1 },
  { role: 'distributed', name: /结余分配/gu, sign: -1 },
  { role: 'closing', name: /年末结转(?:和|及)?结余/gu, sign: -1 },
];
const REQUIRED: CarryoverTerm['role'][] = ['opening', 'income', 'spending', 'closing'];

/** What may stand between a term's name and its figure: "年末结转和结余资金为 D 万元". */
const LINK = /^(?:资金)?(?:为|是|共|合计)?：?/u;
/** The scopes a name may be narrowed to; anything else before the name (预算, 事业, 基本…) is another figure. */
const SCOPE = /^(?:(?:一般公共预算|政府性基金预算|国有资本经营预算)?财政拨款)?$/u;

interface Found extends CarryoverTerm {
  scope: string;
}

/**
 * n.carryover: "2024年度年初结转和结余 A 万元，本年收入 B 万元，本年支出 C 万元，年末结转和结余 D 万元" —
 * A + B − C must be D (with 结余分配, 用事业基金弥补收支差额, 使用非财政拨款结余 when written). Read only
 * when the extent is plain: every required term is named once in the paragraph, its figure right after
 * its name, all names of one scope (the unit's whole money, or one 财政拨款 column), one year only. A
 * term not written leaves the identity unknown: nothing is said.
 */
export function carryoverClaims(paras: ParaClaims[]): Claim[] {
  const out: Claim[] = [];
  for (const pc of paras) {
    const text = pc.p.n.text;
    if (!text.includes('结转') || new Set(yearsIn(text)).size > 1) continue;
    const terms = termsOf(pc);
    if (!terms || REQUIRED.some((r) => !terms.some((t) => t.role === r))) continue;
    if (new Set(terms.map((t) => t.scope)).size !== 1) continue;
    const first = Math.min(...terms.map((t) => t.amount.start));
    const last = Math.max(...terms.map((t) => t.amount.end));
    const sentence = { start: sentenceAt(pc.p, first).start, end: sentenceAt(pc.p, last - 1).end };
    out.push({
      kind: 'carryover',
      scope: (terms[0] as Found).scope,
      terms: terms.map(({ role, label, sign, amount }) => ({ role, label, sign, amount })),
      ...place(pc.p, sentence, { start: first, end: last }),
    });
  }
  return out;
}

/** Each term the paragraph names, with its figure; undefined when a name comes twice or without a figure of its own. */
function termsOf(pc: ParaClaims): Found[] | undefined {
  const text = pc.p.n.text;
  const found: Found[] = [];
  for (const term of TERMS) {
    const names = [...allMatches(text, term.name)];
    if (names.length === 0) continue;
    if (names.length > 1) return undefined;
    const m = names[0] as RegExpExecArray;
    const end = m.index + m[0].length;
    const link = LINK.exec(text.slice(end)) as RegExpExecArray;
    // the figure right after the name is the term's own (a change has its word between: "本年收入增加 X");
    // no test against the paragraph's changes, which take "收支差额 0 万元" for a difference
    const amount: AmountMention | undefined = startingAt(pc.p.amounts, end + link[0].length);
    if (!amount) return undefined;
    const scope = qualifierBefore(pc.p, m.index);
    if (!SCOPE.test(scope)) return undefined;
    found.push({ role: term.role, label: m[0], sign: term.sign, amount, scope });
  }
  return found;
}
