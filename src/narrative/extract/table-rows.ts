import { OUTLINE_MARK } from '../../util/outline.js';
import { Decimal } from 'decimal.js';
import type { Unit } from '../../model/types.js';
import type { AmountMention, Claim } from '../claims.js';
import { sourceSlice } from '../text/normalise.js';
import type { Vocabulary } from '../vocabulary.js';
import { subjectsIn } from './mentions.js';
import { place, type ParaText } from './para.js';

/** What a table rendered as text has told so far: its unit ("单位：万元") and each column's role. */
export interface TableText {
  unit: Unit;
  roles: ('actual' | 'budget' | undefined)[];
}

const NUMBER = /^-?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.([0-9]+))?$/u;
/** Ordinals or 其中 before a row's name ("其中：", "1.", "（一）", "其中：（1）"). */
const LEAD = new RegExp(`^(?:其中：?|${OUTLINE_MARK}){1,3}`, 'u');

/** A cell of a row written "a | b | c" (normalised text: no spaces), with where it starts. */
export interface BarCell {
  text: string;
  start: number;
}

/** Every cell of a row written "a | b | c", empty ones too (a blank cell keeps the columns after it in place). */
export function barCells(text: string): BarCell[] {
  const out: BarCell[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i += 1)
    if (i === text.length || text[i] === '|') {
      out.push({ text: text.slice(start, i), start });
      start = i + 1;
    }
  return out;
}

/** The non-empty cells of a row written "a | b | c", with where each starts. */
export function cells(text: string): BarCell[] {
  return barCells(text).filter((c) => c.text !== '');
}

/** A cell holding a bare number, read as an amount in the table's unit (its "单位" line). */
export function cellAmount(p: ParaText, cell: BarCell, unit: Unit): AmountMention | undefined {
  const m = NUMBER.exec(cell.text);
  if (!m) return undefined;
  return {
    start: cell.start,
    end: cell.start + cell.text.length,
    value: new Decimal(cell.text.replace(/,/gu, '')),
    decimals: m[1]?.length ?? 0,
    unit,
    text: `${sourceSlice(p.n, cell.start, cell.start + cell.text.length)}（${unit}）`,
  };
}

/** "单位：万元" anywhere in a paragraph sets the unit of the rows that follow. */
export function unitOf(p: ParaText): Unit | undefined {
  const m = /单位：?(万元|元)/u.exec(p.n.text);
  return m ? (m[1] === '元' ? '元' : '万元') : undefined;
}

const YEAR = /((?:19|20)[0-9]{2})年/u;

/**
 * Each column's role from the header row. A column of the year before ("上年决算数") or of changes
 * ("增、减金额") is no figure of this year. When two columns take one role ("2023年预算数 | 2024年预算数"),
 * only a year tells which is this year's: the latest year's column keeps the role, the others none;
 * without years none keeps it (one row's two cells are two figures, never one figure written twice).
 */
function headerRoles(header: string[]): ('actual' | 'budget' | undefined)[] {
  // a column headed "其中：公共预算财政拨款" is a part of the column before it, not that figure again
  const roles = header.map((text) =>
    /上年|去年|上一年|增减|增、减|比较|^其中/.test(text)
      ? undefined
      : /预算/.test(text)
        ? ('budget' as const)
        : /决算|支出|金额/.test(text)
          ? ('actual' as const)
          : undefined,
  );
  for (const role of ['actual', 'budget'] as const) {
    const columns = roles.flatMap((r, i) => (r === role ? [i] : []));
    if (columns.length < 2) continue;
    const years = columns.map((i) => Number(YEAR.exec(header[i] ?? '')?.[1] ?? Number.NaN));
    const latest = years.every((y) => !Number.isNaN(y)) ? Math.max(...years) : Number.NaN;
    columns.forEach((i, k) => {
      if (years[k] !== latest || years.filter((y) => y === latest).length > 1) roles[i] = undefined;
    });
  }
  return roles;
}

/**
 * A table rendered as text ("项目 | 预算数 | 决算数", "公务接待费 | 1.8 | 1.52"): a header row names
 * the columns (预算 / 决算), a data row whose first cell is a subject's name states that subject's
 * figures. Numbers need no unit here: the table's "单位" line gives it.
 */
export function tableRowClaims(p: ParaText, vocabulary: Vocabulary, table: TableText): Claim[] {
  const row = cells(p.n.text);
  if (row.length < 2 || !p.n.text.includes('|')) return [];
  const first = row[0] as { text: string; start: number };
  if (row.slice(1).some((c) => /预算|决算/.test(c.text))) {
    table.roles = headerRoles(row.map((c) => c.text));
    return [];
  }
  const name = first.text.replace(LEAD, '');
  const named = subjectsIn(name, vocabulary)[0];
  if (named?.start !== 0 || named.end !== name.length) return [];
  const out: Claim[] = [];
  row.slice(1).forEach((cell, i) => {
    const amount = cellAmount(p, cell, table.unit);
    if (!amount) return;
    const role = table.roles.length > 0 ? table.roles[i + 1] : row.length === 2 ? 'actual' : undefined;
    if (!role) return;
    out.push({
      kind: 'amount',
      subject: named.subject,
      role,
      amount,
      ...place(p, { start: 0, end: p.n.text.length }, amount),
    });
  });
  return out;
}
