/**
 * The general budget's older name, used until 2014 and still met in later texts: "公共财政预算收入",
 * "一般公共财政预算收入" are "一般公共预算收入". One reading for every place that compares funds by name.
 */
const OLDER_GENERAL = /^(?:一般)?公共财政预算/u;

export const currentFundName = (name: string): string => name.replace(OLDER_GENERAL, '一般公共预算');
