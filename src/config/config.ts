import { existsSync, statSync } from 'node:fs';
import { InputError } from '../errors/input-error.js';
import { LIMITS } from '../io/limits.js';
import { readGuardedTextSync } from '../io/read-guarded.js';
import { dirname, join, resolve } from 'node:path';
import { DataFileError, type DataFileProblem } from '../errors/data-file-error.js';
import type { Severity } from '../model/finding.js';
import { formatNames, isFormatName, unknownFormatText } from '../report/formatters.js';
import { type Node, readYaml } from '../util/yaml-node.js';
import { loadCatalog } from '../catalog/load-catalog.js';
import { templateNames } from '../catalog/templates.js';

export const CONFIG_NAMES = ['juesuan.config.yaml', 'juesuan.config.yml', 'juesuan.config.json'] as const;
const SEVERITIES = ['error', 'warn', 'info', 'off'] as const;
const FAIL_ON = ['error', 'warn', 'info'] as const;
export const CONFIG_KEYS = [
  'rules',
  'ruleFiles',
  'failOn',
  'baseline',
  'formats',
  'diff',
  'narrative',
  'template',
] as const;

/**
 * House conventions of the narrative, named as a finance office would, each standing for the
 * rule that reports it: `accept` turns the rule off, a severity re-grades it. A `rules:` entry
 * for the same rule wins.
 */
export const NARRATIVE_CONVENTIONS: Readonly<Record<string, string>> = {
  // 完成年初预算的 100% written when 决算 > 预算
  rate100WhenOverBudget: 'n.rate-capped-100',
  // percentages cut, not rounded (24.749% → 24.74%)
  truncatedPercentages: 'n.share-truncated',
  // shares adjusted so that they add up to 100%
  sharesNudgedTo100: 'n.share-nudged',
};

export interface Config {
  /** Where it was read from; undefined for the built-in defaults. */
  file?: string;
  /** Per-rule severity ('off' disables). */
  severities: Record<string, Severity | 'off'>;
  /** Extra rule files, resolved against the config file's folder. */
  ruleFiles: string[];
  failOn?: Severity;
  /** Accepted findings (审核说明) for workbooks under this config, resolved against its folder. */
  baseline?: string;
  /** Line of `baseline:`, to point at it when the file is missing. */
  baselineLine?: number;
  /**
   * Default outputs of `check` when the command line names none (no --format, no -o), as
   * `-o FORMAT=PATH` specs: PATH resolved against the config file's folder; `stdout` (or a
   * quoted "-") for stdout — a bare `-` after a key is YAML for a list.
   */
  formats?: string[];
  /** `juesuan diff` thresholds (decimal strings: percent, 万元) when the command line gives none. */
  diff?: { thresholdRate?: string; thresholdAmount?: string };
  /** Line of each rule id in the file, to point at a typo. */
  ruleLines: Record<string, number>;
  /** The template set of the workbooks under this config (`template: shanghai`), instead of detecting it. */
  template?: string;
}

/** A configuration file that cannot be used: every problem, each with the file and line (exit 2). */
export class ConfigError extends DataFileError {
  constructor(file: string, problems: readonly DataFileProblem[]) {
    super('配置文件', file, problems, { codePrefix: 'config-' });
    this.name = 'ConfigError';
  }

  static at(code: string, file: string, line: number, detail: string): ConfigError {
    return new ConfigError(file, [{ code, line, detail }]);
  }
}

/** The nearest configuration file from a folder upward, like .editorconfig or ESLint's. */
export function findConfig(startDir: string): string | undefined {
  let dir = resolve(startDir);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function severityOf(node: Node): Severity | 'off' | undefined {
  if (node.isMap()) {
    node.closed(['severity'], (key) => `规则的设置中不认识的键「${key}」，可用：severity。`);
    const inner = node.get('severity');
    return inner ? severityOf(inner) : undefined;
  }
  const value = node.isScalar() ? node.scalar() : undefined;
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value)
    ? (value as Severity | 'off')
    : undefined;
}

