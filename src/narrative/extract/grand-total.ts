import { type AmountMention, type Claim, sameFigure } from '../claims.js';
import type { ParaClaims } from './across.js';
import { qualifierBefore } from './clause-scope.js';
import { place, sentenceAt } from './para.js';
import { startingAt } from './spans.js';
import { markStart } from './state.js';
import { allMatches } from '../../util/matches.js';

/**
 * The 收入支出决算总表's two grand totals as the text names their lines, each line maybe in a paragraph of its own:
 * 收入总计 = 本年收入合计 + 使用非财政拨款结余 + 用事业基金弥补收支差额 + 年初结转和结余, and 支出总计 = 本年支出合计 +
 * 结余分配 + 年末结转和结余. `need`: the lines without which nothing is said; the others may be left unwritten.
 */
interface Side {
  total: RegExp;
  name: string;
  lines: { role: string; name: RegExp; need?: true; group?: string }[];
}

const SIDES: Side[] = [
  {
    total: /(?<![总])收入总计|收、?支总计|收入支出总计/gu,
    name: '收入总计',
    lines: [
      { role: 'income', name: /本年收入(?:合计)?|(?<!本年)收入合计/gu, need: true },
      // (the form before 2019 had 用事业基金弥补收支差额 where the later one has 使用非财政拨款结余: either names the line)
      { role: 'surplus-used', name: /使用非财政拨款结余(?:（含专用结余）|和专用结余)?/gu, group: 'non-fiscal' },
      { role: 'fund', name: /用事业基金弥补收支差额/gu, group: 'non-fiscal' },
      { role: 'opening', name: /(?:年初|上年)结转(?:(?:和|及)?结余)?/gu, need: true },
    ],
  },
  {
    total: /支出总计|收、?支总计|收入支出总计/gu,
    name: '支出总计',
    lines: [
      { role: 'spending', name: /本年支出(?:合计)?|(?<!本年)支出合计/gu, need: true },
      { role: 'distributed', name: /结余分配/gu },
      { role: 'closing', name: /年末结转(?:(?:和|及)?结余)?/gu, need: true },
    ],
  },
];

/** What may stand between a line's name and its figure: "收入总计为 T", "年初结转和结余资金 b", "收、支总计均为 T". */
const LINK = /^(?:资金|数|决算数?)?(?:为|是|均为|共|合计|达)?：?/u;

/** An outline number opening a clause ("（三）", "2.", "一、"): no qualifier of the name after it. */
const OUTLINE = /^(?:[0-9]{1,2}[.、]|（[0-9一二三四五六七八九十]{1,2}）|[一二三四五六七八九十]{1,2}、)/u;

/** The year written in a clause before a name ("2022年度收入总计"), if any. */
const YEAR = /((?:19|20)[0-9]{2})年/gu;

interface Stated {
  amount: AmountMention;
  pc: ParaClaims;
  year?: string;
}

/** Every figure stated right after `name` for the unit's whole money (no 财政拨款, no 上年 before it in its clause). */
function statedAfter(paras: readonly ParaClaims[], name: RegExp): Stated[] {
  const out: Stated[] = [];
  for (const pc of paras) {
    const text = pc.p.n.text;
    for (const m of allMatches(text, name)) {
      const end = m.index + m[0].length;
      const link = LINK.exec(text.slice(end)) as RegExpExecArray;
      const amount = startingAt(pc.p.amounts, end + link[0].length);
      if (!amount || pc.changes.has(amount)) continue;
      const before = qualifierBefore(pc.p, m.index);
      if (before.replace(OUTLINE, '') !== '') continue;
      const clause = text.slice(markStart(pc.p, '，；。：', m.index), m.index);
      const year = [...allMatches(clause, YEAR)].at(-1)?.[1];
      out.push({ amount, pc, ...(year ? { year } : {}) });
    }
  }
  return out;
}

/** The one figure of a line in the year `year` (or undefined when the text states none, or two that differ). */
function oneFigure(stated: Stated[], year: string | undefined): Stated | undefined | 'two' {
  const own = stated.filter((s) => s.year === undefined || year === undefined || s.year === year);
  const first = own[0];
  if (!first) return undefined;
  return own.every((s) => sameFigure(s.amount, first.amount)) ? first : 'two';
}

/**
 * n.list-sum over a grand total's lines stated across the text ("收入总计 T。" … "本年收入合计 a。" … "年初结转和结余 b。"):
 * with every line named they must add up to the total; with a line that may hold something left unwritten
 * (使用非财政拨款结余, 结余分配), the lines named must not exceed it — unless the text says all of the year's income
 * is 财政拨款 (no non-fiscal money, so nothing non-fiscal to draw on or distribute: "财政拨款收入 a，占 100%").
 * Nothing is read when a line is stated twice with different figures for the year, or a 其中 list already
 * breaks the total down.
 */
export function grandTotalClaims(paras: readonly ParaClaims[], listed: ReadonlySet<AmountMention>): Claim[] {
  const out: Claim[] = [];
  const fiscalOnly = paras.some((pc) =>
    /财政拨款收入[0-9][0-9,.]*(?:万元|亿元|元)，?占(?:本年收入的?|收入合计的?)?100(?:\.0+)?%/u.test(pc.p.n.text),
  );
  for (const side of SIDES) {
    const totals = statedAfter(paras, side.total);
    if (totals.length === 0) continue;
    // the report's year is the latest the total is stated for ("与2022年度收入总计…相比，2023年度收入总计…")
    const year = totals
      .flatMap((t) => (t.year ? [t.year] : []))
      .sort()
      .at(-1);
    const total = oneFigure(totals, year);
    if (total === undefined || total === 'two' || listed.has(total.amount)) continue;
    const items: Stated[] = [];
    const named = new Set<string>();
    const unnamed = new Set<string>();
    let unknown = false;
    for (const line of side.lines) {
      const found = oneFigure(statedAfter(paras, line.name), year);
      if (found === 'two') unknown = true;
      else if (found) {
        items.push(found);
        named.add(line.group ?? line.role);
      } else if (line.need) unknown = true;
      else unnamed.add(line.group ?? line.role);
    }
    const missing = [...unnamed].some((g) => !named.has(g));
    if (unknown || items.some((i) => i.amount === total.amount)) continue;
    const sentence = sentenceAt(total.pc.p, total.amount.start);
    out.push({
      kind: 'list',
      listId: 'grand',
      total: total.amount,
      totalPlace: total.pc.p.para,
      totalName: side.name,
      items: items.map((i) => ({ amount: i.amount, para: i.pc.p.para })),
      compare: 'equal',
      namesParts: true,
      closed: true,
      ...(missing && !fiscalOnly ? { partial: true } : {}),
      ...place(total.pc.p, sentence, total.amount),
    });
  }
  return out;
}
