/**
 * Ruled tables drawn on a page of the fixtures' PDF writer, as a spreadsheet's export draws them:
 * rows 16 pt tall, each cell's text 2 pt in from its left line, lines between cells only.
 */
import type { PdfPage } from '../../scripts/fixtures/pdf.js';

const SIZE = 9;
const ROW_HEIGHT = 16;

/** A ruled block of rows: each row's cells as [text, columns it spans]; lines between cells only. */
export function ruled(page: PdfPage, xs: number[], top: number, rows: [string, number][][]): void {
  const height = ROW_HEIGHT;
  rows.forEach((cells, r) => {
    const y = top - r * height;
    page.lines.push([xs[0] as number, y, xs.at(-1) as number, y]);
    let c = 0;
    for (const [text, span] of cells) {
      page.lines.push([xs[c] as number, y, xs[c] as number, y - height]);
      page.runs.push({ x: (xs[c] as number) + 2, y: y - 12, size: SIZE, text });
      c += span;
    }
    page.lines.push([xs.at(-1) as number, y, xs.at(-1) as number, y - height]);
  });
  const bottom = top - rows.length * height;
  page.lines.push([xs[0] as number, bottom, xs.at(-1) as number, bottom]);
}
