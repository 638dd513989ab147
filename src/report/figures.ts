import { shownExpected } from '../diagnosis/groups.js';
import type { Finding } from '../model/finding.js';
import { BLANK_TEXT } from '../rules/messages.js';

/**
 * The 应为 / 实为 / 差额 figures of a finding, the same in every format. Checks name their data as
 * suits their message: a table identity has expected and actual; a stated figure the text got wrong
 * (a rate, a share, a count) has `stated` (what is written: 实为) and `computed` or the counted
 * `actual` (what it should be: 应为); text left from the template has `residue` (实为) and, where the
 * check knows it, `should` (应为). An inequality says which way (≥ 0.50, not "应为 0.50"), and a
 * total a culprit elsewhere explains shows no 应为 (src/diagnosis).
 */
export interface Figures {
  expected: string;
  actual: string;
  difference: string;
}

/** 「增加」或「减少」择一, from the template's 增加（减少）. */
function alternatives(residue: string): string {
  const m = /^(.+)（(.+)）$/u.exec(residue);
  return m ? `「${m[1]}」或「${m[2]}」择一` : '按实际情况改写';
}

/** What the template text (claims.yaml residue patterns) should become, by its pattern id. */
const RESIDUE_SHOULD: Record<string, (residue: string) => string> = {
  'either-or': alternatives,
  'unit-alternative': alternatives,
  guidance: () => '删去填写说明',
  'unfilled-percent': () => '填入百分比',
  'unfilled-amount': () => '填入金额',
  placeholder: () => '填入实际内容',
  'percent-sign': (residue) => `${residue}%`,
  'reason-empty': () => '写明原因',
};

/** Findings whose figures are not a number against a number, by messageId. */
const SPECIAL: Record<string, (d: Record<string, string | undefined>) => Partial<Figures>> = {
  // the words against the figures: the figures are what the words should say
  'reason-contradicts': (d) => ({ expected: d.figures ?? '', actual: d.word ?? '' }),
  'moved-contradicts': (d) => ({ expected: d.figures ?? '', actual: d.word ?? '' }),
  'budget-gap-contradicts': (d) => ({ expected: d.figures ?? '', actual: d.word ?? '' }),
  'words-disagree': (d) => ({ expected: `同为${d.expected ?? ''}`, actual: `${d.change ?? ''}、${d.rate ?? ''}` }),
  'flat-nonzero': (d) => ({ expected: '变动 0（持平）', actual: `变动 ${d.change ?? ''}` }),
  // the parts' rates against the total's budget: the budgets they imply should add up to it
  // the parts' bases (change ÷ rate) against the total's base last year: they cannot add up to more
  'change-sum-bases': (d) => ({
    expected: `各项上年数合计 ≤ ${d.limit ?? ''}`,
    actual: `推得至少 ${d.computed ?? ''}`,
  }),
  // the parts' changes pinned by their rates × their figures the year before, against the total's change
  'change-sum-pinned': (d) => ({ expected: `各项变动额合计 ${d.computed ?? ''}`, actual: d.stated ?? '' }),
  'rate-parts-budget': (d) => ({ expected: `各项预算合计 ${d.budget ?? ''}`, actual: `推得合计${d.computed ?? ''}` }),
  'flat-reason': (d) => ({ expected: d.figures ?? '', actual: d.word ?? '' }),
  'flat-said': (d) => ({ expected: d.figures ?? '', actual: d.word ?? '' }),
  'flat-years': (d) => ({ expected: d.figures ?? '', actual: d.word ?? '' }),
  'flat-two-years': (d) => ({
    expected: `本年 ${d.current ?? ''} ≠ 上年 ${d.prior ?? ''}`,
    actual: '两年持平',
  }),
  'flat-elsewhere': (d) => ({ expected: `较${d.year ?? ''}${d.change ?? ''}（另一处）`, actual: '持平' }),
  'flat-budget': (d) => ({
    expected: `决算 ${d.actual ?? ''} ≠ 预算 ${d.budget ?? ''}`,
    actual: '与预算相比无增减',
  }),
  'share-sum': (d) => ({ expected: '100%', actual: d.total ?? '' }),
  'share-sum-over': (d) => ({ expected: '≤ 100%', actual: d.total ?? '' }),
  'part-over-all': (d) => ({ expected: `≤ ${d.actual ?? ''}`, actual: d.stated ?? '' }),
  'rate-zero-budget': (d) => ({ expected: '无法计算（预算为 0）', actual: d.stated ?? '' }),
  'rate-over-capped': (d) => ({ expected: '大于 100%', actual: d.stated ?? '' }),
  includes: (d) => ({
    expected: d.omitted && d.omitted !== '无' ? `另有支出：${d.omitted}` : '',
    actual: d.zero && d.zero !== '无' ? `列出而为 0：${d.zero}` : '',
  }),
  // the completeness checks: what the table of contents or the note says against the file
  'contents-order': (d) => ({ expected: `「${d.name ?? ''}」`, actual: d.table ?? '' }),
  'note-with-data': (d) => ({ expected: '删去无数据的说明', actual: d.raw ?? '' }),
  'empty-table-note': () => ({ expected: '注明本表无数据及原因', actual: '未注明' }),
  // a figure read as last year's or as the change: either rate would do
  'growth-either-reading': (d) => ({ expected: `${d.asPrior ?? ''} 或 ${d.asChange ?? ''}`, actual: d.stated ?? '' }),
  // one name for two scopes: the change fits the parts' sums, not the totals written
  'scope-shift': (d) => ({
    expected: `${d.computed ?? ''}（两个合计之差）`,
    actual: `${d.stated ?? ''}（= 各项之和的差 ${d.narrowed ?? ''}）`,
  }),
  'unexplained-change': (d) => ({
    expected: '说明变动原因',
    actual: `${d.change ?? ''}${d.changeRate ? `（${d.changeRate}）` : ''}，未说明`,
  }),
};

export function figuresOf(f: Finding): Figures {
  const d = f.data;
  const difference = d.difference === undefined ? '' : `${d.difference}${d.tolerance ? `（容差 ${d.tolerance}）` : ''}`;
  const special = f.messageId !== undefined ? SPECIAL[f.messageId] : undefined;
  if (special) return { expected: '', actual: '', difference, ...special(d) };
  if (d.residue !== undefined) {
    const should = d.should ?? RESIDUE_SHOULD[d.kind ?? '']?.(d.residue) ?? '按实际情况改写或删除';
    return { expected: should, actual: d.written ?? d.residue, difference };
  }
  const stated = d.stated;
  let expected: string | undefined =
    stated !== undefined ? (d.computed ?? d.expected ?? d.actual) : (d.expected ?? d.computed);
  if (stated === undefined && expected !== undefined) expected = shownExpected(f);
  if (expected !== undefined && f.messageId === 'too-small') expected = `≥ ${expected}`;
  if (expected !== undefined && f.messageId === 'too-large') expected = `≤ ${expected}`;
  // a side that is one blank cell is 空白, not 0.00
  if (expected !== undefined && expected !== '' && d.expectedText === BLANK_TEXT) expected = '空白';
  const actual = d.actualText === BLANK_TEXT ? '空白' : (stated ?? d.actual ?? '');
  return { expected: expected ?? '', actual, difference };
}
