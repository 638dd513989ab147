import type { AmountCell, CellRef } from '../model/types.js';
import { parseAmount } from './amount.js';
import type { GridCell } from '../model/grid.js';

const TABLE_DECIMALS = 2;
const EMPTY = { kind: 'empty' } as const;

/** One amount cell of a table as the model holds it; unreadable cells keep their reason. */
export function readAmountCell(cell: GridCell, ref: CellRef, hidden: boolean): AmountCell {
  // object literals field by field (ref, raw, hidden, state, value, decimals …, the order the model
  // has always had): one per amount cell, so no spread of a shared base
  const content = cell.mergedSlave ? EMPTY : cell.content;
  switch (content.kind) {
    case 'empty':
      return { ref, raw: cell.mergedSlave ? '' : cell.text, hidden, state: 'blank', value: null, decimals: 2 };
    case 'error':
      return {
        ref,
        raw: cell.text,
        hidden,
        state: 'unreadable',
        value: null,
        decimals: 2,
        reason: `单元格为错误值 ${content.value}`,
        fromFormula: content.formula,
      };
    case 'no-result':
      return {
        ref,
        raw: cell.text,
        hidden,
        state: 'unreadable',
        value: null,
        decimals: 2,
        reason: '公式没有保存计算结果（请在 Excel/WPS 中重新计算并保存）',
        fromFormula: true,
      };
    case 'unplaced':
      return {
        ref,
        raw: cell.text,
        hidden,
        state: 'unreadable',
        value: null,
        decimals: 2,
        reason: `单空格文本看不出空白格的位置：这一格是空白，还是这一行的 ${content.figures.join('、')} 之一，无法确定`,
        unplaced: true,
      };
    case 'number':
    case 'text': {
      const parsed = parseAmount(content.value);
      // tables are published with two decimals (万元 or 元): a cell holding 44 is shown as 44.00
      const decimals = Math.max(parsed.decimals, TABLE_DECIMALS);
      const cellData: AmountCell = { ref, raw: cell.text, hidden, state: parsed.state, value: parsed.value, decimals };
      if (parsed.reason) cellData.reason = parsed.reason;
      if (content.formula) cellData.fromFormula = true;
      return cellData;
    }
  }
}
