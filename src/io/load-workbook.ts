import type ExcelJS from 'exceljs';
import { workbookClass } from './excel.js';
import { inputError } from '../errors/messages.js';
import { type OfficePackage, openWorkbookPackage } from './guard.js';
import { attributesOf, scanXml, XmlScanError } from './xml-scan.js';
import { parseRef } from './xlsx/read-xlsx.js';

/** exceljs makes an object per cell of a merge and per column of a <col> range: what it may be given. */
const EXCELJS_MAX_MERGED_CELLS = 1_000_000;
const EXCELJS_MAX_COLUMN = 16_384;
/** exceljs takes about 10 KiB and 0.3 ms a cell to load and write a copy: more is refused. */
const EXCELJS_MAX_CELLS = 10_000;

/**
 * The declared ranges of every worksheet, before exceljs builds them: a merge over A1:XFD1048576
 * or <col max="99999999"> takes it gigabytes. Such a workbook is read by our own reader for the
 * check; only a copy written by exceljs (--annotate) is refused.
 */
function assertDeclaredRangesFit(pkg: OfficePackage, path: string): void {
  const refuse = () =>
    inputError('over-limit', { file: path, what: '合并单元格或列设置声明的范围过大，无法写出标注副本' });
  const tooMany = () =>
    inputError('over-limit', { file: path, what: `标注副本最多支持 ${EXCELJS_MAX_CELLS} 个单元格` });
  let cells = 0;
  for (const name of pkg.names()) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const xml = pkg.part(name);
    if (!xml) continue;
    let merged = 0;
    scanXml(xml, {
      open(tag, attrs) {
        if (tag === 'c') {
          cells += 1;
          if (cells > EXCELJS_MAX_CELLS) throw tooMany();
        } else if (tag === 'col') {
          const a = attributesOf(attrs);
          const min = Number(a.min ?? 1);
          const max = Number(a.max ?? min);
          if (!(min >= 1 && max >= min && max <= EXCELJS_MAX_COLUMN)) throw refuse();
        } else if (tag === 'mergeCell') {
          const [from, to] = (attributesOf(attrs).ref ?? '').split(':');
          const tl = parseRef(from ?? '');
          const br = parseRef(to ?? from ?? '');
          if (!tl || !br) throw refuse();
          merged += (Math.abs(br[0] - tl[0]) + 1) * (Math.abs(br[1] - tl[1]) + 1);
          if (merged > EXCELJS_MAX_MERGED_CELLS) throw refuse();
        }
      },
      close() {},
      text() {},
    });
  }
}

/**
 * Open a final-accounts workbook for reading: the guard vets the bytes (read-only, no bombs,
 * right container), then exceljs parses them. Whatever exceljs throws on a file that got past
 * the guard is reported as corrupt-workbook; the original exception stays as `cause` for --debug.
 */
export async function loadWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const pkg = await openWorkbookPackage(path);
  try {
    assertDeclaredRangesFit(pkg, path);
  } catch (error) {
    if (error instanceof XmlScanError) throw inputError('corrupt-workbook', { file: path }, { cause: error });
    throw error;
  }
  const { bytes } = pkg;
  const Workbook = await workbookClass();
  const workbook = new Workbook();
  try {
    // exceljs's typings declare their own `interface Buffer extends ArrayBuffer`, which a Node
    // Buffer does not satisfy; at run time JSZip takes a Node Buffer directly (no copy needed).
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (error) {
    throw inputError('corrupt-workbook', { file: path }, { cause: error });
  }
  return workbook;
}
