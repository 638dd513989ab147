/**
 * Stories: the figures of one topic of a 情况说明 (a change over the year, a completion rate, a
 * list and its total, “三公” and its items, a count and its groups), drawn exactly and written as a
 * careful unit writes them, in phrasings the narrative shapes already hold. Each story also offers
 * the mutations the text alone proves wrong, with the rule that must catch each.
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
  truncatedPercent,
  written,
} from './consistent-text.js';

export interface Mutation {
  what: string;
  rule: string;
  paragraphs: string[];
}

export interface Story {
  paragraphs: string[];
  mutations: Mutation[];
}

const pick = <T>(items: readonly T[], n: number): T => items[n % items.length] as T;

/** A rate "off" the written one: far enough that no rounding explains it (checked by the caller). */
function offRate(exact: Dec, s: Style): string {
  return percent(exact.mul('1.3').plus(2), new D(100), s);
}

/** Interval of a written amount. */
function span(c: bigint, s: Style): { low: Dec; high: Dec; value: Dec } {
  const w = written(c, s);
  return { low: w.value.minus(w.radius), high: w.value.plus(w.radius), value: w.value };
}

const YOY_SUBJECTS = ['本年收入合计', '本年支出合计', '机关运行经费支出', '“三公”经费支出', '公务接待费支出'];

/** The words of a change and its rate: 增加/增长 (or 增/增幅), 减少/下降 (or 减/减幅). */
const WORDS = [
  { up: ['增加', '增长'], down: ['减少', '下降'] },
  { up: ['增', '增幅'], down: ['减', '减幅'] },
] as const;

/**
 * 本年数 A，比上年增加/减少 C，增长/下降 P%（或持平）, in the shapes' phrasings: with the 全年预算
 * between the figure and the comparison, with the prior year's figure written, with one-character words.
 */
export const yoyStory: fc.Arbitrary<Story> = fc
  .record({
    current: cents,
    prior: positiveCents,
    budget: positiveCents,
    before: positiveCents,
    s: style,
    subject: fc.nat(),
  })
  .map(({ current, prior, budget, before, s, subject }) => {
    const form = s.phrasing % 7;
    // 2024年 A，2023年为 B，较2022年增加 C：the change is the year written before it (B) against its own
    // year before — B is the current of the comparison and 2022 its base, never A's
    if (form === 6) return priorYearStory(current, prior, before, s, pick(YOY_SUBJECTS, subject));
    const S = pick(YOY_SUBJECTS, subject);
    const change = current - prior;
    const up = change > 0n;
    const C = amount(abs(change), s);
    const exactChange = new D(abs(change).toString());
    const exactRate = exactChange.div(prior.toString()).mul(100);
    const P = percent(exactChange, new D(prior.toString()), s);
    const A = amount(current, s);
    const B = amount(budget, s);
    const R = percent(new D(current.toString()), new D(budget.toString()), s);
    const words = WORDS[form === 5 ? 1 : 0];
    const [dir, rateWord] = up ? words.up : words.down;
    const flipped = up ? words.down[1] : words.up[1];
    const sentence = (rate: string, flip = false): string => {
      const said = `${dir}${C}，${flip ? flipped : rateWord}${rate}%`;
      const flat = change === 0n;
      if (form === 0) return `2024年度${S}为${A}，${flat ? '与上年持平' : `比上年${said}`}。`;
      if (form === 1) return `2024年度${S}${A}，${flat ? '与上年持平' : `与上年相比，${said}`}。`;
      if (form === 2)
        return `2024年度${S}决算为${A}，完成全年预算${B}的${R}%，${flat ? '与上年持平' : `比上年决算数${said}`}。`;
      if (form === 3) return `2024年度${S}决算为${A}，${flat ? '与上年持平' : `较上年决算数${said}`}。`;
      if (form === 4)
        return `2024年${S}${A}，2023年为${amount(prior, s)}，${flat ? '与上年持平' : `较2023年${said}`}。`;
      return `${S}${A}，${flat ? '较上年持平' : `较上年${said}`}。`;
    };
    const mutations: Mutation[] = [];
    if (change !== 0n) {
      const a = span(current, s);
      const c = span(abs(change), s);
      // the base: the prior year's figure where written, else the current less the change
      const priorSpan =
        form === 4
          ? span(prior, s)
          : up
            ? { low: a.low.minus(c.high), high: a.high.minus(c.low) }
            : { low: a.low.plus(c.low), high: a.high.plus(c.high) };
      const base: Range | null = ratioRange(c.low, c.high, priorSpan.low, priorSpan.high);
      const overCurrent = ratioRange(c.low, c.high, a.low, a.high);
      const wrong = (p: string) =>
        provablyOutside(p, base) && (overCurrent === null || provablyOutside(p, overCurrent));
      const off = offRate(exactRate, s);
      // (a change printed as 0 bounds its rate but the checker reads such a change as none: left alone)
      if (wrong(off) && c.value.gt(0))
        mutations.push({ what: `rate ${P} → ${off}`, rule: 'n.yoy', paragraphs: [sentence(off)] });
      // cut short from the figures as written (the rule judges what the text shows, not what lies behind it)
      const cut = truncatedPercent(c.value, priorSpan.low.plus(priorSpan.high).div(2), s);
      // (with the prior year written, the current less the change must give the same cut: either base may be read)
      const fromCurrent = up ? a.value.minus(c.value) : a.value.plus(c.value);
      const sameCut = form !== 4 || (fromCurrent.gt(0) && truncatedPercent(c.value, fromCurrent, s) === cut);
      if (cut && wrong(cut) && sameCut)
        mutations.push({ what: `rate ${P} cut to ${cut}`, rule: 'n.share-truncated', paragraphs: [sentence(cut)] });
      if (c.value.gt(0) && new D(P).gt(0))
        mutations.push({ what: 'rate word flipped', rule: 'n.direction', paragraphs: [sentence(P, true)] });
    }
    return { paragraphs: [sentence(P)], mutations };
  });

