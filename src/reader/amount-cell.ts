import type { AmountCell, CellRef } from '../model/types.js';
import { parseAmount } from './amount.js';
import type { GridCell } from '../model/grid.js';

const TABLE_DECIMALS = 2;

/** One amount cell of a table as the model holds it; unreadable cells keep their reason. */
export function readAmountCell(cell: GridCell, ref: CellRef, hidden: boolean): AmountCell {
  const base = { ref, raw: cell.mergedSlave ? '' : cell.text, hidden };
  const content = cell.mergedSlave ? ({ kind: 'empty' } as const) : cell.content;
  switch (content.kind) {
    case 'empty':
      return { ...base, state: 'blank', value: null, decimals: 2 };
    case 'error':
      return {
        ...base,
        state: 'unreadable',
        value: null,
        decimals: 2,
        reason: `单元格为错误值 ${content.value}`,
        fromFormula: content.formula,
      };
    case 'no-result':
      return {
        ...base,
        state: 'unreadable',
        value: null,
        decimals: 2,
        reason: '公式没有保存计算结果（请在 Excel/WPS 中重新计算并保存）',
        fromFormula: true,
      };
    case 'number':
    case 'text': {
      const parsed = parseAmount(content.value);
      // tables are published with two decimals (万元 or 元): a cell holding 44 is shown as 44.00
      const decimals = Math.max(parsed.decimals, TABLE_DECIMALS);
      const cellData: AmountCell = { ...base, state: parsed.state, value: parsed.value, decimals };
      if (parsed.reason) cellData.reason = parsed.reason;
      if (content.formula) cellData.fromFormula = true;
      return cellData;
    }
  }
}
