import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../util/package-root.js';
import { precompiled, sha1 } from '../util/precompiled.js';
import { yaml } from '../util/yaml.js';
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

/** A catalog file that does not have the expected shape: names the file and the path inside it. */
export class CatalogError extends Error {}

type Data = Record<string, unknown>;

function isData(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(where: string, what: string): never {
  throw new CatalogError(`${where}: ${what}`);
}

/** A non-empty text (a number is taken as its digits); shared with the template-set loader. */
export function text(value: unknown, where: string): string {
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (typeof value === 'number') return String(value);
  return fail(where, '应为非空文本');
}

export function texts(value: unknown, where: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(where, '应为文本列表');
  return value.map((v, i) => text(v, `${where}[${i}]`));
}

export function list(value: unknown, where: string): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(where, '应为列表');
  return value;
}

function column(value: unknown, where: string): CatalogColumn {
  if (!isData(value)) fail(where, '应为 { id, name, aliases }');
  const parsed: CatalogColumn = {
    id: text(value.id, `${where}.id`),
    name: text(value.name, `${where}.name`),
    aliases: texts(value.aliases, `${where}.aliases`),
  };
  if (value.type !== undefined) {
    if (value.type !== 'amount' && value.type !== 'percent') fail(`${where}.type`, '应为 amount 或 percent');
    parsed.type = value.type;
  }
  return parsed;
}

function field(value: unknown, where: string): CatalogField {
  if (!isData(value)) fail(where, '应为 { role, labels, type }');
  const type = value.type ?? 'text';
  if (type !== 'text' && type !== 'amount') fail(`${where}.type`, '应为 text 或 amount');
  return { role: text(value.role, `${where}.role`), labels: texts(value.labels, `${where}.labels`), type };
}

function role(value: unknown, where: string): CatalogRole {
  if (!isData(value)) fail(where, '应为 { role, labels }');
  const parsed: CatalogRole = {
    role: text(value.role, `${where}.role`),
    labels: texts(value.labels, `${where}.labels`),
  };
  if (value.after !== undefined) parsed.after = text(value.after, `${where}.after`);
  return parsed;
}

function block(value: unknown, where: string): CatalogBlock {
  if (!isData(value)) fail(where, '应为列块定义');
  return {
    id: text(value.id, `${where}.id`),
    name: text(value.name, `${where}.name`),
    aliases: texts(value.aliases, `${where}.aliases`),
    columns: list(value.columns, `${where}.columns`).map((c, i) => column(c, `${where}.columns[${i}]`)),
    roles: list(value.roles, `${where}.roles`).map((r, i) => role(r, `${where}.roles[${i}]`)),
    classRows: value.classRows === true,
  };
}

function table(value: unknown, where: string): CatalogTable {
  if (!isData(value)) fail(where, '应为表定义');
  const rowKey = text(value.rowKey, `${where}.rowKey`) as RowKeying;
  if (!ROW_KEYINGS.includes(rowKey)) fail(`${where}.rowKey`, `应为 ${ROW_KEYINGS.join(' | ')} 之一`);
  const blocks = list(value.blocks, `${where}.blocks`).map((b, i) => block(b, `${where}.blocks[${i}]`));
  if (blocks.length === 0) fail(`${where}.blocks`, '至少需要一个列块');
  return {
    kind: text(value.kind, `${where}.kind`),
    name: text(value.name, `${where}.name`),
    standard: value.standard === true,
    titles: texts(value.titles, `${where}.titles`),
    rowKey,
    blocks,
    summaryRoles: list(value.summaryRoles, `${where}.summaryRoles`).map((r, i) =>
      role(r, `${where}.summaryRoles[${i}]`),
    ),
    fields: list(value.fields, `${where}.fields`).map((f, i) => field(f, `${where}.fields[${i}]`)),
  };
}

/** Validates parsed catalog data; exported for tests and for user catalog extensions. */
export function parseCatalog(data: unknown, source: string): Catalog {
  if (!isData(data)) fail(source, '目录文件应为 YAML 映射');
  const structuralData = isData(data.structural) ? data.structural : fail(`${source}: structural`, '缺失');
  const structural = Object.fromEntries(
    STRUCTURAL.map((key) => [key, texts(structuralData[key], `${source}: structural.${key}`)]),
  ) as Record<StructuralRole, string[]>;
  const tables = list(data.tables, `${source}: tables`).map((t, i) => table(t, `${source}: tables[${i}]`));
  const classes = isData(data.functionClasses) ? data.functionClasses : {};
  const functionClasses = Object.fromEntries(
    Object.entries(classes).map(([code, names]) => [code, texts(names, `${source}: functionClasses.${code}`)]),
  );
  return { structural, tables, functionClasses };
}

export const CATALOG_PATH = ['rules', 'catalog', 'tables.yaml'] as const;

/** Parses a catalog file's text (no cache): for the build step and for edited catalogs. */
export function parseCatalogText(text: string, path: string): Catalog {
  return parseCatalog(yaml().parse(text), path);
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
