import type { Catalog } from '../catalog/types.js';
import type { Table, TableRow, WorkbookModel } from '../model/types.js';
import type { ClaimsCatalog, ItemsGenerator, Link, RowRef, Subject } from './catalog/types.js';
import { fillSlots } from './catalog/link.js';
import { getOrCreate } from '../util/memo.js';
import { normaliseText } from './text/normalise.js';

/** Every subject the text may name: the catalog's, one per function class, and (with a workbook) one per 项 row and per project form. */
export interface Vocabulary {
  subjects: Subject[];
  byId: Map<string, Subject>;
  /** Names by first character, longest first. */
  byFirstChar: Map<string, { name: string; subject: Subject }[]>;
  /** Project subjects with the form they come from (their cells are not reached by a Link). */
  projects: Map<string, Table>;
  /** A function class's former names, each with the name in force and the year the change took effect. */
  outdated: OutdatedName[];
}

/** "医疗卫生与计划生育(支出)" → 卫生健康支出 from 2019. */
export interface OutdatedName {
  /** The former name's stem (支出 aside), normalised; a stem ending in 等 also written without it before 支出. */
  pattern: RegExp;
  current: string;
  from: number;
}

/** "资源勘探信息等" → /资源勘探信息(?:等|(?=支出))/: the 等 is often dropped ("资源勘探信息支出"). */
function stemPattern(stem: string): RegExp {
  const escaped = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  return stem.endsWith('等')
    ? new RegExp(`${escaped(stem.slice(0, -1))}(?:等|(?=支出))`, 'gu')
    : new RegExp(escaped(stem), 'gu');
}

function fillRow(row: RowRef, values: Record<string, string>): RowRef {
  return 'code' in row ? { code: fillSlots(row.code, values) } : row;
}

function fillLink(link: Link, values: Record<string, string>): Link {
  return { ...link, row: fillRow(link.row, values) };
}

/** A project's name from its form (项目名称 row) and from its title ("2024年度行政运行项目绩效自评表"). */
export function projectNames(table: Table): string[] {
  const names = table.rows.filter((r) => r.role === 'project-name' && r.label !== '').map((r) => r.label);
  const stem = table.title
    .replace(/^.*?[0-9]{4}\s*年度?/, '')
    .replace(/绩效自评表.*$/, '')
    .replace(/(项目)+$/, '项目');
  if (stem.length >= 2) names.push(stem);
  return names;
}

type ByFirstChar = Vocabulary['byFirstChar'];

/** The subjects' names by first character, each list longest first (a stable sort: equal lengths keep their order). */
function namesByFirstChar(subjects: readonly Subject[], into: ByFirstChar = new Map()): ByFirstChar {
  const touched = new Set<string>();
  for (const subject of subjects) {
    for (const name of subject.names) {
      const first = name[0] as string;
      // a list of `into` is copied before it grows: the catalogs' own lists are shared by every vocabulary
      const list = touched.has(first)
        ? (into.get(first) as { name: string; subject: Subject }[])
        : [...(into.get(first) ?? [])];
      touched.add(first);
      list.push({ name, subject });
      into.set(first, list);
    }
  }
  for (const first of touched) into.get(first)?.sort((a, b) => b.name.length - a.name.length);
  return into;
}

/** What a vocabulary takes from the catalogs alone: the same for every text checked against them. */
interface CatalogVocabulary {
  subjects: readonly Subject[];
  byFirstChar: ByFirstChar;
  outdated: OutdatedName[];
}

/** Worked out once per pair of catalogs (the built-in ones, or a user's), not once per text. */
const fromCatalogs = new WeakMap<ClaimsCatalog, WeakMap<Catalog, CatalogVocabulary>>();

function catalogVocabulary(claims: ClaimsCatalog, tables: Catalog): CatalogVocabulary {
  const byTables = getOrCreate(fromCatalogs, claims, () => new WeakMap<Catalog, CatalogVocabulary>());
  return getOrCreate(byTables, tables, () => readCatalogs(claims, tables));
}

function readCatalogs(claims: ClaimsCatalog, tables: Catalog): CatalogVocabulary {
  const norm = (s: string): string => normaliseText(s, claims.simplify).text;
  const subjects: Subject[] = [...claims.subjects];
  for (const [code, names] of Object.entries(tables.functionClasses)) {
    const variants = names.flatMap((name) =>
      claims.classes.names.map((t) => fillSlots(t, { name, stem: name.replace(/支出$/, ''), code })),
    );
    subjects.push({
      id: `class:${code}`,
      names: [...new Set(variants.map(norm))],
      label: names[0] ?? code,
      link: fillLink(claims.classes.link, { code }),
      ...(claims.classes.also ? { also: claims.classes.also.map((l) => fillLink(l, { code })) } : {}),
    });
  }
  // the catalog lists a class's name in force first, its former names after it
  const outdated: OutdatedName[] = [];
  for (const names of Object.values(tables.functionClasses))
    for (const old of names.slice(1)) {
      const from = tables.functionClassRenamed[old];
      if (from !== undefined)
        outdated.push({ pattern: stemPattern(norm(old.replace(/支出$/, ''))), current: names[0] as string, from });
    }
  return { subjects, byFirstChar: namesByFirstChar(subjects), outdated };
}

