import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataFileError, type DataFileProblem } from '../../errors/data-file-error.js';
import { packageRoot } from '../../util/package-root.js';
import { packagePath, precompiled, sha1 } from '../../util/precompiled.js';
import { closedMap, listOf, nonEmptyText, required, textList } from '../../util/yaml-fields.js';
import { type Node, readYaml } from '../../util/yaml-node.js';
import type { NARRATIVE_CHECKS, NarrativeCheck } from '../messages.js';
import { normaliseText } from '../text/normalise.js';
import { readLink, regex } from './link.js';
import type { ClaimsCatalog, ClaimsData, Cues } from './types.js';

/**
 * The checks a residue pattern may report, each with its one message id: a closed list (of
 * implementations in the registry, src/rules/registry.ts), so a claims.yaml `check:` that names
 * no such check is an error at its line. Without `check:` a pattern is template residue.
 */
export const RESIDUE_CHECKS = {
  'narrative.template-residue': 'template-residue',
  'narrative.template-unit': 'template-unit',
  'narrative.placeholder': 'placeholder',
  'narrative.percent-sign': 'percent-sign',
  'narrative.reason-empty': 'reason-empty',
  'narrative.year-heading': 'year-heading',
  'narrative.year-compare': 'year-compare',
  'narrative.year-body': 'year-body',
  'narrative.subject-name': 'subject-name',
  'narrative.unit-name': 'unit-name',
  'narrative.unit-name-cut': 'unit-name-cut',
  'narrative.toc-pages': 'toc-pages',
  'narrative.field-code': 'field-code',
  'narrative.figure-garbled': 'figure-garbled',
  'narrative.unit-name-mixed': 'unit-name-level',
  'narrative.unit-own-level': 'unit-own-level',
  'narrative.restated': 'restated-lost-digits',
  'narrative.flat-nonzero': 'moved-but-flat',
  'narrative.unit-slip': 'rate-money-unit',
} as const satisfies { [C in NarrativeCheck]?: keyof (typeof NARRATIVE_CHECKS)[C] };

/** A check that reports text found by a pattern (template residue, placeholders, names, years). */
export type ResidueCheck = keyof typeof RESIDUE_CHECKS;

function isResidueCheck(name: string): name is ResidueCheck {
  return Object.hasOwn(RESIDUE_CHECKS, name);
}

function residueCheck(node: Node | undefined, what: string): ResidueCheck {
  if (!node) return 'narrative.template-residue';
  const check = nonEmptyText(node, what);
  if (isResidueCheck(check)) return check;
  return node.fail('bad-value', `${what}「${check}」不是可用的检查，可用：${Object.keys(RESIDUE_CHECKS).join('、')}`);
}

const TOP_KEYS = [
  'subjects',
  'classes',
  'items',
  'projects',
  'partitions',
  'cues',
  'directions',
  'lists',
  'completeLists',
  'counts',
  'residue',
  'performance',
];
const CUE_KEYS: (keyof Cues)[] = [
  'filler',
  'budget',
  'rate',
  'target',
  'rateOf',
  'variance',
  'share',
  'shareOfFigure',
  'shareOfYear',
  'compare',
  'change',
  'changeRate',
  'reason',
  'reasonAgainstBudget',
  'reasonBudget',
  'reasonFlat',
  'flatAsReason',
  'reasonYears',
  'overBudget',
  'budgetGap',
  'adjusted',
  'difference',
];
/** Cues matched once at a position (sticky-free, no global state), the others searched globally. */
const CUE_FLAGS: Partial<Record<keyof Cues, string>> = {
  filler: 'u',
  budget: 'u',
  target: 'u',
  adjusted: 'u',
  difference: 'u',
  budgetGap: 'u',
  reasonYears: 'u',
  flatAsReason: 'u',
  reasonAgainstBudget: 'u',
};

