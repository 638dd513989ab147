import type { AmountMention, Claim } from '../claims.js';
import { sourceSlice } from '../text/normalise.js';
import type { ParaClaims } from './across.js';
import { place, sentenceAt } from './para.js';
import { figureName } from './share.js';
import { markStart } from './state.js';

/**
 * Fewer significant digits than this (leading and trailing zeros aside) may be the same by chance:
 * "100.00 万元" and "人均 100.00 元" are two figures.
 */
const MIN_DIGITS = 5;

/** Characters two names must share in a row to name one figure ("年末结转和结余资金" / "财政拨款年末结转和结余"). */
const SHARED_NAME = 4;

/** The figure's name: its clause up to the figure, period, area and verb left out, digits dropped. */
function nameOf(pc: ParaClaims, a: AmountMention): string {
  const text = pc.p.n.text;
  return figureName(text.slice(markStart(pc.p, '，；。：、', a.start), a.start)).replace(/[0-9.]/gu, '');
}

function shareName(x: string, y: string): boolean {
  for (let i = 0; i + SHARED_NAME <= x.length; i += 1) if (y.includes(x.slice(i, i + SHARED_NAME))) return true;
  return false;
}

/**
 * "年末结转和结余资金为 5862.89 万元" and, a sentence later, "…财政拨款年末结转和结余 5862.89 元": the same digits
 * under one name in two units are one figure written two ways — one of the units is wrong (n.restated).
 * Said once per figure, at the later statement; short figures and figures of other names are left alone.
 */
export function unitSlipClaims(paras: ParaClaims[]): Claim[] {
  const first = new Map<string, { pc: ParaClaims; a: AmountMention }>();
  const out: Claim[] = [];
  const said = new Set<string>();
  for (const pc of paras)
    for (const a of pc.p.amounts) {
      // the number as written, separators and unit left out ("5,862.89万元" → "5862.89")
      const digits = pc.p.n.text.slice(a.start, a.end).replace(/[^0-9.]/gu, '');
      if (digits.replace('.', '').replace(/^0+|0+$/gu, '').length < MIN_DIGITS) continue;
      const earlier = first.get(digits);
      if (!earlier) {
        first.set(digits, { pc, a });
        continue;
      }
      if (earlier.a.unit === a.unit || said.has(digits)) continue;
      if (!shareName(nameOf(earlier.pc, earlier.a), nameOf(pc, a))) continue;
      said.add(digits);
      const { p } = pc;
      out.push({
        kind: 'residue',
        residueId: 'unit-slip',
        check: 'narrative.restated',
        messageId: 'restated-unit-slip',
        text: sourceSlice(p.n, a.start, a.end),
        written: sourceSlice(p.n, a.start, a.end),
        should: sourceSlice(earlier.pc.p.n, earlier.a.start, earlier.a.end),
        ...place(p, sentenceAt(p, a.start), a),
      });
    }
  return out;
}