/**
 * 2024年 S A，2023年为 B，较2022年增加 C，增长 P%: C and P are 2023's against 2022 (base B − C). A rate
 * worked over A − C (2024 read as the current) is wrong, and n.yoy says so: the year compared with is
 * the one before B's, so B is the comparison's current.
 */
function priorYearStory(current: bigint, prior: bigint, before: bigint, s: Style, S: string): Story {
  const change = prior - before;
  const up = change > 0n;
  const C = amount(abs(change), s);
  const P = percent(new D(abs(change).toString()), new D(before.toString()), s);
  const sentence = (rate: string) =>
    `2024年${S}${amount(current, s)}，2023年为${amount(prior, s)}，${change === 0n ? '与2022年持平' : `较2022年${up ? '增加' : '减少'}${C}，${up ? '增长' : '下降'}${rate}%`}。`;
  const mutations: Mutation[] = [];
  const a = span(current, s);
  const b = span(prior, s);
  const c = span(abs(change), s);
  const shift = (x: { low: Dec; high: Dec }) =>
    up
      ? { low: x.low.minus(c.high), high: x.high.minus(c.low) }
      : { low: x.low.plus(c.low), high: x.high.plus(c.high) };
  const own = shift(b);
  const fromCurrent = shift(a);
  const mid = fromCurrent.low.plus(fromCurrent.high).div(2);
  if (change !== 0n && c.value.gt(0) && mid.gt(0)) {
    const wrong = percent(c.value, mid, s);
    const over = (x: { low: Dec; high: Dec }): Range | null => ratioRange(c.low, c.high, x.low, x.high);
    // wrong over B − C (an unbounded range proves nothing), and not the change over B itself (n.yoy-over-current)
    const overB = over(b);
    if (provablyOutside(wrong, over(own)) && (overB === null || provablyOutside(wrong, overB)))
      mutations.push({
        what: `rate ${P} → ${wrong} (over 2024's A − C)`,
        rule: 'n.yoy',
        paragraphs: [sentence(wrong)],
      });
  }
  return { paragraphs: [sentence(P)], mutations };
}

