import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../util/package-root.js';
import { yaml } from '../util/yaml.js';
import { packagePath, precompiled, sha1 } from '../util/precompiled.js';
import { CatalogError, catalogSha1, list, loadCatalog, text, texts } from './load-catalog.js';
import type { Catalog, ReportPart, TemplateSet, TemplateTable } from './types.js';

/**
 * Template sets (rules/catalog/templates/*.yaml) and the shared report parts they name
 * (rules/catalog/report-parts.yaml). Parsed strictly: an unknown key, a kind the catalog does
 * not know, a part that is not defined, a duplicate name are errors naming the file.
 */

export const TEMPLATES_DIR = ['rules', 'catalog', 'templates'] as const;
export const REPORT_PARTS_PATH = ['rules', 'catalog', 'report-parts.yaml'] as const;

type Data = Record<string, unknown>;

function fail(where: string, what: string): never {
  throw new CatalogError(`${where}: ${what}`);
}

function mapping(value: unknown, where: string, keys: readonly string[]): Data {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(where, '应为映射');
  for (const key of Object.keys(value)) {
    if (!keys.includes(key)) fail(`${where}.${key}`, `不认识的键（可用：${keys.join('、')}）`);
  }
  return value as Data;
}

function part(value: unknown, where: string): ReportPart {
  const data = mapping(value, where, ['id', 'name', 'labels']);
  const labels = texts(data.labels, `${where}.labels`);
  if (labels.length === 0) fail(`${where}.labels`, '至少需要一个标题用语');
  return { id: text(data.id, `${where}.id`), name: text(data.name, `${where}.name`), labels };
}

/** Parses report-parts.yaml: `parts:` a list of { id, name, labels }. */
export function parseReportParts(data: unknown, source: string): Map<string, ReportPart> {
  const top = mapping(data, source, ['parts']);
  const parts = new Map<string, ReportPart>();
  list(top.parts, `${source}: parts`).forEach((p, i) => {
    const parsed = part(p, `${source}: parts[${i}]`);
    if (parts.has(parsed.id)) fail(`${source}: parts[${i}].id`, `重复的编号 ${parsed.id}`);
    parts.set(parsed.id, parsed);
  });
  return parts;
}

function table(value: unknown, where: string, catalog: Catalog): TemplateTable {
  const data = mapping(value, where, ['kind', 'titles', 'number', 'required']);
  const kind = text(data.kind, `${where}.kind`);
  if (!catalog.tables.some((t) => t.kind === kind)) fail(`${where}.kind`, `表目录中没有表 ${kind}`);
  const titles = texts(data.titles, `${where}.titles`);
  if (titles.length === 0) fail(`${where}.titles`, '至少需要一个表名');
  if (data.required !== undefined && typeof data.required !== 'boolean')
    fail(`${where}.required`, '应为 true 或 false');
  const parsed: TemplateTable = { kind, titles, required: data.required !== false };
  if (data.number !== undefined) parsed.number = text(data.number, `${where}.number`);
  return parsed;
}

/** Validates one template file's data against the catalog and the shared report parts. */
export function parseTemplate(
  data: unknown,
  source: string,
  catalog: Catalog,
  parts: Map<string, ReportPart>,
): TemplateSet {
  const top = mapping(data, source, ['template', 'title', 'markers', 'tablesAt', 'tables', 'parts', 'explanations']);
  const name = text(top.template, `${source}: template`);
  if (!/^[a-z][a-z0-9-]*$/.test(name)) fail(`${source}: template`, '名称应为小写字母、数字和连字符');
  const markers = texts(top.markers, `${source}: markers`);
  markers.forEach((m, i) => {
    try {
      new RegExp(m, 'u');
    } catch {
      fail(`${source}: markers[${i}]`, '不是合法的正则表达式');
    }
  });
  const tablesAt = top.tablesAt;
  if (tablesAt !== undefined && tablesAt !== 'before-narrative' && tablesAt !== 'after-narrative')
    fail(`${source}: tablesAt`, '应为 before-narrative 或 after-narrative');
  const tables = list(top.tables, `${source}: tables`).map((t, i) => table(t, `${source}: tables[${i}]`, catalog));
  if (tables.length === 0) fail(`${source}: tables`, '至少需要一张表');
  const required: ReportPart[] = texts(top.parts, `${source}: parts`).map((id, i) => {
    const found = parts.get(id);
    if (!found) fail(`${source}: parts[${i}]`, `report-parts.yaml 中没有 ${id}`);
    return found;
  });
  // each 情况说明 item of the set is a part of its own, found by its heading
  // (a report may drop the trailing 说明 or 情况说明: 收入决算情况, 收入决算)
  texts(top.explanations, `${source}: explanations`).forEach((heading, i) => {
    const core = heading.replace(/(?:情况)?说明$/, '');
    required.push({
      id: `explanation-${i + 1}`,
      name: heading,
      labels: core === heading ? [heading] : [heading, core],
    });
  });
  const set: TemplateSet = {
    name,
    title: text(top.title, `${source}: title`),
    markers,
    tables,
    parts: required,
    source,
  };
  if (tablesAt) set.tablesAt = tablesAt;
  return set;
}

/** The texts of the template files (report-parts.yaml first), with the SHA-1 of them all. */
export function templateTexts(): { files: { path: string; text: string }[]; sha1: string } {
  const root = packageRoot();
  const dir = join(root, ...TEMPLATES_DIR);
  const paths = [
    join(root, ...REPORT_PARTS_PATH),
    ...readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => join(dir, f)),
  ];
  const files = paths.map((path) => ({ path, text: readFileSync(path, 'utf8') }));
  return { files, sha1: sha1(files.map((f) => `${packagePath(f.path)}\n${f.text}`).join('\n')) };
}

/** Parses the template files' texts (report-parts.yaml first) against the catalog. */
export function parseTemplateTexts(files: { path: string; text: string }[], catalog: Catalog): TemplateSet[] {
  const [partsFile, ...setFiles] = files;
  if (!partsFile) return [];
  const parts = parseReportParts(yaml().parse(partsFile.text), partsFile.path);
  const sets = setFiles.map((f) => parseTemplate(yaml().parse(f.text), f.path, catalog, parts));
  const seen = new Set<string>();
  for (const s of sets) {
    if (seen.has(s.name)) fail(s.source, `模板名 ${s.name} 重复`);
    seen.add(s.name);
  }
  return sets;
}

let builtin: TemplateSet[] | undefined;

/**
 * The template sets shipped in rules/catalog/templates, sorted by name (read once per process):
 * from the build's precompiled JSON when the files and the catalog are the ones it was built from.
 */
export function loadTemplates(catalog: Catalog): TemplateSet[] {
  if (builtin) return builtin;
  const { files, sha1: hash } = templateTexts();
  const pre = precompiled()?.templates;
  builtin =
    pre && pre.sha1 === hash && catalog === loadCatalog() && pre.catalogSha1 === catalogSha1()
      ? pre.data
      : parseTemplateTexts(files, catalog);
  return builtin;
}

export function templateNames(catalog: Catalog): string[] {
  return loadTemplates(catalog).map((t) => t.name);
}
