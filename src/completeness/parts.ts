import type { ReportPart } from '../catalog/types.js';
import type { ReportParagraph } from '../model/types.js';
import { simplifyText } from '../reader/titles.js';
import { normalise } from '../util/text.js';
import type { Contents } from './contents.js';

const PART_HEADING = /^第[一二三四五六七八九十]+部分/;

/**
 * A full published report: its body has 第一部分 and at least one more 第…部分 heading (outside
 * the 目录). A workbook's 情况说明 sheet (第三部分 … alone) or 目录 sheet is not: the parts live elsewhere.
 */
export function isFullReport(text: readonly ReportParagraph[], contents: Contents | undefined): boolean {
  const skip = new Set(contents ? [contents.heading, ...contents.entries] : []);
  const parts = text
    .filter((p) => !skip.has(p))
    .map((p) => plain(p.text))
    .filter((t) => PART_HEADING.test(t));
  return parts.length >= 2 && parts.some((t) => t.startsWith('第一部分'));
}

/** A paragraph's text normalised, in simplified script (a mirror site's traditional copy names its parts so). */
const plain = (text: string): string => simplifyText(normalise(text));

/** A heading: short, not a sentence. */
function isHeading(text: string): boolean {
  const s = normalise(text);
  return s.length > 0 && s.length <= 50 && !/[。；]$/.test(s);
}

/** The first heading of the body (outside the 目录) naming the part, if any. */
export function findPart(
  part: ReportPart,
  text: readonly ReportParagraph[],
  contents: Contents | undefined,
): ReportParagraph | undefined {
  const skip = new Set(contents ? [contents.heading, ...contents.entries] : []);
  const labels = part.labels.map(normalise);
  return text.find((p) => {
    if (skip.has(p) || !isHeading(p.text)) return false;
    const heading = plain(p.text);
    return labels.some((l) => heading.includes(l));
  });
}
