import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataFileError, type DataFileProblem } from '../errors/data-file-error.js';
import { packageRoot } from '../util/package-root.js';
import { precompiled, sha1 } from '../util/precompiled.js';
import { closedMap, flag, listOf, nonEmptyText, required, textList } from '../util/yaml-fields.js';
import { type Node, readYaml } from '../util/yaml-node.js';
import type {
  Catalog,
  CatalogBlock,
  CatalogColumn,
  CatalogField,
  CatalogRole,
  CatalogTable,
  RowKeying,
  StructuralRole,
} from './types.js';

const ROW_KEYINGS: readonly RowKeying[] = ['line', 'function-code', 'economic-code', 'single'];
const STRUCTURAL: readonly StructuralRole[] = ['label', 'line', 'code', 'codeClass', 'codeKuan', 'codeXiang'];

const TOP_KEYS = ['structural', 'tables', 'functionClasses', 'functionClassRenamed'];
const TABLE_KEYS = ['kind', 'name', 'standard', 'standsFor', 'titles', 'rowKey', 'blocks', 'summaryRoles', 'fields'];
const BLOCK_KEYS = ['id', 'name', 'aliases', 'columns', 'roles', 'classRows', 'sums'];
const COLUMN_KEYS = ['id', 'name', 'aliases', 'type'];
const ROLE_KEYS = ['role', 'labels', 'after'];
const FIELD_KEYS = ['role', 'labels', 'type'];

/** A catalog file that cannot be used: every problem, each with the file and line (exit 2). */
export class CatalogError extends DataFileError {
  constructor(file: string, problems: readonly DataFileProblem[]) {
    super('表目录', file, problems, { codePrefix: 'catalog-' });
    this.name = 'CatalogError';
  }
}

function column(node: Node): CatalogColumn {
  closedMap(node, COLUMN_KEYS, '列');
  const parsed: CatalogColumn = {
    id: nonEmptyText(required(node, 'id', '列'), 'id'),
    name: nonEmptyText(required(node, 'name', '列'), 'name'),
    aliases: textList(node.get('aliases'), 'aliases'),
  };
  const type = node.get('type');
  if (type) {
    const value = nonEmptyText(type, 'type');
    if (value !== 'amount' && value !== 'percent') type.fail('bad-value', 'type 应为 amount 或 percent');
    parsed.type = value as 'amount' | 'percent';
  }
  return parsed;
}

function field(node: Node): CatalogField {
  closedMap(node, FIELD_KEYS, '字段');
  const typeNode = node.get('type');
  const type = typeNode ? nonEmptyText(typeNode, 'type') : 'text';
  if (type !== 'text' && type !== 'amount') typeNode?.fail('bad-value', 'type 应为 text 或 amount');
  return {
    role: nonEmptyText(required(node, 'role', '字段'), 'role'),
    labels: textList(node.get('labels'), 'labels'),
    type: type as CatalogField['type'],
  };
}

function role(node: Node): CatalogRole {
  closedMap(node, ROLE_KEYS, '行角色');
  const parsed: CatalogRole = {
    role: nonEmptyText(required(node, 'role', '行角色'), 'role'),
    labels: textList(node.get('labels'), 'labels'),
  };
  const after = node.get('after');
  if (after) parsed.after = nonEmptyText(after, 'after');
  return parsed;
}

function block(node: Node): CatalogBlock {
  closedMap(node, BLOCK_KEYS, '列块');
  const columns = listOf(node.get('columns'), 'columns', column);
  return {
    id: nonEmptyText(required(node, 'id', '列块'), 'id'),
    name: nonEmptyText(required(node, 'name', '列块'), 'name'),
    aliases: textList(node.get('aliases'), 'aliases'),
    columns,
    roles: listOf(node.get('roles'), 'roles', role),
    classRows: flag(node.get('classRows'), 'classRows'),
    // (checked against the ids written, not the columns read: a column that failed is reported once)
    sums: listOf(node.get('sums'), 'sums', (sum) => sumOf(sum, writtenIds(node.get('columns')))),
  };
}

/** The ids a block's columns are written with, read or not. */
function writtenIds(columns: Node | undefined): string[] {
  if (!columns?.isSeq()) return [];
  return columns.items().flatMap((item) => {
    const id = item.isMap() ? item.get('id')?.scalar() : undefined;
    return typeof id === 'string' ? [id] : [];
  });
}

/** One of a block's sums: two or more of its own column ids, the first the sum of the rest. */
function sumOf(node: Node, columns: readonly string[]): string[] {
  const ids = textList(node, 'sums');
  const unknown = ids.find((id) => !columns.includes(id));
  if (unknown !== undefined) node.fail('bad-value', `sums 中的列 ${unknown} 不是本列块的列`);
  if (ids.length < 2) node.fail('bad-value', 'sums 的每一项至少要有两列：合计列和它的组成列');
  return ids;
}

