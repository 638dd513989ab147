import type { AmountMention, CarryoverTerm, Claim } from '../claims.js';
import type { ParaClaims } from './across.js';
import { type ParaText, place, sentenceAt } from './para.js';
import { startingAt } from './spans.js';
import { qualifierBefore } from './clause-scope.js';
import { outsideBrackets } from './chain-sum.js';
import { currentFundName } from '../text/fund-names.js';
import { allMatches } from '../../util/matches.js';

/**
 * "收支相抵，年终结余 C 万元", "收支相抵后，结转下年 C 亿元": a budget report's balance, this year's 收入总计 less
 * its 支出总计. Not an accumulated balance (累计结余, 滚存结余: earlier years' are in it). Also the balance written
 * straight after the totals without 收支相抵 ("收入合计 A，支出 B，年终结余 C": `chain`, read only right after the
 * spending total), and "收支平衡" right after the totals (`even`: no balance, so the two totals are one figure).
 */
const BALANCE =
  /收支相抵后?，(?:(?:19|20)[0-9]{2}年度?)?(?:(?!累计|滚存)[^，。；：0-9]){0,12}?(?:结余|结转)[^，。；：0-9]{0,8}?(?:为|是)?(?=[0-9])|(?<chain>(?:年终|年末)结余(?:为|是)?(?=[0-9]))|(?<even>收支平衡)/gu;
/** The totals the balance is of, each by the names budget reports give it (a bare 支出 only right after 收入合计 A). */
const INCOME = /收入总计|收入合计|总财力|财力总计|收入总量/gu;
const SPENDING =
  /支出总计|支出合计|总支出|支出总量|(?<=收入[合总]计(?:为|是)?[0-9][0-9,.]*(?:万元|亿元|元)[，,])支出(?=[0-9])/gu;
/**
 * What may stand between the spending total and "收支平衡" for the two totals to be said to be one figure: a full stop,
 * 收支相抵, the level and the fund ("支出合计 B 亿元，收支平衡", "支出合计 B 万元。收支相抵，全县一般公共预算收支平衡").
 * Anything else — a carry-over, "算总账" — may mean a balance after the carry-over, not two equal totals.
 */
const EVEN_LEAD =
  /^[，。；,]?(?:收支相抵后?[，,])?(?:当年|本年|全年)?(?:实现了?)?(?:全[省市县区州旗镇乡]|[省市县区州旗镇乡]?本级|[省市县区州]级)?(?:一般公共预算|政府性基金预算|国有资本经营预算|社会保险基金预算)?(?:当年|本年)?(?:实现了?)?$/u;
/** After "收支平衡": nothing that speaks of money left over or short ("收支平衡，略有结余"). */
const EVEN_TAIL = /^[，,]?(?:略有|尚有|仍有|并有|实现)?(?:结余|结转|赤字|缺口|盈余)/u;
/** Totals whose equality "收支平衡" states: 收入合计/总计 and 支出合计/总计 (a 总量 or 总财力 may leave the carry-over out). */
const EVEN_NAMES = /^(?:收入|支出)[合总]计$/u;
/** The funds a budget report gives a total or balance of its own ("政府性基金收入总计", "一般公共预算收支相抵"). */
const FUND = /一般公共预算|公共财政预算|政府性基金|国有资本经营|社会保险基金/u;
/** Any name of a total or a balance: a later one in its sentence that names no fund is of the fund named before it. */
const FUNDS = new RegExp(FUND.source, 'gu');
const NAMES = new RegExp(`${INCOME.source}|${SPENDING.source}|收支相抵`, 'gu');
/** What may stand between a total's name and its figure: "收入总计为 A 亿元", "总财力达到 A 万元". */
const LINK = /^(?:为|是|达到?|共计|合计)?：?/u;
/** How many paragraphs before the balance's own its totals may stand in (the 收入 and 支出 paragraphs). */
const REACH = 2;

/**
 * n.balance: "收入总计 A 万元，…支出总计 B 万元，收支相抵，年终结余 C 万元" — A − B must be C. Read only when
 * each total is named once, its figure right after its name, between the balance before (or the start of its
 * paragraphs) and this one: in the balance's paragraph or the two before it. Anything less plain says nothing.
 */
