import type { AmountMention, Claim, PercentMention } from '../claims.js';
import { distinctFigures, sameFigure, significantDigits } from '../claims.js';
import { outlineMark } from '../../util/outline.js';
import { writtenAmount } from '../extract/mentions.js';
import { type ParaText, place, sentenceAt } from '../extract/para.js';
import { markStart, prefixIn, withoutNameNotes } from '../extract/state.js';
import { lastYearBefore } from '../extract/year-frames.js';
import { finding, otherParas } from './common.js';
import { slipOf } from './restated.js';
import type { NarrativeRawFinding } from './types.js';
import { allMatches } from '../../util/matches.js';

type Amount = Extract<Claim, { kind: 'amount' }>;

/**
 * A level written with its change right after it ("…收入 326.7 亿元，增长 6.3%", "…决算数为 2.63 亿元，比年初预算数减少
 * 0.36 亿元"): the level, what it is compared with, the change's direction, and the change and its rate as written.
 */
interface Pair {
  p: ParaText;
  level: AmountMention;
  /** The name written before the level, as written ("2023 年度本单位“三公”经费决算数"). */
  name: string;
  base: string;
  /** The comparison and change words as written ("较上年决算数", "减少"; the rate's own word after a change). */
  cmp: string;
  word: string;
  rateWord: string;
  up: boolean;
  change?: AmountMention;
  rate?: PercentMention;
}

const UP_WORD = /^(?:增加|增长|增收|增支|上升|提高)$/u;

/**
 * After a level, in its clause: a comparison (optional: "，增长 6.3%" compares with the year before), then its change
 * word, then the change or its rate. Not a comparison on an adjusted basis (同口径, 可比) nor one of several (分别, 各).
 */
const TAIL =
  /^(?:（[^（）]*）)?[，,]?(?:(?<cmp>(?:同比|比|较|与|和)[^，。；：、%]{0,20}?)(?:相比较?|比较)?[，,]?)?(?:共|累计)?(?<word>增加|减少|增长|下降|增收|减收|增支|减支|上升|降低|提高)了?/u;

/** After a change: its rate ("、增长 11.24%", "，下降 19.21%", "，增幅 8%"). */
const RATE_AFTER = /^[，、,]?(?:同比)?(?<word>增长|下降|上升|降低|减少|增加|增幅|降幅)(?:了|为)?/u;

/** Before a figure: words that make it a change or a difference itself, not a level ("减少 175.9 万元，下降 19.21%"). */
const CHANGE_BEFORE =
  /(?:增加|减少|增长|下降|增收|减收|增支|减支|上升|降低|提高|节约|压缩|超支|少|多|增|减|差额|差值|变动|增减|相差)(?:了|为|是)?$/u;

/** What the level is compared with: the year before, or a budget (initial, adjusted or unnamed). */
function baseOf(cmp: string): string | undefined {
  if (/同口径|可比|分别|各/u.test(cmp)) return undefined;
  if (!/预算/u.test(cmp)) return 'prior';
  if (/年初/u.test(cmp)) return 'initial';
  if (/调整/u.test(cmp)) return 'adjusted';
  return 'budget';
}

/** The levels of the text written with a change or a rate right after them. */
function pairsIn(read: readonly ParaText[]): Pair[] {
  const out: Pair[] = [];
  for (const p of read) {
    const text = p.n.text;
    // a table as text: its cells are columns of one row
    if (text.includes('|')) continue;
    for (const level of p.amounts) {
      if (significantDigits(level) < 3 || CHANGE_BEFORE.test(text.slice(Math.max(0, level.start - 4), level.start)))
        continue;
      const tail = TAIL.exec(text.slice(level.end));
      if (!tail?.groups) continue;
      const base = baseOf(tail.groups.cmp ?? '');
      if (base === undefined) continue;
      const at = level.end + tail[0].length;
      const change = p.amounts.find((a) => a.start === at);
      const word = tail.groups.word ?? '';
      let rate = p.percents.find((r) => r.start === at);
      let rateWord = word;
      if (change) {
        const after = RATE_AFTER.exec(text.slice(change.end));
        if (after) rate = p.percents.find((r) => r.start === change.end + after[0].length);
        rateWord = after?.groups?.word ?? word;
      }
      if (!change && !rate) continue;
      // the name as written, its verb aside: 收入总计 and 收入合计 are two names
      const name = withoutNameNotes(prefixIn(p, level.start))
        .trim()
        .replace(/(?:为|是|达到?|共计|完成|实现|：)+$/u, '');
      out.push({
        p,
        level,
        name,
        base,
        cmp: tail.groups.cmp ?? '',
        word,
        rateWord,
        up: UP_WORD.test(word),
        ...(change ? { change } : {}),
        ...(rate ? { rate } : {}),
      });
    }
  }
  return out;
}

