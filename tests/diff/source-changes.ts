import { join } from 'node:path';
import { Decimal } from 'decimal.js';
import { colLetter } from '../../scripts/fixtures/cells.js';
import { findRepoRoot, SOURCE_REL } from '../../scripts/fixtures/build.js';
import { loadPriorSource, priorDoc, PRIOR_SOURCE_REL } from '../../scripts/fixtures/prior.js';
import { loadSource, type SourceCell, type SourceDoc, type TableSpec } from '../../scripts/fixtures/source.js';

/**
 * What `juesuan diff` must find, worked out from the fixtures' readable source data
 * (fixtures/src/seed-2023.yaml and seed-2024.yaml) without the reader: every amount cell keyed by
 * table, row key (as the reader names rows: L27, F2010350, E30101, TOTAL, R:personnel-total, ROW)
 * and column letter — both years' workbooks share the template's layout, so a letter names the
 * same column in both.
 */

const root = findRepoRoot();

export async function currentSource(): Promise<SourceDoc> {
  return loadSource(join(root, SOURCE_REL));
}

export async function priorSource(variant: string): Promise<SourceDoc> {
  return priorDoc(await loadPriorSource(join(root, PRIOR_SOURCE_REL)), variant);
}

function text(cell: SourceCell | undefined): string {
  return cell?.t === 'text' ? cell.v.trim() : '';
}

/** The text of a cell, or of the cell a "<" mark merges it into (06's 公用经费合计 spans D:H). */
function shown(row: SourceCell[], col: number): string {
  let c = col;
  while (c > 0 && row[c]?.t === 'merge') c -= 1;
  return text(row[c]);
}

const NAMED: Record<string, string> = {
  合计: 'TOTAL',
  人员经费合计: 'R:personnel-total',
  公用经费合计: 'R:public-total',
};

/** The reader's row key for an amount cell of a source row, by the nearest key column to its left. */
function rowKeyOf(spec: TableSpec, row: SourceCell[], col: number): string | undefined {
  if (spec.id === '09') return 'ROW';
  const left = (cols: number[]) => cols.filter((c) => c < col).pop();
  const line = left(spec.lineNumbers);
  if (line !== undefined) {
    const cell = row[line];
    return cell?.t === 'int' ? `L${cell.v}` : undefined;
  }
  const codeCol = left(spec.codes);
  if (codeCol === undefined) return undefined;
  const code = shown(row, codeCol);
  if (/^\d+$/.test(code)) return `${spec.id === '06' ? 'E' : 'F'}${code}`;
  const label = code || text(row[spec.names[spec.codes.indexOf(codeCol)]!]);
  return NAMED[label];
}

/** "03 F2010350 E" → amount (null: blank). */
export function amountCells(doc: SourceDoc): Map<string, Decimal | null> {
  const cells = new Map<string, Decimal | null>();
  for (const spec of doc.tables) {
    for (const row of spec.rows) {
      for (const col of spec.amounts) {
        const cell = row[col];
        const key = rowKeyOf(spec, row, col);
        if (key === undefined) {
          if (cell?.t === 'amount')
            throw new Error(`table ${spec.id}: an amount in ${colLetter(col)} of a row without a key`);
          continue;
        }
        cells.set(`${spec.id} ${key} ${colLetter(col)}`, cell?.t === 'amount' ? cell.v : null);
      }
    }
  }
  return cells;
}

export interface SourceChange {
  key: string;
  prior: Decimal | null;
  current: Decimal | null;
}

/** Every cell whose amount differs (blank = 0), in either year's rows. */
export function sourceChanges(prior: SourceDoc, current: SourceDoc): SourceChange[] {
  const a = amountCells(prior);
  const b = amountCells(current);
  const keys = [...new Set([...a.keys(), ...b.keys()])];
  const zero = new Decimal(0);
  return keys.flatMap((key) => {
    const p = a.get(key) ?? null;
    const c = b.get(key) ?? null;
    return (p ?? zero).eq(c ?? zero) ? [] : [{ key, prior: p, current: c }];
  });
}

/** The letter of a "sheet!E10" address. */
export function letterOf(place: string): string {
  const match = /!([A-Z]+)\d+$/.exec(place);
  if (!match) throw new Error(`not a cell address: ${place}`);
  return match[1] as string;
}
