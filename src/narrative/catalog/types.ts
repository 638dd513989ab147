/** The claims catalog (rules/narrative/claims.yaml) as loaded: names and cues already normalised. */

import type { ResidueCheck } from './load-claims.js';

/** Which row of a table: a catalog role, the 合计 row, a classification code, or the only data row. */
export type RowRef = { role: string } | { total: true } | { code: string } | { single: true };

/** Where a value lives in the workbook model. */
export interface Link {
  table: string;
  block?: string;
  row: RowRef;
  column: string;
}

export interface Subject {
  id: string;
  /** Normalised names, as matched in the text. */
  names: string[];
  /** The 决算 value. */
  link?: Link;
  /** The 预算数 value (三公). */
  budget?: Link;
  /**
   * Other figures the text may restate for it instead of `link`'s: a class's 一般公共预算财政拨款 part,
   * which the section on the general budget lists where the 收入支出决算总表 has all funds' spending.
   */
  also?: Link[];
  /**
   * The same figure printed in other tables (一般公共预算财政拨款支出: 表05's 合计 and 表04's 本年支出合计
   * 一般公共预算财政拨款): not a reading of the text's, only what a mismatch's message names when the
   * text agrees with them — the table that differs is the one to look at.
   */
  same?: Link[];
  /** Shown in messages: the first name as written in the catalog. */
  label: string;
}

export interface Partition {
  total: string;
  parts: string[];
  /**
   * The parts as the total's own breakdown writes them, without the total's scope ("一般公共预算财政拨款支出…
   * 其中：基本支出…；项目支出…"), one per part in order: read as the parts only right after the total.
   */
  bare?: string[];
  /**
   * The parts most units alone have ("基本支出" and "项目支出" of 支出): a change of the total explained by theirs
   * alone, in its own sentence, in a text that never names another part, is made of theirs alone.
   */
  usual?: string[];
}

export interface ListCue {
  id: string;
  intro: RegExp;
  /**
   * A pattern the total's name must match, when the cue opens a sentence of its own that names the flow it
   * lists ("收入包括：…；支出包括：…"): the total is then the paragraph's figure so named, before the cue or
   * after it, and the list ends where the next such cue begins.
   */
  total?: RegExp;
}

/** The parts of one kind of whole ("三公" = 出国 + 用车 + 接待), each a pattern over an item's name. */
export interface Breakdown {
  id: string;
  /** A pattern the total's name must match (any total when absent). */
  total?: RegExp;
  parts: { id: string; pattern: RegExp }[];
  /** Sets of part ids one of which must all be named; empty: any two different parts. */
  need: string[][];
  /**
   * A grand total (收入总计, 支出总计) that counts a carryover in: when the total's name matches, the
   * list is whole only with one of these parts among its items too.
   */
  grand?: { total: RegExp; need: string[] };
}

/** What makes a prose list complete (claims.yaml completeLists). */
export interface CompleteLists {
  /** Words before the first item that say the list is whole: 分别为, 具体为, 由…构成. */
  whole: RegExp;
  /** A count of parts stated before the first item (group n): 共 3 项, 包括…两部分. */
  count: RegExp;
  /** Right after the last item's figure: 等 (the list names some parts only). */
  some: RegExp;
  breakdowns: Breakdown[];
}

export interface CountCue {
  id: string;
  cue: RegExp;
  compare: { following?: 'numbered'; tables?: string; list?: string[] };
}

export interface ResidueCue {
  id: string;
  pattern: RegExp;
  /** The check that reports it (default narrative.template-residue). */
  check: ResidueCheck;
}

export interface Cues {
  filler: RegExp;
  budget: RegExp;
  rate: RegExp;
  /** The figure a target rate ("完成年初目标任务的 R%") is of: its prefix. */
  target: RegExp;
  rateOf: RegExp;
  variance: RegExp;
  share: RegExp;
  shareOfFigure: RegExp;
  shareOfYear: RegExp;
  compare: RegExp;
  change: RegExp;
  changeRate: RegExp;
  reason: RegExp;
  reasonAgainstBudget: RegExp;
  reasonBudget: RegExp;
  reasonFlat: RegExp;
  flatAsReason: RegExp;
  reasonYears: RegExp;
  overBudget: RegExp;
  budgetGap: RegExp;
  adjusted: RegExp;
  difference: RegExp;
}

export interface PerformanceSpec {
  projectTable: string;
  unitTable: string;
  defaultPoints: number;
  projectsSumTo: Link;
  unitTotals: { role: string; link: Link }[];
}

export interface Generator {
  names: string[];
  link: Link;
  /** The subject's other readings (Subject.also). */
  also?: Link[];
}

/**
 * One subject per 项 row of table `from`; `funds`: the 项 rows of a fund's own table (政府性基金, 国有资本经营)
 * that `from` has not — the fund section's account of them — each read in its own table.
 */
export type ItemsGenerator = Generator & { from: string; funds?: { from: string; link: Link }[] };

export interface ClaimsCatalog {
  subjects: Subject[];
  classes: Generator;
  items: ItemsGenerator;
  projects: { from: string; budget: string; actual: string };
  partitions: Partition[];
  cues: Cues;
  directions: { up: string[]; down: string[] };
  lists: ListCue[];
  completeLists: CompleteLists;
  counts: CountCue[];
  residue: ResidueCue[];
  performance: PerformanceSpec;
  /** traditional → simplified, one character each. */
  simplify: (c: string) => string;
}

/**
 * claims.yaml as validated data, before normalisation and compilation (plain JSON: the build
 * precompiles it): names as written, patterns as their source text.
 */
export interface ClaimsData {
  subjects: { id: string; names: string[]; link?: Link; budget?: Link; same?: Link[] }[];
  classes: Generator;
  items: ItemsGenerator;
  projects: { from: string; budget: string; actual: string };
  partitions: Partition[];
  cues: Record<keyof Cues, string>;
  directions: { up: string[]; down: string[] };
  lists: { id: string; intro: string; total?: string }[];
  completeLists: {
    whole: string;
    count: string;
    some: string;
    breakdowns: {
      id: string;
      total?: string;
      parts: [string, string][];
      need: string[][];
      grand?: { total: string; need: string[] };
    }[];
  };
  counts: { id: string; cue: string; compare: CountCue['compare'] }[];
  residue: { id: string; pattern: string; check: ResidueCheck }[];
  performance: PerformanceSpec;
}
