import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { LineCounter, Node } from 'yaml';
import { InputError } from '../errors/input-error.js';
import type { Severity } from '../model/finding.js';
import { FORMAT_NAMES, isFormatName } from '../report/formatters.js';
import { yaml } from '../util/yaml.js';
import { loadCatalog } from '../catalog/load-catalog.js';
import { templateNames } from '../catalog/templates.js';

export const CONFIG_NAMES = ['juesuan.config.yaml', 'juesuan.config.yml', 'juesuan.config.json'] as const;
const SEVERITIES = ['error', 'warn', 'info', 'off'] as const;
const FAIL_ON = ['error', 'warn', 'info'] as const;
const KEYS = ['rules', 'ruleFiles', 'failOn', 'baseline', 'formats', 'diff', 'narrative', 'template'] as const;

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

/** A configuration file that cannot be used: says file, line and what to change (exit 2). */
export class ConfigError extends InputError {
  constructor(code: string, file: string, line: number, detail: string) {
    super(`config-${code}`, `配置文件 ${file}${line > 0 ? ` 第 ${line} 行` : ''}：${detail}`);
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

function lineOf(node: Node | null | undefined, counter: LineCounter): number {
  const offset = node?.range?.[0];
  return offset === undefined ? 0 : counter.linePos(offset).line;
}

function severityOf(value: unknown): Severity | 'off' | undefined {
  if (typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value)) return value as Severity | 'off';
  if (value !== null && typeof value === 'object' && 'severity' in value)
    return severityOf((value as { severity: unknown }).severity);
  return undefined;
}

/** `formats: { stylish: stdout, sarif: out/juesuan.sarif }`: known formats, paths, one stdout at most. */
function parseFormats(node: Node | null, file: string, line: number, counter: LineCounter): string[] {
  const { isMap, isScalar } = yaml();
  if (!isMap(node) || node.items.length === 0)
    throw new ConfigError(
      'bad-value',
      file,
      line,
      `formats 应为「格式: 路径」的映射（stdout 为标准输出），例如 formats: { stylish: stdout, sarif: juesuan.sarif }。`,
    );
  const specs: string[] = [];
  let stdout: string | undefined;
  for (const pair of node.items) {
    const name = isScalar(pair.key) ? String(pair.key.value) : '';
    const at = lineOf(pair.key as Node, counter);
    const path = (pair.value as Node | null)?.toJSON() as unknown;
    if (!isFormatName(name))
      throw new ConfigError('bad-format', file, at, `不支持的输出格式「${name}」，可用：${FORMAT_NAMES.join('、')}。`);
    if (typeof path !== 'string' || path.trim() === '')
      throw new ConfigError('bad-value', file, at, `formats.${name} 应为输出文件的路径，或 stdout 表示标准输出。`);
    if (path === 'stdout' || path === '-') {
      if (stdout)
        throw new ConfigError(
          'bad-value',
          file,
          at,
          `只能有一个输出写到标准输出：${stdout} 和 ${name} 都写到 stdout。`,
        );
      stdout = name;
      specs.push(`${name}=-`);
    } else {
      specs.push(`${name}=${resolve(dirname(file), path)}`);
    }
  }
  return specs;
}

/** `diff: { thresholdRate: 30, thresholdAmount: 10 }`: non-negative numbers. */
function parseDiff(value: unknown, file: string, line: number): NonNullable<Config['diff']> {
  const example = 'diff: { thresholdRate: 30, thresholdAmount: 10 }';
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new ConfigError('bad-value', file, line, `diff 应为映射，例如 ${example}。`);
  const diff: NonNullable<Config['diff']> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key !== 'thresholdRate' && key !== 'thresholdAmount')
      throw new ConfigError(
        'unknown-key',
        file,
        line,
        `diff 下未知的配置项「${key}」，可用：thresholdRate、thresholdAmount。`,
      );
    const text = typeof v === 'number' || typeof v === 'string' ? String(v).trim() : '';
    if (!/^\d+(\.\d+)?$/.test(text))
      throw new ConfigError('bad-value', file, line, `diff.${key} 应为不小于 0 的数，例如 ${example}。`);
    diff[key] = text;
  }
  return diff;
}

