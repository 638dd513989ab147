import { Decimal } from 'decimal.js';
import type { AmountCell, WorkbookModel } from '../../src/model/types.js';
import { type Rule, runRules } from '../../src/rules/index.js';

/**
 * Each amount cell of the model +1.00 in turn (on the read model, which is what the rules see):
 * `visit` runs while the cell holds the mutated value (its kind of table, the value as read, the
 * mutated value); the cell is restored after.
 */
export function eachMutation(
  model: WorkbookModel,
  visit: (cell: AmountCell, kind: string, saved: AmountCell, mutated: Decimal) => void,
): number {
  let cells = 0;
  for (const table of model.tables) {
    for (const row of table.rows) {
      for (const cell of Object.values(row.cells)) {
        cells += 1;
        const saved = { ...cell };
        const mutated = (cell.value ?? new Decimal(0)).plus(1);
        Object.assign(cell, { state: 'number', value: mutated, decimals: 2 });
        try {
          visit(cell, table.kind, saved, mutated);
        } finally {
          Object.assign(cell, saved);
        }
      }
    }
  }
  return cells;
}

/**
 * Mutation check: the cells for which no `error` finding names the mutated cell in its location or
 * related cells. `rulesFor(kind)` narrows the rules run for a cell of that table (default: all).
 */
export function uncoveredCells(
  model: WorkbookModel,
  rules: readonly Rule[],
  rulesFor: (kind: string) => readonly Rule[] = () => rules,
): { cells: number; missed: string[] } {
  const missed: string[] = [];
  const cells = eachMutation(model, (cell, kind) => {
    const named = runRules(model, rulesFor(kind)).some(
      (f) =>
        f.severity === 'error' &&
        [f.location, ...f.related].some((l) => l.sheet === cell.ref.sheet && l.cell === cell.ref.cell),
    );
    if (!named) missed.push(`${cell.ref.sheet}!${cell.ref.cell}`);
  });
  return { cells, missed };
}
