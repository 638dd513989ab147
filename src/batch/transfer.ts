import { Decimal } from 'decimal.js';
import type { AmountCell, WorkbookModel } from '../model/types.js';
import type { FileResult } from '../model/results.js';

/**
 * A FileResult crosses from a worker by structured clone, which keeps plain data (and shared
 * references, such as model.unreadable's cells) but not classes: a Decimal would arrive as a bare
 * object. Amounts travel as their exact decimal strings and are revived on arrival.
 */
type Wire<T> = T & { readonly __wire: true };

function cells(model: WorkbookModel): AmountCell[] {
  return [...model.tables.flatMap((t) => t.rows.flatMap((r) => Object.values(r.cells))), ...model.unreadable];
}

/** In the worker, just before postMessage: the result is not used there again. */
export function toWire(result: FileResult): Wire<FileResult> {
  if (result.model) {
    for (const cell of cells(result.model)) {
      if (cell.value instanceof Decimal) (cell as unknown as { value: string | null }).value = cell.value.toString();
    }
  }
  return result as Wire<FileResult>;
}

/** In the main thread, on arrival. */
export function fromWire(wire: Wire<FileResult>): FileResult {
  const result = wire as FileResult;
  if (result.model) {
    for (const cell of cells(result.model)) {
      const value = cell.value as unknown;
      if (typeof value === 'string') cell.value = new Decimal(value);
    }
  }
  return result;
}

export type WireResult = Wire<FileResult>;