/** Parses and validates a configuration file; every problem names the file and line. */
export function loadConfig(file: string): Config {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ConfigError('not-found', file, 0, '无法读取该文件，请检查路径。');
  }
  const { isMap, isScalar, LineCounter } = yaml();
  const counter = new LineCounter();
  const doc = yaml().parseDocument(text, { lineCounter: counter });
  const firstError = doc.errors[0];
  if (firstError)
    throw new ConfigError(
      'yaml-syntax',
      file,
      counter.linePos(firstError.pos[0]).line,
      `YAML 语法错误：${firstError.message.split('\n')[0]}`,
    );
  const config: Config = { file, severities: {}, ruleFiles: [], ruleLines: {} };
  const conventions: Record<string, Severity | 'off'> = {};
  if (doc.contents === null) return config;
  if (!isMap(doc.contents)) throw new ConfigError('bad-shape', file, 1, `顶层应为映射（${KEYS.join(' / ')}）。`);
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const line = lineOf(pair.key as Node, counter);
    const value = (pair.value as Node | null)?.toJSON() as unknown;
    if (!(KEYS as readonly string[]).includes(key))
      throw new ConfigError('unknown-key', file, line, `未知的配置项「${key}」，可用：${KEYS.join('、')}。`);
    if (key === 'failOn') {
      if (typeof value !== 'string' || !(FAIL_ON as readonly string[]).includes(value))
        throw new ConfigError('bad-value', file, line, `failOn 应为 ${FAIL_ON.join(' | ')}。`);
      config.failOn = value as Severity;
    } else if (key === 'baseline') {
      if (typeof value !== 'string' || value.trim() === '')
        throw new ConfigError(
          'bad-value',
          file,
          line,
          'baseline 应为审核说明文件的路径（相对于本配置文件），例如 baseline: accepted.yaml。',
        );
      config.baseline = resolve(dirname(file), value);
      config.baselineLine = line;
    } else if (key === 'template') {
      const names = templateNames(loadCatalog());
      if (typeof value !== 'string' || !names.includes(value))
        throw new ConfigError('bad-value', file, line, `template 应为表套名称之一：${names.join('、')}。`);
      config.template = value;
    } else if (key === 'diff') {
      config.diff = parseDiff(value, file, line);
    } else if (key === 'narrative') {
      Object.assign(conventions, parseConventions(value, file, line));
    } else if (key === 'formats') {
      config.formats = parseFormats(pair.value as Node | null, file, line, counter);
    } else if (key === 'ruleFiles') {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
        throw new ConfigError('bad-value', file, line, 'ruleFiles 应为规则文件路径的列表。');
      config.ruleFiles = (value as string[]).map((p) => resolve(dirname(file), p));
    } else {
      if (!isMap(pair.value)) throw new ConfigError('bad-value', file, line, 'rules 应为「规则编号: 级别」的映射。');
      for (const rule of pair.value.items) {
        const id = isScalar(rule.key) ? String(rule.key.value) : '';
        const severity = severityOf((rule.value as Node | null)?.toJSON());
        if (!severity)
          throw new ConfigError(
            'bad-severity',
            file,
            lineOf(rule.key as Node, counter),
            `规则 ${id} 的级别应为 ${SEVERITIES.join(' | ')}。`,
          );
        config.severities[id] = severity;
        config.ruleLines[id] = lineOf(rule.key as Node, counter);
      }
    }
  }
  config.severities = { ...conventions, ...config.severities };
  return config;
}

/** `narrative: { rate100WhenOverBudget: accept, truncatedPercentages: info }`. */
function parseConventions(value: unknown, file: string, line: number): Record<string, Severity | 'off'> {
  const names = Object.keys(NARRATIVE_CONVENTIONS).join('、');
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new ConfigError(
      'bad-value',
      file,
      line,
      `narrative 应为「惯例: accept 或级别」的映射，可用的惯例：${names}。`,
    );
  const severities: Record<string, Severity | 'off'> = {};
  for (const [name, v] of Object.entries(value)) {
    const rule = NARRATIVE_CONVENTIONS[name];
    if (!rule) throw new ConfigError('unknown-key', file, line, `narrative 下未知的惯例「${name}」，可用：${names}。`);
    const severity = v === 'accept' ? 'off' : severityOf(v);
    if (!severity)
      throw new ConfigError(
        'bad-severity',
        file,
        line,
        `narrative.${name} 应为 accept（本单位的惯例，不报告）或 ${SEVERITIES.join(' | ')}。`,
      );
    severities[rule] = severity;
  }
  return severities;
}

/** Rule ids the configuration names that no loaded rule has: a typo would silently do nothing. */
export function checkRuleIds(config: Config, known: ReadonlySet<string>): void {
  for (const id of Object.keys(config.severities)) {
    if (!known.has(id))
      throw new ConfigError(
        'unknown-rule',
        config.file ?? '',
        config.ruleLines[id] ?? 0,
        `没有编号为「${id}」的规则（juesuan rules 列出全部规则）。`,
      );
  }
}