/** Whether two figures stand in one sentence of one paragraph. */
const oneSentenceOf = (p: ParaText, a: AmountMention, q: ParaText, b: AmountMention) =>
  p === q && sentenceAt(p, a.start).start === sentenceAt(q, b.start).start;

/** Two pairs of one sentence are two subjects' ("全区…326.7 亿元，增长 6.3%；区本级…") or one list's: never one restated. */
const oneSentence = (a: Pair, b: Pair) => oneSentenceOf(a.p, a.level, b.p, b.level);

type Restated = { claim: Claim; finding: NarrativeRawFinding }[];

/**
 * One restated figure as a claim of its own (the figures read here are no catalog claims) with its n.restated finding:
 * `amount` is the claim's figure, `focus` what the quote centres on, `earlier` the paragraph of the other statement.
 */
function restatedAt(
  p: ParaText,
  amount: AmountMention,
  subject: { id: string; name: string; role?: 'actual' | 'budget' },
  data: { subject: string; role: string; actual: string; expected: string },
  earlier: ParaText,
  focus: AmountMention | PercentMention = amount,
): Restated[number] {
  const claim: Amount = {
    kind: 'amount',
    subject: { id: subject.id, names: subject.name ? [subject.name] : [], label: subject.name || data.subject },
    role: subject.role ?? 'actual',
    amount,
    ...place(p, sentenceAt(p, focus.start), focus),
  };
  return {
    claim,
    finding: finding(
      claim,
      'narrative.restated',
      'restated',
      { ...data, earlier: earlier.para.id },
      otherParas(claim, [earlier.para]),
    ),
  };
}

/** The later pair as a claim of its own, at the figure found restated. */
function pairClaim(x: Pair, at: AmountMention | PercentMention): Amount {
  return {
    kind: 'amount',
    subject: { id: `pair:${x.name}`, names: [x.name], label: x.name },
    role: 'actual',
    amount: x.level,
    ...place(x.p, sentenceAt(x.p, at.start), at),
  };
}

/**
 * n.restated for a level's change: one level, written alike in two sentences (three significant digits or more, one
 * value and precision), each time with its change over one base — the year before, or a budget — in one direction: the
 * two changes (or rates) are one quantity's. Reported only where they differ as a typing slip does (restated.ts slipOf):
 * two figures of one value that are two quantities (收入合计 and 财政拨款收入 alike at 100%) may have changes of their
 * own, never two changes one slip apart by chance. Likewise one change, written alike with one name before its level,
 * makes the two levels one figure.
 */
