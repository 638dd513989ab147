import type { Claim } from '../claims.js';
import type { ParaClaims } from './across.js';
import { sentenceAt } from './para.js';
import { commonEnd, isSubsequence, timesWritten, unitNameClaim } from './unit-name.js';
import { INSTITUTION_CHARS } from './unit-name-cut.js';
import { allMatches } from '../../util/matches.js';

/**
 * "某县人民法院内设机构设置如下：…独立核算机构为1个（即X）", "某市高级人民法院部门包括X本级一家行政单位": a unit, the
 * subject of its sentence, naming the one unit it accounts as, or its own level, in the same sentence — X can only be
 * the subject again (a short form of it, or the full form). X a unit of the subject's kind (ending alike in three
 * characters or more: 自治县人民法院, 级人民法院) that is neither is another unit's name left in.
 */
const SOLE = new RegExp(
  `(?<=^|[。；])(?:[（(]?[一二三四五六七八九十0-9]{1,2}[)）、.])?(?<subject>[\\u4e00-\\u9fff]{5,30}?[${INSTITUTION_CHARS}])(?:(?:部门|单位)?[，,]?包括|[^。；]*?(?:独立核算|预算|决算)(?:机构|单位)[^。；（(]{0,6}?(?:1|一)个[，,]?[（(]?即)(?<named>[\\u4e00-\\u9fff]{5,30}?[${INSTITUTION_CHARS}])(?=本级|（本级）|[)）])`,
  'gu',
);
/** A sentence telling of a past name, a merger or another body beside the subject. */
const ASIDE = /原名|原为|前身|更名|改名|改称|合并|并入|划入|整合|撤销|对口|帮扶|结对|协作|联合|合作|托管|代管|共建/u;
/** How many characters two units of one kind end with alike at least: the kind with its level or rank (区人民法院). */
const KIND_MIN = 3;

export function soleUnitClaims(paras: ParaClaims[]): Claim[] {
  const out: Claim[] = [];
  for (const { p } of paras) {
    const text = p.n.text;
    for (const m of allMatches(text, SOLE)) {
      const { subject, named } = m.groups as { subject: string; named: string };
      if (isSubsequence(named, subject) || isSubsequence(subject, named)) continue;
      // the same kind, at another place or of another rank
      if (commonEnd(named, subject).length < KIND_MIN) continue;
      if (timesWritten(paras, named) !== 1) continue;
      const sentence = sentenceAt(p, m.index);
      if (ASIDE.test(text.slice(sentence.start, sentence.end))) continue;
      const start = m.index + m[0].length - named.length;
      out.push(unitNameClaim(p, { start, end: start + named.length }, 'unit-name-sole', subject, subject));
    }
  }
  return out;
}