/** 收、支总计各为 A、B，各增加/减少 C、D，各增长/下降 P%、Q%: each rate over its own pair. */
export const pairedStory: fc.Arbitrary<Story> = fc
  .record({ now: fc.tuple(positiveCents, positiveCents), before: fc.tuple(positiveCents, positiveCents), s: style })
  // (收、支总计 of a whole unit: at least 1 万元)
  .filter(({ now }) => now[0] >= 1_000_000n && now[1] >= 1_000_000n)
  .filter(
    ({ now, before }) => now[0] !== before[0] && now[0] > before[0] === now[1] > before[1] && now[1] !== before[1],
  )
  .map(({ now, before, s }) => {
    const up = now[0] > before[0];
    const changes = [abs(now[0] - before[0]), abs(now[1] - before[1])];
    const rates = changes.map((c, i) => percent(new D(c.toString()), new D((before[i] as bigint).toString()), s));
    // 各 or 分别, the pair named 收、支总计 or 收入总计和支出总计, the unit after each figure or once at the end
    const form = s.phrasing % 3;
    const each = form === 1 ? '分别' : '各';
    const pair = form === 2 ? '收入总计和支出总计' : '收、支总计';
    const both = (a: bigint, b: bigint) =>
      form === 1 ? `${amount(a, s).replace(s.unit, '')}、${amount(b, s)}` : `${amount(a, s)}、${amount(b, s)}`;
    const render = (r: string[]) => [
      `2024年度${pair}${each}为${both(now[0], now[1])}。与上年相比，${pair}${each}${up ? '增加' : '减少'}${both(changes[0] as bigint, changes[1] as bigint)}，${each}${up ? '增长' : '下降'}${r[0]}%、${r[1]}%。`,
    ];
    const mutations: Mutation[] = [];
    const i = 1;
    const a = span(now[i] as bigint, s);
    const c = span(changes[i] as bigint, s);
    const prior = up
      ? { low: a.low.minus(c.high), high: a.high.minus(c.low) }
      : { low: a.low.plus(c.low), high: a.high.plus(c.high) };
    const base = ratioRange(c.low, c.high, prior.low, prior.high);
    const overCurrent = ratioRange(c.low, c.high, a.low, a.high);
    const cut = truncatedPercent(c.value, prior.low.plus(prior.high).div(2), s);
    if (cut && provablyOutside(cut, base) && (overCurrent === null || provablyOutside(cut, overCurrent)))
      mutations.push({
        what: `second rate cut to ${cut}`,
        rule: 'n.share-truncated',
        paragraphs: render([rates[0] as string, cut]),
      });
    return { paragraphs: render(rates), mutations };
  });

const RATE_SUBJECTS = ['机关运行经费', '“三公”经费财政拨款支出', '公务接待费', '一般公共预算财政拨款支出'];

