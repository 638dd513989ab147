import type { Claim, Span } from '../claims.js';
import { sourceSlice } from '../text/normalise.js';
import { type ParaText, place } from './para.js';

type Residue = Extract<Claim, { kind: 'residue' }>;
type ResidueFields = Pick<Residue, 'residueId' | 'check' | 'text' | 'should' | 'messageId'>;

/**
 * A residue claim over `span` of a paragraph, inside `within` (its sentence, or the whole line): `fields` are
 * given the span as the source writes it (traditional characters, full-width digits kept), which the finding
 * shows as 实为.
 */
export function residueAt(p: ParaText, span: Span, within: Span, fields: (written: string) => ResidueFields): Residue {
  const written = sourceSlice(p.n, span.start, span.end);
  return { kind: 'residue', ...fields(written), written, ...place(p, within, span) };
}
