import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../util/package-root.js';
import { yaml } from '../../util/yaml.js';
import { normaliseText } from '../text/normalise.js';
import { fail, list, record, regex, text, texts } from './fields.js';
import { parseLink } from './link.js';
import type { ClaimsCatalog, CountCue, Cues, Subject } from './types.js';

const CUE_KEYS: (keyof Cues)[] = [
  'filler',
  'budget',
  'rate',
  'share',
  'compare',
  'change',
  'changeRate',
  'reason',
  'reasonBudget',
];

/** traditional.yaml: "決决 預预 …" pairs → a per-character mapping. */
export function parseTraditional(data: unknown, file: string): (c: string) => string {
  const map = new Map<string, string>();
  texts(record(data, file).pairs, `${file}: pairs`).forEach((line, i) => {
    for (const pair of line.split(/\s+/).filter(Boolean)) {
      const chars = [...pair];
      if (chars.length !== 2) fail(`${file}: pairs[${i}]`, `「${pair}」应为两个字（繁体、简体）`);
      map.set(chars[0] as string, chars[1] as string);
    }
  });
  return (c) => map.get(c) ?? c;
}

function subject(value: unknown, where: string, norm: (s: string) => string): Subject {
  const data = record(value, where);
  const names = texts(data.names, `${where}.names`);
  if (names.length === 0) fail(`${where}.names`, '至少需要一个名称');
  const s: Subject = { id: text(data.id, `${where}.id`), names: names.map(norm), label: names[0] as string };
  if (data.link !== undefined) s.link = parseLink(data.link, `${where}.link`);
  if (data.budget !== undefined) s.budget = parseLink(data.budget, `${where}.budget`);
  return s;
}

function countCue(value: unknown, where: string): CountCue {
  const data = record(value, where);
  const compare = record(data.compare, `${where}.compare`);
  const cue: CountCue = { id: text(data.id, `${where}.id`), cue: regex(data.cue, `${where}.cue`), compare: {} };
  if (compare.following !== undefined) cue.compare.following = 'numbered';
  if (compare.tables !== undefined) cue.compare.tables = text(compare.tables, `${where}.compare.tables`);
  if (compare.list !== undefined) cue.compare.list = texts(compare.list, `${where}.compare.list`);
  return cue;
}

/** Validates claims.yaml; names are normalised with the same text rules as the paragraphs. */
export function parseClaims(data: unknown, file: string, simplify: (c: string) => string): ClaimsCatalog {
  const root = record(data, file);
  const norm = (s: string): string => normaliseText(s, simplify).text;
  const at = (key: string): string => `${file}: ${key}`;
  const subjects = list(root.subjects, at('subjects')).map((v, i) => subject(v, at(`subjects[${i}]`), norm));
  const classes = record(root.classes, at('classes'));
  const items = record(root.items, at('items'));
  const projects = record(root.projects, at('projects'));
  const cuesData = record(root.cues, at('cues'));
  const cues = Object.fromEntries(
    CUE_KEYS.map((k) => [k, regex(cuesData[k], at(`cues.${k}`), k === 'filler' || k === 'budget' ? 'u' : 'gu')]),
  ) as unknown as Cues;
  const directions = record(root.directions, at('directions'));
  const perf = record(root.performance, at('performance'));
  return {
    subjects,
    classes: { names: texts(classes.names, at('classes.names')), link: parseLink(classes.link, at('classes.link')) },
    items: {
      from: text(items.from, at('items.from')),
      names: texts(items.names, at('items.names')),
      link: parseLink(items.link, at('items.link')),
    },
    projects: {
      from: text(projects.from, at('projects.from')),
      budget: text(record(projects.budget, at('projects.budget')).column, at('projects.budget.column')),
      actual: text(record(projects.link, at('projects.link')).column, at('projects.link.column')),
    },
    partitions: list(root.partitions, at('partitions')).map((v, i) => {
      const p = record(v, at(`partitions[${i}]`));
      return {
        total: text(p.total, at(`partitions[${i}].total`)),
        parts: texts(p.parts, at(`partitions[${i}].parts`)),
      };
    }),
    cues,
    directions: {
      up: texts(directions.up, at('directions.up')).map(norm),
      down: texts(directions.down, at('directions.down')).map(norm),
    },
    lists: list(root.lists, at('lists')).map((v, i) => {
      const l = record(v, at(`lists[${i}]`));
      return { id: text(l.id, at(`lists[${i}].id`)), intro: regex(l.intro, at(`lists[${i}].intro`)) };
    }),
    counts: list(root.counts, at('counts')).map((v, i) => countCue(v, at(`counts[${i}]`))),
    residue: list(root.residue, at('residue')).map((v, i) => {
      const r = record(v, at(`residue[${i}]`));
      return { id: text(r.id, at(`residue[${i}].id`)), pattern: regex(r.pattern, at(`residue[${i}].pattern`)) };
    }),
    performance: {
      projectTable: text(perf.projectTable, at('performance.projectTable')),
      unitTable: text(perf.unitTable, at('performance.unitTable')),
      defaultPoints: Number(text(perf.defaultPoints, at('performance.defaultPoints'))),
      projectsSumTo: parseLink(perf.projectsSumTo, at('performance.projectsSumTo')),
      unitTotals: list(perf.unitTotals, at('performance.unitTotals')).map((v, i) => {
        const u = record(v, at(`performance.unitTotals[${i}]`));
        return {
          role: text(u.role, at(`performance.unitTotals[${i}].role`)),
          link: parseLink(u.link, at(`performance.unitTotals[${i}].link`)),
        };
      }),
    },
    simplify,
  };
}

let builtin: ClaimsCatalog | undefined;
let traditional: ((c: string) => string) | undefined;

/** rules/narrative/traditional.yaml as a per-character mapping, parsed once per process (the reader's titles use it too). */
export function loadTraditional(): (c: string) => string {
  if (!traditional) {
    const file = join(packageRoot(), 'rules', 'narrative', 'traditional.yaml');
    traditional = parseTraditional(yaml().parse(readFileSync(file, 'utf8')), file);
  }
  return traditional;
}

/** rules/narrative/claims.yaml with rules/narrative/traditional.yaml, parsed once per process. */
export function loadClaims(): ClaimsCatalog {
  if (!builtin) {
    const file = join(packageRoot(), 'rules', 'narrative', 'claims.yaml');
    builtin = parseClaims(yaml().parse(readFileSync(file, 'utf8')), file, loadTraditional());
  }
  return builtin;
}