/** 年初预算 B，支出决算 A，完成年初预算的 R%（决算数大于/小于预算数）. */
export const rateStory: fc.Arbitrary<Story> = fc
  .record({ actual: cents, budget: positiveCents, s: style, subject: fc.nat(), words: fc.boolean() })
  .map(({ actual, budget, s, subject, words }) => {
    const S = pick(RATE_SUBJECTS, subject);
    const A = amount(actual, s);
    const B = amount(budget, s);
    const exact = new D(actual.toString()).div(budget.toString()).mul(100);
    const R = percent(new D(actual.toString()), new D(budget.toString()), s);
    const more = actual > budget;
    const compare = (flip: boolean) =>
      words && actual !== budget ? `，决算数${more !== flip ? '大于' : '小于'}预算数` : '';
    // "决算数大于预算数 D": the budget is then the 决算 less (or plus) the difference
    const form = actual === budget ? s.phrasing % 2 : s.phrasing % 3;
    const difference = amount(abs(actual - budget), s);
    const sentence = (rate: string, flip = false) =>
      form === 0
        ? `2024年度${S}年初预算为${B}，支出决算为${A}，完成年初预算的${rate}%${compare(flip)}。`
        : form === 1
          ? `2024年度${S}支出决算为${A}，完成全年预算${B}的${rate}%${compare(flip)}。`
          : `2024年度${S}支出决算为${A}，完成年初预算的${rate}%，决算数${more ? '大于' : '小于'}预算数${difference}。`;
    const mutations: Mutation[] = [];
    const a = span(actual, s);
    const d = span(abs(actual - budget), s);
    const b =
      form === 2
        ? more
          ? { low: a.low.minus(d.high), high: a.high.minus(d.low), value: a.value.minus(d.value) }
          : { low: a.low.plus(d.low), high: a.high.plus(d.high), value: a.value.plus(d.value) }
        : span(budget, s);
    const range = ratioRange(a.low, a.high, b.low, b.high);
    const off = offRate(exact, s);
    if (provablyOutside(off, range) && !new D(off).eq(100))
      mutations.push({ what: `rate ${R} → ${off}`, rule: 'n.rate', paragraphs: [sentence(off)] });
    const cut = b.value.gt(0) ? truncatedPercent(a.value, b.value, s) : undefined;
    if (cut && provablyOutside(cut, range) && !new D(cut).eq(100))
      mutations.push({ what: `rate ${R} cut to ${cut}`, rule: 'n.share-truncated', paragraphs: [sentence(cut)] });
    if (form !== 2 && words && (a.high.lt(b.low) || a.low.gt(b.high)))
      mutations.push({ what: '大于/小于 flipped', rule: 'n.direction', paragraphs: [sentence(R, true)] });
    return { paragraphs: [sentence(R)], mutations };
  });

interface ListKind {
  total: string;
  items: readonly string[];
  /** the items name every part of the total (a list that leaves one out may sum to less) */
  complete: boolean;
  shareWhole: string;
}

const LISTS: readonly ListKind[] = [
  {
    total: '一般公共预算财政拨款支出',
    items: [
      '一般公共服务支出',
      '公共安全支出',
      '教育支出',
      '科学技术支出',
      '文化旅游体育与传媒支出',
      '社会保障和就业支出',
      '卫生健康支出',
      '节能环保支出',
      '城乡社区支出',
      '农林水支出',
      '住房保障支出',
    ],
    complete: false,
    shareWhole: '一般公共预算财政拨款支出',
  },
  { total: '本年支出合计', items: ['基本支出', '项目支出'], complete: true, shareWhole: '本年支出合计' },
  {
    total: '本年收入合计',
    items: ['财政拨款收入', '事业收入', '其他收入'],
    complete: true,
    shareWhole: '本年收入合计',
  },
  { total: '基本支出', items: ['人员经费', '公用经费'], complete: true, shareWhole: '基本支出' },
];

