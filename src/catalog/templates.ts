import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataFileError, type DataFileProblem } from '../errors/data-file-error.js';
import { packageRoot } from '../util/package-root.js';
import { packagePath, precompiled, sha1 } from '../util/precompiled.js';
import { closedMap, flag, listOf, nonEmptyText, required, textList } from '../util/yaml-fields.js';
import { type Node, readYaml } from '../util/yaml-node.js';
import { catalogSha1, loadCatalog } from './load-catalog.js';
import type { Catalog, ReportPart, TemplateSet, TemplateTable } from './types.js';

/**
 * Template sets (rules/catalog/templates/*.yaml) and the shared report parts they name
 * (rules/catalog/report-parts.yaml), read by the one strict YAML reader: every mapping closed, and
 * an unknown key, a kind the catalog does not know, a part that is not defined, a duplicate name
 * are all reported at once, each with the file and line (exit 2).
 */

export const TEMPLATES_DIR = ['rules', 'catalog', 'templates'] as const;
export const REPORT_PARTS_PATH = ['rules', 'catalog', 'report-parts.yaml'] as const;

const SET_KEYS = ['template', 'title', 'markers', 'tablesAt', 'tables', 'parts', 'explanations'];
const TABLE_KEYS = ['kind', 'titles', 'number', 'required'];
const PART_KEYS = ['id', 'name', 'labels'];
const TABLES_AT = ['before-narrative', 'after-narrative'] as const;

/** A template-set file (or report-parts.yaml) that cannot be used: every problem, each at its line. */
export class TemplateError extends DataFileError {
  constructor(file: string, problems: readonly DataFileProblem[]) {
    super('表套文件', file, problems, { codePrefix: 'template-' });
    this.name = 'TemplateError';
  }
}

function part(node: Node, what: string): ReportPart {
  closedMap(node, PART_KEYS, what);
  const labelsNode = required(node, 'labels', what);
  const labels = textList(labelsNode, `${what}.labels`);
  if (labels.length === 0) labelsNode.fail('bad-value', `${what}.labels 至少需要一个标题用语`);
  return {
    id: nonEmptyText(required(node, 'id', what), `${what}.id`),
    name: nonEmptyText(required(node, 'name', what), `${what}.name`),
    labels,
  };
}

function readReportParts(root: Node): Map<string, ReportPart> {
  closedMap(root, ['parts'], 'report-parts.yaml');
  const parts = new Map<string, ReportPart>();
  listOf(required(root, 'parts', 'report-parts.yaml'), 'parts', (item, what) => {
    const parsed = part(item, what);
    if (parts.has(parsed.id)) item.fail('duplicate', `部分编号 ${parsed.id} 重复`);
    parts.set(parsed.id, parsed);
  });
  return parts;
}

function table(node: Node, what: string, catalog: Catalog): TemplateTable {
  closedMap(node, TABLE_KEYS, what);
  const kindNode = required(node, 'kind', what);
  const kind = nonEmptyText(kindNode, `${what}.kind`);
  if (!catalog.tables.some((t) => t.kind === kind)) kindNode.fail('unknown-kind', `表目录中没有表 ${kind}`);
  const titlesNode = required(node, 'titles', what);
  const titles = textList(titlesNode, `${what}.titles`);
  if (titles.length === 0) titlesNode.fail('bad-value', `${what}.titles 至少需要一个表名`);
  const requiredNode = node.get('required');
  const parsed: TemplateTable = {
    kind,
    titles,
    required: requiredNode ? flag(requiredNode, `${what}.required`) : true,
  };
  const number = node.get('number');
  if (number) parsed.number = nonEmptyText(number, `${what}.number`);
  return parsed;
}

function readTemplate(
  root: Node,
  catalog: Catalog,
  parts: ReadonlyMap<string, ReportPart>,
  source: string,
): TemplateSet {
  closedMap(root, SET_KEYS, '表套');
  const nameNode = required(root, 'template', '表套');
  const name = nonEmptyText(nameNode, 'template');
  if (!/^[a-z][a-z0-9-]*$/.test(name)) nameNode.report('bad-value', 'template 名称应为小写字母、数字和连字符');
  const markers = listOf(root.get('markers'), 'markers', (item, what) => {
    const pattern = nonEmptyText(item, what);
    try {
      new RegExp(pattern, 'u');
    } catch {
      item.fail('bad-value', `${what} 不是合法的正则表达式`);
    }
    return pattern;
  });
  const tablesAtNode = root.get('tablesAt');
  const tablesAt = tablesAtNode ? nonEmptyText(tablesAtNode, 'tablesAt') : undefined;
  if (tablesAtNode && !(TABLES_AT as readonly (string | undefined)[]).includes(tablesAt))
    tablesAtNode.report('bad-value', `tablesAt 应为 ${TABLES_AT.join(' 或 ')}`);
  const tablesNode = required(root, 'tables', '表套');
  const tables = listOf(tablesNode, 'tables', (item, what) => table(item, what, catalog));
  if (tables.length === 0 && tablesNode.isSeq() && tablesNode.items().length === 0)
    tablesNode.report('bad-value', 'tables 至少需要一张表');
  const reportParts: ReportPart[] = listOf(root.get('parts'), 'parts', (item, what) => {
    const id = nonEmptyText(item, what);
    const found = parts.get(id);
    if (!found) return item.fail('unknown-part', `report-parts.yaml 中没有部分 ${id}`);
    return found;
  });
  // each 情况说明 item of the set is a part of its own, found by its heading
  // (a report may drop the trailing 说明 or 情况说明: 收入决算情况, 收入决算)
  textList(root.get('explanations'), 'explanations').forEach((heading, i) => {
    const core = heading.replace(/(?:情况)?说明$/, '');
    reportParts.push({
      id: `explanation-${i + 1}`,
      name: heading,
      labels: core === heading ? [heading] : [heading, core],
    });
  });
  const set: TemplateSet = {
    name,
    title: nonEmptyText(required(root, 'title', '表套'), 'title'),
    markers,
    tables,
    parts: reportParts,
    source,
  };
  if (tablesAt === 'before-narrative' || tablesAt === 'after-narrative') set.tablesAt = tablesAt;
  return set;
}

/** Parses report-parts.yaml: `parts:` a list of { id, name, labels }. */
export function parseReportPartsText(text: string, file: string): Map<string, ReportPart> {
  return readYaml(text, file, readReportParts, (problems) => new TemplateError(file, problems));
}

/** Parses one template file against the catalog and the shared report parts. */
export function parseTemplateText(
  text: string,
  file: string,
  catalog: Catalog,
  parts: ReadonlyMap<string, ReportPart>,
): TemplateSet {
  return readYaml(
    text,
    file,
    (root) => readTemplate(root, catalog, parts, file),
    (problems) => new TemplateError(file, problems),
  );
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
  const parts = parseReportPartsText(partsFile.text, partsFile.path);
  const sets = setFiles.map((f) => parseTemplateText(f.text, f.path, catalog, parts));
  const seen = new Map<string, string>();
  sets.forEach((set, i) => {
    const first = seen.get(set.name);
    if (first) {
      const line = (setFiles[i]?.text.split('\n').findIndex((l) => /^template\s*:/.test(l)) ?? -1) + 1;
      throw new TemplateError(set.source, [
        { code: 'duplicate', line, detail: `表套名 ${set.name} 已由 ${first} 使用` },
      ]);
    }
    seen.set(set.name, set.source);
  });
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
