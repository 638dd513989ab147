import type { ParagraphOrigin } from '../../model/document.js';

/**
 * Paragraphs of a .docx: mammoth's raw text puts each Word paragraph (table cells included) on
 * its own line, followed by a blank line. Throws what mammoth throws on a file that is not a .docx.
 * mammoth is loaded here, on first use: a check without a .docx never pays for it.
 */
export async function paragraphsOfDocx(
  bytes: Buffer,
  file: string,
): Promise<{ text: string; origin: ParagraphOrigin }[]> {
  const { default: mammoth } = await import('mammoth');
  const { value } = await mammoth.extractRawText({ buffer: bytes });
  return value.split(/\r\n|\r|\n/).map((line) => ({ text: line, origin: { file } }));
}
