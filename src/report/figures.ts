import { shownExpected } from '../diagnosis/groups.js';
import type { Finding } from '../model/finding.js';

/**
 * The 应为 / 实为 / 差额 figures of a finding, the same in every format. Checks name their data as
 * suits their message: a table identity has expected and actual; a stated figure the text got wrong
 * (a rate, a share, a count) has `stated` (what is written: 实为) and `computed` or the counted
 * `actual` (what it should be: 应为). An inequality says which way (≥ 0.50, not "应为 0.50"), and a
 * total a culprit elsewhere explains shows no 应为 (src/diagnosis).
 */
export interface Figures {
  expected: string;
  actual: string;
  difference: string;
}

export function figuresOf(f: Finding): Figures {
  const d = f.data;
  const stated = d.stated;
  let expected: string | undefined =
    stated !== undefined ? (d.computed ?? d.expected ?? d.actual) : (d.expected ?? d.computed);
  if (stated === undefined && expected !== undefined) expected = shownExpected(f);
  if (expected !== undefined && f.messageId === 'too-small') expected = `≥ ${expected}`;
  if (expected !== undefined && f.messageId === 'too-large') expected = `≤ ${expected}`;
  const actual = stated ?? d.actual ?? '';
  const difference = d.difference === undefined ? '' : `${d.difference}${d.tolerance ? `（容差 ${d.tolerance}）` : ''}`;
  return { expected: expected ?? '', actual, difference };
}
