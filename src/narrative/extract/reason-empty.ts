import type { Claim } from '../claims.js';
import { sourceSlice } from '../text/normalise.js';
import type { ParaClaims } from './across.js';
import { place, sentenceAt } from './para.js';

/** A paragraph that ends announcing its reasons: "…支出增长百分比是 18.3%。主要变动原因：". */
const REASON_AT_END = /主要(?:变动|增减变动|增减)?原因(?:是|为|：)+$/u;

/** A chart's caption standing after the text it illustrates: "（图 1：收、支决算总计变动情况图）（柱状图）". */
const CAPTION = /^（?图[0-9一二三四五六七八九十]+/u;

/**
 * n.reason-empty across paragraphs: "主要变动原因：" ends its paragraph and what follows, past any chart
 * captions, is the next section's heading ("二、收入决算情况说明": 第X部分 or 一、, no sentence in it) — the
 * reasons were never written. A paragraph after it that is running text or a numbered item (1. / （1））
 * may be the reasons, and a text that ends there may have been cut: neither is read.
 */
export function reasonAtEndClaims(paras: ParaClaims[]): Claim[] {
  const out: Claim[] = [];
  paras.forEach(({ p }, index) => {
    const text = p.n.text.trimEnd();
    const m = REASON_AT_END.exec(text);
    if (!m) return;
    const next = paras.slice(index + 1).find((pc) => !CAPTION.test(pc.p.n.text.trim()));
    if (!next || next.p.level === undefined || next.p.level > 1 || /[。；，]/u.test(next.p.n.text)) return;
    const span = { start: m.index, end: m.index + m[0].length };
    out.push({
      kind: 'residue',
      residueId: 'reason-empty',
      check: 'narrative.reason-empty',
      text: sourceSlice(p.n, span.start, span.end),
      ...place(p, sentenceAt(p, span.start), span),
    });
  });
  return out;
}