/** The 项 labels more than one 项 row of the table carries (一般行政管理事务 under 组织事务, 宣传事务, …). */
function sharedLabels(items: readonly TableRow[]): Set<string> {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const row of items) {
    if (seen.has(row.label)) shared.add(row.label);
    seen.add(row.label);
  }
  return shared;
}

/** A 项 name written with its 款's before it, as a text writes the path: "组织事务（款）一般行政管理事务". */
function qualifiedNames(label: string, code: string, table: Table): string[] {
  const kuan = table.rows.find((r) => r.key.code === code.slice(0, 5) && r.label !== '')?.label;
  return kuan === undefined ? [] : [`${kuan}（款）${label}`, `${kuan}（款）${label}（项）`, `${kuan}${label}`];
}

/** The 项 rows of a table that carry a code and a name. */
function itemRows(table: Table | undefined): TableRow[] {
  return (table?.rows ?? []).filter((r) => r.key.level === '项' && r.key.code && r.label !== '');
}

interface ItemSource {
  table: Table;
  rows: TableRow[];
  link: Link;
  /** The labels more than one row of the sources carries: named only with their 款. */
  shared: Set<string>;
}

/**
 * The 项 rows a text's figures are read against: the general budget's table's, then each fund table's
 * rows the general budget's has not. A code two fund tables both carry names no one row: it is left out.
 */
function itemSources(items: ItemsGenerator, model: WorkbookModel | undefined): ItemSource[] {
  const tableOf = (kind: string) => model?.tables.find((t) => t.kind === kind);
  const main = tableOf(items.from);
  const sources: { table: Table; rows: TableRow[]; link: Link }[] = main
    ? [{ table: main, rows: itemRows(main), link: items.link }]
    : [];
  const general = new Set(sources.flatMap((s) => s.rows.map((r) => r.key.code)));
  const funds = (items.funds ?? []).flatMap((f) => {
    const table = tableOf(f.from);
    return table ? [{ table, rows: itemRows(table).filter((r) => !general.has(r.key.code)), link: f.link }] : [];
  });
  const inFunds = funds.flatMap((f) => f.rows.map((r) => r.key.code));
  const twice = new Set(inFunds.filter((c, i) => inFunds.indexOf(c) !== i));
  for (const f of funds) sources.push({ ...f, rows: f.rows.filter((r) => !twice.has(r.key.code)) });
  const shared = sharedLabels(sources.flatMap((s) => s.rows));
  return sources.map((s) => ({ ...s, shared }));
}

/** The catalogs' subjects, and with a workbook one per 项 row and per project form. */
export function buildVocabulary(claims: ClaimsCatalog, tables: Catalog, model?: WorkbookModel): Vocabulary {
  const norm = (s: string): string => normaliseText(s, claims.simplify).text;
  const base = catalogVocabulary(claims, tables);
  const own: Subject[] = [];
  const projects = new Map<string, Table>();
  for (const source of itemSources(claims.items, model)) {
    for (const row of source.rows) {
      const code = row.key.code as string;
      const values = { label: row.label, code };
      const names = claims.items.names.map((t) => norm(fillSlots(t, values)));
      own.push({
        id: `item:${code}`,
        // a 项 name several 款 share (一般行政管理事务) names none of them alone: only with its 款 before it
        names: source.shared.has(row.label)
          ? [...qualifiedNames(row.label, code, source.table).map(norm), ...names.filter((n) => n !== norm(row.label))]
          : names,
        label: row.label,
        link: fillLink(source.link, values),
      });
    }
  }
  for (const [i, table] of (model?.tables.filter((t) => t.kind === claims.projects.from) ?? []).entries()) {
    const names = projectNames(table);
    if (names.length === 0) continue;
    const id = `project:${i + 1}`;
    own.push({ id, names: [...new Set(names.map(norm))], label: names[0] as string });
    projects.set(id, table);
  }
  const subjects = [...base.subjects, ...own];
  // the workbook's names after the catalogs' (a name as long as a catalog's comes after it, as it always did)
  const byFirstChar = own.length > 0 ? namesByFirstChar(own, new Map(base.byFirstChar)) : base.byFirstChar;
  return { subjects, byId: new Map(subjects.map((s) => [s.id, s])), byFirstChar, projects, outdated: base.outdated };
}
