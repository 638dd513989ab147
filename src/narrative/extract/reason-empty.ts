import { outlineItems } from '../../util/outline.js';
import type { Claim } from '../claims.js';
import { sourceSlice } from '../text/normalise.js';
import type { ParaClaims } from './across.js';
import { type ParaText, place, sentenceAt } from './para.js';
import { allMatches } from '../../util/matches.js';

/**
 * A cue announcing the reasons: "主要变动原因：", "增加的主要原因是：", "原因主要是：", "减少原因为"; or, as some templates
 * word it, the facts behind a comparison: "…决算小于上年决算数的主要情况：".
 */
const REASON_CUE =
  '(?:主要)?(?:(?:变动|增减变动|增减|增加|减少|增长|下降|变化)的?)?(?:(?:主要)?原因(?:主要)?|主要情况)(?:是|为|如下|：|:)+';
/** A paragraph that ends announcing its reasons: "…支出增长百分比是 18.3%。主要变动原因：". */
const REASON_AT_END = new RegExp(`${REASON_CUE}$`, 'u');

/** A chart's caption standing after the text it illustrates: "（图 1：收、支决算总计变动情况图）（柱状图）". */
const CAPTION = /^（?图[0-9一二三四五六七八九十]+/u;

/** The number an outline item opens with ("8、", "8.", "（8）", "八、", "（八）"), else NaN. */
function itemNumber(text: string): number {
  return outlineItems(text, 0, text.length).find((i) => i.at === 0)?.n ?? Number.NaN;
}

/**
 * Whether `next` is the item after the one the reason stands in: "8、…决算数小于预算数的主要原因：" then "9、…" — the
 * nearest item of next's outline level above it (the reason's own, or one it is under) is numbered one less. Reasons
 * written as a list open their own numbering ("1、…" under the item), never the next number of the item they explain.
 */
function nextSibling(paras: ParaClaims[], index: number, next: ParaText): boolean {
  const level = next.level;
  if (level === undefined) return false;
  const n = itemNumber(next.n.text);
  if (!(n > 1)) return false;
  for (let j = index; j >= 0; j -= 1) {
    const { p } = paras[j] as ParaClaims;
    if (p.level === undefined || p.level > level) continue;
    return p.level === level && itemNumber(p.n.text) === n - 1;
  }
  return false;
}

const REASON_BEFORE_ITEM = new RegExp(REASON_CUE, 'gu');

/**
 * "…8、其他教育支出…主要原因：9、科学技术支出…" in one paragraph: the cue is followed right away by the next item of
 * the list it stands in (the last item of that style before it is numbered one less) — its reasons were left out.
 */
function inlineClaims(p: ParaText): Claim[] {
  const text = p.n.text;
  const items = outlineItems(text, 0, text.length);
  const out: Claim[] = [];
  for (const m of allMatches(text, REASON_BEFORE_ITEM)) {
    const end = m.index + m[0].length;
    const item = items.find((i) => i.at === end);
    if (!item || !(item.n > 1)) continue;
    const before = items.filter((i) => i.style === item.style && i.at < m.index).at(-1);
    if (before?.n !== item.n - 1) continue;
    out.push(reasonClaim(p, { start: m.index, end }));
  }
  return out;
}

function reasonClaim(p: ParaText, span: { start: number; end: number }): Claim {
  return {
    kind: 'residue',
    residueId: 'reason-empty',
    check: 'narrative.reason-empty',
    text: sourceSlice(p.n, span.start, span.end),
    ...place(p, sentenceAt(p, span.start), span),
  };
}

/**
 * n.reason-empty across paragraphs: "主要变动原因：" ends its paragraph and what follows, past any chart
 * captions, is the next section's heading ("二、收入决算情况说明": 第X部分 or 一、, no sentence in it) or the next
 * item of the list the reason stands in ("8、…主要原因：" then "9、…") — the reasons were never written. A paragraph
 * after it that is running text or an item opening its own numbering (1. / （1）) may be the reasons, and a text
 * that ends there may have been cut: neither is read.
 */
export function reasonAtEndClaims(paras: ParaClaims[]): Claim[] {
  const out: Claim[] = [];
  paras.forEach(({ p }, index) => {
    out.push(...inlineClaims(p));
    const text = p.n.text.trimEnd();
    const m = REASON_AT_END.exec(text);
    if (!m) return;
    const next = paras.slice(index + 1).find((pc) => !CAPTION.test(pc.p.n.text.trim()));
    if (!next || next.p.level === undefined) return;
    const heading = next.p.level <= 1 && !/[。；，]/u.test(next.p.n.text);
    if (!heading && !nextSibling(paras, index, next.p)) return;
    out.push(reasonClaim(p, { start: m.index, end: m.index + m[0].length }));
  });
  return out;
}
