import { readdirSync, statSync } from 'node:fs';
import { InputError } from '../errors/input-error.js';
import { LIMITS } from '../io/limits.js';
import { readGuardedTextSync } from '../io/read-guarded.js';
import { join } from 'node:path';
import { catalogSha1, loadCatalog } from '../catalog/load-catalog.js';
import type { Catalog } from '../catalog/types.js';
import type { DataFileProblem } from '../errors/data-file-error.js';
import { packageRoot } from '../util/package-root.js';
import { packagePath, precompiled, sha1 } from '../util/precompiled.js';
import { readYaml } from '../util/yaml-node.js';
import { parseRule } from './parse/rule.js';
import { RuleFileError } from './rule-file-error.js';
import type { Rule, RuleSet } from './types.js';

/** The rule files shipped with juesuan: rules/*.yaml (not the catalog), in name order. */
export function builtinRulePaths(): string[] {
  const dir = join(packageRoot(), 'rules');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml') && statSync(join(dir, name)).isFile())
    .sort()
    .map((name) => join(dir, name));
}

/** Parses the text of one rule file: a mapping with a `rules:` list; every problem in it is reported. */
export function parseRuleFile(text: string, file: string, catalog: Catalog = loadCatalog()): Rule[] {
  return readYaml(
    text,
    file,
    (root) => {
      if (!root.isMap()) root.fail('bad-shape', '规则文件应为映射，规则写在「rules:」列表下');
      root.closed(['rules'], (key) => `文件顶层只接受「rules」，不认识「${key}」`);
      const list = root.get('rules');
      if (!list) return root.fail('missing-key', '缺少「rules:」列表');
      if (list.items().length > LIMITS.rulesPerFile)
        list.fail('bad-shape', `规则超过 ${LIMITS.rulesPerFile} 条，超出本工具的处理上限`);
      return list.each((item) => parseRule(item, catalog));
    },
    (problems) => new RuleFileError(file, problems),
  );
}

/**
 * The rules of one file: from the build's precompiled JSON when the file's text and the catalog
 * are the ones it was compiled from, else parsed now.
 */
function rulesOf(path: string, catalog: Catalog): Rule[] {
  const text = readRuleFileText(path);
  if (catalog === loadCatalog()) {
    const relativePath = packagePath(path);
    const hash = sha1(text);
    const pre = precompiled()?.rules.find((r) => r.path === relativePath);
    if (pre && pre.sha1 === hash && pre.catalogSha1 === catalogSha1()) {
      return pre.data.map((rule) => ({ ...rule, source: { file: path, line: rule.source.line } }));
    }
  }
  return parseRuleFile(text, path, catalog);
}

/** A rule file's text through the input guard: a missing file is the rule file's own error. */
function readRuleFileText(path: string): string {
  try {
    return readGuardedTextSync(path, { maxBytes: LIMITS.ruleFileBytes, what: '规则文件' });
  } catch (error) {
    if (error instanceof InputError && error.code === 'file-not-found')
      throw RuleFileError.at('file-not-found', path, 0, '文件不存在');
    throw error;
  }
}

/**
 * Loads and validates rule files; a rule id may appear only once across all of them, and so may
 * an implementation (`check:`): its findings are stamped by the one rule that names it.
 */
export function loadRuleFiles(paths: string[], catalog: Catalog = loadCatalog()): RuleSet {
  const rules: Rule[] = [];
  const seen = new Map<string, Rule>();
  const checks = new Map<string, Rule>();
  for (const path of paths) {
    const problems: DataFileProblem[] = [];
    for (const rule of rulesOf(path, catalog)) {
      const earlier = seen.get(rule.id);
      if (earlier) {
        problems.push({
          code: 'duplicate-id',
          line: rule.source.line,
          detail: `规则 id「${rule.id}」已在 ${earlier.source.file} 第 ${earlier.source.line} 行定义`,
        });
        continue;
      }
      const sameCheck = rule.check === undefined ? undefined : checks.get(rule.check);
      if (sameCheck) {
        problems.push({
          code: 'duplicate-check',
          line: rule.source.line,
          detail: `实现「${rule.check}」已由规则 ${sameCheck.id}（${sameCheck.source.file} 第 ${sameCheck.source.line} 行）引用，每个实现只能由一条规则引用`,
        });
        continue;
      }
      if (rule.check !== undefined) checks.set(rule.check, rule);
      seen.set(rule.id, rule);
      rules.push(rule);
    }
    if (problems.length > 0) throw new RuleFileError(path, problems);
  }
  return { rules, files: [...paths] };
}
