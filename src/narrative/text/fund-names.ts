/**
 * The general budget's older name, used until 2014 and still met in later texts: "公共财政预算收入",
 * "一般公共财政预算收入" are "一般公共预算收入". One reading for every place that compares funds by name.
 */
const OLDER_GENERAL = /^(?:一般)?公共财政预算/u;

export const currentFundName = (name: string): string => name.replace(OLDER_GENERAL, '一般公共预算');

/** The four budgets' names, each holding the word 预算 without speaking of a budget ("一般公共预算收入"), the older one too. */
export const FUND_BUDGET_NAMES = '一般公共预算|公共财政预算|政府性基金预算|国有资本经营预算|社会保险基金预算';

/** A pattern masking the funds' names and `more` (names of the reader's own that hold 预算 but name no budget). */
export const fundNamesAnd = (more: string): RegExp => new RegExp(`${FUND_BUDGET_NAMES}|${more}`, 'gu');
