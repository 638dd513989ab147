import { DataFileError, type DataFileProblem } from '../errors/data-file-error.js';
import { LIMITS } from '../io/limits.js';
import { type Node, readYaml } from '../util/yaml-node.js';
import { entryKey } from './entries.js';
import { ENTRY_FIELDS, type Baseline, type BaselineEntry } from './types.js';

/** A baseline file that cannot be used: every problem, each with the file and line (exit 2). */
export class BaselineError extends DataFileError {
  constructor(file: string, problems: readonly DataFileProblem[]) {
    super('审核说明', file, problems, { codePrefix: 'baseline-' });
    this.name = 'BaselineError';
  }
}

export interface ParseOptions {
  /** false while the file is still a draft (juesuan baseline updating it); true for check. */
  requireReasons?: boolean;
}

const TOP_KEYS = ['version', 'accepted'] as const;

/** One entry: known fields, each a piece of text; a rule id. */
function readEntry(item: Node): { entry: BaselineEntry; reasonAt: Node } {
  if (!item.isMap()) item.fail('bad-entry', '每条应为映射：rule、table、row、column、reason …');
  item.closed(ENTRY_FIELDS, (field) => `未知的字段「${field}」，可用：${ENTRY_FIELDS.join('、')}。`, {
    code: 'unknown-field',
  });
  const entry: Partial<BaselineEntry> = { line: item.line };
  let reasonAt = item;
  for (const [field, value, keyNode] of item.entries()) {
    if (!value.isNull() && !value.isScalar()) value.fail('bad-value', `${field} 应为一段文字。`);
    const text = value.isNull() ? '' : value.text();
    if (field === 'reason') reasonAt = keyNode;
    if (text !== '' || field === 'reason') (entry as Record<string, unknown>)[field] = text;
  }
  if (!entry.rule) item.fail('missing-rule', '条目缺少 rule（规则编号）。');
  entry.reason = entry.reason ?? '';
  return { entry: entry as BaselineEntry, reasonAt };
}

function readBaseline(root: Node, file: string, requireReasons: boolean): Baseline {
  const baseline: Baseline = { file, entries: [] };
  if (root.isNull()) return baseline;
  if (!root.isMap()) root.fail('bad-shape', '顶层应为映射：version: 1 和 accepted: 列表。');
  root.closed(TOP_KEYS, (key) => `未知的项「${key}」，可用：${TOP_KEYS.join('、')}。`, { stop: false });
  const version = root.get('version');
  if (version && !(version.isScalar() && !version.isNull() && version.text() === '1'))
    version.report('bad-version', 'version 应为 1。');
  const list = root.get('accepted');
  if (!list || list.isNull() || (list.isScalar() && list.text() === '')) return baseline;
  if (!list.isSeq()) list.fail('bad-shape', 'accepted 应为条目列表（每条以「- rule:」开头）。');
  if (list.items().length > LIMITS.baselineEntries)
    list.fail('over-limit', `accepted 超过 ${LIMITS.baselineEntries} 条，超出本工具的处理上限。`);
  const lines = new Map<string, number>();
  const emptyReasons: { at: Node; rule: string }[] = [];
  list.each((item) => {
    const { entry, reasonAt } = readEntry(item);
    const key = entryKey(entry);
    const earlier = lines.get(key);
    if (earlier !== undefined)
      item.fail('duplicate', `与第 ${earlier} 行的条目相同（rule、table、row、column 都一样），请合并为一条。`);
    lines.set(key, item.line);
    if (!entry.reason.trim()) emptyReasons.push({ at: reasonAt, rule: entry.rule });
    baseline.entries.push(entry);
  });
  // one sentence for all the empty reasons: a fresh baseline has nothing but
  const [first] = emptyReasons;
  if (first && requireReasons) {
    const all =
      emptyReasons.length > 1
        ? `（共 ${emptyReasons.length} 条未填写，第 ${emptyReasons
            .slice(0, 10)
            .map((e) => e.at.line)
            .join('、')}${emptyReasons.length > 10 ? ' …' : ''} 行）`
        : '';
    first.at.report(
      'empty-reason',
      `规则 ${first.rule} 的条目没有填写 reason${all}：请说明为什么接受该问题，或删除该条目。`,
    );
  }
  return baseline;
}

/**
 * Parses and validates a baseline: `version: 1`, an `accepted:` list of entries with a rule id and
 * (for check) a non-empty reason, no key twice; every problem is reported, each at its line. Every
 * scalar is read as text (YAML failsafe schema), so `table: 03` stays "03".
 */
export function parseBaseline(text: string, file: string, options: ParseOptions = {}): Baseline {
  return readYaml(
    text,
    file,
    (root) => readBaseline(root, file, options.requireReasons !== false),
    (problems) => new BaselineError(file, problems),
    { schema: 'failsafe' },
  );
}