export function restatedPairFindings(read: readonly ParaText[]): Restated {
  const pairs = pairsIn(read);
  const out: Restated = [];
  const reported = new Set<Pair>();
  const report = (earlier: Pair, later: Pair, what: 'change' | 'rate' | 'level') => {
    if (reported.has(later)) return;
    reported.add(later);
    const at = (what === 'level' ? later.level : later[what]) as AmountMention | PercentMention;
    const was = (what === 'level' ? earlier.level : earlier[what]) as AmountMention | PercentMention;
    const word = what === 'rate' ? later.rateWord : later.word;
    const claim = pairClaim(later, at);
    out.push({
      claim,
      finding: finding(
        claim,
        'narrative.restated',
        'restated',
        {
          subject: `${later.name}${what === 'level' ? '' : ` ${later.level.text}`}`,
          role:
            what === 'level'
              ? `（${later.cmp}${later.word} ${later.change?.text ?? ''}的数）`
              : `${later.cmp || '比上年'}的变动${what === 'rate' ? '率' : ''}`,
          actual: what === 'level' ? at.text : `${word} ${at.text}`,
          expected: what === 'level' ? was.text : `${word} ${was.text}`,
          earlier: earlier.p.para.id,
        },
        otherParas(claim, [earlier.p.para]),
      ),
    });
  };
  const byLevel = new Map<string, Pair[]>();
  for (const x of pairs) {
    const key = `${x.level.unit}:${x.level.value.toFixed()}:${x.level.decimals}:${x.base}:${x.up}`;
    const earlier = byLevel.get(key) ?? [];
    for (const e of earlier) {
      if (oneSentence(e, x)) continue;
      if (e.change && x.change && !sameFigure(e.change, x.change) && slipOf(e.change, x.change)) report(e, x, 'change');
      else if (e.rate && x.rate && !sameFigure(e.rate, x.rate) && slipOf(e.rate, x.rate)) report(e, x, 'rate');
    }
    byLevel.set(key, [...earlier, x]);
  }
  // one change written alike after one name: its level is one figure
  const byChange = new Map<string, Pair[]>();
  for (const x of pairs) {
    if (!x.change || significantDigits(x.change) < 3 || x.name.length < 4) continue;
    const key = `${x.name}:${x.change.unit}:${x.change.value.toFixed()}:${x.change.decimals}:${x.base}:${x.up}`;
    const earlier = byChange.get(key) ?? [];
    for (const e of earlier)
      if (!oneSentence(e, x) && !sameFigure(e.level, x.level) && slipOf(e.level, x.level)) report(e, x, 'level');
    byChange.set(key, [...earlier, x]);
  }
  return out;
}

/** A change named by the item right before its word: "一是财政拨款收入减少 a", "主要原因是人员经费预算增加 b、商品和服务支出增加 c". */
const ITEM_CHANGE =
  /^(?:[一二三四五六七八九十]是|其[一二三四五]|首先|其次|另外|此外)?(?:主要(?:原因)?(?:是|为)|原因(?:是|为))?[：:]?(?<name>[\u4e00-\u9fff（）]{4,16}?)(?<word>增加|减少|增收|减收|增支|减支)了?$/u;
/** What an item's name ends with: a quantity of money. */
const ITEM_NOUN = /(?:收入|支出|经费|费用?|资金|结余|结转|拨款|补助|预算|收益|税)$/u;
/** Words that make the name no item's: a comparison ("比上年"), several at once, a bound. */
const NOT_ITEM = /比|较|与|同比|相比|上年|去年|同期|分别|各|均|合计|总计|累计|约|近|超过|以上/u;
/** The frame words of a paragraph up to a figure: its last year (not a comparison's), scope and fund. */
const ITEM_FRAME =
  /(?<![比较与])(?:19|20)[0-9]{2}年|全[省市县区镇乡州]|[省市县区镇乡]?本级|[省市县区镇]级|一般公共预算|政府性基金|国有资本经营|社会保险基金/gu;

interface ItemChange {
  p: ParaText;
  change: AmountMention;
  name: string;
  word: string;
  key: string;
}