/** claims.yaml or traditional.yaml that cannot be used: every problem, each at its line (exit 2). */
export class ClaimsError extends DataFileError {
  constructor(file: string, problems: readonly DataFileProblem[]) {
    super('情况说明词表', file, problems, { codePrefix: 'claims-' });
    this.name = 'ClaimsError';
  }
}

function subject(node: Node, what: string): ClaimsData['subjects'][number] {
  closedMap(node, ['id', 'names', 'link', 'budget', 'same'], what);
  const names = textList(node.get('names'), `${what}.names`);
  if (names.length === 0) node.fail('missing-key', `${what} 至少需要一个名称（names）`);
  const s: ClaimsData['subjects'][number] = { id: nonEmptyText(required(node, 'id', what), `${what}.id`), names };
  const link = node.get('link');
  if (link) s.link = readLink(link, `${what}.link`);
  const budget = node.get('budget');
  if (budget) s.budget = readLink(budget, `${what}.budget`);
  const same = listOf(node.get('same'), `${what}.same`, (item, at) => readLink(item, at));
  if (same.length > 0) s.same = same;
  return s;
}

function countCue(node: Node, what: string): ClaimsData['counts'][number] {
  closedMap(node, ['id', 'cue', 'compare'], what);
  const compareNode = required(node, 'compare', what);
  closedMap(compareNode, ['following', 'tables', 'list'], `${what}.compare`);
  const compare: ClaimsData['counts'][number]['compare'] = {};
  const following = compareNode.get('following');
  if (following) {
    if (nonEmptyText(following, `${what}.compare.following`) !== 'numbered')
      following.fail('bad-value', `${what}.compare.following 只能写 numbered（其后编号列出的各项）`);
    compare.following = 'numbered';
  }
  const tables = compareNode.get('tables');
  if (tables) compare.tables = nonEmptyText(tables, `${what}.compare.tables`);
  const listed = compareNode.get('list');
  if (listed) compare.list = textList(listed, `${what}.compare.list`);
  return {
    id: nonEmptyText(required(node, 'id', what), `${what}.id`),
    cue: regex(required(node, 'cue', what), `${what}.cue`),
    compare,
  };
}

/** claims.yaml completeLists: the words and the breakdowns that make a prose list complete. */
function completeLists(root: Node): ClaimsData['completeLists'] {
  const what = 'completeLists';
  const node = section(root, what, ['whole', 'count', 'some', 'breakdowns']);
  const breakdowns = listOf(node.get('breakdowns'), `${what}.breakdowns`, (item, at) => {
    closedMap(item, ['id', 'total', 'parts', 'need', 'grand'], at);
    const partsNode = required(item, 'parts', at);
    const parts = partsNode
      .entries()
      .map(([id, value]) => [id, regex(value, `${at}.parts.${id}`, 'u')] as [string, string]);
    if (parts.length < 2) partsNode.fail('bad-value', `${at}.parts 至少需要两个部分`);
    const ids = new Set(parts.map(([id]) => id));
    const need = listOf(item.get('need'), `${at}.need`, (set, at2) => {
      const named = textList(set, at2);
      for (const id of named) if (!ids.has(id)) set.fail('bad-value', `${at2}「${id}」不是 parts 中的部分`);
      return named;
    });
    const total = item.get('total');
    const grandNode = item.get('grand');
    let grand: { total: string; need: string[] } | undefined;
    if (grandNode) {
      closedMap(grandNode, ['total', 'need'], `${at}.grand`);
      const needNode = required(grandNode, 'need', `${at}.grand`);
      const named = textList(needNode, `${at}.grand.need`);
      for (const id of named)
        if (!ids.has(id)) needNode.fail('bad-value', `${at}.grand.need「${id}」不是 parts 中的部分`);
      grand = { total: regex(required(grandNode, 'total', `${at}.grand`), `${at}.grand.total`, 'u'), need: named };
    }
    return {
      id: nonEmptyText(required(item, 'id', at), `${at}.id`),
      ...(total ? { total: regex(total, `${at}.total`, 'u') } : {}),
      parts,
      need,
      ...(grand ? { grand } : {}),
    };
  });
  return {
    whole: regex(required(node, 'whole', what), `${what}.whole`, 'u'),
    count: regex(required(node, 'count', what), `${what}.count`, 'u'),
    some: regex(required(node, 'some', what), `${what}.some`, 'u'),
    breakdowns,
  };
}

