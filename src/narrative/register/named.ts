import { type AmountMention, type Claim, distinctFigures } from '../claims.js';
import { ownerAt } from '../extract/owner.js';
import { type ParaText, place, sentenceAt } from '../extract/para.js';
import { figureName } from '../extract/share.js';
import { lastEndingBy } from '../extract/spans.js';
import { lastMatchBefore, prefixIn, withoutNameNotes } from '../extract/state.js';
import type { Statement } from './build.js';
import { type Frame, type FrameReader, levelKey } from './key.js';
import { currentFundName } from '../text/fund-names.js';

/**
 * Figures the catalog has no subject for, named as the text writes them ("一般公共预算收入 364900 万元", "财政拨款支出
 * 3611.18 万元", "歲出決算數 48.25 億元"): a county's 财政决算 or a unit's own items restate such figures as often as
 * the totals, and one name stated twice in one frame is one figure. Only a name that is a figure's whole name is
 * kept: no comparison, no change, no bound, no pair of names ("收入和支出分别为").
 */

type Amount = Extract<Claim, { kind: 'amount' }>;

/** A figure and the name written right before it, with the words of its frame and verb taken off. */
export interface NamedFigure {
  p: ParaText;
  amount: AmountMention;
  /** The name, and for a part listed under 其中 its total's name before it ("支出总计>一般公共预算支出"). */
  name: string;
}

/** What a figure's name must end with: a quantity of money (收入, 支出, 经费, 结余 …), perhaps as a budget's or an outturn's. */
const MONEY_NOUN =
  /(?:收入|支出|经费|费用?|资金|结余|结转|拨款|补助|资产|负债|债务|余额|基金|收益|利润|税收?|总额|规模|金额|合计|总计|小计|歲[入出]|岁[入出]|賸餘|剩余|储备|儲備|盈余|盈餘|赤字)(?:预算|决算|執行|执行)?(?:数|額|额)?$/u;

/**
 * Words that make the figure something else than the name's level: a change or a comparison (比, 增加, 下降 …), a
 * share, an average, a bound or an estimate, a plan, several names at once (分别, 各, 和, 及 …), another year (上年).
 */
const NOT_A_LEVEL =
  /比|较|同比|相比|增加|增长|增收|增支|增幅|增量|新增|减少|减收|减支|减幅|下降|上升|降低|降幅|压缩|节约|节支|超支|超收|短收|增减|变动|差额|占|平均|人均|每|约|近|超过|不足|不到|以上|以下|分别|各|均|和|及|与|或|、|上年|去年|前年|同期|年初|预计|计划|目标|力争|争取|累计|其他|其它/u;

/**
 * What opens a name without naming another figure: the text's own area written by one character ("市一般公共预算收入"
 * as "我市…" and "全市…" are), the verb after a period word ("全年完成一般公共预算总收入").
 */
const OWN_AREA = /^(?:[市县区](?=一般公共|公共财政|政府性基金|国有资本|财政))|^(?:完成|实现)/u;

/**
 * What the frame says, not the name: a scope ("市级", "县本级", "全区" — the frame keeps it apart), and the end of a
 * note begun before the clause ("市级（不包括…，下同）一般公共预算收入" is cut at its comma).
 */
const FRAMED = /^[^（(]*[）)]|^(?:[省市县区镇乡]?本级|[省市县区镇乡]级|全[省市县区镇乡州国])/u;

/**
 * Names a text gives every fund's or every body's figure of one kind alike ("年终结余", "税收收入", "支出合计",
 * "支出决算"): whose it is, the paragraph or heading says, not the name.
 */
const BARE =
  /^(?:本年|当年|年终|年末|全年|本期)?(?:收支|滚存|累计)?(?:收入|支出|结余|结转|结转结余|收支结余|税收收入|非税收入)(?:合计|总计|总额|小计)?(?:决算|预算)?数?$/u;

/**
 * The figure's name as written before it, or undefined when the words before it are no figure's whole name: Han
 * characters only, at least four, ending in a quantity of money, none of the words of a change, a bound or a pair,
 * not a bare name every fund's figure is given, not an amount added to another ("加上…补助支出 b").
 */
export function figureLabel(prefix: string): string | undefined {
  const bare = figureName(withoutNameNotes(prefix).trim().replace(FRAMED, ''));
  const name = currentFundName(bare.replace(FRAMED, '').replace(OWN_AREA, ''));
  if (name.length < 4 || name.length > 24 || !/^[\u4e00-\u9fff]+$/u.test(name)) return undefined;
  if (!MONEY_NOUN.test(name) || NOT_A_LEVEL.test(name) || BARE.test(name) || /^(?:加上?|减去?|扣除)/u.test(name))
    return undefined;
  return name;
}

/**
 * The name of the total a part is listed under: the figure right before the 其中 that opens the part's sentence or
 * clause group ("支出总计调整为 9877 万元。其中：一般公共预算支出 8141 万元"); '' for a figure listed under none, undefined
 * when the total is not a named figure (the part's name alone would not say whose part it is).
 */
function listedUnder(p: ParaText, at: number): string | undefined {
  // (a list under 其中 runs on across its items' ；: the sentence is the cue's bound)
  const cue = lastMatchBefore(p, LIST_CUE, at);
  if (!cue || cue.start < sentenceAt(p, at).start) return '';
  const total = lastEndingBy(p.amounts, cue.start);
  if (!total) return undefined;
  const name = figureName(withoutNameNotes(prefixIn(p, total.start)).trim());
  return /^[\u4e00-\u9fff]{2,24}$/u.test(name) ? name : undefined;
}

