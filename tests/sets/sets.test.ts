import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import type { WorkbookModel } from '../../src/model/types.js';
import { builtinRulePaths, loadRuleFiles, type Rule, runRules } from '../../src/rules/index.js';
import { uncoveredCells } from '../helpers/mutation.js';
import { packageRoot } from '../../src/util/package-root.js';
import type { SetManifestFile } from '../../scripts/fixtures/sets/build.js';
import { readWorkbookFile } from '../helpers/read.js';

/**
 * The template-set fixtures (fixtures/sets, built from fixtures/src/sets/*.yaml): each file is
 * read against its set (detected, not named), every table it holds is recognised with its kind in
 * the set's order, and the rules give exactly the findings its source lists — none for a complete
 * set, one per completeness rule for the incomplete reports.
 */
const root = join(packageRoot(), 'fixtures');
const manifest = JSON.parse(readFileSync(join(root, 'sets.json'), 'utf8')) as { files: SetManifestFile[] };
const { rules } = loadRuleFiles(builtinRulePaths());

function seen(f: Finding): string {
  return f.location.cell ? `${f.ruleId}@${f.location.sheet ?? ''}!${f.location.cell}` : f.ruleId;
}

const models = new Map<string, Promise<WorkbookModel>>();
function modelOf(file: string): Promise<WorkbookModel> {
  let m = models.get(file);
  if (!m) {
    m = readWorkbookFile(join(root, file));
    models.set(file, m);
  }
  return m;
}

describe('template-set fixtures', () => {
  it('cover at least eight sets', () => {
    const sets = new Set(manifest.files.map((f) => f.template));
    for (const s of ['hubei', 'shanghai', 'sichuan', 'yunnan', 'inner-mongolia', 'beijing', 'zhejiang', 'jiangsu'])
      expect(sets).toContain(s);
  });

  it.each(manifest.files.map((f) => [f.file, f]))(
    '%s: its set, every table, exactly the expected findings',
    async (_n, f) => {
      const model = await modelOf(f.file);
      expect(model.template?.name, model.template?.reason).toBe(f.template);
      expect(model.template?.how).toBe('detected');
      expect(model.tables.map((t) => t.kind)).toEqual(f.tables);
      // every table was read with its rows: only the tables written empty read as empty
      expect(model.tables.filter((t) => t.empty).map((t) => t.kind)).toEqual(f.emptyTables);
      const findings = runRules(model, rules);
      expect(findings.map(seen).sort(), findings.map((x) => x.message).join('\n')).toEqual(f.expected);
    },
  );
});

/**
 * Mutation test per set: every amount cell +1.00 must give an `error` whose location or related
 * cells name the cell. Cells no identity can cover are listed with the reason.
 */
const UNCOVERED: Record<string, Record<string, string>> = {
  // 机关运行经费 stands in no identity of these tables (it is 行政单位's 公用经费, not every unit's)
  yunnan: {
    '财政拨款三公经费、行政参公单位机关运行经费情况表!B10': '机关运行经费（预算数，空白）：没有与之相等的数',
    '财政拨款三公经费、行政参公单位机关运行经费情况表!C10': '机关运行经费：没有与之相等的表内或表间数',
  },
  'inner-mongolia': {
    '机构运行经费支出、国有资产占用情况及政府采购支出信息表!B4': '机构运行经费支出：没有与之相等的表内或表间数',
    '机构运行经费支出、国有资产占用情况及政府采购支出信息表!B9':
      '授予中小企业合同金额：只有「不大于政府采购支出总额」（warn）',
  },
  // 会议费、培训费 stand beside the 三公, outside its 合计; only「不小于基本支出的会议费/培训费」(warn) reads them
  jiangsu: {
    '财政拨款三公经费、会议费、培训费支出决算表!G6': '会议费预算数：没有与之相等的数',
    '财政拨款三公经费、会议费、培训费支出决算表!H6': '培训费预算数：没有与之相等的数',
    '财政拨款三公经费、会议费、培训费支出决算表!O6': '会议费决算数：只有 t09.meeting（warn）',
    '财政拨款三公经费、会议费、培训费支出决算表!P6': '培训费决算数：只有 t09.training（warn）',
  },
};

/** The table kinds a rule reads (its own and every `table:` of its expressions and `when`). */
function kindsOf(rule: Rule): Set<string> {
  const kinds = new Set<string>(rule.table ? [rule.table] : []);
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x !== null && typeof x === 'object') {
      for (const [k, v] of Object.entries(x)) {
        if (k === 'table' && typeof v === 'string') kinds.add(v);
        else if ((k === 'present' || k === 'nonEmpty') && Array.isArray(v)) for (const t of v) kinds.add(String(t));
        else walk(v);
      }
    }
  };
  walk(rule.assert);
  walk(rule.when);
  return kinds;
}

describe('every amount of each set is covered by an error-level identity', () => {
  // a cell can only be named by an identity that reads its table: run those alone (the suite stays fast)
  const identities = rules.filter((r) => r.assert && r.severity === 'error');
  const byKind = new Map<string, Rule[]>();
  const rulesFor = (kind: string): Rule[] => {
    let list = byKind.get(kind);
    if (!list) {
      list = identities.filter((r) => kindsOf(r).has(kind));
      byKind.set(kind, list);
    }
    return list;
  };
  const complete = manifest.files.filter((f) => f.file === `sets/${f.template}.xlsx`);
  it.each(complete.map((f) => [f.template, f]))(
    '%s',
    async (_n, f) => {
      const model = await modelOf(f.file);
      const { cells, missed } = uncoveredCells(model, rules, rulesFor);
      expect(cells).toBeGreaterThan(100);
      expect(missed.sort()).toEqual(Object.keys(UNCOVERED[f.template] ?? {}).sort());
    },
    120_000,
  );
});