/** The changes of the text named by their item, each keyed by its name, direction and the frame words before it. */
function itemChangesIn(read: readonly ParaText[]): ItemChange[] {
  const out: ItemChange[] = [];
  for (const p of read) {
    const text = p.n.text;
    if (text.includes('|')) continue;
    // the frame words before each figure, read once along the paragraph (a search of each figure's whole prefix made a
    // long paragraph's figures quadratic)
    const frames = [...allMatches(text, ITEM_FRAME)];
    let next = 0;
    const last = { year: '', scope: '', fund: '' };
    for (const change of p.amounts) {
      for (; next < frames.length; next += 1) {
        const f = frames[next] as RegExpExecArray;
        if (f.index + f[0].length > change.start) break;
        if (f[0].endsWith('年')) last.year = f[0];
        else if (/级|全/u.test(f[0])) last.scope = f[0];
        else last.fund = f[0];
      }
      if (significantDigits(change) < 3) continue;
      const clause = text.slice(markStart(p, '，,。；;：:、', change.start), change.start).trim();
      const m = ITEM_CHANGE.exec(clause);
      const name = m?.groups?.name ?? '';
      if (!m || !ITEM_NOUN.test(name) || NOT_ITEM.test(name)) continue;
      const word = m.groups?.word ?? '';
      const { year, scope, fund } = last;
      out.push({ p, change, name, word, key: `${name}:${UP_WORD.test(word)}:${year}:${scope}:${fund}` });
    }
  }
  return out;
}

/**
 * n.restated for an item's change: one item's change named alike in two sentences — the reasons of the 收支 total's
 * change and again of the 收入合计's ("一是财政拨款收入减少 a；…" and "…；财政拨款收入减少 a；…"), of the income and of
 * the spending budget — with the same year, scope and fund before it, is one change. Reported where the two differ as a
 * typing slip does; an item written with three values or more is several periods' or bodies' (left).
 */
export function restatedItemChangeFindings(read: readonly ParaText[]): Restated {
  const byKey = new Map<string, ItemChange[]>();
  for (const x of itemChangesIn(read)) byKey.set(x.key, [...(byKey.get(x.key) ?? []), x]);
  const out: Restated = [];
  for (const stated of byKey.values()) {
    if (stated.length < 2) continue;
    if (distinctFigures(stated.map((x) => x.change)) !== 2) continue;
    const [first] = stated;
    if (!first) continue;
    for (const x of stated.slice(1)) {
      if (
        oneSentenceOf(x.p, x.change, first.p, first.change) ||
        sameFigure(first.change, x.change) ||
        !slipOf(first.change, x.change)
      )
        continue;
      out.push(
        restatedAt(
          x.p,
          x.change,
          { id: `item-change:${x.name}`, name: x.name },
          {
            subject: x.name,
            role: '的变动',
            actual: `${x.word} ${x.change.text}`,
            expected: `${first.word} ${first.change.text}`,
          },
          first.p,
        ),
      );
      break;
    }
  }
  return out;
}

/** A title: the text's first line, short, one clause group with no full stop inside, more lines after it. */
const TITLE_MAX = 60;

/**
 * n.restated for a title's figure: a news item's title restates the body's figures ("中央去年“三公”支出达 A 亿元" over
 * "…“三公”经费支出合计 A 亿元"). A figure of the title (three significant digits or more) that the body writes nowhere,
 * while the body writes a figure one typing slip from it (slipOf), is one figure written two ways.
 */
export function restatedTitleFindings(read: readonly ParaText[]): Restated {
  const [title, ...body] = read;
  if (!title || body.length === 0) return [];
  const text = title.n.text.trim();
  // (not a first line of running text: an outline heading's, or a sentence ending in its stop or comma)
  if (text.length > TITLE_MAX || /[。！？]./u.test(text) || /[。；，,;]$/u.test(text) || text.includes('|')) return [];
  if (outlineMark(text) !== '') return [];
  const out: Restated = [];
  const figures = (p: ParaText) => [...p.amounts, ...p.percents] as (AmountMention | PercentMention)[];
  const bodyFigures = body.flatMap((p) => figures(p).map((m) => ({ p, m })));
  const isAmount = (m: AmountMention | PercentMention) => 'unit' in m;
  // (a title writes 亿 or 万 bare before its change word, "…财政进账 263.7 亿 增长 8.3%": read as 亿元, 万元 here)
  const spaced = [
    ...allMatches(text, /(?<![0-9.,])([0-9][0-9,]*(?:\.[0-9]+)?)([万亿])(?=\s|$|同比|增长|增加|下降|减少)/gu),
  ].flatMap((m) => {
    const start = title.n.text.indexOf(text) + (m.index ?? 0);
    if (title.amounts.some((a) => a.start === start)) return [];
    const digits = (m[1] as string).replace(/,/gu, '');
    return [{ ...writtenAmount(digits, `${m[2]}元`), text: m[0], start, end: start + m[0].length } as AmountMention];
  });
  for (const h of [...figures(title), ...spaced]) {
    if (significantDigits(h) < 3) continue;
    const alike = bodyFigures.filter(({ m }) => isAmount(m) === isAmount(h));
    if (alike.some(({ m }) => sameFigure(m, h))) continue;
    const slip = alike.find(({ m }) => slipOf(m, h));
    if (!slip) continue;
    out.push(
      restatedAt(
        title,
        (isAmount(h) ? h : slip.m) as AmountMention,
        { id: 'title', name: '' },
        { subject: '标题', role: '中的数', actual: h.text, expected: slip.m.text },
        slip.p,
        h,
      ),
    );
  }
  return out;
}