function column(node: Node, what: string): string {
  closedMap(node, ['column'], what);
  return nonEmptyText(required(node, 'column', what), `${what}.column`);
}

function performance(node: Node): ClaimsData['performance'] {
  const what = 'performance';
  closedMap(node, ['projectTable', 'unitTable', 'defaultPoints', 'projectsSumTo', 'unitTotals'], what);
  const pointsNode = required(node, 'defaultPoints', what);
  const points = Number(nonEmptyText(pointsNode, `${what}.defaultPoints`));
  if (!(points > 0)) pointsNode.fail('bad-value', `${what}.defaultPoints 应为正数（分值）`);
  return {
    projectTable: nonEmptyText(required(node, 'projectTable', what), `${what}.projectTable`),
    unitTable: nonEmptyText(required(node, 'unitTable', what), `${what}.unitTable`),
    defaultPoints: points,
    projectsSumTo: readLink(required(node, 'projectsSumTo', what), `${what}.projectsSumTo`),
    unitTotals: listOf(node.get('unitTotals'), `${what}.unitTotals`, (item, at) => {
      closedMap(item, ['role', 'link'], at);
      return {
        role: nonEmptyText(required(item, 'role', at), `${at}.role`),
        link: readLink(required(item, 'link', at), `${at}.link`),
      };
    }),
  };
}

/** A section that must be there, as a closed mapping. */
function section(root: Node, key: string, keys: readonly string[]): Node {
  const node = required(root, key, 'claims.yaml');
  closedMap(node, keys, key);
  return node;
}