export function balanceClaims(paras: ParaClaims[]): Claim[] {
  const out: Claim[] = [];
  for (const [index, pc] of paras.entries()) {
    let from = 0;
    for (const cue of allMatches(pc.p.n.text, BALANCE)) {
      const scope = scopeBefore(paras, index, from, cue.index);
      from = cue.index + cue[0].length;
      if (!scope) continue;
      // "…总收入 A，…总支出 B。收支相抵": 总收入 names the income total only where no 收入合计/总计/总量 is written
      const income = totalIn(scope, INCOME) ?? (named(scope, INCOME) ? undefined : totalIn(scope, /总收入/gu));
      const spending = totalIn(scope, SPENDING);
      if (!income || !spending) {
        const run = named(scope, NAMES) || named(scope, TOTAL_WORDS) ? undefined : signedRun(paras, index, scope, cue);
        if (run) out.push(run);
        continue;
      }
      // one fund's totals and balance: "政府性基金收入总计 A" is not the total of a balance of 一般公共预算
      const fund = balanceFund(pc.p, cue.index, [income, spending]);
      const sameFund =
        income.fund === spending.fund
          ? income.fund === fund
          : income.hint === spending.hint && (fund === income.hint || fund === '');
      if (!sameFund) continue;
      const sentence = sentenceAt(pc.p, cue.index);
      // a 部门决算's 本年收入合计 leaves out the opening balance, and a carry-over or transfer stated between the two
      // totals is outside them: neither pair balances by itself ("年初结转和结余 a。本年收入合计 A，支出合计 B，年末
      // 结余 C": C = a + A − B; "本年收入合计 A，上年结转 a；本年支出合计 B，收支平衡")
      const plain = cue.groups?.even !== undefined || cue.groups?.chain !== undefined;
      if (plain && !ownTotals(paras, index, income, spending)) continue;
      if (cue.groups?.even !== undefined) {
        if (evenAfter(pc, spending, cue) && EVEN_NAMES.test(income.label) && EVEN_NAMES.test(spending.label))
          out.push({
            kind: 'balanced',
            income: income.amount,
            spending: spending.amount,
            labels: [income.label, spending.label],
            ...place(pc.p, sentence, spending.amount),
          });
        continue;
      }
      const balance = startingAt(pc.p.amounts, cue.index + cue[0].length);
      if (!balance) continue;
      // "收入合计 A，支出 B，年终结余 C": the balance right after the spending total, nothing between
      if (
        cue.groups?.chain !== undefined &&
        !(spending.stretch === 0 && /^[，,]$/u.test(pc.p.n.text.slice(spending.amount.end, cue.index)))
      )
        continue;
      const terms: CarryoverTerm[] = [
        { role: 'income', sign: 1, label: income.label, amount: income.amount },
        { role: 'spending', sign: -1, label: spending.label, amount: spending.amount },
        { role: 'closing', sign: -1, label: cue[0].replace(/[，为是]/gu, ''), amount: balance },
      ];
      out.push({ kind: 'carryover', scope: '', budgetBalance: true, terms, ...place(pc.p, sentence, balance) });
    }
  }
  return out;
}

/** Whether any of `name` stands in the stretches. */
function named(stretches: Stretch[], name: RegExp): boolean {
  return stretches.some(({ pc, start, end }) => new RegExp(name.source, 'u').test(pc.p.n.text.slice(start, end)));
}

/** Words of a total or of a sum: a run with one of them is no plain run of the balance's terms. */
const TOTAL_WORDS = /合计|总计|总量|总额|总收入|总支出|财力|小计|共计/u;
/** What in a run's stretch makes it more than the balance's terms one by one: a part, a comparison, a subtraction. */
const NOT_RUN = /其中|含|包括|比|较|同比|增|减|下降|上升|占|分别|约|近|超过|以上|以下|扣除|剔除/u;
/** The names of a budget balance's income-side terms: a fund's own revenue, transfers, debt, money brought in. */
const RUN_IN =
  /(?:预算|基金|经营|财政)收入$|(?:补助|转移性|转移支付|返还性?|上解|转贷|债务|债券)收入$|^(?:调入|动用)|(?:上年|年初)(?:结余|结转)(?:收入)?$/u;
