import type { Claim } from '../claims.js';
import type { ParaClaims } from './across.js';
import { sentenceAt } from './para.js';
import { residueAt } from './residue-at.js';

/**
 * "202 年预算执行情况": three digits where a year stands, not a length of time ("建校 200 年来", "200 年历史").
 */
const SHORT_YEAR = /(?<![0-9.,])(20[0-9])年(?![0-9]|来|以来|前|历史|的历史|多|左右|之久)/gu;
const FULL_YEAR = /(?<![0-9])(20[0-9]{2})年/gu;

/** A character lost in a copy: "?" or U+FFFD right beside a Han character. */
const DAMAGED = /[\u4e00-\u9fff][?\uFFFD]|[?\uFFFD][\u4e00-\u9fff]/u;

/**
 * n.year-body: a year written with a digit missing ("廣州市 202 年預算執行情況和 2021 年預算草案") — its
 * three digits begin a year the text writes in full (2020, 2021), so it is one of those years cut
 * short, never a year of its own. Which digit was lost is not known: the finding names the years the
 * text writes.
 */
export function shortYearClaims(paras: ParaClaims[]): Claim[] {
  // a page that lost characters it could not encode ("“六?!敝С?213.1", a mirror's "?" or U+FFFD beside Han
  // characters) may have lost a digit the same way: the publisher's text is not known to be short
  if (paras.some((pc) => DAMAGED.test(pc.p.para.text))) return [];
  const years = new Set(paras.flatMap((pc) => [...pc.p.n.text.matchAll(FULL_YEAR)].map((m) => m[1] as string)));
  const out: Claim[] = [];
  for (const { p } of paras)
    for (const m of p.n.text.matchAll(SHORT_YEAR)) {
      const full = [...years].filter((y) => y.startsWith(m[1] as string)).sort();
      if (full.length === 0) continue;
      const span = { start: m.index, end: m.index + m[0].length };
      out.push(
        residueAt(p, span, sentenceAt(p, span.start), (written) => ({
          residueId: 'short-year',
          check: 'narrative.year-body',
          messageId: 'year-body-short',
          text: written,
          should: full.map((y) => `${y}年`).join(' 或 '),
        })),
      );
    }
  return out;
}
