import { inputError } from '../../errors/messages.js';
import type { CellContent, Grid, GridCell } from '../../model/grid.js';
import { contentText, EMPTY_CELL } from '../../model/grid.js';
import { LIMITS } from '../limits.js';
import type { OfficePackage } from '../guard.js';
import { attributeOf, attributesOf, scanXml, XmlScanError } from '../xml-scan.js';

/**
 * A workbook's sheets as grids, read straight from the vetted package: work and memory follow
 * the cells the sheets store, never the ranges they declare. A merge or a `<col>` range may claim
 * the whole sheet (A1:XFD1048576) in a few bytes; exceljs builds an object per declared cell, so
 * this reader never hands a workbook to exceljs for reading. Column ranges are ignored (nothing
 * here needs widths); a merge is clipped to the sheet's used area and only then spread over its
 * cells, within a bound; values are read as stored: a number is its number whatever format shows
 * it (a date-formatted amount is the amount, never a date conversion that can fail).
 */

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;
/** A merge whose clipped area is larger than this is not spread (its cells keep their own values). */
const MAX_MERGE_AREA = 20_000;

interface SheetRef {
  name: string;
  hidden: boolean;
  part: string | undefined;
}

export function readXlsxGrids(pkg: OfficePackage, file: string): Grid[] {
  try {
    const sheets = workbookSheets(pkg);
    if (sheets.length > LIMITS.sheets) throw overLimit(file, `工作表超过 ${LIMITS.sheets} 张`);
    const strings = sharedStrings(pkg, file);
    const budget = { cells: LIMITS.cells };
    return sheets.map((sheet) => readSheet(pkg, sheet, strings, budget, file));
  } catch (error) {
    if (error instanceof XmlScanError) throw inputError('corrupt-workbook', { file }, { cause: error });
    throw error;
  }
}

function overLimit(file: string, what: string) {
  return inputError('over-limit', { file, what });
}

// ---------------------------------------------------------------------------------------------
// Workbook, relationships, shared strings

function workbookSheets(pkg: OfficePackage): SheetRef[] {
  const targets = relationships(pkg, 'xl/_rels/workbook.xml.rels', 'xl/');
  const sheets: SheetRef[] = [];
  const xml = pkg.part('xl/workbook.xml');
  if (!xml) return sheets;
  scanXml(xml, {
    open(name, attrs) {
      if (name !== 'sheet') return;
      const a = attributesOf(attrs);
      const target = a.id === undefined ? undefined : targets.get(a.id);
      // chart and dialog sheets hold no cells
      if (target && !/worksheet$/.test(target.type)) return;
      sheets.push({ name: a.name ?? '', hidden: (a.state ?? 'visible') !== 'visible', part: target?.path });
    },
    close() {},
    text() {},
  });
  return sheets;
}

/** Relationship id → part path (resolved against `base`) and type. */
function relationships(
  pkg: OfficePackage,
  relsPart: string,
  base: string,
): Map<string, { path: string; type: string }> {
  const map = new Map<string, { path: string; type: string }>();
  const xml = pkg.part(relsPart);
  if (!xml) return map;
  scanXml(xml, {
    open(name, attrs) {
      if (name !== 'Relationship') return;
      const a = attributesOf(attrs);
      if (a.Id === undefined || a.Target === undefined || a.TargetMode === 'External') return;
      map.set(a.Id, { path: resolvePart(base, a.Target), type: a.Type ?? '' });
    },
    close() {},
    text() {},
  });
  return map;
}