/** …and of its spending-side terms: a fund's own spending, transfers up or down, debt repaid, money sent out. */
const RUN_OUT =
  /^(?:一般公共预算|政府性基金|国有资本经营|社会保险基金)?(?:预算)?支出$|(?:上解|补助|转移性|转移支付|还本|转贷|援助)[^，；]{0,8}支出$|^调出(?:资金)?$|^(?:安排|补充)[^，；]{0,6}(?:稳定调节)?基金$/u;
/** A term that carries money to next year (结转下年, 年终结余): the balance may be that money, not what is left after it. */
const RUN_CARRIED = /结转下年|年终|年末|滚存|净结余/u;
/** Words before a term's name that say whose or when it is, not what ("2023年全区", "区本级", "全县地方"). */
const RUN_WHOSE =
  /^(?:(?:19|20)[0-9]{2}年度?，?)?(?:全[省市县区州旗镇乡]|[省市县区州旗镇乡]?本级|[省市县区州]级)?(?:地方)?(?:财政)?/u;

/**
 * "国有资本经营收入 a，上级补助收入 b，上年结余 c，国有资本经营支出 d。上述收支相抵，年终结余 e": a balance stated
 * with no totals, right after its terms written one by one — what comes in less what goes out is the balance
 * (a + b + c − d = e). Read only when the run is plain: the balance's paragraph since the balance before it (or,
 * when nothing but 上述 stands before the balance there, the paragraph right before), every clause one figure
 * and a name that is certainly a balance term of one side (a fund's revenue or spending, transfers, debt, 调入/调出,
 * 上年结余) — a clause with a rate and no figure is about the figure before it; anything else (a part, a change,
 * a class of spending, a carry-over to next year, two funds, a figure in brackets) leaves it unread.
 */
function signedRun(paras: ParaClaims[], index: number, scope: Stretch[], cue: RegExpMatchArray): Claim | undefined {
  if (cue.groups?.even !== undefined) return undefined;
  const own = scope[0] as Stretch;
  const ownText = own.pc.p.n.text.slice(own.start, own.end);
  // "上述收支相抵，…" opening its paragraph: the run is the paragraph before's, and all of it
  const lead = /^(?:上述|以上)?$/u.test(ownText.trim());
  const stretch = lead ? scope[1] : own;
  if (!stretch || (lead && (stretch.start !== 0 || stretch.pc.p.level !== undefined))) return undefined;
  // a bare 年终结余 (no 收支相抵) only right after the run ("…支出 d，年终结余 e", "…支出 d。年终结余 e")
  const { p } = stretch.pc;
  if (cue.groups?.chain !== undefined && (lead || !/[，。]\s*$/u.test(ownText))) return undefined;
  const text = p.n.text;
  const top = stretch.end;
  const amounts = p.amounts.filter((a) => a.start >= stretch.start && a.end <= top);
  if (amounts.length < 2 || amounts.some((a) => stretch.pc.changes.has(a))) return undefined;
  const terms: CarryoverTerm[] = [];
  const funds = new Set<string>();
  // the clauses of the run outside brackets (a figure in brackets is a detail; a comma inside a figure is no mark)
  const plain = outsideBrackets(text);
  let clauseStart = stretch.start;
  const marks = [...allMatches(plain.slice(stretch.start, top), /[，、；。：]/gu)]
    .map((m) => stretch.start + (m.index as number))
    .filter((i) => !p.amounts.some((a) => a.start <= i && i < a.end));
  for (const end of [...marks, top]) {
    const clause = plain.slice(clauseStart, end);
    const from = clauseStart;
    const inside = amounts.filter((a) => a.start >= from && a.end <= end && plain[a.start] !== ' ');
    clauseStart = end + 1;
    if (clause.trim() === '') continue;
    if (inside.length === 0) {
      // "2023年，…" before the run; "，完成预算的 105%": a rate about the figure before it
      if (terms.length === 0 && /^\s*(?:(?:19|20)[0-9]{2}年度?|全年|当年|本年)\s*$/u.test(clause)) continue;
      if (terms.length > 0 && /%/u.test(clause) && !/[0-9](?:万元|亿元|元)/u.test(clause)) continue;
      // "…。上述收支相抵": the words that open the balance's own sentence
      if (end === top && /^\s*(?:上述|以上|全年|当年|本年)?\s*$/u.test(clause)) continue;
      return undefined;
    }
    if (inside.length > 1 || NOT_RUN.test(clause)) return undefined;
    const a = inside[0] as AmountMention;
    const name = plain
      .slice(from, a.start)
      .replace(/(?:为|是|完成|实现|达到?)$/u, '')
      .replace(/\s+/gu, '');
    for (const f of allMatches(name, FUNDS)) funds.add(currentFundName(f[0]));
    const bare = name.replace(RUN_WHOSE, '');
    if (RUN_CARRIED.test(bare)) return undefined;
    const side = RUN_IN.test(bare) ? 1 : RUN_OUT.test(bare) ? -1 : 0;
    if (side === 0 || (side === 1 && RUN_OUT.test(bare))) return undefined;
    terms.push({ role: side > 0 ? 'income' : 'spending', sign: side, label: bare, amount: a });
  }
  if (funds.size > 1 || (terms[0] as CarryoverTerm | undefined)?.sign !== 1 || !terms.some((t) => t.sign < 0))
    return undefined;
  const bp = (paras[index] as ParaClaims).p;
  const fund = [...allMatches(bp.n.text.slice(cue.index, (cue.index as number) + cue[0].length), FUNDS)].at(-1)?.[0];
  if (fund && funds.size === 1 && !funds.has(currentFundName(fund))) return undefined;
  const balance = startingAt(bp.amounts, (cue.index as number) + cue[0].length);
  if (!balance) return undefined;
  terms.push({ role: 'closing', sign: -1, label: cue[0].replace(/[，为是]/gu, ''), amount: balance });
  return {
    kind: 'carryover',
    scope: '',
    budgetBalance: true,
    terms,
    ...place(bp, sentenceAt(bp, cue.index as number), balance),
  };
}

