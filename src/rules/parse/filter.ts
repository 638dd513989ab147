import type { CatalogTable } from '../../catalog/types.js';
import type { CodeLevel } from '../../model/types.js';
import type { RowFilter } from '../types.js';
import { bool, checkBlock, checkKeys, checkRole, oneOrMany, parseCode, type ParseContext } from './context.js';
import type { Node } from '../../util/yaml-node.js';

export const FILTER_KEYS = [
  'block',
  'level',
  'role',
  'hasCode',
  'leaf',
  'top',
  'total',
  'under',
  'childOf',
  'prefix',
  'notPrefix',
  'codeIn',
  'codeNotIn',
  'above',
  'below',
] as const;

const LEVELS: readonly CodeLevel[] = ['类', '款', '项'];

function level(node: Node): CodeLevel {
  const text = node.text() as CodeLevel;
  if (!LEVELS.includes(text)) node.fail('bad-value', `level 应为 类、款 或 项，而不是「${text}」`);
  return text;
}

/**
 * Parses a row filter (forEach or sumRows.where) of `table`. `extraKeys` are keys the caller
 * handles itself (forEach.columns); `block` is the block fixed by the enclosing reference.
 */
export function parseFilter(
  node: Node,
  table: CatalogTable,
  ctx: ParseContext,
  what: string,
  extraKeys: readonly string[] = [],
  block?: string,
): RowFilter {
  checkKeys(node, [...FILTER_KEYS, ...extraKeys], what);
  const filter: RowFilter = {};
  const blockNode = node.get('block');
  if (blockNode) filter.block = checkBlock(blockNode, table);
  const inBlock = filter.block ?? block;
  for (const [key, value] of node.entries()) {
    switch (key) {
      case 'level':
        filter.level = oneOrMany(value, level);
        break;
      case 'role':
        filter.role = oneOrMany(value, (n) => checkRole(n, table, inBlock));
        break;
      case 'above':
      case 'below':
        filter[key] = checkRole(value, table, inBlock);
        break;
      case 'hasCode':
      case 'leaf':
      case 'top':
      case 'total':
        filter[key] = bool(value);
        break;
      case 'under':
      case 'childOf':
        filter[key] = parseCode(value, ctx);
        break;
      case 'prefix':
      case 'notPrefix':
      case 'codeIn':
      case 'codeNotIn':
        filter[key] = oneOrMany(value, (n) => parseCode(n, ctx));
        break;
      default:
        break;
    }
  }
  return filter;
}