function table(node: Node): CatalogTable {
  closedMap(node, TABLE_KEYS, '表');
  const kind = nonEmptyText(required(node, 'kind', '表'), 'kind');
  const what = `表 ${kind} `;
  const rowKeyNode = required(node, 'rowKey', what);
  const rowKey = nonEmptyText(rowKeyNode, 'rowKey') as RowKeying;
  if (!ROW_KEYINGS.includes(rowKey)) rowKeyNode.fail('bad-value', `rowKey 应为 ${ROW_KEYINGS.join(' | ')} 之一`);
  const blocksNode = required(node, 'blocks', what);
  const blocks = listOf(blocksNode, 'blocks', block);
  if (blocks.length === 0 && blocksNode.isSeq()) blocksNode.fail('bad-value', `${what}至少需要一个列块`);
  const standsForNode = node.get('standsFor');
  return {
    kind,
    name: nonEmptyText(required(node, 'name', what), 'name'),
    standard: flag(node.get('standard'), 'standard'),
    ...(standsForNode ? { standsFor: nonEmptyText(standsForNode, 'standsFor') } : {}),
    titles: textList(node.get('titles'), 'titles'),
    rowKey,
    blocks,
    summaryRoles: listOf(node.get('summaryRoles'), 'summaryRoles', role),
    fields: listOf(node.get('fields'), 'fields', field),
  };
}

/** Reads the catalog's YAML: every mapping closed, every problem reported at its line. */
function readCatalog(root: Node): Catalog {
  closedMap(root, TOP_KEYS, '表目录');
  const structuralNode = required(root, 'structural', '表目录');
  closedMap(structuralNode, STRUCTURAL, 'structural');
  const structural = Object.fromEntries(
    STRUCTURAL.map((key) => [key, textList(structuralNode.get(key), `structural.${key}`)]),
  ) as Record<StructuralRole, string[]>;
  const tables = listOf(required(root, 'tables', '表目录'), 'tables', table);
  const classesNode = root.get('functionClasses');
  const functionClasses: Record<string, string[]> = {};
  if (classesNode) {
    if (!classesNode.isMap()) classesNode.fail('bad-shape', 'functionClasses 应为「类编码: [名称…]」的映射');
    for (const [code, names, keyNode] of classesNode.entries()) {
      classesNode.attempt(() => {
        if (!/^\d{3}$/.test(code)) keyNode.fail('bad-value', `functionClasses 的键应为 3 位类编码，而不是「${code}」`);
        functionClasses[code] = textList(names, `functionClasses.${code}`);
      });
    }
  }
  return { structural, tables, functionClasses, functionClassRenamed: renamedYears(root, functionClasses) };
}

/** functionClassRenamed: each key a former name listed in functionClasses, each value the year its successor took over. */
function renamedYears(root: Node, functionClasses: Record<string, string[]>): Record<string, number> {
  const node = root.get('functionClassRenamed');
  const renamed: Record<string, number> = {};
  if (!node) return renamed;
  if (!node.isMap()) node.fail('bad-shape', 'functionClassRenamed 应为「旧名称: 改名年度」的映射');
  const former = new Set(Object.values(functionClasses).flatMap((names) => names.slice(1)));
  for (const [name, yearNode, keyNode] of node.entries()) {
    node.attempt(() => {
      if (!former.has(name))
        keyNode.fail('bad-value', `functionClassRenamed 的「${name}」不是 functionClasses 中列出的旧名称`);
      const year = yearNode.scalar();
      if (typeof year !== 'number' || !Number.isInteger(year) || year < 2000 || year > 2099)
        yearNode.fail('bad-value', `functionClassRenamed.${name} 应为年度（如 2019）`);
      renamed[name] = year as number;
    });
  }
  return renamed;
}

export const CATALOG_PATH = ['rules', 'catalog', 'tables.yaml'] as const;

/** Parses a catalog file's text (no cache): for the build step and for edited catalogs. */
export function parseCatalogText(text: string, path: string): Catalog {
  return readYaml(text, path, readCatalog, (problems) => new CatalogError(path, problems));
}

let builtin: { catalog: Catalog; sha1: string } | undefined;

function builtinCatalog(): { catalog: Catalog; sha1: string } {
  if (!builtin) {
    const path = join(packageRoot(), ...CATALOG_PATH);
    const text = readFileSync(path, 'utf8');
    const hash = sha1(text);
    const pre = precompiled()?.catalog;
    builtin = { catalog: pre && pre.sha1 === hash ? pre.data : parseCatalogText(text, path), sha1: hash };
  }
  return builtin;
}

/** The catalog shipped in rules/catalog/tables.yaml (read once per process). */
export function loadCatalog(): Catalog {
  return builtinCatalog().catalog;
}

/** SHA-1 of the built-in catalog's text: precompiled rules are valid only against it. */
export function catalogSha1(): string {
  return builtinCatalog().sha1;
}