/** `formats: { stylish: stdout, sarif: out/juesuan.sarif }`: known formats, paths, one stdout at most. */
function parseFormats(node: Node, file: string): string[] {
  if (!node.isMap() || node.entries().length === 0)
    node.fail(
      'bad-value',
      `formats 应为「格式: 路径」的映射（stdout 为标准输出），例如 formats: { stylish: stdout, sarif: juesuan.sarif }。`,
    );
  const specs: string[] = [];
  let stdout: string | undefined;
  for (const [name, value, keyNode] of node.entries()) {
    node.attempt(() => {
      if (!isFormatName('check', name))
        keyNode.fail('bad-format', `${unknownFormatText(name, formatNames('check'))}。`);
      const path = value.isScalar() && !value.isNull() ? value.text() : '';
      if (path.trim() === '') value.fail('bad-value', `formats.${name} 应为输出文件的路径，或 stdout 表示标准输出。`);
      if (path === 'stdout' || path === '-') {
        if (stdout) keyNode.fail('bad-value', `只能有一个输出写到标准输出：${stdout} 和 ${name} 都写到 stdout。`);
        stdout = name;
        specs.push(`${name}=-`);
      } else {
        specs.push(`${name}=${resolve(dirname(file), path)}`);
      }
    });
  }
  return specs;
}

/** `diff: { thresholdRate: 30, thresholdAmount: 10 }`: non-negative numbers. */
function parseDiff(node: Node): NonNullable<Config['diff']> {
  const example = 'diff: { thresholdRate: 30, thresholdAmount: 10 }';
  if (!node.isMap()) node.fail('bad-value', `diff 应为映射，例如 ${example}。`);
  node.closed(
    ['thresholdRate', 'thresholdAmount'],
    (key) => `diff 下未知的配置项「${key}」，可用：thresholdRate、thresholdAmount。`,
    { stop: false },
  );
  const diff: NonNullable<Config['diff']> = {};
  for (const [key, value] of node.entries()) {
    if (key !== 'thresholdRate' && key !== 'thresholdAmount') continue;
    node.attempt(() => {
      const text = value.isScalar() && !value.isNull() ? value.text().trim() : '';
      if (!/^\d+(\.\d+)?$/.test(text)) value.fail('bad-value', `diff.${key} 应为不小于 0 的数，例如 ${example}。`);
      diff[key] = text;
    });
  }
  return diff;
}

/** `narrative: { rate100WhenOverBudget: accept, truncatedPercentages: info }`. */
function parseConventions(node: Node): Record<string, Severity | 'off'> {
  const names = Object.keys(NARRATIVE_CONVENTIONS).join('、');
  if (!node.isMap()) node.fail('bad-value', `narrative 应为「惯例: accept 或级别」的映射，可用的惯例：${names}。`);
  node.closed(Object.keys(NARRATIVE_CONVENTIONS), (key) => `narrative 下未知的惯例「${key}」，可用：${names}。`, {
    stop: false,
  });
  const severities: Record<string, Severity | 'off'> = {};
  for (const [name, value] of node.entries()) {
    const rule = NARRATIVE_CONVENTIONS[name];
    if (!rule) continue;
    node.attempt(() => {
      const severity = value.isScalar() && value.scalar() === 'accept' ? 'off' : severityOf(value);
      if (!severity)
        return value.fail(
          'bad-severity',
          `narrative.${name} 应为 accept（本单位的惯例，不报告）或 ${SEVERITIES.join(' | ')}。`,
        );
      severities[rule] = severity;
    });
  }
  return severities;
}

/** `rules: { t03.row-total: warn, x.t09-t06.reception: off }` (or `{ severity: warn }`). */
function parseSeverities(node: Node, config: Config): void {
  if (!node.isMap()) node.fail('bad-value', 'rules 应为「规则编号: 级别」的映射。');
  const entries = node.entries();
  if (entries.length > LIMITS.configRuleEntries)
    node.fail('over-limit', `rules 超过 ${LIMITS.configRuleEntries} 条，超出本工具的处理上限。`);
  for (const [id, value, keyNode] of entries) {
    node.attempt(() => {
      const severity = severityOf(value);
      if (!severity) return keyNode.fail('bad-severity', `规则 ${id} 的级别应为 ${SEVERITIES.join(' | ')}。`);
      config.severities[id] = severity;
      config.ruleLines[id] = keyNode.line;
    });
  }
}

