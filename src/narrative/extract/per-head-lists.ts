import type { AmountMention, Claim } from '../claims.js';
import { outlineNumber } from '../../util/outline.js';
import type { ParaClaims } from './across.js';
import { sentenceAt } from './para.js';

/** Words that make a figure an average over heads (pupils, people, households, cars). */
const PER_HEAD = /生均|人均|户均|车均|平均/u;

/**
 * An item naming a group of the heads (农村, 城镇, a level of school, a place): its figure is that group's own average.
 * Items naming kinds of money (工资性收入, 经营净收入 … of 人均可支配收入) are parts of the average and add up to it.
 */
const GROUP = /农村|城镇|城市|乡村|城区|市区|县域|山区|牧区|男|女|小学|初中|高中|幼儿园|中职|高校|[省市县区镇乡]$/u;

/** A paragraph leading into the items under it: it ends with a colon. */
const LEAD_IN = /[：:]$/u;

/**
 * Whether a list's total (in paragraph `k`) is an average over heads — "全省普通初中生均…事业费为 A 元。其中，农村为
 * a 元" in its own sentence, or the paragraph leading into the numbered items the total stands in ("…生均一般公共预算
 * 教育经费增长情况是：" then "2.全省普通小学为 A 元…。其中，农村为 a 元"). A group's average is no part of the whole's
 * and may well exceed it: a list of groups adds up to nothing (a list of kinds of money does, see GROUP).
 */
function perHeadTotal(paras: readonly ParaClaims[], k: number, total: AmountMention): boolean {
  const p = (paras[k] as ParaClaims).p;
  if (PER_HEAD.test(p.n.text.slice(sentenceAt(p, total.start).start, total.start))) return true;
  if (outlineNumber(p.n.text.trimStart()) === undefined) return false;
  for (let i = k - 1; i >= 0; i -= 1) {
    const before = (paras[i] as ParaClaims).p.n.text.trim();
    if (outlineNumber(before) !== undefined) continue;
    return LEAD_IN.test(before) && PER_HEAD.test(before);
  }
  return false;
}

/** Lists whose total is an average over heads (see perHeadTotal), among `claims` and every paragraph's own. */
export function perHeadLists(paras: readonly ParaClaims[], claims: readonly Claim[]): Set<Claim> {
  const at = new Map(paras.map((pc, k) => [pc.p.para, k]));
  const out = new Set<Claim>();
  for (const c of [...paras.flatMap((pc) => pc.claims), ...claims]) {
    if (c.kind !== 'list') continue;
    const k = at.get(c.totalPlace);
    if (k === undefined || !perHeadTotal(paras, k, c.total)) continue;
    const groups = c.items.every((item) => {
      const p = paras[at.get(item.para) ?? -1]?.p;
      const name =
        p?.n.text
          .slice(0, item.amount.start)
          .split(/[，。；：、,;:]/u)
          .pop() ?? '';
      return GROUP.test(name.replace(/(?:的)?(?:为|是|达)?$/u, '').replace(/(?:居民|学生|人口|地区)$/u, ''));
    });
    if (groups) out.add(c);
  }
  return out;
}
