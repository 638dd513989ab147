/**
 * More stories, toward the variety real 情况说明 have: one figure compared with several targets in
 * one sentence, 其中 lists whose items carry their own changes (or only changes), the carryover
 * identity, “三公” with the vehicle split and reception counts in 批次/人次 beside amounts in another
 * unit, counts of units. As in stories.ts, everything written comes from exact figures, and each
 * mutation is one the text alone proves wrong.
 */
import fc from 'fast-check';
import {
  abs,
  amount,
  cents,
  D,
  type Dec,
  percent,
  positiveCents,
  provablyOutside,
  type Range,
  ratioRange,
  type Style,
  style,
  written,
} from './consistent-text.js';
import type { Mutation, Story } from './stories.js';

const pick = <T>(items: readonly T[], n: number): T => items[n % items.length] as T;
const exact = (c: bigint): Dec => new D(c.toString());

/** Interval of a written amount. */
function span(c: bigint, s: Style): { low: Dec; high: Dec; value: Dec } {
  const w = written(c, s);
  return { low: w.value.minus(w.radius), high: w.value.plus(w.radius), value: w.value };
}

/** The bounds of the base (current − change) given the written current and change. */
function baseSpan(current: bigint, change: bigint, s: Style): { low: Dec; high: Dec } {
  const a = span(current, s);
  const c = span(abs(change), s);
  return change > 0n
    ? { low: a.low.minus(c.high), high: a.high.minus(c.low) }
    : { low: a.low.plus(c.low), high: a.high.plus(c.high) };
}

/** A rate far from the written one (see stories.ts). */
const offRate = (rate: Dec, s: Style): string => percent(rate.mul('1.3').plus(2), new D(100), s);

/** A comparison clause: 比/较 T 增加 C，增长 P% (or 与 T 持平). */
function compared(target: string, current: bigint, base: bigint, s: Style, form: number, rate?: string): string {
  const change = current - base;
  if (change === 0n) return `与${target}持平`;
  const up = change > 0n;
  const P = rate ?? percent(exact(abs(change)), exact(base), s);
  const said = `${up ? '增加' : '减少'}${amount(abs(change), s)}，${up ? '增长' : '下降'}${P}%`;
  if (form === 1) return `与${target}相比，${said}`;
  return `${form === 2 ? '较' : '比'}${target}${said}`;
}

const BUDGETS = ['年初预算', '调整预算', '全年预算', '年初预算数'];
const YEARS = ['上年', '上年决算数', '2023年', '2019年（疫情前）', '2023年度决算数'];
const TWO_SUBJECTS = ['“三公”经费财政拨款支出', '机关运行经费支出', '一般公共预算财政拨款支出', '公务接待费支出'];

/**
 * 决算为 A，比年初预算增加 X，增长 P%，比上年增加 Y，增长 Q%: two comparisons, each with its own base
 * (A − X, A − Y), in either order, with 比/较/与…相比, and the same-basis 按同口径比上年.
 */