/** The cue of a list of parts. */
const LIST_CUE = /其中/u;

/** The figures of the text named by a whole name, leaving out those `taken` (a catalog subject's, read elsewhere). */
export function namedFigures(
  read: readonly ParaText[],
  taken: (p: ParaText, a: AmountMention) => boolean,
): NamedFigure[] {
  const out: NamedFigure[] = [];
  for (const p of read) {
    // a table as text: its cells are columns of one row, never one figure written twice
    if (p.n.text.includes('|')) continue;
    for (const amount of p.amounts) {
      if (taken(p, amount)) continue;
      const name = figureLabel(prefixIn(p, amount.start));
      if (name === undefined) continue;
      const under = listedUnder(p, amount.start);
      if (under !== undefined) out.push({ p, amount, name: under ? `${under}>${name}` : name });
    }
  }
  return out;
}

/** A named figure as a level claim of its own name, so that its frame is read as a catalog subject's is. */
function namedClaim(f: NamedFigure): Amount {
  return {
    kind: 'amount',
    subject: { id: `named:${f.name}`, names: [f.name], label: f.name.split('>').pop() as string },
    role: 'actual',
    amount: f.amount,
    ...place(f.p, sentenceAt(f.p, f.amount.start), f.amount),
  };
}

/** How many statements of one name are compared at most: a name written more often is a table's column, not a figure. */
const NAMED_MAX = 12;

/** The fund a name names itself ("一般公共预算收入"): its frame's, whatever the paragraph around it says. */
const FUND_IN_NAME = /一般公共预算|政府性基金|国有资本经营|社会保险基金|财政拨款/u;

interface Framed {
  claim: Amount;
  frame: Frame;
  /** The area the paragraph opens with ("太原市一般公共预算收入 a。全市一般公共预算支出 b" — b is 太原's). */
  area: string;
}

const keyOf = (x: Framed) =>
  `${levelKey(x.claim.subject.id, x.frame.kind === 'actual' ? 'actual' : 'budget', x.frame)}@${x.area}`;

/**
 * A figure whose words, paragraph and heading name no year (or no scope) is of the one year (whole area: 全县) the
 * text names for that figure elsewhere, all else alike ("2023 年全县一般公共预算支出 A" and, in the balance paragraph, "一般公共预算支出
 * A'"); when the text names two, which one it is is not certain and it stays apart.
 */
function filled(framed: Framed[], field: 'year' | 'scope'): Framed[] {
  const blank = (x: Framed) => keyOf({ ...x, frame: { ...x.frame, [field]: '' } });
  const known = new Map<string, Set<string>>();
  for (const x of framed)
    if (x.frame[field] !== '') known.set(blank(x), (known.get(blank(x)) ?? new Set()).add(x.frame[field]));
  return framed.map((x) => {
    const values = x.frame[field] === '' ? known.get(blank(x)) : undefined;
    const only = values?.size === 1 ? ([...values][0] as string) : undefined;
    // a figure naming no scope is the whole area's (全县), never a level's (县本级, 市级) the text names elsewhere
    return only !== undefined && (field === 'year' || only.startsWith('全'))
      ? { ...x, frame: { ...x.frame, [field]: only } }
      : x;
  });
}

/**
 * The levels of figures named as written, framed as a catalog subject's: only names written twice or more are framed
 * (a frame reads the paragraph before the figure), a name written more than NAMED_MAX times is left, and so is a
 * frame whose figures have three values or more.
 */
export function namedLevels(read: readonly ParaText[], claims: Claim[], frames: FrameReader): Statement<Amount>[] {
  const claimed = new Set<string>();
  for (const c of claims) if (c.kind === 'amount') claimed.add(`${c.para.id}:${c.amount.start}`);
  const byName = new Map<string, NamedFigure[]>();
  for (const f of namedFigures(read, (p, a) => claimed.has(`${p.para.id}:${a.start}`)))
    byName.set(f.name, [...(byName.get(f.name) ?? []), f]);
  const out: Statement<Amount>[] = [];
  for (const figures of byName.values()) {
    if (figures.length < 2 || figures.length > NAMED_MAX) continue;
    const framed = figures.map((f) => {
      const claim = namedClaim(f);
      const frame = frames.levelFrame(claim);
      const fund = FUND_IN_NAME.exec(f.name)?.[0];
      return { claim, frame: fund ? { ...frame, fund } : frame, area: frames.opens(claim.para) ?? '' };
    });
    // (a year filled may leave one scope, and a scope filled one year)
    for (const x of filled(filled(filled(framed, 'year'), 'scope'), 'year'))
      out.push({
        key: keyOf(x),
        owner: ownerAt(frames.plain(x.claim.para.text), x.claim.amount.start),
        claim: x.claim,
        frame: x.frame,
        role: x.frame.kind === 'actual' ? 'actual' : 'budget',
      });
  }
  const byKey = new Map<string, { amount: AmountMention }[]>();
  for (const x of out) byKey.set(x.key, [...(byKey.get(x.key) ?? []), x.claim]);
  // a name written with three values or more in one frame is every area's or every period's figure of that kind
  // ("太原市…一般公共预算支出 a…晋城市…一般公共预算支出 b…"), not one figure restated
  return out.filter((x) => distinctFigures((byKey.get(x.key) ?? []).map((c) => c.amount)) <= 2);
}