/** claims.yaml as data (names as written, patterns as source): what the build precompiles. */
function readClaims(root: Node): ClaimsData {
  if (!root.isMap()) root.fail('bad-shape', 'claims.yaml 应为映射（键: 值）');
  root.closed(TOP_KEYS, (key) => `claims.yaml 顶层不认识的键「${key}」，可用：${TOP_KEYS.join('、')}`, { stop: false });
  // each section on its own: a mistake in one does not hide those of the others
  const part = <T>(read: () => T): T => root.attempt(read) as T;
  return {
    subjects: part(() => listOf(root.get('subjects'), 'subjects', subject)),
    classes: part(() => {
      const classes = section(root, 'classes', ['names', 'link', 'also']);
      const also = listOf(classes.get('also'), 'classes.also', (item, at) => readLink(item, at));
      return {
        names: textList(classes.get('names'), 'classes.names'),
        link: readLink(required(classes, 'link', 'classes'), 'classes.link'),
        ...(also.length > 0 ? { also } : {}),
      };
    }),
    items: part(() => {
      const items = section(root, 'items', ['from', 'names', 'link', 'funds']);
      const funds = listOf(items.get('funds'), 'items.funds', (item, at) => {
        closedMap(item, ['from', 'link'], at);
        return {
          from: nonEmptyText(required(item, 'from', at), `${at}.from`),
          link: readLink(required(item, 'link', at), `${at}.link`),
        };
      });
      return {
        from: nonEmptyText(required(items, 'from', 'items'), 'items.from'),
        names: textList(items.get('names'), 'items.names'),
        link: readLink(required(items, 'link', 'items'), 'items.link'),
        ...(funds.length > 0 ? { funds } : {}),
      };
    }),
    projects: part(() => {
      const projects = section(root, 'projects', ['from', 'budget', 'link']);
      return {
        from: nonEmptyText(required(projects, 'from', 'projects'), 'projects.from'),
        budget: column(required(projects, 'budget', 'projects'), 'projects.budget'),
        actual: column(required(projects, 'link', 'projects'), 'projects.link'),
      };
    }),
    partitions: part(() =>
      listOf(root.get('partitions'), 'partitions', (item, at) => {
        closedMap(item, ['total', 'parts', 'bare', 'usual'], at);
        const parts = textList(item.get('parts'), `${at}.parts`);
        const node = item.get('bare');
        const bare = node === undefined ? undefined : textList(node, `${at}.bare`);
        // one bare name per part, in the parts' order
        if (node && bare?.length !== parts.length) node.fail('bad-value', `${at}.bare 应与 parts 一一对应`);
        const usualNode = item.get('usual');
        const usual = usualNode === undefined ? undefined : textList(usualNode, `${at}.usual`);
        if (usualNode && !usual?.every((x) => parts.includes(x)))
          usualNode.fail('bad-value', `${at}.usual 应取自 parts`);
        return {
          total: nonEmptyText(required(item, 'total', at), `${at}.total`),
          parts,
          ...(bare === undefined ? {} : { bare }),
          ...(usual === undefined ? {} : { usual }),
        };
      }),
    ),
    cues: part(() => {
      const cues = section(root, 'cues', CUE_KEYS);
      const read = (k: keyof Cues) =>
        cues.attempt(() => regex(required(cues, k, 'cues'), `cues.${k}`, CUE_FLAGS[k] ?? 'gu'));
      return Object.fromEntries(CUE_KEYS.map((k) => [k, read(k)])) as Record<keyof Cues, string>;
    }),
    directions: part(() => {
      const directions = section(root, 'directions', ['up', 'down']);
      return {
        up: textList(directions.get('up'), 'directions.up'),
        down: textList(directions.get('down'), 'directions.down'),
      };
    }),
    lists: part(() =>
      listOf(root.get('lists'), 'lists', (item, at) => {
        closedMap(item, ['id', 'intro', 'total'], at);
        const total = item.get('total');
        return {
          id: nonEmptyText(required(item, 'id', at), `${at}.id`),
          intro: regex(required(item, 'intro', at), `${at}.intro`),
          ...(total ? { total: regex(total, `${at}.total`, 'u') } : {}),
        };
      }),
    ),
    completeLists: part(() => completeLists(root)),
    counts: part(() => listOf(root.get('counts'), 'counts', countCue)),
    residue: part(() =>
      listOf(root.get('residue'), 'residue', (item, at) => {
        closedMap(item, ['id', 'pattern', 'check'], at);
        return {
          id: nonEmptyText(required(item, 'id', at), `${at}.id`),
          pattern: regex(required(item, 'pattern', at), `${at}.pattern`),
          check: residueCheck(item.get('check'), `${at}.check`),
        };
      }),
    ),
    performance: part(() => performance(required(root, 'performance', 'claims.yaml'))),
  };
}

/** traditional.yaml: "決决 預预 …" lines → [traditional, simplified] pairs. */
function readTraditional(root: Node): [string, string][] {
  closedMap(root, ['pairs'], 'traditional.yaml');
  const pairs: [string, string][] = [];
  const lines = required(root, 'pairs', 'traditional.yaml');
  if (!lines.isSeq()) lines.fail('bad-shape', 'pairs 应为文本列表');
  lines.each((line) => {
    for (const pair of nonEmptyText(line, 'pairs').split(/\s+/).filter(Boolean)) {
      const chars = [...pair];
      if (chars.length !== 2) line.fail('bad-value', `「${pair}」应为两个字（繁体、简体）`);
      pairs.push(chars as [string, string]);
    }
  });
  return pairs;
}

/** Parses claims.yaml; every problem is reported at its line. */
export function parseClaimsText(text: string, file: string): ClaimsData {
  return readYaml(text, file, readClaims, (problems) => new ClaimsError(file, problems));
}

/** Parses traditional.yaml; every problem is reported at its line. */
export function parseTraditionalText(text: string, file: string): [string, string][] {
  return readYaml(text, file, readTraditional, (problems) => new ClaimsError(file, problems));
}

