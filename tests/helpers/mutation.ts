import { Decimal } from 'decimal.js';
import type { WorkbookModel } from '../../src/model/types.js';
import { type Rule, runRules } from '../../src/rules/index.js';

/**
 * Mutation check: each amount cell of the model +1.00 in turn (on the read model, which is what the
 * rules see); the cells for which no `error` finding names the cell in its location or related
 * cells. `rulesFor(kind)` narrows the rules run for a cell of that table (default: all).
 */
export function uncoveredCells(
  model: WorkbookModel,
  rules: readonly Rule[],
  rulesFor: (kind: string) => readonly Rule[] = () => rules,
): { cells: number; missed: string[] } {
  const missed: string[] = [];
  let cells = 0;
  for (const table of model.tables) {
    for (const row of table.rows) {
      for (const cell of Object.values(row.cells)) {
        cells += 1;
        const saved = { ...cell };
        Object.assign(cell, { state: 'number', value: (cell.value ?? new Decimal(0)).plus(1), decimals: 2 });
        const named = runRules(model, rulesFor(table.kind)).some(
          (f) =>
            f.severity === 'error' &&
            [f.location, ...f.related].some((l) => l.sheet === cell.ref.sheet && l.cell === cell.ref.cell),
        );
        Object.assign(cell, saved);
        if (!named) missed.push(`${cell.ref.sheet}!${cell.ref.cell}`);
      }
    }
  }
  return { cells, missed };
}
