import type { ParagraphOrigin } from '../../model/document.js';
import type { FlowItem } from '../layout/flow.js';

/**
 * Paragraphs of a .docx narrative (its body as the Word reader reads it): each Word paragraph in
 * document order, a line break inside one starting a new paragraph, and the paragraphs of table
 * cells in row order (a narrative's small tables are text here: their tables are not checked).
 */
export function paragraphsOfDocx(flow: readonly FlowItem[], file: string): { text: string; origin: ParagraphOrigin }[] {
  const texts = flow.flatMap((item) =>
    item.kind === 'paragraph'
      ? [item.text]
      : item.rows.flatMap((row) => row.cells.flatMap((cell) => cell.text.split('\n'))),
  );
  return texts.map((text) => ({ text, origin: { file } }));
}
