// A published report of 25 pages for the bench: the seed report as the PDF fixture lays it out
// (non-embedded STSong-Light, ruled tables), its 情况说明 printed again until the 25th page.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export async function writeReportPdf(root, file, pages = 25) {
  const dist = join(root, 'dist', 'scripts', 'fixtures');
  const { loadSource } = await import(join(dist, 'source.js'));
  const { loadNarrativeSource } = await import(join(dist, 'narrative-source.js'));
  const { reportOf } = await import(join(dist, 'report.js'));
  const { reportPages } = await import(join(dist, 'report-pdf.js'));
  const { writePdf } = await import(join(dist, 'pdf.js'));
  const src = await loadSource(join(root, 'fixtures', 'src', 'seed-2024.yaml'));
  const narrative = await loadNarrativeSource(join(root, 'fixtures', 'src', 'seed-2024-narrative.yaml'));
  const header = `${src.meta.department}${src.meta.year}年度部门决算`;
  const items = reportOf(src, narrative);
  let laid = reportPages(items, 'cid', header);
  for (let i = 0; laid.length < pages && i < 10; i += 1) {
    items.push({ kind: 'heading', text: `附：情况说明（第 ${i + 2} 稿）` });
    for (const text of narrative.paragraphs) items.push({ kind: 'para', text });
    laid = reportPages(items, 'cid', header);
  }
  writeFileSync(file, writePdf(laid.slice(0, pages), { font: 'cid' }));
  return Math.min(laid.length, pages);
}
