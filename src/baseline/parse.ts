import type { Node, Pair } from 'yaml';
import { parseUserYaml, yaml, yamlErrorText } from '../util/yaml.js';
import { InputError } from '../errors/input-error.js';
import { LIMITS } from '../io/limits.js';
import { entryKey } from './entries.js';
import { ENTRY_FIELDS, type Baseline, type BaselineEntry } from './types.js';

/** A baseline file that cannot be used: names the file and line (exit 2). */
export class BaselineError extends InputError {
  constructor(code: string, file: string, line: number, detail: string) {
    super(`baseline-${code}`, `审核说明 ${file}${line > 0 ? ` 第 ${line} 行` : ''}：${detail}`);
  }
}

export interface ParseOptions {
  /** false while the file is still a draft (juesuan baseline updating it); true for check. */
  requireReasons?: boolean;
}

const TOP_KEYS = ['version', 'accepted'] as const;

/**
 * Parses and validates a baseline: `version: 1`, an `accepted:` list of entries with a rule id and
 * (for check) a non-empty reason, no key twice. Every scalar is read as text (YAML failsafe
 * schema), so `table: 03` stays "03".
 */
export function parseBaseline(text: string, file: string, options: ParseOptions = {}): Baseline {
  const counter = new (yaml().LineCounter)();
  const doc = parseUserYaml(text, { schema: 'failsafe', lineCounter: counter });
  const lineOf = (node: Node | Pair | null | undefined): number => {
    const target = node && 'key' in node ? (node.key as Node | null) : node;
    const offset = target?.range?.[0];
    return offset === undefined ? 0 : counter.linePos(offset).line;
  };
  const fail = (code: string, line: number, detail: string): never => {
    throw new BaselineError(code, file, line, detail);
  };
  const firstError = doc.errors[0];
  if (firstError) fail('yaml-syntax', counter.linePos(firstError.pos[0]).line, yamlErrorText(firstError));
  const baseline: Baseline = { file, entries: [] };
  if (doc.contents === null) return baseline;
  if (!yaml().isMap(doc.contents)) return fail('bad-shape', 1, '顶层应为映射：version: 1 和 accepted: 列表。');
  let list: Node | null = null;
  for (const pair of doc.contents.items) {
    const key = yaml().isScalar(pair.key) ? String(pair.key.value) : '';
    if (!(TOP_KEYS as readonly string[]).includes(key))
      fail('unknown-key', lineOf(pair), `未知的项「${key}」，可用：${TOP_KEYS.join('、')}。`);
    const value = pair.value as Node | null;
    if (key === 'version' && !(yaml().isScalar(value) && String(value.value) === '1'))
      fail('bad-version', lineOf(pair), 'version 应为 1。');
    if (key === 'accepted') list = value;
  }
  if (list === null || (yaml().isScalar(list) && String(list.value) === '')) return baseline;
  if (!yaml().isSeq(list)) return fail('bad-shape', lineOf(list), 'accepted 应为条目列表（每条以「- rule:」开头）。');
  const lines = new Map<string, number>();
  const emptyReasons: { line: number; rule: string }[] = [];
  if (list.items.length > LIMITS.baselineEntries)
    fail('over-limit', lineOf(list), `accepted 超过 ${LIMITS.baselineEntries} 条，超出本工具的处理上限。`);
  for (const item of list.items as (Node | null)[]) {
    const line = lineOf(item);
    if (!yaml().isMap(item)) return fail('bad-entry', line, '每条应为映射：rule、table、row、column、reason …');
    const entry: Partial<BaselineEntry> = { line };
    let reasonLine = line;
    for (const pair of item.items) {
      const field = yaml().isScalar(pair.key) ? String(pair.key.value) : '';
      if (!(ENTRY_FIELDS as readonly string[]).includes(field))
        fail('unknown-field', lineOf(pair), `未知的字段「${field}」，可用：${ENTRY_FIELDS.join('、')}。`);
      const value = pair.value as Node | null;
      if (value !== null && !yaml().isScalar(value)) fail('bad-value', lineOf(pair), `${field} 应为一段文字。`);
      const textValue = yaml().isScalar(value) ? String(value.value) : '';
      if (field === 'reason') reasonLine = lineOf(pair);
      if (textValue !== '' || field === 'reason') (entry as Record<string, unknown>)[field] = textValue;
    }
    if (!entry.rule) fail('missing-rule', line, '条目缺少 rule（规则编号）。');
    if (!entry.reason?.trim()) emptyReasons.push({ line: reasonLine, rule: entry.rule as string });
    entry.reason = entry.reason ?? '';
    const key = entryKey(entry as BaselineEntry);
    const earlier = lines.get(key);
    if (earlier !== undefined)
      fail('duplicate', line, `与第 ${earlier} 行的条目相同（rule、table、row、column 都一样），请合并为一条。`);
    lines.set(key, line);
    baseline.entries.push(entry as BaselineEntry);
  }
  const [first] = emptyReasons;
  if (first && options.requireReasons !== false) {
    const all =
      emptyReasons.length > 1
        ? `（共 ${emptyReasons.length} 条未填写，第 ${emptyReasons
            .slice(0, 10)
            .map((e) => e.line)
            .join('、')}${emptyReasons.length > 10 ? ' …' : ''} 行）`
        : '';
    fail(
      'empty-reason',
      first.line,
      `规则 ${first.rule} 的条目没有填写 reason${all}：请说明为什么接受该问题，或删除该条目。`,
    );
  }
  return baseline;
}