export const twoBaseStory: fc.Arbitrary<Story> = fc
  .record({
    current: positiveCents,
    budget: positiveCents,
    prior: positiveCents,
    s: style,
    subject: fc.nat(),
    targets: fc.tuple(fc.nat(), fc.nat()),
    forms: fc.tuple(fc.nat({ max: 2 }), fc.nat({ max: 2 })),
    yoyFirst: fc.boolean(),
  })
  .map(({ current, budget, prior, s, subject, targets, forms, yoyFirst }) => {
    const S = pick(TWO_SUBJECTS, subject);
    const budgetWord = pick(BUDGETS, targets[0]);
    const yearWord = pick(YEARS, targets[1]);
    const render = (rates: [string | undefined, string | undefined]) => {
      const b = compared(budgetWord, current, budget, s, forms[0], rates[0]);
      const y = compared(yearWord, current, prior, s, forms[1], rates[1]);
      return [`2024年度${S}决算为${amount(current, s)}，${yoyFirst ? `${y}，${b}` : `${b}，${y}`}。`];
    };
    const mutations: Mutation[] = [];
    // a rate off over its own base, and also over the other comparison's base and over the current
    const bases = [budget, prior];
    const ranges: (Range | null)[] = bases.map((base) => {
      const change = current - base;
      if (change === 0n) return null;
      const b = baseSpan(current, change, s);
      const c = span(abs(change), s);
      return ratioRange(c.low, c.high, b.low, b.high);
    });
    bases.forEach((base, i) => {
      const change = current - base;
      if (change === 0n || span(abs(change), s).value.isZero()) return;
      const off = offRate(exact(abs(change)).div(exact(base)).mul(100), s);
      const c = span(abs(change), s);
      const a = span(current, s);
      const overCurrent = ratioRange(c.low, c.high, a.low, a.high);
      const otherBase = (() => {
        const other = bases[1 - i] as bigint;
        if (other === current) return null;
        const o = baseSpan(current, current - other, s);
        return ratioRange(c.low, c.high, o.low, o.high);
      })();
      const outside = (r: Range | null) => r === null || provablyOutside(off, r);
      if (provablyOutside(off, ranges[i] ?? null) && outside(overCurrent) && outside(otherBase)) {
        const rates: [string | undefined, string | undefined] = [undefined, undefined];
        rates[i] = off;
        mutations.push({ what: `rate ${i} → ${off}`, rule: 'n.yoy', paragraphs: render(rates) });
      }
    });
    return { paragraphs: render([undefined, undefined]), mutations };
  });

interface Breakdown {
  total: string;
  items: readonly [string, string];
  /** the checker knows the total is the sum of the items (a partition of its catalog), so a change sum is provable */
  partition: boolean;
}

const BREAKDOWNS: readonly Breakdown[] = [
  { total: '一般公共预算财政拨款基本支出', items: ['人员经费', '公用经费'], partition: true },
  { total: '本年支出合计', items: ['基本支出', '项目支出'], partition: false },
  { total: '公务用车购置及运行维护费', items: ['公务用车购置费', '公务用车运行维护费'], partition: true },
];

/**
 * 总数 T，比上年增加 C。其中：甲 a，较上年减少 c1，下降 p1%；乙 b，较上年增加 c2 — a list of levels
 * each with its own change; or 其中：甲减少 c1，乙增加 c2 — a list of changes only (never amounts).
 */
export const itemChangesStory: fc.Arbitrary<Story> = fc
  .record({
    now: fc.tuple(positiveCents, positiveCents),
    before: fc.tuple(positiveCents, positiveCents),
    s: style,
    kind: fc.nat(),
    changesOnly: fc.boolean(),
    rates: fc.boolean(),
  })
  .map(({ now, before, s, kind, changesOnly, rates }) => {
    const k = pick(BREAKDOWNS, kind);
    const total = now[0] + now[1];
    const priorTotal = before[0] + before[1];
    const move = (n: bigint, p: bigint, withRate: boolean, override?: string) => {
      if (n === p) return '与上年持平';
      const up = n > p;
      const rate = withRate ? `，${up ? '增长' : '下降'}${percent(exact(abs(n - p)), exact(p), s)}%` : '';
      return `${up ? '增加' : '减少'}${override ?? amount(abs(n - p), s)}${rate}`;
    };
    const head = `2024年度${k.total}${amount(total, s)}，${total === priorTotal ? '与上年持平' : `比上年${move(total, priorTotal, rates)}`}。`;
    const render = (levels: (string | undefined)[], changes: (string | undefined)[]) => {
      const items = k.items.map((name, i) => {
        const n = now[i] as bigint;
        const p = before[i] as bigint;
        const m = move(n, p, rates, changes[i]);
        if (changesOnly) return `${name}${m}`;
        return `${name}${levels[i] ?? amount(n, s)}，${m === '与上年持平' ? m : `较上年${m}`}`;
      });
      return [`${head}其中：${items.join('；')}。`];
    };
    const mutations: Mutation[] = [];
    // the second item's change grown beyond what the roundings of the three changes explain
    const n = now[1];
    const p = before[1];
    // (a list of changes only, with no level before each change, is not read as the items' changes: not checked yet)
    if (k.partition && !changesOnly && n !== p && total !== priorTotal) {
      const w = written(abs(n - p), s);
      const grown = w.value.plus(w.radius.mul(10)).plus(written(abs(total - priorTotal), s).value.mul('0.1'));
      mutations.push({
        what: `item change 1 → ${grown}`,
        rule: 'n.change-sum',
        paragraphs: render([], [undefined, `${grown.toFixed(s.decimals)}${s.unit}`]),
      });
    }
    return { paragraphs: render([], []), mutations };
  });