/** The per-character traditional → simplified mapping of the pairs. */
export function simplifier(pairs: readonly [string, string][]): (c: string) => string {
  const map = new Map(pairs);
  return (c) => map.get(c) ?? c;
}

/** The claims catalog in use: names normalised with the same text rules as the paragraphs, cues compiled. */
export function compileClaims(data: ClaimsData, simplify: (c: string) => string): ClaimsCatalog {
  const norm = (s: string): string => normaliseText(s, simplify).text;
  return {
    subjects: data.subjects.map((s) => ({
      id: s.id,
      names: s.names.map(norm),
      label: s.names[0] as string,
      ...(s.link ? { link: s.link } : {}),
      ...(s.budget ? { budget: s.budget } : {}),
      ...(s.same ? { same: s.same } : {}),
    })),
    classes: data.classes,
    items: data.items,
    projects: data.projects,
    partitions: data.partitions,
    cues: Object.fromEntries(
      CUE_KEYS.map((k) => [k, new RegExp(data.cues[k], CUE_FLAGS[k] ?? 'gu')]),
    ) as unknown as Cues,
    directions: { up: data.directions.up.map(norm), down: data.directions.down.map(norm) },
    lists: data.lists.map((l) => ({
      id: l.id,
      intro: new RegExp(l.intro, 'gu'),
      ...(l.total === undefined ? {} : { total: new RegExp(l.total, 'u') }),
    })),
    completeLists: {
      whole: new RegExp(data.completeLists.whole, 'u'),
      count: new RegExp(data.completeLists.count, 'u'),
      some: new RegExp(data.completeLists.some, 'u'),
      breakdowns: data.completeLists.breakdowns.map((b) => ({
        id: b.id,
        ...(b.total ? { total: new RegExp(b.total, 'u') } : {}),
        parts: b.parts.map(([id, pattern]) => ({ id, pattern: new RegExp(pattern, 'gu') })),
        need: b.need,
        ...(b.grand ? { grand: { total: new RegExp(b.grand.total, 'u'), need: b.grand.need } } : {}),
      })),
    },
    counts: data.counts.map((c) => ({ id: c.id, cue: new RegExp(c.cue, 'gu'), compare: c.compare })),
    residue: data.residue.map((r) => ({ id: r.id, pattern: new RegExp(r.pattern, 'gu'), check: r.check })),
    performance: data.performance,
    simplify,
  };
}

export const CLAIMS_PATH = ['rules', 'narrative', 'claims.yaml'] as const;
export const TRADITIONAL_PATH = ['rules', 'narrative', 'traditional.yaml'] as const;

let builtin: ClaimsCatalog | undefined;
let traditional: ((c: string) => string) | undefined;

/**
 * rules/narrative/traditional.yaml as a per-character mapping, once per process (the narrative and
 * the reader's table titles share it): from the build's precompiled data when the file is the one
 * it was made from, else parsed now.
 */
export function loadTraditional(): (c: string) => string {
  if (!traditional) {
    const tradFile = join(packageRoot(), ...TRADITIONAL_PATH);
    const tradText = readFileSync(tradFile, 'utf8');
    const pre = precompiled()?.claims?.traditional;
    const fresh = pre?.path === packagePath(tradFile) && pre.sha1 === sha1(tradText);
    traditional = simplifier(fresh ? pre.data : parseTraditionalText(tradText, tradFile));
  }
  return traditional;
}

/**
 * rules/narrative/claims.yaml with rules/narrative/traditional.yaml, once per process: from the
 * build's precompiled data when the file is the one it was made from, else parsed now.
 */
export function loadClaims(): ClaimsCatalog {
  if (!builtin) {
    const claimsFile = join(packageRoot(), ...CLAIMS_PATH);
    const claimsText = readFileSync(claimsFile, 'utf8');
    const pre = precompiled()?.claims;
    const fresh = pre?.path === packagePath(claimsFile) && pre.sha1 === sha1(claimsText);
    builtin = compileClaims(fresh ? pre.data : parseClaimsText(claimsText, claimsFile), loadTraditional());
  }
  return builtin;
}
