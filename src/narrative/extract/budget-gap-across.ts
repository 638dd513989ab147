import type { AmountMention, Claim } from '../claims.js';
import type { ParaClaims } from './across.js';
import { sentenceAt } from './para.js';
import { figureName } from './share.js';
import { prefixIn } from './state.js';

type Rate = Extract<Claim, { kind: 'rate' }>;

/**
 * The clause of a change against the budget, up to its figure: "较年初预算减少", "比预算短收", "税收收入比年初预算减少"
 * (the name written in it, or in the clause before).
 */
const AGAINST_BUDGET =
  /^(?<name>[^，；：。0-9%（）]*?)(?:较|比|与)(?<which>年初|全年|调整后?)?预算数?(?:相比|比较)?(?:增加|减少|增收|减收|超收|短收|多收|少收)了?$/u;

/** A place or 其中 before a name: "全县", "我县", "其中，". */
const OWNER = /^(?:其中，?)?(?:全(?:县|市|区|镇|乡|省|州|旗)|我(?:县|市|区|镇|乡|省|州|旗)|本级)?/u;

/** Which budget a cue names (年初, 全年, 调整), or none. */
const qualifier = (text: string) => /年初|全年|调整/u.exec(text)?.[0];

/** The name a change against the budget is said of: the one its clause opens with, else the one the clause before opens with. */
function nameOfChange(
  text: string,
  sentenceStart: number,
  change: AmountMention,
): { name: string; which?: string } | undefined {
  const clauses = text.slice(sentenceStart, change.start).split(/[，；：]/u);
  const cue = AGAINST_BUDGET.exec(clauses.pop() ?? '');
  if (!cue) return undefined;
  const which = cue.groups?.which;
  const own = (cue.groups?.name ?? '').replace(OWNER, '');
  if (own !== '') return { name: own, ...(which ? { which } : {}) };
  // "税收收入受减税降费政策影响，较年初预算减少 C": the name opens the clause right before, which states no figure
  const before = (clauses.pop() ?? '').replace(OWNER, '');
  return before === '' ? undefined : { name: before, ...(which ? { which } : {}) };
}

/** Words that may follow a name in its clause and add nothing to it: "税收收入受减税降费政策影响". */
const CAUSE_AFTER_NAME = /^(?:受|因|由于|主要|在)/u;

/** Whether the clause of a change names the figure `name`: word for word, or the name and then a cause. */
function namesAlike(clause: string, name: string): boolean {
  if (name.length < 2) return false;
  return clause === name || (clause.startsWith(name) && CAUSE_AFTER_NAME.test(clause.slice(name.length)));
}

/**
 * "税收收入受减税降费政策影响，较年初预算减少 C，下降 P%。全县税收收入完成 A，为预算的 R%": a change against the budget
 * written with no figure of its own, and in its sentence or the next the figure of the same name with its execution
 * rate (no budget written, none compared there): that figure is the change's current (its budget A ± C, over which P
 * is taken) and C the gap of the rate (R is A over the same budget). The name must be written alike (its owner, 其中,
 * 完成 aside), the clause naming it hold no other figure; the rate's cue must name the same budget as the change, or
 * none in a text that speaks of no adjusted budget (一个“预算” may be the adjusted one there).
 */
export function budgetGapAcross(paras: ParaClaims[], adjusted: boolean): void {
  for (const { p, claims } of paras) {
    const text = p.n.text;
    for (const y of claims) {
      if (y.kind !== 'yoy' || !y.versusBudget || y.current || y.prior || y.eitherWay || y.whole) continue;
      const sentence = sentenceAt(p, y.change.start);
      const said = nameOfChange(text, sentence.start, y.change);
      if (!said || said.name.length > 30 || /[0-9]/u.test(said.name)) continue;
      const next = sentence.end < text.length ? sentenceAt(p, sentence.end + 1) : undefined;
      const candidates = claims.filter(
        (c): c is Rate =>
          c.kind === 'rate' &&
          c.actual !== undefined &&
          !c.budget &&
          !c.over &&
          !c.variance &&
          c.actual.start > y.change.end &&
          c.actual.start < (next ?? sentence).end &&
          c.actual.unit === y.change.unit,
      );
      // the first rate after the change (a 其中 list's items may follow with rates of their own)
      const rate = candidates.sort((a, b) => (a.actual?.start ?? 0) - (b.actual?.start ?? 0))[0];
      if (!rate?.actual) continue;
      const cue = text.slice(rate.actual.end, rate.percent.start);
      const named = qualifier(cue);
      if (named ? named !== qualifier(said.which ?? '') : said.which !== undefined && adjusted) continue;
      const name = figureName(prefixIn(p, rate.actual.start)).replace(OWNER, '');
      if (!namesAlike(said.name, name)) continue;
      y.current = rate.actual;
      rate.over = { direction: y.changeWord, difference: y.change };
    }
  }
}