function readConfig(root: Node, file: string): Config {
  const config: Config = { file, severities: {}, ruleFiles: [], ruleLines: {} };
  if (root.isNull()) return config;
  if (!root.isMap()) root.fail('bad-shape', `顶层应为映射（${CONFIG_KEYS.join(' / ')}）。`);
  root.closed(CONFIG_KEYS, (key) => `未知的配置项「${key}」，可用：${CONFIG_KEYS.join('、')}。`, { stop: false });
  let conventions: Record<string, Severity | 'off'> = {};
  for (const [key, value, keyNode] of root.entries()) {
    root.attempt(() => {
      if (key === 'failOn') {
        const failOn = value.isScalar() && !value.isNull() ? value.text() : '';
        if (!(FAIL_ON as readonly string[]).includes(failOn))
          value.fail('bad-value', `failOn 应为 ${FAIL_ON.join(' | ')}。`);
        config.failOn = failOn as Severity;
      } else if (key === 'baseline') {
        const path = value.isScalar() && !value.isNull() ? value.text() : '';
        if (path.trim() === '')
          value.fail(
            'bad-value',
            'baseline 应为审核说明文件的路径（相对于本配置文件），例如 baseline: accepted.yaml。',
          );
        config.baseline = resolve(dirname(file), path);
        config.baselineLine = keyNode.line;
      } else if (key === 'template') {
        const names = templateNames(loadCatalog());
        const name = value.isScalar() && !value.isNull() ? value.text() : '';
        if (!names.includes(name)) value.fail('bad-value', `template 应为表套名称之一：${names.join('、')}。`);
        config.template = name;
      } else if (key === 'diff') {
        config.diff = parseDiff(value);
      } else if (key === 'narrative') {
        conventions = parseConventions(value);
      } else if (key === 'formats') {
        config.formats = parseFormats(value, file);
      } else if (key === 'ruleFiles') {
        if (!value.isSeq()) value.fail('bad-value', 'ruleFiles 应为规则文件路径的列表。');
        config.ruleFiles = value.each((item) => {
          const path = item.isScalar() && !item.isNull() ? item.text() : '';
          if (path.trim() === '') item.fail('bad-value', 'ruleFiles 的每一项应为规则文件的路径。');
          return resolve(dirname(file), path);
        });
      } else if (key === 'rules') {
        parseSeverities(value, config);
      }
    });
  }
  config.severities = { ...conventions, ...config.severities };
  return config;
}

/** Parses and validates a configuration file; every problem is reported, each with the file and line. */
export function loadConfig(file: string): Config {
  let text: string;
  try {
    // through the input guard: a FIFO or /dev/zero as --config is one sentence, never a hang
    text = readGuardedTextSync(file, { maxBytes: LIMITS.configBytes, what: '配置文件' });
  } catch (error) {
    if (error instanceof InputError && error.code !== 'file-not-found') throw error;
    throw ConfigError.at('not-found', file, 0, '无法读取该文件，请检查路径。');
  }
  return readYaml(
    text,
    file,
    (root) => readConfig(root, file),
    (problems) => new ConfigError(file, problems),
  );
}

/** Rule ids the configuration names that no loaded rule has: a typo would silently do nothing. */
export function checkRuleIds(config: Config, known: ReadonlySet<string>): void {
  const problems: DataFileProblem[] = Object.keys(config.severities)
    .filter((id) => !known.has(id))
    .map((id) => ({
      code: 'unknown-rule',
      line: config.ruleLines[id] ?? 0,
      detail: `没有编号为「${id}」的规则（juesuan rules 列出全部规则）。`,
    }));
  if (problems.length > 0) throw new ConfigError(config.file ?? '', problems);
}
