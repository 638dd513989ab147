import type { Catalog } from '../catalog/types.js';
import type { Table, WorkbookModel } from '../model/types.js';
import type { ClaimsCatalog, Link, RowRef, Subject } from './catalog/types.js';
import { fillSlots } from './catalog/link.js';
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

export function buildVocabulary(claims: ClaimsCatalog, tables: Catalog, model?: WorkbookModel): Vocabulary {
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
    });
  }
  const projects = new Map<string, Table>();
  const itemTable = model?.tables.find((t) => t.kind === claims.items.from);
  for (const row of itemTable?.rows ?? []) {
    if (row.key.level !== '项' || !row.key.code || row.label === '') continue;
    const values = { label: row.label, code: row.key.code };
    subjects.push({
      id: `item:${row.key.code}`,
      names: claims.items.names.map((t) => norm(fillSlots(t, values))),
      label: row.label,
      link: fillLink(claims.items.link, values),
    });
  }
  for (const [i, table] of (model?.tables.filter((t) => t.kind === claims.projects.from) ?? []).entries()) {
    const names = projectNames(table);
    if (names.length === 0) continue;
    const id = `project:${i + 1}`;
    subjects.push({ id, names: [...new Set(names.map(norm))], label: names[0] as string });
    projects.set(id, table);
  }
  const byFirstChar = new Map<string, { name: string; subject: Subject }[]>();
  for (const subject of subjects) {
    for (const name of subject.names) {
      const list = byFirstChar.get(name[0] as string) ?? [];
      list.push({ name, subject });
      byFirstChar.set(name[0] as string, list);
    }
  }
  for (const list of byFirstChar.values()) list.sort((a, b) => b.name.length - a.name.length);
  // the catalog lists a class's name in force first, its former names after it
  const outdated: OutdatedName[] = [];
  for (const names of Object.values(tables.functionClasses))
    for (const old of names.slice(1)) {
      const from = tables.functionClassRenamed[old];
      if (from !== undefined)
        outdated.push({ pattern: stemPattern(norm(old.replace(/支出$/, ''))), current: names[0] as string, from });
    }
  return { subjects, byId: new Map(subjects.map((s) => [s.id, s])), byFirstChar, projects, outdated };
}