/** Money outside the two totals when named between them: an opening balance, a carry-over or transfer in. */
const OUTSIDE_TOTALS = /年初结转|年初结余|上年结转|上年结余|结转和结余|调入|动用/u;

/**
 * The two totals are the budget's whole money: the income total is no 部门决算's 本年收入合计 (which leaves out the
 * opening balance), and nothing between it and the spending total names money outside them.
 */
function ownTotals(paras: ParaClaims[], index: number, income: Total, spending: Total): boolean {
  const incomePara = (paras[index - income.stretch] as ParaClaims).p;
  if (
    /本年$/u.test(
      incomePara.n.text
        .slice(Math.max(0, income.amount.start - 12), income.amount.start)
        .replace(/(?:收入[合总]计|总财力|财力总计|收入总量)(?:为|是|达到?|共计|合计)?：?$/u, ''),
    )
  )
    return false;
  for (let k = index - income.stretch; k <= index - spending.stretch; k += 1) {
    const text = (paras[k] as ParaClaims).p.n.text;
    const from = k === index - income.stretch ? income.amount.end : 0;
    const to = k === index - spending.stretch ? spending.amount.start : text.length;
    if (OUTSIDE_TOTALS.test(text.slice(from, to))) return false;
  }
  return true;
}

/** "支出合计 B 亿元，收支平衡。": the totals said to be one figure — 收支平衡 right after the spending total, nothing after. */
function evenAfter(pc: ParaClaims, spending: Total, cue: RegExpMatchArray): boolean {
  const text = pc.p.n.text;
  const end = (cue.index as number) + cue[0].length;
  return (
    spending.stretch === 0 &&
    EVEN_LEAD.test(text.slice(spending.amount.end, cue.index)) &&
    !EVEN_TAIL.test(text.slice(end)) &&
    !/[0-9]/u.test(text.slice(end, sentenceAt(pc.p, end).end))
  );
}

