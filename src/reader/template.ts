import type { Catalog, TemplateSet } from '../catalog/types.js';
import type { Table, TemplateUse } from '../model/types.js';
import { normalise } from '../util/text.js';
import { matchTitle } from './titles.js';

/**
 * Which template set a document follows, decided from what was found: each table's kind and title
 * against the set's list, the markers (公开01表, 表1-1, 财决01表, Z01 …) against the set's, and the
 * order of the tables. The reason names what decided it, for `inspect`.
 */

/** A title's own words: without a trailing "(财决01表)"/"(公开01表)" marker. */
function bareTitle(title: string, simplify: (s: string) => string): string {
  return simplify(normalise(title)).replace(/\((?:公开|财决)?\d{1,2}(?:-\d{1,2})?表\)$/, '');
}

/** The title is the set's title (`key`, normalised), possibly after a year, a numbering or a department name. */
function titleFits(title: string, key: string): 'exact' | 'contains' | undefined {
  const at = title.lastIndexOf(key);
  if (at < 0) return undefined;
  if (at + key.length !== title.length) return 'contains';
  const before = title.slice(0, at);
  return before === '' || /(?:年度|年|[\d、.．:)-]|^[一二三四五六七八九十]+)$/.test(before) ? 'exact' : 'contains';
}

/** Longest common subsequence length: how much of the set's order the found order keeps. */
function inOrder(found: string[], expected: string[]): number {
  const row = new Array<number>(expected.length + 1).fill(0);
  for (const f of found) {
    let diagonal = 0;
    for (let j = 1; j <= expected.length; j += 1) {
      const above = row[j] as number;
      row[j] = f === expected[j - 1] ? diagonal + 1 : Math.max(row[j] as number, row[j - 1] as number);
      diagonal = above;
    }
  }
  return row[expected.length] as number;
}

export interface TemplateScore {
  set: TemplateSet;
  score: number;
  exactTitles: number;
  markers: number;
  foreign: string[];
  missing: string[];
  order: number;
}

/** What scoring needs of a set, made once per set (the sets are loaded once per process). */
interface PreparedSet {
  markers: RegExp[];
  /** Per kind the set publishes: its titles, normalised. */
  keys: Map<string, string[]>;
}

const prepared = new WeakMap<TemplateSet, PreparedSet>();

function prepare(set: TemplateSet): PreparedSet {
  let p = prepared.get(set);
  if (!p) {
    const keys = new Map<string, string[]>();
    for (const entry of set.tables) if (!keys.has(entry.kind)) keys.set(entry.kind, entry.titles.map(normalise));
    p = { markers: set.markers.map((m) => new RegExp(m, 'u')), keys };
    prepared.set(set, p);
  }
  return p;
}

function scoreTemplate(
  tables: Table[],
  titles: readonly string[],
  set: TemplateSet,
  setKinds: ReadonlySet<string>,
): TemplateScore {
  const result: TemplateScore = { set, score: 0, exactTitles: 0, markers: 0, foreign: [], missing: [], order: 0 };
  const { markers: markerPatterns, keys } = prepare(set);
  tables.forEach((table, i) => {
    // a kind no set publishes (绩效自评表) says nothing about the set
    if (!setKinds.has(table.kind)) return;
    const entryKeys = keys.get(table.kind);
    if (!entryKeys) {
      result.foreign.push(table.kind);
      result.score -= 3;
      return;
    }
    const title = titles[i] as string;
    const fits = entryKeys.map((key) => titleFits(title, key));
    if (fits.includes('exact')) {
      result.exactTitles += 1;
      result.score += 3;
    } else result.score += fits.includes('contains') ? 2 : 1;
    if (table.marker && markerPatterns.some((p) => p.test(table.marker as string))) {
      result.markers += 1;
      result.score += 2;
    }
  });
  const found = new Set(tables.map((t) => t.kind));
  // a missing table is reported, not scored: a partial workbook must not pick the set that asks least
  for (const entry of set.tables) if (entry.required && !found.has(entry.kind)) result.missing.push(entry.kind);
  result.order = inOrder(
    tables.filter((t) => setKinds.has(t.kind)).map((t) => t.kind),
    set.tables.map((t) => t.kind),
  );
  result.score += result.order;
  return result;
}