function resolvePart(base: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : base + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

function sharedStrings(pkg: OfficePackage, file: string): string[] {
  const rels = relationships(pkg, 'xl/_rels/workbook.xml.rels', 'xl/');
  const path = [...rels.values()].find((r) => /sharedStrings$/.test(r.type))?.path ?? 'xl/sharedStrings.xml';
  const xml = pkg.part(path);
  const strings: string[] = [];
  if (!xml) return strings;
  let current: string[] | undefined;
  let inText = false;
  let phonetic = 0;
  let length = 0;
  scanXml(xml, {
    open(name) {
      if (name === 'si') {
        current = [];
        length = 0;
      } else if (name === 'rPh') phonetic += 1;
      else if (name === 't' && current && phonetic === 0) inText = true;
    },
    close(name) {
      if (name === 'si' && current) {
        if (strings.length >= LIMITS.cells) throw overLimit(file, `共享字符串超过 ${LIMITS.cells} 个`);
        strings.push(current.join(''));
        current = undefined;
      } else if (name === 'rPh') phonetic = Math.max(0, phonetic - 1);
      else if (name === 't') inText = false;
    },
    text(value) {
      if (!inText || !current) return;
      length += value.length;
      if (length > LIMITS.cellChars) throw overLimit(file, `有文字超过 ${LIMITS.cellChars} 个字符`);
      current.push(value);
    },
  });
  return strings;
}

// ---------------------------------------------------------------------------------------------
// One worksheet

/** The `<c>` being read: one object per sheet, reset for each cell. */
interface RawCell {
  t: string;
  ref: string | undefined;
  value: string;
  inline: string;
  formula: string | undefined;
  hasValue: boolean;
}

/** Where character data goes: nowhere, the cell's value, its inline string, its formula. */
const Target = { None: 0, Value: 1, Inline: 2, Formula: 3 } as const;

function readSheet(
  pkg: OfficePackage,
  sheet: SheetRef,
  strings: string[],
  budget: { cells: number },
  file: string,
): Grid {
  const rows = new Map<number, Map<number, GridCell>>();
  const hiddenRows = new Set<number>();
  const merges: string[] = [];
  const xml = sheet.part ? pkg.part(sheet.part) : undefined;
  const where = (ref: string) => `工作表「${sheet.name}」${ref}`;

  let rowNumber = 0;
  let colNumber = 0;
  const raw: RawCell = { t: 'n', ref: undefined, value: '', inline: '', formula: undefined, hasValue: false };
  let inCell = false;
  let target: number = Target.None;
  let inInline = 0;
  let phonetic = 0;
  let textLength = 0;
  let inSheetData = false;

  const store = (r: number, c: number, content: CellContent): void => {
    if (content.kind === 'empty') return;
    budget.cells -= 1;
    if (budget.cells < 0) throw overLimit(file, `有内容的单元格超过 ${LIMITS.cells} 个`);
    let row = rows.get(r);
    if (!row) {
      row = new Map();
      rows.set(r, row);
    }
    // a number stored as its shortest form ("2156.82") is shown as stored, without converting it back
    const text = content.kind === 'number' && isShortestForm(raw.value) ? raw.value : contentText(content);
    row.set(c, { content, text, mergedSlave: false });
  };

  if (xml) {
    scanXml(xml, {
      open(name, attrs, selfClosing) {
        if (name === 'sheetData') inSheetData = !selfClosing;
        else if (!inSheetData) {
          if (name === 'mergeCell') {
            const ref = attributesOf(attrs).ref;
            if (ref !== undefined) {
              if (merges.length >= LIMITS.cells) throw overLimit(file, `合并单元格超过 ${LIMITS.cells} 处`);
              merges.push(ref);
            }
          }
        } else if (name === 'row') {
          const at = attributeOf(attrs, 'r');
          const r = at === undefined ? rowNumber + 1 : Number(at);
          if (!Number.isInteger(r) || r < 1 || r > MAX_ROW) throw badCell(file, where(`第 ${at} 行`));
          rowNumber = r;
          colNumber = 0;
          const hidden = attributeOf(attrs, 'hidden');
          if (hidden === '1' || hidden === 'true') hiddenRows.add(r);
        } else if (name === 'c') {
          raw.t = attributeOf(attrs, 't') ?? 'n';
          raw.ref = attributeOf(attrs, 'r');
          raw.value = '';
          raw.inline = '';
          raw.formula = undefined;
          raw.hasValue = false;
          inCell = true;
          textLength = 0;
          if (selfClosing) finishCell();
        } else if (inCell) {
          if (name === 'v') {
            raw.hasValue = true;
            target = selfClosing ? Target.None : Target.Value;
          } else if (name === 'f') {
            raw.formula = '';
            target = selfClosing ? Target.None : Target.Formula;
          } else if (name === 'is') inInline += 1;
          else if (name === 'rPh') phonetic += 1;
          else if (name === 't' && inInline > 0 && phonetic === 0) target = selfClosing ? Target.None : Target.Inline;
        }
      },
      close(name) {
        if (name === 'sheetData') inSheetData = false;
        else if (name === 'c') finishCell();
        else if (name === 'v' || name === 'f' || name === 't') target = Target.None;
        else if (name === 'is') inInline = Math.max(0, inInline - 1);
        else if (name === 'rPh') phonetic = Math.max(0, phonetic - 1);
      },
      text(value) {
        if (target === Target.None) return;
        textLength += value.length;
        if (textLength > LIMITS.cellChars)
          throw overLimit(file, `${where(raw.ref ?? '')} 的文字超过 ${LIMITS.cellChars} 个字符`);
        if (target === Target.Value) raw.value += value;
        else if (target === Target.Inline) raw.inline += value;
        else raw.formula += value;
      },
    });
  }

  function finishCell(): void {
    target = Target.None;
    inInline = 0;
    phonetic = 0;
    if (!inCell) return;
    inCell = false;
    let r = rowNumber;
    let c = colNumber + 1;
    if (raw.ref !== undefined) {
      const at = parseRef(raw.ref);
      if (!at) throw badCell(file, where(raw.ref));
      [r, c] = at;
      if (rowNumber === 0) rowNumber = r;
    }
    if (r < 1) r = 1;
    colNumber = c;
    store(r, c, contentOfRaw(raw, strings));
  }

  spreadMerges(rows, merges, budget, file);
  let rowCount = 0;
  let colCount = 0;
  for (const [r, row] of rows) {
    rowCount = Math.max(rowCount, r);
    for (const c of row.keys()) colCount = Math.max(colCount, c);
  }
  const storedRows = [...rows.keys()].sort((a, b) => a - b);
  const colsByRow = new Map<number, number[]>();
  return {
    sheet: sheet.name,
    hidden: sheet.hidden,
    rowCount,
    colCount,
    hiddenRows,
    cell: (r, c) => rows.get(r)?.get(c) ?? EMPTY_CELL,
    storedRows: () => storedRows,
    storedCols: (r) => {
      let cols = colsByRow.get(r);
      if (!cols) {
        cols = [...(rows.get(r)?.keys() ?? [])].sort((a, b) => a - b);
        colsByRow.set(r, cols);
      }
      return cols;
    },
  };
}

/** Plain decimals of at most 15 digits and 6 places, no trailing zero, no "-0": String(Number(s)) is s. */
const SHORTEST_FORM = /^-?(?:0|[1-9]\d{0,14})(?:\.\d{0,5}[1-9])?$/;

/** Is `text` the form String(Number(text)) gives (so the number need not be turned back into text)? */
export function isShortestForm(text: string): boolean {
  if (text.length > 17 || text === '-0' || !SHORTEST_FORM.test(text)) return false;
  const point = text.indexOf('.');
  const digits = text.length - (text.startsWith('-') ? 1 : 0) - (point < 0 ? 0 : 1);
  return digits <= 15;
}

function badCell(file: string, where: string) {
  return inputError('corrupt-workbook', { file }, { cause: new Error(`bad cell reference at ${where}`) });
}

/** "AB12" → [12, 28]; undefined when not a cell reference inside Excel's grid. */
export function parseRef(ref: string): [number, number] | undefined {
  let i = 0;
  let col = 0;
  // a reference as written in a cell (A1): nothing to trim or drop, so no copy of it is made
  const plain =
    ref.length > 0 &&
    isPlainCode(ref.charCodeAt(0)) &&
    isPlainCode(ref.charCodeAt(ref.length - 1)) &&
    !ref.includes('$');
  const text = plain ? ref : ref.trim().replace(/\$/g, '');
  while (i < text.length && i < 4) {
    const code = text.charCodeAt(i) & ~0x20; // upper case
    if (code < 65 || code > 90) break;
    col = col * 26 + (code - 64);
    i += 1;
  }
  // 1 to 7 decimal digits to the end (/^\d{1,7}$/), read without a slice
  const digits = text.length - i;
  if (i === 0 || digits < 1 || digits > 7) return undefined;
  let row = 0;
  for (let k = i; k < text.length; k += 1) {
    const d = text.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return undefined;
    row = row * 10 + d;
  }
  if (row < 1 || row > MAX_ROW || col > MAX_COL) return undefined;
  return [row, col];
}

/** Printable ASCII other than space: a character String.prototype.trim never removes. */
function isPlainCode(code: number): boolean {
  return code > 0x20 && code < 0x7f;
}

function contentOfRaw(raw: RawCell, strings: string[]): CellContent {
  const value = raw.value;
  const formula = raw.formula;
  const isFormula = raw.formula !== undefined;
  const text = (s: string): CellContent =>
    s.trim() === '' && !isFormula
      ? { kind: 'empty' }
      : { kind: 'text', value: s, ...(isFormula ? { formula: true } : {}) };
  switch (raw.t) {
    case 's': {
      const index = Number(value);
      const s = Number.isInteger(index) ? strings[index] : undefined;
      return s === undefined ? { kind: 'empty' } : text(s);
    }
    case 'inlineStr':
      return text(raw.inline);
    case 'str':
      if (isFormula && !raw.hasValue) return { kind: 'no-result', formula: formula ?? '' };
      return value.trim() === '' ? { kind: 'empty' } : text(value);
    case 'b':
      if (isFormula && !raw.hasValue) return { kind: 'no-result', formula: formula ?? '' };
      return raw.hasValue ? text(value === '1' || value === 'true' ? 'true' : 'false') : { kind: 'empty' };
    case 'e':
      return raw.hasValue
        ? { kind: 'error', value: value.trim(), ...(isFormula ? { formula: true } : {}) }
        : { kind: 'empty' };
    case 'd':
      // an ISO 8601 date stored as text: shown as its date, like a date-formatted number would be
      return raw.hasValue ? text(value.trim().slice(0, 10)) : { kind: 'empty' };
    default: {
      if (!raw.hasValue || value.trim() === '') {
        return isFormula ? { kind: 'no-result', formula: formula ?? '' } : { kind: 'empty' };
      }
      const number = Number(value.trim());
      // not a number although the cell says it is one: keep the text, the amount reader says why
      if (Number.isNaN(number)) return text(value);
      return { kind: 'number', value: number, ...(isFormula ? { formula: true } : {}) };
    }
  }
}

/**
 * Merges as the reader needs them: every cell of a merge but its top-left carries the top-left's
 * text and is marked a slave. Clipped to the used area first (stored cells), and a merge still
 * larger than MAX_MERGE_AREA is left unspread: a formatting merge over a whole sheet says nothing
 * about the tables in it. A cell under a merge that stores a value of its own keeps it.
 */
function spreadMerges(
  rows: Map<number, Map<number, GridCell>>,
  merges: string[],
  budget: { cells: number },
  file: string,
): void {
  if (merges.length === 0 || rows.size === 0) return;
  let maxRow = 0;
  let maxCol = 0;
  for (const [r, row] of rows) {
    maxRow = Math.max(maxRow, r);
    for (const c of row.keys()) maxCol = Math.max(maxCol, c);
  }
  for (const ref of merges) {
    const [from, to] = ref.split(':');
    const tl = from === undefined ? undefined : parseRef(from);
    const br = to === undefined ? tl : parseRef(to);
    if (!tl || !br) continue;
    const top = Math.min(tl[0], br[0]);
    const left = Math.min(tl[1], br[1]);
    const bottom = Math.min(Math.max(tl[0], br[0]), maxRow);
    const right = Math.min(Math.max(tl[1], br[1]), maxCol);
    if (top > bottom || left > right) continue;
    if ((bottom - top + 1) * (right - left + 1) > MAX_MERGE_AREA) continue;
    const master = rows.get(top)?.get(left);
    const text = master?.text ?? '';
    if (text === '') continue;
    for (let r = top; r <= bottom; r += 1) {
      for (let c = left; c <= right; c += 1) {
        if (r === top && c === left) continue;
        let row = rows.get(r);
        if (!row) {
          row = new Map();
          rows.set(r, row);
        }
        // a value stored under a merge (Excel never writes one) is data: it stays readable
        if (row.has(c)) continue;
        budget.cells -= 1;
        if (budget.cells < 0) throw overLimit(file, `有内容的单元格超过 ${LIMITS.cells} 个`);
        row.set(c, { content: { kind: 'empty' }, text, mergedSlave: true });
      }
    }
  }
}