/** 总数 T。其中：a1，a2，…（占 P%）: the total is the sum of the exact parts. */
export const listStory: fc.Arbitrary<Story> = fc
  .record({
    kind: fc.nat(),
    parts: fc.array(cents, { minLength: 2, maxLength: 11 }),
    s: style,
    shares: fc.nat({ max: 2 }),
    semicolons: fc.boolean(),
    inYuan: fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }),
  })
  .map(({ kind, parts: drawn, s, shares, semicolons, inYuan }) => {
    const k = pick(LISTS, kind);
    const parts = k.complete ? drawn.slice(0, k.items.length) : drawn.slice(0, k.items.length);
    const names = k.items.slice(0, parts.length);
    const total = parts.reduce((a, b) => a + b, 0n);
    const T = amount(total, s);
    const sep = semicolons || shares > 0 ? '；' : '，';
    const shareOf = (c: bigint) =>
      total === 0n || shares === 0
        ? ''
        : `，占${shares === 2 ? `${k.shareWhole}的` : ''}${percent(new D(c.toString()), new D(total.toString()), s)}%`;
    const render = (items: string[]) => [`2024年度${k.total}${T}。其中：${items.join(sep)}。`];
    // one item (never the first, which the mutations change) may be written in 元 to the 分 among 万元 or 亿元
    const yuan: Style = { ...s, unit: '元', decimals: 2, commas: false };
    const items = parts.map((c, i) => `${names[i]}${amount(c, i === inYuan ? yuan : s)}${shareOf(c)}`);
    const mutations: Mutation[] = [];
    // one part grown so the written parts exceed the written total by more than rounding explains
    const t = written(total, s);
    const widest = t.radius.mul(parts.length + 1);
    const grown = t.value.mul('0.1').plus(widest.mul(2));
    // (an item printed as the total itself is read as restating it, and then the list says nothing)
    const restates = parts.some((c) => written(c, s).value.eq(t.value));
    // (and a list several times its total is read as the parts of something else: grow by half at most)
    if (shares === 0 && grown.gt(0) && grown.lte(t.value.div(2)) && !restates) {
      // the first part: a list whose leading items make the total may end in a part of one of them
      const i = 0;
      const w = written(parts[i] as bigint, s);
      const bigger = w.value.plus(grown).toFixed(s.decimals);
      const mutated = [...items];
      mutated[i] = `${names[i]}${bigger}${s.unit}`;
      // (leading items that alone make the total are read as the list, the rest as parts of them: not provable then)
      const values = parts.map((c, j) => (j === i ? new D(bigger) : written(c, s).value));
      const prefixMakesTotal = values.some((_, k) => {
        const sum = values.slice(0, k + 1).reduce((x, y) => x.plus(y), new D(0));
        return (
          k < values.length - 1 &&
          sum
            .minus(t.value)
            .abs()
            .lte(t.radius.mul(k + 2))
        );
      });
      if (!prefixMakesTotal)
        mutations.push({ what: `part ${i} → ${bigger}`, rule: 'n.list-sum', paragraphs: render(mutated) });
    }
    // a share off by more than rounding explains
    if (shares > 0 && total > 0n) {
      const i = 0;
      const c = parts[i] as bigint;
      const a = span(c, s);
      const w = span(total, s);
      const off = offRate(new D(c.toString()).div(total.toString()).mul(100), s);
      if (provablyOutside(off, ratioRange(a.low, a.high, w.low, w.high))) {
        const mutated = [...items];
        mutated[i] = `${names[i]}${amount(c, s)}，占${shares === 2 ? `${k.shareWhole}的` : ''}${off}%`;
        mutations.push({ what: `share ${i} → ${off}`, rule: 'n.share', paragraphs: render(mutated) });
      }
      // a share cut short: the written figures' ratio truncated
      const cut = w.value.gt(0) ? truncatedPercent(a.value, w.value, s) : undefined;
      // (shares that then add to exactly 100 read as one nudged to make 100: n.share-nudged, not this rule)
      const stated = parts.map((p, j) =>
        j === i && cut ? new D(cut) : new D(percent(new D(p.toString()), new D(total.toString()), s)),
      );
      const makes100 = stated.reduce((x, y) => x.plus(y), new D(0)).eq(100);
      if (cut && !makes100 && provablyOutside(cut, ratioRange(a.low, a.high, w.low, w.high))) {
        const mutated = [...items];
        mutated[i] = `${names[i]}${amount(c, s)}，占${shares === 2 ? `${k.shareWhole}的` : ''}${cut}%`;
        mutations.push({ what: `share ${i} cut to ${cut}`, rule: 'n.share-truncated', paragraphs: render(mutated) });
      }
    }
    return { paragraphs: render(items), mutations };
  });