const DEFAULT_SET = 'hubei';

/** Every kind some set publishes, per list of sets (the built-in list is one array for the process). */
const kinds = new WeakMap<readonly TemplateSet[], ReadonlySet<string>>();

function kindsOf(sets: readonly TemplateSet[]): ReadonlySet<string> {
  let k = kinds.get(sets);
  if (!k) {
    k = new Set(sets.flatMap((s) => s.tables.map((t) => t.kind)));
    kinds.set(sets, k);
  }
  return k;
}

/** The best-scoring set (ties: the default set, then by name) and why. */
export function detectTemplate(
  tables: Table[],
  sets: readonly TemplateSet[],
  simplify: (s: string) => string,
): { set: TemplateSet; reason: string } | undefined {
  if (sets.length === 0) return undefined;
  const setKinds = kindsOf(sets);
  const counted = tables.filter((t) => setKinds.has(t.kind)).length;
  // each table's title in the sets' terms, once for all of them
  const titles = tables.map((t) => bareTitle(t.title, simplify));
  const ranked = sets
    .map((s) => scoreTemplate(tables, titles, s, setKinds))
    .sort(
      (a, b) =>
        b.score - a.score ||
        Number(b.set.name === DEFAULT_SET) - Number(a.set.name === DEFAULT_SET) ||
        (a.set.name < b.set.name ? -1 : 1),
    );
  const best = ranked[0] as TemplateScore;
  const parts = [`${best.exactTitles}/${counted} 张表的表名与本套一致`];
  if (best.markers > 0) parts.push(`${best.markers} 个表号标志符合本套（${best.set.markers.join('、')}）`);
  parts.push(`表的顺序 ${best.order}/${counted} 与本套一致`);
  if (best.foreign.length > 0) parts.push(`本套没有的表：${best.foreign.join('、')}`);
  if (best.missing.length > 0) parts.push(`本套要求而未找到的表：${best.missing.join('、')}`);
  const runnerUp = ranked[1];
  if (runnerUp)
    parts.push(`次选「${runnerUp.set.title}」（${runnerUp.set.name}，得分 ${runnerUp.score}，本套 ${best.score}）`);
  return { set: best.set, reason: parts.join('；') };
}

/**
 * The catalog as the set reads it: each of the set's titles belongs to the kind the set names
 * (added to it, removed from any other kind). Undefined when the set claims nothing the catalog
 * would read otherwise, so the document need not be read again.
 */
export function catalogFor(set: TemplateSet, catalog: Catalog): Catalog | undefined {
  let bySet = claimed.get(catalog);
  if (!bySet) {
    bySet = new WeakMap();
    claimed.set(catalog, bySet);
  }
  // one object per set and catalog: what is cached against the catalog read (title patterns) is kept
  if (!bySet.has(set)) bySet.set(set, claimedCatalog(set, catalog));
  return bySet.get(set);
}

const claimed = new WeakMap<Catalog, WeakMap<TemplateSet, Catalog | undefined>>();

function claimedCatalog(set: TemplateSet, catalog: Catalog): Catalog | undefined {
  const claims = new Map<string, string>();
  for (const entry of set.tables) {
    for (const title of entry.titles) {
      if (matchTitle(title, catalog)?.kind !== entry.kind) claims.set(normalise(title), entry.kind);
    }
  }
  if (claims.size === 0) return undefined;
  return {
    ...catalog,
    tables: catalog.tables.map((table) => {
      const titles = table.titles.filter((t) => (claims.get(normalise(t)) ?? table.kind) === table.kind);
      for (const [title, kind] of claims) if (kind === table.kind && !titles.includes(title)) titles.push(title);
      return { ...table, titles };
    }),
  };
}

export function templateUse(set: TemplateSet, how: TemplateUse['how'], reason: string): TemplateUse {
  return { name: set.name, title: set.title, how, reason };
}
