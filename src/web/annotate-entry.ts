/**
 * The annotated-workbook bundle (dist/web/annotate-HASH.js): the copy `check --annotate` writes,
 * made in the page from the workbook's bytes and its findings. exceljs is large (about 0.9 MB), so
 * the page loads this script only when a copy is asked for.
 */
import { annotatedCopy } from '../cli/annotate.js';
import type { Finding } from '../model/finding.js';
import { clearDir, putFile, WORK_DIR } from './node/volume.js';

/** What the page calls (see AnnotateInPage in protocol.ts). */
async function annotate(
  name: string,
  bytes: Uint8Array,
  findings: Finding[],
): Promise<{ bytes: Uint8Array; cells: number; unplaced: number }> {
  clearDir(WORK_DIR);
  const path = `${WORK_DIR}/${name.replace(/[/\\]/g, '_')}`;
  putFile(path, bytes);
  return annotatedCopy(path, findings);
}

(globalThis as { juesuanAnnotate?: unknown }).juesuanAnnotate = { annotate };
