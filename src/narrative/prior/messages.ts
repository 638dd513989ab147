/**
 * The year-over-year narrative checks (`check --previous`), by implementation name, each with the
 * messages it reports (messageId → template): plain {{name}} substitution. The statement checks
 * name the paragraph and quote the sentence. Part of the one registry (src/rules/registry.ts).
 */
export const PRIOR_CHECKS = {
  'prior.direction': {
    'prior-direction':
      '情况说明 {{where}} 写「{{subject}}」{{stated}}，但按上年决算（{{priorCell}}）{{prior}} {{unit}}、本年 {{current}} {{unit}}，实为{{change}}（{{changeRate}}），方向相反。原文：「{{quote}}」',
  },
  'prior.change': {
    'prior-change':
      '情况说明 {{where}} 写「{{subject}}」{{stated}}，按上年决算（{{priorCell}}）{{prior}} {{unit}}、本年 {{current}} {{unit}}，应为{{change}}（{{changeRate}}）；差额 {{difference}} {{unit}}，超出舍入容差 {{tolerance}}。原文：「{{quote}}」',
  },
  'prior.rate': {
    'prior-rate':
      '情况说明 {{where}} 写「{{subject}}」{{statedRate}}，按上年决算（{{priorCell}}）{{prior}} {{unit}}、本年 {{current}} {{unit}}，应为{{changeRate}}。原文：「{{quote}}」',
  },
  'prior.unexplained': {
    'unexplained-change':
      '「{{subject}}」（{{table}} {{row}}，{{cell}}）由上年 {{prior}} 万元变为 {{current}} 万元，{{change}}（{{changeRate}}），达到大幅变动标准（{{threshold}}），情况说明中没有说明其变动原因的语句。',
  },
} as const satisfies Record<string, Record<string, string>>;

/** The name of a year-over-year narrative check. */
export type PriorCheck = keyof typeof PRIOR_CHECKS;

/** Data every statement finding carries besides its message's slots (see claims.ts finding). */
export const PRIOR_SLOTS = ['paragraph', 'where', 'quote', 'expected', 'actual'] as const;