/**
 * 年初结转和结余 A，本年收入 B，本年支出 C，年末结转和结余 D = A + B − C (in any unit), as one
 * sentence or as 收入总计 (A + B) … 支出总计 (C + D).
 */
export const carryoverStory: fc.Arbitrary<Story> = fc
  .record({ opening: cents, income: positiveCents, spent: cents, s: style, form: fc.nat({ max: 2 }) })
  .filter(({ opening, income, spent }) => spent <= opening + income)
  .map(({ opening, income, spent, s, form }) => {
    const closing = opening + income - spent;
    const lead = form === 2 ? '财政拨款' : '';
    const render = (closingText: string) => [
      form === 1
        ? `2024年度本年收入${amount(income, s)}，本年支出${amount(spent, s)}，年初结转和结余${amount(opening, s)}，年末结转和结余${closingText}。`
        : `2024年度${lead}年初结转和结余${amount(opening, s)}，${lead}本年收入${amount(income, s)}，${lead}本年支出${amount(spent, s)}，${lead}年末结转和结余${closingText}。`,
    ];
    const mutations: Mutation[] = [];
    const w = written(closing, s);
    const slack = w.radius.mul(8);
    const off = w.value.plus(slack).plus(written(income, s).value.mul('0.1'));
    mutations.push({
      what: `closing → ${off}`,
      rule: 'n.carryover',
      paragraphs: render(`${off.toFixed(s.decimals)}${s.unit}`),
    });
    return { paragraphs: render(amount(closing, s)), mutations };
  });

/**
 * “三公”经费 T 万元 = 出国 + 用车（购置 + 运行）+ 接待, each with its change, the vehicle's two parts
 * with theirs, reception also in 批次/人次, and the items in a finer unit than the total (元 beside 万元).
 */
export const sangongDetailStory: fc.Arbitrary<Story> = fc
  .record({
    now: fc.tuple(cents, cents, cents, cents),
    before: fc.tuple(cents, cents, cents, cents),
    visits: fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 3000 })),
    s: style,
    itemStyle: style,
  })
  .map(({ now, before, visits, s, itemStyle }) => {
    const [abroad, purchase, operation, reception] = now;
    const priorOf = [before[0], before[1] + before[2], before[3]];
    const vehicle = purchase + operation;
    const total = abroad + vehicle + reception;
    const priorTotal = priorOf.reduce((a, b) => a + b, 0n);
    const change = (n: bigint, p: bigint, st: Style, override?: string) =>
      n === p ? '与上年持平' : `比上年${n > p ? '增加' : '减少'}${override ?? amount(abs(n - p), st)}`;
    const render = (overrides: (string | undefined)[] = []) => [
      `2024年度“三公”经费支出${amount(total, s)}，${change(total, priorTotal, s)}。`,
      `其中：因公出国（境）费${amount(abroad, itemStyle)}，${change(abroad, before[0], itemStyle, overrides[0])}；公务用车购置及运行维护费${amount(vehicle, itemStyle)}，${change(vehicle, priorOf[1] as bigint, itemStyle, overrides[1])}，其中公务用车购置费${amount(purchase, itemStyle)}，${change(purchase, before[1], itemStyle)}，公务用车运行维护费${amount(operation, itemStyle)}，${change(operation, before[2], itemStyle)}；公务接待费${amount(reception, itemStyle)}，${change(reception, before[3], itemStyle, overrides[2])}，共接待${visits[0]}批次、${visits[1]}人次。`,
    ];
    const mutations: Mutation[] = [];
    if (reception !== before[3]) {
      const w = written(abs(reception - before[3]), itemStyle);
      const t = written(abs(total - priorTotal), s);
      // in the items' unit: the total's change and its radius converted, so the grown change cannot be rounding
      const scale = unitScale(s, itemStyle);
      const grown = w.value.plus(w.radius.mul(10)).plus(t.value.mul(scale).mul('0.1')).plus(t.radius.mul(scale).mul(4));
      mutations.push({
        what: `reception change → ${grown}`,
        rule: 'n.change-sum',
        paragraphs: render([undefined, undefined, `${grown.toFixed(itemStyle.decimals)}${itemStyle.unit}`]),
      });
    }
    return { paragraphs: render(), mutations };
  });

