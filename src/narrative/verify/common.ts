import type { Decimal } from 'decimal.js';
import { COUNTER } from '../extract/mentions.js';
import type { FindingLocation } from '../../model/finding.js';
import type { WorkbookModel } from '../../model/types.js';
import { type AmountMention, type Claim, writtenUnit } from '../claims.js';
import { unitFactor } from '../../money/interval.js';
import type { ClaimsCatalog } from '../catalog/types.js';
import type { Paragraph } from '../types.js';
import type { Vocabulary } from '../vocabulary.js';
import type { NarrativeRawFinding, Verdict } from './types.js';
import type { NarrativeCheck } from '../messages.js';

/** Everything a verifier may consult. `stated` gives the first amount the text states for a subject. */
export interface VerifyContext {
  model?: WorkbookModel;
  vocabulary: Vocabulary;
  catalog: ClaimsCatalog;
  stated: (subjectId: string, role: 'actual' | 'budget') => Claim | undefined;
  /** Every claim of the narrative (for what a paragraph states about itself). */
  claims: Claim[];
  /** The amount claims of one paragraph, in claim order (looked up per share claim). */
  amountsIn: (para: Paragraph) => Extract<Claim, { kind: 'amount' }>[];
  /** A paragraph's text as the extractor read it (claims' positions are in it). */
  textOf?: (para: Paragraph) => string;
  /** The shares of one part each under 100% whose part's value is `value` (looked up per share claim). */
  partsUnder100: (value: Decimal) => Extract<Claim, { kind: 'share' }>[];
}

export function paraLocation(para: Paragraph): FindingLocation {
  const { origin } = para;
  const location: FindingLocation = { file: origin.file, table: 'narrative', rowKey: para.id };
  if (origin.sheet) location.sheet = origin.sheet;
  if (origin.cell) location.cell = origin.cell;
  if (origin.page !== undefined) location.page = origin.page;
  if (origin.line !== undefined) location.line = origin.line;
  if (origin.paragraph !== undefined) location.paragraph = origin.paragraph;
  return location;
}

export function fixed(d: Decimal): string {
  return d.toFixed();
}

/** Shows a sum worked in 万元 in the unit `m` is written in, so a message's figures read beside `m`. */
export function shownLike(m: Pick<AmountMention, 'unit' | 'text'>): (d: Decimal) => string {
  if (writtenUnit(m) === '亿元') return (d) => fixed(d.div(10000));
  const factor = unitFactor('万元', m.unit);
  return (d) => fixed(d.mul(factor));
}

/** Where a claim's finding stands: its paragraph (P12, or sheet!cell), with the quote every message shows. */
export function claimPlace(claim: Pick<Claim, 'para' | 'quote'>): {
  data: { paragraph: string; where: string; quote: string };
  location: FindingLocation;
} {
  const { sheet, cell } = claim.para.origin;
  const where = sheet ? `${claim.para.id}（${sheet}!${cell ?? ''}）` : claim.para.id;
  return { data: { paragraph: claim.para.id, where, quote: claim.quote }, location: paraLocation(claim.para) };
}

/** A finding at the claim's paragraph, with the quote and paragraph number every message shows. */
export function finding(
  claim: Claim,
  check: NarrativeCheck,
  messageId: string,
  data: Record<string, string>,
  related: FindingLocation[] = [],
): NarrativeRawFinding {
  const place = claimPlace(claim);
  return { check, messageId, data: { ...place.data, ...data }, location: place.location, related };
}

export function verdict(claim: Claim, outcome: Verdict['outcome'], findings: NarrativeRawFinding[] = []): Verdict {
  return { claim, outcome, findings };
}

/** Related locations of other paragraphs, each once, the claim's own left out. */
export function otherParas(claim: Claim, paras: Paragraph[]): FindingLocation[] {
  const seen = new Set([claim.para.id]);
  return paras.filter((p) => !seen.has(p.id) && seen.add(p.id)).map(paraLocation);
}

const COUNTED = new RegExp(`[0-9](${COUNTER})$`, 'u');

/** A figure worked out in 万元, written in the unit of the figure it comes from (4.43万元, 36970.6亿元). */
export function inWrittenUnit(value: Decimal, like: AmountMention): string {
  // a count ("64家"): the number in its own counter
  const counter = COUNTED.exec(like.text)?.[1];
  if (counter) return `${fixed(value)}${counter}`;
  if (writtenUnit(like) === '亿元') return `${fixed(value.div(10000))}亿元`;
  if (like.unit === '元') return `${fixed(value.mul(10000))}元`;
  return `${fixed(value)}万元`;
}