/** A stretch of one paragraph's text the totals are looked for in. */
interface Stretch {
  pc: ParaClaims;
  start: number;
  end: number;
}

/**
 * Where the totals of the balance at `at` in paragraph `index` may stand: the paragraph's text since the balance
 * before it (`from`), and — when that is the paragraph's start — the paragraphs before it, back to one with a
 * balance of its own; undefined when a heading stands between (another section's totals).
 */
function scopeBefore(paras: ParaClaims[], index: number, from: number, at: number): Stretch[] | undefined {
  const own = paras[index] as ParaClaims;
  const stretches: Stretch[] = [{ pc: own, start: from, end: at }];
  if (from > 0) return stretches;
  for (let k = index - 1; k >= Math.max(0, index - REACH); k -= 1) {
    const pc = paras[k] as ParaClaims;
    if (pc.p.level !== undefined) break;
    const text = pc.p.n.text;
    const last = [...allMatches(text, BALANCE)].at(-1);
    stretches.push({ pc, start: last ? last.index + last[0].length : 0, end: text.length });
    if (last) break;
  }
  return stretches;
}

interface Total {
  label: string;
  amount: AmountMention;
  /** The fund it is of ('' when the text names none: the budget's whole money). */
  fund: string;
  /**
   * The fund its sentence names before it for the parts when the total's own name has none ("全区一般公共预算支出 a 亿元，
   * …，支出合计 B 亿元"): a total of no fund and one of this fund may be one account.
   */
  hint: string;
  /** The stretch it stands in (0: the balance's own paragraph). */
  stretch: number;
}

/**
 * The one total stated in the stretches, its figure right after its name; undefined when none or several. A name
 * with no figure of its own ("比上年总财力增加 X") states no total.
 */
function totalIn(stretches: Stretch[], name: RegExp): Total | undefined {
  const found: Total[] = [];
  for (const [stretch, { pc, start, end }] of stretches.entries())
    for (const m of allMatches(pc.p.n.text.slice(start, end), name)) {
      const after = start + m.index + m[0].length;
      const link = LINK.exec(pc.p.n.text.slice(after)) as RegExpExecArray;
      const amount = startingAt(pc.p.amounts, after + link[0].length);
      if (amount) {
        const fund = fundAt(pc.p, start + m.index);
        found.push({ label: m[0], amount, fund, hint: fund || hintAt(pc.p, start + m.index), stretch });
      }
    }
  return found.length === 1 ? found[0] : undefined;
}

/**
 * The fund of the total or balance named at `at`: the one its clause names before it, else that of the name before
 * it in its sentence ("国有资本经营预算收入总计 A，支出总计 B，收支相抵，结转下年 C": all three of that fund), else ''.
 */
function fundAt(p: ParaText, at: number): string {
  const own = FUND.exec(qualifierBefore(p, at));
  if (own) return own[0];
  const sentence = sentenceAt(p, at);
  const before = [...allMatches(p.n.text.slice(sentence.start, at), NAMES)].at(-1);
  return before ? fundAt(p, sentence.start + before.index) : '';
}

/** The last fund the sentence names before `at` (the parts' fund a bare total sums). */
function hintAt(p: ParaText, at: number): string {
  return [...allMatches(p.n.text.slice(sentenceAt(p, at).start, at), FUNDS)].at(-1)?.[0] ?? '';
}

/**
 * The fund of the balance at `at`: the last one named before it in its sentence since its totals ("一般公共预算收支
 * 相抵"), or in its paragraph when its totals stand in the paragraphs before ("一般公共预算收入 X，一般公共预算支出 Y。
 * 收支相抵" after another fund's totals); else its totals' own — a bare "收支相抵" right after them is theirs.
 */
function balanceFund(p: ParaText, at: number, totals: Total[]): string {
  const later = totals.reduce((a, b) =>
    a.stretch < b.stretch || (a.stretch === b.stretch && a.amount.end > b.amount.end) ? a : b,
  );
  const from = later.stretch === 0 ? Math.max(sentenceAt(p, at).start, later.amount.end) : 0;
  const named = [...allMatches(p.n.text.slice(from, at), FUNDS)].at(-1);
  return named ? named[0] : later.fund;
}
