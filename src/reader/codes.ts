import type { CodeLevel, CodeScheme } from '../model/types.js';
import { toHalfWidth } from '../util/amount-text.js';

/**
 * Classification codes (科目编码) as workbooks write them.
 *
 * Function codes (支出功能分类): 类 3 digits, 款 5, 项 7; the class is 201–234.
 * Economic codes (支出经济分类): 类 3 digits, 款 5; the class is 301–399 (部门) or 501–599 (政府).
 * A lone "1".."64" is a 行次, a 2-digit cell alone is a segment, never a code; "合计", "栏次" are
 * not codes. Written forms: "2010350", "201 03 50", "201-03-50", "301\n99" (PDF line break),
 * full-width digits, with a name after the code ("2010350 事业运行", "2010350事业运行",
 * "[2010350]事业运行", "【30101】基本工资"), or split across 类/款/项 columns.
 */
export interface ParsedCode {
  code: string;
  level: CodeLevel;
  scheme: CodeScheme;
  /** The name written with the code in the same cell(s), trimmed; absent when none. */
  name?: string;
}

type CellText = string | number | null | undefined;

const FUNCTION_CLASS = { min: 201, max: 234 };
const ECONOMIC_CLASSES = [
  { min: 301, max: 399 },
  { min: 501, max: 599 },
];

/** Level of a code of the given scheme, or null when it is not a well-formed code of it. */
export function codeLevel(code: string, scheme: CodeScheme): CodeLevel | null {
  if (!/^\d+$/.test(code)) return null;
  const cls = Number(code.slice(0, 3));
  if (scheme === 'function') {
    if (cls < FUNCTION_CLASS.min || cls > FUNCTION_CLASS.max) return null;
    return code.length === 3 ? '类' : code.length === 5 ? '款' : code.length === 7 ? '项' : null;
  }
  if (!ECONOMIC_CLASSES.some((r) => cls >= r.min && cls <= r.max)) return null;
  return code.length === 3 ? '类' : code.length === 5 ? '款' : null;
}

function text(cell: CellText): string {
  if (cell === null || cell === undefined) return '';
  return toHalfWidth(String(cell))
    .replace(/[\u00a0\u200b\ufeff]/g, ' ')
    .trim();
}

/**
 * Code then optional name. The code is 3 digits, then up to two 2-digit segments, separated by
 * nothing, spaces (including line breaks) or hyphens; it must not run on into more digits.
 * "." is not a separator: "215.82" is an amount, not 21582.
 */
const MAX_CODE_CELL_CHARS = 200;
const CODE_AND_NAME =
  /^[[【(]?\s*(\d{3})(?:[\s-]*(\d{2}))?(?:[\s-]*(\d{2}))?(?!\d)\s*[\]】)]?\s*[:：、.\-—]?\s*(.*)$/su;

function parseText(value: string, scheme: CodeScheme): ParsedCode | null {
  const match = CODE_AND_NAME.exec(value);
  if (!match) return null;
  const code = `${match[1]}${match[2] ?? ''}${match[3] ?? ''}`;
  const level = codeLevel(code, scheme);
  if (!level) return null;
  const name = (match[4] ?? '').replace(/\s+/g, ' ').trim();
  // A name starts with a word, not a digit ("201 1" is two numbers, not a code and a name).
  if (/^\d/.test(name)) return null;
  return name ? { code, level, scheme, name } : { code, level, scheme };
}

/** One cell holding a code, alone or with its name; null for anything that is not a code. */
export function parseCodeCell(cell: CellText, scheme: CodeScheme): ParsedCode | null {
  const value = text(cell);
  // a code with its name is a short label; longer text is not one (and is never matched)
  return value && value.length <= MAX_CODE_CELL_CHARS ? parseText(value, scheme) : null;
}

export function parseFunctionCode(cell: CellText): ParsedCode | null {
  return parseCodeCell(cell, 'function');
}

export function parseEconomicCode(cell: CellText): ParsedCode | null {
  return parseCodeCell(cell, 'economic');
}

/**
 * A code split across columns (类, 款, 项 for function codes; 类, 款 for economic codes).
 * Each part may be blank, a 2-digit segment ("03") or the full code of that level or deeper
 * ("20103", "2010350 事业运行"); full codes must extend what the earlier parts say.
 * When leading parts are blank and a later part is a bare segment (templates that write the
 * class only on its first row), `previous` (the code of an earlier row) supplies them.
 * Null when nothing is a code, parts conflict, or a segment has nothing to attach to.
 */
function normaliseCode(parts: readonly CellText[], scheme: CodeScheme, previous?: string): ParsedCode | null {
  let code = '';
  let name: string | undefined;
  for (const [index, part] of parts.entries()) {
    const value = text(part);
    if (!value) continue;
    const segment = value.replace(/\s+/g, '');
    if (index > 0 && /^\d{2}$/.test(segment)) {
      const needed = 3 + 2 * (index - 1);
      if (code === '' && previous && previous.length >= needed) code = previous.slice(0, needed);
      if (code.length !== needed) return null;
      code += segment;
      continue;
    }
    const full = parseText(value, scheme);
    // the name written in a later code column ("2010350" | "" | "事业运行": a PDF copy's columns)
    if (!full && code !== '' && name === undefined && /^\D/.test(segment)) {
      name = value.replace(/\s+/g, ' ');
      continue;
    }
    if (!full) return null;
    if (code && !isUnder(full.code, code)) return null;
    code = full.code;
    if (full.name) name = full.name;
  }
  if (!code) return null;
  const level = codeLevel(code, scheme);
  if (!level) return null;
  return name ? { code, level, scheme, name } : { code, level, scheme };
}

export function normaliseFunctionCode(parts: readonly CellText[], previous?: string): ParsedCode | null {
  return normaliseCode(parts, 'function', previous);
}

export function normaliseEconomicCode(parts: readonly CellText[], previous?: string): ParsedCode | null {
  return normaliseCode(parts, 'economic', previous);
}

/** The code one level up: 2010350 → 20103 → 201 → null. */
export function parentCode(code: string): string | null {
  if (code.length === 7) return code.slice(0, 5);
  if (code.length === 5) return code.slice(0, 3);
  return null;
}

/**
 * True when `code` is `prefix` or lies below it (201 ⊇ 20103 ⊇ 2010350). The prefix must be a
 * whole level (3, 5 or 7 digits): "20" or "2010" are not codes and contain nothing.
 */
export function isUnder(code: string, prefix: string): boolean {
  if (![3, 5, 7].includes(prefix.length) || !/^\d+$/.test(prefix)) return false;
  return code.length >= prefix.length && code.startsWith(prefix);
}
