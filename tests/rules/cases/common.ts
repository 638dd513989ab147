import type { WorkbookModel } from '../../../src/model/types.js';
import { addr, withCell, type CellText } from '../../helpers/model-builder.js';
import { seedModel } from '../seed-model.js';

/** Shorthands for rule cases: the seed model, one-cell edits of it, and cell addresses. */
export const seed = seedModel();

export type Edit = [kind: string, rowKey: string, column: string, text: CellText, block?: string];

/** The model (default: the seed) with the given cells rewritten. */
export function edit(first: Edit | WorkbookModel, ...rest: Edit[]): WorkbookModel {
  const [base, edits] = Array.isArray(first) ? [seed, [first, ...rest]] : [first, rest];
  return edits.reduce((m, [kind, rowKey, column, text, block]) => withCell(m, kind, rowKey, column, text, block), base);
}

/** "sheet!cell" in the seed model (or in `m`). */
export function at(kind: string, rowKey: string, column: string, block?: string, m: WorkbookModel = seed): string {
  return addr(m, kind, rowKey, column, block);
}