/**
 * A budget's one total, written under its names: "收支总预算 A", "收入预算（总额）为 A", "支出预算（总额）A" — a 部门预算
 * balances by construction, so its income and spending totals and the 收支总预算 are one figure. The name stands at its
 * clause's start or right after the year or the body ("故宫博物院 2023 年收入预算", "单位支出预算"), never after a fund,
 * a class or a kind of spending ("基本支出预算", "一般公共预算收入预算", "本年收入预算").
 */
const BUDGET_TOTAL =
  /(?<=^|[，。；：:、\s]|[0-9]年|年度|单位|部门|[院局会校园心站所馆])(?<name>收支总预算|(?:收入|支出)预算(?:总额|总计)?)(?:为|是|：|:)?$/u;
/** Words that make the clause another total's: a fund, a part, a year before, a change. */
const NOT_BUDGET_TOTAL =
  /一般公共预算|政府性基金|国有资本|财政拨款|基本|项目|本年|上年|去年|比|较|增|减|其中|合计|调整|执行|决算/u;

/**
 * n.restated for a budget's total: the 收支总预算, the 收入预算 and the 支出预算 of one year (its year written before each,
 * or none) are one figure; two of them that differ as a typing slip does are one figure mistyped. Three values or more,
 * two years, a sentence naming both (收入 and 支出 of a pair) are left.
 */
export function restatedBudgetTotalFindings(read: readonly ParaText[]): Restated {
  const stated: { p: ParaText; amount: AmountMention; name: string; year: string }[] = [];
  for (const p of read) {
    const text = p.n.text;
    if (text.includes('|')) continue;
    for (const amount of p.amounts) {
      // (the clause and the year before the figure from the paragraph's marks and years found once: a scan back per
      // figure made a long paragraph's figures quadratic)
      const clause = text.slice(markStart(p, '，,。；;', amount.start), amount.start);
      const m = BUDGET_TOTAL.exec(clause);
      if (!m?.groups || NOT_BUDGET_TOTAL.test(clause)) continue;
      const year = lastYearBefore(p, amount.start) ?? '';
      stated.push({ p, amount, name: m.groups.name ?? '', year });
    }
  }
  const out: Restated = [];
  const years = new Set(stated.map((s) => s.year));
  for (const year of years) {
    const of = stated.filter((s) => s.year === year);
    if (distinctFigures(of.map((x) => x.amount)) !== 2) continue;
    const [first] = of;
    const later = of.find((s) => !sameFigure(s.amount, first?.amount as AmountMention));
    if (!first || !later || !slipOf(first.amount, later.amount)) continue;
    if (oneSentenceOf(later.p, later.amount, first.p, first.amount)) continue;
    out.push(
      restatedAt(
        later.p,
        later.amount,
        { id: `budget-total:${later.name}`, name: later.name, role: 'budget' },
        { subject: later.name, role: '（收支总预算）', actual: later.amount.text, expected: first.amount.text },
        first.p,
      ),
    );
  }
  return out;
}
