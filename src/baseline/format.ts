import { yaml } from '../util/yaml.js';
import { ENTRY_FIELDS, type BaselineEntry } from './types.js';

export const HEADER = [
  ' juesuan 审核说明（已接受的问题）',
  ' 由 juesuan baseline 生成；juesuan check --baseline <本文件> 不再报告这里列出的问题，',
  ' 并把不再出现的条目列为 baseline.stale 提示。',
  ' 按 rule + table + row + column 匹配，不按单元格地址（行次、科目在不同年度会移动）；',
  ' message、cell、file 只供参考，不参与匹配。',
  ' 每条都必须填写 reason：为什么接受该问题（例如：经财政部门确认的口径差异）。',
  ' reason 为空时 check 拒绝使用本文件，并指出文件和行号。',
].join('\n');

export const REASON_PROMPT = ' 必填：说明为什么接受该问题';

/** The baseline file: a header, `version: 1` and the `accepted:` list; empty reasons carry a prompt. */
export function formatBaseline(entries: readonly BaselineEntry[]): string {
  const plain = entries.map((entry) => {
    const out: Record<string, string> = {};
    for (const field of ENTRY_FIELDS) {
      const value = entry[field];
      if (value !== undefined) out[field] = value;
    }
    return out;
  });
  const doc = new (yaml().Document)({ version: 1, accepted: plain });
  doc.commentBefore = HEADER;
  const list = doc.get('accepted', true);
  if (yaml().isSeq(list)) {
    list.items.forEach((item, i) => {
      if (!yaml().isMap(item)) return;
      if (i > 0) item.spaceBefore = true;
      const reason = item.items.find((pair) => yaml().isScalar(pair.key) && pair.key.value === 'reason');
      if (reason && yaml().isScalar(reason.value) && String(reason.value.value).trim() === '')
        reason.value.comment = REASON_PROMPT;
    });
  }
  return doc.toString({ lineWidth: 0 });
}