/** “三公” = 因公出国（境）费 + 公务用车（购置 + 运行维护）+ 公务接待费, each with its change. */
export const sangongStory: fc.Arbitrary<Story> = fc
  .record({
    now: fc.tuple(cents, cents, cents, cents),
    before: fc.tuple(cents, cents, cents, cents),
    s: style,
    vehicleParts: fc.boolean(),
  })
  .map(({ now, before, s, vehicleParts }) => {
    const [abroad, purchase, operation, reception] = now;
    const vehicle = purchase + operation;
    const total = abroad + vehicle + reception;
    const priors = [before[0], before[1] + before[2], before[3]];
    const priorTotal = priors.reduce((a, b) => a + b, 0n);
    const change = (n: bigint, p: bigint, override?: string) => {
      if (n === p) return '与上年持平';
      return `比上年${n > p ? '增加' : '减少'}${override ?? amount(abs(n - p), s)}`;
    };
    const items = (overrides: (string | undefined)[] = []) => {
      const vehicleText = vehicleParts
        ? `（其中：公务用车购置费${amount(purchase, s)}，公务用车运行维护费${amount(operation, s)}）`
        : '';
      return [
        `因公出国（境）费${amount(abroad, s)}，${change(abroad, priors[0] as bigint, overrides[0])}`,
        `公务用车购置及运行维护费${amount(vehicle, s)}${vehicleText}，${change(vehicle, priors[1] as bigint, overrides[1])}`,
        `公务接待费${amount(reception, s)}，${change(reception, priors[2] as bigint, overrides[2])}`,
      ];
    };
    const render = (list: string[]) => [
      `2024年度“三公”经费支出决算为${amount(total, s)}，${change(total, priorTotal)}。其中：${list.join('；')}。`,
    ];
    const mutations: Mutation[] = [];
    // an item's change grown beyond what rounding of the four changes explains, direction kept — unless the
    // vehicle's change, written after its bracketed parts with 购置费 nil, may be 运行维护费's alone (购置费's
    // change then unstated, and any sum but a decrease beyond the total's fits)
    const i = 2;
    const n = reception;
    const p = priors[2] as bigint;
    const vehicleOpen = vehicleParts && written(purchase, s).value.isZero() && vehicle !== priors[1];
    if (n !== p && !vehicleOpen) {
      const w = written(abs(n - p), s);
      const grown = w.value.plus(w.radius.mul(10)).plus(written(abs(total - priorTotal), s).value.mul('0.1'));
      const overrides: (string | undefined)[] = [];
      overrides[i] = `${grown.toFixed(s.decimals)}${s.unit}`;
      mutations.push({
        what: `item change ${i} → ${overrides[i]}`,
        rule: 'n.change-sum',
        paragraphs: render(items(overrides)),
      });
    }
    return { paragraphs: render(items()), mutations };
  });

/**
 * 共 N 辆，其中：各组. A 其中 list of some kinds may name only some of the vehicles (as a 其中 list of amounts may), so
 * the change the text alone proves wrong is a whole smaller than its groups.
 */
export const countStory: fc.Arbitrary<Story> = fc
  .record({
    groups: fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 2, maxLength: 3 }),
    extra: fc.integer({ min: 1, max: 5 }),
  })
  .filter(({ groups }) => groups.reduce((a, b) => a + b, 0) > 5)
  .map(({ groups, extra }) => {
    const names = ['执法执勤用车', '一般公务用车', '特种专业技术用车'];
    const n = groups.reduce((a, b) => a + b, 0);
    const render = (total: number) => [
      `公务用车保有量共${total}辆，其中：${groups.map((g, i) => `${names[i]}${g}辆`).join('，')}。`,
    ];
    return {
      paragraphs: render(n),
      mutations: [{ what: `共 ${n} → ${n - extra}`, rule: 'n.count', paragraphs: render(n - extra) }],
    };
  });

