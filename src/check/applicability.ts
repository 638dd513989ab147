import { loadCatalog } from '../catalog/load-catalog.js';
import type { WorkbookModel } from '../model/types.js';
import { implementationOf } from '../rules/registry.js';
import type { Rule } from '../rules/types.js';
import type { RuleSetup } from './setup.js';

/** What a document offered the rules: its tables, a narrative, last year's workbook, the forms. */
export interface Offered {
  /** The tables read (undefined: a narrative checked alone, no tables at all). */
  model?: WorkbookModel;
  narrative: boolean;
  previous: boolean;
  forms: boolean;
}

/**
 * Why a table rule found no table: a table the detected set requires is 缺少 (tables.missing says so
 * too); a kind the set does not publish (another province's table) is merely 没有.
 */
function absentTable(model: WorkbookModel, kind: string): string {
  const missing = model.missingTables.find((t) => t.kind === kind);
  if (missing) return `缺少${missing.name}`;
  return `没有${loadCatalog().tables.find((t) => t.kind === kind)?.name ?? `表 ${kind}`}`;
}

/** Why a rule in force did not apply to the document, or undefined when it did. */
function whyNot(rule: Rule, offered: Offered): string | undefined {
  const check = rule.check ?? '';
  const family = implementationOf(rule).family;
  if (family === 'baseline') return '审核说明的条目，不是文档的规则';
  if (family === 'diagnosis') return offered.model ? undefined : '没有表格';
  if (check.startsWith('performance.')) return offered.forms ? undefined : '没有绩效自评表';
  if (family === 'prior' && !offered.previous) return '未给出上年工作簿（--previous）';
  if (family === 'narrative' || family === 'prior') return offered.narrative ? undefined : '没有情况说明';
  // table rules
  const { model } = offered;
  if (!model) return '单独检查情况说明，没有表格';
  if (rule.previous && !offered.previous) return '未给出上年工作簿（--previous）';
  const kinds = new Set(model.tables.map((t) => t.kind));
  const missing = [rule.table, ...(rule.when?.present ?? [])].find((k) => k !== undefined && !kinds.has(k));
  if (missing !== undefined) return absentTable(model, missing);
  const empty = rule.when?.nonEmpty?.find((k) => model.tables.find((t) => t.kind === k)?.empty !== false);
  if (empty !== undefined) return `${model.tables.find((t) => t.kind === empty)?.name ?? `表 ${empty}`}没有数据`;
  return undefined;
}

/**
 * The rules in force that did not apply to a document, each with why (no narrative, no --previous,
 * a table missing or empty): for reports that distinguish "not checked" from "passed" (JUnit's
 * <skipped/>).
 */
export function notApplied(setup: Pick<RuleSetup, 'rules' | 'severities'>, offered: Offered): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of setup.rules) {
    if ((setup.severities[rule.id] ?? rule.severity) === 'off') continue;
    const why = whyNot(rule, offered);
    if (why !== undefined) out[rule.id] = why;
  }
  return out;
}