const YUAN_OF = { 元: 1, 万元: 10_000, 亿元: 100_000_000 } as const;
/** How many of `to`'s unit one of `from`'s unit is. */
function unitScale(from: Style, to: Style): Dec {
  return new D(YUAN_OF[from.unit]).div(YUAN_OF[to.unit]);
}

const COUNT_FORMS = [
  {
    total: (n: number) => `纳入本部门2024年度部门决算编制范围的单位共${n}个`,
    groups: ['行政单位', '参照公务员法管理事业单位', '其他事业单位'],
    unit: '个',
  },
  { total: (n: number) => `本部门编制人数共${n}人`, groups: ['行政编制', '事业编制', '工勤编制'], unit: '人' },
  { total: (n: number) => `年末实有人员共${n}人`, groups: ['在职人员', '离休人员', '退休人员'], unit: '人' },
] as const;

/** 共 N 个 … 其中 a 个、b 个 (a unit word after each group, 、 or ， between them). */
export const unitCountStory: fc.Arbitrary<Story> = fc
  .record({
    groups: fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 2, maxLength: 3 }),
    form: fc.nat(),
    comma: fc.boolean(),
    extra: fc.integer({ min: 1, max: 4 }),
  })
  // (groups that are all 0 list nothing to add up; a whole above 4 leaves room to write it smaller)
  .filter(({ groups }) => groups.reduce((a, b) => a + b, 0) > 4)
  .map(({ groups, form, comma, extra }) => {
    const f = pick(COUNT_FORMS, form);
    const n = groups.reduce((a, b) => a + b, 0);
    const render = (total: number) => [
      `${f.total(total)}，其中：${groups.map((g, i) => `${f.groups[i]}${g}${f.unit}`).join(comma ? '，' : '、')}。`,
    ];
    return {
      paragraphs: render(n),
      // a whole smaller than its groups is wrong however many kinds are named; a larger one only when every kind of
      // the classing is (行政、参公、其他事业单位; 行政、事业、工勤编制; 在职、离休、退休): fewer may name some of them only
      // (staff whose in-service group alone is the whole written count the retired beside it: no error)
      mutations: [
        ...(f.groups[0] === '在职人员' && groups[0] === n - extra
          ? []
          : [{ what: `共 ${n} → ${n - extra}`, rule: 'n.count', paragraphs: render(n - extra) }]),
        ...(groups.length === f.groups.length
          ? [{ what: `共 ${n} → ${n + extra}`, rule: 'n.count', paragraphs: render(n + extra) }]
          : []),
      ],
    };
  });

export const widerStories = {
  twoBase: twoBaseStory,
  itemChanges: itemChangesStory,
  carryover: carryoverStory,
  sangongDetail: sangongDetailStory,
  unitCount: unitCountStory,
};