/**
 * A whole 情况说明 of one unit: the same exact figures stated in several paragraphs, each paragraph
 * written in its own unit and decimals (a total in 元 here, in 万元 there), as real texts restate
 * them: the totals, the 基本/项目 split and its shares, 人员经费/公用经费, “三公” against its budget
 * and the year before. Restated figures agree within their roundings, so nothing is found.
 */
export const documentStory: fc.Arbitrary<Story> = fc
  .record({
    basic: fc.tuple(positiveCents, positiveCents),
    project: positiveCents,
    priorTotal: positiveCents,
    sangong: fc.tuple(cents, cents, cents),
    sangongBudget: positiveCents,
    styles: fc.array(style, { minLength: 5, maxLength: 5 }),
    onePara: fc.boolean(),
  })
  .map(({ basic, project, priorTotal, sangong, sangongBudget, styles, onePara }) => {
    const [s1, s2, s3, s4, s5] = styles as [Style, Style, Style, Style, Style];
    const [personnel, publicCost] = basic;
    const basicTotal = personnel + publicCost;
    const total = basicTotal + project;
    const exact = (c: bigint) => new D(c.toString());
    const change = total - priorTotal;
    const yoy =
      change === 0n
        ? '与上年持平'
        : `比上年${change > 0n ? '增加' : '减少'}${amount(abs(change), s1)}，${change > 0n ? '增长' : '下降'}${percent(exact(abs(change)), exact(priorTotal), s1)}%`;
    const [abroad, vehicle, reception] = sangong;
    const sangongTotal = abroad + vehicle + reception;
    const sangongRate = percent(exact(sangongTotal), exact(sangongBudget), s4);
    const p1 = (t: string) => `2024年度本年支出合计${t}，${yoy}。`;
    const sentences = [
      p1(amount(total, s1)),
      `2024年度本年支出合计${amount(total, s2)}，其中：基本支出${amount(basicTotal, s2)}，占${percent(exact(basicTotal), exact(total), s2)}%；项目支出${amount(project, s2)}，占${percent(exact(project), exact(total), s2)}%。`,
      `基本支出${amount(basicTotal, s3)}，其中：人员经费${amount(personnel, s3)}，公用经费${amount(publicCost, s3)}。`,
      `2024年度“三公”经费财政拨款支出年初预算为${amount(sangongBudget, s4)}，支出决算为${amount(sangongTotal, s4)}，完成年初预算的${sangongRate}%。`,
      `“三公”经费支出中，因公出国（境）费${amount(abroad, s5)}，公务用车购置及运行维护费${amount(vehicle, s5)}，公务接待费${amount(reception, s5)}。`,
    ];
    // every sentence its own paragraph, or all of them one paragraph of running text
    const asText = (list: string[]) => (onePara ? [list.join('')] : list);
    const paragraphs = asText(sentences);
    const mutations: Mutation[] = [];
    // the total restated in the first paragraph off by more than both roundings allow
    const a = written(total, s1);
    const b = written(total, s2);
    const off = a.value.mul('1.1').plus(a.radius.mul(4)).plus(b.radius.mul(4));
    const offText = `${off.toFixed(s1.decimals)}${s1.unit}`;
    const yuanOf = (x: { value: Dec }, unit: string) =>
      x.value.mul(unit === '元' ? 1 : unit === '万元' ? 10_000 : 100_000_000);
    if (
      yuanOf(a, s1.unit).gt(yuanOf(b, s2.unit)) &&
      yuanOf({ value: off.minus(a.radius) }, s1.unit).gt(yuanOf({ value: b.value.plus(b.radius) }, s2.unit)) &&
      !off.eq(a.value)
    )
      mutations.push({
        what: `total restated as ${offText}`,
        rule: 'n.restated',
        paragraphs: asText([`2024年度本年支出合计${offText}。`, ...sentences.slice(1)]),
      });
    return { paragraphs, mutations };
  });

export const stories = {
  yoy: yoyStory,
  paired: pairedStory,
  rate: rateStory,
  list: listStory,
  sangong: sangongStory,
  count: countStory,
  document: documentStory,
};
